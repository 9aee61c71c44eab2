#!/bin/sh
# order.sh — a point of order interrupts the speaker (issue 11): while a
# delegation speaks, `floor` gives the floor to a point of order first in
# line; the speaker's intervention ends then and they wait first in line
# again with their name and type of speech, so that the next `floor`
# gives it back to them. Without a point of order waiting, `floor` is
# refused as before; `floor CODE` never interrupts.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T10:00:00+04:00
export RAPPORTEUR_NOW
db=$(fresh_db order)
q() { sqlite3 -separator '|' "$db" "$1"; }
queue() { q "SELECT x.pos, d.code, x.speaker, x.speech_type FROM speaker_request x
	JOIN delegation d ON d.id = x.delegation_id ORDER BY x.pos"; }
log() { q "SELECT x.seq, d.code, x.speaker, x.speech_type, substr(x.start, 12, 5),
	ifnull(substr(x.end, 12, 5), '-'), x.summary FROM intervention x
	JOIN delegation d ON d.id = x.delegation_id ORDER BY x.seq"; }

out=$(rap run --keep-going --db "$db" - 2>/dev/null <<'EOF2'
clock 2026-11-23T09:30
start 3
q+ MUS "Priya Ramdin"
q+ SYC
floor
clock 2026-11-23T09:33
floor
q+ COM point_of_order
floor COM
floor
EOF2
)
is "without a point of order the speaker keeps the floor; with one it is given" "$out" \
"ok clock 2026-11-23T09:30:00+04:00
ok item 3 started
ok MUS in line, position 1
ok SYC in line, position 2
ok MUS has the floor
ok clock 2026-11-23T09:33:00+04:00
error: MUS has the floor; yield first
ok COM in line, position 1
error: MUS has the floor; yield first
ok COM has the floor on a point of order (MUS will resume)"
is "MUS's intervention ended at the interruption; COM speaks" "$(log)" \
"1|MUS|Priya Ramdin|statement|09:30|09:33|
2|COM||point_of_order|09:33|-|"
is "MUS waits first again, name and type kept, before SYC" "$(queue)" \
"1|MUS|Priya Ramdin|statement
2|SYC||statement"
is "the journal says who interrupted whom" \
	"$(q "SELECT event, delegation, detail FROM journal ORDER BY seq DESC LIMIT 1")" \
	"floor|COM|COM has the floor on a point of order (MUS will resume)"

out=$(rap run --db "$db" - 2>&1 <<'EOF2'
clock 2026-11-23T09:35
yield "Rappel au règlement : temps de parole."
floor
EOF2
)
is "after the point of order, MUS resumes" "$out" "ok clock 2026-11-23T09:35:00+04:00
ok COM spoke 2 min
ok MUS has the floor"
is "... with the speaker's name" "$(log | tail -1)" "3|MUS|Priya Ramdin|statement|09:35|-|"
is "... and SYC still waits" "$(queue)" "1|SYC||statement"
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
