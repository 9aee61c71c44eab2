#!/bin/sh
# recs.sh — recommendations from the command line (DESIGN R5, R7, §3):
# rec+, amend, cosponsor, reserve, object, unobject, status, adopt, rec=
# run by `rapporteur run` on the demo database, each answering one exact
# line; the stored rows (versions, co-sponsors, reservations, objections,
# times) read back with sqlite3; every refusal answers its reason, exits 1
# and changes nothing; an objection blocks adoption until it is withdrawn
# or its delegation leaves the room, a reservation never blocks.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T10:30:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db recs)
q() { sqlite3 -separator '|' "$db" "$1"; }
snap() { q "SELECT count(*) FROM journal;
  SELECT * FROM recommendation ORDER BY id; SELECT * FROM rec_version ORDER BY id;
  SELECT * FROM rec_cosponsor ORDER BY 1, 2; SELECT * FROM rec_reservation ORDER BY 1, 2;
  SELECT * FROM rec_objection ORDER BY 1, 2;"; }
refuse() {
	before=$(snap)
	got=$(printf '%s\n' "$2" | rap run --db "$db" - 2>/dev/null)
	rc=$?
	is "$1" "$got" "$3"
	is "$1: exit status 1" "$rc" 1
	is "$1: nothing changed" "$(snap)" "$before"
}

# The drafting item is in progress: new recommendations are linked to it.
printf 'start 9\n' | rap run --db "$db" - >/dev/null 2>&1 || echo "#   start 9 failed"
out=$(rap run --db "$db" - 2>err.txt <<'EOF'
rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance sanitaire aux points d'entrée."
rec+ com "Accès aux soins" "Les États membres étudient l'accès des migrants aux soins."
cosponsor 1 SYC
cosponsor R1 FRA
amend 1 MDG "Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée."
amend 1 FRA "Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée." "Member States strengthen health surveillance and epidemic preparedness at points of entry."
rec= 1 theme midiocc_health
rec= 2 title "Accès des migrants aux soins"
reserve 1 MDG "sur le financement"
object 1 COM "formulation trop large"
status 1 discussion
EOF
)
is "each command answers one line" "$out" "ok recommendation 1
ok recommendation 2
ok R1 cosponsor SYC
ok R1 cosponsor FRA
ok R1 version 2
ok R1 version 3
ok R1 theme midiocc_health
ok R2 title Accès des migrants aux soins
ok R1 reservation MDG
ok R1 objection COM
ok R1 discussion"
is "no error output" "$(cat err.txt)" ""
is "recommendations: author, agenda item, theme, status" \
	"$(q "SELECT r.num, r.title, a.code, ifnull(i.num, '-'), ifnull(t.code, '-'), r.status,
	  r.created_at FROM recommendation r JOIN delegation a ON a.id = r.author_id
	  LEFT JOIN agenda_item i ON i.id = r.item_id LEFT JOIN theme t ON t.id = r.theme_id
	  ORDER BY r.num")" \
	"1|Santé aux frontières|MUS|9|midiocc_health|discussion|2026-11-24T10:30:00+04:00
2|Accès des migrants aux soins|COM|9|-|draft|2026-11-24T10:30:00+04:00"
is "every text change is a version: who proposed it, French and English" \
	"$(q "SELECT v.version, d.code, v.text_fr, v.text_en FROM rec_version v
	  JOIN delegation d ON d.id = v.delegation_id WHERE v.rec_id = 1 ORDER BY v.version")" \
	"1|MUS|Les États membres renforcent la surveillance sanitaire aux points d'entrée.|
2|MDG|Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée.|
3|FRA|Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée.|Member States strengthen health surveillance and epidemic preparedness at points of entry."
is "co-sponsors, reservation, objection" \
	"$(q "SELECT 'c', d.code, '' FROM rec_cosponsor c JOIN delegation d ON d.id = c.delegation_id
	  UNION ALL SELECT 'r', d.code, reason FROM rec_reservation v JOIN delegation d ON d.id = v.delegation_id
	  UNION ALL SELECT 'o', d.code, reason FROM rec_objection o JOIN delegation d ON d.id = o.delegation_id
	  ORDER BY 1, 2")" \
	"c|FRA|
c|SYC|
o|COM|formulation trop large
r|MDG|sur le financement"
is "journal: the amendment's text before and after" \
	"$(q "SELECT delegation || ' ' || item || ' ' || before || ' > ' || after
	  FROM journal WHERE event = 'amend' ORDER BY seq LIMIT 1")" \
	"MDG 9 Les États membres renforcent la surveillance sanitaire aux points d'entrée. > Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée."
is "journal: one row per command" \
	"$(q "SELECT count(*) FROM journal WHERE event IN ('rec+', 'cosponsor', 'amend', 'rec=', 'reserve',
	  'object', 'status')")" 11

refuse "an objection of a present member state blocks adoption" "adopt 1" \
	"error: refused: Comoros objects (formulation trop large)"
refuse "adoption through status is checked the same way" "status 1 adopted" \
	"error: refused: Comoros objects (formulation trop large)"
refuse "an observer may not draft" "rec+ IOM \"Titre\" \"Texte\"" \
	"error: refused: IOM is an observer: drafting is the exclusive competence of member states (R5)"
refuse "the same text again" "amend 1 MUS \"Les États membres renforcent la surveillance sanitaire et la préparation aux épidémies aux points d'entrée.\"" \
	"error: no change: version 3 of R1 has this text"
refuse "the author is not a co-sponsor" "cosponsor 1 MUS" "error: MUS is the author of R1"
refuse "a co-sponsor once" "cosponsor 1 SYC" "error: SYC already co-sponsors R1"
refuse "no such objection" "unobject 1 MUS" "error: MUS has no objection to R1"
refuse "submitted only after adoption" "status 1 submitted" \
	"error: refused: R1 cannot go from discussion to submitted"
refuse "unknown status" "status 1 approved" \
	"error: unknown status approved (draft, discussion, adopted, withdrawn, deferred, submitted)"
refuse "unknown theme" "rec= 1 theme nowhere" "error: unknown theme nowhere"
refuse "unknown recommendation" "adopt 9" "error: no recommendation R9 in this session"
refuse "unknown field" "rec= 1 colour red" "error: unknown field colour (theme, item or title)"
refuse "usage" "rec+ MUS \"Titre\"" "error: usage: rec+ CODE \"TITLE\" \"TEXT\" [\"TEXT_EN\"]"

# The Comorian delegation leaves the room: its objection no longer blocks.
printf 'present- COM\n' | rap run --db "$db" - >/dev/null 2>&1
out=$(rap run --db "$db" - 2>&1 <<'EOF'
clock 2026-11-24T14:30
adopt 1
EOF
)
is "adopted despite the objection of an absent member state" "$out" "ok clock 2026-11-24T14:30:00+04:00
ok R1 adopted"
printf 'present+ COM\n' | rap run --db "$db" - >/dev/null 2>&1
is "the objection stays recorded" "$(q "SELECT count(*) FROM rec_objection")" 1
like "the minutes line names the reservations" \
	"$(q "SELECT detail FROM journal WHERE event = 'adopt'")" \
	'^R1 adopted: Santé aux frontières \(reservations: MDG\)$'
refuse "no amendment once adopted" "amend 1 MDG \"Autre texte.\"" \
	"error: refused: R1 is adopted: its text can no longer change"
refuse "no objection once adopted" "object 1 SYC" \
	"error: refused: R1 is adopted: objections are closed"

out=$(rap run --db "$db" - 2>&1 <<'EOF'
reserve 1 SYC
clock 2026-11-24T16:00
status 1 submitted
object 2 SYC "calendrier"
unobject 2 SYC
adopt 2
status 2 submitted
EOF
)
is "reservation after adoption, submission, withdrawn objection" "$out" "ok R1 reservation SYC
ok clock 2026-11-24T16:00:00+04:00
ok R1 submitted
ok R2 objection SYC
ok R2 objection SYC withdrawn
ok R2 adopted
ok R2 submitted"
is "adoption and submission times" \
	"$(q "SELECT num, status, adopted_at, submitted_at FROM recommendation ORDER BY num")" \
	"1|submitted|2026-11-24T14:30:00+04:00|2026-11-24T16:00:00+04:00
2|submitted|2026-11-24T16:00:00+04:00|2026-11-24T16:00:00+04:00"
is "reservations on the adopted text" \
	"$(q "SELECT d.code || ':' || v.reason FROM rec_reservation v JOIN delegation d
	  ON d.id = v.delegation_id WHERE v.rec_id = 1 ORDER BY d.code")" "MDG:sur le financement
SYC:"
refuse "a submitted recommendation is final" "status 1 withdrawn" \
	"error: refused: R1 cannot go from submitted to withdrawn"

out=$(rap run --db "$db" - 2>&1 <<'EOF'
rec+ FRA "Retrait" "Texte à retirer."
status 3 deferred
status 3 discussion
status 3 withdrawn
EOF
)
is "deferred, back to discussion, withdrawn" "$out" "ok recommendation 3
ok R3 deferred
ok R3 discussion
ok R3 withdrawn"
refuse "withdrawn is final" "adopt 3" \
	"error: refused: R3 is withdrawn: only a draft or a recommendation under discussion can be adopted"
