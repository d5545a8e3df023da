"""Numbers are written in the C locale whatever locale the calling program
set: a French notebook's locale.setlocale(LC_ALL, "fr_FR.UTF-8") makes C's
printf write "12,5" and Graphviz read a place "232,82,63,16!" wrongly.

The French locale is compiled here with localedef (Debian's `locales`
package holds its source), into a directory LOCPATH names, so that the test
needs no locale installed on the machine."""
import os
import subprocess
import sys

import pytest

SRC = os.environ.get("STAKEGRAPH_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))
FORMATS = ("graphml", "gexf", "json", "dot", "svg", "html")

WRITE = r"""
import locale, sys
import stakegraph
if sys.argv[1] != "C":
    locale.setlocale(locale.LC_ALL, sys.argv[1])
    assert locale.localeconv()["decimal_point"] == ","
result = stakegraph.extract(sys.argv[2], by_period="month")
for ext in sys.argv[4:]:
    result.write(sys.argv[3] + "." + ext)
"""


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    where = tmp_path_factory.mktemp("locales")
    done = subprocess.run(
        ["localedef", "-i", "fr_FR", "-f", "UTF-8", str(where / "fr_FR.UTF-8")],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: warnings only
    assert (where / "fr_FR.UTF-8").is_dir(), done.stderr
    return str(where)


def write_all(tmp_path, loc, locpath, corpus):
    env = dict(os.environ, LOCPATH=locpath)
    out = tmp_path / loc.replace(".", "_")
    out.mkdir()
    subprocess.run(
        [sys.executable, "-c", WRITE, loc, corpus, str(out / "net"), *FORMATS],
        check=True,
        env=env,
    )
    return {p.name: p.read_bytes() for p in out.iterdir()}


def test_outputs_same_in_french_locale(tmp_path, french):
    corpus = os.path.join(SRC, "examples", "corpus.jsonl")
    c = write_all(tmp_path, "C", french, corpus)
    fr = write_all(tmp_path, "fr_FR.UTF-8", french, corpus)
    assert sorted(fr) == sorted(c)
    assert len(c) > len(FORMATS)  # the periods' files too
    assert b'pos="' in c["net.dot"] and b"POINT-SIZE" in c["net.dot"]
    for name in c:
        assert fr[name] == c[name], name
