#!/bin/sh
# undo.sh — the u and U keys (DESIGN §8): on any screen, u reverts the last
# change made from this screen at once (no prompt) and says what it
# reverted; U puts it back; a change made by another instance since is
# not undone and the message line says why.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db uiundo)
st() { sqlite3 "$db" "SELECT status FROM agenda_item WHERE num = $1"; }
# Row N of the agenda list is dump line N+3.
row() { ui_row "$1" $(($2 + 3)); }

got=$(ui_run "$db" 'jjjjjjs')
is "s on the seventh row starts item 7 (the slip)" "$(st 7)" in_progress
got=$(ui_run "$db" 'u')
is "a new screen has nothing to undo" "$(ui_row "$got" 23)" "error: nothing to undo from this terminal"
is "... and item 7 still runs" "$(st 7)" in_progress
sqlite3 "$db" "UPDATE agenda_item SET status = 'pending', actual_start = NULL WHERE num = 7"

got=$(ui_run "$db" 'jjjjjjsu')
is "s then u: the message names what was undone" "$(ui_row "$got" 23)" "ok undone: start 7"
like "the row says pending again" "$(row "$got" 7)" 'pending'
is "item 7 is pending in the file" "$(st 7)" pending
got=$(ui_run "$db" 'jjjjjjsuU')
is "U redoes it" "$(ui_row "$got" 23)" "ok redone: start 7"
is "item 7 runs again" "$(st 7)" in_progress

got=$(ui_run "$db" '3jjj<Space>u')
like "on Attendance, u restores a delegation's presence" "$(ui_row "$got" 23)" '^ok undone: present'
got=$(ui_run "$db" 'jjjjjjjx
@other item= 8 status pending
u')
is "an item put back by another instance since: u refused, said why" "$(ui_row "$got" 23)" \
	"error: cannot undo \"skip 8\": changed since by another terminal (agenda item)"
