#!/bin/sh
# agenda.sh — the agenda from the command line (DESIGN R8, §3, §5): item+,
# item=, start, end, skip, move run by `rapporteur run`, each answering one
# line; the stored times read back with sqlite3; refusals change nothing;
# `run` stops at the first error unless --keep-going; --read-only refuses.
# The session is inserted directly after `init`, so that this test needs
# nothing but the fixtures and the agenda commands.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
# Commands without a `clock` line get this time (deterministic).
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW

db=$PWD/agenda.db
rm -f "$db"*
rap init --db "$db" >/dev/null 2>&1 || echo "#   init failed"
sqlite3 "$db" "INSERT INTO session (process_id, title, start_date, status, created_at)
  VALUES ((SELECT min(id) FROM process), 'Test', '2026-11-23', 'open', '2026-11-01T00:00:00+04:00')"
q() { sqlite3 -separator '|' "$db" "$1"; }
dump() { q "SELECT num, pos, status, title, kind, planned_minutes, ifnull(planned_start, '-'),
  ifnull(actual_start, '-'), ifnull(actual_end, '-'), moderator FROM agenda_item ORDER BY pos;
  SELECT count(*) FROM journal"; }

out=$(rap run --db "$db" - 2>err.txt <<'EOF'
clock 2026-11-23T08:00
item+ "Cérémonie d'ouverture" opening 45 08:30
item+ "Adoption de l'ordre du jour" agenda 15
item+ "Déclarations liminaires" 90 statements
item+ "Session thématique : migration et santé" thematic 90 11:15
item+ "Restitution" other 60 2026-11-24T09:00
point+ "Clôture" closing 30
EOF
)
rc=$?
is "item+ answers with the number it created" "$out" "ok clock 2026-11-23T08:00:00+04:00
ok item 1
ok item 2
ok item 3
ok item 4
ok item 5
ok item 6"
is "run exits 0 when every command succeeds" "$rc" 0
is "planned starts: HH:MM on the session's day, else after the previous item" \
	"$(q "SELECT num || ' ' || planned_start || ' ' || planned_minutes || ' ' || kind FROM agenda_item ORDER BY pos")" \
	"1 2026-11-23T08:30:00+04:00 45 opening
2 2026-11-23T09:15:00+04:00 15 agenda
3 2026-11-23T09:30:00+04:00 90 statements
4 2026-11-23T11:15:00+04:00 90 thematic
5 2026-11-24T09:00:00+04:00 60 other
6 2026-11-24T10:00:00+04:00 30 closing"

out=$(rap run --db "$db" - 2>err.txt <<'EOF'
clock 2026-11-23T08:34
start 1
clock 2026-11-23T09:27
start 2
item= 2 moderator "Présidence mauricienne"
clock 2026-11-23T09:40:30
end
skip 5
move 6 1
move 6 6
move 4 3
item= 3 minutes 120
item= 3 start 09:45
clock 2026-11-23T09:45
début 3
EOF
)
is "start, end, skip, move, item= answers" "$out" "ok clock 2026-11-23T08:34:00+04:00
ok item 1 started
ok clock 2026-11-23T09:27:00+04:00
ok item 2 started (item 1 ended)
ok item 2 moderator changed
ok clock 2026-11-23T09:40:30+04:00
ok item 2 ended after 13 min
ok item 5 skipped
ok item 6 moved to position 1
ok item 6 moved to position 6
ok item 4 moved to position 3
ok item 3 minutes changed
ok item 3 start changed
ok clock 2026-11-23T09:45:00+04:00
ok item 3 started"
is "the agenda as stored (actual times, order, status)" "$(dump)" \
"1|1|done|Cérémonie d'ouverture|opening|45|2026-11-23T08:30:00+04:00|2026-11-23T08:34:00+04:00|2026-11-23T09:27:00+04:00|
2|2|done|Adoption de l'ordre du jour|agenda|15|2026-11-23T09:15:00+04:00|2026-11-23T09:27:00+04:00|2026-11-23T09:40:30+04:00|Présidence mauricienne
4|3|pending|Session thématique : migration et santé|thematic|90|2026-11-23T11:15:00+04:00|-|-|
3|4|in_progress|Déclarations liminaires|statements|120|2026-11-23T09:45:00+04:00|2026-11-23T09:45:00+04:00|-|
5|5|skipped|Restitution|other|60|2026-11-24T09:00:00+04:00|-|-|
6|6|pending|Clôture|closing|30|2026-11-24T10:00:00+04:00|-|-|
17"
is "the journal names item, before and after of each step" \
	"$(q "SELECT event || '|' || item || '|' || ifnull(before, '') || '|' || ifnull(after, '') FROM journal WHERE event IN ('start', 'end', 'skip', 'move') ORDER BY seq")" \
	"start|1|pending|in_progress
start|2|item 1 in_progress; item 2 pending|item 1 done; item 2 in_progress
end|2|in_progress|done
skip|5|pending|skipped
move|6|position 6|position 1
move|6|position 1|position 6
move|4|position 4|position 3
start|3|pending|in_progress"

# Refusals: each one line, exit 1, nothing changed.
before=$(dump)
for cmd in 'start 1' 'start 3' 'start 5' 'skip 3' 'skip 1' 'move 3 7' 'move 9 1' \
	'item= 3 status done' 'item= 4 kind party' 'item+ ""' \
	'item+ X opening closing' 'item+ X 99:99' 'start' 'end 3' 'frobnicate'; do
	out=$(echo "$cmd" | rap run --db "$db" - 2>err.txt)
	rc=$?
	like "refused: $cmd" "$out" '^error: .+'
	is "refused: $cmd answers one line" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 1
	is "refused: $cmd exits 1" "$rc" 1
	like "refused: $cmd is reported on stderr with its line" "$(cat err.txt)" '^stdin:1: error: '
done
is "refusals changed nothing" "$(dump)" "$before"
is "the reasons" "$(printf 'start 1\nstart 5\nskip 3\nmove 3 7\nend\nend\n' |
	RAPPORTEUR_NOW=2026-11-23T10:30:00+04:00 rap run --keep-going --db "$db" - 2>/dev/null)" \
"error: item 1 is done
error: item 5 was skipped; restore it first (item= 5 status pending)
error: item 3 is in progress; end it first
error: position 7: the agenda has 6 items
ok item 3 ended after 45 min
error: no item in progress"

# run stops at the first error; --keep-going goes on.
out=$(printf 'item+ A\nstart 99\nitem+ B\n' | rap run --db "$db" - 2>/dev/null)
is "run stops at the first error" "$out" "ok item 7
error: no item 99 on the agenda"
is "nothing after the error ran" "$(q "SELECT count(*) FROM agenda_item WHERE title = 'B'")" 0

# Read-only: refused before anything is written.
before=$(dump)
out=$(echo 'start 4' | rap run --read-only --db "$db" - 2>/dev/null)
is "--read-only refuses start" "$out" "error: read-only: start changes the record"
is "--read-only changed nothing" "$(dump)" "$before"

# The session is chosen with --session; another session has its own numbers.
sqlite3 "$db" "INSERT INTO session (process_id, title, start_date, status, created_at)
  VALUES ((SELECT min(id) FROM process), 'Autre', '2027-05-10', 'planned', '2027-01-01T00:00:00+04:00')"
out=$(printf 'item+ "Ouverture" opening 30 10:00\n' | rap run --session 2 --db "$db" - 2>/dev/null)
is "numbers start at 1 in another session" "$out" "ok item 1"
is "HH:MM is on that session's first day" \
	"$(q "SELECT planned_start FROM agenda_item WHERE session_id = 2")" "2027-05-10T10:00:00+04:00"
is "the first session is untouched" "$(q "SELECT count(*) FROM agenda_item WHERE session_id = 1")" 7

# A clock set back: an end before the start is refused (issue 11), in one
# line, and changes nothing; the same for an intervention.
db3=$PWD/agenda-back.db
rm -f "$db3"*
rap init --db "$db3" --demo >/dev/null 2>&1
out=$(rap run --db "$db3" --session 1 - 2>/dev/null <<'CMDS'
clock 2026-12-04T13:30
start 1
floor MUS
clock 2026-12-04T09:00
yield
end
CMDS
)
is "yield before the intervention's start is refused" "$(printf '%s\n' "$out" | sed -n 5p)" \
	"error: refused: the end (09:00) would be before the start of the intervention (13:30)"
out=$(rap run --db "$db3" --session 1 - 2>/dev/null <<'CMDS'
clock 2026-12-04T13:40
yield
clock 2026-12-04T09:00
end
CMDS
)
is "end before the item's start is refused, one line" "$(printf '%s\n' "$out" | sed -n 4p)" \
	"error: refused: the end (09:00) would be before the start of item 1 (13:30)"
is "... the item is still in progress, no end stored" \
	"$(sqlite3 "$db3" "SELECT status || '|' || ifnull(actual_end, '-') FROM agenda_item WHERE session_id = 1 AND num = 1")" "in_progress|-"
is "... an end at the start itself is accepted" \
	"$(printf 'clock 2026-12-04T13:30\nend\n' | rap run --db "$db3" --session 1 - 2>/dev/null | sed -n 2p)" "ok item 1 ended after 0 min"
