#!/usr/bin/env bash
# Extraction under formatting noise: each realdev-shaped set is scored as it
# is and again with one kind of noise applied to every page (bench/perturb.py:
# hard wrapping, CRLF, full-width indents, blank lines, injected adverts,
# GBK/Big5 bytes), the gold unchanged. A field that drops under a kind
# depends on the page's layout rather than on what it says.
#
#   bench/robust.sh                      realdev (even files: tuned on; odd: held out)
#   EXTRA=DIR bench/robust.sh            also DIR (docs/*.txt and gold/ as realdev)
#   BIN=/tmp/us bench/robust.sh          another binary
#
# Then html-dev under markup noise (bench/perturb_html.py), unionscope beside
# go-readability (READABILITY=BIN for another build of it).
#
# Prints Markdown tables on stdout. Needs python3 and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$PWD/../shared}
[[ -d $SHARED/realdev ]] || { echo "robust.sh: $SHARED/realdev is absent" >&2; exit 1; }
if [[ -z ${BIN:-} ]]; then
	go build -o bin/unionscope ./cmd/unionscope
	BIN=$PWD/bin/unionscope
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
KINDS="wrap crlf indent blank ads gbk nbsp html chrome"
sets=("realdev=$SHARED/realdev")
[[ -n ${EXTRA:-} ]] && sets+=("extra=$EXTRA")
for s in "${sets[@]}"; do
	name=${s%%=*} dir=${s#*=}
	python3 bench/perturb.py "$dir" "$tmp/$name" $KINDS
	mkdir -p "$tmp/$name/none/docs"
	cp "$dir"/docs/*.txt "$tmp/$name/none/docs/"
	ln -s "$(cd "$dir/gold" && pwd)" "$tmp/$name/none/gold"
	for k in none $KINDS; do
		for half in even odd; do
			files=()
			for f in "$tmp/$name/$k/docs"/*.txt; do
				n=$(basename "$f" .txt)
				want=0
				[[ $half == odd ]] && want=1
				if (( 10#$n % 2 == want )); then files+=("$f"); fi
			done
			"$BIN" parse --format jsonl "${files[@]}" >"$tmp/$name-$k-$half.jsonl" 2>/dev/null || true
		done
	done
done
python3 - "$tmp" "$SHARED" "$KINDS" "${sets[@]}" <<'PY'
import json, os, subprocess, sys
tmp, shared, kinds = sys.argv[1], sys.argv[2], ['none'] + sys.argv[3].split()
fields = ['body', 'title', 'date', 'publisher', 'author', 'doctype', 'region', 'metrics', 'campaigns']
def half_gold(gold, half, out):
    os.makedirs(out, exist_ok=True)
    want = 0 if half == 'even' else 1
    for f in ('documents', 'metrics', 'campaigns'):
        with open(os.path.join(out, f + '.jsonl'), 'w', encoding='utf-8') as o:
            for l in open(os.path.join(gold, f + '.jsonl'), encoding='utf-8'):
                if l.strip() and int(json.loads(l)['source_file'][:3]) % 2 == want:
                    o.write(l)
print('| set | noise | ' + ' | '.join(fields) + ' | documents |')
print('|---|---|' + '---|' * (len(fields) + 1))
for s in sys.argv[4:]:
    name, d = s.split('=', 1)
    for half in ('even', 'odd'):
        g = os.path.join(tmp, f'gold-{name}-{half}')
        half_gold(os.path.join(d, 'gold'), half, g)
        for k in kinds:
            r = json.loads(subprocess.run(['python3', os.path.join(shared, 'gold', 'score.py'), '--gold', g,
                                           os.path.join(tmp, f'{name}-{k}-{half}.jsonl'), '--json'],
                                          capture_output=True, text=True, check=True).stdout)
            cells = [f"{(r[f]['F1'] if isinstance(r[f], dict) else r[f]):.3f}" for f in fields]
            print(f'| {name} {half} | {k} | ' + ' | '.join(cells) + f" | {r['documents']} |")
PY

# Web pages under markup noise (bench/perturb_html.py): html-dev's pages with
# no class names, <br> or <div> paragraphs, GBK bytes with their charset
# declared, undeclared or declared as UTF-8, an injected gambling link,
# readers' comments and a column of teasers; body char-F1 of unionscope and
# go-readability on the two halves of html-dev's sites (tune on the first).
HTMLDEV=$SHARED/html-dev
if [[ -f $HTMLDEV/score.py ]]; then
	if [[ -z ${READABILITY:-} ]]; then
		go build -o bin/readability ./bench/readability
		READABILITY=$PWD/bin/readability
	fi
	HKINDS="noattr brs divs gbk gbk-undeclared lying-charset ads comments sidebar"
	python3 bench/perturb_html.py "$HTMLDEV" "$tmp/html" $HKINDS
	for k in none $HKINDS; do
		d=$tmp/html/$k
		[[ $k == none ]] && d=$HTMLDEV
		for who in unionscope=$BIN go-readability=$READABILITY; do
			python3 "$d/score.py" "${who#*=}" --per-page >/dev/null 2>"$tmp/html-$k-${who%%=*}.pp" || true
		done
	done
	python3 - "$tmp" "$HKINDS" <<'PY'
import sys
tmp, kinds = sys.argv[1], ['none'] + sys.argv[2].split()
def halves(path):
    per = {}
    for l in open(path, encoding='utf-8'):
        f = l.rstrip('\n').split('\t')
        if len(f) == 2:
            per[f[1]] = float(f[0])
    hosts = sorted({k.split('_')[1] for k in per})
    half = {h: i % 2 for i, h in enumerate(hosts)}
    return [sum(v for k, v in per.items() if half[k.split('_')[1]] == i) / max(1, sum(1 for k in per if half[k.split('_')[1]] == i)) for i in (0, 1)]
print('\n| html-dev noise | unionscope, tune half | unionscope, check half | go-readability, tune half | go-readability, check half |')
print('|---|---|---|---|---|')
for k in kinds:
    u, r = halves(f'{tmp}/html-{k}-unionscope.pp'), halves(f'{tmp}/html-{k}-go-readability.pp')
    print(f'| {k} | {u[0]:.3f} | {u[1]:.3f} | {r[0]:.3f} | {r[1]:.3f} |')
PY
fi
