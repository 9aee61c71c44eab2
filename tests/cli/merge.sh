#!/bin/sh
# merge.sh — merging two theme proposals keeps what both agree on (issue
# 11): the proposer of the first, the catalogue theme (of the first, else
# of the second) and so the categories it links for R4 at the next
# meeting, and the positions on which both proposals agree; positions
# that differ or were stated on one only are not carried over.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T15:20:00+04:00
export RAPPORTEUR_NOW
db=$(fresh_db merge)
q() { sqlite3 -separator '|' "$db" "$1"; }

out=$(rap run --db "$db" - 2>&1 <<'EOF2'
propose next "Migrations de travail dans la région" MUS
propose next midiocc_labour_mobility COM
position 1 MUS support
position 2 MUS support
position 1 COM support
position 2 COM abstain
position 1 SYC object
position 2 SYC object
position 1 MDG support
position 2 FRA support
merge 1 2 "Mobilité de main-d'œuvre dans la région"
EOF2
)
like "merge answers the new proposal" "$out" 'ok proposal 3$'
is "the merged proposal keeps the first's proposer and the catalogue theme of the second" \
	"$(q "SELECT p.proposer_kind, d.code, t.code, p.origins FROM proposal p
	  JOIN delegation d ON d.id = p.proposer_id JOIN theme t ON t.id = p.theme_id WHERE p.num = 3")" \
	"member|MUS|midiocc_labour_mobility|P1; P2"
is "positions on which both agree are kept; the others are not" \
	"$(q "SELECT d.code, x.stance FROM position x JOIN delegation d ON d.id = x.delegation_id
	  JOIN proposal p ON p.id = x.proposal_id WHERE p.num = 3 ORDER BY d.code")" \
	"MUS|support
SYC|object"
is "the journal says how many positions were kept" \
	"$(q "SELECT detail FROM journal WHERE event = 'merge'")" \
	"P1 and P2 merged into P3: Mobilité de main-d'œuvre dans la région (2 positions kept)"
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
position 3 SYC support
position 3 COM support
select 3
session new "Réunion annuelle du DiMOI 2027" senior 2027-11-22
check
EOF2
)
like "selected for the next meeting" "$out" 'ok P3 selected'
is "the next session inherits the catalogue theme" \
	"$(q "SELECT t.code FROM session_theme st JOIN theme t ON t.id = st.theme_id
	  WHERE st.session_id = (SELECT max(id) FROM session)")" "midiocc_labour_mobility"
# The one-proposal merge with a free text and no catalogue theme stays free.
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
propose workshop "Atelier A" ctp
propose workshop "Atelier B"
merge 1 2
EOF2
)
is "two free proposals: the first's proposer (CTP), no catalogue theme, no position" \
	"$(q "SELECT proposer_kind, ifnull(proposer_id, '-'), ifnull(theme_id, '-'),
	  (SELECT count(*) FROM position WHERE proposal_id = p.id) FROM proposal p
	  WHERE session_id = (SELECT max(id) FROM session) AND num = 3")" "ctp|-|-|0"
