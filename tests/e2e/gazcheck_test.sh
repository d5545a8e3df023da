#!/bin/bash
# stakegraph gazetteer check (SPEC §15): errors with FILE:LINE and exit 1,
# warnings alone exit 0, usage errors 2, the bundled gazetteers load.
# usage: gazcheck_test.sh STAKEGRAPH SOURCE_DIR
set -u
sg=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
T=$'\t'

# errors on given lines, in two files of a directory
mkdir "$tmp/bad"
printf 'id\tlabel\ttype\taliases\nplace:a\tXalpha\tplace\t\nplace:b\tXbeta\tplace\tx||y\nplace:a\tXalpha bis\tplace\t\n' > "$tmp/bad/one.tsv"
printf 'id\tlabel\ttype\tpattern\nplace:a\tXalpha two\tplace\t\nplace:c\tXgamma\tplace\t(?i)clinique[\n' > "$tmp/bad/two.tsv"
out=$("$sg" gazetteer check "$tmp/bad"); rc=$?
[ $rc -eq 1 ] || die "errors: exit $rc, expected 1"
grep -q "^$tmp/bad/one.tsv:3: error: empty alias" <<<"$out" || die "empty alias not on one.tsv:3: $out"
grep -q "^$tmp/bad/one.tsv:4: error: duplicate id 'place:a' (first defined at $tmp/bad/one.tsv:2)" <<<"$out" || die "duplicate id in a file: $out"
grep -q "^$tmp/bad/two.tsv:2: error: duplicate id 'place:a' (first defined at $tmp/bad/one.tsv:2)" <<<"$out" || die "duplicate id across files: $out"
grep -q "^$tmp/bad/two.tsv:3: error: invalid pattern" <<<"$out" || die "invalid pattern not on two.tsv:3: $out"
tail -1 <<<"$out" | grep -q '^4 errors, 0 warnings$' || die "summary: $out"

# warnings only: exit 0, each on its line
cat > "$tmp/warn.tsv" <<TSV
id${T}label${T}type${T}aliases${T}guard
place:nice${T}Nice${T}place${T}${T}
org:chu${T}CHU de Nice${T}organisation${T}${T}
place:tours${T}Tours${T}place${T}${T}
place:orange${T}Orange${T}place${T}${T}exact
org:ars${T}Agence régionale de santé${T}organisation${T}ARS${T}
place:ars${T}Ars${T}place${T}${T}cue
place:ars2${T}Ars${T}place${T}${T}cue
TSV
out=$("$sg" gazetteer check "$tmp/warn.tsv"); rc=$?
[ $rc -eq 0 ] || die "warnings: exit $rc, expected 0"
grep -q "^$tmp/warn.tsv:4: warning: .*'tours'.*\[common-word\]$" <<<"$out" || die "common word: $out"
grep -q "^$tmp/warn.tsv:7: warning: .*\[shadowed\]$" <<<"$out" || die "shadowed: $out"
grep -q "^$tmp/warn.tsv:8: warning: .*place:ars (.*warn.tsv:7).*\[shared\]$" <<<"$out" || die "shared: $out"
grep -q "warn.tsv:[235]:" <<<"$out" && die "Nice, CHU de Nice or guarded Orange flagged: $out"
tail -1 <<<"$out" | grep -q '^0 errors, [1-9][0-9]* warnings\?$' || die "summary: $out"

# a missing word list is a warning, not a failure; --no-words skips it
out=$("$sg" gazetteer check --no-words "$tmp/warn.tsv"); rc=$?
[ $rc -eq 0 ] && ! grep -q common-word <<<"$out" || die "--no-words: $rc $out"

# usage errors
"$sg" gazetteer 2>/dev/null; [ $? -eq 2 ] || die "no subcommand: not 2"
"$sg" gazetteer frobnicate 2>/dev/null; [ $? -eq 2 ] || die "unknown subcommand: not 2"
"$sg" gazetteer check --bogus 2>/dev/null; [ $? -eq 2 ] || die "unknown option: not 2"
"$sg" gazetteer check --words "$tmp/none" "$tmp/warn.tsv" 2>/dev/null; [ $? -eq 2 ] || die "missing --words: not 2"
out=$("$sg" gazetteer check "$tmp/nothing.tsv"); rc=$?
[ $rc -eq 1 ] && grep -q "^$tmp/nothing.tsv: error: cannot open" <<<"$out" || die "missing file: $rc $out"

# the bundled gazetteers (no FILE): no error
out=$(STAKEGRAPH_GAZETTEERS="$src/gazetteers" "$sg" gazetteer check); rc=$?
[ $rc -eq 0 ] || die "bundled gazetteers: exit $rc: $out"
grep -q ': error: ' <<<"$out" && die "bundled gazetteers have errors: $out"

[ $fail -eq 0 ] && echo "gazcheck: all passed"
exit $fail
