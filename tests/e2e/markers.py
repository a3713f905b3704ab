#!/usr/bin/env python3
"""Check that every marker word (one per line of MARKERS.txt) is a word of a PDF's extracted text.

usage: markers.py MARKERS.txt PDFTEXT.txt
Prints the missing markers (at most 20) and exits 1 if any is missing.
"""
import re
import sys

markers = [w for w in open(sys.argv[1], encoding="utf-8").read().split() if w]
text = open(sys.argv[2], encoding="utf-8").read()
words = set(re.findall(r"[a-z]+", text))
missing = [m for m in markers if m not in words]
for m in missing[:20]:
    print(f"missing marker: {m}", file=sys.stderr)
print(f"{len(markers) - len(missing)} of {len(markers)} markers found")
sys.exit(1 if missing else 0)
