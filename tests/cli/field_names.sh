#!/bin/sh
# field_names.sh — a correction names the field it changed in the reader's
# language (issue 11: the minutes speak the reader's language; "summary"
# stayed English in the French minutes and report): item=, delegate=,
# intervention=, rec= and set, read back from minutes.csv in French and
# Spanish, with the English as stored in the command.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db field_names)
name=$(sqlite3 "$db" "SELECT d.name FROM delegate d JOIN delegation g ON g.id = d.delegation_id WHERE g.code = 'MUS' ORDER BY d.id LIMIT 1")
out=$(rap run --db "$db" - 2>&1 <<CMDS
clock 2026-11-23T09:30:00+04:00
start 2
floor MUS
yield "Un résumé"
intervention= 2 1 summary "Un résumé corrigé"
item= 3 title "Nouveau titre"
delegate= MUS "$name" function "Directrice"
set venue "Port-Louis"
rec+ MUS "Santé" "Texte."
rec= 1 title "Santé des migrants"
CMDS
)
unlike "every command accepted" "$out" 'error'
minutes() { # LANG: the detail column of the corrections
	rap --lang "$1" export --db "$db" --session 1 --out "$PWD/ex-$1" --force >/dev/null 2>&1
	/usr/bin/python3 -c "
import csv
for r in csv.DictReader(open('ex-$1/minutes.csv', encoding='utf-8')):
    print(r['detail'])"
}
fr=$(minutes fr)
like "fr: intervention= names the summary in French" "$fr" 'résumé .*« ?Un résumé corrigé|résumé changé|résumé modifié|: résumé'
unlike "fr: no English field name 'summary'" "$fr" 'summary'
like "fr: item= names the title in French" "$fr" 'titre'
like "fr: delegate= names the function in French" "$fr" 'fonction'
like "fr: set names the venue in French" "$fr" 'lieu'
unlike "fr: no English 'venue'" "$fr" 'venue'
es=$(minutes es)
like "es: intervention= names the summary in Spanish" "$es" 'resumen'
like "es: set names the venue in Spanish" "$es" 'lugar'
en=$(minutes en)
like "en: the summary in English" "$en" 'summary changed to "Un résumé corrigé"'
