#!/bin/sh
# bench_ssh.sh — the screen through a real OpenSSH connection (issue 15):
# sshd started here on 127.0.0.1 (tests/lib_sshd.sh, forced commands),
# `ssh -tt` clients in tmux at 80x24, with and without compression (-C),
# and with --low-bandwidth. TCP payload bytes per key on each screen and
# the first paint including the handshakes, from the kernel's counters of
# the client socket (tests/bench/ssh_probe.py). Same database state as
# run.sh (item 3 running with 300 interventions, MUS holding the floor),
# plus five theme proposals and five recommendations.
# Not a test: prints a markdown table. sshd is stopped by its pid.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
NOW=2026-11-23T09:00:00+04:00
. "$top/tests/lib_sshd.sh"
if ! sshd_usable || ! command -v tmux >/dev/null 2>&1 || ! command -v ss >/dev/null 2>&1; then
	echo "bench_ssh: sshd, ssh, tmux or ss missing (make deps): skipped"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-bench-ssh.XXXXXX")
sock="$work/tmux.sock"
cleanup() { tmux -S "$sock" kill-server 2>/dev/null; sshd_stop; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

db="$work/demo.db"
"$BIN" init --db "$db" --demo >/dev/null || exit 1
{
	echo "clock $NOW"
	echo "start 3"
	i=0
	while [ $i -lt 300 ]; do
		echo "floor MDG"
		echo "yield \"Intervention $i: la santé des migrants aux frontières\""
		i=$((i + 1))
	done
	echo "q+ COM"; echo "q+ IOM"; echo "q+ SYC"; echo "floor MUS"
	# lists to move in on the Themes and Recommendations screens
	for c in MUS COM SYC MDG FRA; do
		echo "propose workshop \"Migration et santé: atelier $c\" $c"
		echo "rec+ $c \"Recommandation de $c\" \"Les États membres conviennent de coopérer.\""
	done
} | "$BIN" run --db "$db" - >/dev/null || exit 1

SSHD_ENV="RAPPORTEUR_NOW=$NOW"
sshd_setup "$work/sshd" "$db" || exit 1
sshd_person rap --as "A. Rapporteur" --role rapporteur
sshd_person low --as "A. Rapporteur" --role rapporteur --low-bandwidth
sshd_start || exit 1

tmux -S "$sock" -f /dev/null new-session -d -s bench -x 80 -y 24 -n idle "sleep 3600"
: >"$work/results.jsonl"
for conf in "plain rap" "C rap -C" "low low" "lowC low -C"; do
	set -- $conf
	name=$1 key=$2; shift 2
	"$PY" "$top/tests/bench/ssh_probe.py" --sock "$sock" --port "$SSH_PORT" --name "$name" \
		--client ". $top/tests/lib_sshd.sh; SSHD_DIR=$SSHD_DIR SSH_PORT=$SSH_PORT; ssh_as $key -tt $*" \
		>>"$work/results.jsonl" || echo "bench_ssh: $name failed" >&2
done

"$PY" - "$work/results.jsonl" <<'EOF'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows[r["name"]] = r
cols = [("plain", "ssh"), ("C", "ssh -C"), ("low", "ssh, --low-bandwidth"), ("lowC", "ssh -C, --low-bandwidth")]
cols = [c for c in cols if c[0] in rows]
print()
print("Through OpenSSH on 127.0.0.1 (80x24; TCP payload bytes of the client socket, ss -tin; median of 5):")
print()
print("| measure | " + " | ".join(c[1] for c in cols) + " |")
print("|---|" + "---|" * len(cols))
print("| first paint incl. handshakes: time, bytes received / sent | " + " | ".join(
    "%d ms, %d / %d B" % (rows[c]["first_paint_ms"], rows[c]["first_paint_rx"], rows[c]["first_paint_tx"]) for c, _ in cols) + " |")
for scr in ("Agenda", "Floor", "Attendance", "Themes", "Recommendations", "Minutes"):
    cells = []
    for c, _ in cols:
        s = rows[c]["screens"][scr]
        cells.append("%d / %d B (key %d B)" % (s["Down"]["rx"], s["Up"]["rx"], s["Down"]["tx"]))
    print("| %s Down / Up received (key sent) | " % scr + " | ".join(cells) + " |")
print("| idle 5 s | " + " | ".join("%d B" % rows[c]["idle_5s_rx"] for c, _ in cols) + " |")
EOF
