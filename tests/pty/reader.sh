#!/bin/sh
# reader.sh — a read-only screen follows two writers (DESIGN §7: "a second
# instance on the same file sees changes within a second"; --read-only).
# Two `rapporteur run` writers add 20 notes each, about 5 a second each,
# while `rapporteur --read-only` shows the Minutes screen (tab 6, which
# follows the newest entries) in tmux at 80x24. The pane is read every
# 100 ms: each writer's last note must be on the reader's screen within
# 1.5 s of its "ok" (1 s for the idle tick's data_version check, the rest
# slack for the poll on a loaded machine), and so must every other note
# (the last notes alone fall at one phase of the reader's one-second tick);
# every note must be seen at some poll (the view follows). The reader shows no error ("database is locked"), the
# writers get no error, and a write typed in the reader (n, then :note)
# is refused as read-only and changes nothing.
. "$RAPPORTEUR_TOP/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
cd "${TEST_TMP:-.}" || exit 2
N=20
BOUND=1.5
db=$(fresh_db reader)
q() { sqlite3 "$db" "$1"; }
sock="$TEST_TMP/tmux-reader.sock"
T() { tmux -S "$sock" "$@"; }
screen_text() { T capture-pane -p -t rap; }
now() { date +%s.%N; }
label() { printf 'reader %s%02d' "$1" "$2"; }
trap 'T kill-server 2>/dev/null' EXIT

T -f /dev/null new-session -d -s rap -x 80 -y 24 \
	"sh -c 'exec env TERM=screen-256color TZ=\"$TZ\" LC_ALL=C.UTF-8 ESCDELAY=25 $BIN --db $db --read-only'; echo EXITED \$?; sleep 30"
T set-option -t rap remain-on-exit on >/dev/null 2>&1
pane_wait rap '1 Agenda' >/dev/null
T send-keys -t rap 6
ok_if "the reader shows the Minutes screen" pane_wait rap '^ All entries of the session'
before=$(q "SELECT count(*) FROM journal")

# A writer: N notes at 0.2 s intervals into `run -`; each answer line is
# stamped with the time it was read.
writer() {
	{
		i=1
		while [ $i -le $N ]; do
			printf 'note "%s"\n' "$(label "$1" $i)"
			sleep 0.2; i=$((i + 1))
		done
	} | { "$BIN" run --db "$db" - 2>"$1.err"; echo $? >"$1.rc"; } |
		while IFS= read -r l; do printf '%s %s\n' "$(now)" "$l"; done >"$1.out"
}
writer A & wa=$!
writer B & wb=$!

# Poll the reader every 100 ms until both writers are done and their last
# notes were seen (at most 5 s after the writers end).
: >seen.log; : >bad.log
end=""
while :; do
	t=$(now)
	s=$(screen_text)
	printf '%s\n' "$s" | grep -o 'reader [AB][0-9][0-9]' | sed "s/^/$t /" >>seen.log
	printf '%s\n' "$s" | grep -Ei 'locked|busy|error|cannot' >>bad.log
	if [ -z "$end" ] && ! kill -0 $wa 2>/dev/null && ! kill -0 $wb 2>/dev/null; then
		end=$t
	fi
	if [ -n "$end" ]; then
		grep -q "$(label A $N)" seen.log && grep -q "$(label B $N)" seen.log && break
		awk -v a="$t" -v b="$end" 'BEGIN { exit !(a - b > 5) }' && break
	fi
	sleep 0.1
done
wait $wa $wb

is "writer A: exit 0" "$(cat A.rc)" 0
is "writer B: exit 0" "$(cat B.rc)" 0
is "writer A: $N answers ok" "$(grep -c ' ok note$' A.out)" "$N"
is "writer B: $N answers ok" "$(grep -c ' ok note$' B.out)" "$N"
is "the writers got no error line, nothing on stderr" "$(grep -v ' ok note$' A.out B.out; cat A.err B.err)" ""
is "all $((2 * N)) notes are stored" "$(q "SELECT count(*) FROM journal")" "$((before + 2 * N))"

# Delay of each note: first time seen on the reader minus the time of its
# "ok" (the k-th answer of writer W is note W k).
awk '
	FILENAME == "seen.log" { k = $2 " " $3; if (!(k in seen)) seen[k] = $1; next }
	{ w = substr(FILENAME, 1, 1); n[w]++; ok[sprintf("reader %s%02d", w, n[w])] = $1 }
	END {
		for (k in ok) {
			if (!(k in seen)) { printf "%s never-seen\n", k; continue }
			d = seen[k] - ok[k]; if (d < 0) d = 0
			printf "%s %.3f\n", k, d
		}
	}' seen.log A.out B.out | sort >delays.txt
maxall=$(awk '$NF != "never-seen" && $NF > m { m = $NF } END { printf "%.3f", m }' delays.txt)
never=$(grep -c never-seen delays.txt)
for w in A B; do
	d=$(grep "^$(label $w $N) " delays.txt | awk '{ print $NF }')
	ok_if "writer $w's last note on the reader's screen ${d:-never} s after its ok (<= $BOUND s)" \
		awk -v d="${d:-x}" -v b="$BOUND" 'BEGIN { exit !(d ~ /^[0-9.]+$/ && d <= b) }'
done
ok_if "every note on the reader's screen within $BOUND s of its ok (largest delay ${maxall} s)" \
	awk -v d="$maxall" -v b="$BOUND" 'BEGIN { exit !(d <= b) }'
is "every note was shown by the reader at some poll (the view follows)" "$never" 0
is "the reader's screen showed no error (database is locked, busy…)" "$(sort -u bad.log)" ""
# The reader's list ends with the newest journal rows, in order.
pane_wait rap "$(label B $N)|$(label A $N)" >/dev/null
sleep 1.2
is "the reader's last rows are the journal's last 18" \
	"$(screen_text | sed -n '5,22p' | cut -c40- | sed 's/ *$//')" \
	"$(q "SELECT detail FROM (SELECT seq, detail FROM journal ORDER BY seq DESC LIMIT 18) ORDER BY seq")"

# A write typed in the reader: refused as read-only, nothing stored.
count=$(q "SELECT count(*) FROM journal")
T send-keys -t rap n
pane_wait rap 'write a free line in the minutes' >/dev/null
T send-keys -t rap -l 'écrit par le lecteur'
T send-keys -t rap Enter
ok_if "n in the reader: refused as read-only" pane_wait rap '^error: read-only: note changes the record'
T send-keys -t rap :
pane_wait rap '^:' >/dev/null
T send-keys -t rap -l 'note "écrit par le lecteur"'
T send-keys -t rap Enter
ok_if ":note in the reader: refused as read-only" pane_wait rap '^error: read-only: note changes the record'
is "... the journal is unchanged" "$(q "SELECT count(*) FROM journal")" "$count"
is "... no such note" "$(q "SELECT count(*) FROM journal WHERE detail LIKE '%par le lecteur%'")" 0
T send-keys -t rap q
ok_if "the reader quits with status 0" pane_wait rap 'EXITED 0'
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
