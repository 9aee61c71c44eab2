#!/bin/sh
# answers.sh — the answer of every action in the reader's language (the
# i18n leftover of issue 16): in a French or Spanish TUI the message line
# shows "ok …" translated after keys and `:` commands alike — agenda,
# themes, recommendations (the editor's F2 too: the screen reads the new
# number from the protocol's form), follow-up — while the `ok`
# token stays. English is unchanged.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"

msg() { ui_row "$1" 23; }
q() { sqlite3 "$db" "$1"; }

# Each action on the same database, in order; $1 the language.
actions() {
	for a in ':item+ "Pause café"<Enter>' \
		':propose workshop "Migration et santé"<Enter>' \
		':position 1 MUS support<Enter>' \
		':select 1<Enter>' \
		':rec+ MUS "Santé" "Les États membres coopèrent."<Enter>' \
		'5t1' \
		'5c1' \
		':reserve 1 FRA "Consultation"<Enter>' \
		':action+ IOM "Rapport"<Enter>' \
		':action 1 done<Enter>'; do
		msg "$(ui_run "$db" "$a" --lang "$1")"
	done
}

db=$(fresh_db answers-fr)
is "French: every answer in French" "$(actions fr)" "ok point 13
ok proposition 1
ok P1 : MUS, soutien
ok P1 retenue
ok recommandation 1
ok R1 : discussion
ok R1 : COM coauteur
ok R1 : réserve de FRA
ok action 1
ok action 1 : terminé"

db=$(fresh_db answers-es)
is "Spanish: every answer in Spanish" "$(actions es)" "ok punto 13
ok propuesta 1
ok P1: MUS, a favor
ok P1 elegida
ok recomendación 1
ok R1: debate
ok R1: COM copatrocina
ok R1: reserva de FRA
ok acción 1
ok acción 1: cerrado"

db=$(fresh_db answers-en)
is "English: the answers as before (an action's state now its label)" "$(actions en)" "ok item 13
ok proposal 1
ok P1 MUS support
ok P1 selected
ok recommendation 1
ok R1 discussion
ok R1 cosponsor COM
ok R1 reservation FRA
ok action 1
ok action 1: done"

# The editor's F2 runs rec+ and reads the number it created from the
# protocol's answer: in French too the recommendation opens and the
# draft is cleared.
db=$(fresh_db answers-edit)
got=$(ui_run "$db" '5a4Accès aux soins<Enter>Les États membres coopèrent.<F2>' --lang fr)
is "fr: F2 saves, the answer in French" "$(msg "$got")" "ok recommandation 1"
is "... the detail of R1 is shown" "$(ui_row "$got" 3)" "R1  Accès aux soins"
is "... the draft is gone" "$(q "SELECT count(*) FROM draft")" 0

# A refusal stays in the reader's language (as before).
like "fr: an error in French" "$(msg "$(ui_run "$db" ':start 99<Enter>' --lang fr)")" '^error: pas de point 99'
