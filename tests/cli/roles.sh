#!/bin/sh
# roles.sh — who may run what (issue 15, role.h): --as and --role taken
# from the program's own command line only, checked in one place (every
# command through command_exec), each refusal one line naming the role and
# changing nothing; the journal keeps the person and the role beside the OS
# user and the minutes' actor is the person; --role and --as typed at the
# `:` line, in a script or to `follow` change nothing.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
export RAPPORTEUR_NOW
db=$(fresh_db roles)
q() { sqlite3 -separator '|' "$db" "$1"; }
count() { q "SELECT count(*) FROM journal"; }
# as ROLE [NAME] : run stdin as that role; answers on stdout, stderr dropped
as() { role=$1; shift; rap --db "$db" --as "${1:-Someone}" --role "$role" run --keep-going - 2>/dev/null; }

is "the rapporteur sets up: item 1 started, R1 drafted by MUS" \
	"$(printf 'start 1\nrec+ MUS "Santé" "Texte"\n' | as rapporteur "A. Rapporteur")" \
	"ok item 1 started
ok recommendation 1"
is "... the journal keeps the person and the role beside the OS user" \
	"$(q "SELECT actor <> '', person, role FROM journal ORDER BY seq DESC LIMIT 2")" \
	"1|A. Rapporteur|rapporteur
1|A. Rapporteur|rapporteur"
is "... the version's actor is the person" "$(q "SELECT actor FROM rec_version")" "A. Rapporteur"

# A delegation: the floor for itself only.
before=$(count)
out=$(printf '%s\n' 'adopt 1' 'present+ MUS' 'q+ SYC' 'rec+ MUS "T" "X"' 'cosponsor 1 MUS' \
	'note "hello"' 'export out' 'clock 2026-01-01T00:00' 'q- SYC' | as delegation:MUS "A. Ramgoolam")
is "MUS may not adopt, present+, q+ SYC, rec+, cosponsor, note, export, clock, q- SYC: one line each naming the role" \
	"$out" "error: role delegation:MUS may not run adopt
error: role delegation:MUS may not run present+
error: role delegation:MUS may request or withdraw the floor for MUS only
error: role delegation:MUS may not run rec+
error: role delegation:MUS may not run cosponsor
error: role delegation:MUS may not run note
error: role delegation:MUS may not run export
error: role delegation:MUS may not run clock
error: role delegation:MUS may request or withdraw the floor for MUS only"
is "... and changed nothing" "$(count)" "$before"
ok_if "... no folder was exported" test ! -e out
is "MUS requests the floor (reply), withdraws, requests again; reads the check" \
	"$(printf 'q+ mus reply\nq- MUS\nq+ MUS\ncheck\n' | as delegation:MUS "A. Ramgoolam" | cut -c1-16)" \
	"ok MUS in line, 
ok MUS withdrawn
ok MUS in line, 
ok COM OK; FRA O"
is "... journaled under the person and the role" \
	"$(q "SELECT event, delegation, person, role FROM journal WHERE seq > $before ORDER BY seq")" \
	"q+|MUS|A. Ramgoolam|delegation:MUS
q-|MUS|A. Ramgoolam|delegation:MUS
q+|MUS|A. Ramgoolam|delegation:MUS"

# An observer: the floor, and nothing that R5 forbids.
before=$(count)
out=$(printf '%s\n' 'rec+ IOM "T" "X"' 'amend 1 IOM "X"' 'cosponsor 1 IOM' 'reserve 1 IOM "r"' \
	'object 1 IOM' 'propose workshop "Thème" IOM' 'position 1 IOM support' | as delegation:IOM)
is "IOM may not rec+, amend, cosponsor, reserve, object, propose, position" \
	"$(printf '%s\n' "$out" | sed 's/ run .*//' | sort -u)" "error: role delegation:IOM may not"
is "... one refusal per line" "$(printf '%s\n' "$out" | grep -c '^error: role delegation:IOM may not run ')" 7
is "... and changed nothing" "$(count)" "$before"
like "IOM requests the floor" "$(echo 'q+ IOM' | as delegation:IOM)" '^ok IOM in line'

# The chair: agenda and floor.
out=$(printf '%s\n' 'floor' 'yield "Ouverture"' 'end' 'start 2' 'adopt 1' 'present- MUS' 'note "x"' |
	as chair "H. E. Chair")
is "the chair gives the floor, ends the intervention and the item, starts the next; may not adopt, present-, note" \
	"$(printf '%s\n' "$out" | sed 's/^\(ok [^,(]*\).*/\1/')" "ok MUS has the floor
ok MUS spoke 0 s
ok item 1 ended after 0 min
ok item 2 started
error: role chair may not run adopt
error: role chair may not run present-
error: role chair may not run note"

# The follower: reads only; the file is opened read-only.
before=$(count)
out=$(printf '%s\n' 'note "x"' 'q+ MUS' 'start 3' 'session new "X" senior 2026-12-01' 'check' | as follower)
is "the follower changes nothing: one refusal per command" "$(printf '%s\n' "$out" | sed -n '1,4p')" \
	"error: role follower may not run note
error: role follower may not run q+
error: role follower may not run start
error: role follower may not run session"
like "... and reads the check" "$(printf '%s\n' "$out" | sed -n 5p)" '^ok COM'
is "... journal unchanged" "$(count)" "$before"

# --role and --as only from the command line.
before=$(count)
out=$(printf '%s\n' '--role rapporteur' 'role rapporteur' '--as "A. Rapporteur"' 'as rapporteur' \
	'set role rapporteur' 'adopt 1' | as delegation:MUS "A. Ramgoolam")
is "a script cannot change its role or person: unknown commands, refusals" \
	"$(printf '%s\n' "$out" | sed 's/ (help lists them)//')" \
	"error: unknown command --role
error: unknown command role
error: unknown command --as
error: unknown command as
error: role delegation:MUS may not run set
error: role delegation:MUS may not run adopt"
out=$(printf '%s\n' '--role rapporteur' 'adopt 1' | rap --db "$db" --as X --role follower follow 2>&1 | tail -2)
is "nor can follow's input" "$out" "error: unknown command --role (help lists them)
error: role follower may not run adopt"
is "... journal unchanged" "$(count)" "$before"
out=$(SSH_ORIGINAL_COMMAND='follow --role rapporteur' rap --db "$db" --role follower </dev/null 2>&1)
like "nor the command asked for by an ssh client (SSH_ORIGINAL_COMMAND)" "$out" \
	'only "follow \[--session ID\]" may be asked for; refused: follow --role rapporteur'

# Bad values refused at start.
out=$(rap --db "$db" --role king run - </dev/null 2>&1); rc=$?
like "an unknown role is refused (exit 2)" "$rc $out" '^2 rapporteur: unknown role king'
out=$(rap --db "$db" --role delegation:XYZ run - </dev/null 2>&1); rc=$?
like "an unknown delegation is refused (exit 2)" "$rc $out" '^2 rapporteur: --role delegation:XYZ: no delegation XYZ'
out=$(rap --db "$db" --as "$(printf 'A\033[2J')" run - </dev/null 2>&1); rc=$?
like "a name with a control character is refused (exit 2)" "$rc $out" '^2 rapporteur: --as needs a name'

# The minutes' actor is the person (the OS user when there is none).
rap export --db "$db" --session 1 --out csv >/dev/null 2>&1
is "minutes.csv: the actor of MUS's requests is the person" \
	"$(python3 -c 'import csv,sys; r=[x for x in csv.DictReader(open("csv/minutes.csv", newline="")) if x["event"] in ("q+","q-") and x["delegation"]=="MUS"]; print(sorted(set(x["actor"] for x in r)))')" \
	"['A. Ramgoolam']"
is "... and of the demo's rows the OS user" \
	"$(python3 -c 'import csv; r=list(csv.DictReader(open("csv/minutes.csv", newline=""))); print(r[0]["actor"])')" \
	"$(q "SELECT actor FROM journal WHERE session_id = 1 ORDER BY seq LIMIT 1")"
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
