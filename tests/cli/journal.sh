#!/bin/sh
# journal.sh — the journal speaks the reader's language (DESIGN §8): each
# row keeps an event code with its arguments (a JSON array in the `args`
# column) and minutes.csv is written from it in the language of the export,
# whatever the language of the commands; rows written before the codes keep
# their stored text.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T08:00:00+04:00
export RAPPORTEUR_NOW

# Words of the English and the French minutes (never in the data of the demo).
EN='(arrived|left|registered|added|opened|started|ended|skipped|asks for|has the floor|spoke|drafted|amended|adopted|co-sponsored|removed|switched to|proposed by|position of)'
FR='(arrivée|départ|enregistré|ajouté|ouverte|point [0-9]+ ouvert|clos|demande la parole|a la parole|a parlé|rédigée|amendée|adoptée|retiré|proposé par|position de)'
details() { python3 - "$1" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        print(r['detail'])
PY
}
play() { # DB LANG: a short meeting typed in LANG
	rap --lang "$2" run --db "$1" --session 1 - >/dev/null 2>&1 <<'CMDS'
clock 2026-11-23T08:30
start 1
q+ MUS "Priya Ramdin"
floor
yield
q+ COM point_of_order
floor
yield "Les Comores saluent l'initiative"
present- KEN
propose workshop "Migration et santé aux frontières" MUS
position 1 MUS support
rec+ MUS "Accès aux soins" "Les États membres encouragent l'accès aux soins."
amend 1 COM "Les États membres encouragent l'accès aux soins essentiels."
end
skip 2
CMDS
}

# ---- English commands, French minutes ----
db=$(fresh_db en)
play "$db" en
rap --lang fr export --db "$db" --session 1 --out en-fr >/dev/null 2>&1
fr=$(details en-fr/minutes.csv)
unlike "commands in English, minutes in French: no English line" "$fr" "$EN"
like "... the arrivals in French" "$fr" '^COM : arrivée de Fatima Said Abdallah'
like "... the item opened in French" "$fr" "^point 1 ouvert : Cérémonie d'ouverture$"
like "... the floor in French" "$fr" '^MUS \(Priya Ramdin\) a la parole \(déclaration\)$'
like "... the delegate's level and category in French" "$fr" '^COM : Fatima Said Abdallah enregistré \(Secrétaire permanent'
rap --lang en export --db "$db" --session 1 --out en-en >/dev/null 2>&1
en=$(details en-en/minutes.csv)
unlike "... and in English: no French line" "$en" "$FR"
is "... as many rows in both" "$(printf '%s\n' "$fr" | wc -l)" "$(printf '%s\n' "$en" | wc -l)"

# ---- French commands, English minutes ----
db2=$(fresh_db fr)
play "$db2" fr
rap --lang en export --db "$db2" --session 1 --out fr-en >/dev/null 2>&1
en2=$(details fr-en/minutes.csv)
unlike "commands in French, minutes in English: no French line" "$en2" "$FR"
like "... the arrivals in English" "$en2" '^COM: Fatima Said Abdallah arrived'
is "... the same minutes as the meeting typed in English" "$en2" "$en"

# ---- what is stored ----
q() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print("|".join("" if v is None else str(v) for v in r)) for r in c.execute(sys.argv[2])]' "$db" "$1"; }
is "every journal row of the meeting has an event code" \
	"$(q "SELECT count(*) FROM journal WHERE args IS NULL OR json_type(args, '\$[0]') <> 'text'")" 0
is "an event is a code with its arguments" \
	"$(q "SELECT args FROM journal WHERE command = 'start 1'")" '["item.started",1,"Cérémonie d'"'"'ouverture"]'
is "a summary is kept whole in its arguments" \
	"$(q "SELECT json_extract(args, '\$[4]') FROM journal WHERE command LIKE 'yield \"Les%'")" \
	"Les Comores saluent l'initiative"
ok_if "the database refuses args that are not a JSON array" sh -c "! python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO journal (time, session_id, event, actor, command, args) VALUES (1, 1, 1, 1, 1, 3)\"); c.commit()' '$db'"

# ---- an older row keeps its text ----
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO journal (time, session_id, event, actor, command, detail) VALUES (?, 1, ?, ?, ?, ?)", ("2026-11-23T12:00:00+04:00", "start", "old", "start 9", "item 9 started: written before the codes")); c.commit()' "$db"
rap --lang fr export --db "$db" --session 1 --out old >/dev/null 2>&1
like "a row without a code keeps its stored text" "$(details old/minutes.csv)" '^item 9 started: written before the codes$'
# ...and an unknown code (a newer program) too.
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO journal (time, session_id, event, actor, command, detail, args) VALUES (?, 1, ?, ?, ?, ?, ?)", ("2026-11-23T12:01:00+04:00", "x", "new", "x", "from a newer program", "[\"x.unknown\",1]")); c.commit()' "$db"
rap --lang fr export --db "$db" --session 1 --out newer >/dev/null 2>&1
like "a row with an unknown code keeps its stored text" "$(details newer/minutes.csv)" '^from a newer program$'
