#!/usr/bin/env bash
# Extraction accuracy on the shared material, as one table: each field on
# the seeds, on the even-numbered realdev files (tune on these) and on the
# odd-numbered ones (the honest figure), and html-dev body char-F1.
#
#   bench/extract.sh                         build ./bin/unionscope and score it
#   BIN=/tmp/us bench/extract.sh             score another binary
#   bench/extract.sh --rules-off 'title.*'   score with rules switched off (flags go to parse)
#   SETS="even" bench/extract.sh             only some of: seeds even odd html xeven xodd
#   EXTRA=DIR bench/extract.sh               also score DIR (docs/*.txt and gold/ in the format
#                                            of ../shared/realdev), split into even and odd files
#
# Prints a Markdown table on stdout. Needs python3 and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$PWD/../shared}
SETS=${SETS:-seeds even odd html${EXTRA:+ xeven xodd}}
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
	wrapper=$tmp/wrapped
	# parse's own flags go after the subcommand name.
	{ printf '#!/bin/sh\nsub=$1; shift\nexec "%s" "$sub"' "$BIN"; for a in "${PARSE_FLAGS[@]}"; do printf ' %q' "$a"; done; printf ' "$@"\n'; } >"$wrapper"
	chmod +x "$wrapper"
	python3 "$SHARED/html-dev/score.py" "$wrapper" --json >"$tmp/html.score" 2>"$tmp/html.err" || true
fi
python3 - "$tmp" "$SETS" <<'PY'
import json, os, sys
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
hp = os.path.join(tmp, 'html.score')
if os.path.exists(hp) and os.path.getsize(hp):
    for s, v in json.load(open(hp)).items():
        print(f"\nhtml-dev: pages={v['pages']} char_f1={v['char_f1']} bigram_f1={v['bigram_f1']}")
    err = open(os.path.join(tmp, 'html.err')).read().strip()
    if err:
        print(err)
PY
