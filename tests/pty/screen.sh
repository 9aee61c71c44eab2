#!/bin/sh
# screen.sh — the screen in a real pseudo-terminal (tmux): the first paint,
# resizing below 80x24 and back, another instance's change seen within
# seconds, q, SIGTERM and SIGHUP leave cleanly.
. "$RAPPORTEUR_TOP/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
db=$(fresh_db pty)
sock="$TEST_TMP/tmux.sock"
T() { tmux -S "$sock" "$@"; }
screen_text() { T capture-pane -p -t rap; }
start() { pty_start "$@"; }

start
ok_if "first paint: the title bar" pane_wait rap '^ DIMOI: Réunion annuelle'
ok_if "first paint: the tabs" pane_wait rap '1 Agenda +2 Floor'
ok_if "first paint: the hint bar" pane_wait rap 'a item\+ e item='
T resize-window -t rap -x 60 -y 20
ok_if "resized to 60x20: the notice" pane_wait rap 'Terminal too small \(60x20\)'
T resize-window -t rap -x 80 -y 24
ok_if "back to 80x24: the screen returns" pane_wait rap '1 Agenda +2 Floor'
ok_if "... the notice is gone" sh -c "! tmux -S '$sock' capture-pane -p -t rap | grep -q 'too small'"
T resize-window -t rap -x 120 -y 40
ok_if "120x40: longer titles" pane_wait rap 'Déclarations liminaires des États membres'
T resize-window -t rap -x 80 -y 24

rap run --db "$db" - >/dev/null <<'CMDS'
start 2
CMDS
ok_if "another instance's change appears (data_version)" pane_wait rap '^  2  09:15  15. .*running'
ok_if "... and in the title bar" pane_wait rap '2 Adoption de l.ordre'

T send-keys -t rap 'j' 'j'
T send-keys -t rap q
ok_if "q quits with status 0" pane_wait rap 'EXITED 0'

start
pane_wait rap '1 Agenda' >/dev/null
kill -TERM "$(cat "$TEST_TMP/pid")" 2>/dev/null
ok_if "SIGTERM: leaves cleanly (status 0)" pane_wait rap 'EXITED 0' || { screen_text | sed 's/^/#   pane: /'; ps -o pid,stat,cmd -p "$(cat "$TEST_TMP/pid")" | sed 's/^/#   /'; }
ok_if "SIGTERM: the terminal is restored (normal screen)" sh -c "! tmux -S '$sock' capture-pane -p -t rap | grep -q '1 Agenda'"

start
pane_wait rap '1 Agenda' >/dev/null
T send-keys -t rap 2 y
ok_if "Floor: y with nobody speaking is refused" pane_wait rap 'error: nobody has the floor'
rap run --db "$db" - >/dev/null <<'CMDS'
floor MUS
CMDS
pane_wait rap 'Floor: MUS' >/dev/null
T send-keys -t rap y 'Texte en cours de frappe'
ok_if "typing a summary" pane_wait rap 'Summary \(MUS\): Texte en cours de frappe'
sleep 1.5
kill -HUP "$(cat "$TEST_TMP/pid")" 2>/dev/null
ok_if "SIGHUP: leaves cleanly" pane_wait rap 'EXITED 0'
is "SIGHUP: the summary being typed is kept as a draft" \
	"$(sqlite3 "$db" "SELECT text FROM draft WHERE kind = 'summary'")" "Texte en cours de frappe"
T kill-server 2>/dev/null
