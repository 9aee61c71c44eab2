#!/bin/sh
# theme_titles.sh — a theme of the catalogue is written in the reader's
# language in the CSV minutes (themes.csv, recommendations.csv,
# session.csv) and in the report, whatever the language it was proposed
# in (issues 11 and 17, found by tests/ui/meeting.sh: English exports gave
# the French title): the export's language (`--lang`) where the catalogue
# has the title, else as the screens' labels do (Spanish falls back to
# English, English to French); a free title — a merged proposal's
# included, though it keeps its catalogue link — stays as typed. Every
# file is read back with Python's csv module. The report's fingerprint
# stays the same in every language.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3

idm=$PWD/titles-idm.db
rm -f "$idm"*
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
out=$(rap run --db "$idm" - 2>&1 <<'EOS'
propose workshop idm2002_1
propose workshop "Diaspora support to the migration and development nexus" CHE
propose next "Migración y juventud"
propose workshop idm2003_2 ctp
propose workshop "Enfoques de la recopilación y gestión de datos"
merge 4 5 "Comercio y datos"
rec+ CHE "Red de puntos focales" "Texto."
rec= 1 theme idm2002_1
rec+ CHE "Sin tema" "Texto."
EOS
)
is "idm: proposals by code, by English and by Spanish title, a free title, a merge" "$?" 0
for l in fr en es; do
	rap --lang $l export --db "$idm" --session 1 --out "idm-$l" >/dev/null 2>&1
done

# The theme cells of the export in DIR, one line each: "themes.csv P1:
# title", "recommendations.csv R1: title", "session.csv: titles".
cells() {
	$PY - "$1" <<'EOP'
import csv, os, sys
d = sys.argv[1]
def rows(name):
    with open(os.path.join(d, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))
for r in rows('themes.csv'):
    print('themes.csv P%s: %s' % (r['proposal'], r['theme']))
for r in rows('recommendations.csv'):
    print('recommendations.csv R%s: %s' % (r['number'], r['theme']))
for r in rows('session.csv'):
    print('session.csv: %s' % r['themes'])
EOP
}

is "idm fr: the catalogue's French titles, free titles as typed" "$(cells idm-fr)" \
"themes.csv P1: Intégration des migrants
themes.csv P2: Soutien des diasporas à l'interaction migration/développement
themes.csv P3: Migración y juventud
themes.csv P4: Commerce et migration
themes.csv P5: Approches en matière de collecte et de gestion des données
themes.csv P6: Comercio y datos
recommendations.csv R1: Intégration des migrants
recommendations.csv R2: 
session.csv: Vers une bonne gouvernance des migrations : des partenariats pour développer les capacités"
is "idm en: the catalogue's English titles" "$(cells idm-en)" \
"themes.csv P1: Integration of migrants
themes.csv P2: Diaspora support to the migration and development nexus
themes.csv P3: Migración y juventud
themes.csv P4: Trade and migration
themes.csv P5: Approaches to data collection and data management
themes.csv P6: Comercio y datos
recommendations.csv R1: Integration of migrants
recommendations.csv R2: 
session.csv: Towards effective migration governance: partnerships for capacity development"
is "idm es: the catalogue's Spanish titles" "$(cells idm-es)" \
"themes.csv P1: Integración de los migrantes
themes.csv P2: Apoyo de las diásporas a la interacción entre migración y desarrollo
themes.csv P3: Migración y juventud
themes.csv P4: Comercio y migración
themes.csv P5: Enfoques de la recopilación y gestión de datos
themes.csv P6: Comercio y datos
recommendations.csv R1: Integración de los migrantes
recommendations.csv R2: 
session.csv: Hacia una gobernanza eficaz de la migración: asociaciones para el desarrollo de capacidades"

# The DiMOI catalogue has no Spanish titles: English stands in, as for
# the labels; a theme without an English title keeps its French one.
dimoi=$(fresh_db titles-dimoi)
sqlite3 "$dimoi" "UPDATE theme SET title_en = '' WHERE code = 'midiocc_climate'"
rap run --db "$dimoi" - >/dev/null 2>&1 <<'EOS'
propose workshop midiocc_borders
propose next midiocc_climate
rec+ MUS "Réseau des points focaux" "Les États membres désignent un point focal."
rec= 1 theme midiocc_borders
EOS
for l in fr en es; do
	rap --lang $l export --db "$dimoi" --session 1 --out "dimoi-$l" >/dev/null 2>&1
done
is "dimoi fr" "$(cells dimoi-fr)" \
"themes.csv P1: Gestion intégrée des frontières
themes.csv P2: Migration, environnement et changements climatiques
recommendations.csv R1: Gestion intégrée des frontières
session.csv: Migration et santé"
is "dimoi en: a title the catalogue lacks in English stays French" "$(cells dimoi-en)" \
"themes.csv P1: Integrated border management
themes.csv P2: Migration, environnement et changements climatiques
recommendations.csv R1: Integrated border management
session.csv: Migration and health"
is "dimoi es: English where the catalogue has no Spanish" "$(cells dimoi-es)" \
"themes.csv P1: Integrated border management
themes.csv P2: Migration, environnement et changements climatiques
recommendations.csv R1: Integrated border management
session.csv: Migration and health"

# The report: the proposals' titles in its language, one fingerprint.
for l in fr en es; do
	fp=$(rap report --db "$idm" --session 1 --out "idm-$l.html" --lang $l 2>&1 | cut -d' ' -f3)
	eval "fp_$l=\$fp"
done
like "report en: the catalogue theme in English" "$(cat idm-en.html)" 'Integration of migrants'
unlike "report en: ... not in French" "$(cat idm-en.html)" 'Intégration des migrants'
like "report es: in Spanish" "$(cat idm-es.html)" 'Integración de los migrantes'
unlike "report es: ... not in French" "$(cat idm-es.html)" 'Intégration des migrants'
like "report fr: in French" "$(cat idm-fr.html)" 'Intégration des migrants'
like "report en: a free title as typed" "$(cat idm-en.html)" 'Migración y juventud'
is "report: the same fingerprint in English and French" "$fp_en" "$fp_fr"
is "report: ... and Spanish" "$fp_es" "$fp_fr"
echo "1..$n"
