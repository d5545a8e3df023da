"""What check_graphml.py and check_gexf.py share: the command line and the
rules every network edge follows in stakegraph's outputs (undirected, no
self-loop, no parallel edge, finite values)."""
import math
import sys


def edge_rules(bad, where, s, t, values, pairs):
    """Reports a self-loop, a second edge between the same two nodes and
    values that are not finite; `pairs` is the set of pairs seen so far."""
    if s == t:
        bad(f"{where}: self-loop")
    p = tuple(sorted((s or "", t or "")))
    if p in pairs:
        bad(f"{where}: parallel edge")
    pairs.add(p)
    for name, v in values.items():
        if isinstance(v, float) and not math.isfinite(v):
            bad(f"{where}: {name}={v} is not finite")


def main(doc, checker_class, argv, summary):
    """usage: SCRIPT [--spec-only] FILE. Prints each problem (exit 1) or
    'ok: ' and summary(checker) (exit 0); 2 on a usage error."""
    spec_only = "--spec-only" in argv
    args = [a for a in argv if a != "--spec-only"]
    if len(args) != 1 or args[0].startswith("-"):
        sys.stderr.write(doc)
        return 2
    c = checker_class(spec_only)
    try:
        c.run(args[0])
    except OSError as e:
        print(f"{args[0]}: {e.strerror}")
        return 1
    for p in c.problems:
        print(p)
    if c.problems:
        return 1
    print("ok: " + summary(c))
    return 0
