#!/bin/sh
# signals.sh — signals to the screen in a real pseudo-terminal (DESIGN §2,
# §7: "SIGHUP (dropped SSH) and SIGTERM save the draft and exit cleanly";
# nothing the screen showed as done is lost). The program runs in a tmux
# pane (remain-on-exit: the pane keeps the terminal state the program left)
# and is signalled by its pid. For SIGHUP, SIGTERM and SIGINT after a note
# typed on the ":" line and answered "ok": the process exits (within
# 2 s), status 0, the terminal restored (the alternate screen left, the
# cursor shown: tmux's alternate_on and the last bytes written), the
# database closed (no WAL left), integrity_check ok, the note stored once.
# SIGKILL is the control: it leaves the alternate screen on (so the probe
# can see a terminal left unrestored) and still loses nothing answered.
# A command half-typed on the ":" line is not run by a signal. A summary
# being typed at the Floor screen's yield prompt, signalled at once (no
# idle second between the last key and the signal, unlike screen.sh), is
# kept as a draft by SIGHUP and SIGTERM, and by closing the terminal
# itself (tmux kill-session: the SSH link dropped); y offers it again.
# The same for a note being typed at the n prompt (SIGHUP at once, and
# SIGKILL after the idle second); n offers it again.
. "$RAPPORTEUR_TOP/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db signals)
q() { sqlite3 "$db" "$1"; }
T() { tmux -S "$sock" "$@"; }
screen_text() { T capture-pane -p -t rap; }
msg_line() { screen_text | sed -n 23p; }
pane() { T list-panes -t rap -F "$1" 2>/dev/null; }
now() { date +%s.%N; }
rmcup=$(tput -T screen-256color rmcup 2>/dev/null)
cnorm=$(tput -T screen-256color cnorm 2>/dev/null)
printf 'set -g remain-on-exit on\n' >tmux.conf
trap 'T kill-server 2>/dev/null' EXIT
# start [ARGS]: a new tmux server (a killed one shuts down asynchronously)
# whose pane runs the program (exec'd by the shell that wrote its pid); the
# pane's shell writes the exit status to status$k (128+N: killed by signal
# N) — tmux's own #{pane_dead_status} is not always filled in when the
# pane also has a pipe-pane child. The bytes written go to out$k.log.
k=0
start() {
	T kill-server 2>/dev/null
	k=$((k + 1))
	sock="$TEST_TMP/tmux-sig$k.sock"
	: >"out$k.log"
	T -f tmux.conf new-session -d -s rap -x 80 -y 24 \
		"sleep 0.2; sh -c 'echo \$\$ >pid$k; exec env TERM=screen-256color TZ=\"$TZ\" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 ESCDELAY=25 $BIN --db $db $*'; echo \$? >status$k.tmp; mv status$k.tmp status$k"
	T pipe-pane -t rap "cat >>out$k.log"
	pane_wait rap '1 Agenda' >/dev/null
	pid=$(cat "pid$k")
}
status() { cat "status$k" 2>/dev/null; }
# gone_within: wait (10 s at most) for the program to end; sets "took"
# (seconds, or "never").
gone_within() {
	t0=$(now); i=0
	while [ $i -lt 100 ]; do
		if [ -s "status$k" ]; then
			took=$(awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.2f", a - b }')
			return 0
		fi
		sleep 0.1; i=$((i + 1))
	done
	took=never
	echo "#   pane: $(pane '#{pane_pid} dead=#{pane_dead}'); process: $(ps -o pid=,stat=,cmd= -p "$pid")"
	return 1
}
# command_line TEXT: type TEXT on the ":" line (no Enter), once the
# prompt has replaced the message line.
command_line() {
	T send-keys -t rap :
	pane_wait rap '^:' >/dev/null
	T send-keys -t rap -l "$1"
}
within2() { awk -v t="$took" 'BEGIN { exit !(t ~ /^[0-9.]+$/ && t <= 2) }'; }

# ---- a note answered ok, then a signal ----
for sig in HUP TERM INT; do
	start
	command_line "note \"avant signal $sig — « ok » vu\""
	T send-keys -t rap Enter
	ok_if "SIG$sig: the note is answered ok on the message line" pane_wait rap '^ok note$'
	kill -"$sig" "$pid"
	gone_within
	ok_if "SIG$sig: the process exits (${took} s <= 2 s)" within2
	is "SIG$sig: exit status 0, not killed by the signal" "$(status)" 0
	is "SIG$sig: the terminal left the alternate screen" "$(pane '#{alternate_on}')" 0
	sleep 0.2
	tailb=$(tail -c 64 "out$k.log")
	case "$tailb" in *"$rmcup"*"$cnorm"* | *"$cnorm"*"$rmcup"*) r=0;; *) r=1;; esac
	ok_if "SIG$sig: the last bytes written restore the cursor and the screen" test $r = 0 -a -n "$rmcup"
	[ $r = 0 ] || printf '%s' "$tailb" | od -c | sed 's/^/#   /'
	ok_if "SIG$sig: the database was closed (no WAL left)" test ! -e "$db-wal"
	is "SIG$sig: integrity_check" "$(q 'PRAGMA integrity_check')" ok
	is "SIG$sig: the note is stored once" \
		"$(q "SELECT count(*) FROM journal WHERE command = 'note \"avant signal $sig — « ok » vu\"'")" 1
done

# ---- control: SIGKILL leaves the terminal as it was, loses nothing ----
start
command_line 'note "avant SIGKILL"'
T send-keys -t rap Enter
ok_if "SIGKILL: the note is answered ok" pane_wait rap '^ok note$'
kill -KILL "$pid"
gone_within
is "SIGKILL: killed by signal 9 (status 137)" "$(status)" 137
is "SIGKILL (control): the alternate screen is still on — the probe sees an unrestored terminal" \
	"$(pane '#{alternate_on}')" 1
is "SIGKILL: integrity_check" "$(q 'PRAGMA integrity_check')" ok
is "SIGKILL: the note answered ok is stored" "$(q "SELECT count(*) FROM journal WHERE command = 'note \"avant SIGKILL\"'")" 1

# ---- a command half-typed on the ":" line is not run ----
count=$(q "SELECT count(*) FROM journal")
start
command_line 'note "pas encore envoyée"'
ok_if "the command is typed on the : line" pane_wait rap '^: ?note "pas encore envoyée"$'
kill -HUP "$pid"
gone_within
is "SIGHUP while typing on the : line: exit status 0" "$(status)" 0
is "... the half-typed command is not run (journal unchanged)" "$(q "SELECT count(*) FROM journal")" "$count"
# ... but kept as a draft and offered by the next ":" (issue 12, item 2).
is "... it is kept as a draft" "$(q "SELECT text FROM draft WHERE kind = 'cmdline'")" 'note "pas encore envoyée"'
start
T send-keys -t rap :
ok_if "... the next : offers it again" pane_wait rap '^: ?note "pas encore envoyée"$'
T send-keys -t rap Escape
pane_wait rap '1 Agenda' >/dev/null
T send-keys -t rap q
gone_within
is "... Esc drops it" "$(q "SELECT count(*) FROM draft WHERE kind = 'cmdline'")" 0

# ---- a summary being typed at the yield prompt ----
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
start 3
floor MUS
CMDS
summary_typed() { # TEXT: open the yield prompt, type TEXT, see it
	T send-keys -t rap 2
	pane_wait rap 'Floor: MUS' >/dev/null
	T send-keys -t rap y
	pane_wait rap '^Summary \(MUS\):' >/dev/null
	T send-keys -t rap -l "$1"
	pane_wait rap "^Summary \\(MUS\\): $1\$"
}
draft() { q "SELECT text FROM draft WHERE kind = 'summary'"; }
for sig in HUP TERM; do
	q "DELETE FROM draft"
	start
	text="Résumé interrompu par SIG$sig : « coopération »"
	ok_if "SIG$sig at the yield prompt: the summary is typed" summary_typed "$text"
	echo "# draft rows just before SIG$sig: $(q "SELECT count(*) FROM draft")"
	kill -"$sig" "$pid"
	gone_within
	ok_if "SIG$sig at the yield prompt: the process exits (${took} s <= 2 s)" within2
	is "... exit status 0" "$(status)" 0
	is "... the alternate screen left" "$(pane '#{alternate_on}')" 0
	is "... the summary being typed is kept as a draft" "$(draft)" "$text"
	is "... nobody yielded (MUS still has the floor)" \
		"$(q "SELECT count(*) FROM journal WHERE event = 'yield'")" 0
	is "... integrity_check" "$(q 'PRAGMA integrity_check')" ok
done

# The terminal itself closed (tmux kills the session: the pseudo-terminal
# goes away and the program gets SIGHUP, as when an SSH link drops).
q "DELETE FROM draft"
start
text="Résumé perdu avec la connexion"
ok_if "terminal closed: the summary is typed" summary_typed "$text"
# Running: the pid exists and is not a zombie (its parent, the pane's
# shell, died of the hangup, and a zombie waits for init to reap it).
running() { s=$(ps -o stat= -p "$pid" 2>/dev/null); [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }
ok_if "terminal closed: the program was running" running
T kill-session -t rap
i=0
while [ $i -lt 100 ] && running; do sleep 0.1; i=$((i + 1)); done
ok_if "terminal closed: the process ends within 2 s (gone at poll $i, every 0.1 s)" sh -c "[ $i -le 20 ]"
is "... the summary is kept as a draft" "$(draft)" "$text"
ok_if "... the database was closed (no WAL left)" test ! -e "$db-wal"
is "... integrity_check" "$(q 'PRAGMA integrity_check')" ok

# Restarted: y offers the draft; Enter yields with it.
start
T send-keys -t rap 2
pane_wait rap 'Floor: MUS' >/dev/null
T send-keys -t rap y
ok_if "restarted: y offers the kept summary" pane_wait rap "^Summary \\(MUS\\): $text\$"
T send-keys -t rap Enter
ok_if "... Enter yields" pane_wait rap '^ok MUS spoke'
is "... the summary is stored" "$(q "SELECT command FROM journal WHERE event = 'yield'")" "yield \"$text\""
is "... the draft is cleared" "$(q "SELECT count(*) FROM draft")" 0
T send-keys -t rap q
gone_within
is "q quits with status 0" "$(status)" 0

# ---- a note being typed at the n prompt (recs.h: draft kind "note") ----
note_typed() { # TEXT: open the note prompt, type TEXT, see it
	T send-keys -t rap n
	pane_wait rap '^write a free line in the minutes:' >/dev/null
	T send-keys -t rap -l "$1"
	pane_wait rap "^write a free line in the minutes: ?$1\$"
}
ndraft() { q "SELECT text FROM draft WHERE text LIKE 'Note interrompue%'"; }
start
text="Note interrompue par SIGHUP"
ok_if "n: the note is typed" note_typed "$text"
kill -HUP "$pid"
gone_within
is "SIGHUP at the note prompt: exit status 0" "$(status)" 0
is "... the note being typed is kept as a draft" "$(ndraft)" "$text"
start
T send-keys -t rap n
ok_if "restarted: n offers the kept note" pane_wait rap "^write a free line in the minutes: ?$text\$"
text="Note interrompue par kill -9"
T send-keys -t rap C-u
T send-keys -t rap -l "$text"
ok_if "... emptied (C-u), another note typed" pane_wait rap "^write a free line in the minutes: ?$text\$"
sleep 1.5
kill -KILL "$pid"
gone_within
is "SIGKILL 1.5 s after the last key at the note prompt: the draft holds the note" "$(ndraft)" "$text"
start
T send-keys -t rap n
ok_if "restarted: n offers the note kept after SIGKILL" pane_wait rap "^write a free line in the minutes: ?$text\$"
T send-keys -t rap Enter
ok_if "... Enter stores it" pane_wait rap '^ok note$'
is "... once" "$(q "SELECT count(*) FROM journal WHERE detail = '$text'")" 1
is "... the draft is cleared" "$(q "SELECT count(*) FROM draft")" 0
T send-keys -t rap q
gone_within
is "q quits with status 0" "$(status)" 0

# ---- the database refuses the draft (full disk, lock held): SIGHUP ----
# The text goes to unsaved-drafts.txt in the data folder (0600), and the
# program says so on leaving (issue 12, item 1).
q "DELETE FROM draft; CREATE TRIGGER test_draft_refused BEFORE INSERT ON draft BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;"
unsaved="$XDG_DATA_HOME/rapporteur/unsaved-drafts.txt"
rm -f "$unsaved"
printf 'floor MUS\n' | rap run --db "$db" - >/dev/null 2>&1
start
text="Résumé refusé par la base puis SIGHUP"
ok_if "draft refused, SIGHUP: the summary is typed" summary_typed "$text"
kill -HUP "$pid"
gone_within
is "draft refused, SIGHUP: exit status 0" "$(status)" 0
like "... the text kept in unsaved-drafts.txt" "$(cat "$unsaved" 2>/dev/null)" "^$text\$"
is "... the file is 0600" "$(stat -c %a "$unsaved" 2>/dev/null)" 600
sleep 0.3 # the pane's last bytes reach out$k.log
like "... and the program said where" "$(tr -d '\r\n' <"out$k.log")" 'could not be stored in the database; its text is kept in .*unsaved-drafts\.txt'
q "DROP TRIGGER test_draft_refused"
