#!/usr/bin/env bash
# Benchmark (not a test): render content/samenwerking/nl.xml at A0, sheet by sheet, and compare with
# pango-view setting the same text in the same fonts into a PDF. See bench/README.md.
#
#   bash bench/run.sh [--strict] [SHEET...]
#
# SHEET...   sheets to measure besides praatplaat, followup and guide
# --strict   exit 1 if any target is missed (default: exit 0 whatever the results)
#
# Environment: BENCH_RUNS (default 20) runs per measurement, praatplaat and pango-view taking turns
# (paired runs: the ratio is the median of the ratios of the pairs, so a load that comes and goes
# on the machine hits both alike); BENCH_PANGO_WIDTH (default 304) the line width in points given to
# pango-view; BENCH_NO_GNU_TIME=1 measures peak memory with the python3 fallback even when
# /usr/bin/time is installed; BENCH_CALLGRIND=1 also counts the instructions of one run of each
# under valgrind's callgrind (steady on a loaded machine, where wall times are not).
set -euo pipefail

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "bench/run.sh: $*" >&2; exit 2; }

strict=0
sheets=(praatplaat followup guide)
for arg in "$@"; do
    case $arg in
        --strict) strict=1 ;;
        -h | --help) usage; exit 0 ;;
        -*) die "unknown option $arg (try --help)" ;;
        *)
            [[ $arg =~ ^[a-z][a-z0-9-]*$ ]] || die "not a sheet name: $arg"
            dup=0
            for s in "${sheets[@]}"; do [[ $s == "$arg" ]] && dup=1; done
            ((dup)) || sheets+=("$arg")
            ;;
    esac
done

RUNS=${BENCH_RUNS:-20}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, not '$RUNS'"
PANGO_WIDTH=${BENCH_PANGO_WIDTH:-304}
[[ $PANGO_WIDTH =~ ^[1-9][0-9]*$ ]] || die "BENCH_PANGO_WIDTH must be a positive integer (points)"
PAPER=A0
PANGO_FONT="Noto Sans 12"
# Targets.
MAX_PEAK_MB=30
MAX_PDF_KB=150

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/build/praatplaat
CONTENT=$ROOT/content/samenwerking/nl.xml

((BASH_VERSINFO[0] >= 5)) || die "needs bash 5 or later (EPOCHREALTIME)"
command -v python3 >/dev/null || die "python3 is required (it extracts the text for pango-view)"
command -v pango-view >/dev/null ||
    die "pango-view not found: apt-get install -y pango1.0-tools"
[[ -f $CONTENT ]] || die "no content file at content/samenwerking/nl.xml"

if [[ ! -x $BIN ]]; then
    echo "build/praatplaat is missing: building it" >&2
    cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
    make -C "$ROOT/build" >&2
    [[ -x $BIN ]] || die "the build did not produce build/praatplaat"
fi

use_gnu_time=0
if [[ -x /usr/bin/time && ${BENCH_NO_GNU_TIME:-0} != 1 ]]; then
    use_gnu_time=1
elif [[ ! -x /usr/bin/time ]]; then
    echo "note: /usr/bin/time not found (Debian package 'time'); measuring with python3 instead" >&2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/praatplaat-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Fontconfig for pango-view: the repository's fonts only, with a cache in the temporary directory.
# praatplaat builds the same kind of configuration itself (src/typeset/typeset.c), with its cache under
# $XDG_CACHE_HOME, which the benchmark also points into the temporary directory.
mkdir -p "$TMP/fc-cache" "$TMP/xdg-cache"
python3 - "$ROOT/fonts" "$TMP/fc-cache" "$TMP/fonts.conf" <<'PY'
import sys
from xml.sax.saxutils import escape
fonts, cache, out = sys.argv[1:]
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <dir>{escape(fonts)}</dir>\n  <cachedir>{escape(cache)}</cachedir>\n</fontconfig>\n')
PY

# The visible text of one sheet, one paragraph per line (<br/> starts a new line too).
#   followup:   meta/title, every text of <followup>, the theme names, the yes/no labels,
#               colophon/short
#   guide:      meta category, title, subtitle, tagline, every text of <guide> and <colophon>
#   praatplaat: meta/title, every text of <praatplaat>, the theme names and statements, the yes/no
#               labels, colophon/short
#   other NAME: every text of the top-level element <NAME>
cat >"$TMP/extract.py" <<'PY'
import sys
import xml.etree.ElementTree as ET

sheet, content, out = sys.argv[1:]
root = ET.parse(content).getroot()
blocks = []

def add(el):
    """Pre-order: each element with text of its own is one paragraph; children become their own."""
    if el is None:
        return
    lines = [[el.text or ""]]
    for child in el:
        if child.tag == "br":
            lines.append([])
        lines[-1].append(child.tail or "")
    lines = [" ".join("".join(l).split()) for l in lines]
    if any(lines):
        blocks.append("\n".join(l for l in lines if l))
    for child in el:
        if child.tag != "br":
            add(child)

def each(path):
    for el in root.findall(path):
        add(el)

if sheet == "followup":
    each("meta/title"); each("followup"); each("themes/theme/name"); each("labels")
    each("colophon/short")
elif sheet == "guide":
    for p in ("category", "title", "subtitle", "tagline"):
        each("meta/" + p)
    each("guide"); each("colophon")
elif sheet == "praatplaat":
    each("meta/title"); each("praatplaat"); each("themes"); each("labels"); each("colophon/short")
else:
    each(sheet)
if not blocks:
    sys.exit(f"no <{sheet}> text in {content}")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(blocks) + "\n")
PY

# Fallback for a missing /usr/bin/time: run one command, print "WALL_US MAXRSS_KB" to the file in
# argv[1], exit with the command's status.
cat >"$TMP/measure.py" <<'PY'
import resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL)
t1 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
with open(sys.argv[1], "w") as f:
    f.write(f"{round((t1 - t0) * 1e6)} {rss}\n")
sys.exit(rc)
PY

# run_one I LABEL OUTPUT_FILE ACCEPTED_RC CMD...: run I of CMD (0: the unmeasured warm-up, which
# fills the font caches). Appends to $TMP/LABEL.us (wall time, µs) and $TMP/LABEL.kb (max RSS, KiB).
run_one() {
    local i=$1 label=$2 output=$3 ok_rc=$4
    shift 4
    local err=$TMP/$label.err us=$TMP/$label.us kb=$TMP/$label.kb one=$TMP/$label.one
    ((i > 0)) || { : >"$us"; : >"$kb"; }
    local rc=0 t0 t1
    rm -f "$output"
    if ((use_gnu_time)); then
        t0=${EPOCHREALTIME/[.,]/}
        /usr/bin/time -f %M -o "$one" "$@" >/dev/null 2>"$err" || rc=$?
        t1=${EPOCHREALTIME/[.,]/}
        if ((i > 0)); then
            echo $((10#$t1 - 10#$t0)) >>"$us"
            tail -n 1 "$one" >>"$kb"
        fi
    else
        python3 "$TMP/measure.py" "$one" "$@" 2>"$err" || rc=$?
        if ((i > 0)); then
            read -r t1 t0 <"$one"
            echo "$t1" >>"$us"
            echo "$t0" >>"$kb"
        fi
    fi
    if [[ $rc != 0 && $rc != "$ok_rc" ]] || [[ ! -s $output ]]; then
        echo "bench/run.sh: $label failed (exit $rc):" >&2
        sed 's/^/  /' "$err" >&2
        exit 2
    fi
    if ((i == 0 && rc != 0)); then
        echo "note: $label exits $rc (measured anyway):" >&2
        head -n 5 "$err" | sed 's/^/  /' >&2
    fi
}

# instructions VAR=VALUE CMD...: the instructions callgrind counts in one run of CMD (all its
# threads), with VAR set.
instructions() {
    env "$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null "${@:2}" 2>&1 >/dev/null |
        awk '/Collected :/ {n = $NF} END {print n + 0}'
}

# median_ratio A B: the median of the ratios of line i of A to line i of B (paired runs).
median_ratio() { paste "$1" "$2" | awk '{print $1 / $2}' | sort -g | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m}'; }
median_ms() { sort -n "$1" | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'; }
peak_mb() { sort -n "$1" | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'; }
size_kb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1024}'; }
# shellcheck disable=SC2317  # le and lt are called through verdict
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; }
# shellcheck disable=SC2317
lt() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a < b)}'; }
verdict() { if "$@"; then echo PASS; else echo MISS; fi; }

rows=()
checks=()
missed=0
callgrind=${BENCH_CALLGRIND:-0}
if ((callgrind)) && ! command -v valgrind >/dev/null; then
    echo "note: valgrind not found (apt-get install -y valgrind): no instruction counts" >&2
    callgrind=0
fi
icounts=()
for sheet in "${sheets[@]}"; do
    pdf=$TMP/$sheet.pdf
    txt=$TMP/$sheet.txt
    python3 "$TMP/extract.py" "$sheet" "$CONTENT" "$txt"
    pv_pdf=$TMP/$sheet.pango-view.pdf
    pp_cmd=(env "XDG_CACHE_HOME=$TMP/xdg-cache" "$BIN" render "$CONTENT" --sheet "$sheet" --paper "$PAPER" -o "$pdf")
    pv_cmd=(env "FONTCONFIG_FILE=$TMP/fonts.conf" pango-view --no-display --output="$pv_pdf"
        --font="$PANGO_FONT" --width="$PANGO_WIDTH" "$txt")
    echo "measuring $sheet: praatplaat and pango-view in turns, $RUNS runs each" >&2
    for ((i = 0; i <= RUNS; i++)); do
        # Exit 1 means text that does not fit: the PDF is still written, so the run still counts.
        run_one "$i" "$sheet.pp" "$pdf" 1 "${pp_cmd[@]}"
        run_one "$i" "$sheet.pv" "$pv_pdf" 0 "${pv_cmd[@]}"
    done

    pp_ms=$(median_ms "$TMP/$sheet.pp.us")
    pv_ms=$(median_ms "$TMP/$sheet.pv.us")
    ratio=$(median_ratio "$TMP/$sheet.pp.us" "$TMP/$sheet.pv.us")
    peak=$(peak_mb "$TMP/$sheet.pp.kb")
    pv_peak=$(peak_mb "$TMP/$sheet.pv.kb")
    kb=$(size_kb "$pdf")
    pv_kb=$(size_kb "$pv_pdf")
    rows+=("| $sheet | $pp_ms | $pv_ms | $ratio | $peak | $kb | $pv_kb |")
    if ((callgrind)); then
        echo "counting instructions of $sheet (callgrind)" >&2
        pp_i=$(instructions "${pp_cmd[@]:1}")
        pv_i=$(instructions "${pv_cmd[@]:1}")
        icounts+=("| $sheet | $(awk -v n="$pp_i" 'BEGIN {printf "%.1f", n / 1e6}') | $(awk -v n="$pv_i" 'BEGIN {printf "%.1f", n / 1e6}') | $(awk -v a="$pp_i" -v b="$pv_i" 'BEGIN {printf "%.2f", a / b}') |")
    fi

    t=$(verdict le "$ratio" 1)
    m=$(verdict lt "$peak" "$MAX_PEAK_MB")
    p=$(verdict lt "$kb" "$MAX_PDF_KB")
    if [[ "$t$m$p" == *MISS* ]]; then missed=1; fi
    checks+=("- $sheet: wall time ≤ pango-view: **$t** (median of paired ratios ×$ratio; medians $pp_ms ms vs $pv_ms ms);\
 peak < $MAX_PEAK_MB MB: **$m** ($peak MB; pango-view $pv_peak MB);\
 PDF < $MAX_PDF_KB KB: **$p** ($kb KB; pango-view text: $(wc -w <"$txt") words)")
done

versions() {
    local cairo pango
    cairo=$(pkg-config --modversion cairo 2>/dev/null || echo '?')
    pango=$(pkg-config --modversion pango 2>/dev/null || pango-view --version 2>/dev/null | awk '{print $NF}')
    echo "cairo $cairo, pango $pango"
}

echo "praatplaat benchmark: content/samenwerking/nl.xml at $PAPER, $RUNS paired runs (after one warm-up)"
echo "$(date +%F), $(nproc) cores, $(versions); peak memory via $( ((use_gnu_time)) && echo '/usr/bin/time -f %M' || echo 'python3 getrusage(RUSAGE_CHILDREN)')"
echo "pango-view: --font=\"$PANGO_FONT\" --width=$PANGO_WIDTH, fonts/ only (FONTCONFIG_FILE)"
echo
echo "| sheet | praatplaat median ms | pango-view median ms | ratio (median of pairs) | peak MB | PDF KB | pango-view PDF KB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if ((callgrind)); then
    echo
    echo "Instructions of one run (callgrind, warm caches):"
    echo
    echo "| sheet | praatplaat M | pango-view M | ratio |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${icounts[@]}"
fi
echo
echo "Targets (per sheet):"
printf '%s\n' "${checks[@]}"

if ((strict && missed)); then
    exit 1
fi
exit 0
