#!/bin/sh
# cosponsor.sh — co-sponsors and reservations on the Recommendations
# screen (issue 11): the co-sponsor pick list leaves out the author and the
# delegations co-sponsoring already, from the list and from the detail;
# with none left it says so in one line; the list shows how many
# reservations each recommendation carries (the detail names them).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db cosponsor)
q() { sqlite3 "$db" "$1"; }
rap run --db "$db" - >/dev/null <<'EOF2'
clock 2026-11-23T10:00:00+04:00
rec+ MUS "Santé aux frontières" "Les États membres renforcent la coopération sanitaire."
rec+ COM "Données" "Les États membres partagent leurs données."
cosponsor 1 COM
EOF2

got=$(ui_run "$db" '5c')
is "from the list: neither the author (MUS) nor the co-sponsor (COM) is offered" \
	"$(ui_row "$got" 23)" "Co-sponsor of R1 (member states): 1 FRA  2 MDG  3 SYC"
got=$(ui_run "$db" '5<Enter>c')
is "from the detail: the same" "$(ui_row "$got" 23)" \
	"Co-sponsor of R1 (member states): 1 FRA  2 MDG  3 SYC"
got=$(ui_run "$db" '5<Enter>c2')
is "c 2 from the detail: MDG" "$(ui_row "$got" 23)" "ok R1 cosponsor MDG"
is "... stored" "$(q "SELECT group_concat(d.code, ' ') FROM rec_cosponsor c JOIN delegation d
	ON d.id = c.delegation_id JOIN recommendation r ON r.id = c.rec_id WHERE r.num = 1
	ORDER BY d.code")" "COM MDG"
got=$(ui_run "$db" '5jc')
is "R2 (author COM, no co-sponsor): every other member state" "$(ui_row "$got" 23)" \
	"Co-sponsor of R2 (member states): 1 FRA  2 MDG  3 MUS  4 SYC"

rap run --db "$db" - >/dev/null <<'EOF2'
cosponsor 1 FRA
cosponsor 1 SYC
EOF2
got=$(ui_run "$db" '5c')
is "every member state is author or co-sponsor: said in one line" "$(ui_row "$got" 23)" \
	"no other member state to add"

# Reservations in the list: a column with their count.
rap run --db "$db" - >/dev/null <<'EOF2'
reserve 1 FRA "Sous réserve de la consultation du Parlement"
reserve 1 MDG "Sous réserve de ratification"
reserve 2 SYC "À préciser"
EOF2
got=$(ui_run "$db" '5')
like "the list heading has a reservations column" "$(ui_row "$got" 3)" ' Res +Theme'
like "R1: 2 reservations" "$(ui_row "$got" 4)" '^ +R1 draft +MUS +COM; FRA; … +2 '
like "R2: 1 reservation" "$(ui_row "$got" 5)" '^ +R2 draft +COM +1 '
rap run --db "$db" - >/dev/null <<'EOF2'
reserve 2 SYC
EOF2
got=$(ui_run "$db" '5<Enter>')
like "the detail names them" "$(printf '%s\n' "$got" | sed -n '/^Reservations:/,/^$/p')" \
	'FRA France / Réunion: Sous réserve de la consultation du Parlement'
like "... both" "$(printf '%s\n' "$got" | sed -n '/^Reservations:/,/^$/p')" \
	'MDG Madagascar: Sous réserve de ratification'
