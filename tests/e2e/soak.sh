#!/usr/bin/env bash
# soak.sh BIN SRC SCRATCH CASE [RUNS]: runs one command RUNS times (default 200), four at a time, and
# fails on any exit code other than the one the case expects. Issue #10: an abort at shut-down
# (exit 134, fontconfig's FcCacheFini assertion) came in about one `check` in six; races like it show
# only when a command is run many times, in parallel. Each run writes its own output file.
# PRAATPLAAT_LEAK_CHECK=1 (set for the *.leak-check cases) also runs the library clean-up at exit that
# leak checkers need, which is where the abort was.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
case_name=${ARGS[0]}
runs=${ARGS[1]:-200}
content=$SRC/tests/data/three-themes.xml
nl=$SRC/content/samenwerking/nl.xml
session=$SRC/samples/zuidrand-2026-10.xml
o=$SCRATCH/out

# The command of a case (OUT is replaced by a file of its own per run) and its expected exit code.
want=0
case $case_name in
    render-praatplaat) cmd=(render "$content" --sheet praatplaat --paper A4 -o OUT.pdf) ;;
    render-followup) cmd=(render "$content" --sheet followup --paper A4 -o OUT.pdf) ;;
    render-guide) cmd=(render "$content" --sheet guide --paper A4 -o OUT.pdf) ;;
    render-report) cmd=(render "$nl" --session "$session" --sheet report -o OUT.pdf) ;;
    render-png) cmd=(render "$content" --sheet followup --paper A4 --dpi 20 -o OUT.png) ;;
    check) cmd=(check "$content" --paper A4) ;;
    template) cmd=(template "$content" -o OUT.xml) ;;
    l10n-extract) cmd=(l10n extract "$content" -o OUT.pot) ;;
    bad-input) cmd=(render "$SRC/tests/data/invalid/duplicate-id.xml" --sheet all -o OUT.pdf) want=1 ;;
    usage) cmd=(render "$content" --sheet all --paper A7 -o OUT.pdf) want=2 ;;
    *) die "unknown case $case_name" ;;
esac

mkdir -p "$o"
# One line per run: its number, then its exit code (xargs must not stop at the first failure).
printf '%s\n' "${cmd[@]}" >"$SCRATCH/cmd"
export BIN o CMD_FILE=$SCRATCH/cmd
seq "$runs" | xargs -P 4 -n 1 bash -c '
    n=$1 args=() rc=0
    while IFS= read -r a; do args+=("${a//OUT/$o/run-$n}"); done <"$CMD_FILE"
    "$BIN" "${args[@]}" >"$o/run-$n.stdout" 2>"$o/run-$n.stderr" || rc=$?
    echo "$n $rc"' soak >"$SCRATCH/codes"

total=$(wc -l <"$SCRATCH/codes")
[ "$total" -eq "$runs" ] || fail "$total results for $runs runs"
bad=$(awk -v w="$want" '$2 != w' "$SCRATCH/codes")
if [ -n "$bad" ]; then
    fail "$(echo "$bad" | wc -l) of $runs runs of '${cmd[*]}' did not exit with $want:"
    echo "$bad" | awk '{print $2}' | sort | uniq -c | sed 's/^/  exit code: /' >&2
    first=$(echo "$bad" | head -1 | awk '{print $1}')
    sed 's/^/  stderr of a failed run: /' "$o/run-$first.stderr" | head -5 >&2
fi
# Keep the scratch directory small: the outputs of passing runs are not needed.
[ "$FAILED" -ne 0 ] || rm -rf "$o"
e2e_done
