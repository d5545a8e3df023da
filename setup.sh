#!/bin/bash
# Set-up for a fresh Debian 12 machine (SPEC §8).
#
#   ./setup.sh example   install what is missing, build, and run stakegraph on the
#                        bundled example corpus with the bundled gazetteers; leaves
#                        examples/output/network.{graphml,dot,svg,html}, mentions.tsv
#                        and stats.txt
#   ./setup.sh test      install what is missing, build, and run the whole test suite
#   ./setup.sh deps      only install what the build and the test suite need
#
# Packages are installed with apt-get when run as root; otherwise the apt-get
# line to run is printed. BUILD_DIR (default: build) and CMAKE_ARGS are honoured.
set -euo pipefail
cd "$(dirname "$0")"

RUNTIME_PKGS="cmake gcc make pkg-config libpcre2-dev libigraph-dev libgraphviz-dev graphviz libutf8proc-dev libjansson-dev zlib1g-dev"
TEST_PKGS="libcmocka-dev libxml2-utils python3 python3-networkx python3-igraph python3-distributed parallel clang clang-format valgrind man-db mandoc libglpk-dev libarpack2-dev libplfit-dev jq r-base-core r-cran-igraph python3-pandas python3-scipy wfrench python3-graph-tool chromium python3-dev python3-venv python3-setuptools python3-pip python3-pytest locales"

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup.sh: missing packages; run as root or install them with:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "setup.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# node and npm, to build the HTML view's script (web/) and for the JavaScript
# clients' tests: Debian's packages, unless a node with its npm is already there
# (NodeSource's nodejs carries its own npm and conflicts with Debian's).
install_node() {
    command -v node >/dev/null && command -v npm >/dev/null && return 0
    install_missing nodejs npm
}

build() {
    local dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" ${CMAKE_ARGS:-} >/dev/null
    cmake --build "$dir" -j"$(nproc)"
}

BUILD_DIR=${BUILD_DIR:-build}
case "${1:-}" in
example)
    # shellcheck disable=SC2086
    install_missing $RUNTIME_PKGS
    install_node
    build "$BUILD_DIR" -DBUILD_TESTING=OFF
    out=examples/output
    mkdir -p "$out"
    # One run: the network with its analysis and layout (GraphML for Gephi,
    # DOT), the picture drawn by Graphviz, the interactive view, and every mention.
    "$BUILD_DIR/stakegraph" extract examples/corpus -o "$out/network.graphml" \
        -o "$out/network.dot" -o "$out/network.svg" -o "$out/network.html" \
        --mentions "$out/mentions.tsv" \
        --title "Example corpus: actors named in the same sentence"
    "$BUILD_DIR/stakegraph" stats "$out/network.graphml" >"$out/stats.txt"
    echo "setup.sh: wrote $out/network.graphml, $out/network.dot, $out/network.svg, $out/network.html, $out/mentions.tsv, $out/stats.txt" >&2
    ;;
test)
    # shellcheck disable=SC2086
    install_missing $RUNTIME_PKGS $TEST_PKGS
    install_node
    build "$BUILD_DIR" -DSG_WERROR=ON -DBUILD_TESTING=ON
    ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error -j2
    ;;
deps)
    # shellcheck disable=SC2086
    install_missing $RUNTIME_PKGS $TEST_PKGS
    install_node
    ;;
*)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
