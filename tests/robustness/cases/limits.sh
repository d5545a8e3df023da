# Size and work limits (issue 20, items 2 and 3): the work budget of a PCRE2
# pattern over a paragraph, the longest JSON Lines line, and memory limits
# (ulimit -v) on long lines, long documents and large gazetteers. Sourced by
# matrix.sh (its helpers and $SG, $W, $O, $PY, g.tsv and $SENT in scope).
# The memory cases take about a minute.

echo "# --- the work of a pattern over a paragraph"
echo "$SENT" >limits-sent.txt

# (?=[^.]*\d)\w+ rescans the rest of the paragraph at every word: each call
# stays under PCRE2's per-attempt match limit, but a 1 MB paragraph without a
# full stop took 260 s (about 30 words a line, no line break, a digit at the
# end). Without one it backtracks over the paragraph from every word (the
# costlier kind of step). The budget must stop both in seconds, naming the
# pattern's line, the document and the paragraph.
printf 'id\tlabel\ttype\tpattern\norg:a\tA Santé\torganisation\t\norg:r\tMotif R\torganisation\t(?=[^.]*\\d)\\w+\n' >rescan.tsv
"$PY" -c '
import sys
n = 1000000
w = "les agences régionales de santé financent un projet commun "
body = (w * (n // len(w) + 1))[:n]
open("rescan-digit.txt", "w").write("Titre court.\n\n" + body + " 1\n")
s = list(body)
for i in range(100000, n, 100000):
    s[i] = "."
open("rescan-dots.txt", "w").write("Titre court.\n\n" + "".join(s) + " a\n")
'
for kind in digit dots; do
    begin
    expect "(?=[^.]*\\d)\\w+ over a 1 MB paragraph ($kind): stopped within 30 s, naming rescan.tsv:3, the document and the paragraph (byte 14)" 1 \
        "^stakegraph: rescan-$kind\\.txt: byte 14: the pattern of 'org:r' \\(rescan\\.tsv:3\\) hit its match limit \\([0-9]+ steps for this paragraph of [0-9]+ bytes" \
        -- timeout 30 "$SG" extract -q -g rescan.tsv "rescan-$kind.txt" -o "$O/prev.graphml" --mentions "$O/prev.tsv"
done

# The same stop whatever the number of threads: the budget counts work, not time.
begin
expect "the same pattern with --jobs 2 on two documents: the same error for the same paragraph" 1 \
    "^stakegraph: rescan-digit\\.txt: byte 14: the pattern of 'org:r' \\(rescan\\.tsv:3\\) hit its match limit" \
    -- timeout 30 "$SG" extract -q -j 2 -g rescan.tsv rescan-dots.txt rescan-digit.txt -o "$O/prev.graphml"

# A generous budget: the same pattern on 1 MB of prose in one paragraph
# (sentences of 8 to 80 words, a number in one of three) rescans each sentence
# only: about 420 steps a byte, which 256 a byte would refuse; it passes, and
# so do ordinary patterns (one match a sentence here, 1 to 2 steps a byte).
printf 'id\tlabel\ttype\tpattern\norg:r\tMotif R\torganisation\t(?=[^.]*\\d)\\w+\norg:c\tMotif C\torganisation\tClinique\\s+(?:Sainte?-)?\\p{Lu}\\p{Ll}+\norg:s\tMotif S\torganisation\t(?i)syndicat\\s+des\\s+\\w+(?:\\s+\\w+)?\n' >prose-patterns.tsv
"$PY" -c '
import random
random.seed(7)
words = "les agences régionales de santé financent un projet commun pour les hôpitaux et cliniques du territoire avec le soutien des élus locaux".split()
out, n, i = [], 0, 0
while n < 1000000:
    k = random.randint(8, 80)
    s = " ".join(random.choice(words) for _ in range(k))
    s = "La Clinique Sainte-Élisabeth et le syndicat des médecins " + s + (" en %d" % (1990 + i % 30) if i % 3 == 0 else "") + ". "
    out.append(s)
    n += len(s.encode())
    i += 1
open("prose-1mb.txt", "w").write("".join(out) + "\n")
print(i, file=open("prose-sentences", "w"))
'
begin
expect "(?=[^.]*\\d)\\w+ and two ordinary patterns over 1 MB of prose in one paragraph: no error, every sentence's clinic found" 0 - \
    --then "not one Clinique mention per sentence" "[ \$(grep -c \$'\\torg:c\\t' '$W/out$n/m.tsv') -eq \$(cat prose-sentences) ]" \
    -- "$SG" extract -q -g prose-patterns.tsv prose-1mb.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
rm -f rescan-digit.txt rescan-dots.txt prose-1mb.txt

echo "# --- the longest JSON Lines line"

# A run that skips a bad line exits 1 but writes its outputs: they go to a
# directory new/ made before the case's listing is taken.
begin_new() {
    begin
    mkdir "$O/new"
    (cd "$O" && ls -A) >"$W/ls$n.before"
}

# Lines over 16 MiB are refused before they are parsed (named, skipped, exit
# 1, the network still written, as for any bad line: into new/ here); a line
# of exactly 16 MiB is read. (Before: any size went to jansson.)
"$PY" - <<'EOF'
import json
def line(id, text, size):
    head = json.dumps({"id": id, "text": text})[:-2]
    pad = size - len(head) - 2
    return head + " " * pad + '"}' + "\n"
with open("long.jsonl", "w") as f:
    f.write(json.dumps({"id": "a", "text": "L'ARS Paca et l'AP-HM."}) + "\n")
    f.write(line("over", "L'ARS Paca et l'AP-HM.", (16 << 20) + 1))
    f.write(line("at", "L'ARS Paca et l'AP-HM.", 16 << 20))
    f.write(json.dumps({"id": "c", "text": "L'ARS Paca et l'AP-HM."}) + "\n")
EOF
begin_new
expect "a JSON Lines line of 16 MiB + 1 bytes: named and skipped, exit 1; a line of exactly 16 MiB and the others read" 1 \
    "^stakegraph: long\\.jsonl:2: line of 16777217 bytes is over the limit of 16777216 bytes; line skipped$" \
    --then "weight not 3 (lines 1, 3 and 4)" "edge_weight '$W/out$n/new/g.graphml' org:ars org:aphm 3" \
    --then "a temporary file left in new/" "! ls -A '$W/out$n/new' | grep -q tmp" \
    -- "$SG" extract -q -g g.tsv --jsonl long.jsonl -o "$O/new/g.graphml"
rm -f long.jsonl

echo "# --- memory limits (ulimit -v)"

# Under `ulimit -v`, each run is tried at several limits, from too little to
# start up to enough for part of the work: every one must end with a message
# and exit 1, never a signal. A 16 MiB - 1 line needs more than 150 MB (the
# mapped file, jansson's buffers, then the folded text), so every limit below
# fails somewhere; jansson 2.14 wrote past its buffers when an allocation
# failed inside it (a crash, a hang, or a false "invalid JSON" error, by the
# limit). Each run gets 20 s; the first stderr line of each run is kept.
# (Skipped under AddressSanitizer, which needs terabytes of address space.)
UNDER_LIMITS='
out=$1
shift
for v in $(seq 60000 5000 150000); do
    (ulimit -v $v; exec timeout 20 "$@") 2>"$out.err"
    rc=$?
    head -1 "$out.err" >&2
    [ $rc -eq 1 ] && continue
    echo "stakegraph: (the case) exit $rc under ulimit -v $v" >&2
    [ $rc -gt 128 ] && exit $rc
    exit 3
done
exit 1'
if bash -c 'ulimit -v 200000; exec "$1" --version' _ "$SG" >/dev/null 2>&1; then
    "$PY" -c '
import json
head = json.dumps({"id": "b", "text": "L\x27ARS Paca et l\x27AP-HM. "})[:-2]
body = "L\x27ARS Paca et l\x27AP-HM financent un projet commun. " * 400000
size = (16 << 20) - 1
body = body[: size - len(head) - 2]
with open("mem.jsonl", "w") as f:
    f.write(json.dumps({"id": "a", "text": "L\x27ARS Paca et l\x27AP-HM."}) + "\n")
    f.write(head + body + "\"}\n")
    f.write(json.dumps({"id": "c", "text": "L\x27ARS Paca et l\x27AP-HM."}) + "\n")
'
    begin_new
    expect "a JSON Lines line of 16 MiB - 1 bytes under ulimit -v 60 to 150 MB: a message and exit 1 at every limit, never a crash" 1 \
        "out of memory|Cannot allocate memory" \
        -- bash -c "$UNDER_LIMITS" _ "$W/mem" "$SG" extract -q -j 1 -g g.tsv --jsonl mem.jsonl -o "$O/new/g.graphml"
    rm -f mem.jsonl

    # A 100 MB document (one line) and a gazetteer of a million entries.
    "$PY" -c '
chunk = b"L\x27ARS Paca et l\x27AP-HM financent un projet commun. " * 10000
with open("mem.txt", "wb") as f:
    for _ in range(206):
        f.write(chunk)
with open("mem.tsv", "w") as f:
    f.write("id\tlabel\ttype\taliases\n")
    for i in range(1000000):
        f.write("org:o%d\tOrganisme numero %d de Provence\torganisation\tON%d\n" % (i, i, i))
'
    begin
    expect "a 100 MB document under ulimit -v 60 to 150 MB: a message and exit 1 at every limit, never a crash" 1 \
        "out of memory|Cannot allocate memory" \
        -- bash -c "$UNDER_LIMITS" _ "$W/memtxt" "$SG" extract -q -j 1 -g g.tsv mem.txt -o "$O/prev.graphml"
    begin
    expect "a gazetteer of a million entries (70 MB) under ulimit -v 60 to 150 MB: a message and exit 1 at every limit, never a crash" 1 \
        "out of memory|Cannot allocate memory" \
        -- bash -c "$UNDER_LIMITS" _ "$W/memgaz" "$SG" extract -q -j 1 -g mem.tsv limits-sent.txt -o "$O/prev.graphml"
    rm -f mem.txt mem.tsv
else
    skipped "ulimit -v cases" "the binary does not start under ulimit -v 200000 (AddressSanitizer?)"
fi
