#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/README.md) with clang, ASan and UBSan.
# Usage: tests/fuzz/build.sh [BUILD_DIR]     (default: ${TMPDIR:-/tmp}/pp-fuzz)
# The binaries find the source tree (schemas/, content/) through the -DPP_SOURCE_DIR set here, or
# through $PP_SOURCE_DIR at run time.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-${TMPDIR:-/tmp}/pp-fuzz}
CC=${CC:-clang}
mkdir -p "$out/obj"

deps=$(pkg-config --cflags cairo cairo-pdf pangocairo pangoft2 fontconfig libxml-2.0 libqpdf libpng)
libs="$(pkg-config --libs cairo cairo-pdf pangocairo pangoft2 fontconfig libxml-2.0 libqrencode gmodule-2.0 libpng libjpeg) -lhyphen -lm"
# The library code gets the fuzzer's coverage instrumentation but not its main (fuzzer-no-link).
flags="-std=c11 -g -O1 -fno-omit-frame-pointer -D_POSIX_C_SOURCE=200809L"
# output/qpdfx.c and l10n/l10n.c open libqpdf and libgettextpo by their sonames (as CMake reads them).
soname() { objdump -p "$1" | awk '/SONAME/ {print $2}'; }
qpdf_soname=$(soname "$(pkg-config --variable=libdir libqpdf)/libqpdf.so")
gettextpo_soname=$(soname "$(pkg-config --variable=libdir libqpdf)/libgettextpo.so")
defs="-DPP_VERSION=\"fuzz\" -DPP_DATA_DIR=\"$repo\" -DPP_HYPHEN_DIR=\"/usr/share/hyphen\" -DPP_QPDF=\"$qpdf_soname\" -DPP_GETTEXTPO=\"$gettextpo_soname\""

objs=""
for src in "$repo"/src/base/*.c "$repo"/src/model/*.c "$repo"/src/typeset/*.c "$repo"/src/sheets/*.c "$repo"/src/doc/*.c \
           "$repo"/src/output/*.c "$repo"/src/l10n/*.c; do
    rel=${src#"$repo"/src/}
    obj="$out/obj/$(echo "$rel" | tr / _ | sed 's/\.c$/.o/')"
    # Rebuild when the .c file or any header of src/ is newer than the object.
    if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] ||
       [ -n "$(find "$repo/src" -name '*.h' -newer "$obj" | head -n 1)" ]; then
        echo "cc $rel"
        # shellcheck disable=SC2086
        $CC $flags -fsanitize=fuzzer-no-link,address,undefined $defs -I"$repo/src" $deps -c "$src" -o "$obj"
    fi
    objs="$objs $obj"
done

for target in fuzz_content fuzz_layout fuzz_po fuzz_session; do
    echo "ld $target"
    # shellcheck disable=SC2086
    $CC $flags -fsanitize=fuzzer,address,undefined $defs -DPP_SOURCE_DIR="\"$repo\"" \
        -I"$repo/src" -I"$here" $deps "$here/$target.c" $objs $libs -o "$out/$target"
done
echo "built in $out"
