#!/bin/sh
# floor.sh — the list of speakers and the interventions from the command
# line (DESIGN R9, §3): q+, q-, qmove, floor, yield run by `rapporteur
# run` with clock lines; the stored interventions read back with sqlite3
# (start, end, seconds, summary, seq per item); members and observers both
# speak; the guards (no item in progress, someone has the floor, end while
# someone speaks) refuse and change nothing. The session and two delegates
# are inserted directly after `init`, so this test needs nothing but the
# fixtures, the agenda and the floor.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW

db=$PWD/floor.db
rm -f "$db"*
rap init --db "$db" >/dev/null 2>&1 || echo "#   init failed"
sqlite3 "$db" "INSERT INTO session (process_id, title, start_date, status, created_at)
  VALUES ((SELECT min(id) FROM process), 'Test', '2026-11-23', 'open', '2026-11-01T00:00:00+04:00');
INSERT INTO delegate (session_id, delegation_id, name, level, category, present)
  SELECT 1, id, 'Priya Ramdin', 'permanent_secretary', 'foreign_affairs', 1 FROM delegation WHERE code = 'MUS';
INSERT INTO delegate (session_id, delegation_id, name, level, category, present)
  SELECT 1, id, 'Sofia Marchetti', 'director', 'other', 1 FROM delegation WHERE code = 'IOM';"
q() { sqlite3 -separator '|' "$db" "$1"; }
state() { q "SELECT i.seq, a.num, d.code, i.speaker, i.speech_type, i.start, ifnull(i.end, '-'),
  i.summary FROM intervention i JOIN agenda_item a ON a.id = i.item_id
  JOIN delegation d ON d.id = i.delegation_id ORDER BY i.id;
  SELECT d.code || ':' || r.speech_type || ':' || r.pos FROM speaker_request r
  JOIN delegation d ON d.id = r.delegation_id ORDER BY r.item_id, r.pos;
  SELECT status FROM agenda_item ORDER BY num; SELECT count(*) FROM journal"; }

out=$(rap run --keep-going --db "$db" - 2>err.txt <<'EOF'
item+ "Déclarations liminaires" statements 90 09:30
item+ "Session thématique" thematic 60
q+ MUS
floor MUS
clock 2026-11-23T09:30
start 1
q+ MUS "priya ramdin"
q+ COM
q+ IOM "Sofia Marchetti" question
q+ SYC point_of_order
q+ MUS
q+ MUS reply
qmove IOM 2
q- COM
floor
clock 2026-11-23T09:31:15
yield "Rappel au règlement : temps de parole de trois minutes."
floor
end
clock 2026-11-23T09:35:45
yield "Maurice rappelle la priorité donnée à la santé des migrants, avec une virgule, et des « guillemets »."
floor
clock 2026-11-23T09:38
yield
floor SADC
clock 2026-11-23T09:39
yield "La SADC partage le cadre régional."
floor
yield
start 2
floor ZAF
EOF
)
is "answers" "$out" "ok item 1
ok item 2
error: no item in progress
error: no item in progress
ok clock 2026-11-23T09:30:00+04:00
ok item 1 started
ok MUS in line, position 1
ok COM in line, position 2
ok IOM in line, position 3
ok SYC in line, position 1
error: MUS is already on the list of speakers (statement, position 2)
ok MUS in line, position 5
ok IOM moved to position 2
ok COM withdrawn from the list of speakers
ok SYC has the floor
ok clock 2026-11-23T09:31:15+04:00
ok SYC spoke 1 min
ok IOM has the floor
error: IOM has the floor; yield first
ok clock 2026-11-23T09:35:45+04:00
ok IOM spoke 4 min
ok MUS has the floor
ok clock 2026-11-23T09:38:00+04:00
ok MUS spoke 2 min
ok SADC has the floor
ok clock 2026-11-23T09:39:00+04:00
ok SADC spoke 1 min
ok MUS has the floor
ok MUS spoke 0 s
ok item 2 started (item 1 ended)
ok ZAF has the floor"
is "the errors went to stderr with their line numbers" "$(cut -d: -f1-2 err.txt | tr '\n' ' ')" \
	"stdin:3 stdin:4 stdin:11 stdin:19 "

is "interventions, requests and items as stored" "$(state)" \
"1|1|SYC||point_of_order|2026-11-23T09:30:00+04:00|2026-11-23T09:31:15+04:00|Rappel au règlement : temps de parole de trois minutes.
2|1|IOM|Sofia Marchetti|question|2026-11-23T09:31:15+04:00|2026-11-23T09:35:45+04:00|Maurice rappelle la priorité donnée à la santé des migrants, avec une virgule, et des « guillemets ».
3|1|MUS|Priya Ramdin|statement|2026-11-23T09:35:45+04:00|2026-11-23T09:38:00+04:00|
4|1|SADC||statement|2026-11-23T09:38:00+04:00|2026-11-23T09:39:00+04:00|La SADC partage le cadre régional.
5|1|MUS||reply|2026-11-23T09:39:00+04:00|2026-11-23T09:39:00+04:00|
1|2|ZAF||statement|2026-11-23T09:39:00+04:00|-|
done
in_progress
22"
is "seconds of each intervention (what interventions.csv reports)" \
	"$(q "SELECT seq || ':' || (strftime('%s', end) - strftime('%s', start)) FROM intervention WHERE end IS NOT NULL ORDER BY id" | tr '\n' ' ')" \
	"1:75 2:270 3:135 4:60 5:0 "
is "the journal of the floor: item, delegation, minutes line" \
	"$(q "SELECT event || '|' || item || '|' || delegation || '|' || detail FROM journal WHERE event IN ('q+', 'q-', 'qmove', 'floor', 'yield') ORDER BY seq")" \
"q+|1|MUS|MUS (Priya Ramdin) asks for the floor (statement)
q+|1|COM|COM asks for the floor (statement)
q+|1|IOM|IOM (Sofia Marchetti) asks for the floor (question)
q+|1|SYC|SYC asks for the floor (point of order)
q+|1|MUS|MUS asks for the floor (reply)
qmove|1|IOM|IOM moved to position 2
q-|1|COM|COM withdraws its request for the floor
floor|1|SYC|SYC has the floor (point of order)
yield|1|SYC|SYC: Rappel au règlement : temps de parole de trois minutes.
floor|1|IOM|IOM (Sofia Marchetti) has the floor (question)
yield|1|IOM|IOM (Sofia Marchetti): Maurice rappelle la priorité donnée à la santé des migrants, avec une virgule, et des « guillemets ».
floor|1|MUS|MUS (Priya Ramdin) has the floor (statement)
yield|1|MUS|MUS (Priya Ramdin) spoke (statement)
floor|1|SADC|SADC has the floor (statement)
yield|1|SADC|SADC: La SADC partage le cadre régional.
floor|1|MUS|MUS has the floor (reply)
yield|1|MUS|MUS spoke (reply)
floor|2|ZAF|ZAF has the floor (statement)"

# Refusals while ZAF has the floor: one line each, exit 1, nothing changed.
before=$(state)
for cmd in 'floor' 'floor MUS' 'end' 'start 1' 'q+ XYZ' 'q+ MUS "Inconnu"' 'q+ MUS chant' \
	'q- MUS' 'qmove MUS 1' 'yield "a" "b"' 'q+'; do
	out=$(echo "$cmd" | rap run --db "$db" - 2>/dev/null)
	rc=$?
	like "refused: $cmd" "$out" '^error: .+'
	is "refused: $cmd exits 1" "$rc" 1
done
is "refusals changed nothing" "$(state)" "$before"
is "the reasons" "$(printf 'floor\nend\nq+ MUS "Inconnu"\nq- MUS\nq+ MUS chant\n' | rap run --keep-going --db "$db" - 2>/dev/null)" \
"error: ZAF has the floor; yield first
error: ZAF has the floor; yield first
error: no delegate \"Inconnu\" in MUS (register with delegate+)
error: MUS is not on the list of speakers
error: no delegate \"chant\" in MUS (register with delegate+)"

# The last intervention ends; then the item may end.
out=$(printf 'yield "Fin."\nend\nyield\nq+ MUS\n' | RAPPORTEUR_NOW=2026-11-23T09:41:00+04:00 rap run --keep-going --db "$db" - 2>/dev/null)
is "yield then end" "$out" "ok ZAF spoke 2 min
ok item 2 ended after 2 min
error: nobody has the floor
error: no item in progress"
