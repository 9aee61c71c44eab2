#!/bin/sh
# session.sh — sessions from the command line (DESIGN R2, R6, §3, §5):
# session new/open/close/reopen and set run by `rapporteur run`, each
# answering one line; what is stored read back with sqlite3; a closed
# session is read-only; every refused command leaves the whole database
# (journal included) byte for byte as it was; every write adds exactly one
# journal row; the theme chosen for the next meeting is inherited by the
# next session created (R6).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW

db=$PWD/session.db
rm -f "$db"*
rap init --db "$db" >/dev/null 2>&1 || echo "#   init failed"
q() { sqlite3 -separator '|' "$db" "$1"; }
dump() { sqlite3 "$db" .dump; }
journal() { q "SELECT count(*) FROM journal"; }
# refuse DESC COMMAND WANT: the command is refused with WANT and changes nothing.
refuse() {
	before=$(dump)
	got=$(printf '%s\n' "$2" | rap run --db "$db" - 2>/dev/null)
	is "$1" "$got" "$3"
	is "$1: nothing changed" "$(dump)" "$before"
}

# ---- session new ----
refuse "session new: unknown level" 'session new "Réunion" plenary 2026-11-23' \
	"error: level: expected expert, senior or ministerial, not plenary"
refuse "session new: not a date" 'session new "Réunion" senior 23/11/2026' \
	"error: date: expected a date YYYY-MM-DD, not 23/11/2026"
refuse "session new: no such day" 'session new "Réunion" senior 2026-02-29' \
	"error: date: expected a date YYYY-MM-DD, not 2026-02-29"
refuse "session new: empty title" 'session new "" senior 2026-11-23' \
	"error: title: must not be empty"
refuse "session close without a session" "session close" \
	"error: no current session (create one with session new)"
refuse "set without a session" "set venue X" \
	"error: no current session (create one with session new)"
is "no session yet" "$(q "SELECT count(*) FROM session")" 0

out=$(rap run --db "$db" - 2>err.txt <<'EOF'
session new "Réunion annuelle 2026" senior 2026-11-23
set venue "Port-Louis, Maurice"
session new "Conférence ministérielle" ministerial 2028-02-29
set venue "Moroni"
session open 1
set end_date 2026-11-24
EOF
)
is "session new answers the id; the new session becomes current" "$out" "ok session 1
ok venue Port-Louis, Maurice
ok session 2
ok venue Moroni
ok session 1
ok end_date 2026-11-24"
is "no error output" "$(cat err.txt)" ""
is "sessions as stored: open, default minimum levels (director; ministerial: deputy_minister)" \
	"$(q "SELECT id, title, level, start_date, ifnull(end_date, '-'), venue, min_level, status,
	  decision_rule, workshop_places, next_places, created_at FROM session ORDER BY id")" \
	"1|Réunion annuelle 2026|senior|2026-11-23|2026-11-24|Port-Louis, Maurice|director|open|consensus|2|1|2026-11-23T09:00:00+04:00
2|Conférence ministérielle|ministerial|2028-02-29|-|Moroni|deputy_minister|open|consensus|2|1|2026-11-23T09:00:00+04:00"
is "journal: one row per command, on the right session" \
	"$(q "SELECT session_id || ' ' || event FROM journal ORDER BY seq")" "1 session_new
1 set
2 session_new
2 set
1 session_open
1 set"
is "journal of session new: detail and state after" \
	"$(q "SELECT detail || ' / ' || after FROM journal WHERE seq = 1")" \
	"session 1 opened: Réunion annuelle 2026 (senior, 2026-11-23) / title=Réunion annuelle 2026; level=senior; start_date=2026-11-23; min_level=director; status=open"
is "rapporteur sessions lists both" "$(rap sessions --db "$db")" \
	"1	open	2026-11-23	senior	DIMOI	Réunion annuelle 2026
2	open	2028-02-29	ministerial	DIMOI	Conférence ministérielle"
refuse "session open: unknown id" "session open 9" \
	"error: no session 9 (rapporteur sessions lists them)"
refuse "session open: not a number" "session open x" "error: session: not a number: x"
refuse "session: unknown subcommand" "session delete 1" \
	'error: usage: session new "TITLE" LEVEL DATE [--from ID] | open ID | close | reopen'

# ---- set KEY VALUE ----
out=$(rap run --db "$db" --session 1 - 2>&1 <<'EOF'
set title "Réunion annuelle du DiMOI 2026"
set level expert
set start_date 2026-11-22
set host mus
set chair "S.E. le Ministre des Affaires étrangères"
set chair FRA
set min_level "Directeur général"
set rule majority
set workshop_places 3
set next_places 10
set venue ""
set end_date ""
EOF
)
is "set: each key answers its stored value" "$out" "ok title Réunion annuelle du DiMOI 2026
ok level expert
ok start_date 2026-11-22
ok host MUS
ok chair S.E. le Ministre des Affaires étrangères
ok chair FRA
ok min_level director_general (check: 0/5 OK)
ok rule majority
ok workshop_places 3
ok next_places 10
ok venue cleared
ok end_date cleared"
is "set: stored" \
	"$(q "SELECT title, level, start_date, ifnull(end_date, '-'), ifnull(venue, '-'), host, chair,
	  min_level, decision_rule, workshop_places, next_places FROM session WHERE id = 1")" \
	"Réunion annuelle du DiMOI 2026|expert|2026-11-22|-|-|MUS|FRA|director_general|majority|3|10"
is "set: journal before and after" \
	"$(q "SELECT before || ' > ' || after || ' / ' || detail FROM journal WHERE event = 'set'
	  AND session_id = 1 ORDER BY seq DESC LIMIT 3")" \
	"end_date=2026-11-24 > end_date= / end date: 2026-11-24 → —
venue=Port-Louis, Maurice > venue= / venue: Port-Louis, Maurice → —
next_places=1 > next_places=10 / next meeting's themes: 1 → 10"
out=$(printf 'set level ministerial\n' | rap run --db "$db" --session 1 -)
is "set level ministerial suggests a ministerial minimum level" "$out" \
	"ok level ministerial (the minimum level is still director_general; set min_level deputy_minister for a ministerial rank)"
refuse_s1() {
	before=$(dump)
	got=$(printf '%s\n' "$2" | rap run --db "$db" --session 1 - 2>/dev/null)
	is "$1" "$got" "$3"
	is "$1: nothing changed" "$(dump)" "$before"
}
refuse_s1 "set: unknown key" "set colour blue" \
	"error: unknown setting colour (title, level, start_date, end_date, venue, host, chair, min_level, rule, workshop_places, next_places, tz, r4)"
refuse_s1 "set: empty title" 'set title ""' "error: title: must not be empty"
refuse_s1 "set: unknown level" "set level summit" \
	"error: level: expected expert, senior or ministerial, not summit"
refuse_s1 "set: bad date" "set start_date 2026-11-31" \
	"error: start_date: expected a date YYYY-MM-DD, not 2026-11-31"
refuse_s1 "set: end before start" "set end_date 2026-11-21" \
	"error: end_date: 2026-11-21 is before the start date 2026-11-22"
refuse_s1 "set: unknown host" "set host XYZ" "error: unknown delegation XYZ"
refuse_s1 "set: unknown minimum level" "set min_level emperor" \
	"error: min_level: unknown level emperor"
refuse_s1 "set: unknown rule" "set rule unanimity" \
	"error: rule: expected consensus or majority, not unanimity"
refuse_s1 "set: places 0" "set workshop_places 0" \
	"error: places: expected a number from 1 to 10, not 0"
refuse_s1 "set: places 11" "set next_places 11" \
	"error: places: expected a number from 1 to 10, not 11"
refuse_s1 "set: places not a number" "set next_places two" \
	"error: places: expected a number from 1 to 10, not two"
long=$(printf '%0301d' 0)
refuse_s1 "set: title too long" "set title \"$long\"" \
	"error: title: too long (301 bytes, at most 300)"
refuse_s1 "set: one argument" "set venue" "error: usage: set KEY VALUE"

# ---- close / reopen ----
printf 'item+ "Ouverture" opening 30\nstart 1\n' | rap run --db "$db" --session 1 - >/dev/null 2>&1
refuse_s1 "close refused while an item is in progress" "session close" \
	"error: item 1 is in progress; end it first (end)"
out=$(printf 'end\nsession close\n' | rap run --db "$db" --session 1 - 2>&1)
like "the item is ended first" "$(echo "$out" | sed -n 1p)" "^ok item 1 ended"
is "then the session closes" "$(echo "$out" | sed -n 2p)" "ok session 1 closed"
is "closed in the database" "$(q "SELECT status FROM session WHERE id = 1")" "closed"
closed="error: the session is closed; reopen it first (session reopen)"
refuse_s1 "closed: set refused" "set venue Moroni" "$closed"
refuse_s1 "closed: theme+ refused" "theme+ midiocc_health" "$closed"
refuse_s1 "closed: delegate+ refused" "delegate+ MUS \"A\" director interior" "$closed"
refuse_s1 "closed: present+ refused" "present+ MUS" "$closed"
refuse_s1 "closed: item+ refused" "item+ \"Autre\"" "$closed"
refuse_s1 "closed: note refused" "note \"texte\"" "$closed"
refuse_s1 "close twice" "session close" "error: session 1 is already closed"
out=$(printf 'check\n' | rap run --db "$db" --session 1 - 2>&1)
like "closed: check still reads" "$out" "^ok COM ABSENT"
out=$(printf 'session open 1\n' | rap run --db "$db" --session 2 - 2>&1)
is "switching to a closed session says it is read-only" "$out" \
	"ok session 1 (closed: read-only until session reopen)"
jn=$(journal)
out=$(printf 'session reopen\nset venue Moroni\n' | rap run --db "$db" --session 1 - 2>&1)
is "reopen, then writes are accepted again" "$out" "ok session 1 reopened
ok venue Moroni"
is "reopen is journaled (one row each)" "$(q "SELECT event || ' ' || before || ' > ' || after
	FROM journal WHERE seq > $jn ORDER BY seq")" "session_reopen status=closed > status=open
set venue= > venue=Moroni"
refuse_s1 "reopen an open session" "session reopen" "error: session 1 is not closed (it is open)"

# A planned session (created by another tool) is opened by session open.
q "INSERT INTO session (process_id, title, start_date, status, created_at)
   VALUES ((SELECT min(id) FROM process), 'Planifiée', '2027-06-01', 'planned', 'x')"
out=$(printf 'session close\n' | rap run --db "$db" --session 3 - 2>/dev/null)
is "close a planned session is refused" "$out" \
	"error: session 3 is planned, not open: open it first (session open 3)"
out=$(printf 'session open 3\n' | rap run --db "$db" - 2>&1)
is "session open of a planned session opens it" "$out" "ok session 3"
is "planned → open, journaled" \
	"$(q "SELECT s.status || ' ' || j.event || ' ' || j.before || ' > ' || j.after FROM session s,
	  journal j WHERE s.id = 3 AND j.seq = (SELECT max(seq) FROM journal)")" \
	"open session_open status=planned > status=open"

# ---- theme inheritance (R6) ----
q "INSERT INTO next_theme (process_id, from_session, theme_id, title)
   SELECT process_id, 1, (SELECT id FROM theme WHERE code = 'midiocc_health'), 'Migration et santé'
   FROM session WHERE id = 1"
jn=$(journal)
out=$(printf 'session new "Réunion 2027" senior 2027-11-22\n' | rap run --db "$db" - 2>&1)
is "session new after a chosen next theme" "$out" "ok session 4"
is "the new session starts with the chosen theme" \
	"$(q "SELECT t.code FROM session_theme st JOIN theme t ON t.id = st.theme_id WHERE st.session_id = 4")" \
	"midiocc_health"
is "the choice is marked used by the new session" "$(q "SELECT used_by FROM next_theme WHERE from_session = 1")" 4
is "one journal row, naming the inherited theme" \
	"$(q "SELECT count(*) || ' ' || max(detail) FROM journal WHERE seq > $jn")" \
	"1 session 4 opened: Réunion 2027 (senior, 2027-11-22); theme chosen at session 1: Migration and health"
out=$(printf 'session new "Réunion 2028" senior 2028-11-20\n' | rap run --db "$db" - 2>&1)
is "a used choice is not inherited twice" \
	"$out $(q "SELECT count(*) FROM session_theme WHERE session_id = 5")" "ok session 5 0"
# A free title chosen for the next meeting becomes a free theme.
q "INSERT INTO next_theme (process_id, from_session, theme_id, title)
   SELECT process_id, 4, NULL, 'Jeunesse et mobilité' FROM session WHERE id = 4"
out=$(printf 'session new "Réunion 2029" expert 2029-11-19\n' | rap run --db "$db" - 2>&1)
is "session new with a free next theme" "$out" "ok session 6"
is "the free theme is created and linked" \
	"$(q "SELECT t.code || ' ' || t.source || ' ' || t.title_fr FROM session_theme st
	  JOIN theme t ON t.id = st.theme_id WHERE st.session_id = 6")" "free-6-1 free Jeunesse et mobilité"
is "and marked used" "$(q "SELECT used_by FROM next_theme WHERE from_session = 4")" 6

# ---- theme+ / theme- ----
out=$(rap run --db "$db" --session 6 - 2>&1 <<'EOF'
theme+ midiocc_data
theme+ "Migration, trade and tourism"
theme+ "Migrations et sports"
theme- midiocc_data
theme- "Jeunesse et mobilité"
EOF
)
is "theme+ by code, English title, free title; theme- by code or title" "$out" \
	"ok theme midiocc_data (check: 0/5 OK)
ok theme midiocc_trade_tourism (check: 0/5 OK)
ok theme free-6-2 (check: 0/5 OK)
ok theme midiocc_data removed (check: 0/5 OK)
ok theme free-6-1 removed (check: 0/5 OK)"
is "themes of session 6" "$(q "SELECT t.code FROM session_theme st JOIN theme t ON t.id = st.theme_id
	WHERE st.session_id = 6 ORDER BY t.code")" "free-6-2
midiocc_trade_tourism"
refuse_6() {
	before=$(dump)
	got=$(printf '%s\n' "$2" | rap run --db "$db" --session 6 - 2>/dev/null)
	is "$1" "$got" "$3"
	is "$1: nothing changed" "$(dump)" "$before"
}
refuse_6 "theme+ twice" "theme+ midiocc_trade_tourism" \
	"error: midiocc_trade_tourism is already a theme of this session"
refuse_6 "theme+ of a mistyped code" "theme+ midiocc_helth" \
	"error: unknown theme code midiocc_helth (a free theme is named by its title in quotes)"
refuse_6 "theme- of a theme not in the session" "theme- midiocc_health" \
	"error: midiocc_health is not a theme of this session"

# ---- every write adds exactly one journal row ----
jn=$(journal)
rap run --db "$db" --session 6 - >/dev/null 2>&1 <<'EOF'
set venue "Victoria"
set min_level director
theme+ midiocc_climate
theme- midiocc_climate
session close
session reopen
session open 5
EOF
is "7 writes, 7 journal rows" "$(($(journal) - jn))" 7
is "the journal names the command typed" "$(q "SELECT command FROM journal ORDER BY seq DESC LIMIT 1")" \
	"session open 5"

# ---- read-only ----
before=$(dump)
out=$(printf 'session new "X" senior 2030-01-01\n' | rap --read-only run --db "$db" - 2>/dev/null)
is "--read-only refuses session new" "$out" "error: read-only: session changes the record"
is "--read-only changed nothing" "$(dump)" "$before"
