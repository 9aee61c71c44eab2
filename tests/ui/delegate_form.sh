#!/bin/sh
# delegate_form.sh — the add-delegate form of the Attendance screen moves
# field by field (issue 11): Tab or Down to the next field, S-Tab or Up to
# the previous one (in the level and category lists Up/Down choose), Enter
# or F2 saves, Esc cancels; the form's last row says so.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db form)
sq() { sqlite3 -separator '|' "$db" "$1"; }
cur() { printf '%s\n' "$1" | sed -n 's/^> *\([^ !]*\).*/\1/p'; }  # the field with the marker

got=$(ui_run "$db" '3jja')
is "a: the form opens on the name" "$(cur "$got")" "Name"
got=$(ui_run "$db" '3jjaX<Down>')
is "Down: the next field (function)" "$(cur "$got")" "Function"
got=$(ui_run "$db" '3jjaX<Tab><Tab>')
is "Tab Tab: the level" "$(cur "$got")" "Level"
got=$(ui_run "$db" '3jjaX<Down><Up>')
is "Up: back to the name" "$(cur "$got")" "Name"
got=$(ui_run "$db" '3jjaX<Tab><Tab><Tab><S-Tab>')
is "S-Tab: the previous field" "$(cur "$got")" "Level"
got=$(ui_run "$db" '3jjaX<S-Tab>')
is "S-Tab on the first field: round to the last (e-mail)" "$(cur "$got")" "E-mail"
got=$(ui_run "$db" '3jjaX<Tab><Tab>dir<Down>')
is "Down in the level list chooses (the field stays)" "$(cur "$got")" "Level"
like "the keys on the form's last row" "$(ui_row "$got" 22)" 'S-Tab.*F2'

got=$(ui_run "$db" '3jjaAina Rabe<Tab>Conseillère<Tab>dir<Tab>Ministère<Tab>int<F2>')
like "F2 saves from the category" "$(ui_row "$got" 23)" '^ok delegate MDG "Aina Rabe"'
is "... stored" "$(sq "SELECT level, category, function FROM delegate WHERE name = 'Aina Rabe'")" \
	"director|interior|Conseillère"
got=$(ui_run "$db" '3jjaBina Rabe<Tab><Tab>dir<Tab><Tab>int<Tab><Tab>b.rabe@example.mg<Enter>')
is "Enter on the last field saves" "$(sq "SELECT email FROM delegate WHERE name = 'Bina Rabe'")" \
	"b.rabe@example.mg"
got=$(ui_run "$db" '3jjaCina Rabe<Tab><Tab>dir<Tab><Tab>int<Esc>')
is "Esc cancels" "$(sq "SELECT count(*) FROM delegate WHERE name = 'Cina Rabe'")" 0
like "... and says so" "$(ui_row "$got" 23)" '^cancelled: nothing changed$'
