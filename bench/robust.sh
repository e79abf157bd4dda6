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
# Prints a Markdown table on stdout. Needs python3 and ../shared.
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
KINDS="wrap crlf indent blank ads gbk"
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
