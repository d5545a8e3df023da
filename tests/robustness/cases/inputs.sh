# Inputs and tables (issue 20): FIFOs, sockets and devices in a corpus
# directory (skipped with a warning, never opened), FIFOs named on the command
# line (read), spreadsheet formulas in CSV cells, 200,000 people sharing one
# surname. Sourced by matrix.sh (its helpers and $SG, $W, $O, $PY, g.tsv, t.txt
# and $SENT in scope).

echo "# --- inputs that are not regular files"
echo "$SENT" >sent.txt

# A FIFO named like a document in a corpus directory: opening it would wait
# for a writer that never comes. A socket beside it cannot be a document either.
mkdir -p fifodir/sub
echo "$SENT" >fifodir/a.txt
echo "$SENT" >fifodir/sub/b.txt
mkfifo fifodir/x.txt
mkfifo fifodir/other.log # not named like a document: nothing to say
"$PY" -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' fifodir/sub/s.txt
begin
expect "a FIFO named x.txt (and a socket s.txt) in a corpus directory: skipped with a warning naming each, the regular files read, no hang" 0 \
    '^stakegraph: warning: fifodir/x\.txt: not a regular file; skipped$' \
    --then "no warning names the socket" "grep -qx 'stakegraph: warning: fifodir/sub/s\\.txt: not a regular file; skipped' '$W/stderr'" \
    --then "standard error holds more than the two warnings" "[ \$(wc -l <'$W/stderr') -eq 2 ]" \
    --then "the two regular files do not make weight 2" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 2" \
    -- "$SG" extract -g g.tsv fifodir -o "$O/g.graphml"

mkdir -p fifojsonl
printf '{"id": "a", "text": "%s"}\n' "$SENT" >fifojsonl/a.jsonl
mkfifo fifojsonl/b.jsonl
begin
expect "a FIFO named b.jsonl in a JSON Lines directory: skipped with a warning, no hang" 0 \
    '^stakegraph: warning: fifojsonl/b\.jsonl: not a regular file; skipped$' \
    --then "the regular file does not make weight 1" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- "$SG" extract -g g.tsv --jsonl fifojsonl -o "$O/g.graphml"

begin
expect "process substitution <(cat sent.txt) named on the command line: read" 0 - \
    --then "its text does not make weight 1" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- bash -c "exec '$SG' extract -g g.tsv <(cat sent.txt) -o '$O/g.graphml'"

# A named FIFO whose writer comes after the run has started: waited for, not
# read as empty. (The writer gives up after 30 s if the run never opens it.)
mkfifo late.txt
begin
expect "a FIFO named on the command line whose writer comes 1 s later: waited for and read" 0 - \
    --then "its text does not make weight 1" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- bash -c "(sleep 1; exec timeout 30 sh -c 'cat sent.txt >late.txt') & exec '$SG' extract -g g.tsv late.txt -o '$O/g.graphml'"

echo "# --- spreadsheet formulas in CSV tables"

printf 'id\tlabel\ttype\taliases\tnote\tlon\n=p:1\tJean Dupont\tperson\t\t@SUM(A1)\t-12.5\no:2\tAcme\torganisation\t\t-x\t3\n' >formula.tsv
printf '{"id": "=HYPERLINK(\\"http://x\\",\\"y\\")", "text": "Jean Dupont rencontre Acme."}\n' >formula.jsonl
begin
expect "-f csv with an id =p:1, attributes @SUM(A1) and -x, a document =HYPERLINK(...): cells start with a quote; -12.5 stays a number" 0 - \
    --then "the id =p:1 is not written \"'=p:1\"" "grep -q '^\"'\"'\"'=p:1\",' '$W/out$n/t/nodes.csv'" \
    --then "@SUM(A1) is not written \"'@SUM(A1)\"" "grep -qF '\"'\"'\"'@SUM(A1)\"' '$W/out$n/t/nodes.csv'" \
    --then "-x is not written \"'-x\"" "grep -qF '\"'\"'\"'-x\"' '$W/out$n/t/nodes.csv'" \
    --then "the document is not written \"'=HYPERLINK(...)\"" "grep -qF ',\"'\"'\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",' '$W/out$n/t/edges.csv'" \
    --then "-12.5 is not left a bare number" "grep -q ',-12\\.5,' '$W/out$n/t/nodes.csv'" \
    --then "a cell starts with = @ + or - unquoted" "! grep -qE '(^|,)[=@+]' '$W/out$n/t/nodes.csv' '$W/out$n/t/edges.csv'" \
    -- "$SG" extract -q -g formula.tsv --jsonl formula.jsonl -f csv -o "$O/t"

echo "# --- one surname, 200,000 people"

# Loading them was quadratic (32 s), and each mention of the surname walked
# all of them. The document names one of them, then "M. Dupont" 50,000 times
# (all resolved to him), then a second one, then "Dupont" (ambiguous).
"$PY" - <<'EOF'
with open("dupont.tsv", "w") as g:
    g.write("id\tlabel\ttype\n")
    for i in range(200000):
        g.write(f"person:p{i}\tPrénom{i} Dupont\tperson\n")
with open("dupont.txt", "w") as t:
    t.write("Prénom7 Dupont arrive. " + "M. Dupont parle. " * 50000)
    t.write("Prénom8 Dupont vient. Dupont part.\n")
EOF
begin
if [ -x /usr/bin/time ]; then
    expect "200,000 people named Dupont: loaded and resolved in < 10 s of CPU (was 35 s and more), no hang" 0 - \
        --then "the 50,000 'M. Dupont' are not all person:p7" "[ \$(grep -c 'person:p7' '$W/out$n/m.tsv') -eq 50001 ]" \
        --then "the last 'Dupont' (two Duponts named) was resolved" "[ \$(wc -l <'$W/out$n/m.tsv') -eq 50003 ]" \
        --then "more than 10 s of CPU" "awk '{ exit !(\$1 + \$2 < 10) }' '$W/time$n.txt'" \
        -- /usr/bin/time -f '%U %S' -o "$W/time$n.txt" "$SG" extract -q --no-analyse -g dupont.tsv dupont.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
    echo "# 200,000 Duponts: CPU seconds (user system): $(cat "$W/time$n.txt" 2>/dev/null)"
else
    expect "200,000 people named Dupont: loaded and resolved, no hang" 0 - \
        --then "the 50,000 'M. Dupont' are not all person:p7" "[ \$(grep -c 'person:p7' '$W/out$n/m.tsv') -eq 50001 ]" \
        -- "$SG" extract -q --no-analyse -g dupont.tsv dupont.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
fi
rm -f dupont.tsv dupont.txt
