# shellcheck shell=bash disable=SC2034  # the variables are for the scripts that source this
# Shared by the benchmark scripts (bench/form.sh, pdfa.sh, tile.sh): sourced after `cd` to the
# repository's root. Sets bin (the program; $PRAATPLAAT overrides build/praatplaat), content (the
# shipped Dutch instrument), runs ($BENCH_RUNS, default 20) and tmp (a scratch directory removed at
# exit), and defines median_ms.
bin=${PRAATPLAAT:-build/praatplaat}
content=content/samenwerking/nl.xml
runs=${BENCH_RUNS:-20}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_RUNS must be a positive integer" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median_ms CMD...: the median wall time of CMD over $runs runs, in milliseconds.
median_ms() {
    local times=() s e
    for _ in $(seq "$runs"); do
        s=$(date +%s%N)
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 2; }
        e=$(date +%s%N)
        times+=($(((e - s) / 1000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
