#!/bin/sh
# themes.sh — the choice of themes from the command line (DESIGN R6, §3):
# propose, position, select, reject, merge run by `rapporteur run` on the
# demo database (DiMOI: COM FRA MDG MUS SYC members, all with delegates
# present at the opening), each answering one exact line; what is stored
# read back with sqlite3; every refusal answers its reason and changes
# nothing (journal, proposals, positions, next theme); the theme selected
# for the next meeting is inherited by the next session created.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T15:20:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db themes)
q() { sqlite3 -separator '|' "$db" "$1"; }
snap() { q "SELECT count(*) FROM journal;
  SELECT num, target, ifnull(theme_id, '-'), title, proposer_kind, ifnull(proposer_id, '-'),
    status, ifnull(merged_into, '-'), origins FROM proposal ORDER BY id;
  SELECT proposal_id, delegation_id, stance FROM position ORDER BY 1, 2;
  SELECT * FROM next_theme;"; }
# refuse DESC LINE WANT: LINE answers WANT, exits 1 and changes nothing.
refuse() {
	before=$(snap)
	got=$(printf '%s\n' "$2" | rap run --db "$db" - 2>/dev/null)
	rc=$?
	is "$1" "$got" "$3"
	is "$1: exit status 1" "$rc" 1
	is "$1: nothing changed" "$(snap)" "$before"
}

out=$(rap run --db "$db" - 2>err.txt <<'EOF'
propose workshop midiocc_health
propose workshop "Migration, environment and climate change" MUS
propose workshop "Voix de migrants et inclusion" ctp
proposer next midiocc_data com
position 1 MUS support
position 1 COM support
position P1 MDG abstain
position 2 SYC support
position 2 MDG object
position 4 FRA support
EOF
)
is "propose and position answer one line each" "$out" "ok proposal 1
ok proposal 2
ok proposal 3
ok proposal 4
ok P1 MUS support
ok P1 COM support
ok P1 MDG abstain
ok P2 SYC support
ok P2 MDG object
ok P4 FRA support"
is "no error output" "$(cat err.txt)" ""
is "proposals: theme by code or English title, free title, proposers" \
	"$(q "SELECT p.num, p.target, ifnull(t.code, '-'), p.title, p.proposer_kind,
	  ifnull(d.code, '-'), p.status FROM proposal p LEFT JOIN theme t ON t.id = p.theme_id
	  LEFT JOIN delegation d ON d.id = p.proposer_id ORDER BY p.num")" \
	"1|workshop|midiocc_health|Migration et santé|secretariat|-|open
2|workshop|midiocc_climate|Migration, environment and climate change|member|MUS|open
3|workshop|-|Voix de migrants et inclusion|ctp|-|open
4|next|midiocc_data|Collecte, analyse et partage d'informations sur les données migratoires|member|COM|open"
is "journal: one row per command, with the delegation" \
	"$(q "SELECT event || ' ' || delegation FROM journal WHERE event IN ('propose', 'position')
	  ORDER BY seq")" \
	"propose 
propose MUS
propose 
propose COM
position MUS
position COM
position MDG
position SYC
position MDG
position FRA"
# The catalogue theme in the reader's language (English here), though the
# proposal keeps the title it was stored with.
like "journal detail names the proposal and its proposer" \
	"$(q "SELECT detail FROM journal WHERE event = 'propose' ORDER BY seq DESC LIMIT 1")" \
	'^P4 for the next meeting.s theme: Collection, analysis and sharing of migration data \(proposed by COM\)$'

# Refusals, each changing nothing.
refuse "an objection of a present member state blocks" "select 2" \
	"error: refused: Madagascar objects"
refuse "abstention is not support" "select 3" "error: refused: no member state supports it yet"
refuse "observer organisation may not propose" "propose workshop midiocc_borders IOM" \
	"error: IOM is an observer: only member states propose themes (R6)"
refuse "observer state may not propose" "propose next midiocc_borders ZAF" \
	"error: ZAF is an observer: only member states propose themes (R6)"
refuse "observer may not state a position" "position 1 UNHCR support" \
	"error: UNHCR is an observer: only member states state positions (R6)"
refuse "the same theme twice on a target" "propose workshop \"Migration and health\"" \
	"error: already proposed as P1"
refuse "unknown target" "propose plenary midiocc_health" \
	"error: unknown target plenary (workshop or next)"
refuse "unknown proposal" "position 9 MUS support" "error: no proposal P9 in this session"
refuse "unknown position" "position 1 MUS perhaps" \
	"error: unknown position perhaps (support, object, abstain or none)"
refuse "no position to remove" "position 1 SYC none" "error: SYC has stated no position on P1"
refuse "merge across targets" "merge 1 4" "error: P1 and P4 have different targets (workshop, next)"
refuse "unknown delegation" "propose next \"Autre\" XYZ" "error: unknown delegation XYZ"

# The Malagasy delegation leaves the room: its objection no longer blocks.
printf 'present- MDG\n' | rap run --db "$db" - >/dev/null 2>&1
out=$(printf 'select 2\n' | rap run --db "$db" - 2>&1)
is "absent member states do not block" "$out" "ok P2 selected"
printf 'present+ MDG\n' | rap run --db "$db" - >/dev/null 2>&1
out=$(rap run --db "$db" - 2>&1 <<'EOF'
select 1
position 3 MUS support
EOF
)
is "select with support and an abstention" "$out" "ok P1 selected
ok P3 MUS support"
refuse "two workshop places, both filled" "select 3" \
	"error: refused: the places for the workshops are filled (2 of 2)"
refuse "a selected proposal is closed" "position 1 MDG object" "error: P1 is no longer open (selected)"

# Merge two proposals, then reject one.
out=$(rap run --db "$db" - 2>&1 <<'EOF'
propose next "Mobilité des jeunes"
propose next "Économie bleue"
position 5 MUS support
merge 5 6
merge P7 P4 "Jeunes, économie bleue et données"
reject 3
EOF
)
is "merge answers the new proposal, reject its state" "$out" "ok proposal 5
ok proposal 6
ok P5 MUS support
ok proposal 7
ok proposal 8
ok P3 rejected"
is "merged proposals keep their origins; the old ones point to the new one" \
	"$(q "SELECT p.num, p.status, ifnull(m.num, '-'), p.title, p.origins FROM proposal p
	  LEFT JOIN proposal m ON m.id = p.merged_into WHERE p.num >= 4 ORDER BY p.num")" \
	"4|merged|8|Collecte, analyse et partage d'informations sur les données migratoires|
5|merged|7|Mobilité des jeunes|
6|merged|7|Économie bleue|
7|merged|8|Mobilité des jeunes + Économie bleue|P5; P6
8|open|-|Jeunes, économie bleue et données|P7; P4"
is "positions stated on one proposal only are not carried over to a merged one" \
	"$(q "SELECT count(*) FROM position WHERE proposal_id IN (SELECT id FROM proposal WHERE num >= 7)")" 0
refuse "a merged proposal cannot be merged again" "merge 5 8" "error: P5 is no longer open (merged)"
refuse "a rejected proposal cannot be selected" "select 3" "error: P3 is no longer open (rejected)"

# The next meeting's theme: selected here, inherited by the next session.
out=$(rap run --db "$db" - 2>&1 <<'EOF'
position 8 SYC support
position 8 MDG support
select 8
EOF
)
is "select for the next meeting" "$out" "ok P8 SYC support
ok P8 MDG support
ok P8 selected"
is "next_theme row written for the process, unused (the catalogue theme of P4 kept by the merges)" \
	"$(q "SELECT n.process_id, s.id, ifnull(n.theme_id, '-'), n.title, ifnull(n.used_by, '-')
	  FROM next_theme n JOIN session s ON s.id = n.from_session")" \
	"1|1|$(q "SELECT id FROM theme WHERE code = 'midiocc_data'")|Jeunes, économie bleue et données|-"
out=$(rap run --db "$db" - 2>&1 <<'EOF'
propose next midiocc_borders MUS
position 9 MUS support
EOF
)
is "another proposal for the next meeting" "$out" "ok proposal 9
ok P9 MUS support"
refuse "one place for the next meeting's theme" "select 9" \
	"error: refused: the places for the next meeting's theme are filled (1 of 1)"
out=$(printf '%s\n' 'session new "Réunion annuelle du DiMOI 2027" senior 2027-11-15' |
	rap run --db "$db" - 2>&1)
is "a new session" "$out" "ok session 2"
is "the new session takes the theme chosen for it" \
	"$(q "SELECT ifnull(used_by, '-') FROM next_theme WHERE from_session = 1")" 2
is "every position stated is journaled" \
	"$(q "SELECT count(*) FROM journal WHERE event = 'position'")" 11
