#!/usr/bin/env python3
"""Crop marks at the four corners of a page of `render --marks`, outside its bleed.

usage: corners.py PAGE.pgm DPI TRIM_MM BLEED_MM

PAGE.pgm is the page rendered in grey (pdftoppm -gray -thinlinemode solid); TRIM_MM is how far the
trim box lies from the page's edge, BLEED_MM the bleed. Each of the eight crop marks continues a trim
edge outside the bleed: at each corner, on the trim's horizontal edge left (or right) of the bleed
box, and on its vertical edge above (or below) it, some pixels must be dark. Exit 1 naming a mark
that is missing.
"""
import sys


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5", "not a binary PGM"
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def dark(px, w, xs, ys):
    return sum(1 for y in ys for x in xs if px[y * w + x] < 128)


def main():
    w, h, px = read_pgm(sys.argv[1])
    k = float(sys.argv[2]) / 25.4
    trim, bleed = float(sys.argv[3]) * k, float(sys.argv[4]) * k
    out = int(trim - bleed)  # pixels from the page's edge to the bleed box
    rows = {"top": range(int(trim) - 1, int(trim) + 2), "bottom": range(h - int(trim) - 2, h - int(trim) + 1)}
    cols = {"left": range(int(trim) - 1, int(trim) + 2), "right": range(w - int(trim) - 2, w - int(trim) + 1)}
    outside_x = {"left": range(0, out), "right": range(w - out, w)}
    outside_y = {"top": range(0, out), "bottom": range(h - out, h)}
    bad = 0
    for v in ("top", "bottom"):
        for u in ("left", "right"):
            if not dark(px, w, outside_x[u], rows[v]):
                print(f"no horizontal crop mark at the {v} {u} corner", file=sys.stderr)
                bad = 1
            if not dark(px, w, cols[u], outside_y[v]):
                print(f"no vertical crop mark at the {v} {u} corner", file=sys.stderr)
                bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
