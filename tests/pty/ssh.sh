#!/bin/sh
# ssh.sh — remote participation through a real OpenSSH server (issue 15).
# sshd runs as a child of this test on 127.0.0.1 at a free port with a
# temporary host key and an authorized_keys of forced commands
# (tests/lib_sshd.sh): a rapporteur, two delegations (MUS, a member state;
# IOM, an observer organisation) and a follower, each one key. Screens are
# `ssh -tt` clients in tmux at 80x24; `follow` runs over ssh without a pty.
#   - MUS requests the floor from its own Floor screen (a, then the type);
#     the rapporteur's Floor screen shows it within 1 s;
#   - MUS cannot adopt, present+, q+ SYC, rec+; IOM can request the floor
#     but nothing that R5 forbids; the follower changes nothing;
#   - `follow` prints the events of a scripted meeting in order, as plain
#     lines (the script itself is sent by the rapporteur through
#     `ssh … follow`);
#   - --role / --as cannot be changed from the `:` line or the ssh command;
#   - a client killed mid-meeting (a dropped link) loses nothing
#     acknowledged, the server side ends, the database is consistent.
# The server is stopped by its pid at the end, also on failure (trap).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/lib_sshd.sh"
if ! command -v tmux >/dev/null 2>&1 || ! sshd_usable; then
	echo "ok 1 # skip tmux, sshd or ssh not installed (make deps)"
	exit 0
fi
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db ssh)
q() { sqlite3 -separator '|' "$db" "$1"; }
count() { q "SELECT count(*) FROM journal"; }
sock="$TEST_TMP/tmux-ssh.sock"
T() { tmux -S "$sock" "$@"; }
screen_of() { T capture-pane -p -t "$1"; }
wait_file() { i=0; while [ $i -lt 100 ]; do grep -Eq -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; i=$((i + 1)); done; return 1; }
now() { date +%s.%N; }
# type_cmd WINDOW TEXT: a command on the : line
type_cmd() { T send-keys -t "$1" :; pane_wait "$1" '^:' >/dev/null; T send-keys -t "$1" -l -- "$2"; T send-keys -t "$1" Enter; }
holder=""
cleanup() {
	T kill-server 2>/dev/null
	[ -n "$holder" ] && kill "$holder" 2>/dev/null
	sshd_stop
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

sshd_setup "$PWD/sshd" "$db" || { echo "not ok 1 - sshd setup"; exit 1; }
sshd_person rap --as "A. Rapporteur" --role rapporteur
sshd_person mus --as "A. Ramgoolam" --role delegation:MUS
sshd_person iom --as "S. Marchetti" --role delegation:IOM
sshd_person fol --as "Press" --role follower
ok_if "sshd started on 127.0.0.1:$SSH_PORT" sshd_start
SSHD_PID=$(cat sshd/sshd.pid 2>/dev/null || echo "$SSHD_PID")

# tmux windows, each an ssh -tt client with the terminal of the pane.
cat >client.sh <<EOF
. "$RAPPORTEUR_TOP/tests/lib_sshd.sh"
SSHD_DIR=$SSHD_DIR SSH_PORT=$SSH_PORT
ssh_as "\$1" -tt
EOF
client() { # WINDOW KEY
	T new-window -d -t ssh -n "$1" \
		"env TERM=screen-256color sh client.sh $2; echo EXITED \$?; sleep 30"
	T set-option -t "ssh:$1" remain-on-exit on >/dev/null 2>&1
}
T -f /dev/null new-session -d -s ssh -x 80 -y 24 -n idle "sleep 600"
client rap rap
client mus mus
ok_if "the rapporteur's screen opens over ssh -tt" pane_wait ssh:rap '1 Agenda'
ok_if "MUS's screen opens over ssh -tt" pane_wait ssh:mus '1 Agenda'
like "... MUS's screen is of the session" "$(screen_of ssh:mus | head -1)" 'DIMOI'

type_cmd ssh:rap 'start 1'
ok_if "the rapporteur starts item 1 from the : line" pane_wait ssh:rap '^ok item 1 started'
T send-keys -t ssh:rap 2
ok_if "... and shows the Floor screen" pane_wait ssh:rap 'Speakers \(0\)'
T send-keys -t ssh:mus 2
pane_wait ssh:mus 'Speakers \(0\)' >/dev/null

# MUS requests the floor from its own screen.
before=$(count)
ok_if "MUS's Floor screen says it is not on the list and offers a" \
	pane_wait ssh:mus 'MUS: not on the list \(a requests the floor\)'
unlike "... and its hints offer no key it may not use" "$(screen_of ssh:mus | tail -1)" 'Enter floor|yield|qmove|E end|n note'
T send-keys -t ssh:mus a
pane_wait ssh:mus '^Type: 1 statement' >/dev/null
T send-keys -t ssh:mus 1
ok_if "MUS requests the floor with a, 1 on its screen: ok" pane_wait ssh:mus '^ok MUS in line'
t0=$(now)
pane_wait ssh:rap '^ +1 +MUS +member' >/dev/null
t1=$(now)
d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
ok_if "the rapporteur's Floor screen shows MUS ${d} s after MUS's ok (<= 1 s)" \
	awk -v d="$d" 'BEGIN { exit !(d <= 1.0) }'
is "... one journal row, by A. Ramgoolam as delegation:MUS" \
	"$(q "SELECT count(*), person, role FROM journal WHERE seq > (SELECT max(seq) - 1 FROM journal)") $(count)" \
	"1|A. Ramgoolam|delegation:MUS $((before + 1))"

# What MUS may not do, typed on its own screen.
before=$(count)
for c in 'adopt 1' 'present+ MUS' 'q+ SYC' 'rec+ MUS "Titre" "Texte"'; do
	type_cmd ssh:mus "$c"
	case $c in
	'q+ SYC') want='^error: role delegation:MUS may request or withdraw the floor for MUS only' ;;
	*) want="^error: role delegation:MUS may not run $(echo "${c%% *}" | sed 's/+/\\+/')\$" ;;
	esac
	ok_if "MUS: $c refused naming the role" pane_wait ssh:mus "$want"
done
type_cmd ssh:mus '--role rapporteur'
ok_if "MUS: --role typed at the : line is an unknown command" pane_wait ssh:mus '^error: unknown command --role'
type_cmd ssh:mus 'adopt 1'
ok_if "... and MUS still may not adopt" pane_wait ssh:mus '^error: role delegation:MUS may not run adopt$'
is "... the journal is unchanged" "$(count)" "$before"

# IOM, an observer: the floor, nothing that R5 forbids (follow, no pty).
out=$(printf '%s\n' 'q+ IOM' 'rec+ IOM "T" "X"' 'amend 1 IOM "X"' 'cosponsor 1 IOM' 'reserve 1 IOM "r"' \
	'object 1 IOM' 'position 1 IOM support' 'propose workshop "Thème" IOM' |
	ssh_as iom follow 2>&1 | grep -E '^(ok|error)')
like "IOM requests the floor over ssh" "$(printf '%s\n' "$out" | head -1)" '^ok IOM in line'
is "IOM may not rec+, amend, cosponsor, reserve, object, position, propose" \
	"$(printf '%s\n' "$out" | sed 1d | sed 's/ run .*//' | sort | uniq -c | sed 's/^ *//')" \
	"7 error: role delegation:IOM may not"
is "... one journal row only (the request)" "$(count)" "$((before + 1))"

# The follower changes nothing.
before=$(count)
out=$(printf '%s\n' 'note "x"' 'q+ MUS' 'start 2' 'floor' | ssh_as fol follow 2>&1 | grep -E '^(ok|error)')
is "the follower: every change refused naming the role" "$(printf '%s\n' "$out" | sed 's/ run .*//' | sort -u)" \
	"error: role follower may not"
is "... the journal is unchanged" "$(count)" "$before"
out=$(ssh_as fol 'follow --role rapporteur' </dev/null 2>&1); rc=$?
like "--role asked for by the ssh client is refused" "$rc $out" \
	'^2 rapporteur: over SSH, only "follow \[--session ID\]" may be asked for'

# follow over ssh without a pty: the events of a scripted meeting, in order.
mkfifo fol.in
sleep 120 >fol.in 2>/dev/null & holder=$!
ssh_as fol follow <fol.in >fol.out 2>fol.err &
fpid=$!
wait_file fol.out '^session 1: ' >/dev/null
sleep 0.5
first=$(count)
cat >meeting.cmds <<'EOF'
floor
yield "Maurice salue la tenue de la réunion"
floor IOM
yield "L'OIM présente son appui"
q+ COM
floor
yield "Les Comores appellent à la coordination"
note "Pause café à 10 h 30"
end
start 2
note "Ordre du jour adopté sans modification"
end
EOF
answers=$(ssh_as rap follow <meeting.cmds 2>&1 | grep -Ec '^ok ')
is "the rapporteur's scripted meeting through ssh … follow: 12 answers ok" "$answers" 12
last=$(count)
ok_if "the follower's follow shows the last event" wait_file fol.out 'Ordre du jour adopté sans modification'
sleep 0.3
got=$(sed '1,11d' fol.out | cut -c8-)
want=$(q "SELECT CASE WHEN item IS NOT NULL THEN 'item ' || item || '  ' ELSE '' END || event || '  ' ||
	CASE WHEN delegation <> '' THEN delegation || '  ' ELSE '' END || detail
	FROM journal WHERE seq > $first ORDER BY seq")
is "... every event of the meeting, in the journal's order ($((last - first)) lines)" "$got" "$want"
is "... no escape sequence, no control character" "$(LC_ALL=C tr -d '\n' <fol.out | LC_ALL=C grep -c '[[:cntrl:]]')" 0
kill "$holder" 2>/dev/null; holder=""
wait "$fpid"; rc=$?
is "... and it ends cleanly when its input ends (exit 0, nothing on stderr)" "$rc $(cat fol.err)" "0 "

# A dropped link: the rapporteur's client is killed (SIGKILL) while it
# sends notes; every note answered ok is stored, the server side ends.
server_pids() { pgrep -f -- "$db --as A. Rapporteur --role rapporteur" | sort; }
tui_pids=$(server_pids)
( i=1; while [ $i -le 200 ]; do printf 'note "drop %03d"\n' $i; sleep 0.02; i=$((i + 1)); done ) |
	ssh_as rap follow >drop.out 2>/dev/null &
cpid=$!
wait_file drop.out '^ok note' >/dev/null
sleep 0.5
ssh_pid=$(pgrep -P "$cpid" -x ssh)
[ -n "$ssh_pid" ] || ssh_pid=$cpid
kill -9 "$ssh_pid" 2>/dev/null
wait "$cpid" 2>/dev/null
acked=$(grep -c '^ok note' drop.out)
waited() { i=0; while [ $i -lt 50 ]; do "$@" && return 0; sleep 0.1; i=$((i + 1)); done; return 1; }
follow_left() { [ "$(server_pids)" = "$tui_pids" ]; }
ok_if "the rapporteur's follow on the server ends when its link drops" waited follow_left
stored=$(q "SELECT count(*) FROM journal WHERE event = 'note' AND detail LIKE 'drop %'")
ok_if "some notes were acknowledged before the link dropped ($acked), not all 200" \
	test "$acked" -gt 0 -a "$acked" -lt 200
ok_if "every acknowledged note is stored ($acked acknowledged, $stored stored)" test "$stored" -ge "$acked"
is "... and the stored ones are the first, in order, none twice" \
	"$(q "SELECT group_concat(detail, ',') FROM (SELECT detail FROM journal WHERE detail LIKE 'drop %' ORDER BY seq)")" \
	"$(i=1; s=""; while [ $i -le "$stored" ]; do s="$s${s:+,}$(printf 'drop %03d' $i)"; i=$((i + 1)); done; echo "$s")"

# MUS's screen loses its link (its ssh client killed): the remote screen ends.
mus_pane=$(T display-message -p -t ssh:mus '#{pane_pid}')
mus_ssh=$(pgrep -f -- "sshd/mus -p $SSH_PORT")
ok_if "MUS's ssh client found (pane $mus_pane)" test -n "$mus_ssh"
kill -9 $mus_ssh 2>/dev/null
mus_left() { ! pgrep -f -- "$db --as A. Ramgoolam" >/dev/null; }
ok_if "MUS's screen on the server ends when its link drops" waited mus_left
is "integrity_check after the dropped links" "$(q 'PRAGMA integrity_check')" ok
is "MUS's request, acknowledged on its screen, is in the journal once" \
	"$(q "SELECT count(*) FROM journal WHERE event = 'q+' AND person = 'A. Ramgoolam'")" 1

# The rapporteur quits; the server stops by its pid.
T send-keys -t ssh:rap q
ok_if "the rapporteur's screen quits with status 0 through ssh" pane_wait ssh:rap 'EXITED 0'
pid=$SSHD_PID
sshd_stop
ok_if "sshd (pid $pid) is stopped" sh -c "! kill -0 $pid 2>/dev/null"
