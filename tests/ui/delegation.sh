#!/bin/sh
# delegation.sh — the Floor screen of a delegation (issue 15: --as NAME
# --role delegation:CODE): its own place in the list of speakers in the
# heading, `a` requests the floor for itself (only the type is asked), `d`
# withdraws its own request whatever is selected; the keys it may not use
# (Enter floor, y yield, E end, K/J qmove, n note) are absent from the
# hint bar and from help; a key it may not use anyway is refused naming
# the role. The rapporteur's screen (no role) keeps every key.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db delegation)
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
start 3
CMDS
mus() { ui_run "$db" "$1" --as "A. Ramgoolam" --role delegation:MUS; }

got=$(mus '2')
like "the title bar says whose terminal it is" "$(ui_row "$got" 1)" ' MUS  3 Déclarations'
is "the heading says MUS is not on the list, and how to ask" "$(ui_row "$got" 5)" \
	" Speakers (0) — MUS: not on the list (a requests the floor)"
is "the floor line does not offer Enter" "$(ui_row "$got" 4)" " Floor: free"
hints=$(ui_row "$got" 24)
like "the hint bar offers a q+ and d q-" "$hints" '^a q\+ d q- '
unlike "... and nothing MUS may not use (floor, yield, end, qmove, note)" "$hints" 'Enter|yield| E |qmove| n note'

got=$(mus '2a')
like "a asks only for the type of speech (no code, no speaker)" "$(ui_row "$got" 23)" '^Type: 1 statement'
got=$(mus '2a2')
is "a then 2: MUS asks for the floor to reply" "$(ui_row "$got" 23)" "ok MUS in line, position 1"
is "... journaled as the person, for MUS" \
	"$(sqlite3 -separator '|' "$db" "SELECT event, delegation, person, role FROM journal ORDER BY seq DESC LIMIT 1")" \
	"q+|MUS|A. Ramgoolam|delegation:MUS"

rap run --db "$db" - >/dev/null <<'CMDS'
q+ COM point_of_order
q+ SYC
CMDS
got=$(mus '2')
is "its place: 2 of 3, behind a point of order" "$(ui_row "$got" 5)" \
	" Speakers (3) — MUS: position 2 of 3 (reply; d withdraws)"
got=$(mus '2Gd')
is "d withdraws its own request, whatever row is selected" "$(ui_row "$got" 23)" \
	"ok MUS withdrawn from the list of speakers"
is "... SYC's request stays" "$(sqlite3 "$db" "SELECT group_concat(d.code) FROM speaker_request r JOIN delegation d ON d.id = r.delegation_id ORDER BY r.pos")" "COM,SYC"
got=$(mus '2<Enter>')
is "Enter (not offered) is refused naming the role" "$(ui_row "$got" 23)" "error: role delegation:MUS may not run floor"

got=$(mus '2?')
help=$(printf '%s\n' "$got" | sed -n '3,22p')
like "help lists q+ for the Floor screen" "$help" 'q\+ CODE'
unlike "... and not floor, yield, qmove, end, adopt" "$help" '^ *(Enter|y|K J|E) '

# The rapporteur (no --role): every key as before.
got=$(ui_run "$db" '2')
like "the rapporteur's hint bar keeps Enter floor and y yield" "$(ui_row "$got" 24)" 'Enter floor y yield'
is "... and no place in the heading" "$(ui_row "$got" 5)" " Speakers (2)"
unlike "... nor a mark in the title bar" "$(ui_row "$got" 1)" 'MUS|chair'
got=$(ui_run "$db" '2' --as "H. E. Chair" --role chair)
like "the chair's title bar says chair" "$(ui_row "$got" 1)" ' chair  3 Déclarations'
like "... and its hints keep Enter floor and y yield, not n note" "$(ui_row "$got" 24)" 'Enter floor y yield'
unlike "... not n note" "$(ui_row "$got" 24)" ' n note'

