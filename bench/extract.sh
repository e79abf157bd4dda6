#!/usr/bin/env bash
# Extraction accuracy on the shared material, as one table: each field on
# the seeds, on the even-numbered realdev files (tune on these) and on the
# odd-numbered ones (the honest figure), and html-dev body char-F1 (and the
# headline, a reference's first paragraph, matched exactly) beside
# go-readability's (bench/readability) on the same pages in the same run.
#
#   bench/extract.sh                         build ./bin/unionscope and score it
#   BIN=/tmp/us bench/extract.sh             score another binary
#   READABILITY=/tmp/r bench/extract.sh      and another peer on html-dev
#   bench/extract.sh --rules-off 'title.*'   score with rules switched off (flags go to parse)
#   SETS="even" bench/extract.sh             only some of: seeds even odd html xeven xodd
#   EXTRA=DIR bench/extract.sh               also score DIR (docs/*.txt and gold/ in the format
#                                            of ../shared/realdev), split into even and odd files
#   BASE=9f0bcd3 bench/extract.sh            also measure the CPU per document of that commit's
#                                            parse on the same pages (set "cpu"), beside this one's
#
# Prints a Markdown table on stdout. Needs python3 and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$PWD/../shared}
SETS=${SETS:-seeds even odd html${EXTRA:+ xeven xodd}${BASE:+ cpu}}
if [[ -z ${BIN:-} ]]; then
	go build -o bin/unionscope ./cmd/unionscope
	BIN=$PWD/bin/unionscope
fi
[[ -d $SHARED/gold ]] || { echo "extract.sh: $SHARED is absent" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
want() { [[ " $SETS " == *" $1 "* ]]; }

score() { # NAME GOLDDIR FILES...
	local name=$1 gold=$2
	shift 2
	"$BIN" parse "${PARSE_FLAGS[@]}" --format jsonl "$@" >"$tmp/$name.jsonl" 2>"$tmp/$name.err" || true
	python3 "$SHARED/gold/score.py" --gold "$gold" "$tmp/$name.jsonl" --json >"$tmp/$name.score"
}
PARSE_FLAGS=("$@")
if want seeds; then score seeds "$SHARED/gold" "$SHARED"/seeds/*; fi
# split GOLD DOCS NAME HALF: score the even or odd files of a realdev-shaped set.
split() {
	local gold=$1 docs=$2 name=$3 half=$4
	mkdir -p "$tmp/gold-$name"
	python3 - "$half" "$gold" "$tmp/gold-$name" <<'PY'
import json, os, sys
want = 0 if sys.argv[1] == 'even' else 1
for f in ('documents', 'metrics', 'campaigns'):
    with open(os.path.join(sys.argv[3], f + '.jsonl'), 'w', encoding='utf-8') as out:
        for l in open(os.path.join(sys.argv[2], f + '.jsonl'), encoding='utf-8'):
            if l.strip() and int(json.loads(l)['source_file'][:3]) % 2 == want:
                out.write(l)
PY
	local files=() f n
	for f in "$docs"/*.txt; do
		n=$(basename "$f" .txt)
		if (( 10#$n % 2 == 0 )); then [[ $half == even ]] && files+=("$f"); else [[ $half == odd ]] && files+=("$f"); fi
	done
	score "$name" "$tmp/gold-$name" "${files[@]}"
}
for half in even odd; do
	if want $half; then split "$SHARED/realdev/gold" "$SHARED/realdev/docs" $half $half; fi
	if [[ -n ${EXTRA:-} ]] && want x$half; then split "$EXTRA/gold" "$EXTRA/docs" x$half $half; fi
done
if want html && [[ -f $SHARED/html-dev/score.py ]]; then
	if [[ -z ${READABILITY:-} ]]; then
		go build -o bin/readability ./bench/readability
		READABILITY=$PWD/bin/readability
	fi
	# html_score NAME BIN [PARSE FLAGS...]: score.py runs a wrapper that
	# passes parse's own flags after the subcommand name, keeps the output
	# and adds up the wall time of each parse run.
	html_score() {
		local name=$1 bin=$2 w=$tmp/$1.sh
		shift 2
		{
			printf '#!/bin/sh\nsub=$1; shift\nstart=$(date +%%s%%N)\n%q "$sub"' "$bin"
			for a in "$@"; do printf ' %q' "$a"; done
			printf ' "$@" | tee -a %q\necho $(( $(date +%%s%%N) - start )) >>%q\n' "$tmp/$name.out" "$tmp/$name.ns"
		} >"$w"
		chmod +x "$w"
		python3 "$SHARED/html-dev/score.py" "$w" --json --per-page >"$tmp/$name.html" 2>"$tmp/$name.pp" || true
	}
	html_score unionscope "$BIN" "${PARSE_FLAGS[@]}"
	html_score go-readability "$READABILITY"
fi
# cpu BIN TIMES FILES...: CPU milliseconds per document of one parse run
# over the files TIMES times, less a run over one file (the dictionaries'
# load), best of three. TIMES makes each run a second or more, so that the
# load's own jitter stays small beside it.
cpu() {
	local bin=$1 times=$2 best= i t0 t1 reps=()
	shift 2
	for ((i = 0; i < times; i++)); do reps+=("$@"); done
	for i in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$tmp/t0" "$bin" parse --format jsonl "$1" >/dev/null 2>&1 || true
		/usr/bin/time -f '%U %S' -o "$tmp/t1" "$bin" parse --format jsonl "${reps[@]}" >/dev/null 2>&1 || true
		t0=$(awk '{print $1 + $2}' "$tmp/t0")
		t1=$(awk '{print $1 + $2}' "$tmp/t1")
		t1=$(awk -v a="$t1" -v b="$t0" -v n="${#reps[@]}" 'BEGIN{printf "%.2f", 1000 * (a - b) / (n - 1)}')
		if [[ -z $best ]] || awk -v a="$t1" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$t1; fi
	done
	echo "$best"
}
if want cpu && [[ -n ${BASE:-} ]]; then
	git worktree add -q --detach "$tmp/base" "$BASE"
	(cd "$tmp/base" && go build -o "$tmp/base-bin" ./cmd/unionscope)
	git worktree remove --force "$tmp/base"
	mkdir -p "$tmp/html-pages"
	for f in "$SHARED"/html-dev/html/*.html.gz; do gzip -dc "$f" >"$tmp/html-pages/$(basename "$f" .gz)"; done
	text=("$SHARED"/seeds/* "$SHARED"/realdev/docs/*.txt)
	{
		printf 'text\t%d\t%s\t%s\n' "${#text[@]}" "$(cpu "$BIN" 40 "${text[@]}")" "$(cpu "$tmp/base-bin" 40 "${text[@]}")"
		printf 'html\t%d\t%s\t%s\n' 210 "$(cpu "$BIN" 5 "$tmp"/html-pages/*)" "$(cpu "$tmp/base-bin" 5 "$tmp"/html-pages/*)"
	} >"$tmp/cpu.tsv"
fi
python3 - "$tmp" "$SETS" "${BASE:-}" "$SHARED" <<'PY'
import json, os, re, sys
tmp, sets = sys.argv[1], sys.argv[2].split()
cols = [s for s in ('seeds', 'even', 'odd', 'xeven', 'xodd') if s in sets and os.path.exists(os.path.join(tmp, s + '.score'))]
names = {'seeds': 'seeds', 'even': 'realdev even', 'odd': 'realdev odd', 'xeven': 'extra even', 'xodd': 'extra odd'}
res = {c: json.load(open(os.path.join(tmp, c + '.score'))) for c in cols}
def cell(v, k):
    if isinstance(v, dict):
        return f"{v['F1']:.3f}" + (f" (P {v['P']:.3f} R {v['R']:.3f})" if k.startswith(('metrics', 'campaigns')) else '')
    return f'{v:.3f}'
if cols:
    print('| field | ' + ' | '.join(names[c] for c in cols) + ' |')
    print('|---|' + '---|' * len(cols))
    for k in ('body', 'title', 'date', 'publisher', 'author', 'doctype', 'region', 'metrics', 'metric_subject',
              'metrics.funds', 'metrics.people', 'metrics.rate', 'metrics.count', 'campaigns'):
        if all(k in res[c] for c in cols):
            print(f'| {k} | ' + ' | '.join(cell(res[c][k], k) for c in cols) + ' |')
    print('| documents | ' + ' | '.join(res[c]['documents'] for c in cols) + ' |')
# html-dev: body char-F1 (letters and digits) for unionscope and go-readability
# side by side, on all pages and on the two halves of its sites (sorted
# hostnames, alternately: tune on the first, check the second).
peers = [p for p in ('unionscope', 'go-readability') if os.path.exists(os.path.join(tmp, p + '.html')) and os.path.getsize(os.path.join(tmp, p + '.html'))]
if peers:
    rows = {}
    for p in peers:
        v = next(iter(json.load(open(os.path.join(tmp, p + '.html'))).values()))
        per = {}
        for l in open(os.path.join(tmp, p + '.pp'), encoding='utf-8'):
            f = l.rstrip('\n').split('\t')
            if len(f) == 2:
                per[f[1]] = float(f[0])
        hosts = sorted({k.split('_')[1] for k in per})
        half = {h: i % 2 for i, h in enumerate(hosts)}
        halves = [[x for k, x in per.items() if half[k.split('_')[1]] == i] for i in (0, 1)]
        bodies, titles = 0, {}
        for l in open(os.path.join(tmp, p + '.out'), encoding='utf-8', errors='replace') if os.path.exists(os.path.join(tmp, p + '.out')) else []:
            try:
                d = json.loads(l)
            except ValueError:
                continue
            if d.get('body'):
                bodies += 1
            pid = os.path.basename(str(d.get('source_file') or '')).split('__', 1)[-1].removesuffix('.html')
            titles.setdefault(pid, d.get('title') or '')
        # The headline: a reference body's first paragraph is the page's
        # headline, so titles are scored too (exact, spaces aside).
        ref_dir = os.path.join(sys.argv[4], 'html-dev', 'reference')
        heads = [[0, 0], [0, 0]]
        for k in per:
            m = re.search(r'<p>(.*?)</p>', open(os.path.join(ref_dir, k), encoding='utf-8', errors='replace').read(), re.S)
            want = re.sub(r'\s+', '', re.sub('<[^>]+>', '', m.group(1))) if m else ''
            h = half[k.split('_')[1]]
            heads[h][1] += 1
            heads[h][0] += re.sub(r'\s+', '', titles.get(k, '')) == want
        ns = sum(int(x) for x in open(os.path.join(tmp, p + '.ns')).read().split()) if os.path.exists(os.path.join(tmp, p + '.ns')) else 0
        rows[p] = {'char-F1': f"{v['char_f1']:.3f}",
                   'char-F1, tune half of the sites': f"{sum(halves[0]) / max(1, len(halves[0])):.3f} ({len(halves[0])} pages)",
                   'char-F1, check half of the sites': f"{sum(halves[1]) / max(1, len(halves[1])):.3f} ({len(halves[1])} pages)",
                   'bigram-F1': f"{v['bigram_f1']:.3f}",
                   'headline exact, tune half / check half': f"{heads[0][0] / max(1, heads[0][1]):.3f} / {heads[1][0] / max(1, heads[1][1]):.3f}",
                   'pages with no output': str(v['pages'] - bodies),
                   'ms per page': f"{ns / 1e6 / max(1, v['pages']):.1f}"}
        pages = v['pages']
    print(f'\n| html-dev ({pages} pages) | ' + ' | '.join(peers) + ' |')
    print('|---|' + '---|' * len(peers))
    for k in rows[peers[0]]:
        print(f'| {k} | ' + ' | '.join(rows[p][k] for p in peers) + ' |')
# CPU per document of parse, this build beside a base commit's.
if os.path.exists(os.path.join(tmp, 'cpu.tsv')):
    base = sys.argv[3]
    print(f'\n| parse CPU ms per document (one core, best of 3) | this build | {base} | change |')
    print('|---|---|---|---|')
    for l in open(os.path.join(tmp, 'cpu.tsv')):
        kind, n, now, then = l.split()
        label = {'text': 'text pages (seeds, realdev)', 'html': 'HTML pages (html-dev)'}[kind]
        print(f'| {label}, {n} | {float(now):.2f} | {float(then):.2f} | {100 * (float(now) - float(then)) / float(then):+.0f} % |')
PY
