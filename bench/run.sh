#!/usr/bin/env bash
# make bench: measures unionscope against its peers and writes BENCHMARKS.md.
#
#   ./bench/run.sh [SMALL LARGE]     corpus sizes for the ingest runs (default 10000 100000);
#                                    cold start, serve and the rg baseline use LARGE.
#   BENCH_ONLY="analyzer segbench extract ingest clusters cold rg serve" ./bench/run.sh 2000 5000
#                                    runs only the named stages (the report keeps
#                                    figures from earlier runs for the others).
#   BENCH_INGEST=100000 ./bench/run.sh  imports only these sizes in the ingest stage.
#   BENCH_ONLY=warc BENCH_WARC_MB=1000 ./bench/run.sh
#                                    imports a generated web archive of that many MB
#                                    (uncompressed; default 1000) and one a tenth of it.
#   BENCH_ONLY=growth ./bench/run.sh  bench/growth.sh: import, one-client latency per query,
#                                    cold start and rg at 10,000, 100,000 and 1,000,000
#                                    documents, drawn as bench/growth.png (issue 18). Not
#                                    in the default stages: the 1,000,000-document import
#                                    alone takes over an hour. BENCH_GROWTH="10000 100000"
#                                    sets the sizes; work files go to bench/out/growth/.
#
# Needs Go, node/npm, and Debian's ripgrep, hyperfine, wrk, jq, curl and time (installed with
# apt-get when missing and this runs as root or with sudo). Work files go to
# bench/out/ (generated corpora, data folders, raw outputs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SMALL=${1:-10000}
LARGE=${2:-100000}
ONLY=${BENCH_ONLY:-analyzer segbench extract ingest clusters warc cold rg serve}
OUT=$ROOT/bench/out
BIN=$OUT/bin
RES=$OUT/results.env
SEG=${SEG_BENCH:-$ROOT/../shared/seg-bench}
QUERY=送温暖
mkdir -p "$OUT" "$BIN"
touch "$RES"

log() { printf '\n== %s\n' "$*" >&2; }
want() { [[ " $ONLY " == *" $1 "* ]]; }
# put KEY VALUE records a figure, replacing an older one.
put() {
	grep -v "^$1=" "$RES" >"$RES.tmp" || true
	printf '%s=%q\n' "$1" "$2" >>"$RES.tmp"
	mv "$RES.tmp" "$RES"
}

# --- setup ---------------------------------------------------------------
. bench/debian.sh
need_debian rg=ripgrep hyperfine=hyperfine wrk=wrk jq=jq curl=curl /usr/bin/time=time valgrind=valgrind
if [[ ! -d bench/node_modules/@node-rs/jieba ]]; then
	log "installing @node-rs/jieba with npm"
	(cd bench && npm install --no-audit --no-fund >/dev/null)
fi
log "building"
go build -o bin/unionscope ./cmd/unionscope
go build -o "$BIN/gencorpus" ./bench/gencorpus
go build -o "$BIN/genwarc" ./bench/genwarc
go build -o "$BIN/analyzer" ./bench/analyzer
go build -o "$BIN/segbench" ./bench/segbench
go build -o "$BIN/gsecut" ./zh/internal/gsecut
US=$ROOT/bin/unionscope

put DATE "$(date -u '+%Y-%m-%d %H:%M UTC')"
put CPU "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
put CORES "$(nproc)"
put MEM "$(free -g | awk '/^Mem:/{print $2 " GB"}')"
put LOAD "$(cut -d' ' -f1-3 /proc/loadavg)"
put GO "$(go version | cut -d' ' -f3)"
put NODE "$(node --version)"
put JIEBA "$(node -p 'require("./bench/node_modules/@node-rs/jieba/package.json").version')"
put SIZES "$SMALL $LARGE"

# --- analyzer: one core, same text, same run ------------------------------
if want analyzer; then
	log "analyzer throughput (one core, MB per CPU second)"
	[[ -s $OUT/text.txt ]] || "$BIN/gencorpus" -n 0 -text "$OUT/text.txt" -text-bytes 8388608
	go_json=$(taskset -c 0 "$BIN/analyzer" -rounds 3 "$OUT/text.txt")
	js_json=$(cd bench && taskset -c 0 node jieba.js speed "$OUT/text.txt")
	echo "unionscope: $go_json" >&2
	echo "jieba:      $js_json" >&2
	put AN_BYTES "$(jq .bytes <<<"$go_json")"
	put AN_SEARCH "$(jq .search_mbs <<<"$go_json")"
	put AN_EXACT "$(jq .exact_mbs <<<"$go_json")"
	put AN_BLEVE "$(jq .bleve_mbs <<<"$go_json")"
	put AN_LOAD_MS "$(jq .dict_load_ms <<<"$go_json")"
	put JB_CUT "$(jq .cut_mbs <<<"$js_json")"
	put JB_SEARCH "$(jq .cut_for_search_mbs <<<"$js_json")"
	gse_json=$(taskset -c 0 "$BIN/gsecut" -speed "$OUT/text.txt")
	echo "gse:        $gse_json" >&2
	put GSE_EXACT "$(jq .exact_mbs <<<"$gse_json")"
	put GSE_LOAD_MS "$(jq .dict_load_ms <<<"$gse_json")"
fi

# --- seg-bench F1 ------------------------------------------------------------
if want segbench; then
	if [[ -d $SEG ]]; then
		log "segmentation F1 on $SEG"
		for c in pku msr cityu; do
			raw=$SEG/${c}_test.utf8 gold=$SEG/${c}_test_gold.utf8
			zj=$("$BIN/segbench" -gold "$gold" -raw "$raw")
			"$BIN/gsecut" <"$raw" >"$OUT/gse_$c.txt"
			gj=$("$BIN/segbench" -gold "$gold" -test "$OUT/gse_$c.txt")
			(cd bench && node jieba.js seg "$raw") >"$OUT/jieba_$c.txt"
			jj=$("$BIN/segbench" -gold "$gold" -test "$OUT/jieba_$c.txt")
			for who in zh:$zj gse:$gj jieba:$jj; do
				name=${who%%:*} j=${who#*:}
				put "F1_${c}_$name" "$(jq -r '"\(.F1*1000|round/1000) (P \(.P*1000|round/1000), R \(.R*1000|round/1000), \(.Skipped) lines skipped)"' <<<"$j")"
			done
			echo "$c: zh $zj / gse $gj / jieba $jj" >&2
		done
	else
		log "seg-bench skipped: $SEG not found"
	fi
fi

# --- ingest ------------------------------------------------------------------
corpus() { # corpus N: generates the N-document corpus once
	local dir=$OUT/corpus-$1
	if [[ ! -f $dir/.done ]]; then
		log "generating $1 documents"
		rm -rf "$dir"
		"$BIN/gencorpus" -n "$1" -o "$dir"
		touch "$dir/.done"
	fi
}
# --- extract: accuracy on real pages, and parse CPU per document ----------
# bench/extract.sh scores the shared real pages and measures parse's CPU
# per document beside the commit before issue 15's work began.
if want extract; then
	if [[ -d $ROOT/../shared/gold ]]; then
		log "extraction accuracy (bench/extract.sh)"
		put EXTRACT_BASE "${BENCH_EXTRACT_BASE:-9f0bcd3}"
		BIN=$US BASE=${BENCH_EXTRACT_BASE:-9f0bcd3} "$ROOT/bench/extract.sh" >"$OUT/extract.md"
		log "extraction under formatting noise (bench/robust.sh)"
		BIN=$US "$ROOT/bench/robust.sh" >"$OUT/robust.md"
		log "parse instructions per document (bench/instr.sh)"
		BIN=$US BASE=${BENCH_EXTRACT_BASE:-9f0bcd3} "$ROOT/bench/instr.sh" >"$OUT/instr.md"
	else
		log "extraction accuracy skipped: ../shared is absent"
	fi
fi

if want ingest; then
	for n in ${BENCH_INGEST:-$SMALL $LARGE}; do
		corpus "$n"
		data=$OUT/data-$n
		rm -rf "$data"
		log "import $n documents"
		/usr/bin/time -f '%e %M %U %S' -o "$OUT/import-$n.time" "$US" import --data "$data" "$OUT/corpus-$n/docs" >"$OUT/import-$n.log"
		read -r wall rss user sys <"$OUT/import-$n.time"
		put "IN_${n}_CPU" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')"
		bytes=$(du -sb --apparent-size "$OUT/corpus-$n/docs" | cut -f1)
		put "IN_${n}_WALL" "$wall"
		put "IN_${n}_RSS_MB" "$((rss / 1024))"
		put "IN_${n}_DOCS_S" "$(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')"
		put "IN_${n}_MB_S" "$(awk -v b="$bytes" -v w="$wall" 'BEGIN{printf "%.2f", b/1e6/w}')"
		put "IN_${n}_INPUT_MB" "$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')"
		put "IN_${n}_INDEX_MB" "$(du -sm "$data/index.bleve" | cut -f1)"
		put "IN_${n}_STORE_MB" "$(du -cm "$data"/corpus.db* | tail -1 | cut -f1)"
		tail -2 "$OUT/import-$n.log" >&2
		echo "import $n: ${wall}s, peak RSS $((rss / 1024)) MB" >&2
	done
fi

# --- clusters: what near-duplicate clustering adds to an import ---------------
# The same import with --no-clusters, beside the ingest stage's figure for
# the same corpus (which must have run first).
if want clusters; then
	n=$LARGE
	corpus "$n"
	data=$OUT/data-$n-noclusters
	rm -rf "$data"
	log "import $n documents with --no-clusters"
	/usr/bin/time -f '%e %M %U %S' -o "$OUT/import-$n-noclusters.time" "$US" import --no-clusters --data "$data" "$OUT/corpus-$n/docs" >"$OUT/import-$n-noclusters.log"
	read -r wall rss user sys <"$OUT/import-$n-noclusters.time"
	put "NC_${n}_WALL" "$wall"
	put "NC_${n}_CPU" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')"
	with=IN_${n}_WALL withcpu=IN_${n}_CPU
	# shellcheck disable=SC1090
	source "$RES"
	put "NC_${n}_ADDS_PCT" "$(awk -v a="${!with}" -v b="$wall" 'BEGIN{printf "%.0f", 100*(a-b)/b}')"
	put "NC_${n}_ADDS_CPU_PCT" "$(awk -v a="${!withcpu}" -v u="$user" -v s="$sys" 'BEGIN{printf "%.0f", 100*(a-u-s)/(u+s)}')"
	put "NC_${n}_PAIRS" "$("$US" dups --data "$OUT/data-$n" --json | jq -s 'map(.members | length - 1) | add // 0')"
	rm -rf "$data"
	echo "import $n --no-clusters: ${wall}s" >&2
fi

# --- warc: importing a web archive --------------------------------------------
# gencorpus documents served as portal pages in a .warc.gz written by the
# project's WARC writer (bench/genwarc), imported with /usr/bin/time -v; a
# tenth of it too, to show that memory does not grow with the archive
# beyond what the corpus itself takes (the same as an import of files).
if want warc; then
	mb=${BENCH_WARC_MB:-1000}
	n=$((mb * 215)) # gencorpus pages per uncompressed MB of archive, with their requests
	corpus "$n"
	for size in $((mb / 10)) "$mb"; do
		arc=$OUT/union-${size}mb.warc.gz
		if [[ ! -s $arc.json ]]; then
			log "writing a ${size} MB web archive"
			"$BIN/genwarc" -docs "$OUT/corpus-$n/docs" -mb "$size" -o "$arc" >"$arc.json"
		fi
		tag=WARC_$([[ $size == "$mb" ]] && echo BIG || echo SMALL)
		log "read the ${size} MB web archive"
		/usr/bin/time -f '%e %M' -o "$OUT/warc-read-$size.time" "$BIN/genwarc" -read "$arc" >/dev/null
		read -r rwall rrss <"$OUT/warc-read-$size.time"
		put "${tag}_READ_S" "$rwall"
		put "${tag}_READ_RSS_MB" "$((rrss / 1024))"
		data=$OUT/data-warc-$size
		rm -rf "$data"
		log "import the ${size} MB web archive"
		/usr/bin/time -v -o "$OUT/warc-$size.time" "$US" import --json --data "$data" "$arc" >"$OUT/warc-$size.json"
		wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$OUT/warc-$size.time" | awk -F: '{s=0; for (i=1; i<=NF; i++) s=s*60+$i; print s}')
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/warc-$size.time")
		cpu=$(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.1f", s}' "$OUT/warc-$size.time")
		kept=$(jq .kept "$OUT/warc-$size.json")
		raw=$(jq .uncompressed_bytes "$arc.json")
		file=$(jq .file_bytes "$arc.json")
		put "${tag}_RECORDS" "$(jq .records "$OUT/warc-$size.json")"
		put "${tag}_KEPT" "$kept"
		put "${tag}_RAW_MB" "$(awk -v b="$raw" 'BEGIN{printf "%.0f", b/1e6}')"
		put "${tag}_FILE_MB" "$(awk -v b="$file" 'BEGIN{printf "%.0f", b/1e6}')"
		put "${tag}_WALL" "$wall"
		put "${tag}_CPU" "$cpu"
		put "${tag}_MB_S" "$(awk -v b="$raw" -v w="$wall" 'BEGIN{printf "%.2f", b/1e6/w}')"
		put "${tag}_DOCS_S" "$(awk -v n="$kept" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')"
		put "${tag}_RSS_MB" "$((rss / 1024))"
		echo "import ${size} MB archive: ${wall}s, $kept pages kept, peak RSS $((rss / 1024)) MB" >&2
		rm -rf "$data"
	done
fi

DATA=$OUT/data-$LARGE
if { want cold || want rg || want serve; } && [[ ! -d $DATA ]]; then
	echo "no index for $LARGE documents: run the ingest stage first" >&2
	exit 1
fi

# --- cold start ----------------------------------------------------------------
if want cold; then
	log "cold start: unionscope search $QUERY on $LARGE documents"
	hyperfine -N --warmup 2 --runs 15 --export-json "$OUT/cold.json" "$US search --data $DATA $QUERY" >&2
	put COLD_MEDIAN_S "$(jq '.results[0].median*1000|round/1000' "$OUT/cold.json")"
	rss=()
	for _ in 1 2 3 4 5 6 7; do
		/usr/bin/time -f '%M' -o "$OUT/cold.rss" "$US" search --data "$DATA" "$QUERY" >/dev/null
		rss+=("$(cat "$OUT/cold.rss")")
	done
	put COLD_RSS_MB "$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 4p | awk '{printf "%.0f", $1/1024}')"
	hyperfine -N --warmup 2 --runs 15 --export-json "$OUT/cold-count.json" "$US search --data $DATA --count $QUERY" >&2
	put COLD_COUNT_S "$(jq '.results[0].median*1000|round/1000' "$OUT/cold-count.json")"
fi

# --- baseline: rg ----------------------------------------------------------------
if want rg; then
	log "baseline: rg -c vs unionscope search --count on $LARGE documents"
	corpus "$LARGE"
	plain=$OUT/corpus-$LARGE/plain
	i=0
	for q in 送温暖 金秋助学 湄潭县; do
		i=$((i + 1))
		hyperfine -N -i --warmup 2 --runs 10 --export-json "$OUT/rg-$i.json" \
			"rg -c $q $plain" "$US search --data $DATA --count $q" >&2
		rgs=$(jq '.results[0].median' "$OUT/rg-$i.json")
		uss=$(jq '.results[1].median' "$OUT/rg-$i.json")
		put "RG_${i}_Q" "$q"
		put "RG_${i}_RG_S" "$(awk -v x="$rgs" 'BEGIN{printf "%.3f", x}')"
		put "RG_${i}_US_S" "$(awk -v x="$uss" 'BEGIN{printf "%.3f", x}')"
		put "RG_${i}_RATIO" "$(awk -v a="$rgs" -v b="$uss" 'BEGIN{printf "%.1f", a/b}')"
		put "RG_${i}_RG_FILES" "$(rg -l "$q" "$plain" | wc -l)"
		put "RG_${i}_US_DOCS" "$("$US" search --data "$DATA" --count "$q")"
	done
fi

# --- serve ------------------------------------------------------------------------
if want serve; then
	log "serve: 16 connections on $LARGE documents"
	port=18765
	"$US" serve --data "$DATA" --addr 127.0.0.1:$port 2>"$OUT/serve.log" &
	srv=$!
	trap 'kill $srv 2>/dev/null || true' EXIT
	for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
	wrk -t2 -c16 -d5s -s bench/serve.lua "http://127.0.0.1:$port" >/dev/null # warm the caches
	wrk -t2 -c16 -d30s --latency -s bench/serve.lua "http://127.0.0.1:$port" | tee "$OUT/wrk.txt" >&2
	wrk -t1 -c1 -d30s --latency -s bench/serve.lua "http://127.0.0.1:$port" | tee "$OUT/wrk1.txt" >&2
	# The wide mix (bench/serve-wide.lua) on a fresh server: words drawn
	# from 372, so per-word state is warm only as often as words repeat.
	kill $srv
	wait $srv 2>/dev/null || true
	"$US" serve --data "$DATA" --addr 127.0.0.1:$port 2>>"$OUT/serve.log" &
	srv=$!
	for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
	wrk -t2 -c16 -d30s --latency -s bench/serve-wide.lua "http://127.0.0.1:$port" | tee "$OUT/wrk-wide.txt" >&2
	kill $srv
	wait $srv 2>/dev/null || true
	trap - EXIT
	w=$(sed -n 's/^WRKJSON //p' "$OUT/wrk.txt")
	put SV_RPS "$(jq .rps <<<"$w")"
	put SV_P50_MS "$(jq '.p50_us/1000' <<<"$w")"
	put SV_P99_MS "$(jq '.p99_us/1000' <<<"$w")"
	put SV_REQUESTS "$(jq .requests <<<"$w")"
	put SV_ERRORS "$(jq '.errors+.non2xx' <<<"$w")"
	w=$(sed -n 's/^WRKJSON //p' "$OUT/wrk1.txt")
	put SV1_RPS "$(jq .rps <<<"$w")"
	put SV1_P50_MS "$(jq '.p50_us/1000' <<<"$w")"
	put SV1_P99_MS "$(jq '.p99_us/1000' <<<"$w")"
	w=$(sed -n 's/^WRKJSON //p' "$OUT/wrk-wide.txt")
	put SVW_RPS "$(jq .rps <<<"$w")"
	put SVW_P50_MS "$(jq '.p50_us/1000' <<<"$w")"
	put SVW_P99_MS "$(jq '.p99_us/1000' <<<"$w")"
	put SVW_ERRORS "$(jq '.errors+.non2xx' <<<"$w")"
fi

# --- growth: how the costs grow with the corpus (issue 18) ----------------------
# Not a default stage (the 1,000,000-document import takes over an hour);
# bench/growth.sh keeps its own results and skips what it has measured.
if want growth; then
	log "growth: bench/growth.sh ${BENCH_GROWTH:-10000 100000 1000000}"
	# shellcheck disable=SC2086
	GROWTH_OUT=$OUT/growth "$ROOT/bench/growth.sh" ${BENCH_GROWTH:-10000 100000 1000000}
fi

"$ROOT/bench/report.sh" "$RES" >"$ROOT/BENCHMARKS.md"
log "wrote BENCHMARKS.md"
sed -n '/^## Results/,/^## Commands/p' "$ROOT/BENCHMARKS.md" | sed '$d'
