#!/bin/sh
# pages.sh — a tab left gives back the rows of its page (issue 16: the
# memory at 200x60 holds the rows of the screen shown, not the sum of every
# screen visited), and shows exactly the same when it comes back (same
# selection, same scroll), at 80x24 and 200x60, including when another
# instance changed a row meanwhile (the screen then equals a fresh one).
# @stats held_shown / held_hidden: bytes of rows held (screen_ops.held).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db pages)
# Every list longer than a page at 200x60: the agenda (70 items), the log
# of the item in progress (80 interventions), the journal, MUS's delegates;
# three recommendations.
{
	echo "clock 2026-11-23T09:00:00+04:00"
	i=1
	while [ $i -le 56 ]; do
		echo "item+ \"Point supplémentaire $i\" other 15"
		i=$((i + 1))
	done
	echo "start 3"
	i=1
	while [ $i -le 80 ]; do
		echo "floor MDG"
		echo "yield \"Intervention $i sur la santé des migrants\""
		i=$((i + 1))
	done
	i=1
	while [ $i -le 3 ]; do
		echo "rec+ MUS \"Recommandation $i\" \"Texte de la recommandation $i\""
		i=$((i + 1))
	done
	echo "q+ COM"
	echo "q+ IOM"
	echo "q+ SYC"
	i=1
	while [ $i -le 70 ]; do
		printf 'delegate+ MUS "Participant %03d" officer labour\n' $i
		i=$((i + 1))
	done
} | rap run --db "$db" - >/dev/null || echo "# prepare failed"
stat() { sed -n "s/^$2 //p" "$TEST_TMP/$1"; }

# What each tab does before it is left: a scroll and a selection away from
# where it opens (the log, an expanded delegation, a page up the journal).
nav() {
	case $1 in
	1) printf '%s' '<PgDn><Down><Down><Down>' ;;
	2) printf '%s' 'l<PgUp><Up><Up>' ;;
	3) printf '%s' '<End><Up><Up><Up><Enter><Down><Down><PgDn><Down>' ;;
	4) printf '%s' '<Down><Right>' ;;
	5) printf '%s' '<Down>' ;;
	6) printf '%s' '<PgUp><Up><Up>' ;;
	7) printf '%s' '<Down>' ;;
	esac
}

for size in 80x24 200x60; do
	UI_COLS=${size%x*} UI_LINES=${size#*x}
	for t in 1 2 3 4 5 6 7; do
		other=$((t % 7 + 1))
		ui_run "$db" "$t$(nav $t)
@dump $TEST_TMP/before
$other
<Down>
$t
@dump $TEST_TMP/after" >/dev/null
		is "$size tab $t: the same after a round trip to tab $other" \
			"$(cat "$TEST_TMP/after")" "$(cat "$TEST_TMP/before")"
	done
done

# Rows that another instance changed while the tab was hidden show when it
# comes back: the screen is the one a fresh start shows with the same keys.
changed() { # TAB COMMAND
	ui_run "$db" "$1$(nav $1)
6
@other $2
$1
@dump $TEST_TMP/back" >/dev/null
	fresh=$(ui_run "$db" "$1$(nav $1)")
	is "$size tab $1: $2 by another instance meanwhile shows as in a fresh start" \
		"$(cat "$TEST_TMP/back")" "$fresh"
}
for size in 80x24 200x60; do
	UI_COLS=${size%x*} UI_LINES=${size#*x}
	changed 1 "item= 60 title \"Point renommé $size\""
	changed 2 "q- IOM"
	changed 3 "present+ MUS \"Participant 063\""
done
got=$(UI_COLS=200 UI_LINES=60 ui_run "$db" "6
@other note \"Note de l'autre instance\"
1
@other note \"Deuxième note\"
6")
like "the journal followed at its end shows the other instance's notes" \
	"$(printf '%s\n' "$got" | grep -c 'instance\|Deuxième note')" '^2$'

# At 200x60, once every tab was visited: the tabs not shown hold no row,
# the one shown holds its page.
UI_COLS=200 UI_LINES=60
for t in 1 2 3 5 6; do
	ui_run "$db" "2
3
4
5
6
7
1
$t
@stats $TEST_TMP/st$t" >/dev/null
	is "200x60, every tab visited, tab $t shown: the others hold no row" \
		"$(stat st$t held_hidden)" 0
	ok_if "... tab $t holds its page" test "$(stat st$t held_shown)" -gt 0
done

# A page holds what it shows, not its rows at their largest: the agenda's
# 70 items at 200x60 (a page of 165 rows of 700 bytes before: 116 KB), the
# delegations of Attendance (a 1.1 KB delegate in each row before: 62 KB),
# the Floor log's 80 interventions (105 rows of 350 bytes and a list of
# 200 speakers before: 106 KB), the journal's page (two buffers of 112
# rows of 660 bytes before: 148 KB).
ui_run "$db" "1
@stats $TEST_TMP/agenda
3
@stats $TEST_TMP/att
2
@stats $TEST_TMP/floor
6<PgUp><Up>
@stats $TEST_TMP/minutes" >/dev/null
ok_if "200x60: the agenda's page of 70 items holds under 12 KB ($(stat agenda held_shown) B)" \
	test "$(stat agenda held_shown)" -lt 12288
ok_if "200x60: the delegations' page holds under 4 KB ($(stat att held_shown) B)" \
	test "$(stat att held_shown)" -lt 4096
ok_if "200x60: the Floor's log of 80 and 3 speakers hold under 16 KB ($(stat floor held_shown) B)" \
	test "$(stat floor held_shown)" -lt 16384
ok_if "200x60: the journal's page holds under 24 KB ($(stat minutes held_shown) B)" \
	test "$(stat minutes held_shown)" -lt 24576
