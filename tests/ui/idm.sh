#!/bin/sh
# idm.sh — the six screens at 80×24 with IOM's International Dialogue on
# Migration at full size (issue 17): 175 member states, a few hundred
# participants, proposals for the themes, in English, French and Spanish,
# in colour and in monochrome. Every row fits 80 columns, the tabs and the
# title bar are whole, and each screen shows what it is for.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db="$TEST_TMP/idm.db"
rap init --db "$db" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
rap run --db "$db" - >/dev/null <<'CMDS'
propose next idm2018
propose next "Migration and sustainable development: the next decade"
propose workshop idm2018_1
propose workshop idm2018_2
propose workshop "Skills partnerships"
propose workshop "Data for migration governance"
position 3 ARG support
position 3 AUS object
start 1
q+ CHE
floor
yield "Welcome to Geneva."
note key "Partnerships are built on trust."
CMDS
export UI_NOW=2026-10-15T09:30:00+04:00
wide() { while IFS= read -r row; do [ "$(printf '%s' "$row" | wc -m)" -le 80 ] || echo "$row"; done; }

for lang in en fr es; do
	for mode in colour mono; do
		set -- --lang "$lang"
		[ "$mode" = mono ] && set -- "$@" --no-color
		all=""
		for k in 1 2 3 4 5 6; do
			got=$(ui_run "$db" "$k" "$@")
			is "$lang $mode screen $k: 24 rows" "$(printf '%s\n' "$got" | wc -l)" 24
			like "$lang $mode screen $k: the six tabs" "$(ui_row "$got" 2)" '^ ?1 .* +2 .* +3 .* +4 .* +5 .* +6 [^ ]'
			all="$all
$got"
		done
		is "$lang $mode: no row wider than 80 columns" "$(printf '%s\n' "$all" | wide)" ""
	done
done

# R4 off (the IDM demo): no R4 summary in the title bar; on: R4 n/m.
got=$(ui_run "$db" '3')
unlike "r4 off: no R4 summary in the title bar" "$(ui_row "$got" 1)" 'R4'
like "r4 off: the Attendance screen says so" "$(ui_row "$got" 3)" '^ R4: not applied in this session \(set r4 on\)'
got=$(ui_run "$db" ':set r4 on<Enter>')
like "r4 on: the summary is back in the title bar" "$(ui_row "$got" 1)" 'R4 [0-9]+/175 +[0-9][0-9]:[0-9][0-9]$'
rap run --db "$db" - >/dev/null <<'CMDS'
set r4 off
CMDS

# What each screen shows, in each language.
got=$(ui_run "$db" '1' --lang es)
like "es Agenda: the Voix de migrants item" "$got" 'testimonio +Voix de migrants'
got=$(ui_run "$db" '2' --lang fr)
like "fr Floor: the intervention of CHE" "$got" 'CHE'
got=$(ui_run "$db" '3' --lang es)
like "es Attendance: the member states in Spanish" "$got" 'AFG +Afganistán'
like "es Attendance: 175 member states" "$got" 'Estados miembros \(175\)'
unlike "es Attendance: no R4 verdict (r4 off)" "$got" 'ABSENT|OK *$'
got=$(ui_run "$db" '4' --lang fr)
like "fr Themes: the grid of member states" "$got" '^ (afg|AFG) '
got=$(ui_run "$db" '6' --lang en)
like "en Minutes: the key message with its kind" "$got" 'key +.*Partnerships are built on trust'

# Monochrome: the selection reads without colour (reverse video).
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '3<Down>' --no-color)
like "mono Attendance: the selected row in reverse" "$got" '^ *R{20,}'
