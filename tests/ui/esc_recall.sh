#!/bin/sh
# esc_recall.sh — Esc is a deliberate cancel, but a slip is common: the
# text it cancels stays within reach (issue 12), as in a shell or tig.
# The : line keeps a cancelled line in its history (Up brings it back);
# a reservation's wording cancelled is offered again when the prompt opens
# for the same recommendation (not for another one), and forgotten once
# the reservation is stored.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db esc)
q() { sqlite3 -separator '|' "$db" "$1"; }
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 3
rec+ MUS "Titre" "Texte"
rec+ FRA "Deux" "Texte deux"
EOF2
# The : line: Esc, then : and Up.
got=$(ui_run "$db" ':note "une ligne échappée"<Esc>
:<Up>')
like ": then Up brings back the line cancelled by Esc" "$(ui_row "$got" 23)" \
	'^: ?note "une ligne échappée"$'
got=$(ui_run "$db" ':note "une ligne échappée"<Esc>
:<Up><Enter>')
is "... and Enter runs it" "$(ui_row "$got" 23)" "ok note"
is "... stored once" "$(q "SELECT count(*) FROM journal WHERE command = 'note \"une ligne échappée\"'")" 1
# An empty line cancelled leaves no blank entry: Up gives the line before.
got=$(ui_run "$db" ':note "avant"<Esc>:<Esc>:<Up>')
like "an empty line cancelled is not kept" "$(ui_row "$got" 23)" '^: ?note "avant"$'
# A reservation's wording: Esc, then r on the same recommendation.
got=$(ui_run "$db" '5r1une réserve échappée<Esc>r1')
like "the reservation prompt on the same recommendation offers the cancelled wording" \
	"$(ui_row "$got" 23)" 'wording\): une réserve échappée$'
got=$(ui_run "$db" '5r1une réserve échappée<Esc><Down>r1')
like "... not on another recommendation" "$(ui_row "$got" 23)" 'wording\):$'
got=$(ui_run "$db" '5r1une réserve échappée<Esc>r1<Enter>r1')
like "... stored with Enter, then forgotten" "$(ui_row "$got" 23)" 'wording\):$'
is "... the reservation holds the wording" \
	"$(q "SELECT reason FROM rec_reservation JOIN recommendation r ON r.id = rec_id WHERE r.num = 1")" \
	"une réserve échappée"
