#!/bin/bash
# python.install (issue 19): the README's Python section as written. A copy of python/
# beside a link to the build directory (as python/ and build/ of a clone) is installed
# into a venv with the README's commands, offline; the README's one-liner and example
# run with the venv's python (the example's network and picture byte-identical with the
# command line's); /usr/bin/python3 imports the installed package with PYTHONPATH. Then
# the other two ways setup.py finds the library: an installed prefix by pkg-config (the
# build directory gone: the module needs no libstakegraph.so, and its default
# gazetteers are the installed ones), and STAKEGRAPH_BUILD_DIR (a wrong one refused
# with the reason).
#
#   python_install_test.sh BUILD_DIR SOURCE_DIR STAKEGRAPH
set -euo pipefail

BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
SG=$3
PY=/usr/bin/python3
T=$(mktemp -d "${TMPDIR:-/tmp}/sg-python-install.XXXXXX")
trap 'rm -rf "$T"' EXIT
unset STAKEGRAPH_BUILD_DIR STAKEGRAPH_GAZETTEERS PYTHONPATH

fail() {
    echo "python_install_test: FAIL: $*" >&2
    exit 1
}
ok() { echo "ok: $*"; }
logged() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 || { cat "$log" >&2; fail "$* (log above)"; }
}
fresh_copy() { # the package alone, as in a clone
    rm -rf "$T/python"
    cp -r "$SRC/python" "$T/python"
    rm -rf "$T/python/build" "$T/python"/*.egg-info
}

# The README's commands, taken from its Python section.
section=$(sed -n '/^## Python$/,/^## The library$/p' "$SRC/README.md")
venv_line=$(grep -m1 '^python3 -m venv' <<<"$section")
pip_line=$(grep -m1 '^venv/bin/pip install' <<<"$section")
one_liner=$(grep -m1 '^venv/bin/python -c' <<<"$section")
[ "$venv_line" = "python3 -m venv --system-site-packages venv" ] || fail "README venv line: $venv_line"
[ "$pip_line" = "venv/bin/pip install --no-build-isolation --no-index ./python" ] ||
    fail "README pip line: $pip_line"
awk '/^## Python$/ {p = 1} /^## The library$/ {p = 0} p && /^```python$/ {c = 1; next}
     c && /^```$/ {exit} c {print}' "$SRC/README.md" >"$T/example.py"
[ -s "$T/example.py" ] || fail "no Python example in the README"

cd "$T"
fresh_copy
ln -s "$BUILD" build
ln -s "$SRC/examples" examples
logged "$T/venv.log" $PY -m venv --system-site-packages venv
logged "$T/pip.log" bash -c "$pip_line"
gaz=$(venv/bin/python -c 'import stakegraph; print(stakegraph.default_gazetteers())')
[ "$gaz" = "$SRC/gazetteers" ] || fail "built against ../build: default gazetteers $gaz"
ok "installed with the README's commands (the library found in ../build)"

out=$(bash -c "$one_liner" 2>&1) || fail "README one-liner: $out"
grep -q '^<stakegraph.Result: 7 documents' <<<"$out" || fail "README one-liner printed: $out"
ok "README one-liner: $out"

logged "$T/example.log" venv/bin/python example.py
grep -q 'org:ap-hm' "$T/example.log" || fail "README example: no org:ap-hm in its output"
grep -q "FHP\|fhp" "$T/example.log" || fail "README example: the 2024 network's edges missing"
"$SG" extract -q examples/corpus -o cli.graphml -o cli.svg
cmp -s network.graphml cli.graphml || fail "README example: network.graphml differs from the CLI's"
cmp -s network.svg cli.svg || fail "README example: network.svg differs from the CLI's"
ok "README example ran; its GraphML and SVG are the command line's"

site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
got=$(cd / && PYTHONPATH="$site" $PY -c 'import stakegraph, sys; r = stakegraph.extract(sys.argv[1]); print(sys.executable, r.documents, len(r.mentions))' "$SRC/examples/corpus")
[ "$got" = "$PY 7 149" ] || fail "/usr/bin/python3 with PYTHONPATH: $got"
ok "/usr/bin/python3 imports the installed package: $got"

# An installed library, found by pkg-config; no build directory.
rm build
logged "$T/install.log" cmake --install "$BUILD" --prefix "$T/prefix"
fresh_copy
logged "$T/venv2.log" $PY -m venv --system-site-packages venv2
PKG_CONFIG_PATH="$T/prefix/lib/pkgconfig" logged "$T/pip2.log" \
    venv2/bin/pip install -v --no-build-isolation --no-index ./python
grep -q "found by pkg-config" "$T/pip2.log" || fail "setup.py did not use pkg-config"
mod=$(venv2/bin/python -c 'import stakegraph._stakegraph as m; print(m.__file__)')
if ldd "$mod" | grep -q libstakegraph; then fail "the module needs libstakegraph.so: $(ldd "$mod")"; fi
got=$(cd / && "$T/venv2/bin/python" -c 'import stakegraph; print(stakegraph.default_gazetteers()); print(len(stakegraph.Gazetteer()))')
[ "$(head -1 <<<"$got")" = "$T/prefix/share/stakegraph/gazetteers" ] ||
    fail "installed library: default gazetteers $got"
ok "installed prefix found by pkg-config, its gazetteers used, no libstakegraph.so needed"

# STAKEGRAPH_BUILD_DIR: a wrong one is refused with the reason.
fresh_copy
if STAKEGRAPH_BUILD_DIR="$T/nowhere" venv2/bin/pip install --no-build-isolation --no-index \
    ./python >"$T/pip3.log" 2>&1; then
    fail "a wrong STAKEGRAPH_BUILD_DIR was accepted"
fi
grep -q "STAKEGRAPH_BUILD_DIR=$T/nowhere: no libstakegraph.a" "$T/pip3.log" ||
    fail "wrong STAKEGRAPH_BUILD_DIR: $(cat "$T/pip3.log")"
STAKEGRAPH_BUILD_DIR="$BUILD" logged "$T/pip4.log" venv2/bin/pip install -v --no-build-isolation \
    --no-index --force-reinstall ./python
grep -q "found by STAKEGRAPH_BUILD_DIR" "$T/pip4.log" || fail "STAKEGRAPH_BUILD_DIR not used"
ok "STAKEGRAPH_BUILD_DIR used, a wrong one refused"
