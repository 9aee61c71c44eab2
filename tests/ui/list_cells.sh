#!/bin/sh
# list_cells.sh — a move in a list whose window already holds its rows
# (struct list's cells_kept, issue 16: a move repaints no row, only the
# bar moves) shows what a full repaint shows: the row the bar leaves gets
# its own attributes back (the overrun mark), and a row whose record
# another instance changed shows the new text, selected or not.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db cells)
# Item 1 running past its planned minutes: its row has an overrun mark;
# 16 more items: the list is longer than its page.
{
	printf 'clock 2026-11-23T08:00:00+04:00\nstart 1\n'
	i=1
	while [ $i -le 16 ]; do
		echo "item+ \"Point supplémentaire $i\" other 15"
		i=$((i + 1))
	done
	# The Floor: item 3 running, a log longer than its page, a queue.
	echo "start 3"
	i=1
	while [ $i -le 16 ]; do
		echo "floor MDG"
		echo "yield \"Intervention $i\""
		i=$((i + 1))
	done
	echo "q+ COM"
	echo "q+ IOM"
	echo "q+ SYC"
	echo "floor MUS"
	i=1
	while [ $i -le 20 ]; do
		printf 'delegate+ MUS "Participant %03d" officer labour\n' $i
		i=$((i + 1))
	done
	# Recommendations: more than a page, read a page or more at a time.
	i=1
	while [ $i -le 45 ]; do
		printf 'rec+ COM "Recommandation %d" "Texte %d."\n' $i $i
		i=$((i + 1))
	done
} | rap run --db "$db" - >/dev/null 2>&1
rep() { i=0; while [ $i -lt "$2" ]; do printf '%s' "$1"; i=$((i + 1)); done; }
cd "$TEST_TMP" || exit 1

# After moves, and after leaving the screen and coming back (a full
# repaint), the same screen, attributes included (monochrome).
same_as_full() { # NAME SCREEN-KEY MOVES AWAY-KEY
	rm -f moved.txt full.txt
	ui_run "$db" "$2$3
@dump-attrs moved.txt
$4$2
@dump-attrs full.txt" --no-color >/dev/null
	ok_if "$1: after the moves the screen is its full repaint" cmp -s moved.txt full.txt
	[ -s moved.txt ] && ! cmp -s moved.txt full.txt && diff moved.txt full.txt | sed 's/^/#   /' | head -20
}
same_as_full "Agenda, the bar over the overrun row and back" 1 '<Down><Up><Down><Down><Up><Up>' 2
same_as_full "Agenda, down past the page and back up" 1 "$(rep '<Down>' 25)$(rep '<Up>' 25)<Down>" 2
same_as_full "Agenda, down past the page" 1 "$(rep '<Down>' 25)<Up>" 2
same_as_full "Floor, the queue, then the log past its page, and back" 2 \
	"<Down><Up><Down><Right>$(rep '<Up>' 14)<Down><Down><Left><Up>" 1
same_as_full "Attendance, down the delegations and a delegation's people, the grid and back" 3 \
	"$(rep '<Down>' 4)<Right>$(rep '<Down>' 24)$(rep '<Up>' 6)c<Esc><Up>" 1

same_as_full "Recommendations, down past two pages and back up" 5 \
	"$(rep '<Down>' 40)$(rep '<Up>' 30)<PgDn><Up>" 1
got=$(ui_run "$db" "5$(rep '<Down>' 40)")
like "Recommendations: the 41st selected after 40 moves down" "$(printf '%s\n' "$got" | grep -c 'Recommandation 41')" '^1$'

# Another instance renames the selected item, then one not selected: the
# rows show the new titles once the bar moves over them and away again.
got=$(ui_run "$db" '<Down>
@other item= 2 title "Renamed while selected"
<Down><Up>
@dump one.txt
@other item= 3 title "Renamed while not selected"
<Down>
@dump two.txt
<Up>')
like "Agenda: the selected row renamed by another instance, after moves" "$(ui_row "$(cat one.txt)" 5)" 'Renamed while sel'
like "... the row the bar then lands on, renamed meanwhile" "$(ui_row "$(cat two.txt)" 6)" 'Renamed while not'
like "... and after the bar leaves it" "$(ui_row "$got" 6)" 'Renamed while not'
like "... the first renamed row still" "$(ui_row "$got" 5)" 'Renamed while sel'
