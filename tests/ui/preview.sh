#!/bin/sh
# preview.sh — the Attendance screen's import imports exactly what it
# previewed (issue 12, item 6): the file is previewed, another instance
# rewrites it (here an export with --force over the same folder), then y:
# refused with "the file changed since its preview", nothing written; an
# unchanged file previewed then confirmed is imported.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db preview)
q() { sqlite3 -separator '|' "$db" "$1"; }
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
session new "Atelier" senior 2027-03-01
EOF
rap export --db "$db" --session 1 --out exp >/dev/null 2>&1
n1=$(q "SELECT count(*) FROM delegate WHERE session_id = 1")
got=$(ui_run "$db" '3iexp/attendance.csv<Enter>
@other delegate+ MUS "Ajout Tardif" director interior
@other export exp --force
y' --session 2)
like "a file changed after its preview: refused" "$(ui_row "$got" 23)" 'changed since its preview'
is "a file changed after its preview: nothing imported" "$(q "SELECT count(*) FROM delegate WHERE session_id = 2")" 1
rap export --db "$db" --session 1 --out exp2 >/dev/null 2>&1
got=$(ui_run "$db" '3iexp2/attendance.csv<Enter>y' --session 2)
like "an unchanged file: imported" "$(ui_row "$got" 23)" "^ok $n1 new|^ok [0-9]+ new"

# A huge file (issue 12, item 15): the preview reads it row by row, shows
# its progress, and Esc typed while it reads stops it at once — back to
# the list, nothing imported, the database free for the other instances.
# (Memory and time of a million rows: tests/bench/bench_preview.sh.)
/usr/bin/python3 - >big.csv <<'PY'
print("delegation,name,level,entity_category")
for i in range(60000):
    print("MUS,Participant %05d,officer,interior" % i)
PY
n2=$(q "SELECT count(*) FROM delegate")
got=$(ui_run "$db" '3ibig.csv<Enter><Esc>
@other note "écrit par une autre instance"' --session 2)
like "Esc while a big file is read: the preview stops early, saying so" "$(ui_row "$got" 23)" \
	'big\.csv: stopped at line [0-9]+: nothing imported'
line=$(ui_row "$got" 23 | sed -n 's/.*stopped at line \([0-9]*\).*/\1/p')
ok_if "... after the first rows, long before the end ($line < 60001)" test "${line:-60001}" -lt 60001
unlike "... back to the list (no preview)" "$(ui_row "$got" 3)" 'Import preview'
is "... nothing imported" "$(q "SELECT count(*) FROM delegate")" "$n2"
is "... the database free: the other instance wrote at once" \
	"$(q "SELECT count(*) FROM journal WHERE detail LIKE '%écrit par une autre instance%'")" 1
# Without Esc (idle ticks while it reads) the whole file is previewed.
ticks=$(printf '<Tick>%.0s' $(seq 1 80))
got=$(ui_run "$db" "3ibig.csv<Enter>$ticks" --session 2)
like "ticks while a big file is read: the whole file previewed" "$got" \
	'60000 new, 0 updated, 0 unchanged, 0 errors'

# A FIFO given to the import prompt (item 15): refused at once with one
# line, the screen usable (it hung, Esc ignored, before).
mkfifo fifo.csv
printf '3ififo.csv<Enter>\n' >fifo.keys
RAPPORTEUR_NOW=$UI_NOW TERM=xterm-256color LINES=24 COLUMNS=80 RAPPORTEUR_TEST_SCRIPT=fifo.keys \
	RAPPORTEUR_TEST_DUMP=fifo.dump timeout 30 "$BIN" --db "$db" --session 2 >/dev/null 2>&1
is "a FIFO: the screen ends normally (no hang)" "$?" 0
like "a FIFO: refused with one line" "$(sed -n 23p fifo.dump)" 'fifo\.csv: not a regular file'
