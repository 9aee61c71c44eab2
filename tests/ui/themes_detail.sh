#!/bin/sh
# themes_detail.sh — the lines under the Themes grid at 80 columns in
# French, English and Spanish (issue 11 leftover: in French the decision
# line was cut, "… ; s la r…"): the decision of the selected proposal
# fits whole, with up to 175 member states present; a title, a proposer
# or a list of categories too long for their line end in "…" and Enter
# shows the proposal whole, wrapped (Esc closes); Enter in the catalogue
# still proposes the selected theme.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
# Rows: 20–22 the selected proposal (title, proposer, decision), 23 the
# message line.
decision() { ui_row "$1" 22; }

db=$(fresh_db detail)
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
propose workshop midiocc_borders MUS
position 1 COM support
position 1 MUS support
position 1 SYC abstain
propose workshop midiocc_sids SYC
position 2 MDG object
position 2 FRA object
position 2 COM support
propose workshop midiocc_climate ctp
position 3 SYC abstain
EOF

want_en="Consensus: 2 support, 1 abstain, no objection, 5 present; s selects it.
Blocked: France / Réunion, Madagascar object (1 support, 5 present).
No member state present supports it yet (1 abstain, 5 present)."
want_fr="Consensus : 2 pour, 1 abst., aucune objection, 5 présents ; s la retient.
Bloquée : France / La Réunion, Madagascar s'y opposent (1 pour, 5 présents).
Aucun État membre présent ne la soutient (1 abstention, 5 présents)."
want_es="Consenso: 2 a favor, 1 abst., ninguna objeción, 5 presentes; s la elige.
Bloqueada: France / Réunion, Madagascar se oponen (1 a favor, 5 presentes).
Ningún Estado miembro presente la apoya (1 abstención, 5 presentes)."
for l in en fr es; do
	got=$( (decision "$(ui_run "$db" '4<Tick>' --lang $l)"
		decision "$(ui_run "$db" '4<Right><Tick>' --lang $l)"
		decision "$(ui_run "$db" '4<Right><Right><Tick>' --lang $l)") | sed 's/^ //')
	eval "want=\$want_$l"
	is "$l: each decision whole at 80 columns" "$got" "$want"
done

# No proposal yet for the next meeting: the line says how to make one.
for l in en fr es; do
	got=$(ui_run "$db" '4t' --lang $l)
	like "$l: no proposal for the next meeting, the line whole" "$(ui_row "$got" 20)" '^ [^…]*\.$'
done

# Enter: the proposal whole, wrapped over the lines it needs.
got=$(ui_run "$db" '4<Right><Right><Enter>' --lang fr)
whole=$(printf '%s\n' "$got" | sed -n '3,21p' | sed 's/^ *//' | tr '\n' ' ' | tr -s ' ')
like "fr Enter: the title whole" "$whole" "P3 Migration, environnement et changements climatiques"
like "... the proposer whole" "$whole" "Par le Comité technique de pilotage \(CTP\) · midiocc_climate"
like "... every category R4 adds" "$whole" \
	"R4 ajoute : Environnement et changement climatique"
like "... the decision" "$whole" "Aucun État membre présent ne la soutient"
unlike "... nothing cut" "$whole" "…"
got=$(ui_run "$db" '4<Right><Right><Enter><Esc>' --lang fr)
is "Esc closes it: the grid again" "$(ui_row "$got" 20)" \
	" P3 Migration, environnement et changements climatiques"

# IDM: a title of 190 characters, 60 member states present.
idm=${TEST_TMP:-/tmp}/detail-idm.db
rm -f "$idm"*
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
present=$(sqlite3 "$idm" "SELECT count(DISTINCT g.id) FROM delegate d JOIN delegation g
	ON g.id = d.delegation_id WHERE d.present = 1 AND g.type = 'member'")
members=$(sqlite3 "$idm" "SELECT g.code FROM delegate d JOIN delegation g ON g.id = d.delegation_id
	WHERE d.present = 1 AND g.type = 'member' GROUP BY g.code ORDER BY g.code LIMIT 12")
{
	echo "propose workshop idm2017_1"
	for c in $members; do echo "position 1 $c support"; done
	echo "position 1 $(echo "$members" | tail -1) abstain"
} | rap run --db "$idm" - >/dev/null 2>&1
for l in en fr es; do
	got=$(ui_run "$idm" '4<Tick>' --lang $l)
	unlike "idm $l: the decision whole ($present present)" "$(decision "$got")" "…"
	like "idm $l: ... with its figures" "$(decision "$got")" " 11 [^,]*, 1 .*$present "
done
title=$(sqlite3 "$idm" "SELECT title_es FROM theme WHERE code = 'idm2017_1'")
got=$(ui_run "$idm" '4<Enter>' --lang es)
whole=$(printf '%s\n' "$got" | sed -n '3,21p' | sed 's/^ *//' | tr '\n' ' ' | tr -s ' ')
like "idm es Enter: the title of ${#title} characters whole" "$whole" "P1 $title"

# The catalogue: Enter proposes the selected theme, as before.
got=$(ui_run "$db" '4c/trafic<Enter><Enter><C-u>SYC<Enter>')
is "catalogue: Enter still proposes" "$(ui_row "$got" 23)" "ok proposal 4"
echo "1..$n"
