#!/bin/sh
# Replays the saved findings of one libFuzzer target: every file tests/fuzz/regressions/fuzz_TARGET-*
# runs once through FUZZ_DIR/fuzz_TARGET (built by build.sh), with the settings of the run that found
# it (a "roundtrip" finding with PP_FUZZ_PO_ROUNDTRIP=1; the po target without leak checks, as in
# run.sh). Fails if any input crashes, leaks, or breaks a target's check again.
# Usage: tests/fuzz/replay.sh FUZZ_DIR TARGET       TARGET: content, layout, po
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
[ $# -eq 2 ] || { echo "usage: $0 FUZZ_DIR TARGET"; exit 2; }
bin=$1/fuzz_$2
[ -x "$bin" ] || { echo "not built: $bin"; exit 2; }
asan=${ASAN_OPTIONS:-}
[ "$2" = po ] && asan="${asan:+$asan:}detect_leaks=0"
n=0 failed=0
for f in "$here/regressions/fuzz_$2"-*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    case $(basename "$f") in *-roundtrip-*) roundtrip=1 ;; *) roundtrip=0 ;; esac
    if ASAN_OPTIONS="$asan" PP_SOURCE_DIR="$repo" PP_FUZZ_PO_ROUNDTRIP=$roundtrip "$bin" "$f" \
        >"$1/replay-$2.log" 2>&1; then
        echo "ok: $(basename "$f")"
    else
        failed=$((failed + 1))
        echo "FAIL: $(basename "$f")"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_|    #[0-9] )' "$1/replay-$2.log" | head -20
    fi
done
echo "$n regression input(s) of fuzz_$2 replayed, $failed failed"
[ "$failed" -eq 0 ]
