"""Tests of the stakegraph Python package (issue 19), run by ctest's python.pytest
with /usr/bin/python3 on the extension built into the build tree (PYTHONPATH).

STAKEGRAPH_CLI names the command line built from the same tree and
STAKEGRAPH_SOURCE the source tree: the package is compared with the command
line (networks, mentions, evidence, suggestions, messages)."""
import csv
import gc
import inspect
import io
import json
import os
import pydoc
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings

import networkx as nx
import pandas as pd
import pytest

import stakegraph

CLI = os.environ.get("STAKEGRAPH_CLI", "stakegraph")
SRC = os.environ.get("STAKEGRAPH_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(SRC, "examples", "corpus")
JSONL = os.path.join(SRC, "examples", "corpus.jsonl")

GAZ = (
    "id\tlabel\ttype\taliases\n"
    "org:cafe\tCafé Émeraude\torganisation\tCÉ\n"
    "org:aphm\tAssistance publique-Hôpitaux de Marseille\torganisation\tAP-HM\n"
    "org:ars\tAgence régionale de santé Paca\torganisation\tARS Paca\n"
    "person:zoe\tZoé Lefèvre\tperson\t\n"
)


# The command line as built, without what a sanitizer build preloads into Python
# for the module (the command line holds its own runtime).
CLI_ENV = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def cli(*args, cwd=SRC, check=True):
    p = subprocess.run([CLI, *args], cwd=cwd, capture_output=True, env=CLI_ENV)
    if check and p.returncode != 0:
        raise AssertionError(f"{args}: {p.stderr.decode()}")
    return p


@pytest.fixture()
def gaz(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text(GAZ, encoding="utf-8")
    return stakegraph.Gazetteer(path)


@pytest.fixture(autouse=True)
def in_source(monkeypatch):
    monkeypatch.chdir(SRC)  # document names as the command line's: examples/corpus/...


def quiet_extract(*args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", stakegraph.StakegraphWarning)
        return stakegraph.extract(*args, **kw)


def texts_of(directory):
    out = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as f:
            out.append((os.path.join(directory, name), f.read()))
    return out


# ---- gazetteers ------------------------------------------------------------


def test_gazetteer_bundled_as_the_cli():
    g = stakegraph.Gazetteer()
    assert g.paths == [os.path.join(SRC, "gazetteers")]
    ents = g.entities
    assert list(ents.columns) == ["id", "label", "type"]
    assert len(ents) == len(g) > 1000
    assert "org:ap-hm" in set(ents.id)


def test_gazetteer_files_and_errors(tmp_path, gaz):
    assert len(gaz) == 4 and "Gazetteer: 4 actors" in repr(gaz)
    both = stakegraph.Gazetteer([gaz.paths[0], os.path.join(SRC, "gazetteers")])
    assert len(both) == len(stakegraph.Gazetteer()) + 4
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tlabel\ttype\taliases\norg:a\tA\torganisation\t\norg:a\tB\torganisation\t\n")
    with pytest.raises(stakegraph.Error) as e:
        stakegraph.Gazetteer(bad)
    assert e.value.file == str(bad) and e.value.line == 3
    assert str(e.value).startswith(f"{bad}:3: ")
    msg = cli("extract", "-g", str(bad), CORPUS, check=False).stderr.decode()
    assert msg.startswith(f"stakegraph: {e.value}\n")
    with pytest.raises(stakegraph.Error) as e:
        stakegraph.Gazetteer(tmp_path / "none.tsv")
    assert e.value.file == str(tmp_path / "none.tsv")


def test_gazetteer_check(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("id\tlabel\ttype\taliases\norg:a\tAgence X\torganisation\tAX\n"
                    "org:b\tAgence Y\torganisation\tAX\n", encoding="utf-8")
    found = stakegraph.Gazetteer(path).check(words=False)
    assert list(found.columns) == ["error", "kind", "file", "line", "message"]
    assert "shared" in set(found.kind)
    out = cli("gazetteer", "check", "--no-words", str(path), check=False).stdout.decode()
    for row in found.itertuples():
        assert f"{row.file}:{row.line}: " in out and row.message in out


# ---- the network: the command line's -------------------------------------------


def same_graph(a, b):
    assert set(a.nodes) == set(b.nodes)
    assert {frozenset(e) for e in a.edges} == {frozenset(e) for e in b.edges}
    for n in a.nodes:
        assert a.nodes[n] == b.nodes[n], n
    for u, v in a.edges:
        assert a.edges[u, v] == b.edges[u, v], (u, v)
    assert a.graph == b.graph


def test_same_network_as_cli(tmp_path):
    out = tmp_path / "cli.graphml"
    cli("extract", "-q", CORPUS, "-o", str(out))
    res = stakegraph.extract(CORPUS)
    assert res.documents == 7
    G = res.to_networkx()
    same_graph(G, nx.read_graphml(out))
    assert G.number_of_edges() > 50 and "pagerank" in next(iter(G.nodes.values()))
    assert sum(w for _, _, w in G.edges(data="weight")) > 0
    assert res.graphml() == out.read_bytes()
    mine = tmp_path / "py.graphml"
    res.write(mine)
    assert mine.read_bytes() == out.read_bytes()
    ig = res.to_igraph()
    assert sorted(ig.vs["id"]) == sorted(G.nodes)
    assert ig.ecount() == G.number_of_edges()
    assert ig.vs.find(id="org:ap-hm")["pagerank"] == pytest.approx(G.nodes["org:ap-hm"]["pagerank"])


@pytest.mark.parametrize("py,args", [
    (dict(unit="paragraph", min_weight=2), ["--unit", "paragraph", "--min-weight", "2"]),
    (dict(unit="window:10", seed=7, analyse=True, no_betweenness=True),
     ["--unit", "window:10", "--seed", "7", "--no-betweenness"]),
    (dict(analyse=False), ["--no-analyse"]),
    (dict(layout=False, variants="-fuzzy", max_unit_actors=3),
     ["--no-layout", "--variants", "-fuzzy", "--max-unit-actors", "3"]),
    (dict(unit="document", backbone=0.5), ["--unit", "document", "--backbone", "0.5"]),
])
def test_options_as_cli(tmp_path, py, args):
    out = tmp_path / "cli.graphml"
    cli("extract", "-q", CORPUS, "-o", str(out), *args)
    assert quiet_extract(CORPUS, **py).graphml() == out.read_bytes()


def test_sync_outputs(tmp_path):
    # off by default, set and asked in the process, and read from STAKEGRAPH_SYNC at
    # import as the command line reads it (1, yes, true, on; anything else off)
    assert stakegraph.sync_outputs() is False
    try:
        assert stakegraph.sync_outputs(True) is True
        assert stakegraph.sync_outputs() is True
        net = quiet_extract(["examples/corpus/01-interpro-extension.txt"])
        net.write(str(tmp_path / "n.graphml"))
        assert (tmp_path / "n.graphml").stat().st_size > 0
    finally:
        assert stakegraph.sync_outputs(False) is False
    code = "import stakegraph; print(stakegraph.sync_outputs())"
    for value, want in (("1", "True"), ("Yes", "True"), ("on", "True"), ("0", "False"),
                        ("no", "False"), ("off", "False"), ("00", "False")):
        env = dict(os.environ, STAKEGRAPH_SYNC=value)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == want, (value, out.stdout, out.stderr)


def test_write_any_format(tmp_path):
    res = stakegraph.extract(CORPUS, title="Example")
    res.write(tmp_path / "p.json", tmp_path / "p.gexf", tmp_path / "p.dot", tmp_path / "p.svg")
    res.write(tmp_path / "ptables", format="csv")
    cli("extract", "-q", CORPUS, "--title", "Example", "-o", str(tmp_path / "c.json"), "-o",
        str(tmp_path / "c.gexf"), "-o", str(tmp_path / "c.dot"), "-o", str(tmp_path / "c.svg"))
    cli("extract", "-q", CORPUS, "-f", "csv", "-o", str(tmp_path / "ctables"))
    for ext in ("json", "gexf", "dot", "svg"):
        assert (tmp_path / f"p.{ext}").read_bytes() == (tmp_path / f"c.{ext}").read_bytes(), ext
    for t in ("nodes.csv", "edges.csv"):
        assert (tmp_path / "ptables" / t).read_bytes() == (tmp_path / "ctables" / t).read_bytes()
    # options for one write only, as the command line's
    res.write(tmp_path / "t.svg", colour_by="type", labels=5)
    cli("extract", "-q", CORPUS, "--title", "Example", "--colour-by", "type", "--labels", "5",
        "-o", str(tmp_path / "ct.svg"))
    assert (tmp_path / "t.svg").read_bytes() == (tmp_path / "ct.svg").read_bytes()
    with pytest.raises(stakegraph.OptionError) as e:
        res.write(tmp_path / "x.docx")
    assert "docx" in str(e.value)
    assert not (tmp_path / "x.docx").exists()
    with pytest.raises(stakegraph.OptionError):
        stakegraph.extract(CORPUS, analyse=False).write(tmp_path / "x.svg")


def view_units(page):
    """The units of text behind the links of an HTML view (its data JSON)."""
    data = page.split(b'<script type="application/json" id="sg-data">', 1)[1]
    return json.loads(data.split(b"</script>", 1)[0])["units"]


def test_html_view_as_cli(tmp_path):
    """The HTML view as -o x.html writes it, units behind the links included,
    whatever the run kept of the co-occurrences."""
    cli("extract", "-q", CORPUS, "--title", "Example", "-o", str(tmp_path / "c.html"))
    want = (tmp_path / "c.html").read_bytes()
    assert len(view_units(want)) > 20
    for evidence in (None, True, False):
        res = stakegraph.extract(CORPUS, title="Example", mentions=False, evidence=evidence)
        res.write(tmp_path / f"p{evidence}.html")
        assert (tmp_path / f"p{evidence}.html").read_bytes() == want, evidence
    # the units an edge as --html-evidence says, for this output only
    cli("extract", "-q", CORPUS, "--html-evidence", "1", "-o", str(tmp_path / "c1.html"))
    res = stakegraph.extract(CORPUS)
    res.write(tmp_path / "p1.html", html_evidence=1)
    assert (tmp_path / "p1.html").read_bytes() == (tmp_path / "c1.html").read_bytes()
    # periods: one page with its slider, and the documents' dates
    cli("extract", "-q", "--jsonl", JSONL, "--by-period", "year", "-o", str(tmp_path / "cj.html"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", stakegraph.StakegraphWarning)
        stakegraph.extract(JSONL, by_period="year").write(tmp_path / "pj.html")
    assert (tmp_path / "pj.html").read_bytes() == (tmp_path / "cj.html").read_bytes()


def test_merge_as_cli(tmp_path):
    """Shards' counts added up: the network one extract of the whole corpus
    makes, as `stakegraph merge` writes it."""
    files = [f for f, _ in texts_of(CORPUS)]
    with pytest.raises(stakegraph.OptionError, match="discover=False"):
        stakegraph.extract(files[:3]).write(tmp_path / "a.pairs")  # names found: no counts
    assert not (tmp_path / "a.pairs").exists()
    stakegraph.extract(files[:3], discover=False).write(tmp_path / "a.pairs")
    cli("extract", "-q", *files[3:], "-f", "pairs", "-o", str(tmp_path / "b.pairs"))
    cli("extract", "-q", "--no-discover", CORPUS, "--title", "T", "-o",
        str(tmp_path / "whole.graphml"))
    with pytest.warns(stakegraph.StakegraphWarning, match="same file as") as w:
        res = stakegraph.merge([tmp_path / "a.pairs", tmp_path], title="T")
    assert w[0].message.file == str(tmp_path / "a.pairs")
    assert res.documents == len(files) and res.periods == {}
    assert res.graphml() == (tmp_path / "whole.graphml").read_bytes()
    same_graph(res.to_networkx(), nx.read_graphml(tmp_path / "whole.graphml"))
    cli("merge", "-q", str(tmp_path / "a.pairs"), str(tmp_path / "b.pairs"), "--title", "T",
        "--min-weight", "2", "-o", str(tmp_path / "c.html"), "-o", str(tmp_path / "c.svg"))
    stakegraph.merge(tmp_path, min_weight=2, title="T").write(tmp_path / "p.html",
                                                              tmp_path / "p.svg")
    for ext in ("html", "svg"):
        assert (tmp_path / f"p.{ext}").read_bytes() == (tmp_path / f"c.{ext}").read_bytes()
    with pytest.raises(stakegraph.Error, match="has no text"):
        res.mentions
    with pytest.raises(stakegraph.Error, match="has no text"):
        res.evidence()
    gaz = tmp_path / "g.tsv"
    gaz.write_text(GAZ, encoding="utf-8")
    with pytest.raises(stakegraph.Error, match="another gazetteer") as e:
        stakegraph.merge(tmp_path / "a.pairs", gazetteer=gaz)
    assert e.value.file == str(tmp_path / "a.pairs") and e.value.line == 1
    (tmp_path / "empty").mkdir()
    with pytest.raises(stakegraph.Error, match="no counts files"):
        stakegraph.merge(tmp_path / "empty")
    with pytest.raises(stakegraph.OptionError, match="unit"):
        stakegraph.merge(tmp_path, unit="document")


def test_periods_as_cli(tmp_path):
    cli("extract", "-q", "--jsonl", JSONL, "--by-period", "year", "-o", str(tmp_path / "c.graphml"),
        "-o", str(tmp_path / "c.gexf"))
    res = stakegraph.extract(JSONL, by_period="year")
    assert list(res.periods) == ["2023", "2024", "2025"]
    for label, net in res.periods.items():
        assert net.label == label
        assert net.graphml() == (tmp_path / f"c.{label}.graphml").read_bytes()
        same_graph(net.to_networkx(), nx.read_graphml(tmp_path / f"c.{label}.graphml"))
    res.write(tmp_path / "p.graphml", tmp_path / "p.gexf")
    for name in ["graphml", "2023.graphml", "2024.graphml", "2025.graphml", "gexf"]:
        assert (tmp_path / f"p.{name}").read_bytes() == (tmp_path / f"c.{name}").read_bytes()
    res.periods["2024"].write(tmp_path / "only2024.graphml")
    assert (tmp_path / "only2024.graphml").read_bytes() == (tmp_path / "c.2024.graphml").read_bytes()
    assert stakegraph.extract(CORPUS).periods == {}


def test_periods_from_a_dataframe():
    rows = [json.loads(line) for line in open(JSONL, encoding="utf-8") if line.strip()]
    df = pd.DataFrame(rows)
    df["date"] = pd.to_datetime(df["date"])  # Timestamps are dates too
    a = stakegraph.extract(df, by_period="year")
    b = stakegraph.extract(JSONL, by_period="year")
    assert list(a.periods) == list(b.periods)
    for label in a.periods:
        assert a.periods[label].graphml() == b.periods[label].graphml()
    undated = [{"id": "u", "text": "L'AP-HM et l'ARS Paca."}] + rows[:2]
    with pytest.warns(stakegraph.StakegraphWarning, match="1 document without a date"):
        assert stakegraph.extract(undated, by_period="year").undated == 1


# ---- inputs in memory: the same as files --------------------------------------


def test_inputs_in_memory_as_files():
    files = stakegraph.extract(CORPUS)
    docs = texts_of(CORPUS)
    as_str = [(name, text.decode("utf-8")) for name, text in docs]
    forms = [
        docs,
        as_str,
        [{"id": n, "text": t, "source": "La Provence"} for n, t in as_str],
        pd.DataFrame({"id": [n for n, _ in as_str], "text": [t for _, t in as_str]}),
        [os.path.join(CORPUS, n) for n in sorted(os.listdir(CORPUS))],
    ]
    want = files.mentions
    # not recorded during the run: gathered by a second run when asked for
    later = stakegraph.extract(CORPUS, mentions=False)
    assert "mentions" not in repr(later) and later.graphml() == files.graphml()
    pd.testing.assert_frame_equal(later.mentions, want)
    assert "149 mentions" in repr(later) and len(later.evidence()) == len(files.evidence())
    for form in forms:
        res = stakegraph.extract(form)
        pd.testing.assert_frame_equal(res.mentions, want)
        assert res.graphml() == files.graphml()


# ---- mentions: names borrowed from the bundled gazetteer (variant "known") ------


def test_mentions_known(tmp_path):
    path = tmp_path / "own.tsv"
    path.write_text("id\tlabel\ttype\taliases\n"
                    "org:escartons\tCentre hospitalier des Escartons\torganisation\t\n",
                    encoding="utf-8")
    docs = [("a.txt", "Les soignants de l’hôpital de Briançon manifestent.")]
    m = stakegraph.extract(docs, path).mentions
    assert list(zip(m.id, m.text, m.match)) == [
        ("org:escartons", "hôpital de Briançon", "known")]
    assert len(stakegraph.extract(docs, path, variants="-known").mentions) == 0


# ---- actors found in the corpus (discover; the default with the bundled gazetteers) -----


def test_mentions_found(tmp_path):
    docs = [("a.txt", "Le docteur Karim Benali a rencontré l’ARS Paca. M. Benali a insisté.")]
    m = stakegraph.extract(docs).mentions
    found = m[m.match == "found"]
    assert list(zip(found.id, found.text)) == [("person:karim-benali", "Karim Benali"),
                                               ("person:karim-benali", "Benali")]
    assert "org:ars-paca" in set(m.id)
    g = stakegraph.extract(docs).to_networkx()
    assert g.nodes["person:karim-benali"]["found"] == "person"
    for off in (stakegraph.extract(docs, discover=False),
                stakegraph.extract(docs, stakegraph.default_gazetteers())):
        assert "person:karim-benali" not in set(off.mentions.id)
    own = stakegraph.Gazetteer()
    n = len(own)
    res = stakegraph.extract(docs, own, discover=True)
    assert "person:karim-benali" in set(res.mentions.id)
    assert len(own) == n  # a gazetteer given is never changed


# ---- mentions: offsets that slice the text ------------------------------------


def test_mentions_as_cli(tmp_path):
    cli("extract", "-q", CORPUS, "-o", "/dev/null", "--mentions", str(tmp_path / "m.tsv"))
    want = pd.read_csv(tmp_path / "m.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                       keep_default_na=False)
    m = stakegraph.extract(CORPUS).mentions
    assert list(m.columns) == ["doc", "start", "end", "id", "type", "text", "match", "byte_start",
                               "byte_end"]
    assert len(m) == len(want) > 100
    assert list(m.doc) == list(want.doc) and list(m.id) == list(want.id)
    assert list(m.byte_start) == [int(x) for x in want.start]
    assert list(m.byte_end) == [int(x) for x in want.end]
    assert list(m.match) == list(want.match) and list(m.type) == list(want.type)
    texts = {}
    for row in m.itertuples():
        if row.doc not in texts:
            with open(row.doc, "rb") as f:
                texts[row.doc] = f.read()
        s = texts[row.doc].decode("utf-8", "replace")
        assert s[row.start:row.end] == row.text
        assert texts[row.doc][row.byte_start:row.byte_end].decode() == row.text
    assert (m.start < m.byte_start).any()  # the example has accents before mentions
    # one str for the mentions of the same name (a DataFrame of repeated names)
    assert len({id(x) for x in m.text}) == len(set(m.text)) < len(m)
    m.loc[0, "start"] = -1  # columns of their own, writable (not views of the C buffers)
    assert m.start[0] == -1


def check_slices(res, texts):
    m = res.mentions
    assert len(m) > 0
    for row in m.itertuples():
        s = texts[row.doc]
        assert s[row.start:row.end] == row.text, (row.doc, row.start, row.text)
    return m


def test_offsets_accents_emoji(gaz):
    text = ("🎉 Le Café Émeraude 👩‍⚕️ et l’AP-HM, avec Zoé Lefèvre (ARS Paca) ; "
            "𝒜 CÉ et l'Assistance publique-Hôpitaux de Marseille. ✓")
    res = stakegraph.extract([("doc", text)], gazetteer=gaz)
    m = check_slices(res, {"doc": text})
    assert set(m.id) == {"org:cafe", "org:aphm", "person:zoe", "org:ars"}
    raw = text.encode()
    for row in m.itertuples():
        assert raw[row.byte_start:row.byte_end].decode() == row.text
        assert len(text[:row.start].encode()) == row.byte_start
    # bytes: the same
    res_b = stakegraph.extract([("doc", raw)], gazetteer=gaz)
    pd.testing.assert_frame_equal(res_b.mentions, m)


# invalid UTF-8 of every kind before, between and after mentions
BAD = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xf4\x90\x80\x80",
       b"\x80\x80", b"\xe0\x80\x80", b"\xf8\x88\x80\x80\x80"]


@pytest.mark.parametrize("bad", BAD)
def test_offsets_invalid_utf8(gaz, bad):
    raw = (b"Caf\xc3\xa9 " + bad + b" Le Caf\xc3\xa9 \xc3\x89meraude " + bad + bad +
           " 🎉 l’AP-HM ".encode() + bad + b" et Zo\xc3\xa9 Lef\xc3\xa8vre." + bad)
    with pytest.warns(stakegraph.StakegraphWarning, match="invalid UTF-8") as w:
        res = stakegraph.extract([("b", raw)], gazetteer=gaz)
    first = [x.message for x in w if "invalid UTF-8" in str(x.message)][0]
    assert first.file == "b" and first.offset == 6
    m = check_slices(res, {"b": raw.decode("utf-8", "replace")})
    assert list(m.id) == ["org:cafe", "org:aphm", "person:zoe"]
    for row in m.itertuples():
        assert raw[row.byte_start:row.byte_end].decode() == row.text
    # the same bytes as a str (surrogateescape): offsets index that str
    s = raw.decode("utf-8", "surrogateescape")
    with pytest.warns(stakegraph.StakegraphWarning):
        res_s = stakegraph.extract([("s", s)], gazetteer=gaz)
    ms = check_slices(res_s, {"s": s})
    assert list(ms.byte_start) == list(m.byte_start)
    # the evidence's offsets too, for the str and the bytes, made after the run or during it
    with pytest.warns(stakegraph.StakegraphWarning):
        during = [stakegraph.extract([(n, t)], gazetteer=gaz, evidence=True) for n, t in
                  (("s", s), ("b", raw))]
    for r, text in ((res_s, s), (res, raw.decode("utf-8", "replace")), (during[0], s),
                    (during[1], raw.decode("utf-8", "replace"))):
        ev = r.evidence()
        assert len(ev) > 0
        for row in ev.itertuples():
            assert text[row.start:row.end] == row.text
            for who in ("source", "target"):
                a, b = getattr(row, f"{who}_start"), getattr(row, f"{who}_end")
                assert text[a:b] in set(m.text), (who, text[a:b])
    # a file of those bytes: offsets index its text decoded with "replace"
    with pytest.raises(stakegraph.Error) as e:
        stakegraph.extract([("b", raw)], gazetteer=gaz, strict=True)
    assert e.value.file == "b" and e.value.offset == 6
    assert "invalid UTF-8" in str(e.value)


def test_offsets_files_invalid_utf8(tmp_path, gaz):
    raw = b"x\xff\xfe\xe2\x82 Le Caf\xc3\xa9 \xc3\x89meraude et l'AP-HM.\n\n\xed\xa0\x80 Zo\xc3\xa9 Lef\xc3\xa8vre.\n"
    (tmp_path / "a.txt").write_bytes(raw)
    with pytest.warns(stakegraph.StakegraphWarning):
        res = stakegraph.extract(tmp_path, gazetteer=gaz)
    check_slices(res, {str(tmp_path / "a.txt"): raw.decode("utf-8", "replace")})
    ev = res.evidence("org:cafe", "AP-HM")
    s = raw.decode("utf-8", "replace")
    assert len(ev) == 1 and s[ev.start[0]:ev.end[0]] == ev.text[0]
    assert s[ev.source_start[0]:ev.source_end[0]] == "AP-HM"
    # a file changed since: an Error, not wrong offsets
    (tmp_path / "a.txt").write_bytes(raw.replace(b"Le ", b"Les "))
    with pytest.raises(stakegraph.Error, match="changed since") as e:
        res.evidence("org:cafe", "org:aphm")
    assert e.value.file == str(tmp_path / "a.txt")


# ---- evidence ------------------------------------------------------------------


def test_evidence_as_cli(tmp_path):
    cli("extract", "-q", CORPUS, "-o", "/dev/null", "--evidence", str(tmp_path / "e.tsv"))
    want = pd.read_csv(tmp_path / "e.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                       keep_default_na=False)
    res = stakegraph.extract(CORPUS)
    every = res.evidence()
    assert len(every) == len(want)
    # recorded during the run: the same rows
    pd.testing.assert_frame_equal(stakegraph.extract(CORPUS, evidence=True).evidence(), every)
    assert list(every.source) == list(want.source) and list(every.target) == list(want.target)
    assert list(every.byte_start) == [int(x) for x in want.start]
    assert list(every.snippet) == list(want.snippet)
    ev = res.evidence("org:synerpa", "Mutualité française Paca")
    assert list(ev.line) == [3, 11]  # as `stakegraph explain` prints them
    explain = cli("explain", "org:synerpa", "Mutualité française Paca", CORPUS).stdout.decode()
    for row in ev.itertuples():
        assert f"{row.doc}:{row.line}: {row.text}" in explain
        s = open(row.doc, encoding="utf-8").read()
        assert s[row.start:row.end] == row.text
        assert s[row.source_start:row.source_end] in row.text
    assert ev.equals(res.evidence("Mutualité française Paca", "org:synerpa"))
    one = res.evidence("org:synerpa")
    assert len(one) >= len(ev) and set(one.source) | set(one.target) >= {"org:synerpa"}
    with pytest.raises(stakegraph.Error, match="unknown actor 'nobody'"):
        res.evidence("nobody", "org:synerpa")
    # pairs dropped by min_weight keep their evidence, as --evidence
    assert len(stakegraph.extract(CORPUS, min_weight=100).evidence()) == len(want)
    # not recorded at all: the corpus runs again for them, with the same rows
    pd.testing.assert_frame_equal(stakegraph.extract(CORPUS, evidence=False).evidence(), every)
    # the rows of one unit share its str (a unit naming n actors makes n(n-1)/2 rows)
    assert len({id(x) for x in every.text}) == len(every.drop_duplicates(["doc", "start"])) < len(every)


def test_evidence_without_a_second_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in texts_of(CORPUS):
        (corpus / os.path.basename(name)).write_bytes(data)
    # by default the run keeps where the pairs are: evidence() reads the documents again
    res = stakegraph.extract(corpus, mentions=False)
    every = res.evidence()
    assert len(every) > 0 and res._run._info()["runs"] == 1
    # evidence=False keeps nothing: a second run
    bare = stakegraph.extract(corpus, mentions=False, evidence=False)
    assert bare._run._info()["runs"] == 1
    pd.testing.assert_frame_equal(bare.evidence(), every)
    assert bare._run._info()["runs"] == 2
    # evidence=True makes the rows during the run: nothing is read again
    rows = stakegraph.extract(corpus, mentions=False, evidence=True)
    for f in corpus.iterdir():
        f.write_bytes(b"")
    pd.testing.assert_frame_equal(rows.evidence(), every)
    pd.testing.assert_frame_equal(rows.evidence("org:synerpa", "Mutualité française Paca"),
                                  every[((every.source == "org:synerpa") |
                                         (every.target == "org:synerpa"))
                                        & ((every.source == "org:mutualite-francaise-paca") |
                                           (every.target == "org:mutualite-francaise-paca"))]
                                  .reset_index(drop=True))
    assert rows._run._info()["runs"] == 1
    with pytest.raises(stakegraph.Error, match="changed since"):
        res.evidence()


# ---- errors and warnings -------------------------------------------------------


def test_extractor_made_while_loading(tmp_path, gaz):
    """extract() given gazetteer paths makes its run's extractor while they
    load (a second thread, as the command line): the same results as with a
    Gazetteer loaded first, whatever the options; a bad gazetteer is still
    reported before a bad option."""
    path = gaz.paths[0]
    docs = [("a", "Le Café Émeraude et l'AP-HM. Zoé Lefèvre et CÉ.\n\nL'ARS Paca et l'AP-HM.")]
    for kw in [{}, dict(unit="paragraph"), dict(variants="none"), dict(max_unit_actors=2)]:
        made = stakegraph.extract(docs, gazetteer=path, **kw)
        loaded = stakegraph.extract(docs, gazetteer=gaz, **kw)
        assert made.mentions.equals(loaded.mentions), kw
        assert made.graphml() == loaded.graphml(), kw
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tlabel\ttype\norg:a\tA\torganisation\norg:a\tB\torganisation\n")
    with pytest.raises(stakegraph.Error) as e:
        stakegraph.extract(docs, gazetteer=bad, unit="bad")
    assert not isinstance(e.value, stakegraph.OptionError) and e.value.line == 3
    with pytest.raises(stakegraph.OptionError):
        stakegraph.extract(docs, gazetteer=path, unit="bad")


def test_errors():
    with pytest.raises(stakegraph.Error) as e:
        stakegraph.extract("no/such/dir")
    assert e.value.file == "no/such/dir" and e.value.line is None
    for kw, flag in [(dict(unit="bad"), ["--unit", "bad"]), (dict(jobs=0), ["-j", "0"]),
                     (dict(min_weight=-1), ["--min-weight", "-1"]), (dict(seed="x"), ["--seed", "x"]),
                     (dict(colour_by="size"), ["--colour-by", "size"])]:
        with pytest.raises(stakegraph.OptionError) as e:
            stakegraph.extract(CORPUS, **kw)
        assert isinstance(e.value, ValueError) and isinstance(e.value, stakegraph.Error)
        msg = cli("extract", CORPUS, *flag, check=False).stderr.decode()
        assert f": {e.value}\n" in msg, (msg, str(e.value))
    with pytest.raises(stakegraph.OptionError, match="unknown option '--no-such'"):
        stakegraph.extract(CORPUS, no_such=1)
    with pytest.raises(TypeError):
        stakegraph.extract([42])
    with pytest.raises(TypeError, match="'id' and 'text'"):
        stakegraph.extract([{"text": "x"}])


def test_lone_surrogates(gaz):
    """A str with a lone surrogate that no byte stands for (outside
    U+DC80..U+DCFF) is not text: a stakegraph.Error saying where, whichever
    field holds it; U+DC80..U+DCFF are the bytes surrogateescape made."""
    text = "Le Café Émeraude \ud800 et l’AP-HM."
    for call in (stakegraph.extract, stakegraph.suggest):
        with pytest.raises(stakegraph.Error) as e:
            call([("doc", text)], gazetteer=gaz)
        assert e.value.code == stakegraph._c.ERR_UTF8 and e.value.file == "doc"
        assert e.value.offset == len(text[:text.index("\ud800")].encode())
        assert "U+D800 at index 17" in str(e.value) and str(e.value).startswith("doc: byte 19: text")
        assert isinstance(e.value.__cause__, UnicodeEncodeError)
    for doc, where in [({"id": "a\udbff", "text": "x"}, "document id"),
                       ({"id": "a", "text": "x", "source": "\udc7f"}, "a: metadata 'source'"),
                       ({"id": "a", "text": "x", "k\udfff": "v"}, "a: metadata key")]:
        with pytest.raises(stakegraph.Error, match="lone surrogate") as e:
            stakegraph.extract([doc], gazetteer=gaz)
        assert str(e.value).startswith(where) and e.value.offset is None
    with pytest.raises(stakegraph.OptionError, match="option title: lone surrogate U[+]DFFF"):
        stakegraph.extract([("doc", "x")], gazetteer=gaz, title="\udfff")
    # U+DC80..U+DCFF: the bytes again (invalid UTF-8, read as the library reads it)
    with pytest.warns(stakegraph.StakegraphWarning, match="invalid UTF-8"):
        res = stakegraph.extract([("doc", text.replace("\ud800", "\udcff"))], gazetteer=gaz)
    assert list(res.mentions.id) == ["org:cafe", "org:aphm"]


def test_jsonl_bad_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "L\'AP-HM et l\'ARS Paca."}\nnot json\n'
                    '{"id": "b", "text": "x", "date": "2024-13-40"}\n', encoding="utf-8")
    with pytest.warns(stakegraph.StakegraphWarning) as w:
        res = stakegraph.extract(path)
    lines = sorted(x.message.line for x in w if x.message.file == str(path))
    assert lines == [2, 3] and res.skipped == 2 and res.documents == 1
    cli_err = cli("extract", "--jsonl", str(path), "-o", "/dev/null", check=False).stderr.decode()
    for x in w:
        if x.message.file == str(path):
            assert f"stakegraph: {x.message}\n" in cli_err


def test_warnings_as_cli(tmp_path):
    doc = tmp_path / "list.txt"
    doc.write_text("AP-HM, ARS Paca, Zoé Lefèvre, Café Émeraude.\n", encoding="utf-8")
    (tmp_path / "g.tsv").write_text(GAZ, encoding="utf-8")
    with pytest.warns(stakegraph.StakegraphWarning) as w:
        stakegraph.extract(doc, gazetteer=tmp_path / "g.tsv", max_unit_actors=2)
    err = cli("extract", "-g", str(tmp_path / "g.tsv"), "--max-unit-actors", "2", str(doc), "-o",
              "/dev/null").stderr.decode()
    assert [f"stakegraph: warning: {x.message}" for x in w] == err.splitlines()
    assert w[0].message.file == str(doc) and w[0].filename == __file__


# ---- threads and the GIL -------------------------------------------------------


def test_jobs_and_python_threads(gaz):
    docs = texts_of(CORPUS) * 30
    docs = [(f"{i:04d}-{n}", t) for i, (n, t) in enumerate(docs)]
    one = stakegraph.extract(docs, jobs=1)
    two = stakegraph.extract(docs, jobs=2)
    pd.testing.assert_frame_equal(one.mentions, two.mentions)
    assert one.graphml() == two.graphml()
    results = [None] * 4

    def work(i):
        results[i] = stakegraph.extract(docs, jobs=2 if i % 2 else 1)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert r.graphml() == one.graphml()
        pd.testing.assert_frame_equal(r.mentions, one.mentions)
    # one result shared by threads
    shared, out = stakegraph.extract(docs[:14]), []
    ts = [threading.Thread(target=lambda: out.append((shared.graphml(), len(shared.mentions),
                                                      len(shared.evidence()))))
          for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert len(set(out)) == 1


def test_gil_released():
    docs = [(f"{i:05d}", t) for i, (_, t) in enumerate(texts_of(CORPUS) * 300)]
    ticks, stop = [0], threading.Event()

    def count():
        while not stop.is_set():
            ticks[0] += 1
            time.sleep(0.0005)

    t = threading.Thread(target=count)
    t.start()
    start = time.perf_counter()
    before = ticks[0]
    stakegraph.extract(docs, jobs=1, analyse=False)
    elapsed, during = time.perf_counter() - start, ticks[0] - before
    stop.set()
    t.join()
    # the other thread ran while the library worked (with the GIL held it would
    # not run at all inside C: a tick or two, before and after); a loaded machine
    # gives it fewer turns than it asks for, so only a few are required
    assert elapsed > 0.05 and during >= 10, (elapsed, during)


def test_ctrl_c_stops_a_run():
    docs = [(f"{i:05d}", t) for i, (_, t) in enumerate(texts_of(CORPUS) * 2000)]
    start = time.perf_counter()
    full = quiet_extract(docs[:2000], analyse=False)
    per_doc = (time.perf_counter() - start) / 2000
    timer = threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    start = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        stakegraph.extract(docs, analyse=False)
    stopped = time.perf_counter() - start
    timer.join()
    # stopped at a batch's end, long before the 14,000 documents were read
    assert stopped < 0.2 + per_doc * 14000 / 2, (stopped, per_doc)
    assert full.documents == 2000


# ---- suggest -------------------------------------------------------------------


def test_suggest_as_cli(tmp_path):
    out = tmp_path / "s.tsv"
    cli("suggest", "-q", CORPUS, "-o", str(out))
    want = pd.read_csv(out, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    got = stakegraph.suggest(CORPUS)
    assert list(got.columns) == ["id", "label", "type", "aliases", "surname", "kind", "count",
                                 "example"]
    assert len(got) == len(want) > 0
    for col in ["id", "label", "type", "aliases", "surname", "example"]:
        assert list(got[col]) == list(want[col]), col
    assert list(got["count"]) == [int(c) for c in want["count"]]
    assert len(stakegraph.suggest(texts_of(CORPUS), min_count=1)) >= len(got)
    with pytest.raises(stakegraph.OptionError):
        stakegraph.suggest(CORPUS, min_count=0)


# ---- no leak -------------------------------------------------------------------


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_no_leak_over_1000_calls(gaz):
    docs = [("a", "Le Café Émeraude et l’AP-HM, avec Zoé Lefèvre. " + "x" * 200),
            ("b", b"L'ARS Paca et l'AP-HM \xff. CE et Caf\xc3\xa9 \xc3\x89meraude.")]

    def once():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = stakegraph.extract(docs, gazetteer=gaz, jobs=2)
            r.mentions
            r.evidence("AP-HM")
            stakegraph.extract(docs, gazetteer=gaz, evidence=True).evidence()
            r.graphml()
            try:
                stakegraph.extract(docs, gazetteer=gaz, unit="bad")
            except stakegraph.OptionError:
                pass

    for _ in range(50):
        once()
    gc.collect()
    tracemalloc.start()
    rss0, snap0 = rss_kb(), tracemalloc.take_snapshot()
    for _ in range(1000):
        once()
    gc.collect()
    snap1, rss1 = tracemalloc.take_snapshot(), rss_kb()
    tracemalloc.stop()
    # pandas keeps caches of its own (its block manager's); the rest is ours
    mine = [tracemalloc.Filter(False, "*/pandas/*"), tracemalloc.Filter(False, tracemalloc.__file__)]
    grown = sum(s.size_diff for s in snap1.filter_traces(mine).compare_to(snap0.filter_traces(mine),
                                                                         "filename"))
    assert grown < 20_000, grown  # bytes of Python objects: less than one object a call
    # kB: a leak of a run's records is ~1 MB. Under AddressSanitizer (preloaded for the
    # module) freed memory waits in its quarantine, up to 256 MB, so the resident size
    # grows with what a call frees, not with what it keeps: the bound holds in the plain
    # build (and valgrind's run counts the library's leaks), not there.
    if "asan" not in os.environ.get("LD_PRELOAD", ""):
        assert rss1 - rss0 < 8_000, (rss0, rss1)


# ---- documentation ---------------------------------------------------------------


def test_help_reads_well():
    text = pydoc.render_doc(stakegraph.extract, renderer=pydoc.plaintext)
    for word in ["inputs", "gazetteer", "unit", "jobs", "min_weight", "by_period", "Returns",
                 "Result", "OptionError", "GIL"]:
        assert word in text
    sig = inspect.signature(stakegraph.extract)
    assert sig.return_annotation in ("Result", stakegraph.Result)
    assert sig.parameters["unit"].default == "sentence"
    for obj in [stakegraph, stakegraph.Gazetteer, stakegraph.Gazetteer.check, stakegraph.Result,
                stakegraph.merge,
                stakegraph.Result.mentions, stakegraph.Result.evidence, stakegraph.Result.write,
                stakegraph.Result.periods, stakegraph.Network.to_networkx, stakegraph.suggest,
                stakegraph.Error, stakegraph.StakegraphWarning]:
        assert obj.__doc__ and len(obj.__doc__) > 40, obj
    assert stakegraph.__version__ == cli("--version").stdout.decode().split()[-1]


def test_notebook_example(tmp_path):
    script = os.path.join(SRC, "examples", "scripts", "notebook.py")
    p = subprocess.run([sys.executable, script, "--out", str(tmp_path)], capture_output=True,
                       text=True, cwd=SRC)
    assert p.returncode == 0, p.stderr
    out = p.stdout
    G = nx.read_graphml(tmp_path / "network.graphml")
    top = max(G.nodes, key=lambda n: G.nodes[n]["pagerank"])
    assert G.nodes[top]["label"] in out
    assert "Synerpa" in out and "2024" in out
