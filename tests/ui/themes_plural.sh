#!/bin/sh
# themes_plural.sh — the decision line under the Themes grid reads right
# for 0, 1 and 2 of each count in French, English and Spanish (it said
# "1 abstentions", "1 présents"): abstentions 0/1/2 with five member
# states present, then one member state present (consensus, blocked, no
# support), each line whole at 80 columns.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
# Row 22: the decision of the selected proposal.
decision() { ui_row "$1" 22; }
# The decision of proposals 1..N (Right moves to the next), one a line.
decisions() {
	_k=4; _i=0
	while [ $_i -lt "$2" ]; do
		decision "$(ui_run "$db" "$_k<Tick>" --lang "$1")" | sed 's/^ //'
		_k="$_k<Right>"; _i=$((_i + 1))
	done
}

db=$(fresh_db plural)
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
propose workshop midiocc_borders MUS
propose workshop midiocc_sids SYC
position 2 SYC abstain
propose workshop midiocc_climate ctp
position 3 SYC abstain
position 3 MUS abstain
EOF
want_en="No member state present supports it yet (0 abstain, 5 present).
No member state present supports it yet (1 abstain, 5 present).
No member state present supports it yet (2 abstain, 5 present)."
want_fr="Aucun État membre présent ne la soutient (0 abstention, 5 présents).
Aucun État membre présent ne la soutient (1 abstention, 5 présents).
Aucun État membre présent ne la soutient (2 abstentions, 5 présents)."
want_es="Ningún Estado miembro presente la apoya (0 abstenciones, 5 presentes).
Ningún Estado miembro presente la apoya (1 abstención, 5 presentes).
Ningún Estado miembro presente la apoya (2 abstenciones, 5 presentes)."
for l in en fr es; do
	eval "want=\$want_$l"
	is "$l: 0, 1 and 2 abstentions, 5 present" "$(decisions $l 3)" "$want"
done

# One member state present: COM.
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
present- MDG
present- MUS
present- FRA
present- SYC
propose workshop midiocc_health COM
position 4 COM support
propose workshop midiocc_labour_mobility COM
position 5 COM object
EOF
for l in en fr es; do
	got=$(decisions $l 5 | sed -n '1p;4,5p')
	case $l in
	en) want="No member state present supports it yet (0 abstain, 1 present).
Consensus: 1 support, 0 abstain, no objection, 1 present; s selects it.
Blocked: Comoros objects (0 support, 1 present)." ;;
	fr) want="Aucun État membre présent ne la soutient (0 abstention, 1 présent).
Consensus : 1 pour, 0 abst., aucune objection, 1 présent ; s la retient.
Bloquée : Comores s'y oppose (0 pour, 1 présent)." ;;
	es) want="Ningún Estado miembro presente la apoya (0 abstenciones, 1 presente).
Consenso: 1 a favor, 0 abst., ninguna objeción, 1 presente; s la elige.
Bloqueada: Comoros se opone (0 a favor, 1 presente)." ;;
	esac
	is "$l: one member state present" "$got" "$want"
done
echo "1..$n"
