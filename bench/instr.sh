#!/usr/bin/env bash
# Parse cost per document in instructions, which a shared machine's load
# does not blur as it does CPU time: valgrind counts the instructions of one
# parse run over the pages REPS times, less a run over one page (the
# dictionaries' load), for this build and for BASE's.
#
#   BASE=9f0bcd3 bench/instr.sh         text pages (seeds, realdev) and 60 html-dev pages
#   BIN=/tmp/us BASE=9f0bcd3 bench/instr.sh
#
# Prints a Markdown table. Needs valgrind (Debian's) and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$PWD/../shared}
BASE=${BASE:-9f0bcd3}
REPS=${REPS:-5}
command -v valgrind >/dev/null || { echo "instr.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
[[ -d $SHARED/realdev ]] || { echo "instr.sh: $SHARED is absent" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -z ${BIN:-} ]]; then
	go build -o "$tmp/this" ./cmd/unionscope
	BIN=$tmp/this
fi
git worktree add -q --detach "$tmp/base" "$BASE"
(cd "$tmp/base" && go build -o "$tmp/base-bin" ./cmd/unionscope)
git worktree remove --force "$tmp/base"
mkdir -p "$tmp/html"
for f in $(ls "$SHARED"/html-dev/html/*.html.gz | head -60); do gzip -dc "$f" >"$tmp/html/$(basename "$f" .gz)"; done

# count BIN FILES...: instructions of one parse run. Async preemption's
# signals and the collector's timing would make valgrind's count vary.
count() {
	local bin=$1
	shift
	GODEBUG=asyncpreemptoff=1 GOGC=off GOMAXPROCS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" parse --format jsonl "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# perdoc BIN FILES...: instructions per document over REPS runs of FILES.
perdoc() {
	local bin=$1 reps=() i a z
	shift
	for ((i = 0; i < REPS; i++)); do reps+=("$@"); done
	a=$(count "$bin" "${reps[@]}")
	z=$(count "$bin" "$1")
	echo $(((a - z) / (${#reps[@]} - 1)))
}
text=("$SHARED"/seeds/* "$SHARED"/realdev/docs/*.txt)
html=("$tmp"/html/*.html)
echo "| parse instructions per document | this build | $BASE | change |"
echo "|---|---|---|---|"
for set in text html; do
	if [[ $set == text ]]; then files=("${text[@]}"); else files=("${html[@]}"); fi
	n=$(perdoc "$BIN" "${files[@]}")
	b=$(perdoc "$tmp/base-bin" "${files[@]}")
	awk -v s="$set" -v k="${#files[@]}" -v n="$n" -v b="$b" \
		'BEGIN{printf "| %s pages, %d | %.2f M | %.2f M | %+.0f %% |\n", s, k, n/1e6, b/1e6, 100*(n-b)/b}'
done
