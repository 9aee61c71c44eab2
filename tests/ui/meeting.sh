#!/bin/sh
# meeting.sh — the whole standard meeting typed on the screens, at 80x24,
# in French and in English (issue 11): the participants imported, 10 agenda
# items added, 60 arrivals checked in, the items run with 30 interventions
# and their summaries, the themes chosen, 5 recommendations drafted in the
# editor (French and English), co-sponsored, one reserved, adopted, and the
# export from the Minutes screen. The keys are generated, readable, by
# tests/ui/meeting_script.py (no `:` command); the exported CSV files and the
# pages of the Minutes screen are read back by tests/ui/meeting_check.py
# (Python's csv module): counts, times, texts, and no journal line in the
# other language.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
UI_NOW=2027-11-20T10:00:00+04:00

for lang in fr en; do
	dir="$TEST_TMP/$lang"
	mkdir -p "$dir"
	cd "$dir" || exit 2
	db="$dir/meeting.db"
	"$PY" "$TOP/tests/ui/meeting_script.py" "$lang" keys.txt expect.json setup.txt
	# The session prepared by the secretariat before the day; the
	# participants CSV waits in the folder.
	rap init --db "$db" >/dev/null 2>&1
	RAPPORTEUR_NOW=$UI_NOW rap run --db "$db" setup.txt >setup.out 2>&1
	is "$lang: session prepared" "$?" 0
	cp "$TOP/tests/ui/meeting_participants.csv" participants.csv
	ui_run "$db" "$(cat keys.txt)" --lang "$lang" >final.txt
	is "$lang: the meeting ran to its end" "$?" 0
	like "$lang: exported from the Minutes screen" "$(ui_row "$(cat minutes-end.txt)" 23)" \
		'^ok (exporté dans|exported to) minutes-session-1'
	"$PY" "$TOP/tests/ui/meeting_check.py" "$TOP" expect.json minutes-session-1 \
		minutes-page*.txt minutes-end.txt >check.txt 2>&1 || echo "1|checker failed" >>check.txt
	while IFS= read -r line; do
		case $line in
		'#'*) echo "$line" ;;
		*'|'*) _tap "${line%%|*}" "$lang: ${line#*|}" ;;
		*) echo "#   $line" ;;
		esac
	done <check.txt
done
