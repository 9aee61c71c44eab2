#!/bin/sh
# followup.sh — screen 7, Follow-up (issue 14): its three views and their
# keys at 80×24, in English and in French, in monochrome, with the 15
# member states of fixtures/midsa (the grid pages over states): statuses set
# from the grid (stored, journaled, shown as letters), a note, the CTP's
# review, the filters, actions opened / done / reopened / dropped with the
# overdue mark, and the history of representation across sessions.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "${TEST_TMP:-.}" || exit 2
db=$PWD/fu.db
rm -f "$db"*
rap init --db "$db" --fixtures "$TOP/fixtures/midsa" --demo >/dev/null 2>&1
q() { sqlite3 -separator '|' "$db" "$1"; }
members=$(q "SELECT count(*) FROM delegation WHERE type = 'member'")
is "fixtures/midsa: 15 member states" "$members" 15
codes=$(q "SELECT group_concat(code, ' ') FROM (SELECT code FROM delegation WHERE type = 'member' ORDER BY code)")
first=$(echo "$codes" | cut -d' ' -f1); second=$(echo "$codes" | cut -d' ' -f2)
last=$(echo "$codes" | awk '{print $NF}')
rap run --db "$db" --keep-going - >/dev/null 2>&1 <<CMDS
clock 2026-11-23T16:00:00+04:00
rec+ $first "Protection des migrants" "Renforcer la protection des travailleurs migrants."
rec+ $second "Données" "Harmoniser les données sur la migration."
rec+ $first "Brouillon" "Non adopté."
adopt 1
adopt 2
follow R1 $second in_progress "Plan national"
action+ secretariat "Diffuser le rapport" 2026-01-15
action+ $first "Accueillir l'atelier"
CMDS

# ---- the grid -------------------------------------------------------------
got=$(ui_run "$db" '7')
like "tab 7 Follow-up" "$(ui_row "$got" 2)" '7 Follow-up'
like "grid header: Rec., overall, the first member states" "$(ui_row "$got" 3)" "Rec\. +=  $first +$second"
like "the header says the grid goes on to the right" "$(ui_row "$got" 3)" '> Title'
like "R1 row: overall P, the second state P, the selected cell in brackets" "$(ui_row "$got" 4)" "S1/R1 +P +\[\.\] +P "
like "R2 row: no report anywhere" "$(ui_row "$got" 5)" 'S1/R2 +\. +\. +\. '
unlike "a draft is not followed" "$got" 'S1/R3'
like "detail: the cell" "$(ui_row "$got" 20)" "S1/R1 $first: no report"
like "detail: never reported, overall in progress" "$(ui_row "$got" 21)" 'never reported; overall: in progress'
like "hint bar: the screen's keys" "$(ui_row "$got" 24)" 'v views'

# i sets "implemented" on the selected cell; Right moves to the next state.
got=$(ui_run "$db" '7i<Right>x<Down>p')
is "keys i, x, p stored as follow-up" "$(q "SELECT r.num, d.code, f.status FROM followup f JOIN recommendation r ON r.id = f.rec_id JOIN delegation d ON d.id = f.delegation_id ORDER BY r.num, d.code" | tr '\n' ' ')" \
	"1|$first|implemented 1|$second|not_applicable 2|$second|in_progress "
like "the grid shows the letters" "$(ui_row "$got" 4)" "S1/R1 +P +I +X "
like "... and the cursor cell on R2" "$(ui_row "$got" 5)" "S1/R2 +P +\. +\[P\]"
like "each key is one journaled command" "$(q "SELECT count(*) FROM journal WHERE event = 'follow'")" '^4$'

# Right to the last state: the grid shifts and the state is in view.
keys='7'; for i in $(seq 2 "$members"); do keys="$keys<Right>"; done
got=$(ui_run "$db" "$keys")
like "a move alone leaves the detail lines for the idle tick (bytes per key)" "$(ui_row "$got" 20)" "S1/R1 $first"
got=$(ui_run "$db" "$keys<Tick>")
like "after 14 Right: the last state in the header" "$(ui_row "$got" 3)" "$last"
like "... its cell selected" "$(ui_row "$got" 4)" '\[\.\]'
like "... the detail names it after the tick" "$(ui_row "$got" 20)" "S1/R1 $last"

# N: a note with the cell's status; r: the CTP's review.
got=$(ui_run "$db" '7<Right>NLoi votée en 2026<Enter>rProgrès notables<Enter>')
is "N keeps the status, stores the note" "$(q "SELECT f.status, f.note FROM followup f JOIN delegation d ON d.id = f.delegation_id JOIN recommendation r ON r.id = f.rec_id WHERE r.num = 1 AND d.code = '$second'")" "not_applicable|Loi votée en 2026"
is "r records the review" "$(q "SELECT conclusion FROM rec_review")" "Progrès notables"
like "the detail shows the note" "$(ui_row "$got" 20)" "S1/R1 $second: not applicable — Loi votée en 2026"
like "... and the previous report" "$(ui_row "$got" 22)" 'not applicable'

# f cycles the overall filter: not started (none) … in progress (R1 and R2).
got=$(ui_run "$db" '7f')
like "filter not started: empty" "$got" 'No adopted recommendation to follow yet'
got=$(ui_run "$db" '7ff')
like "filter in progress: both" "$(ui_row "$got" 5)" 'S1/R2'
like "... says so" "$(ui_row "$got" 23)" 'filter: in progress'

# t cycles the theme filter: R1's theme, R2's theme, then all again.
rap run --db "$db" - >/dev/null 2>&1 <<'CMDS'
rec= 1 theme idm2002_1
rec= 2 theme idm2001
CMDS
got=$(ui_run "$db" '7t')
like "theme filter: the first theme in code order (R2: idm2001)" "$(ui_row "$got" 4)" 'S1/R2'
unlike "... R1 left out" "$got" 'S1/R1'
like "... says so" "$(ui_row "$got" 23)" 'filter: theme idm2001'
got=$(ui_run "$db" '7tt')
like "the next theme: R1 only" "$(ui_row "$got" 4)" 'S1/R1'
unlike "... R2 left out" "$got" 'S1/R2'
got=$(ui_run "$db" '7ttt')
like "past the last theme: all again" "$(ui_row "$got" 23)" 'filter: all'
like "... both rows" "$(ui_row "$got" 5)" 'S1/R2'
got=$(ui_run "$db" '7fft')
like "filters combine: in progress and a theme" "$(ui_row "$got" 23)" 'filter: in progress, theme idm2001'

# ---- actions ----------------------------------------------------------------
got=$(ui_run "$db" '7v')
like "view 2: actions" "$(ui_row "$got" 3)" 'No +Owner +Due +State +Action'
like "A1 overdue (due before the session)" "$(ui_row "$got" 4)" 'A1 +secretariat +2026-01-15! +to do +Diffuser le rapport'
like "A2 without a due date" "$(ui_row "$got" 5)" "A2 +$first +to do"
got=$(ui_run "$db" "7va${second}<Enter>Former les agents<Enter>2027-03-01<Enter>")
is "a opens an action" "$(q "SELECT num, owner, due, state FROM action WHERE num = 3")" "3|$second|2027-03-01|open"
got=$(ui_run "$db" '7vd<Down>X<Down>d<Up><Up>o')
is "d done, X dropped, o reopened" "$(q "SELECT group_concat(x, ' ') FROM (SELECT num || state AS x FROM action ORDER BY num)")" "1open 2dropped 3done"
like "the list shows the states" "$(ui_row "$got" 6)" 'A3 .*done'

# ---- representation -----------------------------------------------------------
rap run --db "$db" - >/dev/null 2>&1 <<'CMDS'
clock 2027-11-20T09:00:00+04:00
session new "SADC 2027" senior 2027-11-20 --from 1
CMDS
got=$(ui_run "$db" '7vv')
like "view 3: states × sessions, newest first" "$(ui_row "$got" 3)" 'State +S2 2027 +S1 2026'
like "a state's results across sessions" "$(ui_row "$got" 4)" "^ $first +(ABSENT|OK|LEVEL|ENTITY)"
like "the follow-up of session 1 is seen from session 2" "$(ui_run "$db" '7')" 'S1/R1'

# ---- French, monochrome --------------------------------------------------------
got=$(ui_run "$db" '7' --lang fr --no-color)
like "French: the tab" "$(ui_row "$got" 2)" '7 Suivi'
like "French: the detail" "$(ui_row "$got" 21)" 'signalé|jamais signalé'
got=$(ui_run "$db" '7v' --lang fr --no-color)
like "French: actions header" "$(ui_row "$got" 3)" 'N° +Responsable +Échéance +État +Action'
like "French: a state" "$got" 'à faire|abandonnée|terminé'
ascii=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '7' --no-color | sed -n 8p)
like "monochrome: the selected row is in reverse" "$ascii" 'R'

# ---- a new session from the Agenda screen (N) ------------------------------------
n_before=$(q "SELECT count(*) FROM session")
got=$(ui_run "$db" '1NSADC 2028<Enter><Enter>2028-11-18<Enter>')
is "N on the Agenda: one more session" "$(q "SELECT count(*) FROM session")" "$((n_before + 1))"
new=$(q "SELECT max(id) FROM session")
is "... titled, senior by default, dated" "$(q "SELECT title, level, start_date FROM session WHERE id = $new")" "SADC 2028|senior|2028-11-18"
is "... with the roster of the session it came from, nobody present" \
	"$(q "SELECT count(*), sum(present) FROM delegate WHERE session_id = $new")" \
	"$(q "SELECT count(*) FROM delegate WHERE session_id = $new - 1")|0"
like "... the answer says so" "$(ui_row "$got" 23)" "ok session $new \(from session $((new - 1)):"
