# lib.sh — helpers for shell tests (sourced). Each check prints one TAP
# line: "ok N - what" or "not ok N - what" with the evidence below it.
#   rap ARGS…          run the binary under test ($RAPPORTEUR_BIN)
#   ok_if DESC CMD…    pass when CMD succeeds
#   is DESC GOT WANT   pass when the strings are equal
#   like DESC GOT RE   pass when GOT matches the extended regex RE
#   unlike DESC GOT RE pass when GOT does not match RE
#   pane_wait WIN RE   poll the tmux pane WIN (through the test's T function)
#                      until RE appears, for up to PANE_WAIT seconds (10: a
#                      limit, not a measure); 1 when it never does
#   pty_start [ARGS…]  the binary on $db (then ARGS) at 80x24 in the tmux
#                      window rap of a new server (socket $sock, each start
#                      its own: a killed server shuts down asynchronously);
#                      the pid of its shell in $TEST_TMP/pid, "EXITED N"
#                      shown when it ends
n=0
BIN=${RAPPORTEUR_BIN:?RAPPORTEUR_BIN not set}
TOP=${RAPPORTEUR_TOP:?RAPPORTEUR_TOP not set}
rap() { "$BIN" "$@"; }
_tap() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
ok_if() { d=$1; shift; if "$@" >/dev/null 2>&1; then _tap 0 "$d"; else _tap 1 "$d"; echo "#   command failed: $*"; fi; }
# Evidence is printed as comment lines ("#   …") whatever it holds, so a
# multi-line value can never be read as a TAP "ok" line.
_say() { printf '%s\n' "$2" | sed "s/^/#   $1 /"; }
is() { if [ "$2" = "$3" ]; then _tap 0 "$1"; else _tap 1 "$1"; _say "got: " "$2"; _say "want:" "$3"; fi; }
# like/unlike: the pattern is one extended regex (a newline in it is an error).
_one_re() { case "$1" in *"
"*) echo "#   pattern holds a newline: $1" | sed '2,$s/^/#   /'; return 1;; esac; }
like() { _one_re "$3" || { _tap 1 "$1"; return; }; if printf '%s' "$2" | grep -Eq -- "$3"; then _tap 0 "$1"; else _tap 1 "$1"; _say "got: " "$2"; _say "want:" "/$3/"; fi; }
unlike() { _one_re "$3" || { _tap 1 "$1"; return; }; if printf '%s' "$2" | grep -Eq -- "$3"; then _tap 1 "$1"; _say "got: " "$2"; _say "unwanted:" "/$3/"; else _tap 0 "$1"; fi; }
# A fresh database with the fixtures and the demo session: prints its path.
fresh_db() { db="${TEST_TMP:-/tmp}/${1:-t}.db"; rm -f "$db"*; "$BIN" init --db "$db" --demo >/dev/null 2>&1 || echo "#   init failed" >&2; echo "$db"; }
# The same with the scripted meeting of tests/data/report/meeting.cmds run
# on it (the reports' tests): prints its path.
meeting_db() { db=$(fresh_db "${1:-meet}"); "$BIN" run --keep-going --db "$db" "$TOP/tests/data/report/meeting.cmds" >/dev/null 2>&1; echo "$db"; }
pane_wait() {
	_pw=0
	while [ $_pw -lt $((${PANE_WAIT:-10} * 20)) ]; do
		T capture-pane -p -t "$1" 2>/dev/null | grep -Eq -- "$2" && return 0
		sleep 0.05; _pw=$((_pw + 1))
	done
	return 1
}
_pty_k=0
pty_start() {
	T kill-server 2>/dev/null
	_pty_k=$((_pty_k + 1))
	sock="$TEST_TMP/tmux$_pty_k.sock"
	T -f /dev/null new-session -d -s rap -x 80 -y 24 \
		"sh -c 'echo \$\$ >$TEST_TMP/pid; exec env TERM=screen-256color TZ=\"$TZ\" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 ESCDELAY=25 $BIN --db $db $*'; echo EXITED \$?; sleep 30"
	T set-option -t rap remain-on-exit on >/dev/null 2>&1
}
