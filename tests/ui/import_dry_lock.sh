#!/bin/sh
# import_dry_lock.sh — `import FILE --dry-run` typed on the `:` line or
# given to `rapporteur run` only reads, like the Attendance preview and the
# CLI's `import participants --dry-run` (tests/ui/import_preview_lock.sh):
# while another process holds the write lock, the dry run still answers,
# with the summary of the import itself, and the journal does not move.
# Not timed: the other writer (sqlite3 reading a FIFO) holds the lock from
# the moment it says so until the test lets it go; with the write lock
# taken by the dry run, it would wait the busy timeout and fail.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db drylock)
csv=people.csv
{
	echo 'delegation,name,level,entity_category,head'
	echo 'COM,Fatima Said Abdallah,permanent_secretary,foreign_affairs,yes'
	echo 'MUS,Kevin Appadoo,officer,labour,yes'
	echo 'FRA,Personne 1,officer,other,no'
	echo 'FRA,Personne 2,director,other,no'
	echo 'FRA,Personne 2,officer,other,no'
	echo 'XXX,Nobody,officer,other,no'
} >"$csv"
# What the import itself says, on a copy: the truth the dry runs must match.
cp "$db" truth.db
truth=$(printf 'import %s\n' "$csv" | rap run --db truth.db - 2>/dev/null)
sum=$(printf '%s' "$truth" | sed -n 's/^ok \([0-9]* new, [0-9]* updated, [0-9]* unchanged, [0-9]* errors*\).*/\1/p')
like "the import: 2 new, 2 updated (Kevin, Personne 2), 1 unchanged, 1 error" "$sum" \
	'^2 new, 2 updated, 1 unchanged, 1 error$'
j0=$(sqlite3 "$db" "SELECT count(*) FROM journal")

# Another writer takes the write lock and keeps it until told to go.
mkfifo hold.fifo
sqlite3 "$db" <hold.fifo >hold.out 2>&1 &
holder=$!
exec 3>hold.fifo
printf '.timeout 5000\nBEGIN IMMEDIATE;\nSELECT '"'"'locked'"'"';\n' >&3
k=0; while ! grep -q locked hold.out 2>/dev/null && [ $k -lt 200 ]; do sleep 0.05; k=$((k + 1)); done
is "the other writer holds the write lock" "$(cat hold.out)" locked

# `rapporteur run`: the dry run answers while the lock is held.
out=$(printf 'import %s --dry-run\n' "$csv" | rap run --db "$db" - 2>&1); rc=$?
is "run: the dry run succeeds while another process holds the write lock" "$rc" 0
like "... with the import's summary" "$out" "^ok dry run: $sum \\(line 7: "

# The `:` line of the screen: the same.
got=$(ui_run "$db" ":import $csv --dry-run<Enter>")
like "\`:\` line: the dry run answers while the lock is held" "$(ui_row "$got" 23)" \
	"^ok dry run: $sum"

printf 'ROLLBACK;\n.quit\n' >&3
exec 3>&-
wait "$holder"
is "... the journal is unchanged" "$(sqlite3 "$db" "SELECT count(*) - $j0 FROM journal")" 0
is "... no delegate was added" \
	"$(sqlite3 "$db" "SELECT count(*) FROM delegate WHERE name LIKE 'Personne %'")" 0
is "... and no temporary table is left behind in the file" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name LIKE '%dry%'")" 0

# Read-only: a dry run changes nothing, so it runs (the real import is refused).
out=$(printf 'import %s --dry-run\nimport %s\n' "$csv" "$csv" | rap run --read-only --db "$db" - 2>&1)
like "read-only: the dry run previews" "$out" "^ok dry run: $sum"
like "read-only: the import is refused" "$out" 'error: read-only: import changes the record'
is "... and writes nothing" "$(sqlite3 "$db" "SELECT count(*) - $j0 FROM journal")" 0

# A closed session refuses the dry run as it refuses the import.
printf 'session close\n' | rap run --db "$db" - >/dev/null 2>&1
out=$(printf 'import %s --dry-run\n' "$csv" | rap run --db "$db" - 2>&1)
like "closed session: the dry run says what the import would" "$out" \
	'error: the session is closed; reopen it first'
