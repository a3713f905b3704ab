#!/bin/sh
# docs-keys.sh PP_LAYOUT_KEYS DOC: the list between DOC's keys:begin and keys:end marks is exactly
# what PP_LAYOUT_KEYS prints (the names each sheet declares).
set -eu
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
sed -n '/<!-- keys:begin -->/,/<!-- keys:end -->/p' "$2" | sed '1d;$d' >"$tmp"
[ -s "$tmp" ] || { echo "no keys:begin/keys:end list in $2"; exit 1; }
if ! "$1" | diff -u "$tmp" -; then
    echo "$2 differs from the declarations: paste the output of $1 between its marks"
    exit 1
fi
echo PASS
