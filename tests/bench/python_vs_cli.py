#!/usr/bin/python3
"""What calling stakegraph from Python costs beside the command line (issue 19):
the same work, both ways, in alternating runs, medians printed as a Markdown
table. Numbers, not pass/fail.

    python_vs_cli.py [--runs N] [--jobs N] STAKEGRAPH PYTHONPATH CORPUS GAZETTEER

STAKEGRAPH is the command line; PYTHONPATH holds the package (BUILD/tests/python,
or a venv's site-packages); CORPUS and GAZETTEER as bench.sh makes them
(/tmp/sgbench/input-*/100000/{corpus,gazetteer.tsv}). Each case runs the command
line and a fresh /usr/bin/python3 process (interpreter, imports and all); the
Python calls' own time is measured inside the process as well, after the imports
of stakegraph and pandas (0.25 s, which a notebook has paid already); and the
CPU time (user + system, all threads) of each process and of the calls
(time.process_time() around them), which other work on the machine disturbs
less than the wall-clock time.

Cases (the command line's options as bench.sh's, --no-analyse):
  network   extract -o /dev/null           | extract(mentions=False).write("/dev/null")
  mentions  extract --mentions FILE        | extract().mentions (a DataFrame)
  evidence  extract --evidence FILE        | extract(mentions=False, evidence=True).evidence()
  evidence, asked later: the same            | extract(mentions=False).evidence() (the
                                               documents read again)
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PY = {
    "network": "r = stakegraph.extract(C, gazetteer=G, analyse=False, mentions=False, jobs=J)\n"
               "r.write('/dev/null')",
    "mentions": "r = stakegraph.extract(C, gazetteer=G, analyse=False, jobs=J)\n"
                "r.write('/dev/null')\nx = r.mentions",
    "evidence": "r = stakegraph.extract(C, gazetteer=G, analyse=False, mentions=False,"
                " evidence=True, jobs=J)\nr.write('/dev/null')\nx = r.evidence()",
    "evidence, asked later": "r = stakegraph.extract(C, gazetteer=G, analyse=False, mentions=False,"
                             " jobs=J)\nr.write('/dev/null')\nx = r.evidence()",
}
CHILD = """
import sys, time
t0 = time.perf_counter()
import stakegraph
import pandas  # as a notebook has it already
C, G, J = sys.argv[1], sys.argv[2], (int(sys.argv[3]) or None)
t1, c1 = time.perf_counter(), time.process_time()
{code}
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, t2 - t1, c2 - c1)
"""


def cpu():
    """CPU seconds (user + system) of the children waited for so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_args(case, out):
    extra = {"network": [], "mentions": ["--mentions", out], "evidence": ["--evidence", out],
             "evidence, asked later": ["--evidence", out]}
    return extra[case]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=0, help="threads (0: the default, one a core)")
    ap.add_argument("stakegraph")
    ap.add_argument("pythonpath")
    ap.add_argument("corpus")
    ap.add_argument("gazetteer")
    a = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=a.pythonpath)
    jobs = ["--jobs", str(a.jobs)] if a.jobs else []
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "rows.tsv")
        for _ in range(a.runs):
            for case in PY:
                cmd = [a.stakegraph, "extract", "-q", "-g", a.gazetteer, a.corpus, "-o", "/dev/null",
                       "--no-analyse", *jobs, *cli_args(case, out)]
                t, c = time.perf_counter(), cpu()
                subprocess.run(cmd, check=True)
                times.setdefault((case, "cli"), []).append(time.perf_counter() - t)
                times.setdefault((case, "cli cpu"), []).append(cpu() - c)
                t, c = time.perf_counter(), cpu()
                p = subprocess.run(["/usr/bin/python3", "-c", CHILD.format(code=PY[case]),
                                    a.corpus, a.gazetteer, str(a.jobs)],
                                   check=True, env=env, capture_output=True, text=True)
                times.setdefault((case, "py"), []).append(time.perf_counter() - t)
                times.setdefault((case, "py cpu"), []).append(cpu() - c)
                imp, call, call_cpu = map(float, p.stdout.split())
                times.setdefault((case, "import"), []).append(imp)
                times.setdefault((case, "call"), []).append(call)
                times.setdefault((case, "call cpu"), []).append(call_cpu)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{a.runs} alternating runs, medians in seconds; jobs: {a.jobs or 'default'}\n")
    print("| case | command line | Python process | ratio | of which imports | the calls | ratio "
          "| CPU: command line | Python process | ratio | the calls | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for case in PY:
        c, p, i, k, cc, pc, kc = (med[(case, x)] for x in ("cli", "py", "import", "call",
                                                            "cli cpu", "py cpu", "call cpu"))
        print(f"| {case} | {c:.2f} | {p:.2f} | {p / c:.2f} | {i:.2f} | {k:.2f} | {k / c:.2f} "
              f"| {cc:.2f} | {pc:.2f} | {pc / cc:.2f} | {kc:.2f} | {kc / cc:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
