"""The project's own format checks (tests/checks/) are worth something: each
accepts the small files of good/ and what stakegraph writes today, and refuses
each file spoilt in one way, with the problem named. A mutation that breaks only
one of stakegraph's own promises (not the format) passes with --spec-only.

Run as: python3 checks_test.py STAKEGRAPH SOURCE_DIR
Prints one line per check and "N passed, M failed".
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
passed = failed = 0

# (what, [(find, replace), ...], message the check must print, spec: is the
# format itself broken (True) or only stakegraph's promise (False))
GRAPHML = [
    ("not well-formed", [("</graphml>", "")], "not well-formed XML", True),
    ("not UTF-8", [(b"Val-les-Pins</data>\n      <data key=\"v_name\">",
                    b"Val-l\xe8s-Pins</data>\n      <data key=\"v_name\">")], "not UTF-8", True),
    ("another namespace", [('xmlns="http://graphml.graphdrawing.org/xmlns"',
                            'xmlns="http://example.org/graphml"')], "root element", True),
    ("another root", [("<graphml xmlns", "<graph xmlns"), ("</graphml>", "</graph>")],
     "root element", True),
    ("a key id twice", [('id="v_big"', 'id="v_x"')], "key id 'v_x' declared twice", True),
    ("a key id not an NMTOKEN", [('id="v_big"', 'id="v big"')], "not an NMTOKEN", True),
    ("a key for no domain", [('for="node" attr.name="big"', 'for="vertex" attr.name="big"')],
     "not a GraphML domain", True),
    ("an unknown attr.type", [('attr.type="long"', 'attr.type="integer"')],
     "attr.type='integer' is not one of", True),
    ("an attr.name not an NMTOKEN", [('attr.name="big"', 'attr.name="big one"')],
     "attr.name='big one' is not an NMTOKEN", True),
    ("data for an undeclared key", [('<data key="v_main">0', '<data key="v_main2">0')],
     "names no declared <key>", True),
    ("data without key", [('<data key="v_main">0', '<data>0')], "<data> without key", True),
    ("node data on an edge", [('<data key="e_documents">1', '<data key="v_documents">1')],
     "declared for 'node', not 'edge'", True),
    ("the same data twice", [('<data key="v_r">255</data>',
                              '<data key="v_r">255</data><data key="v_r">1</data>')],
     "two <data key='v_r'>", True),
    ("an int with a fraction", [('<data key="v_mentions">3<', '<data key="v_mentions">3.0<')],
     "not an integer (int)", True),
    ("an int out of range", [('<data key="v_mentions">3<', '<data key="v_mentions">2147483648<')],
     "out of the range of int", True),
    ("a long in exponent form", [(">9000000000<", ">9e9<")], "not an integer (long)", True),
    ("a long out of range", [(">9000000000<", ">9223372036854775808<")],
     "out of the range of long", True),
    ("a boolean 'yes'", [('<data key="v_main">true', '<data key="v_main">yes')],
     "not a boolean", True),
    ("a float with a comma", [("> -1.5e3 <", ">1,5<")], "not a float", True),
    ("a float out of range", [("> -1.5e3 <", ">1e39<")], "out of the range of float", True),
    ("a double in words", [('<data key="e_weight">0.5', '<data key="e_weight">half')],
     "not a double", True),
    ("a default of the wrong type", [("<default>0</default>", "<default>none</default>")],
     "<default> 'none'", True),
    ("a node id twice", [('id="place:val"', 'id="place:bourg"')],
     "node id 'place:bourg' used twice", True),
    ("a node id not an NMTOKEN", [('id="org:alone"', 'id="org alone"')], "not an NMTOKEN", True),
    ("an edge to no node", [('target="place:val"', 'target="place:nowhere"')],
     "'place:nowhere' is not a node", True),
    ("an edge without target", [(' target="place:val"', "")], "source and target are required",
     True),
    ("an edge id twice", [('<edge source="place:bourg"', '<edge id="e0" source="place:bourg"')],
     "edge id 'e0' used twice", True),
    ("directed not a boolean", [('<edge source=', '<edge directed="maybe" source=')],
     "directed='maybe' is not a boolean", True),
    ("edgedefault missing", [(' edgedefault="undirected"', "")], "edgedefault=None", True),
    ("a key after the graph", [("</graph>\n</graphml>",
                                '</graph>\n  <key id="late" for="node"/>\n</graphml>')],
     "after a later part", True),
    ("an unknown element in a graph", [("<node id=\"org:alone\"/>", "<vertex id=\"x\"/>")],
     "<vertex> inside <graph>", True),
    ("an edge label", [('<edge id="e0"', '<edge id="e0" label="x"')],
     "label is not a GraphML attribute", True),
    ("a node weight", [('<node id="org:alone"/>', '<node id="org:alone" weight="1"/>')],
     "weight is not a GraphML attribute", True),
    # stakegraph's promises only
    ("a directed edge", [('<edge id="e0"', '<edge id="e0" directed="true"')],
     "label= or directed=", False),
    ("a directed graph", [('edgedefault="undirected"', 'edgedefault="directed"')],
     "edgedefault is not 'undirected'", False),
    ("two graphs", [("</graph>\n</graphml>",
                     '</graph>\n  <graph edgedefault="undirected"/>\n</graphml>')],
     "2 <graph> elements", False),
    ("no node attribute 'name'", [('attr.name="name"', 'attr.name="title"')],
     "no node attribute 'name'", False),
    ("a float weight", [('attr.name="weight" attr.type="double"',
                         'attr.name="weight" attr.type="float"')],
     "edge attribute 'weight' is float", False),
    ("a weight of 0", [('<data key="e_weight">2<', '<data key="e_weight">0<')],
     "weight 0.0 is not > 0", False),
    ("an infinite weight", [('<data key="e_weight">2<', '<data key="e_weight">INF<')],
     "weight=inf is not finite", False),
    ("an edge without weight", [('<data key="e_weight">0.5</data>', "")], "no weight", False),
    ("a self-loop", [('target="place:val"', 'target="place:bourg"')], "self-loop", False),
    ("a parallel edge", [('source="place:bourg" target="place:val"',
                          'source="place:bourg" target="org:ch-bourg"')], "parallel edge", False),
    ("a node attribute 'id'", [('attr.name="big"', 'attr.name="id"')],
     "a node attribute named 'id'", False),
    ("a colour as a double", [('attr.name="r" attr.type="int"', 'attr.name="r" attr.type="double"')],
     "colour component r is not an integer", False),
    ("a colour of 256", [('<data key="v_r">255', '<data key="v_r">256')], "outside 0..255", False),
    ("a key for all", [('for="node" attr.name="main"', 'for="all" attr.name="main"')],
     "for='all', not 'node', 'edge' or 'graph'", False),
    ("a key without attr.type", [(' attr.type="boolean"', "")], "no attr.type", False),
    ("a name declared twice", [('attr.name="big"', 'attr.name="mentions"')],
     "node attribute 'mentions' declared by keys", False),
    ("a NaN", [("> -1.5e3 <", ">NaN<")], "x=nan is not finite", False),
]

GEXF = [
    ("not well-formed", [("</gexf>", "")], "not well-formed XML", True),
    ("another namespace", [('xmlns="http://www.gexf.net/1.2draft"', 'xmlns="http://example.org/gexf"')],
     "root element", True),
    ("a version of another namespace", [('version="1.2"', 'version="1.3"')],
     "version='1.3' in the namespace of GEXF 1.2", True),
    ("no graph", [('<graph mode="static"', '<grap mode="static"'), ("</graph>", "</grap>")],
     "not an optional <meta> and one <graph>", True),
    ("a defaultedgetype unknown", [('defaultedgetype="undirected"', 'defaultedgetype="both"')],
     "defaultedgetype='both'", True),
    ("a mode unknown", [('mode="static" defaultedgetype', 'mode="moving" defaultedgetype')],
     "mode='moving'", True),
    ("attributes of a class unknown", [('class="edge"', 'class="link"')],
     "<attributes class='link'>", True),
    ("an attribute without title", [(' title="big"', "")], "id, title and type are required", True),
    ("an attribute type unknown", [('type="long"', 'type="int"')],
     "type 'int' is not a GEXF 1.2 type", True),
    ("an attribute id twice", [('<attribute id="big"', '<attribute id="mentions"')],
     "node attribute 'mentions': declared twice", True),
    ("an attvalue for no attribute", [('<attvalue for="main"', '<attvalue for="principal"')],
     "names no node attribute", True),
    ("an edge attvalue for a node attribute", [('<attvalue for="documents"', '<attvalue for="mentions"')],
     "names no edge attribute", True),
    ("an integer with a fraction", [('for="mentions" value="3"', 'for="mentions" value="3.5"')],
     "mentions='3.5': not an integer", True),
    ("an integer out of range", [('for="mentions" value="3"', 'for="mentions" value="2147483648"')],
     "out of the range of integer", True),
    ("a long in words", [('value="9000000000"', 'value="nine"')], "not an integer", True),
    ("a boolean 'oui'", [('for="main" value="true"', 'for="main" value="oui"')], "not a boolean",
     True),
    ("a double with a comma", [('value="-1.5e3"', 'value="-1,5"')], "not a double", True),
    ("a float out of range", [('for="share" value="0.25"', 'for="share" value="1e39"')],
     "out of the range of float", True),
    ("a value not among the options", [('for="type" value="place"', 'for="type" value="town"')],
     "not one of its options", True),
    ("a default of the wrong type", [("<default>0</default>", "<default>zero</default>")],
     "default 'zero'", True),
    ("a node id twice", [('<node id="place:val"', '<node id="place:bourg"')],
     "node id 'place:bourg' used twice", True),
    ("an edge to no node", [('target="place:val"', 'target="place:nowhere"')],
     "'place:nowhere' is not a node", True),
    ("an edge id twice", [('<edge id="1"', '<edge id="0"')], "edge id '0' used twice", True),
    ("an edge without id", [('<edge id="1" ', "<edge ")], "no id", True),
    ("an edge type unknown", [('type="undirected"/>', 'type="both"/>')], "type='both'", True),
    ("a weight in words", [('weight="0.5"', 'weight="half"')], "weight='half'", True),
    ("a wrong node count", [('<nodes count="3">', '<nodes count="4">')],
     "<nodes count=4> but 3 nodes", True),
    ("a colour of 256", [('r="255"', 'r="256"')], "color r='256': outside 0..255", True),
    ("an alpha of 2", [('a="0.5"', 'a="2"')], "color a='2': outside 0..1", True),
    ("a negative size", [('<size value="4.5"/>', '<size value="-4.5"/>')],
     "size '-4.5': not a finite number >= 0", True),
    ("a position without z", [('<position x="-1" y="2.5" z="0"/>', '<position x="-1" y="2.5"/>')],
     "position without z", True),
    ("a position in words", [('<viz:position x="1"', '<viz:position x="left"')],
     "position x='left'", True),
    ("a node shape unknown", [('<viz:shape value="disc"/>', '<viz:shape value="star"/>')],
     "shape 'star'", True),
    ("two colours", [('<viz:size value="10"/>', '<viz:size value="10"/><viz:color r="1" g="1" b="1"/>')],
     "2 <color> elements", True),
    ("a node weight", [('<node id="place:val"', '<node weight="2" id="place:val"')],
     "weight is not a GEXF 1.2 attribute", True),
    ("a colour in hexadecimal", [('<color r="1" g="2" b="3"/>', '<color r="1" g="2" b="3" hex="#010203"/>')],
     "hex is not a GEXF 1.2 attribute", True),
    ("a spell in a static graph", [('<edge id="1" source="place:bourg" target="place:val" weight="0.5" type="undirected"/>',
                                    '<edge id="1" source="place:bourg" target="place:val" weight="0.5" type="undirected"><spells><spell start="1" end="2"/></spells></edge>')],
     "whose mode is not dynamic", True),
    # stakegraph's promises only
    ("a directed graph", [('defaultedgetype="undirected"', 'defaultedgetype="directed"')],
     "defaultedgetype is not 'undirected'", False),
    ("a directed edge", [('type="undirected"/>', 'type="directed"/>')], "type='directed'", False),
    ("a node without label", [(' label="Val-les-Pins"', "")], "place:val: no label", False),
    ("a node without position", [('<position x="-1" y="2.5" z="0"/>', "")],
     "place:val: no position, when other nodes have one", False),
    ("a node without size", [('<size value="4.5"/>', "")], "place:val: not a colour and a size",
     False),
    ("an edge without weight", [(' weight="0.5"', "")], "no weight", False),
    ("a weight of 0", [('weight="0.5"', 'weight="0"')], "is not finite and > 0", False),
    ("a self-loop", [('target="place:val"', 'target="place:bourg"')], "self-loop", False),
    ("a parallel edge", [('source="place:bourg" target="place:val"',
                          'source="place:bourg" target="org:ch-bourg"')], "parallel edge", False),
]

DYNAMIC = [
    ("a spell that is not a date", [('<spell start="2024-02-01"', '<spell start="2024-02-30"')],
     "start='2024-02-30'", True),
    ("a spell backwards", [('<spell start="2024-03-01" end="2024-03-31"/>\n        </spells>\n      </edge>',
                            '<spell start="2024-03-31" end="2024-03-01"/>\n        </spells>\n      </edge>')],
     "starts after it ends", True),
    ("overlapping spells", [('<spell start="2024-03-01" end="2024-03-31"/>\n        </spells>\n        <color r="89"',
                             '<spell start="2024-01-15" end="2024-03-31"/>\n        </spells>\n        <color r="89"')],
     "node a: spells: periods overlap", True),
    ("overlapping values", [('value="1" start="2024-03-16"', 'value="1" start="2024-03-15"')],
     "values of 'weight': periods overlap", True),
    ("a dated value of a static attribute", [('<attvalue for="mentions" value="3"/>',
                                              '<attvalue for="mentions" value="3" start="2024-01-01"/>')],
     "is not in an <attributes mode=\"dynamic\">", True),
    ("a static graph with spells", [('mode="dynamic" defaultedgetype', 'mode="static" defaultedgetype')],
     "whose mode is not dynamic", True),
    ("a timeformat unknown", [('timeformat="date"', 'timeformat="month"')],
     "timeformat='month'", True),
    ("an empty spells", [('<spell start="2024-02-01" end="2024-03-31"/>', "")], "empty <spells>",
     True),
    ("both end and endopen", [('<spell start="2024-02-01" end="2024-03-31"/>',
                               '<spell start="2024-02-01" end="2024-03-31" endopen="2024-04-01"/>')],
     "both a closed and an open bound", True),
    # stakegraph's promises only
    ("dates read as dateTime", [('timeformat="date"', 'timeformat="dateTime"')],
     "not a dateTime", True),
    ("an edge without spells", [('<spells>\n          <spell start="2024-03-01" end="2024-03-31"/>\n        </spells>\n      </edge>',
                                 "</edge>")], "no spells in a dynamic graph", False),
]

DOT = [
    ("a syntax error", [("}\n", "")], "syntax error", True),
    ("a directed graph", [("strict graph G {", "strict digraph G {"),
                          ('"org:ch-bourg" -- ', '"org:ch-bourg" -> '),
                          ('"place:bourg" -- ', '"place:bourg" -> ')],
     "not an undirected graph", True),
    ("a warning", [("shape=ellipse", "shape=blob")], "Warning", True),
    ("an arrow in an undirected graph", [('"place:bourg" -- "place:val"', '"place:bourg" -> "place:val"')],
     "exit 1", True),
]


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok -", what)
    else:
        failed += 1
        print("FAIL -", what)
        for line in str(detail).strip().splitlines()[:8]:
            print("    " + line)


def run_check(cmd, path, spec_only=False):
    args = list(cmd) + (["--spec-only"] if spec_only else []) + [path]
    r = subprocess.run(args, capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def mutations(name, cmd, good, table, tmp, has_spec_only=True):
    with open(good, "rb") as f:
        base = f.read()
    rc, out = run_check(cmd, good)
    check(f"{name}: accepts {os.path.basename(good)}", rc == 0 and out.startswith("ok"), out)
    if has_spec_only:
        rc, out = run_check(cmd, good, True)
        check(f"{name} --spec-only: accepts {os.path.basename(good)}", rc == 0, out)
    for what, edits, message, spec in table:
        text = base
        missing = []
        for find, repl in edits:
            f = find if isinstance(find, bytes) else find.encode()
            r = repl if isinstance(repl, bytes) else repl.encode()
            if text.count(f) != 1:
                missing.append(find)
            text = text.replace(f, r, 1)
        if missing:
            check(f"{name}: {what}: the edit applies once", False, f"{missing!r} not once in {good}")
            continue
        path = os.path.join(tmp, "spoilt" + os.path.splitext(good)[1])
        with open(path, "wb") as f:
            f.write(text)
        rc, out = run_check(cmd, path)
        check(f"{name}: refuses {what}", rc == 1 and message in out, f"exit {rc}, wanted /{message}/:\n{out}")
        if has_spec_only:
            rc2, out2 = run_check(cmd, path, True)
            if spec:
                check(f"{name} --spec-only: refuses {what}", rc2 == 1 and message in out2, out2)
            else:
                check(f"{name} --spec-only: accepts {what} (only stakegraph's promise)", rc2 == 0, out2)


def outputs(sg, source, py, tmp):
    """What stakegraph writes today passes the checks."""
    graphml = [py, os.path.join(HERE, "check_graphml.py")]
    gexf = [py, os.path.join(HERE, "check_gexf.py")]
    dot = ["bash", os.path.join(HERE, "check_dot.sh")]
    corpus = os.path.join(source, "examples", "corpus")
    jsonl = os.path.join(source, "examples", "corpus.jsonl")
    committed = os.path.join(source, "examples", "output")
    for cmd, f in ((graphml, "network.graphml"), (dot, "network.dot")):
        rc, out = run_check(cmd, os.path.join(committed, f))
        check(f"examples/output/{f} passes", rc == 0, out)
    d = os.path.join(tmp, "out")
    os.mkdir(d)
    runs = [
        ("extract -o x.graphml -o x.gexf -o x.dot --bipartite",
         ["extract", "-q", corpus, "-o", f"{d}/x.graphml", "-o", f"{d}/x.gexf", "-o", f"{d}/x.dot",
          "--bipartite", f"{d}/bip.graphml"],
         [(graphml, "x.graphml"), (gexf, "x.gexf"), (dot, "x.dot"), (graphml, "bip.graphml")]),
        ("extract --unit document",
         ["extract", "-q", "--unit", "document", corpus, "-o", f"{d}/doc.graphml", "-o", f"{d}/doc.gexf"],
         [(graphml, "doc.graphml"), (gexf, "doc.gexf")]),
        ("extract --no-analyse",
         ["extract", "-q", "--no-analyse", corpus, "-o", f"{d}/na.graphml", "-o", f"{d}/na.gexf"],
         [(graphml, "na.graphml"), (gexf, "na.gexf")]),
        ("extract --jsonl --by-period month",
         ["extract", "-q", "--jsonl", "--by-period", "month", jsonl, "-o", f"{d}/m.gexf",
          "-o", f"{d}/m.graphml"],
         [(gexf, "m.gexf"), (graphml, "m.graphml")]),
        ("extract --jsonl --by-period year",
         ["extract", "-q", "--jsonl", "--by-period", "year", jsonl, "-o", f"{d}/y.gexf"],
         [(gexf, "y.gexf")]),
        ("extract of an empty document",
         ["extract", "-q", os.path.join(tmp, "empty.txt"), "-o", f"{d}/e.graphml", "-o", f"{d}/e.gexf"],
         [(graphml, "e.graphml"), (gexf, "e.gexf")]),
    ]
    open(os.path.join(tmp, "empty.txt"), "w").close()
    for what, args, files in runs:
        r = subprocess.run([sg] + args, capture_output=True, text=True)
        check(f"{what}: exits 0", r.returncode == 0, r.stderr)
        for cmd, f in files:
            rc, out = run_check(cmd, os.path.join(d, f))
            check(f"{what}: {f} passes {os.path.basename(cmd[-1])}", rc == 0, out)
    dyn = open(os.path.join(d, "m.gexf")).read()
    check("the monthly GEXF is dynamic, with spells (the check saw times)",
          'mode="dynamic"' in dyn and "<spell " in dyn)
    periods = [f for f in os.listdir(d) if f.startswith("m.") and f.endswith(".graphml") and f != "m.graphml"]
    check("--by-period month wrote one GraphML per month", len(periods) > 2, periods)
    for f in sorted(periods):
        rc, out = run_check(graphml, os.path.join(d, f))
        check(f"--by-period month: {f} passes check_graphml.py", rc == 0, out)


def main(sg, source):
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="sg-checks-") as tmp:
        good = os.path.join(HERE, "good")
        mutations("check_graphml.py", [py, os.path.join(HERE, "check_graphml.py")],
                  os.path.join(good, "small.graphml"), GRAPHML, tmp)
        mutations("check_gexf.py", [py, os.path.join(HERE, "check_gexf.py")],
                  os.path.join(good, "small.gexf"), GEXF, tmp)
        mutations("check_gexf.py", [py, os.path.join(HERE, "check_gexf.py")],
                  os.path.join(good, "dynamic.gexf"), DYNAMIC, tmp)
        mutations("check_dot.sh", ["bash", os.path.join(HERE, "check_dot.sh")],
                  os.path.join(good, "small.dot"), DOT, tmp, has_spec_only=False)
        for cmd, arg in (([py, os.path.join(HERE, "check_graphml.py")], "nothing.graphml"),
                         ([py, os.path.join(HERE, "check_gexf.py")], "nothing.gexf"),
                         (["bash", os.path.join(HERE, "check_dot.sh")], "nothing.dot")):
            rc, out = run_check(cmd, os.path.join(tmp, arg))
            check(f"{os.path.basename(cmd[1])}: a missing file fails", rc == 1, out)
        outputs(sg, source, py, tmp)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)
