#!/usr/bin/env python3
"""same_layout.py A B: exit 0 when files A and B are the same network output.

Byte-identical files are the same. Otherwise they may differ only in the
layout's coordinates, each by at most 0.02 (points): GraphML's `v_x` and `v_y`
data, DOT's `pos="x,y!"` and its `x` and `y` attributes, and an SVG's
coordinates (the numbers of `d="..."` paths and `points="..."`, and the
quoted `x`, `y`, `cx`, `cy` of its shapes and labels). Everything else (names,
weights, measures, the order of lines) must be byte for byte the same.

Why a tolerance: Graphviz removes overlaps (overlap=prism) on a Delaunay
triangulation made by GTS, whose hash tables are keyed by memory addresses;
the order in which it visits the triangles then follows where malloc put
them, and a coordinate can come out 0.01 apart between two runs of the same
program on the same input (one in a thousand nodes, where the exact value
lies on a rounding edge). Two runs of stakegraph are otherwise the same
bytes, and this checks that.

Prints what differs (at most five lines) and exits 1 otherwise."""
import re
import sys

TOLERANCE = 0.02
# a coordinate, and the text around it that must be the same
COORD = re.compile(rb'(<data key="v_[xy]">|\s[xy]=)(-?[0-9.]+)(</data>|[,\]])'
                   rb'|(pos=")(-?[0-9.]+),(-?[0-9.]+)(!?")')
# an SVG's: the numbers inside a path or a polygon, a shape's or a label's place
SVG_LIST = re.compile(rb'(\s(?:d|points)=")([^"]*)(")')
SVG_ONE = re.compile(rb'(\s(?:x|y|cx|cy)=")(-?[0-9.]+)(")')
NUMBER = re.compile(rb'-?[0-9]+(?:\.[0-9]+)?')


def split(data):
    """The file's text with its coordinates taken out, and the coordinates."""
    coords = []

    def take(m):
        if m.group(1):
            coords.append(float(m.group(2)))
            return m.group(1) + b"#" + m.group(3)
        coords.append(float(m.group(5)))
        coords.append(float(m.group(6)))
        return m.group(4) + b"#,#" + m.group(7)

    def take_all(m):
        def one(n):
            coords.append(float(n.group(0)))
            return b"#"
        return m.group(1) + NUMBER.sub(one, m.group(2)) + m.group(3)

    def take_one(m):
        coords.append(float(m.group(2)))
        return m.group(1) + b"#" + m.group(3)

    data = COORD.sub(take, data)
    data = SVG_LIST.sub(take_all, data)
    return SVG_ONE.sub(take_one, data), coords


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: same_layout.py A B\n")
        return 2
    with open(argv[1], "rb") as fa, open(argv[2], "rb") as fb:
        a, b = fa.read(), fb.read()
    if a == b:
        return 0
    ta, ca = split(a)
    tb, cb = split(b)
    if ta != tb:
        la, lb = ta.split(b"\n"), tb.split(b"\n")
        shown = 0
        for i, (x, y) in enumerate(zip(la, lb)):
            if x != y and shown < 5:
                print("line %d: %r != %r" % (i + 1, x[:120], y[:120]))
                shown += 1
        if len(la) != len(lb):
            print("%d lines != %d lines" % (len(la), len(lb)))
        return 1
    far = [(i, x, y) for i, (x, y) in enumerate(zip(ca, cb)) if abs(x - y) > TOLERANCE]
    for i, x, y in far[:5]:
        print("coordinate %d: %g != %g" % (i, x, y))
    return 1 if far else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
