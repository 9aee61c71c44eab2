#!/bin/sh
# bench_preview.sh — a one-million-row participants file previewed on the
# Attendance screen (i): the preview reads the file row by row, keeps the
# first IMPORT_ROWS_KEPT rows and the later errors, and Esc stops it.
# Measures, on the demo database:
#  - the whole preview through the screen (key script: i FILE Enter, then
#    idle ticks while it reads): time and peak memory (GNU time's maxrss);
#  - the same preview by the command line (import --dry-run);
#  - in tmux at 80x24, Esc typed 2 s into the preview: how long until the
#    screen says it stopped, and the screen's VmHWM then.
# Not a test: it prints figures as a markdown table.
#   BENCH_WORK=DIR   keep (and reuse) the files in DIR
#   PREVIEW_ROWS=N   rows of the file (1000000)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
export RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00
rows=${PREVIEW_ROWS:-1000000}
work=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-preview.XXXXXX")}
mkdir -p "$work"
cd "$work" || exit 2
echo "bench preview: $rows rows, work folder $work"
f=preview-$rows.csv
[ -f "$f" ] || "$PY" - "$rows" >"$f" <<'EOF'
import sys
n = int(sys.argv[1])
w = sys.stdout.write
w("delegation,name,level,entity_category\n")
for i in range(n):
    # one row in 100,000 in error (an unknown level)
    w("MUS,Participant %07d,%s,interior\n" % (i, "chef" if i % 100000 == 99999 else "officer"))
EOF
rm -f preview.db preview.db-*
"$BIN" init --db preview.db --demo >/dev/null || exit 2
measure() { # OUT CMD…: "seconds maxrss_kb" of CMD into OUT
	_o=$1; shift
	/usr/bin/time -f '%e %M' -o "$_o" "$@" >/dev/null 2>&1
}
# The screen: one idle tick per poll (every 1000 rows), and a few more.
ticks=$((rows / 1000 + 20))
{ printf '3i%s<Enter>\n' "$f"; i=0; while [ $i -lt $ticks ]; do echo '@tick'; i=$((i + 1)); done
  echo '@dump preview-dump.txt'; } >script.txt
RAPPORTEUR_TEST_SCRIPT=script.txt TERM=xterm-256color LINES=24 COLUMNS=80 \
	measure screen.txt "$BIN" --db preview.db
measure cli.txt "$BIN" import participants "$f" --db preview.db --session 1 --dry-run
summary=$(grep -o '[0-9]* new, [0-9]* updated, [0-9]* unchanged, [0-9]* errors' preview-dump.txt | head -1)

# Esc in a real terminal, 2 s into the preview.
esc_ms=- esc_line=- esc_rss=-
if command -v tmux >/dev/null 2>&1; then
	sock=bench-preview-$$
	tmux -L "$sock" new-session -d -x 80 -y 24 \
		"TERM=xterm-256color '$BIN' --db '$work/preview.db'; sleep 600"
	sleep 2
	tmux -L "$sock" send-keys 3 i
	sleep 0.5
	tmux -L "$sock" send-keys "$f" Enter
	sleep 2
	t0=$("$PY" -c 'import time; print(time.monotonic())')
	tmux -L "$sock" send-keys Escape
	for _ in $(seq 1 400); do
		tmux -L "$sock" capture-pane -p | grep -q 'stopped at line' && break
		sleep 0.025
	done
	t1=$("$PY" -c 'import time; print(time.monotonic())')
	esc_ms=$("$PY" -c "print(round(($t1 - $t0) * 1000))")
	esc_line=$(tmux -L "$sock" capture-pane -p | sed -n 's/.*stopped at line \([0-9]*\).*/\1/p')
	pid=$(tmux -L "$sock" list-panes -F '#{pane_pid}')
	app=$(pgrep -P "$pid" -x rapporteur | head -1)
	[ -n "$app" ] && esc_rss=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
	tmux -L "$sock" kill-server
fi
# (GNU time first writes "Command exited with non-zero status 1" when
# the preview found rows in error: the figures are on the last line.)
read -r s_sec s_rss <<END
$(tail -1 screen.txt)
END
read -r c_sec c_rss <<END
$(tail -1 cli.txt)
END
echo
echo "| import preview of $rows rows | time | peak memory |"
echo "|---|---|---|"
echo "| the screen (i, the whole file: ${summary:-?}) | $s_sec s | $((s_rss / 1024)) MB |"
echo "| \`import --dry-run\` | $c_sec s | $((c_rss / 1024)) MB |"
echo "| Esc 2 s into the preview (tmux): until the screen says it stopped (at line ${esc_line:-?}) | ${esc_ms} ms | VmHWM $([ "$esc_rss" = - ] && echo - || echo "$((esc_rss / 1024)) MB") |"
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
