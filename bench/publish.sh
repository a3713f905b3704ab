#!/usr/bin/env bash
# Benchmark (not a test) of `praatplaat publish` (issue #15): the two shipped languages × 3 sheets ×
# 3 papers (18 PDFs, plus 18 thumbnails, index.html and report.json) in one run, against the same 18
# PDFs from 18 separate `render` runs, one after another and two at a time (xargs -P 2).
# Targets: publish at least 3× faster than the 18 renders; peak memory under 60 MB.
#
#   bash bench/publish.sh [--strict]      (--strict: exit 1 when a target is missed)
#
# BENCH_RUNS (default 10): runs per measurement, reported as the median (and min) wall time, and
# the median CPU time (user + sys of the whole process tree). Peak memory: the largest RSS of any
# one process (GNU time's %M), and the largest sampled sum over publish's parent and workers of
# their RSS (which counts shared libraries and the shared content once per process) and PSS.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PRAATPLAAT:-build/praatplaat}
runs=${BENCH_RUNS:-10}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive integer" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/publish.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache

jobs_file=$tmp/jobs
for l in nl en; do for s in praatplaat followup guide; do for p in A4 A3 A0; do
    echo "content/samenwerking/$l.xml $s $p $tmp/r-$l-$s-$p.pdf"
done; done; done >"$jobs_file"

renders_seq() { while read -r c s p o; do "$bin" render "$c" --sheet "$s" --paper "$p" -o "$o"; done <"$jobs_file"; }
renders_par() { xargs -P 2 -L 1 sh -c '"$0" render "$1" --sheet "$2" --paper "$3" -o "$4"' "$bin" <"$jobs_file"; }
publish() { "$bin" publish content/samenwerking -o "$tmp/dist" -j 2 2>/dev/null; }
export -f renders_seq renders_par publish
export bin jobs_file tmp

# measure NAME: BENCH_RUNS runs of the function NAME; prints "median_ms min_ms cpu_ms max_rss_kb".
measure() {
    local walls=() cpus=() rss=0 s e line
    "$1" >/dev/null 2>&1 # warm-up
    for _ in $(seq "$runs"); do
        s=$(date +%s%N)
        line=$(/usr/bin/time -f '%U %S %M' bash -c "$1" 2>&1 >/dev/null | tail -1)
        e=$(date +%s%N)
        walls+=($(((e - s) / 1000000)))
        read -r u sy m <<<"$line"
        cpus+=("$(awk -v u="$u" -v s="$sy" 'BEGIN {printf "%d", (u + s) * 1000}')")
        ((m > rss)) && rss=$m
    done
    printf '%s %s %s %s\n' \
        "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
        "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
        "$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$rss"
}

# The largest sum, over samples every few ms, of the RSS and the PSS (proportional set size: shared
# pages divided among the processes that share them) of publish's parent and workers, in KB.
tree_peak_kb() {
    local sum=0 pss=0 pid
    "$bin" publish content/samenwerking -o "$tmp/dist" -j 2 2>/dev/null &
    pid=$!
    local peak=0 peak_pss=0
    while kill -0 "$pid" 2>/dev/null; do
        sum=0 pss=0
        for p in $pid $(pgrep -P "$pid" || true); do
            v=$(awk '/^Rss:/ {r=$2} /^Pss:/ {s=$2} END {print r+0, s+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo "0 0")
            sum=$((sum + ${v% *})) pss=$((pss + ${v#* }))
        done
        ((sum > peak)) && peak=$sum
        ((pss > peak_pss)) && peak_pss=$pss
        sleep 0.005
    done
    wait "$pid" || true
    echo "$peak $peak_pss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $runs runs each" >&2
read -r seq_med seq_min seq_cpu seq_rss < <(measure renders_seq)
read -r par_med par_min par_cpu par_rss < <(measure renders_par)
read -r pub_med pub_min pub_cpu pub_rss < <(measure publish)
read -r tree tree_pss < <(tree_peak_kb)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

printf '| run | median ms | min ms | CPU ms (median) | peak RSS of one process |\n|---|---:|---:|---:|---:|\n'
printf '| 18 × render, one after another | %s | %s | %s | %.1f MB |\n' "$seq_med" "$seq_min" "$seq_cpu" "$(awk -v k="$seq_rss" 'BEGIN {print k/1024}')"
printf '| 18 × render, two at a time | %s | %s | %s | %.1f MB |\n' "$par_med" "$par_min" "$par_cpu" "$(awk -v k="$par_rss" 'BEGIN {print k/1024}')"
printf '| publish -j 2 (18 PDFs + thumbnails) | %s | %s | %s | %.1f MB |\n' "$pub_med" "$pub_min" "$pub_cpu" "$(awk -v k="$pub_rss" 'BEGIN {print k/1024}')"
printf '\npublish'"'"'s processes together (parent + 2 workers), largest sample: RSS %.1f MB, PSS %.1f MB\n' \
    "$(awk -v k="$tree" 'BEGIN {print k/1024}')" "$(awk -v k="$tree_pss" 'BEGIN {print k/1024}')"
speed_seq=$(awk -v a="$seq_med" -v b="$pub_med" 'BEGIN {printf "%.2f", a / b}')
speed_par=$(awk -v a="$par_med" -v b="$pub_med" 'BEGIN {printf "%.2f", a / b}')
printf 'speed-up (median wall): %s× against renders one after another, %s× against two at a time\n' "$speed_seq" "$speed_par"
missed=0
awk -v s="$speed_par" 'BEGIN {exit !(s >= 3)}' || { echo "target missed: publish < 3× the 18 renders (two at a time)"; missed=1; }
awk -v k="$pub_rss" 'BEGIN {exit !(k < 60 * 1024)}' || { echo "target missed: peak memory >= 60 MB"; missed=1; }
[ "${1:-}" = --strict ] && exit $missed
exit 0
