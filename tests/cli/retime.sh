#!/bin/sh
# retime.sh — `retime [N]` (issue 11): after an overrun or a move, the
# planned starts of the pending items after item N follow from the end of
# the one before (actual end when done, planned end — or now, past it —
# when running) and their planned minutes, to the end of that day: the
# next day keeps its times, an item moved up from it joins the chain; one
# command, one journal row with before and after, undone exactly by undo;
# nothing to change changes nothing; refusals; the chair may run it.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T08:30:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db retime)
q() { sqlite3 -separator '|' "$db" "$1"; }
starts() { q "SELECT group_concat(num || '=' || substr(planned_start, 9, 8), ' ') FROM
	(SELECT num, planned_start FROM agenda_item ORDER BY pos)"; }
plan0=$(starts)

# 1. Item 1 overran by 25 minutes: the rest of day 1 follows its end.
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
start 1
clock 09:40
end
retime
EOF2
)
is "end after 70 min, then retime" "$out" "ok item 1 started
ok clock 2026-11-23T09:40:00+04:00
ok item 1 ended after 70 min (25 over)
ok 6 items re-timed after item 1"
is "day 1 follows item 1's actual end, day 2 keeps its times" "$(starts)" \
	"1=23T08:30 2=23T09:40 3=23T09:55 4=23T11:25 5=23T12:55 6=23T13:25 7=23T14:55 8=24T09:00 9=24T10:15 10=24T14:00 11=24T15:15 12=24T15:45"
is "stored as ISO 8601 with the venue's offset" \
	"$(q "SELECT planned_start FROM agenda_item WHERE num = 3")" "2026-11-23T09:55:00+04:00"
is "one journal row: event, item, detail" \
	"$(q "SELECT event, item, command, detail FROM journal ORDER BY seq DESC LIMIT 1")" \
	"retime|1|retime|6 items re-timed after item 1"
like "... before: the planned starts it changed" \
	"$(q "SELECT before FROM journal ORDER BY seq DESC LIMIT 1")" \
	'^item 2 2026-11-23T09:15:00\+04:00; item 3 2026-11-23T09:30:00\+04:00; .*item 7 2026-11-23T16:15:00\+04:00$'
like "... after: the new ones" "$(q "SELECT after FROM journal ORDER BY seq DESC LIMIT 1")" \
	'^item 2 2026-11-23T09:40:00\+04:00; item 3 2026-11-23T09:55:00\+04:00; .*item 7 2026-11-23T14:55:00\+04:00$'
is "the event and its arguments" "$(q "SELECT args FROM journal ORDER BY seq DESC LIMIT 1")" \
	'["item.retimed",6,1]'
rap --lang fr export --db "$db" --session 1 --out min-fr >/dev/null 2>&1
like "minutes.csv in French renders it" "$(grep retime min-fr/minutes.csv)" \
	'6 points recalés après le point 1'
rap --lang es export --db "$db" --session 1 --out min-es >/dev/null 2>&1
like "... and in Spanish" "$(grep retime min-es/minutes.csv)" \
	'6 puntos reprogramados después del punto 1'

# 2. Nothing left to change: ok, nothing written.
j=$(q "SELECT count(*) FROM journal")
out=$(echo retime | rap run --db "$db" - 2>&1)
is "a second retime: nothing to change" "$out" "ok the planned times already follow each other"
is "... and no journal row" "$(q "SELECT count(*) FROM journal")" "$j"

# 3. undo puts every planned start back (one command, one undo).
db=$(fresh_db retime2)
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
start 1
clock 09:40
end
retime
undo
EOF2
)
like "retime then undo" "$out" 'ok undone: retime$'
is "every planned start as planned" "$(starts)" "$plan0"
is "the undo's journal row swaps before and after" \
	"$(q "SELECT j.before = r.after AND j.after = r.before FROM journal j, journal r
	WHERE j.seq = (SELECT max(seq) FROM journal) AND r.seq = j.seq - 1")" 1

# 4. A move up from day 2 joins day 1; retime N from day 2's first item.
db=$(fresh_db retime3)
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
move 8 3
retime
EOF2
)
is "move 8 3, retime from the first item" "$out" "ok item 8 moved to position 3
ok 6 items re-timed"
is "item 8 now runs on day 1 after item 2; day 2 keeps its times" "$(starts)" \
	"1=23T08:30 2=23T09:15 8=23T09:30 3=23T10:30 4=23T12:00 5=23T13:30 6=23T14:00 7=23T15:30 9=24T10:15 10=24T14:00 11=24T15:15 12=24T15:45"
out=$(echo 'retime 9' | rap run --db "$db" - 2>&1)
is "retime 9: day 2 after item 9" "$out" "ok 3 items re-timed after item 9"
is "items 10-12 follow item 9's planned end" "$(starts | cut -d' ' -f9-)" \
	"9=24T10:15 10=24T12:15 11=24T13:15 12=24T13:45"

# 5. The item in progress: the chain starts at its planned end, or now
# when that is past; done and skipped items in the way.
db=$(fresh_db retime4)
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
clock 09:00
start 1
skip 3
retime
clock 10:10
retime
EOF2
)
is "running item 1 (started 09:00, 45 min), item 3 skipped" "$out" "ok clock 2026-11-23T09:00:00+04:00
ok item 1 started
ok item 3 skipped
ok 5 items re-timed after item 1
ok clock 2026-11-23T10:10:00+04:00
ok 5 items re-timed after item 1"
is "at 10:10, past its planned end: the chain starts now; item 3 keeps its time" \
	"$(starts | cut -d' ' -f1-7)" \
	"1=23T08:30 2=23T10:10 3=23T09:30 4=23T10:25 5=23T11:55 6=23T12:25 7=23T13:55"

# 6. Refusals change nothing; roles.
out=$(echo 'retime 99' | rap run --db "$db" - 2>/dev/null)
is "an unknown item" "$out" "error: no item 99 on the agenda"
out=$(echo 'retime' | rap run --read-only --db "$db" - 2>/dev/null)
is "read-only" "$out" "error: read-only: retime changes the record"
out=$(echo 'retime 4' | rap run --as Chair --role chair --db "$db" - 2>&1)
like "the chair may re-time the agenda" "$out" '^ok '
out=$(echo 'retime' | rap run --as MUS --role delegation:MUS --db "$db" - 2>/dev/null)
like "a delegation may not" "$out" '^error: role delegation:MUS may not run retime'
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
