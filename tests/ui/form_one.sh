#!/bin/sh
# form_one.sh — the add-delegate form (Attendance, a) stores the delegate
# with every field of the form by one command: one transaction, one
# journal row (it sent delegate+, then one delegate= each for the entity
# and the e-mail). delegate+ takes the fields in one go (--function,
# --entity, --email) and keeps its older forms for scripts; the minutes
# (screen and minutes.csv) render the one event with every field in
# French, English and Spanish; undo takes the whole delegate back.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db one)
q() { sqlite3 -separator '|' "$db" "$1"; }
j0=$(q "SELECT count(*) FROM journal")

# The form: name, function, level, entity, category, head, e-mail.
got=$(ui_run "$db" '3aNom Complet<Tab>Conseiller juridique<Tab><Down><Tab>Ministère de l'"'"'Intérieur<Tab><Down><Tab><Space><Tab>nom.complet@example.km<Enter>')
like "the form is sent" "$(ui_row "$got" 23)" '^ok '
is "the delegate stored with every field" \
	"$(q "SELECT function, entity, email, head FROM delegate WHERE name = 'Nom Complet'")" \
	"Conseiller juridique|Ministère de l'Intérieur|nom.complet@example.km|1"
is "... by one command: one journal row" "$(q "SELECT count(*) - $j0 FROM journal")" 1
like "... delegate+ with the fields" "$(q "SELECT command FROM journal ORDER BY seq DESC LIMIT 1")" \
	'^delegate\+ COM "Nom Complet" .*--entity "Ministère de l'"'"'Intérieur" --email "?nom.complet@example.km'

# The minutes render the one event with every field, in each language.
rap --lang en export --db "$db" --session 1 --out en >/dev/null 2>&1
rap --lang fr export --db "$db" --session 1 --out fr >/dev/null 2>&1
rap --lang es export --db "$db" --session 1 --out es >/dev/null 2>&1
detail() {
	python3 - "$1/minutes.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = [r for r in csv.DictReader(f) if 'Nom Complet' in r['detail']]
print('\n'.join(r['event'] + ' | ' + r['detail'] for r in rows))
EOF
}
en=$(detail en); fr=$(detail fr); es=$(detail es)
like "en: one row, every field" "$en" \
	'^delegate\+ \| COM: Nom Complet registered \([^,]+, [^)]+\), head of delegation; function: Conseiller juridique; entity: Ministère de l.Intérieur; email: nom.complet@example.km$'
like "fr: one row, every field" "$fr" \
	'^delegate\+ \| COM : Nom Complet enregistré \([^,]+, [^)]+\), chef de délégation ; fonction : Conseiller juridique ; entité : Ministère de l.Intérieur ; courriel : nom.complet@example.km$'
like "es: one row, every field" "$es" \
	'^delegate\+ \| COM: Nom Complet registrado \([^,]+, [^)]+\), jefe de delegación; función: Conseiller juridique; entidad: Ministère de l.Intérieur; correo electrónico: nom.complet@example.km$'
# The Minutes screen, newest last: the same entry, opened whole.
got=$(ui_run "$db" '6<Enter>' --lang fr | sed -n '3,21p' | sed 's/^ *//' | tr '\n' ' ' | tr -s ' ')
like "the Minutes screen shows the one entry with every field" "$got" \
	'delegate\+ COM .* COM : Nom Complet enregistré .* ; entité : Ministère de l.Intérieur ; courriel : nom.complet@example.km'

# delegate+ from a script: the older forms still work; the options in one go.
out=$(rap run --db "$db" - 2>&1 <<'EOF'
delegate+ MUS "Ancien Style" director interior "Directeur" head
delegate+ MUS "Sans Fonction" director interior
delegate+ SYC "Tout Ensemble" director labour --function "Chef de service" --entity "Ministère du Travail" --email ts@example.sc head
delegate+ SYC "Options Avant" --email oa@example.sc director labour
EOF
)
is "scripts: each form answers ok" "$(printf '%s\n' "$out" | grep -c '^ok delegate')" 3
is "... the older form stores as before" \
	"$(q "SELECT function, head, entity, email FROM delegate WHERE name = 'Ancien Style'")" "Directeur|1||"
is "... the options stored" \
	"$(q "SELECT function, entity, email, head FROM delegate WHERE name = 'Tout Ensemble'")" \
	"Chef de service|Ministère du Travail|ts@example.sc|1"
is "... an option before the level is an error, not a level" \
	"$(q "SELECT count(*) FROM delegate WHERE name = 'Options Avant'")" 0
j1=$(q "SELECT count(*) FROM journal")
out=$(rap run --keep-going --db "$db" - 2>&1 <<'EOF'
delegate+ SYC "Mauvais Courriel" director labour --email "pas une adresse"
delegate+ SYC "Sans Valeur" director labour --entity
delegate+ SYC "Deux Fonctions" director labour "Une" --function "Deux"
EOF
)
long=$(printf '%0201d' 0)
out="$out
$(printf 'delegate+ SYC "Trop Long" director labour --entity "%s"\n' "$long" | rap run --db "$db" - 2>&1)"
like "a bad e-mail refuses the whole command" "$out" 'error: email: not an e-mail address: pas une adresse'
like "an option without its value is refused" "$out" 'error: --entity needs a value'
like "a function given twice is refused" "$out" 'error: function given twice'
like "an entity too long is refused" "$out" 'error: entity: too long \(201 bytes, at most 200\)'
is "... nothing stored, nothing journaled" \
	"$(q "SELECT count(*) FROM delegate WHERE name IN ('Mauvais Courriel', 'Sans Valeur', 'Deux Fonctions', 'Trop Long')")|$(q "SELECT count(*) - $j1 FROM journal")" "0|0"

# undo: the whole delegate back in one step.
out=$(printf 'delegate+ MDG "Le Temps" director interior --entity "Présidence" --email lt@example.mg\nundo\n' |
	rap run --db "$db" - 2>&1)
like "undo after delegate+ with every field" "$out" '^ok undo'
is "... the delegate is gone" "$(q "SELECT count(*) FROM delegate WHERE name = 'Le Temps'")" 0
