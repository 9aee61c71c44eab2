#!/bin/sh
# import.sh — `rapporteur import participants FILE --session ID [--dry-run]`
# and the `import FILE [--dry-run]` command on the demo database (DESIGN
# §5): a good file with columns in any order, labels and an unknown column;
# BOM + CRLF; a refused file (missing column); hostile rows (invalid UTF-8,
# NUL, escape sequences, a 10 MB field generated here, misplaced and
# unbalanced quotes) give row errors, import nothing broken and never put
# a control character on the terminal; a dry run writes nothing; one
# journal row per import. Inputs are in tests/data/.
# Rows in error (issue 12, item 7): a dry run fails (exit 1, nothing
# written); an import writes the valid rows, skips the others and says so
# (`ok … N errors (the rows in error were not imported)`, exit 0), as the
# `import` command and the screen do. One head per delegation (item 8).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW
data=$TOP/tests/data

db=$(fresh_db import)
q() { sqlite3 -separator '|' "$db" "$1"; }
delegates() { q "SELECT count(*) FROM delegate"; }
journal() { q "SELECT count(*) FROM journal"; }
imp() { rap import participants "$@" --db "$db" --session 1; }
esc=$(printf '\033')

n0=$(delegates)
j0=$(journal)

# Dry run of the good file: every row listed as new, nothing written.
out=$(imp "$data/participants_good.csv" --dry-run 2>err.txt); rc=$?
is "dry run exits 0" "$rc" 0
is "dry run lists six new rows" "$(printf '%s\n' "$out" | grep -c ': new ')" 6
like "dry run names line and delegate" "$out" ':2: new MUS "Jean-Marc Lebreton"'
like "a delegation code is shown as stored" "$out" ':4: new MDG "Voahangy Rasoa"'
like "unknown column warned about" "$(cat err.txt)" 'ignored unknown column.*"badge"'
is "dry run writes no delegate" "$(delegates)" "$n0"
is "dry run writes no journal row" "$(journal)" "$j0"

# The real import.
out=$(imp "$data/participants_good.csv" 2>err.txt); rc=$?
is "import exits 0" "$rc" 0
like "import summary" "$out" '6 new, 0 updated, 0 unchanged, 0 errors'
is "six delegates added" "$(delegates)" "$((n0 + 6))"
is "one journal row" "$(journal)" "$((j0 + 1))"
is "journal row is an import" "$(q "SELECT event FROM journal ORDER BY seq DESC LIMIT 1")" import
is "French labels mapped to codes" \
	"$(q "SELECT level, category, head, function FROM delegate WHERE name = 'Jean-Marc Lebreton'")" \
	"director|interior|1|Directeur, Bureau de l'immigration"
is "English labels mapped to codes" \
	"$(q "SELECT level, category, head FROM delegate WHERE name = 'Voahangy Rasoa'")" \
	"director_general|health|1"
is "long French category label" \
	"$(q "SELECT level, category FROM delegate WHERE name = 'Zoë Hoarau'")" "head_of_unit|cooperation"
is "observer state accepted" \
	"$(q "SELECT d.type FROM delegate g JOIN delegation d ON d.id = g.delegation_id WHERE g.name = 'Amani Juma'")" \
	observer_state

# Again: unchanged; then one change makes one update.
out=$(imp "$data/participants_good.csv" 2>/dev/null)
like "second import: all unchanged" "$out" '0 new, 0 updated, 6 unchanged, 0 errors'
sed 's/officer,interior,,Agent/head_of_unit,interior,,Agent/' "$data/participants_good.csv" >changed.csv
out=$(imp changed.csv 2>/dev/null)
like "one row updated" "$out" ':7: updated SYC "Paul Esparon"'
like "update summary" "$out" '0 new, 1 updated, 5 unchanged, 0 errors'

# BOM and CRLF.
out=$(imp "$data/participants_bom_crlf.csv" 2>err.txt); rc=$?
is "BOM + CRLF exits 0" "$rc" 0
like "BOM + CRLF rows read, line numbers kept" "$out" ':4: new SYC "Marie, Claire Dubel"'
is "no warning for a BOM header" "$(cat err.txt)" ""
is "BOM not part of the first column" "$(q "SELECT count(*) FROM delegate WHERE name = 'Anjali Seewoo' AND level = 'deputy_director' AND category = 'health'")" 1

# A refused file changes nothing.
n1=$(delegates); j1=$(journal)
imp "$data/participants_missing_name.csv" >out.txt 2>err.txt; rc=$?
is "missing column exits 2" "$rc" 2
like "missing column named" "$(cat err.txt)" 'missing required column "name"'
is "refused file writes nothing" "$(delegates)|$(journal)" "$n1|$j1"
imp nonexistent.csv >out.txt 2>err.txt; rc=$?
is "missing file exits 2" "$rc" 2
like "missing file named" "$(cat err.txt)" 'nonexistent.csv'

# Hostile rows.
imp "$data/participants_hostile.csv" >out.txt 2>err.txt; rc=$?
out=$(cat out.txt)
is "row errors: the import succeeds with the valid rows (exit 0)" "$rc" 0
like "row errors: the summary says they were not imported" "$(tail -1 out.txt)" \
	'^ok 2 new, 0 updated, 0 unchanged, 8 errors \(the rows in error were not imported\)$'
like "row errors: a warning on stderr" "$(cat err.txt)" 'warning: 8 rows in error not imported'

like "invalid UTF-8 named" "$out" ':3: error: name: invalid UTF-8'
like "NUL named" "$out" ':4: error: function: contains a NUL byte'
like "escape sequence refused" "$out" ':5: error: name: invalid UTF-8 or a control character'
like "unknown delegation" "$out" ':6: error: delegation: unknown delegation "XYZ"'
like "unknown level" "$out" ':7: error: level: unknown level "chef"'
like "bad head" "$out" ':8: error: head:'
like "misplaced quote" "$out" ':9: error: misplaced quote'
like "recovery after a misplaced quote" "$out" ':10: new MUS "Good After"'
like "unbalanced quote at the end" "$out" ':11: error: unbalanced quote'
like "hostile summary" "$out" '2 new, 0 updated, 0 unchanged, 8 errors'
is "no escape byte on stdout or stderr" "$(cat out.txt err.txt | grep -c "$esc")" 0
is "only the good rows imported" "$(q "SELECT count(*) FROM delegate WHERE name IN ('Good Before', 'Good After')")|$(delegates)" "2|$((n1 + 2))"
is "nothing with a control character stored" "$(q "SELECT count(*) FROM delegate WHERE instr(name || function, char(27)) > 0 OR instr(name || function, char(7)) > 0")" 0

# A 10 MB field, generated here.
/usr/bin/python3 - <<'EOF'
with open('huge.csv', 'w') as f:
    f.write('delegation,name,function\n')
    f.write('MUS,Huge Field,' + 'x' * (10 * 1024 * 1024) + '\n')
    f.write('MUS,After Huge,Directeur\n')
EOF
imp huge.csv >out.txt 2>err.txt; rc=$?
is "huge field: the other row imported (exit 0)" "$rc" 0
like "huge field is a row error" "$(cat out.txt)" ':2: error: function: longer than 1000 bytes'
like "row after the huge field imported" "$(cat out.txt)" ':3: new MUS "After Huge"'

# The command, in a script: one answer line, one journal row.
j2=$(journal)
out=$(printf 'import %s --dry-run\nimport %s\n' "$data/participants_formulas.csv" "$data/participants_formulas.csv" |
	rap run --db "$db" --session 1 - 2>&1); rc=$?
is "import command exits 0" "$rc" 0
like "import command dry run answer" "$out" 'ok dry run: 4 new, 0 updated, 0 unchanged, 0 errors'
like "import command answer" "$out" 'ok 4 new, 0 updated, 0 unchanged, 0 errors'
is "formula-like names stored as typed" "$(q "SELECT count(*) FROM delegate WHERE name IN ('=1+2', '+33 Plus', '@SUM(A1)', '-Dash')")" 4
out=$(printf 'import %s\n' "$data/participants_hostile.csv" | rap run --db "$db" --session 1 - 2>&1)
like "import command names the first error" "$out" '^ok 0 new, 0 updated, 2 unchanged, 8 errors \(line 3: name: invalid UTF-8'
out=$(printf 'import %s\n' "$data/participants_missing_name.csv" | rap run --db "$db" --session 1 - 2>&1); rc=$?
is "refused file: command fails" "$rc" 1
like "refused file: command answer" "$out" '^error: .*missing required column "name"'

# Read-only: a dry run still previews, an import is refused.
n3=$(delegates)
out=$(rap --read-only import participants "$data/participants_good.csv" --db "$db" --session 1 --dry-run 2>/dev/null); rc=$?
is "read-only dry run exits 0" "$rc" 0
like "read-only dry run previews" "$out" '0 new, 1 updated, 5 unchanged, 0 errors'
out=$(rap --read-only import participants "$data/participants_good.csv" --db "$db" --session 1 2>&1); rc=$?
is "read-only import exits 2" "$rc" 2
like "read-only import says why" "$out" 'read-only'
is "read-only import writes nothing" "$(delegates)" "$n3"

# Item 7: the answer matches what was done, whatever the mode.
db=$(fresh_db onebad)
printf 'delegation,name,level,entity_category\nMUS,Un Bon,director,interior\nMUS,Un Mauvais,chef,interior\n' >onebad.csv
s0=$(q "SELECT count(*) FROM delegate"); j0=$(journal)
out=$(imp onebad.csv --dry-run 2>err.txt); rc=$?
is "one bad row, dry run: exit 1" "$rc" 1
is "one bad row, dry run: summary" "$(echo "$out" | tail -1)" \
	"error: 1 new, 0 updated, 0 unchanged, 1 error (dry run: nothing written)"
is "one bad row, dry run: nothing written" "$(q "SELECT count(*) FROM delegate")|$(journal)" "$s0|$j0"
out=$(imp onebad.csv 2>err.txt); rc=$?
is "one bad row, import: exit 0" "$rc" 0
is "one bad row, import: ok, saying the bad row was skipped" "$(echo "$out" | tail -1)" \
	"ok 1 new, 0 updated, 0 unchanged, 1 error (the rows in error were not imported)"
like "one bad row, import: the row named" "$out" 'onebad.csv:3: error: level: unknown level "chef"'
is "one bad row, import: exactly the good row stored, one journal row" \
	"$(q "SELECT count(*) FROM delegate")|$(q "SELECT count(*) FROM delegate WHERE name = 'Un Bon'")|$(journal)" \
	"$((s0 + 1))|1|$((j0 + 1))"

# Item 8: one head of delegation, whatever the file says.
heads() { q "SELECT group_concat(name, ',') FROM (SELECT name FROM delegate d JOIN delegation g ON g.id = d.delegation_id WHERE g.code = '$1' AND head = 1 AND session_id = 1 ORDER BY name)"; }
printf 'delegation,name,level,entity_category,head\nSYC,Tête Une,director,interior,yes\nSYC,Tête Deux,director,interior,yes\n' >twoheads.csv
old=$(heads SYC)
out=$(imp twoheads.csv 2>&1)
like "two head=yes rows: the second is an error naming the first" "$out" \
	'twoheads.csv:3: error: head: SYC already has a head of delegation in this file \(line 2\)'
is "two head=yes rows: one head, the file's first (the former head: $old)" "$(heads SYC)" "Tête Une"
printf 'delegation,name,level,entity_category,head\nSYC,Tête Deux,director,interior,yes\n' >newhead.csv
imp newhead.csv >/dev/null 2>&1
is "a later file's head takes the flag (as delegate+ … head)" "$(heads SYC)" "Tête Deux"
is "no delegation has two heads" "$(q "SELECT count(*) FROM (SELECT 1 FROM delegate GROUP BY session_id, delegation_id HAVING sum(head) > 1)")" 0
out=$(imp twoheads.csv --dry-run 2>&1)
like "dry run: the same error" "$out" 'twoheads.csv:3: error: head: SYC already has a head'
is "dry run: nothing changed" "$(heads SYC)" "Tête Deux"

# Item 6: `import FILE --digest HEX` imports only the content whose digest
# a preview read (FNV-1a 64 of the bytes); another content is refused and
# nothing is written. The screen's y passes the preview's digest.
db=$(fresh_db digest)
printf 'delegation,name,level,entity_category\nMUS,Prévu Un,director,interior\n' >prev.csv
fnv() { /usr/bin/python3 -c "
import sys
h = 0xcbf29ce484222325
for b in open(sys.argv[1], 'rb').read():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print('%016x' % h)" "$1"; }
d=$(fnv prev.csv)
printf 'delegation,name,level,entity_category\nMUS,Autre Personne,director,interior\n' >prev.csv
n0=$(delegates)
out=$(printf 'import prev.csv --digest %s\n' "$d" | rap run --db "$db" --session 1 - 2>/dev/null)
is "import --digest of a changed file: refused" "$out" \
	"error: prev.csv: the file changed since its preview: nothing imported (preview it again)"
is "import --digest of a changed file: nothing written" "$(delegates)" "$n0"
out=$(printf 'import prev.csv --digest %s\n' "$(fnv prev.csv)" | rap run --db "$db" --session 1 - 2>/dev/null)
is "import --digest of the previewed content: imported" "$out" "ok 1 new, 0 updated, 0 unchanged, 0 errors"
