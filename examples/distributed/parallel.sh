#!/bin/bash
# The actor network of a large corpus, with GNU parallel doing the map step
# (SPEC §13): the same as dask_extract.py, on one machine or, with parallel's
# --sshlogin, on several that share a disk.
#
#   parallel.sh [-n DOCS_PER_SHARD] [-j JOBS] [-s STAKEGRAPH] [-g GAZ]... -o OUT CORPUS...
#   parallel.sh [options] CORPUS... OUT       (without -o, the last argument is OUT)
#
# 1. find lists the documents (*.txt) of each CORPUS directory;
# 2. parallel cuts the list into shards of DOCS_PER_SHARD documents (default
#    100) and runs, JOBS at a time (default: one per core),
#        stakegraph extract -f pairs -o SHARDS/<shard number>.pairs DOCUMENTS...
# 3. stakegraph merge adds the shards' counts up into OUT (.graphml, .dot,
#    .svg, ...): byte for byte the network one `stakegraph extract` over the
#    whole corpus writes.
#
# Example:
#   examples/distributed/parallel.sh -n 500 -g gazetteers/ -o network.graphml articles/
set -euo pipefail

per_shard=100
jobs=$(nproc)
stakegraph=$(command -v stakegraph || echo stakegraph)
gaz=()
out=
usage() {
    sed -n '6,7p' "$0" | sed 's/^# *//' >&2
    exit 2
}
while getopts "n:j:s:g:o:h" opt; do
    case $opt in
    n) per_shard=$OPTARG ;;
    j) jobs=$OPTARG ;;
    s) stakegraph=$OPTARG ;;
    g) gaz+=(-g "$OPTARG") ;;
    o) out=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] && [ $# -gt 1 ]; then
    out=${!#}
    set -- "${@:1:$#-1}"
fi
if [ -z "$out" ] || [ $# -eq 0 ]; then usage; fi

# The shards' counts go to a temporary directory, removed at the end.
shards=$(mktemp -d "${TMPDIR:-/tmp}/stakegraph-shards.XXXXXX")
trap 'rm -rf "$shards"' EXIT

# 1 + 2. The map step. find lists the documents as stakegraph does (links
# followed, hidden files and directories skipped); NUL-separated names survive
# any file name. -N gives each command up to $per_shard documents, in place
# of {}; {#} is the shard's number; -q keeps each argument one word (spaces in
# paths); -k prints the shards' warnings in document order; --halt soon stops
# starting shards at the first failure and lets the running ones finish, so
# that every message is printed (parallel then exits non-zero). Each
# stakegraph runs one thread: parallel runs $jobs side by side.
find -L "$@" -name '.?*' -prune -o -name '*.txt' -print0 | sort -z |
    parallel -0 -q -k -N "$per_shard" -j "$jobs" --halt soon,fail=1 \
        "$stakegraph" extract --jobs 1 "${gaz[@]}" -f pairs -o "$shards/{#}.pairs" {}

# 3. The reduce step: every *.pairs file of the directory, added up.
"$stakegraph" merge "${gaz[@]}" -o "$out" "$shards"
