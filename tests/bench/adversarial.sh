#!/bin/bash
# Adversarial inputs (issue 4, SPEC §14): time and peak memory must stay linear
# in the input. Prints numbers, asserts nothing (the machines are shared).
# usage: tests/bench/adversarial.sh BUILD_DIR [SCALE]   (SCALE 1 = the sizes below)
set -euo pipefail
BUILD=${1:?usage: adversarial.sh BUILD_DIR [SCALE]}
SCALE=${2:-1}
SG="$BUILD/stakegraph"
W=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$W"
PY=/usr/bin/python3

measure() { # measure LABEL COMMAND... -> "LABEL  seconds  peak MB  exit"
    local label=$1
    shift
    /usr/bin/time -f "%e %M %x" -o "$W/time" "$@" >/dev/null 2>"$W/stderr" || true
    read -r secs kb code <"$W/time" || true
    printf '%-46s %8s s %9.1f MB  exit %s\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)" "${code:-?}"
}

# 1. Many actors in one sentence: a list of N distinct names without a full stop.
for n in 10000 100000; do
    n=$((n * SCALE))
    $PY - "$W" "$n" <<'PY'
import sys
w, n = sys.argv[1], int(sys.argv[2])
with open(f"{w}/list{n}.tsv", "w") as g, open(f"{w}/list{n}.txt", "w") as t:
    g.write("id\tlabel\ttype\taliases\n")
    for i in range(n):
        g.write(f"org:{i}\tActeur{i:07d}\torganisation\t\n")
    t.write("Ont signé : " + ", ".join(f"Acteur{i:07d}" for i in range(n)) + ".\n")
PY
    measure "one sentence naming $n actors" "$SG" extract -q --no-analyse \
        -g "$W/list$n.tsv" "$W/list$n.txt" -o "$W/out.graphml"
done

# 2. Many tiny documents (one short sentence each), given as a directory.
for n in 100000 1000000; do
    n=$((n * SCALE))
    $PY - "$W" "$n" <<'PY'
import os, sys
w, n = sys.argv[1], int(sys.argv[2])
d = f"{w}/tiny{n}"
if not os.path.isdir(d):
    os.makedirs(d)
    for i in range(n):
        sub = f"{d}/{i // 10000:03d}"
        if i % 10000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(f"{sub}/{i:07d}.txt", "w") as f:
            f.write(f"L'AP-HM et l'ARS Paca signent avec Acteur{i % 1000:07d}.\n")
with open(f"{w}/tiny.tsv", "w") as g:
    g.write("id\tlabel\ttype\taliases\n")
    g.write("org:ap-hm\tAssistance publique\torganisation\tAP-HM\n")
    g.write("org:ars\tAgence régionale de santé\torganisation\tARS Paca\n")
    for i in range(1000):
        g.write(f"org:{i}\tActeur{i:07d}\torganisation\t\n")
PY
    measure "$n tiny documents" "$SG" extract -q --no-analyse -g "$W/tiny.tsv" \
        "$W/tiny$n" -o "$W/out.graphml"
done

# 3. A gazetteer of 1,000,000 aliases (250,000 entities with 4 aliases each),
#    loaded and compiled against a one-line document.
$PY - "$W" "$((250000 * SCALE))" <<'PY'
import sys
w, n = sys.argv[1], int(sys.argv[2])
with open(f"{w}/big.tsv", "w") as g:
    g.write("id\tlabel\ttype\taliases\n")
    for i in range(n):
        a = "|".join(f"Alias{k} Entite{i:07d}" for k in range(4))
        g.write(f"org:{i}\tEntite{i:07d}\torganisation\t{a}\n")
with open(f"{w}/one.txt", "w") as t:
    t.write("Alias2 Entite0000042 rencontre Entite0000007.\n")
PY
measure "gazetteer of $((1000000 * SCALE)) aliases (+ labels)" "$SG" extract -q --no-analyse \
    -g "$W/big.tsv" "$W/one.txt" -o "$W/out.graphml"
# 4. 200,000 people sharing one surname (issue 20: the load was quadratic, and
#    each mention of the surname walked every bearer): the load alone, then
#    1,000 documents each naming one of them and "Dupont" 40 times.
$PY - "$W" "$((200000 * SCALE))" <<'PY'
import os, sys
w, n = sys.argv[1], int(sys.argv[2])
with open(f"{w}/dupont.tsv", "w") as g:
    g.write("id\tlabel\ttype\n")
    for i in range(n):
        g.write(f"person:p{i}\tPrénom{i} Dupont\tperson\n")
d = f"{w}/dupont"
os.makedirs(d, exist_ok=True)
for k in range(1000):
    with open(f"{d}/{k:04d}.txt", "w") as t:
        t.write(f"Prénom{k * 193 % n} Dupont arrive." + " M. Dupont parle. Dupont repart." * 20 + "\n")
PY
measure "$((200000 * SCALE)) people named Dupont: load" "$SG" extract -q --no-analyse \
    -g "$W/dupont.tsv" "$W/one.txt" -o "$W/out.graphml"
measure "  the same + 1,000 docs, 40,000 'Dupont'" "$SG" extract -q --no-analyse \
    -g "$W/dupont.tsv" "$W/dupont" -o "$W/out.graphml"

# 5. One document repeating a name that bodies of two departments share (issue 14: each
# reading looked for a body named in full over every hit: quadratic).
n=$((20000 * SCALE))
$PY - "$W" "$n" <<'PY'
import sys
w, n = sys.argv[1], int(sys.argv[2])
with open(f"{w}/local.tsv", "w") as g:
    g.write("id\tlabel\ttype\taliases\n")
    g.write("org:sdis-04\tService départemental d'incendie et de secours des Alpes-de-Haute-Provence\torganisation\tSDIS 04\n")
    g.write("org:sdis-05\tService départemental d'incendie et de secours des Hautes-Alpes\torganisation\tSDIS 05\n")
    g.write("place:gap\tGap\tplace\t\n")
with open(f"{w}/local.txt", "w") as t:
    t.write(" ".join("À Gap, le SDIS 04 et le Service départemental d’incendie et de secours parlent."
                     for _ in range(n)) + "\n")
PY
measure "one document, $n readings two departments share" "$SG" extract -q --no-analyse \
    --jobs 1 -g "$W/local.tsv" "$W/local.txt" -o "$W/out.graphml"
[ -n "${BENCH_DIR:-}" ] || rm -rf "$W"
