#!/bin/sh
# lists.sh — what a real terminal shows after the moves of issue 16 that
# are sent in pieces (tmux at 80x24): the detail lines that follow a move
# once the keys pause (Themes, Attendance), the Themes grid after it
# shifted sideways, lists after a one-row scroll at the edge of their
# page. The screen tests read curses' own copy of the screen; these read
# the terminal's.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
db=$(fresh_db lists)
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
propose workshop midiocc_health
propose workshop "Mobilité des jeunes" FRA
position 2 MUS object
CMDS
sock="$TEST_TMP/tmux.sock"
T() { tmux -S "$sock" "$@"; }
screen_text() { T capture-pane -p -t rap; }
row() { screen_text | sed -n "$1p"; }
k=0
start() { # TERM
	T kill-server 2>/dev/null
	k=$((k + 1))
	sock="$TEST_TMP/tmux$k.sock"
	T -f /dev/null new-session -d -s rap -x 80 -y 24 \
		"exec env TERM=$1 TZ=\"$TZ\" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 ESCDELAY=25 $BIN --db $db"
	pane_wait rap '^1 Agenda' >/dev/null
}

start screen-256color
T send-keys -t rap 4
ok_if "Themes: P1's detail" pane_wait rap '^ P1 Migration and health'
T send-keys -t rap Right
ok_if "Right: P2's detail follows once the keys pause" pane_wait rap '^ P2 Mobilité des jeunes'
ok_if "... its proposer" pane_wait rap '^ By FRA France'
ok_if "... its decision" pane_wait rap '^ Blocked: Mauritius objects'
T send-keys -t rap 3
ok_if "Attendance: COM's R4 line" pane_wait rap '^ Comoros: OK'
T send-keys -t rap Down
ok_if "Down: FRA's R4 line follows" pane_wait rap '^ France / Réunion: OK'
ok_if "... and COM's is gone" sh -c "! tmux -S '$sock' capture-pane -p -t rap | grep -q '^ Comoros: OK'"
T kill-server 2>/dev/null

# The terminal against curses' copy (the screen-test harness) after the
# same keys: every row but the message line.
db=$(fresh_db long)
{
	echo "clock 2026-11-23T09:00:00+04:00"
	i=1
	while [ $i -le 12 ]; do
		echo "propose workshop \"Thème $i\""
		for c in COM FRA MDG MUS SYC; do
			case $(((i + $(printf '%d' "'$c")) % 3)) in 0) echo "position $i $c support" ;; 1) echo "position $i $c object" ;; esac
		done
		i=$((i + 1))
	done
	i=1
	while [ $i -le 16 ]; do echo "item+ \"Point supplémentaire $i\" other 15"; i=$((i + 1)); done
} | rap run --db "$db" - >/dev/null
same() { # LABEL TMUX-KEYS… -- SCRIPT
	label=$1
	shift
	keys=""
	while [ "$1" != "--" ]; do keys="$keys $1"; shift; done
	want=$(ui_run "$db" "$2" | sed -n '1,21p')
	# shellcheck disable=SC2086
	for key in $keys; do T send-keys -t rap "$key"; sleep 0.05; done
	sleep 1.5
	got=$(screen_text | sed -n '1,21p' | sed 's/ *$//')
	if [ "$got" = "$want" ]; then
		ok_if "$label" true
	else
		ok_if "$label" false
		printf '%s\n' "$want" >"$TEST_TMP/want.txt"
		printf '%s\n' "$got" | diff -u "$TEST_TMP/want.txt" - | sed 's/^/#   /' | head -30
	fi
}
for term in screen-256color xterm-256color vt100; do
	start $term
	same "$term: the grid shifted one column to the right, twice (dch/ich)" \
		4 Right Right Right Right Right Right Right -- '4<Right><Right><Right><Right><Right><Right><Right>'
	same "$term: ... to its last column" \
		Right Right Right Right Right -- '4<Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right>'
	same "$term: ... and back to the left" \
		Left Left Left Left Left Left Left Left Left -- '4<Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Left><Left><Left><Left><Left><Left><Left><Left><Left>'
	same "$term: Agenda scrolled up at the top of its page, three rows one at a time" \
		1 End Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up -- '1<End><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up>'
	same "$term: ... and down at its bottom" \
		Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down -- '1<End><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Up><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down>'
	T kill-server 2>/dev/null
done
