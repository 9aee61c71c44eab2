#!/bin/sh
# search.sh — finding a participant at check-in (issue 11): / ignores case
# and accents, prefers the start of a word of a name (then anywhere), and
# n / N go to the next and previous match until another key is pressed
# (then n is the note again); the hint bar says so. Names of the demo
# (fixtures/demo.cmds); row 22 is the detail line of the selection.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db search)
detail() { ui_row "$1" 22; }

got=$(ui_run "$db" '3/joel<Enter>')
like "/joel finds Joël Esparon (accents ignored)" "$got" '> *\[x\] +Joël Esparon|Joël Esparon'
like "... selected: its detail line" "$(detail "$got")" "Agent de l'immigration"
got=$(ui_run "$db" '3/ÉSPARON<Enter>')
like "/ÉSPARON finds him too (case and accents)" "$(detail "$got")" "Agent de l'immigration"
got=$(ui_run "$db" '3/JEAN CLAUDE<Enter>')
like "/JEAN CLAUDE finds Jean-Claude Lagesse" "$(detail "$got")" 'Bureau des passeports'

got=$(ui_run "$db" '3/ra<Enter>')
like "/ra: a word's start first (Fanja Razafindrakoto of MDG, not Ibrahim of COM above)" \
	"$(detail "$got")" 'Chargée de la santé des migrants'
like "... the hint bar says n and N" "$(ui_row "$got" 24)" '^n next match +N previous match'
got=$(ui_run "$db" '3/ra<Enter>n')
like "n: the next match (Haingo Rakotomalala)" "$(detail "$got")" 'Directrice adjointe des Affaires consulaires'
got=$(ui_run "$db" '3/ra<Enter>nn')
like "n n: Tiana Randriamanana (Solofo Andrianarisoa has no word starting ra)" \
	"$(detail "$got")" "Chef du Service de l'Immigration"
got=$(ui_run "$db" '3/ra<Enter>nnN')
like "N: back to the previous one" "$(detail "$got")" 'Directrice adjointe des Affaires consulaires'
got=$(ui_run "$db" '3/ra<Enter>nnnnnn')
like "six n: Ravi Sooklall of WHO, the last word starting ra" "$(detail "$got")" \
	'Point focal Règlement sanitaire international'
got=$(ui_run "$db" '3/ra<Enter>nnnnnnn')
like "seven n: then the names holding ra inside, from the top (Ibrahim Mze Ali)" \
	"$(detail "$got")" "Directeur de la Migration et de l'Immigration"
got=$(ui_run "$db" '3/ra<Enter>N')
like "N from the first: round to the last match (Yannick Lebrasse, ra inside)" \
	"$(detail "$got")" 'Doctorant, migrations et santé publique'
got=$(ui_run "$db" '3/ra<Enter>Nn')
like "... and n back to the first" "$(detail "$got")" 'Chargée de la santé des migrants'
got=$(ui_run "$db" '3/rah<Enter>')
like "/rah: no word starts with it, inside then (Ibrahim)" "$(detail "$got")" \
	"Directeur de la Migration et de l'Immigration"
got=$(ui_run "$db" '3/mdg<Enter>')
like "/mdg: the delegation by its code" "$(detail "$got")" '^ Madagascar: present delegates are'

got=$(ui_run "$db" '3/ra<Enter><Down>n')
like "another key ends the search: n is the note again" "$(ui_row "$got" 23)" \
	'^write a free line in the minutes:'
got=$(ui_run "$db" '3/ra<Enter><Down>')
unlike "... and the hint bar is the usual one" "$(ui_row "$got" 24)" 'next match'
like "... which names the note" "$(ui_row "$got" 24)" 'n note'
got=$(ui_run "$db" '3/ra<Enter>n<Space>')
like "Space after n checks in the match (Haingo was present: now absent)" \
	"$(sqlite3 "$db" "SELECT present FROM delegate WHERE name = 'Haingo Rakotomalala'")" '^0$'
got=$(ui_run "$db" '3/zzz<Enter>')
like "no match: said so" "$(ui_row "$got" 23)" 'not found: zzz'
like "... and n stays the note" "$(ui_row "$got" 24)" 'n note'
