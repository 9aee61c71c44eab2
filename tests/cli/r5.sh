#!/bin/sh
# r5.sh — R5, observers do not draft: an observer (organisation or state)
# is refused through every path, and nothing is stored.
#  1. `rapporteur run`: rec+, amend, cosponsor, reserve, object, position
#     and propose with IOM, UNHCR (observer organisations) and ZAF (an
#     observer state) answer a clear reason and change nothing.
#  2. Direct SQL with the sqlite3 CLI, bypassing the program: every insert
#     or update that would make an observer an author, co-sponsor, amender,
#     reserving or objecting party, a theme proposer or a position holder
#     fails with R5_OBSERVER, and the counts stay the same; a member state
#     that has drafted cannot be turned into an observer.
# The screen path is tested with the Recommendations screen.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T10:30:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db r5)
q() { sqlite3 -separator '|' "$db" "$1"; }
snap() { q "SELECT count(*) FROM journal;
  SELECT * FROM recommendation ORDER BY id; SELECT * FROM rec_version ORDER BY id;
  SELECT * FROM rec_cosponsor ORDER BY 1, 2; SELECT * FROM rec_reservation ORDER BY 1, 2;
  SELECT * FROM rec_objection ORDER BY 1, 2; SELECT * FROM proposal ORDER BY id;
  SELECT * FROM position ORDER BY 1, 2; SELECT id, code, type FROM delegation ORDER BY id;"; }

# A recommendation by a member state and a proposal to act on.
out=$(rap run --db "$db" - 2>&1 <<'EOF'
rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance sanitaire."
cosponsor 1 MDG
reserve 1 SYC "sur le financement"
object 1 COM
propose workshop midiocc_health MUS
position 1 FRA support
EOF
)
is "member states draft, co-sponsor, reserve, object, propose, take positions" "$out" \
	"ok recommendation 1
ok R1 cosponsor MDG
ok R1 reservation SYC
ok R1 objection COM
ok proposal 1
ok P1 FRA support"
is "the observers are observers" \
	"$(q "SELECT code || ':' || type FROM delegation WHERE code IN ('IOM', 'UNHCR', 'ZAF') ORDER BY code")" \
	"IOM:observer_org
UNHCR:observer_org
ZAF:observer_state"

# 1. The command line.
draft_no() { echo "error: refused: $1 is an observer: drafting is the exclusive competence of member states (R5)"; }
before=$(snap)
for o in IOM UNHCR ZAF; do
	for line in "rec+ $o \"Titre\" \"Texte d'un observateur.\"" \
		"amend 1 $o \"Texte amendé par un observateur.\"" \
		"amend 1 $o \"Texte amendé.\" \"Amended text.\"" \
		"cosponsor 1 $o" \
		"reserve 1 $o \"réserve d'un observateur\"" \
		"object 1 $o \"objection d'un observateur\"" \
		"object 1 $o"; do
		got=$(printf '%s\n' "$line" | rap run --db "$db" - 2>/dev/null)
		is "run: $line" "$got" "$(draft_no "$o")"
	done
	got=$(printf 'position 1 %s support\n' "$o" | rap run --db "$db" - 2>/dev/null)
	is "run: position 1 $o support" "$got" \
		"error: $o is an observer: only member states state positions (R6)"
	got=$(printf 'position 1 %s object\n' "$o" | rap run --db "$db" - 2>/dev/null)
	is "run: position 1 $o object" "$got" \
		"error: $o is an observer: only member states state positions (R6)"
	got=$(printf 'propose next "Un thème de %s" %s\n' "$o" "$o" | rap run --db "$db" - 2>/dev/null)
	is "run: propose next … $o" "$got" \
		"error: $o is an observer: only member states propose themes (R6)"
done
got=$(printf 'rec+ iom "Titre" "Texte"\n' | rap run --db "$db" - 2>/dev/null)
rc=$?
is "run: a code in lower case names the observer as stored" "$got" "$(draft_no IOM)"
is "run: a refused command exits 1" "$rc" 1
got=$(rap run --db "$db" --keep-going - 2>/dev/null <<'EOF'
rec+ IOM "T" "x"
cosponsor 1 UNHCR
reserve 1 ZAF "r"
EOF
)
is "run --keep-going: every line refused" "$got" "$(draft_no IOM)
$(draft_no UNHCR)
$(draft_no ZAF)"
is "run: nothing was stored, nothing journaled" "$(snap)" "$before"

# 2. Direct SQL, bypassing the program.
obs="(SELECT id FROM delegation WHERE code = 'IOM')"
ost="(SELECT id FROM delegation WHERE code = 'ZAF')"
rec="(SELECT id FROM recommendation WHERE num = 1)"
sql_refused() { # DESC SQL
	err=$(sqlite3 "$db" "$2" 2>&1 >/dev/null)
	rc=$?
	ok_if "sql: $1: refused" test "$rc" -ne 0
	like "sql: $1: R5_OBSERVER" "$err" 'R5_OBSERVER'
}
sql_refused "recommendation authored by an observer organisation" \
	"INSERT INTO recommendation (session_id, num, title, author_id, created_at)
	 VALUES (1, 2, 'T', $obs, 'now')"
sql_refused "recommendation authored by an observer state" \
	"INSERT INTO recommendation (session_id, num, title, author_id, created_at)
	 VALUES (1, 2, 'T', $ost, 'now')"
sql_refused "author changed to an observer" \
	"UPDATE recommendation SET author_id = $obs WHERE num = 1"
sql_refused "version by an observer" \
	"INSERT INTO rec_version (rec_id, version, text_fr, delegation_id, actor, at)
	 VALUES ($rec, 2, 'x', $obs, 'me', 'now')"
sql_refused "version reassigned to an observer" \
	"UPDATE rec_version SET delegation_id = $ost WHERE version = 1"
sql_refused "observer co-sponsor" \
	"INSERT INTO rec_cosponsor (rec_id, delegation_id) VALUES ($rec, $obs)"
sql_refused "co-sponsor changed to an observer" \
	"UPDATE rec_cosponsor SET delegation_id = $ost"
sql_refused "observer reservation" \
	"INSERT INTO rec_reservation (rec_id, delegation_id, reason, at) VALUES ($rec, $ost, 'r', 'now')"
sql_refused "reservation changed to an observer" \
	"UPDATE rec_reservation SET delegation_id = $obs"
sql_refused "observer objection" \
	"INSERT INTO rec_objection (rec_id, delegation_id, reason, at) VALUES ($rec, $obs, 'r', 'now')"
sql_refused "objection changed to an observer" \
	"UPDATE rec_objection SET delegation_id = $ost"
sql_refused "observer position" \
	"INSERT INTO position (proposal_id, delegation_id, stance, at)
	 VALUES ((SELECT id FROM proposal WHERE num = 1), $obs, 'support', 'now')"
sql_refused "position changed to an observer" \
	"UPDATE position SET delegation_id = $ost"
sql_refused "observer proposer" \
	"INSERT INTO proposal (session_id, num, target, title, proposer_kind, proposer_id, created_at)
	 VALUES (1, 2, 'next', 'T', 'member', $ost, 'now')"
sql_refused "proposer changed to an observer" \
	"UPDATE proposal SET proposer_id = $obs WHERE num = 1"
sql_refused "an observer in a transaction with other rows" \
	"BEGIN; INSERT INTO rec_cosponsor (rec_id, delegation_id)
	 VALUES ($rec, (SELECT id FROM delegation WHERE code = 'FRA'));
	 INSERT INTO rec_cosponsor (rec_id, delegation_id) VALUES ($rec, $obs); COMMIT;"
for m in MUS MDG SYC COM FRA; do
	sql_refused "$m, which has drafted, turned into an observer" \
		"UPDATE delegation SET type = 'observer_state' WHERE code = '$m'"
done
is "sql: nothing was stored" "$(snap)" "$before"

# The triggers are precise: a member state that has drafted nothing may
# change type, and a member state may still draft by SQL.
ok_if "sql: a member state with no drafting may become an observer" sqlite3 "$db" \
	"INSERT INTO delegation (process_id, code, type, name_fr) VALUES (1, 'TST', 'member', 'Test');
	 UPDATE delegation SET type = 'observer_org' WHERE code = 'TST'"
ok_if "sql: a member state may co-sponsor" sqlite3 "$db" \
	"INSERT INTO rec_cosponsor (rec_id, delegation_id)
	 VALUES ($rec, (SELECT id FROM delegation WHERE code = 'FRA'))"
got=$(printf 'cosponsor 1 TST\n' | rap run --db "$db" - 2>/dev/null)
is "run: a delegation turned observer is refused" "$got" "$(draft_no TST)"
