#!/usr/bin/python3
"""Runs one readable spec case (tests/cases/*.case) through the stakegraph CLI.

A case file has sections introduced by a line '== NAME':
  == gazetteer   TSV rows (header first), as in a gazetteer file
  == options     extra command-line options, one line (optional)
  == text        the document (several: '== text NAME'); the bytes between the
                 section line and the next section line, minus the final newline
  == mentions    expected mentions, one per line: ID<TAB>TEXT (in document order,
                 documents in name order), or ID<TAB>TEXT<TAB>MATCH to check how it
                 matched too (exact, folded, variant, acronym, surname, fuzzy,
                 pattern, known, short, found); '-' alone means none
  == edges       expected edges: ID_A<TAB>ID_B<TAB>WEIGHT (any order, ids sorted
                 within a line); '-' alone means none
  == nodes       (optional) expected node ids, one per line
Text may use \\t, \\u00a0-style escapes only inside '== text' when the options
line holds 'escapes'. Lines starting with '#' before the first section are comments.
usage: run_case.py STAKEGRAPH CASEFILE [CASE_LIB]
With CASE_LIB (tests/cases/case_lib.c), the case is also run through the library
(documents given in memory, two threads) and checked against the same expectations.
"""
import os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"


def parse(path):
    sections, name, buf = [], None, []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("== "):
                if name:
                    sections.append((name, "".join(buf)))
                name, buf = line[3:].strip(), []
            elif name:
                buf.append(line)
    if name:
        sections.append((name, "".join(buf)))
    return sections


def main(exe, case, lib=None):
    sections = parse(case)
    gaz, opts, texts, want_m, want_e, want_n = "", [], [], None, None, None
    escapes = False
    for name, body in sections:
        if name == "gazetteer":
            gaz = body
        elif name == "options":
            opts = body.split()
            if "escapes" in opts:
                opts.remove("escapes")
                escapes = True
        elif name.startswith("text"):
            doc = name[4:].strip() or "doc"
            body = body[:-1] if body.endswith("\n") else body
            texts.append((doc, body))
        elif name == "mentions":
            want_m = [l for l in body.splitlines() if l.strip() and l.strip() != "-"]
        elif name == "edges":
            want_e = [l for l in body.splitlines() if l.strip() and l.strip() != "-"]
        elif name == "nodes":
            want_n = [l.strip() for l in body.splitlines() if l.strip() and l.strip() != "-"]
        else:
            sys.exit(f"{case}: unknown section '{name}'")
    with tempfile.TemporaryDirectory() as tmp:
        gpath = os.path.join(tmp, "g.tsv")
        with open(gpath, "w", encoding="utf-8") as f:
            f.write(gaz)
        docs = []
        for doc, body in texts:
            p = os.path.join(tmp, doc + ".txt")
            data = body.encode("utf-8")
            if escapes:
                data = body.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("utf-8", "surrogateescape")
            with open(p, "wb") as f:
                f.write(data)
            docs.append(p)
        out, ment = os.path.join(tmp, "out.graphml"), os.path.join(tmp, "m.tsv")
        cmd = [exe, "extract", "-q", "-g", gpath, "-o", out, "--mentions", ment] + opts + docs
        r = subprocess.run(cmd, capture_output=True)
        if r.returncode != 0:
            print(f"FAIL {case}: exit {r.returncode}: {r.stderr.decode(errors='replace')}")
            return 1
        runs = [("command line", read_mentions(ment), *read_graphml(out))]
        if lib:
            edges = os.path.join(tmp, "edges.tsv")
            r = subprocess.run([lib, gpath, ment, edges] + opts + docs, capture_output=True)
            if r.returncode != 0:
                print(f"FAIL {case} (library): exit {r.returncode}: "
                      f"{r.stderr.decode(errors='replace')}")
                return 1
            runs.append(("library", read_mentions(ment), *read_edges(edges)))
        status = 0
        for how, got_m, got_e, got_n in runs:
            status |= check(case, how, got_m, got_e, got_n, want_m, want_e, want_n)
        return status


def read_mentions(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    cols = lines[0].split("\t")
    got = []
    for row in lines[1:]:
        r = dict(zip(cols, row.split("\t")))
        got.append((r["id"], r["text"], r["match"]))
    return got


def read_graphml(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.findall(NS + "key")}
    g = root.find(NS + "graph")
    got_e = []
    for e in g.findall(NS + "edge"):
        w = [d.text for d in e.findall(NS + "data") if keys[d.get("key")] == "weight"][0]
        a, b = sorted([e.get("source"), e.get("target")])
        got_e.append(f"{a}\t{b}\t{float(w):g}")
    return got_e, [n.get("id") for n in g.findall(NS + "node")]


def read_edges(path):
    got_e, got_n = [], []
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            a, b, *w = line.split("\t")
            if a == "node":
                got_n.append(b)
            else:
                a, b = sorted([a, b])
                got_e.append(f"{a}\t{b}\t{float(w[0]):g}")
    return got_e, got_n


def check(case, how, got_m, got_e, got_n, want_m, want_e, want_n):
    fails = []
    if want_m is not None:
        # a 3-field expectation checks how the mention matched as well
        got_m = [f"{i}\t{t}\t{m}" if w.count("\t") == 2 else f"{i}\t{t}"
                 for (i, t, m), w in zip(got_m, want_m + [""] * len(got_m))]
    else:
        got_m = [f"{i}\t{t}" for i, t, _ in got_m]
    if want_m is not None and got_m != want_m:
        fails.append("mentions differ:\n  want: " + "\n        ".join(want_m) +
                     "\n  got:  " + "\n        ".join(got_m))
    if want_e is not None:
        norm = []
        for l in want_e:
            a, b, w = l.split("\t")
            a, b = sorted([a, b])
            norm.append(f"{a}\t{b}\t{float(w):g}")
        if sorted(norm) != sorted(got_e):
            fails.append("edges differ:\n  want: " + "\n        ".join(sorted(norm)) +
                         "\n  got:  " + "\n        ".join(sorted(got_e)))
    if want_n is not None:
        if sorted(want_n) != sorted(got_n):
            fails.append(f"nodes differ: want {sorted(want_n)} got {sorted(got_n)}")
    if fails:
        print(f"FAIL {case} ({how}):\n" + "\n".join(fails))
        return 1
    print(f"ok {os.path.basename(case)} ({how}): {len(got_m)} mentions, {len(got_e)} edges")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
