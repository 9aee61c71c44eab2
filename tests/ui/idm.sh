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

# ---- 175 member states at 80×24, R4 on (issue 17) ---------------------------
rap run --db "$db" - >/dev/null <<'CMDS'
set r4 on
CMDS
got=$(ui_run "$db" '3')
like "R4 summary: counts per result when the grid cannot show every state" "$(ui_row "$got" 3)" \
	'^ R4: OK [0-9]+, ABSENT [0-9]+, LEVEL 0, ENTITY 0 \(! next\) +minimum level \(m\): Director$'
like "the title bar's R4 n/m fits, with the item in progress" "$(ui_row "$got" 1)" \
	' 1 Opening remarks [0-9]+./30.  R4 [0-9]+/175  09:30$'
got=$(ui_run "$db" '3!')
like "! jumps to the next state not OK (AFG is first, AGO next)" "$(ui_row "$got" 22)" '^ Angola: no delegate registered'
got=$(ui_run "$db" '3c<PgDn>')
like "the R4 grid pages: PgDn shows the next states" "$(ui_row "$got" 5)" '^ (AUS|AUT|AZE|BDI|BEL|BEN|BFA) '
unlike "... AFG scrolled out" "$(ui_row "$got" 5)" '^ AFG '
got=$(ui_run "$db" '3c<End>')
like "the R4 grid reaches the last member state" "$(printf '%s\n' "$got" | sed -n 5,8p)" 'ZWE (OK|ABSENT)'
like "... its result explained on the detail line" "$(ui_row "$got" 22)" '^ Zimbabwe: '
got=$(ui_run "$db" '3c!!!')
like "! in the grid: the third state not OK" "$(ui_row "$got" 22)" '^ Armenia: '
is "check from the command line: one line even with 175 states" \
	"$(echo check | rap run --db "$db" - | cut -c1-40)" "ok OK 50, ABSENT 125, LEVEL 0, ENTITY 0 "
got=$(ui_run "$db" ':check<Enter>')
like "check on the : line: counts and the first states not OK" "$(ui_row "$got" 23)" \
	'^ok OK 50, ABSENT 125, LEVEL 0, ENTITY 0 of 175; not OK: AFG AGO ALB'

# Themes: the grid pages over 175 states with the selected state's name in view.
got=$(ui_run "$db" '4')
like "Themes: a page of member states, more below" "$(ui_row "$got" 4)" '^ v '
like "... the last grid row names the selected state" "$(ui_row "$got" 19)" '^ AFG Afghanistan \(absent\) +│'
got=$(ui_run "$db" '4<PgDn><PgDn>')
like "PgDn twice: two pages further" "$(ui_row "$got" 18)" '^ CIV  \[·\]'
like "... its name in view" "$(ui_row "$got" 19)" "^ CIV Côte d'Ivoire +│"
got=$(ui_run "$db" '4<End>' --lang es)
like "End: the last state, named in Spanish" "$(ui_row "$got" 19)" '^ ZWE Zimbabwe( \(ausente\))? +│'
got=$(ui_run "$db" '4<PgDn>' --lang fr --no-color)
like "fr monochrome: a page further, the name row too" "$(ui_row "$got" 19)" '^ BGR Bulgarie \(absent\) +│'

# Check-in among 600 participants: / a few letters of the name, Enter, Space.
db6="$TEST_TMP/idm600.db"
rap init --db "$db6" --fixtures "$TOP/fixtures/idm" >/dev/null 2>&1
echo 'session new "IDM workshop" senior 2026-10-15' | rap run --db "$db6" - >/dev/null
python3 "$TOP/scripts/idm_demo.py" participants 600 >"$TEST_TMP/p600.csv"
rap import participants "$TEST_TMP/p600.csv" --db "$db6" --session 1 >/dev/null 2>&1
is "600 participants to check in" "$(sqlite3 "$db6" 'SELECT count(*) FROM delegate')" 600
keys=0
for line in 50 200 450; do
	name=$(sed -n "${line}p" "$TEST_TMP/p600.csv" | cut -d, -f2)
	got=$(ui_run "$db6" "3/$name<Enter><Space>")
	like "check-in of $name: / the name, Enter, Space" "$(ui_row "$got" 23)" "^ok [A-Z]+ \"$name\" present"
	keys=$((keys + 3 + ${#name}))
done
is "three people checked in" "$(sqlite3 "$db6" 'SELECT count(*) FROM delegate WHERE present = 1')" 3
echo "# keys for three check-ins among 600: $keys (name typed in full; fewer letters often suffice)"
