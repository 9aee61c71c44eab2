#!/bin/sh
# theme_titles.sh — the Themes screen names a theme of the catalogue in
# the interface language, whichever language it was proposed in (issue
# 11: in English the list and the detail line gave the French title); a
# free title as typed; `/` finds a proposal by its title as shown.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
# Rows: 5… the proposals beside the grid, 20 the selected proposal.
row() { ui_row "$1" $((4 + $2)) | sed 's/^.*│ //'; }
detail() { ui_row "$1" 20; }

db=$(fresh_db titles)
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
propose workshop midiocc_borders
propose workshop "Gestion intégrée des frontières maritimes" MUS
propose workshop "Labour mobility and human development" COM
EOF
got=$(ui_run "$db" '4')
is "en: proposed by code, the catalogue's English title" "$(row "$got" 1)" \
	"P1   Integrated border management   Sec. no support"
is "en: a free title as typed" "$(row "$got" 2)" "P2   Gestion intégrée des frontièr… MUS  no support"
is "en: proposed by its English title" "$(row "$got" 3)" "P3   Labour mobility and human dev… COM  no support"
is "en: the detail line" "$(detail "$got")" " P1 Integrated border management"
got=$(ui_run "$db" '4/border<Enter>')
is "en: / finds the catalogue title as shown" "$(detail "$got")" " P1 Integrated border management"

got=$(ui_run "$db" '4' --lang fr)
is "fr: the catalogue's French title" "$(row "$got" 1)" \
	"P1   Gestion intégrée des frontièr… Sec. aucun appui"
is "fr: proposed in English, shown in French" "$(row "$got" 3)" \
	"P3   Mobilité de main-d'œuvre et d… COM  aucun appui"
got=$(ui_run "$db" '4<Right><Right><Tick>' --lang fr)
is "fr: its detail line" "$(detail "$got")" \
	" P3 Mobilité de main-d'œuvre et développement humain"

# IDM: the catalogue has Spanish titles.
idm=${TEST_TMP:-/tmp}/titles-idm.db
rm -f "$idm"*
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
rap run --db "$idm" - >/dev/null 2>&1 <<'EOF'
propose workshop idm2003_2
propose workshop "Integration of migrants"
EOF
got=$(ui_run "$idm" '4' --lang es)
like "es: proposed by code, the Spanish title" "$(ui_row "$got" 5)" '│ P1   Comercio y migración '
like "es: proposed in English, shown in Spanish" "$(ui_row "$got" 6)" '│ P2   Integración de los migrantes '
echo "1..$n"
