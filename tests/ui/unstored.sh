#!/bin/sh
# unstored.sh — a command typed in a prompt that the database cannot
# store (another process holds the write lock past the busy timeout, as a
# full disk would refuse it) loses nothing typed (issue 12, `make soak`
# found it): the prompt opens again holding the text, so Enter tries again
# and Esc keeps it as a draft — for the note (n), the yield summary (y on
# the Floor), a reservation's wording (r) and the ":" line. A refusal that
# is not the database's (nobody has the floor) closes the prompt as
# before. Each screen waits for the busy timeout (5 s) twice: the four
# run side by side.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db unstored)
q() { sqlite3 -separator '|' "$db" "$1"; }
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 3
q+ MUS
floor
rec+ MUS "Titre" "Texte"
EOF2
j0=$(q "SELECT count(*) FROM journal")
# Another process holds the write lock (until it is killed below).
/usr/bin/python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").write("held")
time.sleep(120)' "$db" held.txt &
holder=$!
n=0; while [ ! -s held.txt ] && [ $n -lt 200 ]; do sleep 0.1; n=$((n + 1)); done
screen() { # NAME KEYS: the screen with KEYS, its dump in NAME.dump
	printf '%s\n' "$2" >"$1.keys"
	RAPPORTEUR_NOW=$UI_NOW TERM=xterm-256color LINES=24 COLUMNS=80 \
	RAPPORTEUR_TEST_SCRIPT="$1.keys" RAPPORTEUR_TEST_DUMP="$1.dump" \
		"$BIN" --db "$db" >"$1.out" 2>&1
}
screen note 'nune note gardée<Enter>' &
p1=$!
screen yield '2yun résumé gardé<Enter>' &
p2=$!
screen reason '5r1une réserve gardée<Enter>' &
p3=$!
screen cmdline ':note "une ligne gardée"<Enter>' &
p4=$!
wait $p1 $p2 $p3 $p4
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
row23() { sed -n 23p "$1.dump"; }
like "note not stored: the prompt again, with the text" "$(row23 note)" 'une note gardée'
like "yield not stored: the prompt again, with the text" "$(row23 yield)" 'un résumé gardé'
like "reservation not stored: the prompt again, with the text" "$(row23 reason)" 'une réserve gardée'
like "the : line not stored: the line again, with the text" "$(row23 cmdline)" '^: ?note "une ligne gardée"'
is "... and nothing was stored" "$(q "SELECT count(*) FROM journal")" "$j0"
# Without the lock, as before: stored, the prompt closed.
got=$(ui_run "$db" 'nune note libre<Enter>')
is "the lock gone: the note stored, the prompt closed" "$(ui_row "$got" 23)" "ok note"
