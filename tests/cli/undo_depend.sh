#!/bin/sh
# undo_depend.sh — undo refuses, with one line naming why and changing
# nothing, when records added since by another terminal depend on the
# change it would revert (issue 11): an adoption with a follow-up report
# or a CTP review of the recommendation; a start (or a switch) of an item
# on which interventions, requests to speak or notes were recorded; an end
# after which another item was started; a yield after which someone else
# was given the floor. Each case: terminal A (one `run` reading a fifo)
# makes the change, terminal B (another `run`) adds what depends on it, A
# tries to undo.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T13:21:00+04:00
export RAPPORTEUR_NOW

q() { sqlite3 -separator '|' "$db" "$1"; }
dump() {
	q "SELECT * FROM agenda_item ORDER BY id; SELECT * FROM recommendation ORDER BY id;
	SELECT * FROM followup ORDER BY 1, 2; SELECT * FROM rec_review ORDER BY id;
	SELECT * FROM speaker_request ORDER BY id; SELECT * FROM intervention ORDER BY id;
	SELECT count(*) FROM journal"
}
# Terminal A: a `run` reading the fifo a.in, answering on a.out.
a_open() { rm -f a.in a.out; mkfifo a.in a.out
	rap run --keep-going --db "$db" a.in >a.out 2>a.err & pa=$!
	exec 4<a.out 3>a.in; }
a_say() { echo "$1" >&3; read -r line <&4; echo "$line"; }
a_close() { exec 3>&- 4<&-; wait $pa; }
b_run() { printf '%s\n' "$@" | rap run --db "$db" - 2>&1; }

# 1. An adoption, then a follow-up report by another terminal.
db=$(fresh_db undo_dep1)
a_open
r1=$(a_say 'rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance."')
r2=$(a_say 'adopt 1')
other=$(b_run 'follow 1 MUS in_progress "Plan national en cours"')
before=$(dump)
r3=$(a_say 'undo')
after=$(dump)
a_close
is "A drafts and adopts R1, B reports its follow-up" "$r1 / $r2 / $other" \
	"ok recommendation 1 / ok R1 adopted / ok follow S1/R1 MUS in_progress"
is "undo of the adoption is refused, naming the follow-up" "$r3" \
	"error: cannot undo \"adopt 1\": a follow-up report (follow) on R1 depends on its adoption"
is "the refused undo changed nothing (R1 adopted, report kept, no journal row)" "$after" "$before"
is "R1 is still adopted" "$(q "SELECT status FROM recommendation WHERE num = 1")" "adopted"

# 2. An adoption, then the CTP's review by another terminal.
db=$(fresh_db undo_dep2)
a_open
a_say 'rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance."' >/dev/null
a_say 'adopt 1' >/dev/null
other=$(b_run 'review 1 "Mise en œuvre satisfaisante"')
before=$(dump)
r3=$(a_say 'undo')
after=$(dump)
a_close
is "B records the CTP's review of R1" "$other" "ok review S1/R1"
is "undo of the adoption is refused, naming the review" "$r3" \
	"error: cannot undo \"adopt 1\": the CTP's review of R1 depends on its adoption"
is "nothing changed" "$after" "$before"

# Without anything depending on it, the same undo still works.
db=$(fresh_db undo_dep3)
out=$(b_run 'rec+ MUS "Santé" "Texte."' 'adopt 1' 'undo')
like "adopt then undo with no follow-up: accepted" "$out" 'ok undone: adopt 1$'

# 3. A start, then interventions logged on the item by another terminal.
db=$(fresh_db undo_dep4)
a_open
r1=$(a_say 'start 3')
other=$(b_run 'q+ MUS' 'floor' 'yield "Maurice soutient la déclaration."' 'q+ COM')
before=$(dump)
r2=$(a_say 'undo')
after=$(dump)
a_close
is "A starts item 3, B logs an intervention and a request on it" "$r1" "ok item 3 started"
is "undo of the start is refused: the item would be pending with records on it" "$r2" \
	"error: cannot undo \"start 3\": 2 interventions, requests to speak or notes are recorded on item 3 since"
is "nothing changed" "$after" "$before"
is "item 3 is still in progress" "$(q "SELECT status FROM agenda_item WHERE num = 3")" "in_progress"

# A switch (start 4 ending item 3), then a note filed under item 4.
db=$(fresh_db undo_dep5)
a_open
a_say 'start 3' >/dev/null
r1=$(a_say 'start 4')
other=$(b_run 'note "Pause de dix minutes."')
before=$(dump)
r2=$(a_say 'undo')
after=$(dump)
a_close
is "A switches to item 4, B writes a note under it" "$r1 / $other" \
	"ok item 4 started (item 3 ended) / ok note"
is "undo of the switch is refused: the note is filed under item 4" "$r2" \
	"error: cannot undo \"start 4\": 1 interventions, requests to speak or notes are recorded on item 4 since"
is "nothing changed" "$after" "$before"

# 4. An end, then another item started by another terminal: undo would
# make two items run at once.
db=$(fresh_db undo_dep6)
a_open
a_say 'start 3' >/dev/null
r1=$(a_say 'end')
other=$(b_run 'start 4' 'q+ SYC' 'floor')
before=$(dump)
r2=$(a_say 'undo')
after=$(dump)
a_close
is "A ends item 3, B starts item 4 and gives the floor" "$r1 / $(echo "$other" | head -1)" \
	"ok item 3 ended after 0 min / ok item 4 started"
is "undo of the end is refused, naming the item in progress" "$r2" \
	"error: cannot undo \"end\": item 4 is in progress now"
is "nothing changed" "$after" "$before"

# 5. A yield, then the floor given to someone else.
db=$(fresh_db undo_dep7)
a_open
a_say 'start 3' >/dev/null
a_say 'q+ MUS' >/dev/null
a_say 'floor' >/dev/null
r1=$(a_say 'yield "Maurice soutient."')
other=$(b_run 'q+ COM' 'floor')
before=$(dump)
r2=$(a_say 'undo')
after=$(dump)
a_close
is "A ends MUS's intervention, B gives the floor to COM" "$r1 / $other" \
	"ok MUS spoke 0 s / ok COM in line, position 1
ok COM has the floor"
is "undo of the yield is refused: COM has the floor" "$r2" \
	"error: cannot undo \"yield \"Maurice soutient.\"\": COM has the floor now"
is "nothing changed" "$after" "$before"

is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
