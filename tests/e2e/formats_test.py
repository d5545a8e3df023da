#!/usr/bin/python3
"""End-to-end checks of the JSON, CSV and GEXF outputs (SPEC §11).

usage: /usr/bin/python3 formats_test.py STAKEGRAPH_BINARY SOURCE_DIR

Runs `stakegraph extract` on SOURCE_DIR/examples/corpus with -f json, -f csv
-o DIR and -f gexf, reads each back with its real reader (networkx's
node_link_graph; pandas.read_csv and R's read.csv; tests/checks/check_gexf.py (the GEXF
format) and networkx.read_gexf) and compares nodes, edges and every value with
the GraphML of the same corpus read by networkx; with --by-period month, the
GEXF's spells and per-period values against the monthly GraphML files of the
same run. Then the command line's
rules for CSV (a directory, made when missing, nothing left behind on
failure) and failed writes. Prints one line per check, then `N passed, M
failed`, and exits 1 if any check failed.
"""
import calendar
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    line = ("PASS " if ok else "FAIL ") + name
    if detail and not ok:
        line += ": " + str(detail)[:600]
    print(line, flush=True)
    return ok


def same_value(a, b):
    """Equal values: numbers compared as numbers (3 == 3.0), the rest exactly."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (math.isnan(a) and math.isnan(b))
    return a == b


def diff_attrs(what, got, ref):
    """'' when the two attribute dicts agree, else the first differences."""
    bad = []
    for k in sorted(set(got) | set(ref)):
        if k not in got or k not in ref or not same_value(got[k], ref[k]):
            bad.append(f"{what} {k}: {got.get(k, '(absent)')!r} vs {ref.get(k, '(absent)')!r}")
    return "; ".join(bad[:4])


def compare_graphs(name, G, R, node_drop=(), edge_drop=(), node_fix=None, edge_fix=None):
    """G (read from the new format) against R (the GraphML read by networkx)."""
    check(f"{name}: same nodes, in the same order", list(G.nodes) == list(R.nodes),
          f"{len(G)} vs {len(R)}")
    ge = sorted(tuple(sorted(e)) for e in G.edges)
    re_ = sorted(tuple(sorted(e)) for e in R.edges)
    check(f"{name}: same edges", ge == re_, f"{len(ge)} vs {len(re_)}")
    bad = ""
    for n in R.nodes:
        if n not in G:
            continue
        got = {k: v for k, v in G.nodes[n].items() if k not in node_drop}
        ref = {k: v for k, v in R.nodes[n].items() if k != "name"}
        if node_fix:
            got = node_fix(got)
        bad = bad or diff_attrs(f"node {n}", got, ref)
    check(f"{name}: every node value as in GraphML", not bad, bad)
    bad = ""
    for u, v in R.edges:
        if not G.has_edge(u, v):
            continue
        got = {k: x for k, x in G.edges[u, v].items() if k not in edge_drop}
        ref = dict(R.edges[u, v])
        if edge_fix:
            got = edge_fix(got)
        bad = bad or diff_attrs(f"edge {u}--{v}", got, ref)
    check(f"{name}: every edge value as in GraphML", not bad, bad)


def run(binary, *args, stdout=None):
    return subprocess.run([binary, *args], stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, check=False)


def join_first(d):
    if "first_documents" in d:
        d["first_documents"] = " | ".join(d["first_documents"])
    return d


def check_json(binary, corpus, tmp, R):
    r = run(binary, "extract", "-q", "-f", "json", corpus)
    if not check("-f json to standard output exits 0", r.returncode == 0, r.stderr):
        return
    with open(os.path.join(tmp, "m.json")) as f:
        multi = f.read()
    check("-f json gives the bytes of -o x.json", r.stdout == multi)
    check("JSON ends with a newline", r.stdout.endswith("\n"))
    data = json.loads(r.stdout)
    # networkx 3.6 reads the edges from "edges" by default, earlier versions from
    # "links": both lists are written, the same (issue 17); the "edges" one is read
    # here the way 3.6 reads it (link="edges"), the installed networkx being older
    check("JSON: 'edges' repeats 'links' (networkx 3.6 and earlier)",
          data.get("edges") == data.get("links") and len(data["links"]) > 0)
    G36 = nx.node_link_graph(data, link="edges")
    compare_graphs("JSON read as networkx 3.6 does", G36, R, edge_fix=join_first)
    G = nx.node_link_graph(data)
    check("networkx reads an undirected simple graph",
          not G.is_directed() and not G.is_multigraph())
    check("graph attribute units", isinstance(G.graph.get("units"), int) and G.graph["units"] > 0,
          G.graph)
    compare_graphs("JSON", G, R, edge_fix=join_first)
    ints = all(isinstance(d["mentions"], int) and isinstance(d["degree"], int)
               for _, d in G.nodes(data=True))
    check("JSON: counts and integer columns are JSON integers", ints)
    reals = all(isinstance(d["weight"], float) for _, _, d in G.edges(data=True))
    check("JSON: weights are JSON reals", reals)


def check_csv_direct(nodes, edges, R):
    """pandas with its defaults: the tables as an analyst reads them."""
    N = pd.read_csv(nodes)
    E = pd.read_csv(edges)
    check("pandas: one row per node, one per edge", len(N) == len(R) and
          len(E) == R.number_of_edges(), f"{len(N)} {len(E)}")
    check("pandas: ids in GraphML order", list(N["id"]) == list(R.nodes))
    num = all(pd.api.types.is_integer_dtype(N[c]) for c in ("mentions", "documents", "degree"))
    # (weights are written like GraphML's: 1, not 1.0, so whole weights read as integers)
    num = num and pd.api.types.is_numeric_dtype(E["weight"])
    num = num and pd.api.types.is_integer_dtype(E["documents"])
    num = num and pd.api.types.is_float_dtype(N["pagerank"])
    check("pandas: counts are integers, weights and measures numbers", num, N.dtypes.to_dict())
    pairs = sorted(tuple(sorted(p)) for p in zip(E["source"], E["target"]))
    check("pandas: the same edges", pairs == sorted(tuple(sorted(e)) for e in R.edges))
    check("pandas: header names are unique", len(set(N.columns)) == len(N.columns)
          and not any("." in c for c in N.columns))


def cell_matches(cell, ref):
    """A cell (text) against a GraphML value; an empty cell is absent."""
    if ref is None:
        return cell == ""
    if isinstance(ref, str):
        return cell == ref
    if isinstance(ref, int):
        return cell != "" and int(cell) == ref
    return cell != "" and float(cell) == ref


def check_csv_exact(nodes, edges, R):
    """Every cell read as text (dtype=str, no NA guessing) against GraphML."""
    N = pd.read_csv(nodes, dtype=str, keep_default_na=False)
    E = pd.read_csv(edges, dtype=str, keep_default_na=False)
    bad = []
    for _, row in N.iterrows():
        ref = dict(R.nodes[row["id"]])
        for col in N.columns:
            want = row["id"] if col == "id" else ref.get(col)
            if not cell_matches(row[col], want):
                bad.append(f"node {row['id']} {col}: {row[col]!r} vs {want!r}")
        extra = set(ref) - set(N.columns) - {"name"}
        if extra:
            bad.append(f"node {row['id']}: no column for {sorted(extra)}")
    check("CSV nodes: every cell as in GraphML", not bad, "; ".join(bad[:4]))
    bad = []
    for _, row in E.iterrows():
        ref = dict(R.edges[row["source"], row["target"]])
        for col in E.columns:
            if col in ("source", "target"):
                continue
            if not cell_matches(row[col], ref.get(col)):
                bad.append(f"edge {row['source']}--{row['target']} {col}: "
                           f"{row[col]!r} vs {ref.get(col)!r}")
        extra = set(ref) - set(E.columns)
        if extra:
            bad.append(f"edge: no column for {sorted(extra)}")
    check("CSV edges: every cell as in GraphML", not bad, "; ".join(bad[:4]))


def check_csv_r(nodes, edges, R):
    rscript = shutil.which("Rscript")
    if not check("R read.csv: Rscript is installed (r-base-core; a failure, not a skip)",
                 rscript is not None):
        return
    prog = ("n <- read.csv(commandArgs(TRUE)[1]); e <- read.csv(commandArgs(TRUE)[2]); "
            "cat(nrow(n), ncol(n), nrow(e), ncol(e), is.numeric(e$weight), "
            "is.integer(n$mentions), n$id[1], '\\n')")
    r = subprocess.run([rscript, "-e", prog, nodes, edges], capture_output=True, text=True,
                       check=False)
    with open(nodes) as f:
        ncol = f.readline().count(",") + 1
    with open(edges) as f:
        ecol = f.readline().count(",") + 1
    want = f"{len(R)} {ncol} {R.number_of_edges()} {ecol} TRUE TRUE {next(iter(R.nodes))}"
    check("R read.csv reads both tables", r.returncode == 0 and r.stdout.strip() == want,
          (r.stdout + r.stderr).strip() + f" (wanted {want})")


def check_csv(binary, corpus, tmp, R):
    d = os.path.join(tmp, "tables")
    r = run(binary, "extract", "-q", "-f", "csv", "-o", d, corpus)
    if not check("-f csv -o DIR exits 0 and makes DIR", r.returncode == 0 and os.path.isdir(d),
                 r.stderr):
        return
    check("DIR holds nodes.csv and edges.csv only",
          sorted(os.listdir(d)) == ["edges.csv", "nodes.csv"], os.listdir(d))
    nodes, edges = os.path.join(d, "nodes.csv"), os.path.join(d, "edges.csv")
    with open(nodes, "rb") as f:
        raw = f.read()
    check("CSV: UTF-8 without a byte-order mark, \\n line ends",
          not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw and raw.endswith(b"\n"))
    raw.decode("utf-8")
    check_csv_direct(nodes, edges, R)
    check_csv_exact(nodes, edges, R)
    check_csv_r(nodes, edges, R)


def check_csv_formulas(binary, tmp):
    """Cells a spreadsheet would run (=, +, -, @ first) are read by pandas with a
    leading quote; a text attribute that is a negative number stays a number."""
    d = os.path.join(tmp, "formulas")
    os.makedirs(d)
    gaz, corpus = os.path.join(d, "g.tsv"), os.path.join(d, "c.jsonl")
    with open(gaz, "w") as f:
        f.write("id\tlabel\ttype\taliases\tnote\tlon\n"
                "=p:1\tJean Dupont\tperson\t\t@SUM(A1)\t-12.5\n"
                "o:2\tAcme\torganisation\t\t-x\t3\n")
    with open(corpus, "w") as f:
        f.write(json.dumps({"id": '=HYPERLINK("http://x","y")',
                            "text": "Jean Dupont rencontre Acme."}) + "\n")
    out = os.path.join(d, "tables")
    r = run(binary, "extract", "-q", "-g", gaz, "--jsonl", "-f", "csv", "-o", out, corpus)
    if not check("-f csv with formula-like cells exits 0", r.returncode == 0, r.stderr):
        return
    N = pd.read_csv(os.path.join(out, "nodes.csv"))
    E = pd.read_csv(os.path.join(out, "edges.csv"))
    got = (sorted(N["id"]), sorted(N["note"]), list(E["first_documents"]))
    want = (["'=p:1", "o:2"], ["'-x", "'@SUM(A1)"], ["'=HYPERLINK(\"http://x\",\"y\")"])
    check("pandas: formula-like cells read with a leading quote", got == want, got)
    check("pandas: a negative number attribute stays a number",
          pd.api.types.is_float_dtype(N["lon"]) and sorted(N["lon"]) == [-12.5, 3.0],
          N.dtypes.to_dict())


def check_gexf(binary, corpus, tmp, R, checker):
    path = os.path.join(tmp, "n.gexf")
    r = run(binary, "extract", "-q", "-f", "gexf", "-o", path, corpus)
    if not check("-f gexf exits 0", r.returncode == 0, r.stderr):
        return
    with open(path) as f, open(os.path.join(tmp, "m.gexf")) as g:
        check("-f gexf gives the bytes of -o x.gexf", f.read() == g.read())
    x = subprocess.run([sys.executable, checker, path], capture_output=True, text=True, check=False)
    check("GEXF passes check_gexf.py (the format and stakegraph's promises)", x.returncode == 0,
          x.stdout + x.stderr)
    G = nx.read_gexf(path)
    check("networkx reads a static undirected simple graph",
          G.graph.get("mode") == "static" and not G.is_directed() and not G.is_multigraph())
    labels = all(G.nodes[n]["label"] == R.nodes[n]["label"] for n in R.nodes if n in G)
    check("GEXF: node labels", labels)
    compare_graphs("GEXF", G, R, edge_drop=("id",))
    with open(path) as f:
        text = f.read()
    check("GEXF: a colour, a size and a position per node",
          text.count("<color ") == text.count("<size ") == text.count("<position ") == len(R))


def month_spells(months):
    """["2023-01", "2023-02", "2023-05"] -> [("2023-01-01", "2023-02-28"), ("2023-05-01", ...)]."""
    spells = []
    for m in sorted(months):
        y, mo = int(m[:4]), int(m[5:])
        start, end = f"{m}-01", f"{m}-{calendar.monthrange(y, mo)[1]:02d}"
        prev = spells[-1][1] if spells else None
        if prev and datetime.date.fromisoformat(prev) + datetime.timedelta(days=1) == \
                datetime.date.fromisoformat(start):
            spells[-1] = (spells[-1][0], end)
        else:
            spells.append((start, end))
    return spells


def check_dynamic_gexf(binary, source, tmp, checker):
    """--by-period month: the GEXF's spells and per-period values against the
    per-period GraphML files written beside it by the same run."""
    corpus = os.path.join(source, "examples", "corpus.jsonl")
    d = os.path.join(tmp, "dyn")
    os.mkdir(d)
    r = run(binary, "extract", "-q", "--jsonl", "--by-period", "month", "-o",
            os.path.join(d, "n.graphml"), "-o", os.path.join(d, "n.gexf"), corpus)
    if not check("--by-period month to .graphml and .gexf exits 0", r.returncode == 0, r.stderr):
        return
    path = os.path.join(d, "n.gexf")
    x = subprocess.run([sys.executable, checker, path], capture_output=True, text=True, check=False)
    check("dynamic GEXF passes check_gexf.py (spells)", x.returncode == 0,
          x.stdout + x.stderr)
    periods = {}
    for name in sorted(os.listdir(d)):
        parts = name.split(".")
        if len(parts) == 3 and parts[2] == "graphml":
            periods[parts[1]] = nx.read_graphml(os.path.join(d, name))
    check("one GraphML per month", len(periods) > 2 and all(len(p) == 7 for p in periods),
          sorted(periods))
    G = nx.read_gexf(path)
    R = nx.read_graphml(os.path.join(d, "n.graphml"))
    check("networkx reads a dynamic graph", G.graph.get("mode") == "dynamic", G.graph)
    months_all = sorted(periods)
    compare_graphs("dynamic GEXF", G, R,
                   node_drop=("spells",) + tuple(f"mentions_{p}" for p in months_all),
                   edge_drop=("id", "spells") + tuple(f"weight_{p}" for p in months_all))
    bad = []
    for n in G.nodes:
        months = [p for p, P in periods.items() if n in P]
        want = month_spells(months)
        if G.nodes[n].get("spells") != want:
            bad.append(f"{n}: {G.nodes[n].get('spells')} vs {want}")
        # one static column a month (issue 17: graphology-gexf and Gephi), 0 where absent
        counts = [periods[p].nodes[n]["mentions"] if n in periods[p] else 0 for p in months_all]
        got = [G.nodes[n].get(f"mentions_{p}") for p in months_all]
        if got != counts:
            bad.append(f"{n} mentions: {got} vs {counts}")
    check("node spells and mentions per month as in the monthly GraphML", not bad,
          "; ".join(bad[:3]))
    ns = {"g": "http://www.gexf.net/1.2draft"}
    bad = []
    for e in ET.parse(path).getroot().iterfind(".//g:edge", ns):
        u, v = e.get("source"), e.get("target")
        months = sorted(p for p, P in periods.items() if P.has_edge(u, v))
        spells = [(s.get("start"), s.get("end")) for s in e.iterfind("g:spells/g:spell", ns)]
        if spells != month_spells(months):
            bad.append(f"{u}--{v}: {spells} vs {month_spells(months)}")
        values = {a.get("for"): float(a.get("value"))
                  for a in e.iterfind("g:attvalues/g:attvalue", ns)
                  if a.get("for").startswith("weight_")}
        got = [values.get(f"weight_{p}") for p in months_all]
        want = [periods[p].edges[u, v]["weight"] if p in months else 0.0 for p in months_all]
        if got != want:
            bad.append(f"{u}--{v} weights: {got} vs {want}")
    check("edge spells and weights per month as in the monthly GraphML", not bad,
          "; ".join(bad[:3]))


def check_cli_rules(binary, corpus, tmp):
    def usage(name, args, pattern):
        r = run(binary, "extract", "-q", *args, corpus)
        check(name, r.returncode == 2 and pattern in r.stderr, f"{r.returncode} {r.stderr}")

    usage("-f csv without -o is a usage error", ["-f", "csv"], "-o DIR")
    usage("-o x.csv is refused (use -f csv -o DIR)", ["-o", os.path.join(tmp, "x.csv")],
          "-f csv -o DIR")
    usage("-f csv -o x.csv is refused", ["-f", "csv", "-o", os.path.join(tmp, "x.csv")],
          "not a .csv file")
    usage("an unknown -f lists the formats", ["-f", "xlsx"], "gexf, json, csv")
    check("nothing made by the refused runs", not os.path.exists(os.path.join(tmp, "x.csv")))

    plain = os.path.join(tmp, "plain-file")
    with open(plain, "w") as f:
        f.write("x")
    r = run(binary, "extract", "-q", "-f", "csv", "-o", plain, corpus)
    check("-f csv -o FILE: exit 1, not a directory", r.returncode == 1 and
          "not a directory" in r.stderr, r.stderr)

    # a document that fails once the outputs are open: invalid UTF-8 with --strict
    bad = os.path.join(tmp, "bad")
    os.mkdir(bad)
    with open(os.path.join(bad, "a.txt"), "wb") as f:
        f.write(b"Marseille \xff\n")
    fresh = os.path.join(tmp, "fresh")
    r = run(binary, "extract", "-q", "--strict", "-f", "csv", "-o", fresh, bad)
    check("a failed run leaves no directory behind", r.returncode != 0 and
          not os.path.exists(fresh), f"{r.returncode} {os.path.exists(fresh)}")

    kept = os.path.join(tmp, "kept")
    os.mkdir(kept)
    for name in ("nodes.csv", "edges.csv"):
        with open(os.path.join(kept, name), "w") as f:
            f.write("previous\n")
    r = run(binary, "extract", "-q", "--strict", "-f", "csv", "-o", kept, bad)
    prev = [open(os.path.join(kept, n)).read() for n in ("nodes.csv", "edges.csv")]
    check("a failed run leaves the previous tables, and no temporary file",
          r.returncode != 0 and prev == ["previous\n"] * 2 and len(os.listdir(kept)) == 2,
          os.listdir(kept))
    r = run(binary, "extract", "-q", "-f", "csv", "-o", kept + "/", corpus)
    with open(os.path.join(kept, "nodes.csv")) as f:
        check("a run replaces them (DIR/ with a slash too)",
              r.returncode == 0 and f.readline().startswith("id,label,type,"), r.stderr)

    for fmt in ("json", "gexf", "csv"):
        if fmt == "csv":
            continue  # (a directory cannot be /dev/full)
        r = run(binary, "extract", "-q", "-f", fmt, "-o", "/dev/full", corpus)
        check(f"-f {fmt} -o /dev/full: exit 1 with a message",
              r.returncode == 1 and "cannot write" in r.stderr, r.stderr)


def main(binary, source):
    corpus = os.path.join(source, "examples", "corpus")
    checker = os.path.join(source, "tests", "checks", "check_gexf.py")  # the project's own
    with tempfile.TemporaryDirectory(prefix="sg-formats-") as tmp:
        ref = os.path.join(tmp, "ref.graphml")
        r = run(binary, "extract", "-q", "-o", ref, "-o", os.path.join(tmp, "m.json"),
                "-o", os.path.join(tmp, "m.gexf"), corpus)
        if not check("extract to .graphml, .json and .gexf exits 0", r.returncode == 0,
                     r.stderr):
            return
        R = nx.read_graphml(ref)
        check("the example network has edges with first documents",
              any("first_documents" in d for _, _, d in R.edges(data=True)))
        check_json(binary, corpus, tmp, R)
        check_csv(binary, corpus, tmp, R)
        check_csv_formulas(binary, tmp)
        check_gexf(binary, corpus, tmp, R, checker)
        check_dynamic_gexf(binary, source, tmp, checker)
        check_cli_rules(binary, corpus, tmp)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
    failed = results.count(False)
    print(f"{results.count(True)} passed, {failed} failed")
    sys.exit(1 if failed or not results else 0)
