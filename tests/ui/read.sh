#!/bin/sh
# read.sh — reading everything in full (issue 11): Enter on a row of the
# Floor log or of the Minutes shows the whole text over the screen,
# wrapped to the width, scrolled by the movement keys, closed by Esc with
# the screen as it was; an answer longer than the message line ends with
# "… w: all" and w shows it whole.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db read)
long="Maurice soutient la déclaration et propose que la surveillance sanitaire aux frontières soit coordonnée par la COI, avec un financement partagé entre les États membres, un rapport annuel au comité technique permanent et une revue à mi-parcours lors de la prochaine réunion ministérielle de la région. FIN-DU-RESUME"
RAPPORTEUR_NOW=2026-11-23T09:40:00+04:00 rap run --db "$db" - >/dev/null 2>&1 <<EOF2
clock 2026-11-23T09:30
start 3
q+ MUS "Priya Ramdin"
floor
clock 2026-11-23T09:34
yield "$long"
EOF2

# Floor: the log cuts the summary; Enter shows it whole.
got=$(ui_run "$db" '2<Right>')
unlike "the log row is cut" "$got" 'FIN-DU-RESUME'
got=$(ui_run "$db" '2<Right><Enter>')
like "Enter on the log: the title names the intervention" "$(ui_row "$got" 3)" '^Intervention 3\.1'
like "... who and when" "$got" 'MUS Mauritius — Priya Ramdin'
like "... the summary to its last word" "$got" 'FIN-DU-RESUME'
ok_if "... wrapped: no row wider than the screen" \
	test "$(printf '%s\n' "$got" | wc -L)" -le 80
like "... the hint bar says how to close" "$(ui_row "$got" 24)" '^Esc close'
got=$(ui_run "$db" '2<Right><Enter><Esc>')
unlike "Esc closes it: the Floor screen again" "$got" 'FIN-DU-RESUME'
like "... with its log" "$got" 'Maurice soutient'
is "Enter on the log gave the floor to nobody" \
	"$(sqlite3 "$db" "SELECT count(*) FROM intervention WHERE end IS NULL")" 0

# Minutes: Enter shows the entry whole, with the command, before and after.
got=$(ui_run "$db" '6<Enter>')
like "Minutes: Enter shows the selected entry" "$(ui_row "$got" 3)" '^Journal entry [0-9]+'
like "... its text to the end" "$got" 'FIN-DU-RESUME'
like "... and the command as typed" "$got" 'Command: yield'

# A long answer on the message line: cut with "… w: all", w shows it whole.
got=$(ui_run "$db" ':rec+ IOM "Titre" "Texte"<Enter>')
like "a long refusal ends with the key that shows it whole" "$(ui_row "$got" 23)" '… w: all$'
got=$(ui_run "$db" ':rec+ IOM "Titre" "Texte"<Enter>w')
like "w shows the last answer" "$(ui_row "$got" 3)" '^Last answer'
like "... whole" "$got" 'member states \(R5\)'

# French.
got=$(ui_run "$db" '2<Right><Enter>' --lang fr)
like "French: the same view" "$(ui_row "$got" 24)" '^Esc fermer'
