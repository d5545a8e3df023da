#!/bin/bash
# e2e.install (SPEC §11): `cmake --install` puts every piece in place (headers, shared
# and static library, stakegraph.pc, the CMake package, gazetteers, CLI, man page); the
# C example (examples/c) builds against the installed library with pkg-config (shared and
# static) and with find_package (shared and static) and finds the CLI's counts; and an
# installed CLI whose source tree is gone reads the installed gazetteers.
#
#   install_test.sh BUILD_DIR SOURCE_DIR [PYTHON]
#
# BUILD_DIR (already built) is installed with `cmake --install BUILD_DIR --prefix TMP`.
# The gazetteer fallback needs a binary whose source tree does not exist: a copy of
# SOURCE_DIR is configured with a temporary prefix, built (BUILD_TESTING=OFF), installed
# and deleted. Everything is written under one temporary directory, removed at the end.
# In a sanitizer build (SG_SANITIZE=ON) the example is built with the build's compiler and
# -fsanitize flags, as the installed library needs them.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR [PYTHON]" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
PYTHON=${3:-python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/sg-install-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

fail() {
    echo "install_test: FAIL: $*" >&2
    exit 1
}
ok() { echo "ok: $*"; }
note() { echo "NOTE: $*"; }
# Runs a command with its output in a log, shown only when it fails.
logged() {
    local log=$1
    shift
    local rc=0
    "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        cat "$log" >&2
        fail "$* (exit $rc)"
    fi
}
need() { command -v "$1" >/dev/null || fail "$1 is missing (Debian package $2; ./setup.sh test installs it)"; }
cache() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt"; }

for t in cmake:cmake make:make pkg-config:pkg-config man:man-db groff:groff-base \
    mandoc:mandoc readelf:binutils nm:binutils "$PYTHON":python3; do
    need "${t%:*}" "${t##*:}"
done
[ -f "$BUILD/CMakeCache.txt" ] || fail "$BUILD is not a CMake build directory"

# ---- the build's settings: compiler, sanitizers, install directories
CC=$(cache CMAKE_C_COMPILER)
SAN=""
if [ "$(cache SG_SANITIZE)" = ON ]; then
    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    note "sanitizer build: the examples are built with $CC $SAN"
fi
dir() { # a GNUInstallDirs directory as the build has it (empty in the cache = default)
    local v
    v=$(cache "CMAKE_INSTALL_$1")
    echo "${v:-$2}"
}
DATAROOT=$(dir DATAROOTDIR share)
BINDIR=$(dir BINDIR bin)
LIBDIR=$(dir LIBDIR lib)
INCDIR=$(dir INCLUDEDIR include)
DATADIR=$(dir DATADIR "$DATAROOT")
MANDIR=$(dir MANDIR "$DATAROOT/man")
VERSION=$("$BUILD/stakegraph" --version | sed -n 's/^stakegraph //p')
[ -n "$VERSION" ] || fail "cannot read the version from $BUILD/stakegraph --version"

# ---- install the build into a temporary prefix
P=$T/prefix
logged "$T/install.log" cmake --install "$BUILD" --prefix "$P"
ok "cmake --install $BUILD --prefix $P"

# ---- every piece in place
exists() { [ -e "$1" ] || fail "not installed: ${1#"$P"/}"; }
for h in "$SRC"/include/stakegraph/*.h; do
    exists "$P/$INCDIR/stakegraph/${h##*/}"
    cmp -s "$h" "$P/$INCDIR/stakegraph/${h##*/}" || fail "installed ${h##*/} differs from the source"
done
ok "headers: $(cd "$SRC/include/stakegraph" && echo *.h)"

L=$P/$LIBDIR
for f in libstakegraph.a libstakegraph.so "libstakegraph.so.0" "libstakegraph.so.$VERSION"; do
    exists "$L/$f"
done
[ "$(readlink "$L/libstakegraph.so")" = libstakegraph.so.0 ] || fail "libstakegraph.so is not a link to libstakegraph.so.0"
[ "$(readlink "$L/libstakegraph.so.0")" = "libstakegraph.so.$VERSION" ] ||
    fail "libstakegraph.so.0 is not a link to libstakegraph.so.$VERSION"
soname=$(readelf -d "$L/libstakegraph.so.$VERSION" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libstakegraph.so.0 ] || fail "SONAME is '$soname', not libstakegraph.so.0"
ok "shared library libstakegraph.so.$VERSION, SONAME $soname"

# The shared library exports exactly the functions the public headers declare.
grep -ohE '\bsg_[a-z0-9_]+[[:space:]]*\(' "$P/$INCDIR"/stakegraph/*.h | tr -d '( \t' |
    sort -u >"$T/declared"
nm -D --defined-only "$L/libstakegraph.so" | awk '$3 ~ /^sg_/ {print $3}' | sort -u >"$T/exported"
missing=$(comm -23 "$T/declared" "$T/exported")
[ -z "$missing" ] || fail "declared in the public headers but not exported by libstakegraph.so: $missing"
extra=$(comm -13 "$T/declared" "$T/exported")
[ -z "$extra" ] || fail "exported by libstakegraph.so but not in the public headers: $extra"
ok "libstakegraph.so exports the $(wc -l <"$T/declared") public functions and nothing else"
nm "$L/libstakegraph.a" 2>/dev/null | grep ' T sg_extractor_new$' >/dev/null ||
    fail "libstakegraph.a does not define sg_extractor_new"
ok "static library libstakegraph.a"

exists "$P/$BINDIR/stakegraph"
[ "$("$P/$BINDIR/stakegraph" --version)" = "stakegraph $VERSION" ] || fail "installed CLI: wrong --version"
ok "CLI $BINDIR/stakegraph"

G=$P/$DATADIR/stakegraph/gazetteers
for g in "$SRC"/gazetteers/*.tsv; do
    exists "$G/${g##*/}"
    cmp -s "$g" "$G/${g##*/}" || fail "installed gazetteer ${g##*/} differs from the source"
done
ok "gazetteers in $DATADIR/stakegraph/gazetteers: $(cd "$SRC/gazetteers" && echo *.tsv)"

# ---- stakegraph.pc
exists "$L/pkgconfig/stakegraph.pc"
export PKG_CONFIG_PATH=$L/pkgconfig
pc() { pkg-config "$@" stakegraph || fail "pkg-config $* stakegraph"; }
pkg-config --validate stakegraph || fail "stakegraph.pc does not validate"
[ "$(pc --modversion)" = "$VERSION" ] || fail "stakegraph.pc: version $(pc --modversion), not $VERSION"
[ "$(pc --variable=prefix)" = "$P" ] || fail "stakegraph.pc: prefix $(pc --variable=prefix), not $P"
[ "$(pc --variable=gazetteersdir)" = "$G" ] || fail "stakegraph.pc: gazetteersdir is not $G"
case " $(pc --cflags) " in *" -I$P/$INCDIR "*) ;; *) fail "stakegraph.pc: --cflags lacks -I$P/$INCDIR" ;; esac
case " $(pc --libs) " in *" -L$L -lstakegraph "*) ;; *) fail "stakegraph.pc: --libs is '$(pc --libs)'" ;; esac
static_libs=" $(pc --static --libs) "
for l in -lstakegraph -lpcre2-8 -ligraph -lcgraph -lgvc -lutf8proc -ljansson -lm; do
    case "$static_libs" in *" $l "*) ;; *) fail "stakegraph.pc: --static --libs lacks $l" ;; esac
done
ok "stakegraph.pc: $(pc --modversion), $(pc --libs); --static adds the dependencies"

# ---- the CMake package
C=$L/cmake/stakegraph
for f in stakegraphConfig.cmake stakegraphConfigVersion.cmake stakegraphTargets.cmake; do
    exists "$C/$f"
done
ok "CMake package in $LIBDIR/cmake/stakegraph"

# ---- the man page: installed, readable by man, clean for groff and mandoc, and it
# documents every command and every long option of the CLI's --help.
M=$P/$MANDIR/man1/stakegraph.1
exists "$M"
MANWIDTH=250 man -l "$M" 2>"$T/man.err" | col -b >"$T/man.txt" || fail "man -l $M"
[ ! -s "$T/man.err" ] || fail "man -l $M: $(cat "$T/man.err")"
grep -q '^NAME' "$T/man.txt" || fail "man -l $M: no NAME section"
groff -man -Tutf8 -ww -z "$M" 2>"$T/groff.err"
[ ! -s "$T/groff.err" ] || fail "groff -ww: $(cat "$T/groff.err")"
mandoc -Tlint -W warning "$M" >"$T/mandoc.err" 2>&1 || fail "mandoc -Tlint: $(cat "$T/mandoc.err")"
MANPATH=$P/$MANDIR man -w stakegraph 2>/dev/null | grep -x "$M" >/dev/null || fail "man does not find the page under MANPATH=$P/$MANDIR"
commands=$("$P/$BINDIR/stakegraph" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "cannot read the commands from stakegraph --help"
for c in $commands; do
    grep -qE "^ *stakegraph $c( |$)" "$T/man.txt" || fail "man page: no synopsis for 'stakegraph $c'"
    for o in $("$P/$BINDIR/stakegraph" "$c" --help | grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u); do
        grep -qe "$o" "$T/man.txt" || fail "man page: 'stakegraph $c $o' (in its --help) is not documented"
    done
done
ok "man page $MANDIR/man1/stakegraph.1: man -l, groff -ww, mandoc -Tlint; documents ${commands//$'\n'/ } and their options"

# ---- the CLI's network of the example corpus, the reference for the example program
CLI=$P/$BINDIR/stakegraph
CORPUS=$SRC/examples/corpus
mapfile -t DOCS < <(find "$CORPUS" -name '*.txt' | LC_ALL=C sort)
NDOCS=${#DOCS[@]}
logged "$T/cli.log" "$CLI" extract -q --no-analyse -j 1 -g "$SRC/gazetteers" \
    -o "$T/cli.graphml" --mentions "$T/cli-mentions.tsv" "$CORPUS"
"$PYTHON" - "$T/cli.graphml" >"$T/cli.counts" <<'EOF'
# actor MENTIONS DOCUMENTS ID / edge WEIGHT DOCUMENTS A B, from the CLI's GraphML
import sys
import xml.etree.ElementTree as ET
NS = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
def data(el):
    return {keys[d.get("key")]: d.text for d in el.findall(NS + "data")}
for n in root.iter(NS + "node"):
    d = data(n)
    print(f"actor\t{d['mentions']}\t{d['documents']}\t{n.get('id')}")
for e in root.iter(NS + "edge"):
    d = data(e)
    print(f"edge\t{float(d.get('weight', 1)):.0f}\t{d['documents']}\t{e.get('source')}\t{e.get('target')}")
EOF
sort "$T/cli.counts" -o "$T/cli.counts"
grep -q '^edge' "$T/cli.counts" || fail "the CLI found no edge in $CORPUS: nothing to compare"
# The top actor by mentions (ties: id order) and its mentions, from the mentions table.
top=$(awk -F'\t' 'NR > 1 {n[$4]++} END {for (i in n) print n[i] "\t" i}' "$T/cli-mentions.tsv" |
    sort -t"$(printf '\t')" -k1,1nr -k2,2 | head -1)

# Checks an example binary's output (-n 0: every actor and edge) against the CLI's.
check_example() {
    local name=$1 out=$2
    head -1 "$out" | grep -qE "^# $NDOCS documents, [0-9]+ actors, [0-9]+ edges\$" ||
        fail "$name: first line is '$(head -1 "$out")'"
    local first
    first=$(sed -n '2p' "$out" | cut -f2,4)
    [ "$first" = "$top" ] || fail "$name: top actor '$first', the CLI's mentions give '$top'"
    grep -v '^#' "$out" | awk -F'\t' -v OFS='\t' '$1 == "actor" {NF = 4} {print}' | sort >"$out.counts"
    diff -u "$T/cli.counts" "$out.counts" >"$out.diff" || {
        head -40 "$out.diff" >&2
        fail "$name: actors or edges differ from the CLI's GraphML (diff above)"
    }
    ok "$name: $(grep -c '^actor' "$out") actors and $(grep -c '^edge' "$out") edges, the CLI's counts; top $(echo "$top" | cut -f2)"
}
needed() { readelf -d "$1" | grep "NEEDED.*\[libstakegraph\.so\.0\]" >/dev/null; }
EX_CFLAGS="-O1 -g -Wall -Wextra -Werror $SAN"

# ---- the example through pkg-config: the Makefile, shared and static
mkdir -p "$T/away" "$T/ex-make"
cp "$SRC"/examples/c/* "$T/ex-make/"
logged "$T/make.log" make -C "$T/ex-make" CC="$CC" CFLAGS="$EX_CFLAGS" LDFLAGS="$SAN" \
    count_actors count_actors_static
needed "$T/ex-make/count_actors" || fail "pkg-config build: count_actors does not link libstakegraph.so.0"
! needed "$T/ex-make/count_actors_static" || fail "pkg-config build: count_actors_static links libstakegraph.so.0"
(cd "$T/away" && LD_LIBRARY_PATH=$L "$T/ex-make/count_actors" -n 0 -g "$SRC/gazetteers" "${DOCS[@]}") \
    >"$T/make-shared.out" || fail "pkg-config build: count_actors failed"
check_example "pkg-config, shared" "$T/make-shared.out"
# Without -g nor STAKEGRAPH_GAZETTEERS: the installed gazetteers (pkg-config's gazetteersdir).
(cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$T/ex-make/count_actors_static" -n 0 "${DOCS[@]}") \
    >"$T/make-static.out" || fail "pkg-config build: count_actors_static failed"
check_example "pkg-config --static, installed gazetteers" "$T/make-static.out"

# ---- the example through find_package: CMakeLists.txt, shared and static
mkdir -p "$T/ex-src"
cp "$SRC"/examples/c/* "$T/ex-src/"
rm -f "$T/ex-src/Makefile"
logged "$T/cmake-ex.log" cmake -S "$T/ex-src" -B "$T/ex-cmake" -DCMAKE_PREFIX_PATH="$P" \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$EX_CFLAGS" -DCMAKE_EXE_LINKER_FLAGS="$SAN" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
found=$(sed -n 's/^stakegraph_DIR:PATH=//p' "$T/ex-cmake/CMakeCache.txt")
[ "$found" = "$C" ] || fail "find_package(stakegraph) found '$found', not $C"
logged "$T/cmake-ex-build.log" cmake --build "$T/ex-cmake"
needed "$T/ex-cmake/count_actors" || fail "find_package build: count_actors does not link libstakegraph.so.0"
! needed "$T/ex-cmake/count_actors_static" || fail "find_package build: count_actors_static links libstakegraph.so.0"
# No LD_LIBRARY_PATH: CMake's build RPATH points at the imported library.
(cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$T/ex-cmake/count_actors" -n 0 "${DOCS[@]}") \
    >"$T/cmake-shared.out" || fail "find_package build: count_actors failed"
check_example "find_package, stakegraph::stakegraph" "$T/cmake-shared.out"
(cd "$T/away" && "$T/ex-cmake/count_actors_static" -n 0 -g "$G" "${DOCS[@]}") \
    >"$T/cmake-static.out" || fail "find_package build: count_actors_static failed"
check_example "find_package, stakegraph::stakegraph_static" "$T/cmake-static.out"
# Threads and periods from the public API: count_actors -j 2 -p year on the dated JSON
# Lines corpus gives the CLI's whole network and, period by period, its networks.
(cd "$T/away" && "$T/ex-cmake/count_actors" -n 0 -j 2 --jsonl -p year -g "$G" \
    "$SRC/examples/corpus.jsonl") >"$T/periods.out" || fail "count_actors -p year failed"
"$CLI" extract -q --no-analyse --jsonl --by-period year -g "$G" -o "$T/per.graphml" \
    "$SRC/examples/corpus.jsonl" || fail "the CLI's --by-period year run failed"
for f in "$T"/per.2*.graphml; do
    label=${f#"$T"/per.}
    printf 'period\t%s\t%s\t%s\n' "${label%.graphml}" "$(grep -c '<node ' "$f")" "$(grep -c '<edge ' "$f")"
done >"$T/periods.cli"
grep '^period' "$T/periods.out" >"$T/periods.lib" || true
[ -s "$T/periods.cli" ] && diff -u "$T/periods.cli" "$T/periods.lib" >&2 ||
    fail "count_actors -p year: the periods differ from the CLI's per-period files"
ok "count_actors -j 2 --jsonl -p year: $(wc -l <"$T/periods.lib") periods, the CLI's networks"

# Errors: a missing file and a missing gazetteer fail with a message, nothing on stdout.
for args in "-g $T/none.tsv $CORPUS/01-interpro-extension.txt" "-g $G $T/none.txt" "-n x $T/none.txt"; do
    # shellcheck disable=SC2086
    if "$T/ex-cmake/count_actors" $args >"$T/err.out" 2>"$T/err.txt"; then
        fail "count_actors $args succeeded"
    fi
    [ -s "$T/err.txt" ] || fail "count_actors $args: no message"
    [ ! -s "$T/err.out" ] || fail "count_actors $args: wrote to standard output"
done
ok "count_actors: errors (missing gazetteer, missing file, bad -n) fail with a message"

# ---- the installed CLI run from elsewhere, without STAKEGRAPH_GAZETTEERS
# (--no-discover: the same gazetteers as -g, without the names found in the corpus)
(cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$CLI" extract -q --no-analyse --no-discover -j 1 \
    -o default.graphml "$CORPUS") ||
    fail "installed CLI, default gazetteers, run from $T/away: failed"
cmp -s "$T/cli.graphml" "$T/away/default.graphml" || fail "installed CLI: default gazetteers give another network"
# Which directory did it read? Hide the installed copy and see.
mv "$G" "$G.hidden"
if (cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$CLI" extract -q --no-analyse -o /dev/null "$CORPUS" 2>/dev/null); then
    note "the installed copy of $BUILD reads the gazetteers of its source tree ($SRC/gazetteers) while it exists;" \
        "its compiled-in fallback is the configured prefix's $(cache CMAKE_INSTALL_PREFIX)/$DATADIR/stakegraph/gazetteers," \
        "not this --prefix: checked below on a build whose source tree is gone"
else
    ok "installed CLI (from $T/away) reads the installed gazetteers"
fi
mv "$G.hidden" "$G"

# ---- the fallback itself: a fresh build of a copy of the sources, installed, the copy deleted
P2=$T/prefix2
mkdir -p "$T/src-copy"
tar -C "$SRC" --exclude=./.git --exclude='./build' --exclude='./build-*' -cf - . | tar -C "$T/src-copy" -xf -
logged "$T/fresh-configure.log" cmake -S "$T/src-copy" -B "$T/build2" -DCMAKE_C_COMPILER="$CC" \
    -DCMAKE_INSTALL_PREFIX="$P2" -DBUILD_TESTING=OFF
logged "$T/fresh-build.log" cmake --build "$T/build2" -j"$(nproc)"
logged "$T/fresh-install.log" cmake --install "$T/build2"
rm -rf "$T/src-copy" "$T/build2"
G2=$P2/$DATADIR/stakegraph/gazetteers
(cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$P2/$BINDIR/stakegraph" extract -q --no-analyse \
    --no-discover -j 1 -o fresh.graphml "$CORPUS") || fail "fresh install, source tree deleted: default gazetteers failed"
cmp -s "$T/cli.graphml" "$T/away/fresh.graphml" || fail "fresh install: the default gazetteers give another network"
mv "$G2" "$G2.hidden"
if (cd "$T/away" && env -u STAKEGRAPH_GAZETTEERS "$P2/$BINDIR/stakegraph" extract -q -o /dev/null "$CORPUS" \
    2>"$T/hidden.err"); then
    fail "fresh install: still runs with $G2 hidden: it does not read the installed gazetteers"
fi
grep -qF "$G2" "$T/hidden.err" || fail "fresh install: the error does not name $G2: $(cat "$T/hidden.err")"
mv "$G2.hidden" "$G2"
ok "installed CLI with its source tree gone, run from $T/away: reads $G2 (and says so when it is missing)"
(cd "$T/away" && STAKEGRAPH_GAZETTEERS=$G2/organisations.tsv "$P2/$BINDIR/stakegraph" extract -q --no-analyse \
    --no-discover -o env.graphml "$CORPUS") || fail "STAKEGRAPH_GAZETTEERS=organisations.tsv: failed"
grep -q '<node id="org:' "$T/away/env.graphml" || fail "STAKEGRAPH_GAZETTEERS=organisations.tsv: no organisation"
if grep -q '<node id="\(place\|person\):' "$T/away/env.graphml"; then
    fail "STAKEGRAPH_GAZETTEERS=organisations.tsv does not replace the installed gazetteers"
fi
ok "STAKEGRAPH_GAZETTEERS overrides the installed gazetteers"

echo "install_test: all checks passed (nothing skipped)"
