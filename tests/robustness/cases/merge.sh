# Counts files and merge (issue 20, item 5): truncated shards are refused,
# the same shard under two names is read once, sums past 2^53 stay exact in
# .pairs files and are refused for networks, sums past 2^63-1 are refused.
# Sourced by matrix.sh (its helpers and $SG, $W, $O, $PY, g.tsv and $SENT in
# scope).

echo "# --- merge: counts files"
mkdir -p merge
cd merge || exit 1
echo "$SENT" >d1.txt
echo "AP-HM. $SENT $SENT" >d2.txt
"$SG" extract -q -g ../g.tsv d1.txt -o a.pairs
"$SG" extract -q -g ../g.tsv d2.txt -o b.pairs
"$SG" merge -q -g ../g.tsv a.pairs -o once.pairs
"$SG" merge -q -g ../g.tsv a.pairs -o once.graphml
HEAD=$(head -n 1 a.pairs)

# Truncated shards: a copy cut short at several points. A last line without
# its line break is refused naming it; a shard cut after its header lacks its
# totals. (A cut at a line break after the totals cannot be told apart.)
# b.pairs: header, documents, units, two nodes, "pair\t...\t2\t1\td2.txt".
head -c -1 b.pairs >cut-newline.pairs
head -c -4 b.pairs >cut-name.pairs
head -c -7 b.pairs >cut-tab.pairs
head -n 4 b.pairs | head -c -1 >cut-node.pairs
printf '%s\ndocuments\t1\nunits\t12' "$HEAD" | head -c -1 >cut-number.pairs
printf '%s' "$HEAD" >cut-header.pairs
printf '%s\n' "$HEAD" >header-only.pairs
printf '%s\r\ndocuments\t1\r\nunits\t1\r' "$HEAD" >cut-crlf.pairs
for c in "just before the final newline:cut-newline:6" "document name:cut-name:6" \
    "pair right after a tab:cut-tab:6" "node line's last count:cut-node:4" \
    "number (units 12 cut to 1):cut-number:3" "header:cut-header:1" \
    "CR LF line end:cut-crlf:3"; do
    IFS=: read -r what f line <<<"$c"
    begin
    expect "merge: a shard cut in its $what (no final newline): refused naming the line, no output" 1 \
        "^stakegraph: $f\\.pairs:$line: truncated line \\(no newline at the end of the file\\)" \
        -- "$SG" merge -g ../g.tsv a.pairs "$f.pairs" -o "$O/prev.graphml" -o "$O/new.pairs"
done
begin
expect "merge: a shard that is its header alone: refused (no totals), no output" 1 \
    "^stakegraph: header-only\\.pairs: 1 header but 0 'documents' and 0 'units' lines" \
    -- "$SG" merge -g ../g.tsv a.pairs header-only.pairs -o "$O/prev.graphml"

# The same shard twice: identified by device and inode, whatever its names.
ln -f a.pairs hard.pairs
ln -sf a.pairs sym.pairs
mkdir -p dir
cp a.pairs dir/a.pairs
for c in "a.pairs a.pairs" "a.pairs ./a.pairs" "a.pairs hard.pairs" "sym.pairs a.pairs" \
    "dir dir/a.pairs" "dir ./dir"; do
    begin
    expect "merge $c: the same file twice, read once with a warning" 0 \
        '^stakegraph: warning: [^ ]+: same file as [^ ]+; read once$' \
        --then "the merged counts are not those of one shard" "cmp '$O/m.pairs' '$W/merge/once.pairs'" \
        --then "more than one warning" "[ \$(wc -l <'$W/stderr') -eq 1 ]" \
        -- "$SG" merge -g ../g.tsv $c -o "$O/m.pairs"
done
begin
expect "merge a.pairs ./a.pairs: the warning names both spellings" 0 \
    '^stakegraph: warning: a\.pairs: same file as \./a\.pairs; read once$' \
    --then "the network is not that of one shard" "cmp '$O/m.graphml' '$W/merge/once.graphml'" \
    -- "$SG" merge -g ../g.tsv a.pairs ./a.pairs -o "$O/m.graphml"
begin
expect "merge -q a.pairs hard.pairs: read once, no warning" 0 - \
    --then "the merged counts are not those of one shard" "cmp '$O/m.pairs' '$W/merge/once.pairs'" \
    -- "$SG" merge -q -g ../g.tsv a.pairs hard.pairs -o "$O/m.pairs"
begin
expect "merge - a.pairs with a.pairs on a pipe: a pipe is not deduplicated (counted twice)" 0 - \
    --then "documents are not 2" "grep -qx 'documents	2' '$O/m.pairs'" \
    -- bash -c "cat a.pairs | exec '$SG' merge -g ../g.tsv - a.pairs -o '$O/m.pairs'"
begin
expect "merge - a.pairs with a.pairs redirected (a regular file): read once" 0 \
    '^stakegraph: warning: a\.pairs: same file as -; read once$' \
    --then "the merged counts are not those of one shard" "cmp '$O/m.pairs' '$W/merge/once.pairs'" \
    -- bash -c "exec '$SG' merge -g ../g.tsv - a.pairs -o '$O/m.pairs' <a.pairs"

# Sums past 2^53: hand-written shards (the header of a real one) whose pair
# weight adds up to 2^53 + 1. Counts files hold it exactly and read it back;
# a network (doubles) would round it: refused.
shard() { # FILE NAME WEIGHT: one document NAME, nodes counted once
    printf '%s\ndocuments\t1\nunits\t1\nnode\torg:aphm\t1\t1\t1\nnode\torg:ars\t1\t1\t1\npair\torg:aphm\torg:ars\t%s\t1\t%s\n' \
        "$HEAD" "$3" "$2" >"$1"
}
shard big1.pairs d1 4503599627370497  # 2^52 + 1
shard big2.pairs d2 4503599627370496  # 2^52
shard exact.pairs d 9007199254740992  # 2^53
shard max.pairs d 9223372036854775807 # 2^63 - 1
shard half1.pairs d1 4611686018427387904 # 2^62
shard half2.pairs d2 4611686018427387904
begin
expect "merge to .pairs of weights summing to 2^53 + 1: exact, and merged again byte for byte" 0 - \
    --then "the weight is not 9007199254740993" "grep -qx 'pair	org:aphm	org:ars	9007199254740993	2	d1	d2' '$O/sum.pairs'" \
    --then "merging the sum again changes it" "'$SG' merge -q -g '$W/g.tsv' '$O/sum.pairs' -o '$O/again.pairs' && cmp '$O/sum.pairs' '$O/again.pairs'" \
    -- "$SG" merge -g ../g.tsv big1.pairs big2.pairs -o "$O/sum.pairs"
begin
expect "merge to GraphML (and .pairs) of weights summing to 2^53 + 1: refused, no output" 1 \
    "^stakegraph: pair 'org:aphm' 'org:ars': weight 9007199254740993: networks hold weights exactly only up to 2\\^53 = 9007199254740992; keep writing \\.pairs" \
    -- "$SG" merge -g ../g.tsv big1.pairs big2.pairs -o "$O/prev.graphml" -o "$O/sum.pairs"
begin
expect "merge to CSV tables of weights summing to 2^53 + 1: refused, no output" 1 \
    'networks hold weights exactly only up to 2\^53 = 9007199254740992' \
    -- "$SG" merge -g ../g.tsv big1.pairs big2.pairs -f csv -o "$O/csv"
begin
expect "merge of a weight of exactly 2^53 to GraphML: accepted, exact" 0 - \
    --then "the weight is not 9007199254740992" "edge_weight '$O/g.graphml' org:aphm org:ars 9007199254740992" \
    -- "$SG" merge -g ../g.tsv exact.pairs -o "$O/g.graphml"
begin
expect "merge of a weight of 2^63 - 1 to .pairs: exact" 0 - \
    --then "the weight is not 9223372036854775807" "grep -q '	9223372036854775807	1	d\$' '$O/max.pairs'" \
    -- "$SG" merge -g ../g.tsv max.pairs -o "$O/max.pairs"

# Values past 2^63 - 1: a count written so, and sums across files.
sed 's/\t9223372036854775807\t1\td$/\t9223372036854775808\t1\td/' max.pairs >over.pairs
begin
expect "merge of a count of 2^63: refused naming the file, the line and the limit" 1 \
    "^stakegraph: over\\.pairs:6: pair 'org:aphm' 'org:ars': a count too large \\(over 2\\^63-1 = 9223372036854775807\\)$" \
    -- "$SG" merge -g ../g.tsv over.pairs -o "$O/prev.graphml"
begin
expect "merge of weights summing past 2^63 - 1 across files: refused naming the pair and the files" 1 \
    "^stakegraph: half2\\.pairs: pair 'org:aphm' 'org:ars': sum too large \\(over 2\\^63-1 = 9223372036854775807\\) with the counts read before \\(half1\\.pairs\\)$" \
    -- "$SG" merge -g ../g.tsv half1.pairs half2.pairs -f pairs -o "$O/prev.graphml"
cd "$W" || exit 1
