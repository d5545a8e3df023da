#!/usr/bin/env python3
"""The actor network of a large corpus, with Dask doing the map step (SPEC §13).

    dask_extract.py [--scheduler ADDR] [--shards N] [--stakegraph PATH]
                    [-g GAZ]... [--unit UNIT] -o OUT.graphml CORPUS...

1. The corpus's documents (*.txt under each CORPUS directory, or files) are
   cut into N shards.
2. Each shard is one Dask task: `stakegraph extract -f pairs` on its
   documents, which returns the shard's partial counts (a small text).
3. The counts are gathered here, written to a temporary directory, and
   `stakegraph merge` adds them up into the network: byte for byte the one a
   single `stakegraph extract` over the whole corpus writes.

Without --scheduler a LocalCluster of worker processes is started on this
machine (--workers, default: one per core). With --scheduler (e.g.
tcp://10.0.0.5:8786) the workers must see the documents, the gazetteers and
the stakegraph binary at the same paths as this machine (a shared disk).

Example:
    python3 dask_extract.py --shards 16 -g gazetteers/ -o network.graphml articles/
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def documents(paths):
    """The documents, as stakegraph finds them: *.txt files under directories
    (recursively), or files given by name; sorted, without repeats."""
    found = set()
    for path in paths:
        if not os.path.isdir(path):
            found.add(path)
            continue
        for root, dirs, files in os.walk(path, followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden: skipped
            found.update(os.path.join(root, f) for f in files
                         if f.endswith(".txt") and not f.startswith("."))
    return sorted(found)


def extract_shard(stakegraph, options, docs):
    """The Dask task, run on a worker: one shard's partial counts (text) and
    its warnings. A failure (an unreadable document, ...) raises, with
    stakegraph's message. One thread each: the cluster runs the tasks side by
    side. The paths go through standard input (--files-from -), so a shard
    may hold any number of documents."""
    run = subprocess.run([stakegraph, "extract", "--jobs", "1", *options,
                          "-f", "pairs", "-o", "-", "--files-from", "-"],
                         input="".join(d + "\n" for d in docs), capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip() or "stakegraph failed")
    return run.stdout, run.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler", help="address of a running Dask scheduler "
                    "(default: a LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(),
                    help="worker processes of the LocalCluster (default: one per core)")
    ap.add_argument("--shards", type=int, default=8, help="number of tasks (default 8)")
    ap.add_argument("--stakegraph", default=shutil.which("stakegraph") or "stakegraph",
                    help="the stakegraph binary (default: the one on PATH)")
    ap.add_argument("-g", "--gazetteer", action="append", default=[],
                    help="gazetteer file or directory (repeatable; default: the bundled ones)")
    ap.add_argument("--unit", help="sentence (default), paragraph, document or window:N")
    ap.add_argument("-o", "--output", action="append", required=True,
                    help="the network (.graphml, .dot) or picture (.svg, ...); repeatable")
    ap.add_argument("corpus", nargs="+", help="directories of *.txt documents, or files")
    args = ap.parse_args()

    docs = documents(args.corpus)
    if not docs:
        sys.exit("dask_extract.py: no documents")
    gazetteers = [opt for g in args.gazetteer for opt in ("-g", os.path.abspath(g))]
    options = gazetteers + (["--unit", args.unit] if args.unit else [])
    stakegraph = os.path.abspath(args.stakegraph) if os.sep in args.stakegraph else args.stakegraph

    # 1. shards: n nearly equal runs of consecutive documents
    n = max(1, min(args.shards, len(docs)))
    shards = [docs[len(docs) * i // n:len(docs) * (i + 1) // n] for i in range(n)]

    # 2. the map step on the cluster (imported here: --help works without Dask)
    from dask.distributed import Client, LocalCluster
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        futures = client.map(extract_shard, [stakegraph] * n, [options] * n, shards,
                             pure=False)
        counts = client.gather(futures)  # raises the first task's error
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # 3. the reduce step, here: merge the shards' counts into the network
    with tempfile.TemporaryDirectory(prefix="stakegraph-shards-") as tmp:
        for i, (text, warnings) in enumerate(counts):
            sys.stderr.write(warnings)  # in document order
            with open(os.path.join(tmp, "%05d.pairs" % i), "w", encoding="utf-8") as f:
                f.write(text)
        merge = [stakegraph, "merge", *gazetteers]
        for out in args.output:
            merge += ["-o", out]
        return subprocess.run(merge + [tmp]).returncode


if __name__ == "__main__":  # worker processes import this file: keep the guard
    try:
        sys.exit(main())
    except RuntimeError as e:
        sys.exit("dask_extract.py: %s" % e)
