#!/bin/sh
# edges.sh — the lists at the edge of their page on a real terminal
# (issue 16; tests/pty/edges.py): the bytes of a one-row scroll (Agenda,
# Floor log, Attendance, Minutes at 80x24, one key: at most 2L+40 B), and
# the terminal's cells after scrolling through each list one row at a
# time against a fresh start at the same selection (80x24 and 200x60).
# Counts bytes, never times.
. "$RAPPORTEUR_TOP/tests/lib.sh"
PY=/usr/bin/python3
if ! "$PY" -c 'import pyte' 2>/dev/null; then
	echo "ok 1 # skip python3-pyte not installed (make deps)"
	exit 0
fi
db=$(fresh_db edges)
# Every list longer than a page at 200x60, with accents: agenda items,
# item 3's log, the delegates of MUS (their entries fill the Minutes
# filtered on MUS).
{
	echo "clock 2026-11-23T09:00:00+04:00"
	echo "start 3"
	i=0
	while [ $i -lt 62 ]; do
		echo "floor MDG"
		echo "yield \"Intervention $i : la santé des migrants aux frontières\""
		i=$((i + 1))
	done
	i=1
	while [ $i -le 60 ]; do
		echo "item+ \"Point supplémentaire $i\" other 15"
		i=$((i + 1))
	done
	i=1
	while [ $i -le 62 ]; do
		printf 'delegate+ MUS "Participant %03d Rémy" officer labour\n' $i
		i=$((i + 1))
	done
} | rap run --db "$db" - >/dev/null
"$PY" "$TOP/tests/pty/edges.py" all "$BIN" "$db"
