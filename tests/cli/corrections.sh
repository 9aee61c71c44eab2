#!/bin/sh
# corrections.sh — correcting what was recorded (DESIGN §8, issue 11):
# intervention= ITEM SEQ FIELD VALUE (summary, speaker, delegation, type,
# start, end), each validated and journaled with before and after; an
# item started or ended by mistake goes back to pending (actual times
# cleared) while nothing was recorded on it; refusals change nothing.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T10:00:00+04:00
export RAPPORTEUR_NOW
db=$(fresh_db corrections)
q() { sqlite3 -separator '|' "$db" "$1"; }
ivn() { q "SELECT d.code, x.speaker, x.speech_type, x.start, ifnull(x.end, '-'), x.summary
	FROM intervention x JOIN delegation d ON d.id = x.delegation_id
	JOIN agenda_item a ON a.id = x.item_id WHERE a.num = $1 AND x.seq = $2"; }
last() { q "SELECT event, item, delegation, before, after, detail FROM journal ORDER BY seq DESC LIMIT 1"; }
journal() { q "SELECT count(*) FROM journal"; }

rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
clock 2026-11-23T09:30
start 3
q+ MUS
floor
clock 2026-11-23T09:34
EOF2

# While someone has the floor, end and summary belong to yield.
j=$(journal)
out=$(rap run --keep-going --db "$db" - 2>/dev/null <<'EOF2'
intervention= 3 1 summary "Trop tôt"
intervention= 3 1 end 09:33
EOF2
)
is "the open intervention: summary and end refused (yield gives them)" "$out" \
"error: MUS has the floor: yield gives the summary
error: MUS has the floor: yield ends the intervention"
is "... nothing journaled" "$(journal)" "$j"
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
clock 2026-11-23T09:34
yield "Maurice soutient la declaraton."
EOF2

# The typo of the issue: a summary fixed, before and after kept.
out=$(echo 'intervention= 3 1 summary "Maurice soutient la déclaration."' | rap run --db "$db" - 2>&1)
is "summary corrected" "$out" "ok intervention 3.1 summary changed"
is "... stored" "$(ivn 3 1)" "MUS||statement|2026-11-23T09:30:00+04:00|2026-11-23T09:34:00+04:00|Maurice soutient la déclaration."
is "... journaled with before and after" "$(last)" \
	"intervention=|3|MUS|Maurice soutient la declaraton.|Maurice soutient la déclaration.|intervention 3.1 (MUS): summary changed to \"Maurice soutient la déclaration.\""

# Type, speaker (registered spelling), times, delegation.
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
intervention= 3 1 type question
intervention= 3 1 start 09:31
intervention= 3 1 end 09:33:30
intervention= 3 1 delegation COM
intervention= 3 1 speaker "ibrahim mze ali"
EOF2
)
is "type, start, end, delegation, speaker: each ok" "$out" "ok intervention 3.1 type changed
ok intervention 3.1 start changed
ok intervention 3.1 end changed
ok intervention 3.1 delegation changed
ok intervention 3.1 speaker changed"
is "... stored (the speaker as registered)" "$(ivn 3 1)" \
	"COM|Ibrahim Mze Ali|question|2026-11-23T09:31:00+04:00|2026-11-23T09:33:30+04:00|Maurice soutient la déclaration."
is "... each journaled (5 rows, before and after of the speaker)" \
	"$(q "SELECT count(*) FROM journal WHERE event = 'intervention='"; last | cut -d'|' -f1-5)" \
	"6
intervention=|3|COM||Ibrahim Mze Ali"

# Refusals: each names the reason and changes nothing.
j=$(journal); before=$(ivn 3 1)
out=$(rap run --keep-going --db "$db" - 2>/dev/null <<'EOF2'
intervention= 3 1 type speech
intervention= 3 1 speaker "Nobody Known"
intervention= 3 1 start 09:40
intervention= 3 1 end 09:20
intervention= 3 1 start 9h31
intervention= 3 1 colour red
intervention= 3 9 summary x
intervention= 8 1 summary x
intervention= 3 1 delegation XYZ
EOF2
)
is "refusals" "$out" \
"error: unknown type of speech speech (statement, reply, point_of_order, question)
error: no delegate \"Nobody Known\" in COM (register with delegate+)
error: the end of an intervention cannot come before its start
error: the end of an intervention cannot come before its start
error: not a time: 9h31 (HH:MM, HH:MM:SS or YYYY-MM-DDTHH:MM)
error: unknown field colour (summary, speaker, delegation, type, start, end)
error: no intervention 9 on item 3
error: no intervention 1 on item 8
error: unknown delegation XYZ"
is "... nothing changed, nothing journaled" "$(journal) $(ivn 3 1)" "$j $before"
long=$(head -c 4001 /dev/zero | tr '\0' a)
out=$(rap run --db "$db" - 2>/dev/null <<EOF2
intervention= 3 1 summary "$long"
EOF2
)
is "a summary over 4000 bytes is refused" "$out" "error: the summary is too long (4000 bytes at most)"
out=$(echo 'intervention= 3 1 speaker -' | rap run --db "$db" - 2>&1)
is "speaker - names nobody" "$out $(ivn 3 1 | cut -d'|' -f2)" "ok intervention 3.1 speaker changed "

# An item started by mistake goes back to pending.
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
clock 2026-11-23T10:00
start 7
EOF2
out=$(echo 'item= 7 status pending' | rap run --db "$db" - 2>&1)
is "item= 7 status pending on an item started by mistake" "$out" "ok item 7 status changed"
is "... pending, no actual times" "$(q "SELECT status, ifnull(actual_start, '-'), ifnull(actual_end, '-') FROM agenda_item WHERE num = 7")" "pending|-|-"
is "... journaled with before and after" "$(last | cut -d'|' -f1-5)" "item=|7||in_progress|pending"
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 7
end
EOF2
out=$(echo 'item= 7 status pending' | rap run --db "$db" - 2>&1)
is "an item ended by mistake, nothing on it: back to pending too" "$out $(q "SELECT status, ifnull(actual_end, '-') FROM agenda_item WHERE num = 7")" \
	"ok item 7 status changed pending|-"
# Item 3 holds an intervention: it stays done.
j=$(journal)
out=$(echo 'item= 3 status pending' | rap run --db "$db" - 2>/dev/null)
is "an item with an intervention stays done" "$out" \
	"error: item 3 cannot go back to pending: 1 interventions, requests to speak or notes are recorded on it"
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 5
note "Une note sur le point 5."
EOF2
out=$(echo 'item= 5 status pending' | rap run --db "$db" - 2>/dev/null)
is "an item with a note stays in progress" "$out" \
	"error: item 5 cannot go back to pending: 1 interventions, requests to speak or notes are recorded on it"
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 6
q+ SYC
EOF2
out=$(echo 'item= 6 status pending' | rap run --db "$db" - 2>/dev/null)
is "an item with a request to speak stays in progress" "$out" \
	"error: item 6 cannot go back to pending: 1 interventions, requests to speak or notes are recorded on it"
is "... the refusals journaled nothing" "$(journal)" "$((j + 4))"
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
