#!/usr/bin/env bash
# growth.sh: how import and search costs grow with the corpus (issue 18).
#
# For each corpus size it generates the bench corpus once (bench/gencorpus),
# imports it under /usr/bin/time -v (wall, CPU, peak RSS; the importer's RSS,
# the load average and the rows stored are sampled every 15 s beside it),
# records the index and store sizes, then measures on that index:
#   - one client per query of bench/serve.lua's mix against `unionscope serve`
#     (wrk -t1 -c1 --latency with bench/one.lua, after a warm-up of the mix),
#     and the mix itself with one client;
#   - the cold `unionscope search` start (hyperfine wall median, peak RSS);
#   - rg -c over the plain files against a cold `unionscope search --count`
#     (hyperfine), and the same count through the warm server (size=0).
# Figures go to OUT/results.tsv (size, key, value); a step whose figures are
# already there is not done again, so a killed run resumes where it stopped,
# and a size already measured costs nothing. At the end bench/growthplot
# draws bench/growth.png from them and writes its tables to OUT/growth.md
# (which bench/report.sh puts in BENCHMARKS.md).
#
#   bench/growth.sh                         # 10000 100000 1000000 (the 1M import takes over an hour)
#   bench/growth.sh 10000 100000            # the fast sizes only
#   GROWTH_OUT=/work/growth-out bench/growth.sh 1000000
#   GROWTH_REDO="serve cold rg" bench/growth.sh 100000
#                                           # measure again (e.g. on a quieter machine), import kept
#   GROWTH_ONLY="corpus import" bench/growth.sh 1000000
#                                           # some steps only (corpus import serve cold rg)
#   GROWTH_PLOT=0 bench/growth.sh ...       # do not redraw bench/growth.png at the end
#
# Environment: GROWTH_OUT (work folder: corpora, data folders, raw outputs;
# default bench/out/growth), GROWTH_WRK_S (seconds of wrk per query, default
# 10), GROWTH_PORT (default 18790), GROWTH_KEEP_DATA=0 (delete each size's
# data folder once measured; default kept). A corpus whose size is a multiple
# of 1,000 is made of hard links to a larger one already generated when there
# is one (gencorpus is deterministic and sequential: the first N documents of
# a larger corpus are the N-document corpus, in the same NNN/ folders).
#
# Needs Go, Debian's ripgrep, hyperfine, wrk, jq, curl, sqlite3 and time
# (installed with apt-get when missing and this runs as root or with sudo).
# Not run by `make bench`; `BENCH_ONLY=growth bench/run.sh` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${*:-10000 100000 1000000}
OUT=${GROWTH_OUT:-$ROOT/bench/out/growth}
ONLY=${GROWTH_ONLY:-corpus import serve cold rg}
REDO=${GROWTH_REDO:-}
WRK_S=${GROWTH_WRK_S:-10}
PORT=${GROWTH_PORT:-18790}
BIN=$OUT/bin
RES=$OUT/results.tsv
QUERY=送温暖
RG_QUERIES=(送温暖 金秋助学 湄潭县)
mkdir -p "$OUT" "$BIN"
touch "$RES"

log() { printf '\n== %s\n' "$*" >&2; }
want() { [[ " $ONLY " == *" $1 "* ]]; }
redo() { [[ " $REDO " == *" $1 "* ]]; }
# put N KEY VALUE records a figure for size N, replacing an older one (under
# a lock: two sizes may be measured at once by two runs).
put() {
	(
		flock 9
		awk -F'\t' -v n="$1" -v k="$2" '!($1 == n && $2 == k)' "$RES" >"$RES.tmp"
		printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$RES.tmp"
		mv "$RES.tmp" "$RES"
	) 9>"$RES.lock"
}
# have N KEY: is the figure there?
have() { awk -F'\t' -v n="$1" -v k="$2" '$1 == n && $2 == k {f = 1} END {exit !f}' "$RES"; }
# step N STEP DONEKEY: should STEP run for size N?
step() { want "$2" && { redo "$2" || ! have "$1" "$3"; }; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ms() { awk -v x="$1" 'BEGIN{printf "%.3f", x/1000}'; } # µs → ms
wrkjson() { sed -n 's/^WRKJSON //p' "$1"; }

# --- setup ---------------------------------------------------------------
. bench/debian.sh
need_debian rg=ripgrep hyperfine=hyperfine wrk=wrk jq=jq curl=curl sqlite3=sqlite3 /usr/bin/time=time
log "building"
go build -o "$BIN/unionscope" ./cmd/unionscope
go build -o "$BIN/gencorpus" ./bench/gencorpus
US=$BIN/unionscope
put 0 CORES "$(nproc)"
put 0 CPU "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
put 0 MEM "$(free -g | awk '/^Mem:/{print $2 " GB"}')"
put 0 GO "$(go version | cut -d' ' -f3)"
put 0 COMMIT "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

# corpus N: the N-document corpus, generated once (or linked from a larger one).
corpus() {
	local n=$1 dir=$OUT/corpus-$1 big m
	[[ -f $dir/.done ]] && return
	rm -rf "$dir"
	big=
	if ((n % 1000 == 0)); then
		for d in "$OUT"/corpus-*/.done; do
			[[ -f $d ]] || continue
			m=$(basename "$(dirname "$d")"); m=${m#corpus-}
			[[ $m =~ ^[0-9]+$ ]] && ((m > n)) && { [[ -z $big ]] || ((m < big)); } && big=$m
		done
	fi
	if [[ -n $big ]]; then
		log "corpus of $n documents: hard links to the first $n of corpus-$big"
		mkdir -p "$dir/docs" "$dir/plain"
		for ((i = 0; i < n / 1000; i++)); do
			sub=$(printf '%03d' "$i")
			cp -al "$OUT/corpus-$big/docs/$sub" "$dir/docs/$sub"
			cp -al "$OUT/corpus-$big/plain/$sub" "$dir/plain/$sub"
		done
		put "$n" GEN_FROM "corpus-$big"
	else
		log "generating $n documents"
		/usr/bin/time -f '%e %M %U %S' -o "$OUT/gen-$n.time" "$BIN/gencorpus" -n "$n" -o "$dir"
		read -r wall _ user sys <"$OUT/gen-$n.time"
		put "$n" GEN_WALL "$wall"
		put "$n" GEN_CPU "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')"
	fi
	touch "$dir/.done"
}

# sample PID FILE DATA: every 15 s while PID lives, the RSS (kB) of the
# unionscope process under it, the 1-minute load, the sources stored so far
# and the index size (MB), one line each (epoch seconds first).
sample() {
	local pid=$1 file=$2 data=$3 child rss rows idx
	while kill -0 "$pid" 2>/dev/null; do
		child=$(pgrep -P "$pid" -x unionscope | head -1 || true)
		rss=$( [[ -n $child ]] && awk '/^VmRSS:/{print $2}' "/proc/$child/status" 2>/dev/null || echo 0)
		rows=$(sqlite3 -readonly "file:$data/corpus.db?mode=ro" 'SELECT COUNT(*) FROM sources' 2>/dev/null || echo -)
		idx=$(du -sm "$data/index.bleve" 2>/dev/null | cut -f1 || echo -)
		printf '%s\t%s\t%s\t%s\t%s\n' "$(date +%s)" "${rss:-0}" "$(cut -d' ' -f1 /proc/loadavg)" "$rows" "$idx" >>"$file"
		sleep 15
	done
}

# tv FILE FIELD: a field of /usr/bin/time -v's report.
tv() { sed -n "s/^[[:space:]]*$2: //p" "$1"; }

# import_step N
import_step() {
	local n=$1 data=$OUT/data-$1 t=$OUT/import-$1.time
	rm -rf "$data"
	: >"$OUT/import-$n.samples"
	log "import $n documents (load $(load))"
	put "$n" IMPORT_LOAD_START "$(load)"
	local start rc=0
	start=$(date +%s)
	/usr/bin/time -v -o "$t" "$US" import --data "$data" "$OUT/corpus-$n/docs" >"$OUT/import-$n.log" 2>"$OUT/import-$n.err" &
	local tp=$!
	sample "$tp" "$OUT/import-$n.samples" "$data" &
	local sp=$!
	wait "$tp" || rc=$?
	wait "$sp" 2>/dev/null || true
	put "$n" IMPORT_LOAD_END "$(load)"
	put "$n" IMPORT_LOAD_MEAN "$(awk -F'\t' '{s += $3; c++} END {if (c) printf "%.2f", s/c}' "$OUT/import-$n.samples")"
	if ((rc != 0)); then
		put "$n" IMPORT_FAILED "exit $rc after $(($(date +%s) - start)) s: $(tail -1 "$OUT/import-$n.err" | tr '\t' ' ')"
		echo "import $n failed (exit $rc); see $OUT/import-$n.err and $t" >&2
		return 1
	fi
	local wall user sys rss bytes
	wall=$(tv "$t" 'Elapsed (wall clock) time (h:mm:ss or m:ss)' | awk -F: '{s=0; for (i=1; i<=NF; i++) s=s*60+$i; print s}')
	user=$(tv "$t" 'User time (seconds)')
	sys=$(tv "$t" 'System time (seconds)')
	rss=$(tv "$t" 'Maximum resident set size (kbytes)')
	bytes=$(du -sb --apparent-size "$OUT/corpus-$n/docs" | cut -f1)
	put "$n" IMPORT_WALL_S "$wall"
	put "$n" IMPORT_CPU_S "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')"
	put "$n" IMPORT_DOCS_S "$(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')"
	put "$n" IMPORT_CPU_MS_DOC "$(awk -v n="$n" -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", 1000*(u+s)/n}')"
	put "$n" IMPORT_RSS_MB "$((rss / 1024))"
	put "$n" INPUT_MB "$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')"
	put "$n" INDEX_MB "$(du -sm "$data/index.bleve" | cut -f1)"
	put "$n" STORE_MB "$(du -cm "$data"/corpus.db* | tail -1 | cut -f1)"
	put "$n" IMPORT_SUMMARY "$(tail -1 "$OUT/import-$n.log")"
	echo "import $n: ${wall}s, $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') CPU-s, peak RSS $((rss / 1024)) MB" >&2
}

# serve_step N: one client per query of the mix, and the counts through the warm server.
serve_step() {
	local n=$1 data=$OUT/data-$1 url=http://127.0.0.1:$PORT srv w i q
	log "serve on $n documents: one client per query (load $(load))"
	put "$n" SERVE_LOAD_START "$(load)"
	"$US" serve --data "$data" --addr "127.0.0.1:$PORT" 2>"$OUT/serve-$n.log" &
	srv=$!
	trap "kill $srv 2>/dev/null || true" EXIT
	for _ in $(seq 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 0.2; done
	wrk -t1 -c1 -d5s -s bench/serve.lua "$url" >/dev/null # warm-up: every path's words once at least
	mapfile -t paths < <(sed -n 's/^[[:space:]]*"\(\/api\/[^"]*\)".*/\1/p' bench/serve.lua)
	for ((i = 1; i <= ${#paths[@]}; i++)); do
		Q=$i wrk -t1 -c1 -d"${WRK_S}s" --latency -s bench/one.lua "$url" >"$OUT/wrk-$n-q$i.txt"
		w=$(wrkjson "$OUT/wrk-$n-q$i.txt")
		put "$n" "Q${i}_P50_MS" "$(ms "$(jq .p50_us <<<"$w")")"
		put "$n" "Q${i}_P99_MS" "$(ms "$(jq .p99_us <<<"$w")")"
		put "$n" "Q${i}_REQS" "$(jq .requests <<<"$w")"
		put "$n" "Q${i}_ERRORS" "$(jq '.errors+.non2xx' <<<"$w")"
		put "$n" "Q${i}_HITS" "$(curl -fs "$url${paths[$((i - 1))]}&size=0" | jq .total)"
		put "$n" "Q${i}_PATH" "${paths[$((i - 1))]}"
		echo "q$i $n: $(jq -c '{p50_us, p99_us, requests}' <<<"$w")" >&2
	done
	wrk -t1 -c1 -d"$((WRK_S * 2))s" --latency -s bench/serve.lua "$url" >"$OUT/wrk-$n-mix1.txt"
	w=$(wrkjson "$OUT/wrk-$n-mix1.txt")
	put "$n" MIX1_P50_MS "$(ms "$(jq .p50_us <<<"$w")")"
	put "$n" MIX1_P99_MS "$(ms "$(jq .p99_us <<<"$w")")"
	put "$n" MIX1_RPS "$(jq .rps <<<"$w")"
	# The rg queries' counts through the warm server: size=0 asks for the total only.
	for ((i = 1; i <= ${#RG_QUERIES[@]}; i++)); do
		q=${RG_QUERIES[$((i - 1))]}
		local p
		p="/api/search?q=$(jq -rn --arg q "$q" '$q|@uri')&size=0"
		put "$n" "RG${i}_WARM_DOCS" "$(curl -fs "$url$p" | jq .total)"
		P=$p wrk -t1 -c1 -d5s --latency -s bench/one.lua "$url" >"$OUT/wrk-$n-count$i.txt"
		w=$(wrkjson "$OUT/wrk-$n-count$i.txt")
		put "$n" "RG${i}_WARM_P50_MS" "$(ms "$(jq .p50_us <<<"$w")")"
		put "$n" "RG${i}_WARM_P99_MS" "$(ms "$(jq .p99_us <<<"$w")")"
	done
	put "$n" SERVE_RSS_MB "$(awk '/^VmHWM:/{printf "%.0f", $2/1024}' "/proc/$srv/status")"
	put "$n" SERVE_LOAD_END "$(load)"
	kill "$srv"
	wait "$srv" 2>/dev/null || true
	trap - EXIT
	put "$n" SERVE_DONE 1
}

# cold_step N: a fresh `unionscope search` process.
cold_step() {
	local n=$1 data=$OUT/data-$1 rss=()
	log "cold start on $n documents (load $(load))"
	put "$n" COLD_LOAD "$(load)"
	hyperfine -N --warmup 2 --runs 15 --export-json "$OUT/cold-$n.json" "$US search --data $data $QUERY" >&2
	put "$n" COLD_S "$(jq '.results[0].median*1000|round/1000' "$OUT/cold-$n.json")"
	put "$n" COLD_USER_S "$(jq '.results[0].user*1000|round/1000' "$OUT/cold-$n.json")"
	for _ in 1 2 3 4 5 6 7; do
		/usr/bin/time -f '%M' -o "$OUT/cold-$n.rss" "$US" search --data "$data" "$QUERY" >/dev/null
		rss+=("$(cat "$OUT/cold-$n.rss")")
	done
	put "$n" COLD_RSS_MB "$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 4p | awk '{printf "%.0f", $1/1024}')"
	hyperfine -N --warmup 2 --runs 15 --export-json "$OUT/cold-count-$n.json" "$US search --data $data --count $QUERY" >&2
	put "$n" COLD_COUNT_S "$(jq '.results[0].median*1000|round/1000' "$OUT/cold-count-$n.json")"
}

# rg_step N: rg -c over the plain files against a cold `search --count`.
rg_step() {
	local n=$1 data=$OUT/data-$1 plain=$OUT/corpus-$1/plain i q rgs uss runs=10
	((n >= 1000000)) && runs=5
	log "rg -c against search --count on $n documents (load $(load))"
	put "$n" RG_LOAD "$(load)"
	for ((i = 1; i <= ${#RG_QUERIES[@]}; i++)); do
		q=${RG_QUERIES[$((i - 1))]}
		hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$OUT/rg-$n-$i.json" \
			"rg -c $q $plain" "$US search --data $data --count $q" >&2
		rgs=$(jq '.results[0].median' "$OUT/rg-$n-$i.json")
		uss=$(jq '.results[1].median' "$OUT/rg-$n-$i.json")
		put "$n" "RG${i}_Q" "$q"
		put "$n" "RG${i}_RG_S" "$(awk -v x="$rgs" 'BEGIN{printf "%.3f", x}')"
		put "$n" "RG${i}_US_S" "$(awk -v x="$uss" 'BEGIN{printf "%.3f", x}')"
		put "$n" "RG${i}_RATIO" "$(awk -v a="$rgs" -v b="$uss" 'BEGIN{printf "%.1f", a/b}')"
		put "$n" "RG${i}_RG_FILES" "$(rg -l "$q" "$plain" | wc -l)"
		put "$n" "RG${i}_US_DOCS" "$("$US" search --data "$data" --count "$q")"
	done
	put "$n" RG_DONE 1
}

for n in $SIZES; do
	want corpus && corpus "$n"
	if step "$n" import IMPORT_WALL_S; then
		corpus "$n"
		import_step "$n" || continue
	fi
	if [[ ! -d $OUT/data-$n ]] || ! have "$n" IMPORT_WALL_S; then
		echo "size $n: no finished import, nothing to measure" >&2
		continue
	fi
	step "$n" serve SERVE_DONE && serve_step "$n"
	step "$n" cold COLD_COUNT_S && cold_step "$n"
	step "$n" rg RG_DONE && { corpus "$n"; rg_step "$n"; }
	[[ ${GROWTH_KEEP_DATA:-1} == 0 ]] && rm -rf "$OUT/data-$n"
done

if [[ ${GROWTH_PLOT:-1} != 0 ]]; then
	log "drawing bench/growth.png and $OUT/growth.md"
	go run ./bench/growthplot -o bench/growth.png -md "$OUT/growth.md" "$RES"
fi
