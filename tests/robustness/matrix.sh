#!/bin/bash
# The bad-input matrix (issue 4, SPEC §14): untrusted text, gazetteers and
# outputs give a clear error or warning naming the file (and the line or byte
# offset), never a crash, a hang or a half-written output.
#
# usage: matrix.sh STAKEGRAPH SOURCE_DIR
#
# Each case states its input, the exit code it expects and an extended regular
# expression that standard error must contain. Every case is also checked for:
#   - no hang (each run is killed after SG_HANG_LIMIT seconds, 60 unless the
#     environment says otherwise: "hang") and no crash (a signal); a sanitized
#     build runs several times slower, so its ctest entry gives a longer limit;
#   - every line on standard error has the form "stakegraph: ..." and nothing
#     reaches standard output (all cases write their outputs to files);
#   - in its own output directory, which holds a previous graph and a previous
#     mentions file with known content: no temporary file (*.tmp*) is left, and
#     when the run fails the previous files are byte-identical and no new file
#     (no partial output) has appeared.
# One "ok"/"FAIL" line per case, then "N passed, M failed"; exit 1 on failure.
#
# Unreadable files: tests may run as root, for whom chmod 000 does not prevent
# reading. As root, the binary is run through setpriv(1) with CAP_DAC_OVERRIDE
# and CAP_DAC_READ_SEARCH dropped from its bounding and inheritable sets, so
# that file permissions apply to it; the script first checks that `cat` run the
# same way is refused, and skips those cases (saying so) if it is not. A read
# error that needs no privilege trick is also covered: /proc/self/mem opens but
# its first read fails with EIO. A FIFO without a writer is not used (it blocks).
#
# A full disk for a regular output file (where the temporary file and the
# rename matter, unlike /dev/full which is written in place) is simulated
# without privileges with RLIMIT_FSIZE (ulimit -f) and SIGXFSZ ignored: writes
# past the limit fail with EFBIG.
set -u
SG=$(readlink -f "$1")
SRC=$(readlink -f "$2")
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
GAZDIR=$SRC/gazetteers
CORPUS=$SRC/examples/corpus
hang=${SG_HANG_LIMIT:-60}
case $hang in
'' | *[!0-9]*) echo "matrix.sh: SG_HANG_LIMIT must be a number of seconds, not '$hang'" >&2; exit 2 ;;
esac

W=$(mktemp -d)
cleanup() {
    chmod -R u+rwX "$W" 2>/dev/null
    rm -rf "$W"
}
trap cleanup EXIT
chmod 755 "$W"
cd "$W" || exit 1

pass=0
fail=0
skip=0
n=0
O= # the current case's output directory

# begin: a fresh output directory with a previous graph and mentions file.
begin() {
    n=$((n + 1))
    O=$W/out$n
    mkdir -p "$O"
    printf 'previous graph of case %d\n' "$n" >"$O/prev.graphml"
    printf 'previous mentions of case %d\n' "$n" >"$O/prev.tsv"
    cp "$O/prev.graphml" "$W/ref$n.graphml"
    cp "$O/prev.tsv" "$W/ref$n.tsv"
    (cd "$O" && ls -A) >"$W/ls$n.before"
}

# expect NAME CODE REGEX [--then DESCRIPTION SHELL-CHECK]... -- COMMAND...
# REGEX is an extended regular expression that standard error must contain;
# "-" means standard error must be empty. Each --then check runs afterwards
# with $O set (and $W as working directory) and must succeed.
expect() {
    local name=$1 code=$2 regex=$3
    shift 3
    local -a thens=()
    while [ "$1" = --then ]; do
        thens+=("$2" "$3")
        shift 3
    done
    shift # --
    [ -n "$O" ] || begin
    local t0=$SECONDS
    timeout "$hang" "$@" >"$W/stdout" 2>"$W/stderr"
    local rc=$?
    local -a why=()
    if [ $rc -eq 124 ]; then
        why+=("hang: killed after $hang s")
    elif [ $rc -gt 128 ]; then
        why+=("crash: killed by signal $((rc - 128))")
    elif [ $rc -ne "$code" ]; then
        why+=("exit $rc, wanted $code")
    fi
    if [ "$regex" = - ]; then
        [ -s "$W/stderr" ] && why+=("standard error should be empty")
    elif ! grep -qE -- "$regex" "$W/stderr"; then
        why+=("standard error lacks /$regex/")
    fi
    if grep -qv '^stakegraph: ' "$W/stderr"; then
        why+=("a line on standard error is not 'stakegraph: ...'")
    fi
    [ -s "$W/stdout" ] && why+=("something was written to standard output")
    local tmps
    tmps=$(find "$O" -maxdepth 1 -name '*.tmp*' -printf '%f ')
    [ -n "$tmps" ] && why+=("temporary file left: $tmps")
    if [ $rc -ne 0 ] || [ "$code" -ne 0 ]; then
        cmp -s "$O/prev.graphml" "$W/ref$n.graphml" || why+=("the previous graph file was changed")
        cmp -s "$O/prev.tsv" "$W/ref$n.tsv" || why+=("the previous mentions file was changed")
        (cd "$O" && ls -A) | diff -q - "$W/ls$n.before" >/dev/null ||
            why+=("new files after a failed run: $( (cd "$O" && ls -A) | grep -vxFf "$W/ls$n.before" | tr '\n' ' ')")
    fi
    local i
    for ((i = 0; i < ${#thens[@]}; i += 2)); do
        if ! (eval "${thens[i + 1]}") >/dev/null 2>&1; then
            why+=("${thens[i]}")
        fi
    done
    if [ ${#why[@]} -eq 0 ]; then
        pass=$((pass + 1))
        echo "ok - $name"
    else
        fail=$((fail + 1))
        echo "FAIL - $name"
        for i in "${why[@]}"; do echo "    # $i"; done
        echo "    # command: $*"
        sed -n '1,8s/^/    # stderr: /p' "$W/stderr"
    fi
    [ $((SECONDS - t0)) -gt 5 ] && echo "    # took $((SECONDS - t0)) s"
    O=
}

skipped() {
    skip=$((skip + 1))
    echo "ok - $1 # SKIP $2"
}

# The edge between two ids in a GraphML file has this weight.
edge_weight() { # FILE A B WEIGHT
    "$PY" - "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
f, a, b, w = sys.argv[1:]
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(f).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
    if {e.get("source"), e.get("target")} == {a, b}:
        d = {keys[x.get("key")]: x.text for x in e.findall("g:data", ns)}
        sys.exit(0 if float(d["weight"]) == float(w) else 1)
sys.exit(0 if float(w) == 0 else 1)
EOF
}
# The mentions file lists exactly these "start end id" triples.
mentions_are() { # FILE "start end id" ...
    local f=$1
    shift
    diff <(tail -n +2 "$f" | cut -f2-4 | tr '\t' ' ') <(printf '%s\n' "$@")
}

# A small gazetteer for the text cases.
printf 'id\tlabel\ttype\taliases\norg:ars\tARS Paca\torganisation\tARS\norg:aphm\tAssistance publique-Hôpitaux de Marseille\torganisation\tAP-HM\n' >g.tsv
SENT="L'ARS Paca et l'AP-HM." # ARS Paca at 2..10, AP-HM at 16..21

echo "# --- text inputs"

: >empty.txt
begin
expect "empty file: warning naming it, exit 0, valid empty graph" 0 \
    '^stakegraph: warning: empty\.txt: empty document' \
    --then "the graph has no node" "! grep -q '<node' '$W/out$n/g.graphml'" \
    -- "$SG" extract -g g.tsv empty.txt -o "$O/g.graphml"

cp /bin/true bin.txt
off=$("$PY" -c 'import sys
try: open(sys.argv[1], "rb").read().decode()
except UnicodeDecodeError as e: print(e.start)' bin.txt)
begin
expect "binary file (/bin/true as .txt): warning with the byte offset of the first invalid UTF-8, exit 0" 0 \
    "^stakegraph: warning: bin\\.txt: byte $off: invalid UTF-8" \
    -- "$SG" extract -g g.tsv bin.txt -o "$O/g.graphml"

"$PY" -c 'import random, sys
r = random.Random(4)
sys.stdout.buffer.write(b"L\x27ARS Paca. " + bytes(r.getrandbits(8) for _ in range(200000)) + b" L\x27AP-HM.\n")' >random.txt
off=$("$PY" -c 'import sys
try: open(sys.argv[1], "rb").read().decode()
except UnicodeDecodeError as e: print(e.start)' random.txt)
begin
expect "200 kB of random bytes: warning with the byte offset, exit 0, mentions around them found" 0 \
    "^stakegraph: warning: random\\.txt: byte $off: invalid UTF-8" \
    --then "ARS Paca and AP-HM not both found" "grep -q org:ars '$W/out$n/m.tsv' && grep -q org:aphm '$W/out$n/m.tsv'" \
    -- "$SG" extract -g g.tsv random.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
begin
expect "200 kB of random bytes with --strict: error with the byte offset, exit 1" 1 \
    "^stakegraph: random\\.txt: byte $off: invalid UTF-8" \
    -- "$SG" extract --strict -g g.tsv random.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

printf "L'ARS Paca\0et l'AP-HM.\n" >nul.txt
begin
expect "NUL byte inside text (byte 10): warning naming the file and byte 10, exit 0, mentions on both sides found" 0 \
    '^stakegraph: warning: nul\.txt: byte 10: .*(NUL|U\+0000)' \
    --then "mentions are not ARS Paca 2-10 and AP-HM 16-21" "mentions_are '$W/out$n/m.tsv' '2 10 org:ars' '16 21 org:aphm'" \
    -- "$SG" extract -g g.tsv nul.txt -o "$O/g.graphml" --mentions "$O/m.tsv"

head -c 4096 /dev/zero >zeros.txt
begin
expect "binary file of 4 KiB of NUL bytes (valid UTF-8, not text): warning naming the file and byte 0, exit 0" 0 \
    '^stakegraph: warning: zeros\.txt: byte 0: .*(NUL|U\+0000|binary)' \
    -- "$SG" extract -g g.tsv zeros.txt -o "$O/g.graphml"

printf "L'ARS Paca \xff et l'AP-HM \xe2\x82" >invalid.txt # 0xFF at byte 11, truncated sequence at 24
begin
expect "invalid UTF-8 (0xFF at byte 11, truncated sequence at the end): warning with byte 11, exit 0, mentions found" 0 \
    '^stakegraph: warning: invalid\.txt: byte 11: invalid UTF-8 \(2 bad sequences' \
    --then "mentions are not ARS Paca 2-10 and AP-HM 18-23" "mentions_are '$W/out$n/m.tsv' '2 10 org:ars' '18 23 org:aphm'" \
    -- "$SG" extract -g g.tsv invalid.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
begin
expect "invalid UTF-8 with --strict: error with byte 11, exit 1" 1 \
    '^stakegraph: invalid\.txt: byte 11: invalid UTF-8' \
    -- "$SG" extract --strict -g g.tsv invalid.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

# C0 AF and E0 80 AF are overlong '/', ED A0 80 a surrogate, F4 90 80 80 above U+10FFFF
printf "L'ARS Paca \xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 et l'AP-HM.\n" >overlong.txt
begin
expect "overlong UTF-8, surrogates, above U+10FFFF: warning with byte 11, exit 0" 0 \
    '^stakegraph: warning: overlong\.txt: byte 11: invalid UTF-8' \
    --then "AP-HM after the bad sequences not found" "grep -q org:aphm '$W/out$n/m.tsv'" \
    -- "$SG" extract -g g.tsv overlong.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
begin
expect "overlong UTF-8 with --strict: error with byte 11, exit 1" 1 \
    '^stakegraph: overlong\.txt: byte 11: invalid UTF-8' \
    -- "$SG" extract --strict -g g.tsv overlong.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

"$PY" -c 'import sys; sys.stdout.buffer.write("L\u2019ARS Paca et l\u2019AP-HM.\n".encode("utf-16"))' >utf16le.txt
"$PY" -c 'import sys; sys.stdout.buffer.write(b"\xfe\xff" + "L\u2019ARS Paca et l\u2019AP-HM.\n".encode("utf-16-be"))' >utf16be.txt
begin
expect "UTF-16LE with BOM: error at byte 0 with the iconv hint, exit 1" 1 \
    '^stakegraph: utf16le\.txt: byte 0: UTF-16 text is not supported.*iconv' \
    -- "$SG" extract -g g.tsv utf16le.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
begin
expect "UTF-16BE with BOM: error at byte 0, exit 1" 1 \
    '^stakegraph: utf16be\.txt: byte 0: UTF-16 text is not supported' \
    -- "$SG" extract -g g.tsv utf16be.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
"$PY" -c 'import sys; sys.stdout.buffer.write("L\u2019ARS Paca et l\u2019AP-HM.\n".encode("utf-16-le"))' >utf16nobom.txt
begin
expect "UTF-16LE without BOM (every other byte NUL): a warning or error naming the file, not a silently empty graph" 0 \
    '^stakegraph: (warning: )?utf16nobom\.txt: byte 1: .*(NUL|U\+0000|UTF-16|binary)' \
    -- "$SG" extract -g g.tsv utf16nobom.txt -o "$O/g.graphml"

# 100 MB on one line: 3,200,000 sentences "L'ARS Paca et l'AP-HM. " (no line
# break), so the edge weight must be exactly 3,200,000.
"$PY" -c '
import sys
chunk = b"L\x27ARS Paca et l\x27AP-HM financent un projet commun. " * 10000
with open("big.txt", "wb") as f:
    for _ in range(206):
        f.write(chunk)
'
echo "# 100 MB single line: $(stat -c %s big.txt) bytes, 2,060,000 sentences, no line break"
begin
if [ -x /usr/bin/time ]; then
    expect "100 MB single line with the bundled gazetteers: exit 0, exact weight" 0 - \
        --then "edge ARS Paca - AP-HM does not have weight 2060000" "edge_weight '$W/out$n/g.graphml' org:ars-paca org:ap-hm 2060000" \
        -- /usr/bin/time -v -o "$W/time.txt" "$SG" extract -q -g "$GAZDIR" big.txt -o "$O/g.graphml"
    sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): /# 100 MB line: wall time /p;
            s/^\s*Maximum resident set size (kbytes): \(.*\)/# 100 MB line: peak RSS \1 kB/p' "$W/time.txt"
else
    expect "100 MB single line with the bundled gazetteers: exit 0, exact weight" 0 - \
        --then "edge ARS Paca - AP-HM does not have weight 2060000" "edge_weight '$W/out$n/g.graphml' org:ars-paca org:ap-hm 2060000" \
        -- "$SG" extract -q -g "$GAZDIR" big.txt -o "$O/g.graphml"
    echo "# /usr/bin/time missing (package 'time'): no time or peak memory measured"
fi
rm -f big.txt

"$PY" -c '
n = 10000
open("quotes.txt", "w").write("L\x27ARS Paca " + "\u00ab " * n + "l\x27AP-HM ?" + " \u00bb" * n + " Puis l\x27AP-HM et l\x27ARS Paca.\n")
open("brackets.txt", "w").write("L\x27ARS Paca " + "(" * n + "l\x27AP-HM" + ")" * n + ". L\x27AP-HM et l\x27ARS Paca.\n")
open("unclosed.txt", "w").write("L\x27ARS Paca " + "\u00ab ( [ " * n + "l\x27AP-HM.\n")
'
begin
expect "10,000 nested « … »: exit 0, two sentences (weight 2)" 0 - \
    --then "weight is not 2" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 2" \
    -- "$SG" extract -g g.tsv quotes.txt -o "$O/g.graphml"
begin
expect "10,000 nested ( … ): exit 0, two sentences (weight 2)" 0 - \
    --then "weight is not 2" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 2" \
    -- "$SG" extract -g g.tsv brackets.txt -o "$O/g.graphml"
begin
expect "30,000 unclosed « ( [: exit 0, one sentence (weight 1)" 0 - \
    --then "weight is not 1" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- "$SG" extract -g g.tsv unclosed.txt -o "$O/g.graphml"

# CR-only line ends (old Mac): "\r\r" is a blank line (paragraph break), a
# single "\r" is a line break inside a paragraph.
printf "Titre\r\rL'ARS Paca et\rl'AP-HM. Puis\rl'ARS seule.\r\rL'AP-HM\rseule.\r" >cr.txt
printf "L'ARS Paca ouvre\r\rl'AP-HM suit\r" >cr-para.txt
printf "L'ARS Paca ouvre\rl'AP-HM suit\r" >cr-line.txt
begin
expect "CR-only line ends, sentence unit: mentions at the right bytes, one sentence links them" 0 - \
    --then "mentions are not 9-17 23-28 37-40 51-56" "mentions_are '$W/out$n/m.tsv' '9 17 org:ars' '23 28 org:aphm' '37 40 org:ars' '51 56 org:aphm'" \
    --then "weight is not 1" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- "$SG" extract -g g.tsv cr.txt -o "$O/g.graphml" --mentions "$O/m.tsv"
begin
expect "CR-only line ends, paragraph unit: \\r\\r separates paragraphs (no edge)" 0 - \
    --then "an edge crosses the \\r\\r paragraph break" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 0" \
    -- "$SG" extract -g g.tsv --unit paragraph cr-para.txt -o "$O/g.graphml"
begin
expect "CR-only line ends, sentence unit: a single \\r does not end the sentence (edge)" 0 - \
    --then "no edge across a single \\r" "edge_weight '$W/out$n/g.graphml' org:ars org:aphm 1" \
    -- "$SG" extract -g g.tsv cr-line.txt -o "$O/g.graphml"

echo "# --- gazetteers (every failing run must leave the previous outputs untouched)"
printf "$SENT\n" >t.txt

printf 'id\tlabel\ttype\n# comment\norg:a\tA Santé\torganisation\norg:b\tB Santé\n' >missing-col.tsv
begin
expect "gazetteer line with a missing column: file:line, exit 1" 1 \
    "^stakegraph: missing-col\\.tsv:4: missing column 'type'$" \
    -- "$SG" extract -g missing-col.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

printf 'id\tlabel\norg:a\tA Santé\n' >missing-hdr.tsv
begin
expect "gazetteer header without the 'type' column: file:1, exit 1" 1 \
    "^stakegraph: missing-hdr\\.tsv:1: the header has no 'type' column" \
    -- "$SG" extract -g missing-hdr.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

printf 'id\tlabel\ttype\norg:a\tA Santé\torganisation\norg:b\tB Santé\torganisation\norg:a\tC Santé\torganisation\n' >dup.tsv
begin
expect "duplicate id in one file: the line and the first definition, exit 1" 1 \
    "^stakegraph: dup\\.tsv:4: duplicate id 'org:a' \\(first defined at dup\\.tsv:2\\)" \
    -- "$SG" extract -g dup.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

printf 'id\tlabel\ttype\taliases\norg:a\tA Santé\torganisation\tAS||ASA\n' >empty-alias.tsv
printf 'id\tlabel\ttype\taliases\norg:a\tA Santé\torganisation\tAS|\n' >empty-alias2.tsv
begin
expect "empty alias between two '|': file:line, exit 1" 1 \
    "^stakegraph: empty-alias\\.tsv:2: empty alias" \
    -- "$SG" extract -g empty-alias.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
begin
expect "empty alias after a trailing '|': file:line, exit 1" 1 \
    "^stakegraph: empty-alias2\\.tsv:2: empty alias" \
    -- "$SG" extract -g empty-alias2.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

printf 'id\tlabel\ttype\tpattern\norg:a\tA Santé\torganisation\t\norg:c\tUne clinique\torganisation\t(?i)clinique(\\s+\\p{Lu}\n' >bad-pattern.tsv
begin
expect "invalid PCRE2 pattern: file:line and the reason, exit 1" 1 \
    "^stakegraph: bad-pattern\\.tsv:3: invalid pattern .*missing closing parenthesis" \
    -- "$SG" extract -g bad-pattern.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

# Catastrophic backtracking: the match limit must stop it with an error that
# names the document and the gazetteer line, in well under the 60 s timeout.
printf 'id\tlabel\ttype\tpattern\norg:a\tA Santé\torganisation\t\norg:b\tB Santé\torganisation\t(a+)+$\n' >bt1.tsv
printf 'id\tlabel\ttype\tpattern\norg:x\tX Santé\torganisation\t(x+x+)+y\n' >bt2.tsv
"$PY" -c 'open("bt1.txt", "w").write("Un texte. " + "a" * 5000 + "b\n")'
"$PY" -c 'open("bt2.txt", "w").write("Un texte. " + "x" * 5000 + "z y\n")'
begin
expect "(a+)+\$ on 5,000 'a' then 'b': match-limit error naming the document and bt1.tsv:3, exit 1, no hang" 1 \
    "^stakegraph: bt1\\.txt: .*'org:b' \\(bt1\\.tsv:3\\) hit its match limit" \
    -- "$SG" extract -g bt1.tsv bt1.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
begin
expect "(x+x+)+y on 5,000 'x' then 'z y': match-limit error naming the document and bt2.tsv:2, exit 1, no hang" 1 \
    "^stakegraph: bt2\\.txt: .*'org:x' \\(bt2\\.tsv:2\\) hit its match limit" \
    -- "$SG" extract -g bt2.tsv bt2.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
# The error says "byte N: ... hit its match limit here": N must not be before
# the paragraph that holds the runaway text (1 MB of clean prose, a blank line,
# then the 'aaa...b' paragraph, which starts at byte 1,000,012).
"$PY" -c 'open("bt3.txt", "w").write("Une phrase sans rien. " * 45455 + "\n\n" + "a" * 5000 + "b\n")'
pstart=$(($(stat -c %s bt3.txt) - 5002))
begin
expect "match limit hit far into a document: the byte offset is not before the paragraph that blew up (byte $pstart)" 1 \
    "^stakegraph: bt3\\.txt: byte [0-9]+: .*hit its match limit" \
    --then "the reported byte offset is before byte $pstart" \
    "[ \$(sed -n 's/^stakegraph: bt3\\.txt: byte \\([0-9]*\\):.*/\\1/p' '$W/stderr') -ge $pstart ]" \
    -- "$SG" extract -g bt1.tsv bt3.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"

echo "# --- files that cannot be read"

# As root, permissions do not apply: run the binary without CAP_DAC_*.
NOPRIV=()
if [ "$(id -u)" -eq 0 ]; then
    # shellcheck disable=SC2054 # the commas are setpriv's capability lists
    NOPRIV=(setpriv --inh-caps=-dac_override,-dac_read_search
        --bounding-set=-dac_override,-dac_read_search)
    echo secret >probe.txt
    chmod 000 probe.txt
    if ! command -v setpriv >/dev/null || "${NOPRIV[@]}" cat probe.txt >/dev/null 2>&1; then
        NOPRIV=(none)
    else
        echo "# running as root: unreadable-file cases run stakegraph through ${NOPRIV[*]}"
    fi
fi
echo "$SENT" >unreadable.txt
chmod 000 unreadable.txt
mkdir -p tree/a tree/b tree/c
echo "$SENT" >tree/a/1.txt
echo "$SENT" >tree/b/2.txt
echo "$SENT" >tree/c/3.txt
chmod 000 tree/b/2.txt
cp g.tsv unreadable.tsv
chmod 000 unreadable.tsv
if [ "${NOPRIV[0]:-}" = none ]; then
    skipped "unreadable file (chmod 000)" "running as root and setpriv cannot drop CAP_DAC_OVERRIDE here"
    skipped "unreadable file inside an input directory" "same"
    skipped "unreadable gazetteer" "same"
else
    begin
    expect "unreadable file (chmod 000): file named with the reason, exit 1" 1 \
        '^stakegraph: unreadable\.txt: Permission denied$' \
        -- "${NOPRIV[@]}" "$SG" extract -g g.tsv unreadable.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
    begin
    expect "unreadable file inside an input directory: that file named, exit 1" 1 \
        '^stakegraph: tree/b/2\.txt: Permission denied$' \
        -- "${NOPRIV[@]}" "$SG" extract -g g.tsv tree -o "$O/prev.graphml" --mentions "$O/prev.tsv"
    begin
    expect "unreadable gazetteer (chmod 000): file named, exit 1" 1 \
        '^stakegraph: unreadable\.tsv: cannot open: Permission denied$' \
        -- "${NOPRIV[@]}" "$SG" extract -g unreadable.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
fi
begin
expect "a file that opens but cannot be read (/proc/self/mem, EIO): file named, exit 1" 1 \
    '^stakegraph: /proc/self/mem: Input/output error$' \
    -- "$SG" extract -g g.tsv /proc/self/mem -o "$O/prev.graphml" --mentions "$O/prev.tsv"

begin
expect "missing directory as input: named, exit 1" 1 \
    '^stakegraph: no/such/dir/: No such file or directory$' \
    -- "$SG" extract -g g.tsv no/such/dir/ -o "$O/prev.graphml" --mentions "$O/prev.tsv"
begin
expect "missing gazetteer directory: named, exit 1" 1 \
    '^stakegraph: no/such/gazetteers/: cannot open: No such file or directory$' \
    -- "$SG" extract -g no/such/gazetteers/ t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv"
mkdir -p loop/a
echo "$SENT" >loop/a/1.txt
ln -s .. loop/a/up
begin
expect "symbolic-link loop inside an input directory: clear error, no hang, exit 1" 1 \
    '^stakegraph: loop/a/up/.*: directories nested too deeply' \
    -- "$SG" extract -g g.tsv loop -o "$O/prev.graphml" --mentions "$O/prev.tsv"

echo "# --- outputs that cannot be written"

begin
expect "output into a missing directory (with a second, writable output): named, exit 1" 1 \
    "^stakegraph: $W/out$n/no/dir/x\\.graphml: cannot write: No such file or directory$" \
    -- "$SG" extract -g g.tsv t.txt -o "$O/prev.graphml" -o "$O/no/dir/x.graphml" --mentions "$O/prev.tsv"
begin
expect "mentions into a missing directory: named, exit 1" 1 \
    "^stakegraph: $W/out$n/no/dir/m\\.tsv: cannot write: No such file or directory$" \
    -- "$SG" extract -g g.tsv t.txt -o "$O/prev.graphml" --mentions "$O/no/dir/m.tsv"
begin
expect "output is a directory: named, exit 1" 1 \
    "^stakegraph: $W/out$n: is a directory$" \
    -- "$SG" extract -g g.tsv t.txt -o "$O" --mentions "$O/prev.tsv"

begin
expect "GraphML to /dev/full (with a second output): 'No space left on device', exit 1" 1 \
    '^stakegraph: /dev/full: cannot write: No space left on device$' \
    -- "$SG" extract -g g.tsv t.txt -o "$O/prev.graphml" -o /dev/full --mentions "$O/prev.tsv"
begin
expect "DOT to /dev/full: 'No space left on device', exit 1" 1 \
    '^stakegraph: /dev/full: cannot write: No space left on device$' \
    -- "$SG" extract -g g.tsv t.txt -f dot -o /dev/full
begin
expect "GraphML on standard output redirected to /dev/full: exit 1 with a message" 1 \
    '^stakegraph: (-|standard output): cannot write: No space left on device$' \
    -- bash -c "exec '$SG' extract -g g.tsv t.txt >/dev/full"
begin
expect "small mentions file to /dev/full (error found only at close): exit 1 and the graph output untouched" 1 \
    '^stakegraph: /dev/full: cannot write: No space left on device$' \
    -- "$SG" extract -g g.tsv t.txt -o "$O/prev.graphml" --mentions /dev/full
# Pictures: a link named *.svg/*.png/*.pdf to /dev/full (written in place).
for fmt in svg png pdf; do
    ln -sf /dev/full "full.$fmt"
    begin
    expect "$fmt picture of the example corpus to /dev/full (with a GraphML output): a message, exit 1" 1 \
        "^stakegraph: $W/full\\.$fmt: cannot write" \
        -- "$SG" extract -q -g "$GAZDIR" "$CORPUS" -o "$O/prev.graphml" -o "$W/full.$fmt"
done
"$SG" extract -q -g "$GAZDIR" "$CORPUS" -o net.graphml
begin
expect "render: svg picture to /dev/full: a message, exit 1" 1 \
    "^stakegraph: $W/full\\.svg: cannot write" \
    -- "$SG" render net.graphml -o "$W/full.svg" -o "$O/prev.graphml"
begin
expect "stats to /dev/full: a message, exit 1" 1 \
    '^stakegraph: standard output: write error' \
    -- bash -c "exec '$SG' stats net.graphml >/dev/full"

# A full disk for regular files: RLIMIT_FSIZE of 8 KiB, SIGXFSZ ignored.
LIMITED=(bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' limited)
begin
expect "full disk (EFBIG past 8 KiB) for a GraphML file: named, exit 1, no temporary file" 1 \
    "^stakegraph: $W/out$n/prev\\.graphml: cannot write: File too large$" \
    -- "${LIMITED[@]}" "$SG" extract -q -g "$GAZDIR" "$CORPUS" -o "$O/prev.graphml"
begin
expect "full disk (EFBIG past 8 KiB) for a mentions file: named, exit 1, graph untouched" 1 \
    "^stakegraph: $W/out$n/prev\\.tsv: cannot write: File too large$" \
    -- "${LIMITED[@]}" "$SG" extract -q -g "$GAZDIR" "$CORPUS" -o "$O/prev.graphml" --mentions "$O/prev.tsv"
for fmt in svg png; do
    begin
    printf 'previous picture\n' >"$O/prev.$fmt"
    cp "$O/prev.$fmt" "$W/ref$n.$fmt"
    (cd "$O" && ls -A) >"$W/ls$n.before"
    expect "full disk (EFBIG past 8 KiB) for a $fmt picture: named, exit 1, no temporary file, previous picture kept" 1 \
        "^stakegraph: $W/out$n/prev\\.$fmt: cannot write" \
        --then "the previous picture was changed" "cmp '$W/out$n/prev.$fmt' '$W/ref$n.$fmt'" \
        -- "${LIMITED[@]}" "$SG" extract -q -g "$GAZDIR" "$CORPUS" -o "$O/prev.$fmt"
done

# Further cases, one file a topic (tests/robustness/cases/*.sh), sourced here
# with everything above in scope; each leaves the working directory at $W.
for cases in "$SRC"/tests/robustness/cases/*.sh; do
    [ -e "$cases" ] || continue
    echo "# --- ${cases##*/}"
    # shellcheck disable=SC1090
    . "$cases"
    cd "$W" || exit 1
done

echo "$pass passed, $fail failed"
[ $skip -gt 0 ] && echo "# $skip skipped"
[ $fail -eq 0 ]
