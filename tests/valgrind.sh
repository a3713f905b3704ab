#!/bin/sh
# valgrind.sh WANT OUT_DIR PRAATPLAAT ARGS...: runs praatplaat ARGS under valgrind's memcheck in
# OUT_DIR and succeeds when it exits with WANT (the program's own code: 0, or 1 for a bad input)
# with no memory error and no definitely lost block (valgrind's code would be 9). Suppressions:
# tests/valgrind.supp, and glib's glib.supp when installed.
set -u
[ $# -ge 3 ] || { echo "usage: $0 WANT OUT_DIR PRAATPLAAT ARGS..." >&2; exit 2; }
want=$1 out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
glib=/usr/share/glib-2.0/valgrind/glib.supp
glib_supp=""
[ -f "$glib" ] && glib_supp="--suppressions=$glib"
mkdir -p "$out" && cd "$out" || exit 2
# Free the libraries' caches at exit (src/cli/main.c: release_libraries), so only real leaks remain.
export PRAATPLAAT_LEAK_CHECK=1
# shellcheck disable=SC2086 # glib_supp is one word or none
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9 --num-callers=40 \
    --suppressions="$here/valgrind.supp" $glib_supp "$@"
rc=$?
[ "$rc" -ne 9 ] || { echo "valgrind: memory errors or definitely lost blocks (above)"; exit 1; }
[ "$rc" -eq "$want" ] || { echo "exit code $rc, expected $want"; exit 1; }
echo PASS
