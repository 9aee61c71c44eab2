#!/bin/sh
# speakers.sh — the list of speakers on the Floor screen (issue 11): the
# speaker is picked from the delegation's present delegates with Tab
# completion (case and accents ignored, the start of any word of the
# name), a name that is no delegate of the delegation is refused in one
# line before anything is asked or stored; the list scrolls when longer
# than its space and says what it hides, at 80×24.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db speakers)
q() { sqlite3 -separator '|' "$db" "$1"; }
rap run --db "$db" - >/dev/null <<'EOF2'
clock 2026-11-23T09:00:00+04:00
start 4
EOF2

# ---- the speaker, with Tab completion among those present ----
got=$(ui_run "$db" '2aMUS<Enter>')
like "a, MUS: the speaker prompt names the delegation" "$(ui_row "$got" 23)" '^Speaker of MUS \(empty: the delegation\):'
like "... and Tab completes" "$(ui_row "$got" 24)" 'Tab complete'
got=$(ui_run "$db" '2aMUS<Enter>ram<Tab>')
like "ram Tab: Priya Ramdin (the start of her second name)" "$(ui_row "$got" 23)" ': Priya Ramdin$'
got=$(ui_run "$db" '2aSYC<Enter>JOEL<Tab>')
like "JOEL Tab: Joël Esparon (case and accents ignored)" "$(ui_row "$got" 23)" ': Joël Esparon$'
got=$(ui_run "$db" '2aMDG<Enter><Tab>')
is "Tab on nothing lists MDG's present delegates (not Solofo Andrianarisoa, absent)" \
	"$(ui_row "$got" 24)" 'Fanja Razafindrakoto · Haingo Rakotomalala · Tiana Randriamanana'
got=$(ui_run "$db" '2aMDG<Enter>ra<Tab>')
like "ra Tab: three start a word with ra: listed" "$(ui_row "$got" 24)" \
	'^Fanja Razafindrakoto · Haingo Rakotomalala · Tiana Randriamanana$'
got=$(ui_run "$db" '2aMDG<Enter>ra<Tab><Tab><Tab>')
like "Tab again goes through them" "$(ui_row "$got" 23)" ': Haingo Rakotomalala$'
got=$(ui_run "$db" '2aMDG<Enter>sol<Tab>')
like "an absent delegate is not offered" "$(ui_row "$got" 24)" '^no completion'
got=$(ui_run "$db" '2aMUS<Enter>ram<Tab><Enter>1')
is "Enter, 1 (statement): in line" "$(ui_row "$got" 23)" "ok MUS in line, position 1"
is "... with the speaker's name as registered" \
	"$(q "SELECT d.code, x.speaker, x.speech_type FROM speaker_request x
		JOIN delegation d ON d.id = x.delegation_id")" "MUS|Priya Ramdin|statement"
got=$(ui_run "$db" '2aSYC<Enter>joël esparon<Enter>3')
is "a name typed whole, in other case: the registered spelling is stored" \
	"$(q "SELECT x.speaker, x.speech_type FROM speaker_request x
		JOIN delegation d ON d.id = x.delegation_id WHERE d.code = 'SYC'")" \
	"Joël Esparon|point_of_order"

# ---- a name that is no delegate of the delegation ----
got=$(ui_run "$db" '2aMUS<Enter>Joël Esparon<Enter>')
is "someone of another delegation: one line, on the hint bar" "$(ui_row "$got" 24)" \
	'"Joël Esparon" is not a delegate of MUS (Tab lists those present)'
is "... the prompt stays open with the name" "$(ui_row "$got" 23)" \
	'Speaker of MUS (empty: the delegation): Joël Esparon'
got=$(ui_run "$db" '2aMUS<Enter>Nobody<Enter>1<Enter><Enter>')
is "... so the keys typed after it give no floor and store nothing" \
	"$(q "SELECT (SELECT count(*) FROM speaker_request) || '|' || (SELECT count(*) FROM intervention)")" "2|0"
got=$(ui_run "$db" '2aMUS<Enter>Nobody<Enter><C-u>ram<Tab><Enter>2')
is "... corrected there, the request goes in" "$(ui_row "$got" 23)" "ok MUS in line, position 3"
got=$(ui_run "$db" '2aXYZ<Enter><Enter>1')
is "an unknown delegation: q+ says so, as before" "$(ui_row "$got" 23)" 'error: unknown delegation XYZ'
got=$(ui_run "$db" '2aCOM<Enter><Enter>2')
is "empty speaker: the delegation speaks" "$(ui_row "$got" 23)" "ok COM in line, position 4"

# ---- the same names on the command line, inside the quote ----
db=$(fresh_db cmdline)
rap run --db "$db" - >/dev/null <<'EOF2'
clock 2026-11-23T09:00:00+04:00
start 4
EOF2
got=$(ui_run "$db" '2:q+ MUS "ram<Tab>')
is ':q+ MUS "ram Tab: the name and its closing quote' "$(ui_row "$got" 23)" ': q+ MUS "Priya Ramdin"'
got=$(ui_run "$db" '2:q+ MDG "<Tab>')
is ':q+ MDG " Tab: the three present listed' "$(ui_row "$got" 24)" \
	'Fanja Razafindrakoto · Haingo Rakotomalala · Tiana Randriamanana'
got=$(ui_run "$db" '2:q+ MDG "<Tab><Tab><Tab>')
is '... Tab again puts them in, one by one' "$(ui_row "$got" 23)" ': q+ MDG "Haingo Rakotomalala"'
got=$(ui_run "$db" '2:present+ MDG "<Tab>')
is ':present+ offers those not present (Solofo Andrianarisoa)' "$(ui_row "$got" 23)" \
	': present+ MDG "Solofo Andrianarisoa"'
got=$(ui_run "$db" '2:q+ SYC "élo<Tab>')
is 'no delegate of SYC starts a word with élo: said' "$(ui_row "$got" 24)" 'no completion'
got=$(ui_run "$db" '2:q+ MUS "ram<Tab> question<Enter>')
is "... and the completed line runs" "$(ui_row "$got" 23)" "ok MUS in line, position 1"
is "... with her name and the type" "$(q "SELECT speaker, speech_type FROM speaker_request")" \
	"Priya Ramdin|question"

# ---- the list scrolls and says what it hides ----
db=$(fresh_db scroll)
rap run --db "$db" - >/dev/null <<'EOF2'
clock 2026-11-23T09:00:00+04:00
start 4
q+ COM
q+ MDG
q+ MUS
q+ FRA
q+ SYC
q+ ZAF
q+ IOM
q+ WHO
q+ ILO
EOF2
got=$(ui_run "$db" '2')
like "nine speakers in five rows: the heading says four are below" "$(ui_row "$got" 5)" \
	'^ Speakers \(9\) +↓ 4 more$'
like "... the fifth row is SYC" "$(ui_row "$got" 10)" '^  5  SYC'
got=$(ui_run "$db" '2<End>')
like "End: the list scrolled, four above" "$(ui_row "$got" 5)" '^ Speakers \(9\) +↑ 4 more$'
like "... the last row is ILO" "$(ui_row "$got" 10)" '^  9  ILO'
got=$(ui_run "$db" '2<Down><Down><Down><Down><Down><Down>')
like "in the middle: both" "$(ui_row "$got" 5)" '^ Speakers \(9\) +↑ 2 more  ↓ 2 more$'
got=$(ui_run "$db" '2<End><Home>')
like "Home: back to the top" "$(ui_row "$got" 5)" '^ Speakers \(9\) +↓ 4 more$'
rap run --db "$db" - >/dev/null <<'EOF2'
q- ILO
q- WHO
q- IOM
q- ZAF
EOF2
got=$(ui_run "$db" '2')
is "five speakers fit: nothing hidden, nothing said" "$(ui_row "$got" 5)" ' Speakers (5)'
