#!/bin/sh
# maps.sh — what the screen maps into its process (issue 16, memory at
# 200x60 ≤ 6 MB), read from /proc/PID/maps of the TUI running in tmux at
# 200x60 after every screen was visited: in English no message catalogue
# (the message ids are the English text: 56 KB resident before), in
# French the French one (so the check sees catalogues when they are used).
. "$RAPPORTEUR_TOP/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
db=$(fresh_db maps)
T() { tmux -S "$sock" "$@"; }

# The mappings of the TUI started with ARGS, every screen visited at 200x60.
maps_after_tour() { # ARGS…
	pty_start "$@"
	pane_wait rap '1 Agenda|1 Ordre|1 Orden' >/dev/null
	T resize-window -t rap -x 200 -y 60
	for k in 2 3 4 5 6 7 1; do
		T send-keys -t rap "$k"
		sleep 0.2
	done
	pane_wait rap "$WANT" >/dev/null || echo "#   the tour did not end on: $WANT"
	cat "/proc/$(cat "$TEST_TMP/pid")/maps" 2>/dev/null
	T send-keys -t rap q
	pane_wait rap 'EXITED' >/dev/null
	T kill-server 2>/dev/null
}

WANT='1 Agenda +2 Floor'
en=$(maps_after_tour)
like "English: the TUI's mappings are read" "$en" 'libsqlite3'
is "English: libcsv is not mapped (import and export load it)" "$(printf '%s\n' "$en" | grep 'libcsv')" ""
is "English: no message catalogue is mapped" "$(printf '%s\n' "$en" | grep 'rapporteur\.mo')" ""

WANT='2 Parole'
fr=$(maps_after_tour --lang fr)
like "French: the French catalogue is mapped" "$(printf '%s\n' "$fr" | grep 'rapporteur\.mo')" '/fr/LC_MESSAGES/rapporteur\.mo$'
