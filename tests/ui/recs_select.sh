#!/bin/sh
# recs_select.sh — after drafting a recommendation (a … F2, then Esc from
# its detail back to the list), the list selects the new one: c, r, A and
# Enter act on what was just drafted, not on the row selected before (the
# whole-meeting test recorded a reservation meant for R4 on R1 that way).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db recs_select)
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T10:00:00+04:00
rec+ MUS "Santé aux frontières" "Texte un."
rec+ COM "Données" "Texte deux."
CMDS
got=$(ui_run "$db" '5a2Titre trois<Enter>Texte trois.<F2>')
like "F2 saves R3" "$(ui_row "$got" 23)" 'ok recommendation 3'
db=$(fresh_db recs_select2)
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T10:00:00+04:00
rec+ MUS "Santé aux frontières" "Texte un."
rec+ COM "Données" "Texte deux."
CMDS
got=$(ui_run "$db" '5a2Titre trois<Enter>Texte trois.<F2><Esc><Enter>')
like "Esc then Enter: the detail of R3, the new one" "$got" 'Titre trois'
unlike "... not R1's" "$got" 'Santé aux frontières'
