#!/bin/sh
# agenda_days.sh — the Agenda screen of a meeting of several days (issue
# 11): a header row names the day where it changes ("Tuesday 24 November
# 2026", in the interface language), on the DiMOI demo and the IDM demo;
# the selection steps over it; a one-day agenda has none; after a move
# (K/J) the message line offers R, and R re-times the following items
# (the command retime, one journal row, undone by u).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db days)

got=$(ui_run "$db" '')
is "en: the day changes after item 7" "$(ui_row "$got" 11)" " Tuesday 24 November 2026"
like "... item 7 above it" "$(ui_row "$got" 10)" '^  7  16:15'
like "... item 8 below it" "$(ui_row "$got" 12)" '^  8  09:00'
like "the first day has no header (the agenda starts on it)" "$(ui_row "$got" 4)" '^  1  08:30'
is "fr" "$(ui_run "$db" '' --lang fr | sed -n 11p)" " mardi 24 novembre 2026"
is "es" "$(ui_run "$db" '' --lang es | sed -n 11p)" " martes 24 de noviembre de 2026"

# The selection steps over the header, both ways.
got=$(ui_run "$db" 'jjjjjjjs')
is "seven Downs from item 1: item 8 (the header is skipped)" "$(ui_row "$got" 23)" "ok item 8 started"
got=$(ui_run "$db" 'jjjjjjjkx')
is "then Up: item 7" "$(ui_row "$got" 23)" "ok item 7 skipped"
got=$(ui_run "$db" ':item= 7 status pending<Enter>:item= 8 status pending<Enter>')
got=$(ui_run "$db" 'G/restitution<Enter>s')
like "search lands on item 8, not the header" "$(ui_row "$got" 23)" 'item 8 started'
ui_run "$db" ':item= 8 status pending<Enter>' >/dev/null

# IDM demo: two days in October.
idm="$TEST_TMP/idm.db"
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
got=$(ui_run "$idm" '')
is "IDM, en: its second day" "$(ui_row "$got" 11)" " Friday 16 October 2026"
is "IDM, fr" "$(ui_run "$idm" '' --lang fr | sed -n 11p)" " vendredi 16 octobre 2026"

# A one-day agenda: no header.
one="$TEST_TMP/one.db"
rap init --db "$one" >/dev/null 2>&1
rap run --db "$one" - >/dev/null 2>&1 <<'EOF2'
session new "Atelier" senior 2026-12-01
item+ "Ouverture" opening 30 09:00
item+ "Travaux" other 60
EOF2
got=$(ui_run "$one" '')
like "one day: item 1 on the first row" "$(ui_row "$got" 4)" '^  1  09:00'
like "... item 2 right below" "$(ui_row "$got" 5)" '^  2  09:30'
unlike "... and no day name anywhere" "$got" 'day [0-9]'

# K: item 8 moved up into day 1; the answer offers R; R re-times.
got=$(ui_run "$db" 'jjjjjjjK')
is "K on item 8: moved, and R offered" "$(ui_row "$got" 23)" \
	"ok item 8 moved to position 7 — R: re-time the following items"
is "item 8 keeps its day for now: a header before it" "$(ui_row "$got" 10)" " Tuesday 24 November 2026"
like "... and one after it: item 7 is on Monday" "$(ui_row "$got" 12)" '^ Monday 23 November 2026$'
got=$(ui_run "$db" 'R')
is "R: the items after the first follow each other" "$(ui_row "$got" 23)" "ok 5 items re-timed"
like "item 8 now on Monday after item 6 (breaks between items are not kept)" \
	"$(ui_row "$got" 10)" '^  8  14:30  60'
like "... item 7 after it" "$(ui_row "$got" 11)" '^  7  15:30  90'
is "one header again, before item 9" "$(ui_row "$got" 12)" " Tuesday 24 November 2026"
is "journaled as one retime" "$(sqlite3 "$db" "SELECT event, command FROM journal ORDER BY seq DESC LIMIT 1")" \
	"retime|retime"
got=$(ui_run "$db" 'jJRu')
is "J, R, then u undoes the retime" "$(ui_row "$got" 23)" "ok undone: retime"
like "... item 2 back at 09:15 (after item 3)" "$(ui_row "$got" 6)" '^  2  09:15'
ui_run "$db" ':move 2 2<Enter>:retime<Enter>' >/dev/null

# An end past the planned minutes offers R too.
UI_NOW=2026-11-23T08:30:00+04:00 ui_run "$db" 's' >/dev/null
got=$(UI_NOW=2026-11-23T09:30:00+04:00 ui_run "$db" 'E')
is "E after 60 of 45 minutes: R offered" "$(ui_row "$got" 23)" \
	"ok item 1 ended after 60 min (15 over) — R: re-time the following items"
got=$(UI_NOW=2026-11-23T09:30:00+04:00 ui_run "$db" 'R')
like "R: the rest of the day follows item 1's end" "$(ui_row "$got" 5)" '^  2  09:30'
got=$(ui_run "$db" 'R' --lang fr)
is "fr: nothing left to change" "$(ui_row "$got" 23)" "ok les heures prévues se suivent déjà"
