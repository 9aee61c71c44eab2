#!/bin/sh
# floor.sh — the Floor screen: no item, requests (completion, speaker,
# type), points of order first, withdraw, reorder, giving the floor (next
# or selected), running time, yield with the summary (draft saved), the
# log, observers speaking, focus between the panes, French names.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db floor)
q="'"

got=$(ui_run "$db" '2')
like "no item in progress: says how to start one" "$(ui_row "$got" 3)" 'No item in progress'
got=$(ui_run "$db" '2aMUS<Enter><Enter>1')
like "a request without an item: the reason" "$(ui_row "$got" 23)" '^error: no item in progress'
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
start 3
CMDS

got=$(ui_run "$db" '2')
like "the item in progress heads the screen" "$(ui_row "$got" 3)" '^ Item 3: Déclarations liminaires des États membres'
like "the floor is free" "$(ui_row "$got" 4)" 'Floor: free'
like "speakers heading" "$(ui_row "$got" 5)" 'Speakers \(0\)'

# Requests: completion of the code, optional speaker, type by digit.
got=$(ui_run "$db" '2aMU<Tab>')
is "Tab completes the delegation code" "$(ui_row "$got" 23)" "Delegation (Tab completes): MUS"
got=$(ui_run "$db" '2aMU<Tab><Enter><Enter>')
like "the type choice" "$(ui_row "$got" 23)" '^Type: 1 statement\* +2 reply +3 point of order +4 question'
got=$(ui_run "$db" '2aMUS<Enter>Priya Ramdin<Enter>1')
is "a: MUS asks for the floor" "$(ui_row "$got" 23)" "ok MUS in line, position 1"
like "the request row: code, member, type, time, speaker" "$(ui_row "$got" 6)" '^  1  MUS     member    statement       09:00 Priya Ramdin$'
got=$(ui_run "$db" '2aiom<Enter><Enter>4')
is "an observer organisation may ask too (R9)" "$(ui_row "$got" 23)" "ok IOM in line, position 2"
got=$(ui_run "$db" '2aSYC<Enter><Enter><Enter>')
is "Enter takes the default type" "$(sqlite3 "$db" "SELECT speech_type FROM speaker_request r JOIN delegation d ON d.id = r.delegation_id WHERE d.code = 'SYC'")" statement
got=$(ui_run "$db" '2aCOM<Enter><Enter>3')
is "a point of order goes first" "$(ui_row "$got" 23)" "ok COM in line, position 1"
like "... marked" "$(ui_row "$got" 6)" '^  1  COM     member    ! point of ord… 09:00 Comoros$'
got=$(ui_run "$db" '2aXYZ<Enter><Enter>1')
like "an unknown code: the reason" "$(ui_row "$got" 23)" '^error: unknown delegation XYZ'
got=$(ui_run "$db" '2a<Esc>')
is "Esc cancels a request" "$(sqlite3 "$db" "SELECT count(*) FROM speaker_request")" 4

# Reorder and withdraw.
got=$(ui_run "$db" '2jjJ')
is "J moves the selected request down" "$(ui_row "$got" 23)" "ok IOM moved to position 4"
like "IOM is last" "$(ui_row "$got" 9)" '^  4  IOM '
got=$(ui_run "$db" '2GK')
is "K moves it back up" "$(ui_row "$got" 23)" "ok IOM moved to position 3"
got=$(ui_run "$db" '2Gd')
is "d withdraws the selected request" "$(ui_row "$got" 23)" "ok SYC withdrawn from the list of speakers"
like "two left" "$(ui_row "$got" 5)" 'Speakers \(3\)|Speakers \(2\)'

# Giving the floor: Enter = the next in line, or the selected request.
got=$(ui_run "$db" '2<Enter>')
is "Enter gives the floor to the next in line" "$(ui_row "$got" 23)" "ok COM has the floor"
like "who has the floor, since when" "$(ui_row "$got" 4)" '^ Floor: COM Comoros \(point of order\), since 09:00, 0 min'
like "the log shows the running intervention" "$(ui_row "$got" 12)" '^  1  09:00- +0'"$q"' COM +point of … \(speaking\)$'
got=$(ui_run "$db" '2<Enter>')
like "Enter while someone speaks: refused" "$(ui_row "$got" 23)" '^error: COM has the floor; yield first'
got=$(ui_run "$db" '2
@clock 2026-11-23T09:03:20+04:00')
like "the running time follows the clock (minutes)" "$(ui_row "$got" 4)" 'since 09:00, 3 min$'
like "... in the log too" "$(ui_row "$got" 12)" '^  1  09:00- +3'"$q"
got=$(ui_run "$db" '2E')
like "E while someone speaks: refused" "$(ui_row "$got" 23)" '^error: '

# Yield: the summary typed on the message line; the draft is kept.
got=$(UI_NOW=2026-11-23T09:04:00+04:00 ui_run "$db" '2yRappel au règlement
@tick')
is "y opens the summary line" "$(ui_row "$got" 23)" "Summary (COM): Rappel au règlement"
is "the draft is saved while typing" "$(sqlite3 "$db" "SELECT text FROM draft WHERE kind = 'summary'")" "Rappel au règlement"
got=$(UI_NOW=2026-11-23T09:04:00+04:00 ui_run "$db" '2y<End> : temps de parole<Enter>')
is "y again starts from the draft; Enter yields" "$(ui_row "$got" 23)" "ok COM spoke 4 min"
is "the summary is stored" "$(sqlite3 "$db" "SELECT summary FROM intervention WHERE seq = 1")" "Rappel au règlement : temps de parole"
is "the draft is cleared" "$(sqlite3 "$db" "SELECT count(*) FROM draft")" 0
like "the log shows it" "$(ui_row "$got" 12)" '^  1  09:00-09:04 +4'"$q"' COM +point of … Rappel au règlement : temps de parole$'
like "the floor is free again" "$(ui_row "$got" 4)" 'Floor: free'
got=$(ui_run "$db" '2y')
like "y with nobody speaking: the reason" "$(ui_row "$got" 23)" '^error: nobody has the floor'

# The selected request gets the floor.
got=$(UI_NOW=2026-11-23T09:05:00+04:00 ui_run "$db" '2j<Enter>')
is "Enter on the second request: that one" "$(ui_row "$got" 23)" "ok IOM has the floor"
like "an observer has the floor (R9)" "$(ui_row "$got" 4)" 'Floor: IOM .*\(question\)'
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:06:00+04:00
yield "Question sur la santé aux frontières"
CMDS
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
	printf 'clock 2026-11-23T09:%02d:00+04:00\nfloor MDG\nyield "Intervention %d"\n' $((10 + i)) "$i"
done | rap run --db "$db" - >/dev/null

# The log scrolls; the focus moves with Left/Right (h/l).
got=$(ui_run "$db" '2')
like "the log heading counts interventions" "$(ui_row "$got" 11)" 'Interventions on item 3 \(15\)'
like "the newest is shown last" "$(ui_row "$got" 22)" 'Intervention 13$'
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '2lk' --no-color)
like "l: the log has the focus; k moves in it" "$(ui_row "$got" 42)" '^RRRRRRRRRR'
like "... on intervention 14" "$(ui_row "$got" 41)" '^ 14 '
got=$(ui_run "$db" '2lgg')
like "g: the first intervention in view" "$(ui_row "$got" 12)" '^  1  09:00-09:04'
got=$(ui_run "$db" '2l/frontières<Enter>')
like "search in the log" "$(ui_row "$got" 12)" 'Question sur la santé'
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '2lh' --no-color)
like "h: back to the speakers" "$(ui_row "$got" 12)" '^RRRRRRRRRR'
ui_expect floor-log "$(ui_run "$db" '2')"

# French names of delegations.
got=$(ui_run "$db" '2aCOM<Enter><Enter>1' --lang fr)
like "French: delegation names from the data" "$(ui_row "$got" 7)" 'Comores$'
got=$(ui_run "$db" '2' --lang en)
like "English: delegation names from the data" "$(ui_row "$got" 7)" 'Comoros$'

# After the meeting (no item in progress), the log's heading says so
# (it read "Interventions on item 0 (0)").
after=$(fresh_db floor-after)
printf 'start 1\nend\n' | rap run --db "$after" --session 1 - >/dev/null 2>&1
got=$(ui_run "$after" '2')
like "no item in progress: the log's heading says so" "$got" ' Interventions: no item in progress'
unlike "... never item 0" "$got" 'item 0'
