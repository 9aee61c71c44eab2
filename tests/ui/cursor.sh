#!/bin/sh
# cursor.sh — two screens on one file (issue 12, item 5): after another
# instance's change the cursor stays on the person or the delegation, not
# on its row number, so Space and Enter act on whom the rapporteur sees.
#  - Attendance: the cursor on SYC; another instance adds a member state
#    AAA with a delegate (it sorts before); Space records SYC, not AAA's.
#  - Floor: the cursor on the second request (SYC); another instance
#    queues a point of order (it jumps the queue); Enter gives the floor
#    to SYC.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db cursor)
q() { sqlite3 -separator '|' "$db" "$1"; }
last_present() { q "SELECT delegation FROM journal WHERE event LIKE 'present%' ORDER BY seq DESC LIMIT 1"; }
got=$(ui_run "$db" '3/SYC<Enter>
@other delegation+ AAA member "Aaa"
@other delegate+ AAA "Premier Arrivé" director interior
<Space>')
is "Attendance: Space after another instance's change records SYC" "$(last_present)" SYC
is "... AAA's delegate is untouched" "$(q "SELECT present FROM delegate WHERE name = 'Premier Arrivé'")" 0

rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
start 3
q+ MUS
q+ SYC
EOF
got=$(ui_run "$db" '2j
@other q+ COM "" point_of_order
<Enter>')
is "Floor: Enter after another instance's point of order gives the floor to SYC" \
	"$(q "SELECT d.code FROM intervention i JOIN delegation d ON d.id = i.delegation_id WHERE i.end IS NULL")" SYC
