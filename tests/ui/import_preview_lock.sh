#!/bin/sh
# import_preview_lock.sh — the import preview of the Attendance screen (i)
# reads the file without holding the write lock (issue 12): another
# process writes while a large preview is running, and the preview's
# answers are still those of the import itself (a name given twice: new,
# then updated; a new head of delegation takes the flag from the stored
# one). Not timed: the key script is a FIFO, and the preview asks it for a
# key every 1,000 rows (Esc stops it), so the preview waits, mid-file, for
# the test: its first poll dumps the screen (the sign it is running), the
# other process writes, then the keys that let it finish are sent.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db preview)
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 3
EOF2
csv=people.csv
{
	echo 'delegation,name,level,entity_category,head'
	echo 'COM,Fatima Said Abdallah,permanent_secretary,foreign_affairs,yes'
	echo 'MUS,Kevin Appadoo,officer,labour,yes'
	i=1
	while [ $i -le 4000 ]; do echo "FRA,Personne $i,officer,other,no"; i=$((i + 1)); done
	echo 'MUS,Priya Ramdin,permanent_secretary,foreign_affairs,no'
	echo 'FRA,Personne 7,director,other,no'
	echo 'FRA,Personne 8,officer,other,no'
	echo 'XXX,Nobody,officer,other,no'
	echo 'FRA,Bad Level,colonel,other,no'
} >"$csv"
# What the import itself says, on a copy: the truth the preview must match.
cp "$db" truth.db
truth=$(rap import participants "$csv" --db truth.db --session 1 2>/dev/null | tail -1)
like "the import: 4000 new, 2 updated (Kevin, Personne 7), 3 unchanged, 2 errors" "$truth" \
	'^ok 4000 new, 2 updated, 3 unchanged, 2 errors'
j0=$(sqlite3 "$db" "SELECT count(*) FROM journal")
mkfifo keys.fifo
RAPPORTEUR_NOW=$UI_NOW TERM=xterm-256color LINES=24 COLUMNS=80 \
RAPPORTEUR_TEST_SCRIPT=keys.fifo RAPPORTEUR_TEST_DUMP=final.txt \
	"$BIN" --db "$db" >screen.out 2>&1 &
screen=$!
exec 3<>keys.fifo
printf '3i%s<Enter>\n@dump polled.txt\n' "$csv" >&3
k=0; while [ ! -s polled.txt ] && kill -0 "$screen" 2>/dev/null && [ $k -lt 1200 ]; do
	sleep 0.1; k=$((k + 1)); done
like "the preview is running (its progress: line 1001 of 4006)" "$(ui_row "$(cat polled.txt)" 23)" \
	'^reading people.csv… line 1001 \(Esc stops\)'
# Meanwhile another process writes (a second rapporteur, a run script).
w=$(printf 'note "écrit pendant l'"'"'aperçu"\n' | rap run --db "$db" - 2>&1)
is "another process writes while the preview runs" "$w" "ok note"
ticks=$(printf '<Tick>%.0s' 1 2 3 4 5 6 7 8 9 10)
printf '%s\n@dump preview.txt\n' "$ticks" >&3
exec 3>&-
wait "$screen"
got=$(cat preview.txt)
like "the preview's answers are the import's" "$(ui_row "$got" 7)" \
	'^ 4000 new, 2 updated, 3 unchanged, 2 errors'
like "... nothing written yet" "$(ui_row "$got" 6)" 'nothing is written yet'
is "... the other process's note is stored, the preview wrote nothing" \
	"$(sqlite3 "$db" "SELECT count(*) - $j0, sum(command LIKE '%pendant l''aperçu%') FROM journal")" "1|1"
is "... no delegate was added by the preview" \
	"$(sqlite3 "$db" "SELECT count(*) FROM delegate WHERE name LIKE 'Personne %'")" 0
is "... the stored head is still the head" \
	"$(sqlite3 "$db" "SELECT p.head FROM delegate p WHERE name = 'Priya Ramdin'")" 1
# The CLI's dry run takes the same path: the same answers, nothing written.
dry=$(rap import participants "$csv" --db "$db" --session 1 --dry-run 2>/dev/null | tail -1)
like "the CLI's dry run: the same answers" "$dry" '^error: 4000 new, 2 updated, 3 unchanged, 2 errors'
is "... and no temporary table is left behind in the file" \
	"$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name LIKE '%dry%'")" 0
