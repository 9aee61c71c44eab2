#!/bin/sh
# minutes_lang.sh — the choice of themes and the recommendations' statuses
# in the minutes read in the reader's language (issue 11, found by
# tests/ui/meeting.sh): a member state's position is a word of the
# language, not the command's code ("position de COM : soutien", not
# ": support"); a theme of the catalogue is named in the reader's language
# whatever the language it was proposed in, a free title stays as typed;
# a status change reads "R1 : projet → reportée", not "draft → deferred",
# and so does a refusal naming the status.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db)
rap run --db "$db" - >run.out 2>&1 <<'EOS'
propose workshop midiocc_borders
position 1 COM support
position 1 MUS abstain
position 1 SYC object
reject 1
propose next "Santé mentale des migrants" COM
position 2 FRA support
position 2 FRA none
rec+ MUS "Réseau des points focaux" "Les États membres désignent un point focal."
status 1 deferred
EOS
is "themes and a status recorded" "$?" 0
rap --lang fr export --db "$db" --session 1 --out fr >/dev/null 2>&1
rap --lang en export --db "$db" --session 1 --out en >/dev/null 2>&1
# The detail of the journal rows of one event (one a line).
rows() { grep ",$2,[A-Z]*,root," "$1/minutes.csv" | sed 's/^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,root,//' | tr -d '\r'; }
is "fr: positions in French" "$(rows fr position)" "P1 (Gestion intégrée des frontières) : position de COM : soutien
P1 (Gestion intégrée des frontières) : position de MUS : abstention
P1 (Gestion intégrée des frontières) : position de SYC : objection
P2 (Santé mentale des migrants) : position de FRA : soutien
P2 (Santé mentale des migrants) : position de FRA : aucun"
is "en: the catalogue theme in English, a free title as typed" "$(rows en propose)" \
"P1 for the workshops: Integrated border management (proposed by the secretariat)
P2 for the next meeting's theme: Santé mentale des migrants (proposed by COM)"
is "en: positions in English" "$(rows en position | head -3)" \
"P1 (Integrated border management): position of COM: support
P1 (Integrated border management): position of MUS: abstain
P1 (Integrated border management): position of SYC: object"
is "en: rejected, in English" "$(rows en reject)" "P1 rejected: Integrated border management"
is "fr: a status change in French" "$(rows fr status)" "R1 : projet → reportée"
is "en: a status change in English" "$(rows en status)" "R1: draft → deferred"

# A refusal names the status in the reader's language too.
out=$(rap --lang fr run --keep-going --db "$db" - 2>/dev/null <<'EOS'
adopt 1
status 1 deferred
EOS
)
is "fr: refusals name the status in French" "$out" "error: refusé : R1 est au statut reportée ; seul un projet ou une recommandation en discussion peut être adopté
error: R1 est déjà au statut reportée"
