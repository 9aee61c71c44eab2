#!/bin/sh
# mosh.sh — the screen through mosh, as README "Serving a meeting over
# SSH" sets it up for links with long round trips (issue 15): a real sshd
# on 127.0.0.1 (tests/lib_sshd.sh) whose key for mosh has the forced
# command "mosh-server new … -- rapporteur --as … --role …"; the mosh
# client runs in tmux at 80x24 and reaches mosh-server over UDP on
# 127.0.0.1.
#   - the screen opens (mosh's request "mosh-server new …" reaches the
#     program in SSH_ORIGINAL_COMMAND: it is not refused as a command);
#   - a note typed through mosh is stored, journaled under the key's person;
#   - the key's role holds (a follower's note is refused);
#   - q ends the program, mosh-server and the client.
# sshd, and any mosh-server left, are stopped by their pid (trap).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/lib_sshd.sh"
if ! command -v tmux >/dev/null 2>&1 || ! sshd_usable || ! command -v mosh >/dev/null 2>&1 ||
	! command -v mosh-server >/dev/null 2>&1; then
	echo "ok 1 # skip tmux, sshd, ssh or mosh not installed (make deps)"
	exit 0
fi
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db mosh)
q() { sqlite3 -separator '|' "$db" "$1"; }
sock="$TEST_TMP/tmux-mosh.sock"
T() { tmux -S "$sock" "$@"; }
PANE_WAIT=20 # pane_wait: mosh starts slower than ssh
# The mosh-server processes serving this test's database, by pid.
servers() { pgrep -f -- "mosh-server new .*--db $db" 2>/dev/null; }
cleanup() {
	T kill-server 2>/dev/null
	for p in $(servers); do kill "$p" 2>/dev/null; done
	sshd_stop
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

sshd_setup "$PWD/sshd" "$db" || { echo "not ok 1 - sshd setup"; exit 1; }
sshd_mosh_person rap --as "M. Mosh" --role rapporteur
sshd_mosh_person fol --as "Press" --role follower
ok_if "sshd started on 127.0.0.1:$SSH_PORT" sshd_start
SSHD_PID=$(cat sshd/sshd.pid 2>/dev/null || echo "$SSHD_PID")

# mosh runs `--ssh` as its ssh client: the test's key, port and options.
for k in rap fol; do
	cat >"ssh-$k" <<EOF
#!/bin/sh
exec ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
	-o IdentitiesOnly=yes -o IdentityAgent=none -o BatchMode=yes -o LogLevel=ERROR \
	-i "$SSHD_DIR/$k" -p "$SSH_PORT" "\$@"
EOF
	chmod +x "ssh-$k"
done
mosh_window() { # NAME KEY
	T new-window -d -n "$1" "env LC_ALL=C.UTF-8 mosh --ssh=$PWD/ssh-$2 $(id -un)@127.0.0.1 2>$PWD/mosh-$1.err; sleep 60"
}
T new-session -d -s m -n idle -x 80 -y 24 "sleep 300"
mosh_window rap rap
ok_if "through mosh: the screen opens (tab bar)" pane_wait rap '1 Agenda 2 Floor'
like "... not refused as a command" "$(cat mosh-rap.err 2>/dev/null; T capture-pane -p -t rap)" 'Agenda'
unlike "... no refusal of mosh's request" "$(cat mosh-rap.err 2>/dev/null)" 'refused'
is "one mosh-server for this database" "$(servers | wc -l | tr -d ' ')" 1

T send-keys -t rap n
pane_wait rap 'minutes' >/dev/null
T send-keys -t rap -l -- "Note par mosh, accentuée"
T send-keys -t rap Enter
ok_if "the note typed through mosh is acknowledged" pane_wait rap 'ok note'
is "... stored with the key's person and role" \
	"$(q "SELECT person || '|' || role FROM journal WHERE event = 'note' ORDER BY seq DESC LIMIT 1")" \
	"M. Mosh|rapporteur"
like "... its text whole (UTF-8 through mosh)" \
	"$(q "SELECT detail FROM journal WHERE event = 'note' ORDER BY seq DESC LIMIT 1")" 'Note par mosh, accentuée'

mosh_window fol fol
ok_if "a follower through mosh: the screen opens" pane_wait fol '1 Agenda 2 Floor'
before=$(q "SELECT count(*) FROM journal")
T send-keys -t fol n
sleep 0.5
T send-keys -t fol -l -- "ne doit pas passer"
T send-keys -t fol Enter
ok_if "... the key's role holds: the follower's note is refused" pane_wait fol 'error: role follower may not run note'
is "... nothing stored" "$(q "SELECT count(*) FROM journal")" "$before"

T send-keys -t rap q
T send-keys -t fol q
ok_if "q: mosh ends with the program" pane_wait rap 'mosh is exiting'
i=0
while [ $i -lt 100 ] && [ -n "$(servers)" ]; do sleep 0.1; i=$((i + 1)); done
is "... and no mosh-server is left" "$(servers | wc -l | tr -d ' ')" 0
ok_if "the database is consistent" test "$(q 'PRAGMA integrity_check')" = ok
