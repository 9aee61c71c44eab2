#!/bin/sh
# attendance.sh — delegations, delegates, presence and the R4 check from
# the command line (DESIGN R3, R4, §3, §5): the demo gives one LEVEL and
# one ENTITY failure; delegation+, delegate+/-/=, present+/- and check run
# by `rapporteur run`; `rapporteur check --session ID` exits 0 (all OK),
# 1 (not) or 2 (error); presence times read back with sqlite3; every
# refused command leaves the whole database as it was; every write adds
# exactly one journal row.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db attendance)
q() { sqlite3 -separator '|' "$db" "$1"; }
dump() { sqlite3 "$db" .dump; }
journal() { q "SELECT count(*) FROM journal"; }
runs() { rap run --db "$db" - 2>/dev/null; }
refuse() {
	before=$(dump)
	got=$(printf '%s\n' "$2" | runs)
	is "$1" "$got" "$3"
	is "$1: nothing changed" "$(dump)" "$before"
}

# ---- the demo ----
is "demo: one open session" "$(q "SELECT id || ' ' || status FROM session")" "1 open"
out=$(printf 'check\n' | runs)
is "check: one line, every member state" "$out" "ok COM OK; FRA OK NO_HEAD; MDG LEVEL; MUS OK; SYC ENTITY"
out=$(rap check --db "$db" --session 1)
rc=$?
is "rapporteur check: exit 1 when a member state is not OK" "$rc" 1
is "rapporteur check: one line per member state, with its explanation" "$out" \
"COM	OK	Comoros: OK (Permanent Secretary, Foreign Affairs)
FRA	OK NO_HEAD	France / Réunion: OK (Ambassador, Foreign Affairs); no head of delegation designated
MDG	LEVEL	Madagascar: present delegates are Deputy Director or below; Director required
MUS	OK	Mauritius: OK (Permanent Secretary, Foreign Affairs)
SYC	ENTITY	Seychelles: Director present, but from Tourism, not a competent entity (Interior, Foreign Affairs, International Cooperation / Regional Integration, Labour and Social Affairs, Health)"
out=$(rap --lang fr check --db "$db" --session 1 | grep '^MDG')
like "rapporteur check --lang fr: names and levels in French" "$out" \
	"^MDG	LEVEL	Madagascar ?: .*Directeur adjoint.*Directeur"
rap check --db "$db" --session 9 >/dev/null 2>&1
is "rapporteur check: exit 2 for an unknown session" "$?" 2
rap check --db "$db" >/dev/null 2>&1
is "rapporteur check: exit 2 without --session" "$?" 2
rap check --db "$PWD/nowhere.db" --session 1 >/dev/null 2>&1
is "rapporteur check: exit 2 for a missing database" "$?" 2

# ---- presence makes the check live ----
jn=$(journal)
out=$(runs <<'EOF'
clock 2026-11-23T09:40:00+04:00
present+ MDG "Solofo Andrianarisoa"
present+ SYC "bernard morel"
delegate= FRA "Claire Payet" head yes
check
EOF
)
is "presence and a head turn every member state OK" "$out" \
"ok clock 2026-11-23T09:40:00+04:00
ok MDG \"Solofo Andrianarisoa\" present (4 of 4 delegates present)
ok SYC \"Bernard Morel\" present (4 of 4 delegates present)
ok FRA \"Claire Payet\" head yes
ok COM OK; FRA OK; MDG OK; MUS OK; SYC OK"
rap check --db "$db" --session 1 >/dev/null
is "rapporteur check: exit 0 when all are OK" "$?" 0
is "three writes, three journal rows (check and clock write nothing)" "$(($(journal) - jn))" 3
is "journal of a presence: delegation, before/after, the change of the check" \
	"$(q "SELECT event || ' | ' || delegation || ' | ' || before || ' | ' || after || ' | ' || detail
	  FROM journal WHERE event = 'present+' ORDER BY seq DESC LIMIT 1")" \
	"present+ | SYC | absent: Bernard Morel | present: Bernard Morel | SYC: Bernard Morel arrived (check: ENTITY → OK)"
is "arrival time of the clock" \
	"$(q "SELECT present || ' ' || arrived || ' ' || ifnull(left_at, '-') FROM delegate WHERE name = 'Bernard Morel'")" \
	"1 2026-11-23T09:40:00+04:00 -"

# Leaving and coming back: the first arrival stays, the departure is cleared.
out=$(runs <<'EOF'
clock 2026-11-23T12:30:00+04:00
present- SYC
clock 2026-11-23T14:00:00+04:00
present+ SYC "Bernard Morel"
clock now
EOF
)
is "the whole delegation leaves" "$(echo "$out" | sed -n 2p)" "ok SYC absent (4 delegates)"
is "…and the answer counts who is present" "$(echo "$out" | sed -n 4p)" \
	"ok SYC \"Bernard Morel\" present (1 of 4 delegates present)"
is "times: first arrival kept, departure set on leaving, cleared on return" \
	"$(q "SELECT name || ' ' || present || ' ' || ifnull(arrived, '-') || ' ' || ifnull(left_at, '-')
	  FROM delegate d JOIN delegation g ON g.id = d.delegation_id WHERE g.code = 'SYC' ORDER BY name")" \
	"Bernard Morel 1 2026-11-23T09:40:00+04:00 -
Joël Esparon 0 2026-11-23T09:00:00+04:00 2026-11-23T12:30:00+04:00
Marie-Claire Hoareau 0 2026-11-23T09:00:00+04:00 2026-11-23T12:30:00+04:00
Rita Laporte 0 2026-11-23T09:00:00+04:00 2026-11-23T12:30:00+04:00"
out=$(printf 'present+ SYC\n' | runs)
is "present+ of a whole delegation marks the absent ones" "$out" "ok SYC present (4 delegates)"
is "…keeping each first arrival" \
	"$(q "SELECT count(*) FROM delegate d JOIN delegation g ON g.id = d.delegation_id
	  WHERE g.code = 'SYC' AND present = 1 AND left_at IS NULL AND arrived LIKE '2026-11-23T09:%'")" 4

# ---- delegations and delegates ----
out=$(runs <<'EOF'
delegation+ oif observer_org "Organisation internationale de la Francophonie"
delegate+ OIF "Aïcha Ben Saïd" "Chargé de mission" autre "Chargée de programme" head
delegate+ OIF "Marc Dubois" officer other
delegate= OIF "Marc Dubois" entity "OIF, Bureau de l'océan Indien"
delegate= OIF "Marc Dubois" email marc.dubois@example.org
delegate= OIF "Marc Dubois" function "Conseiller"
delegate= OIF "Marc Dubois" category "Affaires étrangères"
present+ OIF
delegate- OIF "marc dubois"
EOF
)
is "delegation+, delegate+ (codes or labels), delegate=, present+, delegate-" "$out" \
"ok delegation OIF
ok delegate OIF \"Aïcha Ben Saïd\"
ok delegate OIF \"Marc Dubois\"
ok OIF \"Marc Dubois\" entity OIF, Bureau de l'océan Indien
ok OIF \"Marc Dubois\" email marc.dubois@example.org
ok OIF \"Marc Dubois\" function Conseiller
ok OIF \"Marc Dubois\" category foreign_affairs
ok OIF present (2 delegates)
ok delegate OIF \"Marc Dubois\" removed"
is "the new delegation and its delegate as stored" \
	"$(q "SELECT g.code, g.type, g.name_fr, d.name, d.level, d.category, d.function, d.head, d.present
	  FROM delegation g JOIN delegate d ON d.delegation_id = g.id WHERE g.code = 'OIF'")" \
	"OIF|observer_org|Organisation internationale de la Francophonie|Aïcha Ben Saïd|officer|other|Chargée de programme|1|1"
is "observers are not in the check" "$(printf 'check\n' | runs)" "ok COM OK; FRA OK; MDG OK; MUS OK; SYC OK"
is "journal rows carry the delegation code" \
	"$(q "SELECT group_concat(event || ':' || delegation, ' ') FROM (SELECT event, delegation FROM journal
	  ORDER BY seq DESC LIMIT 9)")" \
	"delegate-:OIF present+:OIF delegate=:OIF delegate=:OIF delegate=:OIF delegate=:OIF delegate+:OIF delegate+:OIF delegation+:OIF"

# ---- refusals change nothing ----
refuse "delegation+: bad code" 'delegation+ "A B" member "X"' \
	"error: code: 1 to 15 letters, digits, _ or -, not A B"
refuse "delegation+: code too long" 'delegation+ ABCDEFGHIJKLMNOP member "X"' \
	"error: code: 1 to 15 letters, digits, _ or -, not ABCDEFGHIJKLMNOP"
refuse "delegation+: bad type" 'delegation+ XYZ observer "X"' \
	"error: type: expected member, observer_state or observer_org, not observer"
refuse "delegation+: existing code" 'delegation+ mus member "Maurice"' \
	"error: delegation MUS already exists (member state)"
refuse "delegation+: empty name" 'delegation+ XYZ member ""' "error: name: must not be empty"
refuse "delegate+: unknown delegation" 'delegate+ XYZ "A" director interior' \
	"error: unknown delegation XYZ"
refuse "delegate+: unknown level" 'delegate+ MUS "A" chief interior' "error: level: unknown level chief"
refuse "delegate+: unknown category" 'delegate+ MUS "A" director sport' \
	"error: category: unknown entity category sport"
refuse "delegate+: name taken" 'delegate+ MUS "Priya Ramdin" director interior' \
	"error: MUS already has a delegate named \"Priya Ramdin\""
refuse "delegate+: empty name" 'delegate+ MUS "  " director interior' "error: name: must not be empty"
long=$(printf '%0201d' 0)
refuse "delegate+: name too long" "delegate+ MUS \"$long\" director interior" \
	"error: name: too long (201 bytes, at most 200)"
refuse "delegate+: last word not head" 'delegate+ MUS "A" director interior "F" chef' \
	"error: expected head as the last word, not chef"
refuse "delegate+: too few words" 'delegate+ MUS "A" director' \
	"error: usage: delegate+ CODE \"NAME\" LEVEL CATEGORY [\"FUNCTION\"] [head] [--entity \"E\"] [--email M]"
refuse "delegate-: unknown name" 'delegate- MUS "Nobody"' "error: MUS has no delegate named \"Nobody\""
refuse "delegate=: unknown field" 'delegate= MUS "Priya Ramdin" age 40' \
	"error: unknown field age (name, function, level, entity, category, head, email)"
refuse "delegate=: bad e-mail" 'delegate= MUS "Priya Ramdin" email priya' \
	"error: email: not an e-mail address: priya"
refuse "delegate=: bad head" 'delegate= MUS "Priya Ramdin" head perhaps' \
	"error: head: expected yes or no, not perhaps"
refuse "delegate=: rename onto another" 'delegate= MUS "Priya Ramdin" name "Kevin Appadoo"' \
	"error: MUS already has a delegate named \"Kevin Appadoo\""
refuse "present+: already present" 'present+ MUS "Priya Ramdin"' \
	"error: MUS \"Priya Ramdin\" is already present"
refuse "present+: everyone already present" 'present+ MUS' \
	"error: every delegate of MUS is already present"
refuse "present-: nobody present" 'present- TZA' "error: TZA has no delegate in this session (delegate+ first)"
refuse "present+: unknown delegate" 'present+ MUS "Nobody"' "error: MUS has no delegate named \"Nobody\""
refuse "a control character in a name" "$(printf 'delegate+ MUS "A\033[2J" director interior')" \
	"error: invalid UTF-8 or control character in the command"
before=$(dump)
out=$(printf 'present- MUS\n' | rap --read-only run --db "$db" - 2>/dev/null)
is "--read-only refuses present-" "$out" "error: read-only: present- changes the record"
is "--read-only changed nothing" "$(dump)" "$before"

# ---- min_level and themes change the check ----
out=$(runs <<'EOF'
set min_level "Permanent Secretary"
check
set min_level director
theme- midiocc_health
check
theme+ midiocc_health
EOF
)
is "min_level and themes change the result" "$out" \
"ok min_level permanent_secretary (check: 2/5 OK)
ok COM OK; FRA LEVEL; MDG LEVEL; MUS OK; SYC LEVEL
ok min_level director (check: 5/5 OK)
ok theme midiocc_health removed (check: 5/5 OK)
ok COM OK; FRA OK; MDG OK; MUS OK; SYC OK
ok theme midiocc_health (check: 5/5 OK)"
out=$(runs <<'EOF'
present- SYC "Bernard Morel"
present- SYC "Joël Esparon"
present- SYC "Rita Laporte"
check
theme- midiocc_health
check
EOF
)
is "ENTITY then, with the theme removed, still ENTITY (tourism is not health)" \
	"$(echo "$out" | sed -n '4p;6p')" "ok COM OK; FRA OK; MDG OK; MUS OK; SYC ENTITY
ok COM OK; FRA OK; MDG OK; MUS OK; SYC ENTITY"
out=$(printf 'theme+ midiocc_trade_tourism\ncheck\n' | runs)
is "a theme linked to tourism makes the tourism director competent" "$out" \
	"ok theme midiocc_trade_tourism (check: 5/5 OK)
ok COM OK; FRA OK; MDG OK; MUS OK; SYC OK"
out=$(printf 'present- COM\ncheck\n' | runs)
is "ABSENT" "$(echo "$out" | sed -n 2p)" "ok COM ABSENT; FRA OK; MDG OK; MUS OK; SYC OK"
# Counts agree with their noun (ngettext): one delegate, several delegates.
is "one delegate: singular" "$(printf 'present+ KEN\npresent- KEN\n' | runs)" "ok KEN present (1 delegate)
ok KEN absent (1 delegate)"
