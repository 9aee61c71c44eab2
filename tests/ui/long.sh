#!/bin/sh
# long.sh — long texts typed on the screen are stored whole (issue 12,
# item 3): a 3,000-byte summary typed with y (under the 4,000-byte limit)
# is the intervention's summary, not "unbalanced quote" from a cut command
# line; a 2,689-byte note keeps every byte in the CSV minutes.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db long)
q() { sqlite3 -separator '|' "$db" "$1"; }
printf 'clock 2026-11-23T08:50:00+04:00\nstart 3\nq+ MUS\nfloor\n' | rap run --db "$db" - >/dev/null 2>&1
sum=$(/usr/bin/python3 -c "print(' '.join('mot%04d' % i for i in range(375)))")
got=$(ui_run "$db" "2y$sum<Enter>")
like "y with 3,000 bytes: ok" "$(ui_row "$got" 23)" 'ok '
is "y with 3,000 bytes: the whole summary stored" \
	"$(q "SELECT length(summary) FROM intervention WHERE summary LIKE 'mot0000%'")" "${#sum}"
note=$(/usr/bin/python3 -c "print(' '.join('note%d' % i for i in range(400)))")
printf 'note "%s"\n' "$note" | rap run --db "$db" - >/dev/null 2>&1
rap export --db "$db" --session 1 --out out >/dev/null 2>&1
is "a long note: every byte in minutes.csv" \
	"$(/usr/bin/python3 -c "import csv; print(max(len(r[-1]) for r in csv.reader(open('out/minutes.csv', encoding='utf-8'))))")" \
	"${#note}"
# A present+ of a whole delegation of 30 long names: every name in the minutes.
for i in $(seq 1 30); do echo "delegate+ IOM \"Délégué numéro $i avec un nom assez long pour remplir\" officer other"; done |
	rap run --db "$db" - >/dev/null 2>&1
printf 'present+ IOM\n' | rap run --db "$db" - >/dev/null 2>&1
rm -rf out; rap export --db "$db" --session 1 --out out >/dev/null 2>&1
is "present+ of 30 long names: all 30 in minutes.csv" \
	"$(/usr/bin/python3 -c "import csv; r = list(csv.reader(open('out/minutes.csv', encoding='utf-8'))); print(r[-1][-1].count('avec un nom assez long'))")" 30
