#!/bin/sh
# visible.sh — the screen never writes a bidi control or a zero-width
# character raw (issue 12, item 11): stored text holding U+202E (right-to-
# left override), U+2066 (left-to-right isolate) and U+200B (zero-width
# space) is drawn with them shown as <U+202E>, in the title bar and in the
# Minutes.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db visible)
rlo=$(printf '\342\200\256'); zws=$(printf '\342\200\213'); lri=$(printf '\342\201\246')
sqlite3 "$db" "UPDATE session SET title = 'Avant' || char(8238) || 'après' || char(8203) || 'fin' WHERE id = 1"
printf 'note "note%sgauche%sisolée"\n' "$rlo" "$lri" | rap run --db "$db" - >/dev/null 2>&1
got=$(ui_run "$db" '6<End>')
unlike "no raw U+202E, U+2066 or U+200B on the screen" "$got" "$rlo|$zws|$lri"
like "title bar: the characters shown" "$(ui_row "$got" 1)" 'Avant<U\+202E>après<U\+200B>fin'
like "Minutes: the note shown" "$got" 'note<U\+202E>gauche<U\+2066>isolée'
