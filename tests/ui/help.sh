#!/bin/sh
# help.sh — the help screen (? or F1) wraps its lines instead of cutting
# them at the edge (issue 11: "[HH:" for item+, "…in the minute" for
# note): each column's text continues on the next lines, indented by two
# cells, at 80×24 in English and French; and every word of every help
# line is on the screen at 80 columns (the words of the whole help at 80
# columns are those at 250, where nothing is cut), on every tab, in
# English, French and Spanish.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db help)

# ---- 80×24: continuation lines, indented ---------------------------------
got=$(ui_run "$db" '?')
is "en: the item+ row keeps its arguments up to [MINUTES]" "$(ui_row "$got" 4)" \
	'  a          item+ "TITLE" [KIND] [MINUTES]      add an agenda item'
is "en: ... and [HH:MM] follows on the next line, indented by two" "$(ui_row "$got" 5)" \
	'               [HH:MM]'
# The rows below are found by their first line (others' rows may move them).
after() { printf '%s\n' "$1" | awk -v re="$2" -v k="$3" 'f && ++n == k { print; exit } $0 ~ re { f = 1 }'; }
like "en: the retime row's help stops at a word" "$got" \
	'^  R +retime \[N\] +re-time the pending items$'
is "en: ... and goes on under its column, indented by two" "$(after "$got" '^  R +retime' 1)" \
	"$(printf '%51s' '')after item N (default: the"
is "en: ... to its last word" "$(after "$got" '^  R +retime' 2)" \
	"$(printf '%51s' '')running or last ended one)"
is "en: the hint row is still the help's" "$(ui_row "$got" 24)" 'Esc close help'

got=$(ui_run "$db" '?' --lang fr)
like "fr: the undo row starts its help" "$got" '^  u +undo +annuler la dernière$'
is "fr: ... continued below, indented" "$(after "$got" '^  u +undo' 1)" \
	"$(printf '%51s' '')modification faite depuis ce"
is "fr: ... to its last word" "$(after "$got" '^  u +undo' 2)" "$(printf '%51s' '')terminal"

# The command list (no keys): the arguments wrap in their column too.
got=$(ui_run "$db" '?<PgDn><PgDn>')
like "the delegate+ arguments wrap" "$got" \
	'   delegate\+ CODE "NAME" LEVEL +register a delegate'
like "... onto an indented line" "$got" '^     CATEGORY \["FUNCTION"\] \[head\]$'

# ---- every word of the help is shown -------------------------------------
# One tall screen holds the whole help: its words (sorted) at 80 columns
# must be those at 250 columns.
words() { # COLS TAB LANG
	UI_COLS=$1 UI_LINES=400 ui_run "$db" "$2?" --lang "$3" | sed -n '3,397p' |
		tr -s ' ' '\n' | grep . | sort
}
for lang in en fr es; do
	for tab in 1 2 3 4 5 6 7; do
		narrow=$(words 80 $tab $lang)
		wide=$(words 250 $tab $lang)
		ok_if "$lang, tab $tab: the help has words" test "$(printf '%s\n' "$wide" | wc -l)" -gt 300
		is "$lang, tab $tab: every word of the help at 80 columns (none cut)" "$narrow" "$wide"
	done
done
