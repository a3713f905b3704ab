#!/usr/bin/env python3
"""scancompare.py WANT.xml GOT.xml STDERR MODE [SHEETS]: compares the marks of a scanned session (GOT) with the
session the sheet was drawn from (WANT), mark by mark. MODE exact: every score and attention mark of
WANT is in GOT, the same, and GOT has nothing else. MODE safe (a poor photo): nothing in GOT differs
from WANT or is not in WANT, and every mark of WANT missing from GOT is named uncertain in STDERR and
in an XML comment of GOT. SHEETS: which marks, praatplaat (the default: scores and attention),
followup (the follow-up plaat's yes/no cells) or both. Prints the counts."""
import re
import sys
import xml.etree.ElementTree as ET


def marks(path, sheets):
    out = {}
    root = ET.parse(path).getroot()
    if sheets in ("followup", "both"):
        for r in root.iter("row"):
            for c in r.iter("cell"):
                if c.get("mark"):
                    out["follow-up " + r.get("ref") + " " + c.get("column")] = c.get("mark")
    if sheets == "followup":
        return out
    for t in root.iter("theme"):
        if t.get("attention"):
            out["attention of theme " + t.get("ref")] = t.get("attention")
        for s in t.iter("statement"):
            if s.get("score"):
                out["statement " + s.get("ref")] = s.get("score")
    return out


sheets = sys.argv[5] if len(sys.argv) > 5 else "praatplaat"
want, got = marks(sys.argv[1], sheets), marks(sys.argv[2], sheets)
err = open(sys.argv[3], encoding="utf-8").read()
text = open(sys.argv[2], encoding="utf-8").read()
mode = sys.argv[4]
bad = [f"{k}: scanned {v}, drawn {want.get(k)}" for k, v in got.items() if want.get(k) != v]
missing = [k for k in want if k not in got]
if mode == "exact":
    bad += [f"{k}: not read" for k in missing]
    if "uncertain:" in err:
        bad.append("uncertain marks on a good photo")
for k in missing:
    if not re.search(re.escape(k) + r": .*left out", err):
        bad.append(f"{k}: missing and not reported uncertain on stderr")
    if f"<!-- scan: {k} uncertain" not in text:
        bad.append(f"{k}: missing without an XML comment")
print(f"{len(want)} marks drawn, {len(got) - len(bad if mode == 'safe' else [])} read, "
      f"{len(missing)} uncertain")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
