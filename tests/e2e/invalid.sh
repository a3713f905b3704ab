#!/usr/bin/env bash
# invalid.sh BIN SRC SCRATCH FILE: `check tests/data/invalid/FILE` (run in the source dir) exits 1 and
# reports FILE:LINE: error: with the substring that tests/data/invalid/EXPECT gives for FILE.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
e2e_init "$@"
file=${ARGS[0]}
expect=$(awk -F'\t' -v f="$file" '$1 == f' "$SRC/tests/data/invalid/EXPECT")
[ -n "$expect" ] || die "$file is not listed in tests/data/invalid/EXPECT"
IFS=$'\t' read -r _ line substring <<<"$expect"

cd "$SRC"
run "$BIN" check "tests/data/invalid/$file"
expect_rc 1
expect_in "$SCRATCH/stderr" "tests/data/invalid/$file:$line: error:" "stderr of check $file"
expect_in "$SCRATCH/stderr" "$substring" "stderr of check $file"
e2e_done
