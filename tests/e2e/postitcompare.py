#!/usr/bin/env python3
"""postitcompare.py DRAWN.xml SCANNED.xml OPS STDERR: the post-its of a scanned session (SCANNED,
from praatplaat scan --images) against the sheet drawn from the session DRAWN. OPS
(tests/tools/pp_scene_ops) gives the drawn notes areas and post-its in mm, in theme order: the
post-its drawn on the sheet are DRAWN's first ones of each theme (the rest go to the appendix when
the notes area has no room). Per theme the same number of post-its, of the same colours in reading
order; each picture there; each post-it picture the drawn post-it's size within 5% (a notes
picture's width over its area's width gives its pixels per mm); STDERR, scan's, counts them so.
Prints per theme what was found."""
import os
import struct
import sys
import xml.etree.ElementTree as ET

TOLERANCE = 0.05


def png_size(path):
    with open(path, "rb") as f:
        return struct.unpack(">II", f.read(24)[16:24])


def postits(path):
    out = {}
    for t in ET.parse(path).getroot().iter("theme"):
        pic = t.find("picture")
        out[t.get("ref")] = (pic.get("href") if pic is not None else None,
                             [(p.get("colour") or "yellow",
                               p.find("picture").get("href") if p.find("picture") is not None else None)
                              for p in t.iter("postit")])
    return out


def areas(path):
    """[(area (x, y, w, h), [post-it boxes inside it])] in the order drawn."""
    out = []
    for line in open(path):
        role, *nums = line.rsplit(None, 4)
        box = tuple(float(n) for n in nums)
        if role == "notes area":
            out.append((box, []))
        elif role == "postit":
            out[-1][1].append(box)
    return out


drawn, scanned = postits(sys.argv[1]), postits(sys.argv[2])
folder = os.path.dirname(sys.argv[2])
themes = [t.get("ref") for t in ET.parse(sys.argv[2]).getroot().iter("theme")]
ops = areas(sys.argv[3])
bad = []
worst = 0.0
line = []
for i, theme in enumerate(themes):
    want = [c for c, _ in drawn.get(theme, (None, []))[1]][:len(ops[i][1])]
    line.append(f"{theme} {len(want)}" + (f" ({' '.join(want)})" if want else ""))
    notes, found = scanned[theme]
    got = [c for c, _ in found]
    print(f"{theme}: drawn {want}, found {got}")
    if got != want:
        bad.append(f"{theme}: found {got}, drawn {want}")
        continue
    area, boxes = ops[i]
    if notes is None or not os.path.exists(os.path.join(folder, notes)):
        bad.append(f"{theme}: no notes picture")
        continue
    k = png_size(os.path.join(folder, notes))[0] / area[2]
    for (colour, href), box in zip(found, boxes):
        if href is None or not os.path.exists(os.path.join(folder, href)):
            bad.append(f"{theme}: post-it without its picture")
            continue
        w, h = png_size(os.path.join(folder, href))
        for got_px, mm in ((w, box[2]), (h, box[3])):
            err = abs(got_px / (mm * k) - 1)
            worst = max(worst, err)
            if err > TOLERANCE:
                bad.append(f"{href}: {w}x{h} px, drawn {box[2]:.1f}x{box[3]:.1f} mm at {k:.2f} px/mm")
print(f"largest size difference {worst * 100:.1f}%")
total = sum(len(ops[i][1]) for i in range(len(themes)))
said = f"{total} post-it(s): " + ", ".join(line)
if said not in open(sys.argv[4], encoding="utf-8").read():
    bad.append(f"stderr does not say: {said}")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
