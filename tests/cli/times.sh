#!/bin/sh
# times.sh — time zones (README "Times and time zones"). Planned times are
# wall-clock times of the venue (the session's `tz`), stored with its
# offset; times the clock records carry the offset of the machine that
# records them; the screens and the CSV files show every time in the
# reader's zone (TZ of the process). Checked with two reader zones: UTC
# (a server) and +04:00 (Mauritius, the demo's venue).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "${TEST_TMP:-.}" || exit 2
UTC=UTC0
MU='<+04>-4'
q() { sqlite3 "$db" "$1"; }
csv() { # FILE COLUMN ROW(1-based)
	python3 - "$@" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
print(rows[int(sys.argv[3]) - 1][sys.argv[2]])
PY
}

# ---- the demo initialised on a UTC machine ----
db="$TEST_TMP/tz.db"; rm -f "$db"*
TZ=$UTC RAPPORTEUR_NOW=2026-11-23T04:00:00Z rap init --db "$db" --demo >/dev/null 2>&1
is "the demo's venue zone" "$(q 'SELECT tz FROM session WHERE id = 1')" "Indian/Mauritius"
is "the opening is stored at 08:30 in the venue, with its offset" \
	"$(q 'SELECT planned_start FROM agenda_item WHERE session_id = 1 AND num = 1')" \
	"2026-11-23T08:30:00+04:00"
is "... the second day too" "$(q 'SELECT planned_start FROM agenda_item WHERE session_id = 1 AND num = 8')" \
	"2026-11-24T09:00:00+04:00"
got=$(TZ=$MU ui_run "$db" '1')
like "a reader in Mauritius sees the opening at 08:30" "$(ui_row "$got" 4)" '^  1  08:30  45'"'"''
got=$(TZ=Indian/Mauritius ui_run "$db" '1')
like "... also with TZ=Indian/Mauritius" "$(ui_row "$got" 4)" '^  1  08:30  45'"'"''
got=$(TZ=$UTC UI_NOW=2026-11-23T05:00:00Z ui_run "$db" '1')
like "a reader on UTC sees it at 04:30, the same instant" "$(ui_row "$got" 4)" '^  1  04:30  45'"'"''

# ---- times recorded on one machine, read from another zone ----
TZ=$UTC rap run --db "$db" --session 1 - >/dev/null 2>&1 <<'CMDS'
clock 2026-11-23T04:35
start 1
q+ MUS
floor
clock 2026-11-23T04:40
yield "Bienvenue"
CMDS
is "the clock's times carry the recording machine's offset" \
	"$(q 'SELECT actual_start FROM agenda_item WHERE session_id = 1 AND num = 1')" "2026-11-23T04:35:00+00:00"
got=$(TZ=$MU UI_NOW=2026-11-23T08:45:00+04:00 ui_run "$db" '1')
like "... shown in the reader's zone" "$(ui_row "$got" 4)" '^  1  08:30  45'"'"' 08:35-'
TZ=$MU rap export --db "$db" --session 1 --out mu >/dev/null 2>&1
TZ=$UTC rap export --db "$db" --session 1 --out utc >/dev/null 2>&1
is "export in +04:00: planned start in the reader's zone" "$(csv mu/agenda.csv planned_start 1)" "2026-11-23T08:30:00+04:00"
is "... actual start too" "$(csv mu/agenda.csv actual_start 1)" "2026-11-23T08:35:00+04:00"
is "... an intervention" "$(csv mu/interventions.csv start 1)" "2026-11-23T08:35:00+04:00"
is "... the journal" "$(csv mu/minutes.csv time 1)" "$(TZ=$MU python3 -c 'import sys,datetime; print(datetime.datetime.fromisoformat(sys.argv[1]).astimezone().isoformat())' "$(q 'SELECT time FROM journal WHERE session_id = 1 ORDER BY seq LIMIT 1')")"
is "export on UTC: the same instants in UTC" "$(csv utc/agenda.csv planned_start 1)" "2026-11-23T04:30:00+00:00"
is "... actual start" "$(csv utc/agenda.csv actual_start 1)" "2026-11-23T04:35:00+00:00"
is "... durations unchanged" "$(csv utc/interventions.csv seconds 1)" "$(csv mu/interventions.csv seconds 1)"

# ---- set tz, and planned times typed afterwards ----
out=$(TZ=$MU rap run --db "$db" --session 1 - 2>&1 <<'CMDS'
set tz America/New_York
item+ "Side event in New York" other 60 2026-11-25T09:00
set tz -03:30
item+ "Late call" other 30 2026-11-25T18:00
set tz UTC
item= 14 start 2026-11-25T20:00
CMDS
)
is "set tz takes IANA names, offsets and UTC" "$(printf '%s\n' "$out" | grep -c '^ok')" 6
is "a time typed for New York is stored with New York's offset" \
	"$(q 'SELECT planned_start FROM agenda_item WHERE session_id = 1 AND num = 13')" "2026-11-25T09:00:00-05:00"
is "... UTC" "$(q 'SELECT planned_start FROM agenda_item WHERE session_id = 1 AND num = 14')" "2026-11-25T20:00:00+00:00"
is "an explicit offset is taken" "$(TZ=$MU rap run --db "$db" --session 1 - 2>&1 <<'CMDS'
item= 14 start 2026-11-25T20:00+02:00
CMDS
)" "ok item 14 start changed"
is "... stored as the same instant in the venue's zone" "$(q 'SELECT planned_start FROM agenda_item WHERE session_id = 1 AND num = 14')" "2026-11-25T18:00:00+00:00"
for bad in Mars/Olympus ../../etc/passwd +25:00 /etc/localtime; do
	out=$(rap run --db "$db" --session 1 - 2>&1 <<CMDS
set tz $bad
CMDS
)
	like "set tz $bad is refused" "$out" '^error: tz: expected a time zone'
done
is "... and changes nothing" "$(q 'SELECT tz FROM session WHERE id = 1')" "UTC"
