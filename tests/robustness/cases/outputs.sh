# Output files (issue 20): symbolic links at the output name, other users in
# shared directories, /dev, modes and the umask, write-protected files, signals
# at several moments, file-size limits, a rename failing between two outputs,
# long names, two outputs of one name. Sourced by matrix.sh (its helpers and
# $SG, $W, $O, g.tsv and t.txt in scope).

# begin has listed the output directory; a case that adds files to it lists
# them again, so that only files the run makes count as new.
relist() { (cd "$O" && ls -A) >"$W/ls$n.before"; }

# Runs a command as another user (nobody), where this script runs as root and
# that user can reach the binary and this directory.
OTHER=65534
AS_OTHER=(setpriv --reuid=$OTHER --regid=$OTHER --clear-groups)
as_other() { "${AS_OTHER[@]}" "$@"; }
can_switch=0
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
    as_other test -x "$SG" && as_other test -r "$W/g.tsv"; then
    can_switch=1
fi

echo "# --- output names: links, other users, /dev"

# A link another user placed at the output name, in a shared (sticky,
# world-writable) directory, pointing at a file of the runner's.
if [ $can_switch -eq 1 ]; then
    begin
    chmod 1777 "$O"
    printf 'victim\n' >"$W/victim$n"
    as_other ln -s "$W/victim$n" "$O/net.graphml"
    relist
    expect "another user's link at the output name (sticky shared directory, run as root): the name gets the new file, the link's target is untouched" 0 - \
        --then "the target of the link was changed" "test \"\$(cat '$W/victim$n')\" = victim" \
        --then "the output name is not the new graph" "test ! -L '$W/out$n/net.graphml' && grep -q '<graphml' '$W/out$n/net.graphml'" \
        -- "$SG" extract -q -g g.tsv t.txt -o "$O/net.graphml"

    # The other way round: root's link in a sticky directory, another user runs.
    begin
    chmod 1777 "$O"
    printf 'victim\n' >"$W/victim$n"
    ln -s "$W/victim$n" "$O/net.graphml"
    mkfifo "$W/never$n.txt" # nobody writes to it: the run must stop before reading it
    chmod 666 "$W/never$n.txt"
    relist
    expect "root's link at the output name in a sticky directory, run by another user: refused at once (before reading the input), target untouched" 1 \
        "^stakegraph: $W/out$n/net\\.graphml: belongs to another user in a sticky directory" \
        --then "the target of the link was changed" "test \"\$(cat '$W/victim$n')\" = victim" \
        -- "${AS_OTHER[@]}" "$SG" extract -q -g g.tsv "$W/never$n.txt" -o "$O/net.graphml"

    # Another user's (root's) regular file in a sticky directory: refused
    # before the work (the kernel would refuse the rename at the end).
    begin
    chmod 1777 "$O"
    mkfifo "$W/never$n.txt"
    chmod 666 "$W/never$n.txt"
    expect "another user's file in a sticky directory: refused at once, before reading the input" 1 \
        "^stakegraph: $W/out$n/prev\\.graphml: belongs to another user in a sticky directory" \
        -- "${AS_OTHER[@]}" "$SG" extract -q -g g.tsv "$W/never$n.txt" -o "$O/prev.graphml"
else
    skipped "links and files of another user in a sticky directory" "not root, no setpriv, or user $OTHER cannot reach $SG"
fi

begin
ln -s /dev/null "$O/null.graphml"
relist
expect "a link of the runner's to a character device (/dev/null): written in place, the link stays" 0 - \
    --then "the link was replaced" "test -L '$W/out$n/null.graphml'" \
    -- "$SG" extract -q -g g.tsv t.txt -o "$O/null.graphml"

shm=/dev/shm/stakegraph-matrix-$$.graphml
if [ -d /dev/shm ] && printf 'previous\n' >"$shm" 2>/dev/null; then
    begin
    printf '\xff\n' >bad-utf8.txt
    expect "/dev/shm/x.graphml is a regular file: a failed run leaves the previous file" 1 \
        "invalid UTF-8" \
        --then "the /dev/shm file was changed" "test \"\$(cat '$shm')\" = previous" \
        -- "$SG" extract --strict -g g.tsv bad-utf8.txt -o "$shm"
    begin
    expect "/dev/shm/x.graphml: a good run replaces it with a whole graph" 0 - \
        --then "the /dev/shm file is not the graph" "grep -q '</graphml>' '$shm'" \
        -- "$SG" extract -q -g g.tsv t.txt -o "$shm"
    rm -f "$shm"
else
    skipped "/dev/shm outputs" "no writable /dev/shm"
fi

dotdot=/dev/../$W/dotdot.graphml
printf 'previous\n' >"$W/dotdot.graphml"
begin
expect "/dev/../DIR/x.graphml is a regular file: a failed run leaves the previous file" 1 \
    "invalid UTF-8" \
    --then "the file was changed" "test \"\$(cat '$W/dotdot.graphml')\" = previous" \
    -- "$SG" extract --strict -g g.tsv bad-utf8.txt -o "$dotdot"

echo "# --- modes"

begin
chmod 444 "$O/prev.graphml"
mkfifo "$W/never$n.txt"
expect "a write-protected (0444) output: refused at once (before reading the input), named as given" 1 \
    "^stakegraph: out$n/prev\\.graphml: is write-protected" \
    --then "the file's mode changed" "test \"\$(stat -c %a '$W/out$n/prev.graphml')\" = 444" \
    -- "$SG" extract -q -g g.tsv "$W/never$n.txt" -o "out$n/prev.graphml"

begin
expect "umask 077: a new output is 0600" 0 - \
    --then "the mode is not 600" "test \"\$(stat -c %a '$W/out$n/new.graphml')\" = 600" \
    -- bash -c "umask 077; exec '$SG' extract -q -g g.tsv t.txt -o '$O/new.graphml' --mentions '$O/new.tsv'"
begin
expect "umask 027: a new output is 0640" 0 - \
    --then "the mode is not 640" "test \"\$(stat -c %a '$W/out$n/new.graphml')\" = 640" \
    -- bash -c "umask 027; exec '$SG' extract -q -g g.tsv t.txt -o '$O/new.graphml'"
begin
chmod 604 "$O/prev.graphml"
expect "a replaced file of the runner's keeps its mode (0604, umask 077)" 0 - \
    --then "the mode is not 604" "test \"\$(stat -c %a '$W/out$n/prev.graphml')\" = 604" \
    -- bash -c "umask 077; exec '$SG' extract -q -g g.tsv t.txt -o '$O/prev.graphml'"
if [ $can_switch -eq 1 ]; then
    begin
    chmod 777 "$O"
    as_other bash -c "printf 'theirs\\n' >'$O/theirs.graphml'; chmod 4777 '$O/theirs.graphml'"
    relist
    expect "another user's 0777 file, replaced (non-sticky directory): the new file has the runner's umask mode, not theirs" 0 - \
        --then "the mode is not 644" "test \"\$(stat -c %a '$W/out$n/theirs.graphml')\" = 644" \
        -- bash -c "umask 022; exec '$SG' extract -q -g g.tsv t.txt -o '$O/theirs.graphml'"
fi

echo "# --- signals, limits, renames"

# The run is held on a FIFO (its input, or an output) with every output
# already open; the signal must leave no temporary file and every previous
# file as it was, and end the run by that signal.
for sig in INT TERM HUP QUIT PIPE; do
    begin
    mkfifo "$W/in$n.txt"
    expect "SIG$sig while reading the input (outputs open): no temporary file, previous files kept, ended by the signal" 0 - \
        -- bash -c "set -m; ulimit -c 0
'$SG' extract -q -g g.tsv '$W/in$n.txt' -o '$O/prev.graphml' -o '$O/new.dot' --mentions '$O/prev.tsv' &
p=\$!
exec 3>'$W/in$n.txt'   # the run has opened its outputs and waits for text
exec 4>&2 2>/dev/null   # (bash's own job report kept off standard error)
printf 'L’ARS Paca et ' >&3
sleep 0.3
ls '$O'/*.tmp* >/dev/null || { echo 'stakegraph: no temporary file before the signal' >&4; exit 1; }
kill -$sig \$p
wait \$p
rc=\$?
[ \$rc -eq \$((128 + \$(kill -l $sig))) ] || { echo \"stakegraph: exit \$rc\" >&4; exit 1; }"
done
# A longer run (about 2 s): 480,000 sentences naming two actors each.
"$PY" -c 'import sys
names = ["l’ARS Paca", "l’AP-HM"]
with open(sys.argv[1], "w") as f:
    for i in range(480000):
        f.write("Le %d, %s a reçu %s. " % (i, names[i % 2], names[(i + 1) % 2]))
        if i % 8 == 7: f.write("\n\n")' big.txt
for sig in INT TERM; do
    begin
    mkfifo "$W/slow$n.tsv"
    expect "SIG$sig while writing the mentions into a FIFO nobody reads on (graph output open): no temporary file, previous files kept" 0 - \
        -- bash -c "set -m
'$SG' extract -q -g g.tsv big.txt -o '$O/prev.graphml' --mentions '$W/slow$n.tsv' &
p=\$!
exec 3<'$W/slow$n.tsv'
exec 4>&2 2>/dev/null
head -c 100 <&3 >/dev/null  # reads a little, then stops: the run blocks writing
sleep 0.3
ls '$O'/*.tmp* >/dev/null || { echo 'stakegraph: no temporary file before the signal' >&4; exit 1; }
kill -$sig \$p
wait \$p
[ \$? -eq \$((128 + \$(kill -l $sig))) ] || { echo 'stakegraph: not ended by the signal' >&4; exit 1; }"
done

# At times spread over the longer run: whichever moment the signal hits, no
# temporary file is left, and each output is the previous file or a whole new one.
for t in 0.05 0.2 0.5 1 1.5; do
    begin
    expect "SIGTERM after $t s of a longer run (every output): no temporary file; each output the previous one or a whole graph" 0 - \
        --then "an output is neither the previous file nor a whole new one" "for f in prev.graphml new.graphml; do test ! -e '$W/out$n/'\$f || cmp -s '$W/out$n/'\$f '$W/ref$n.graphml' || grep -q '</graphml>' '$W/out$n/'\$f || exit 1; done; test ! -e '$W/out$n/new.svg' || grep -q '</svg>' '$W/out$n/new.svg'" \
        -- bash -c "set -m
'$SG' extract -q -g g.tsv big.txt -o '$O/prev.graphml' -o '$O/new.graphml' -o '$O/new.svg' --mentions '$O/m.tsv' &
p=\$!
exec 4>&2 2>/dev/null
sleep $t
kill -TERM \$p
wait \$p
rc=\$?
[ \$rc -eq 0 ] || [ \$rc -eq 143 ] || { echo \"stakegraph: exit \$rc\" >&4; exit 1; }"
done

begin
expect "file-size limit (ulimit -f 8, SIGXFSZ not ignored by the caller): a message naming the file, exit 1, no temporary file" 1 \
    "^stakegraph: $W/out$n/prev\\.graphml: cannot write: File too large$" \
    -- bash -c "ulimit -f 8; exec '$SG' extract -q -g '$GAZDIR' '$CORPUS' -o '$O/prev.graphml'"

# A rename that fails between two outputs: the second target is immutable
# (chattr +i, root on ext4/xfs/btrfs), so it cannot be replaced at the end.
begin
printf 'locked\n' >"$O/locked.graphml"
if chattr +i "$O/locked.graphml" 2>/dev/null; then
    relist
    expect "the last of three outputs cannot be replaced at the end: the others are put back too (all old), exit 1, named as given" 1 \
        "^stakegraph: out$n/\\./locked\\.graphml: cannot replace the previous file: Operation not permitted" \
        --then "the locked file changed" "test \"\$(cat '$W/out$n/locked.graphml')\" = locked" \
        -- "$SG" extract -q -g g.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.tsv" -o "out$n/./locked.graphml"
    chattr -i "$W/out$n/locked.graphml"
else
    O=
    skipped "a rename failing between two outputs" "chattr +i is not possible here (not root, or the file system has no immutable flag)"
fi

echo "# --- names"

long=$(printf 'n%.0s' $(seq 1 240)).graphml # 248 bytes, legal (NAME_MAX is 255)
begin
expect "a 248-byte file name (legal) is written" 0 - \
    --then "the file is not there" "grep -q '</graphml>' '$W/out$n/$long'" \
    -- "$SG" extract -q -g g.tsv t.txt -o "$O/$long"
begin
expect "-o x.graphml --mentions x.graphml: refused before the work, named" 1 \
    "^stakegraph: $W/out$n/prev\\.graphml: is already another output of this run" \
    -- "$SG" extract -q -g g.tsv t.txt -o "$O/prev.graphml" --mentions "$O/prev.graphml"
begin
expect "-o out/x.graphml -o out/../out/x.graphml: the same file, refused" 1 \
    "is already another output of this run" \
    -- "$SG" extract -q -g g.tsv t.txt -o "$O/prev.graphml" -o "$O/../out$n/prev.graphml"
