#!/bin/sh
# long_text.sh — a long text is read back whole wherever the record is
# read (issue 12, item 3): a note of 1,990 bytes and a key message of the
# same length (IDM workshop notes) are stored whole; the CSV minutes, the
# meeting report (HTML) and `follow` (the line mode) give them whole, not
# cut at the 511 bytes that a line of the Minutes list keeps.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db long_text)
long=$(python3 -c "print(' '.join('mot%d' % i for i in range(300)))")
key="Message clé : $long FIN"
note="Note libre : $long FIN"
ok_if "the texts are long (over 1,900 bytes)" test "$(printf "%s" "$note" | wc -c)" -gt 1900
out=$(printf 'clock 2026-11-23T09:30:00+04:00\nnote key "%s"\nnote "%s"\n' "$key" "$note" | rap run --db "$db" - 2>&1)
like "stored" "$out" 'ok note'
rap export --db "$db" --session 1 --out "$PWD/ex" >/dev/null 2>&1
got=$(/usr/bin/python3 -c "
import csv, sys
rows = list(csv.DictReader(open('ex/minutes.csv', encoding='utf-8')))
print(sum(1 for r in rows if r['detail'].endswith(' FIN')))")
is "minutes.csv: both whole" "$got" 2
rap report --db "$db" --session 1 --out "$PWD/r.html" --lang fr >/dev/null 2>&1
ok_if "the report holds the key message whole" grep -qF "mot299 FIN" r.html
is "... both texts whole" "$(grep -oF 'mot299 FIN' r.html | wc -l | tr -d ' ')" 2
out=$(rap --db "$db" follow </dev/null 2>&1)
is "follow: both lines whole" "$(printf '%s\n' "$out" | grep -c 'mot299 FIN$')" 2
