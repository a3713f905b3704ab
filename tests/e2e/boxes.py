#!/usr/bin/env python3
"""The print-shop boxes of `render --marks`, read back with qpdf --json.

usage: boxes.py PDF PAPER[,PAPER...] BLEED_MM

Every page must have a /TrimBox of one of the ISO papers (either orientation) to 0.1 mm, a /BleedBox
that is the TrimBox grown by BLEED_MM on every side (to 0.1 mm), and a /MediaBox that holds the
BleedBox with room to spare for the crop marks and the slug. Prints one line per page: the trim box
and the mark area in mm. Exit 1 naming the first page that is wrong.
"""
import json
import subprocess
import sys

ISO = {"A4": (210, 297), "A3": (297, 420), "A2": (420, 594), "A1": (594, 841), "A0": (841, 1189)}
MM = 25.4 / 72
TOL = 0.1


def boxes(pdf):
    out = subprocess.run(["qpdf", "--json=1", "--json-key=pages", "--json-key=objects", pdf],
                         check=True, capture_output=True, text=True).stdout
    j = json.loads(out)
    for page in j["pages"]:
        yield j["objects"][page["object"]]


def main():
    pdf, papers, bleed = sys.argv[1], sys.argv[2].split(","), float(sys.argv[3])
    sizes = [ISO[p] for p in papers]
    n = 0
    for i, page in enumerate(boxes(pdf), 1):
        n += 1
        if "/TrimBox" not in page or "/BleedBox" not in page:
            print(f"page {i}: no /TrimBox or /BleedBox", file=sys.stderr)
            return 1
        t, b, m = ([v * MM for v in page[k]] for k in ("/TrimBox", "/BleedBox", "/MediaBox"))
        w, h = t[2] - t[0], t[3] - t[1]
        if not any(abs(w - sw) <= TOL and abs(h - sh) <= TOL or abs(w - sh) <= TOL and abs(h - sw) <= TOL
                   for sw, sh in sizes):
            print(f"page {i}: trim box {w:.3f} × {h:.3f} mm is not {', '.join(papers)}", file=sys.stderr)
            return 1
        want = [t[0] - bleed, t[1] - bleed, t[2] + bleed, t[3] + bleed]
        if any(abs(x - y) > TOL for x, y in zip(b, want)):
            print(f"page {i}: bleed box {b} mm, expected {want}", file=sys.stderr)
            return 1
        room = min(b[0] - m[0], b[1] - m[1], m[2] - b[2], m[3] - b[3])
        if room <= 1:
            print(f"page {i}: the media box leaves {room:.2f} mm around the bleed box for marks", file=sys.stderr)
            return 1
        print(f"page {i}: trim {w:.2f} × {h:.2f} mm at ({t[0]:.2f}, {t[1]:.2f}), bleed {bleed:g} mm, marks {room:.2f} mm")
    if n == 0:
        print("no pages", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
