#!/bin/sh
# themes_shift.sh — the Themes grid shifted sideways one column at a time
# (Left/Right past its edge: the terminal moves the cells, then the new
# column, the cursor and the list marker are sent; under --low-bandwidth
# the grid follows when the keys pause) leaves the real terminal (tmux)
# showing exactly what a full repaint shows: at each stop the pane, with
# its colours and attributes (capture-pane -e), is compared with the pane
# after a resize there and back, which makes curses clear the screen and
# paint it whole at the same selection. 40 proposals with positions of
# every kind, one member state absent; 80x24 and 200x60; colour,
# --no-color and --low-bandwidth.
. "$RAPPORTEUR_TOP/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
. "$RAPPORTEUR_TOP/tests/pty/themes_grid.inc"
db=$(themes_grid_db 40 thshift)
printf 'set -g status off\n' >"$TEST_TMP/tmux.conf"
# cells FILE: the pane captured with its escape sequences (tmux
# capture-pane -e), one line per cell with what shows: a character with
# its colours and attributes; a blank with only what shows on a blank
# (background, reverse, underline).
cat >"$TEST_TMP/cells.py" <<'PYEOF'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
width = int(sys.argv[2])
st = {}
rows = []
for line in text.split('\n'):
    cells = []
    for tok in re.findall(r'\x1b\[[0-9;]*m|.', line):
        if tok.startswith('\x1b['):
            p = [int(x) if x else 0 for x in tok[2:-1].split(';')]
            i = 0
            while i < len(p):
                v = p[i]
                if v == 0:
                    st = {}
                elif v in (38, 48) and i + 1 < len(p):
                    n = 3 if p[i + 1] == 5 else 5
                    st['fg' if v == 38 else 'bg'] = tuple(p[i + 1:i + n])
                    i += n - 1
                elif v in (39, 49):
                    st.pop('fg' if v == 39 else 'bg', None)
                elif 30 <= v <= 37 or 90 <= v <= 97:
                    st['fg'] = v
                elif 40 <= v <= 47 or 100 <= v <= 107:
                    st['bg'] = v
                elif v == 22:
                    st.pop(1, None); st.pop(2, None)
                elif 23 <= v <= 29:
                    st.pop(v - 20, None)
                else:
                    st[v] = True
                i += 1
            continue
        if tok == ' ':
            cells.append(' %s' % sorted((k, v) for k, v in st.items() if k in ('bg', 4, 7)))
        else:
            cells.append('%s %s' % (tok, sorted(st.items(), key=str)))
    cells += [' []'] * (width - len(cells))
    rows.append(cells)
for y, cells in enumerate(rows):
    for x, c in enumerate(cells):
        print('%d,%d %s' % (y + 1, x + 1, c))
PYEOF
T() { tmux -S "$sock" "$@"; }
pane() { T capture-pane -p -e -t rap; }
# settle REGEX: wait (at most 15 s: a limit, not a measure) until the
# pane shows REGEX and stays the same for a second.
settle() {
	i=0 same=0 last=''
	while [ $i -lt 150 ]; do
		now=$(pane)
		if [ "$now" = "$last" ] && printf '%s\n' "$now" | sed 's/\x1b\[[0-9;]*m//g' | grep -Eq -- "$1"; then
			same=$((same + 1))
			[ $same -ge 3 ] && return 0
		else
			same=0
		fi
		last=$now
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
k=0
start() { # WIDTH HEIGHT ARGS…
	w=$1 h=$2
	shift 2
	k=$((k + 1))
	sock="$TEST_TMP/tmux$k.sock"
	T -f "$TEST_TMP/tmux.conf" new-session -d -s rap -x "$w" -y "$h" \
		"env TERM=xterm-256color TZ=\"$TZ\" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 ESCDELAY=25 $BIN --db $db $*; sleep 30"
	settle '1 Agenda' || echo "# the program did not start"
	T send-keys -t rap 4
	settle '^ P1 Thème 1:' || echo "# no Themes screen"
	sel=1
}
# keys KEY N: N times KEY (the program paints after each).
keys() {
	T send-keys -t rap -N "$2" "$1"
	if [ "$1" = Right ]; then sel=$((sel + $2)); else sel=$((sel - $2)); fi
}
# stop LABEL: the pane now against the pane after a full repaint.
stop() {
	settle "^ P$sel Thème $sel:" || echo "# P$sel's detail never came"
	got=$(pane)
	T resize-window -t rap -x $((w + 1)) -y "$h"
	settle "^ P$sel Thème $sel:" >/dev/null
	T resize-window -t rap -x "$w" -y "$h"
	settle "^ P$sel Thème $sel:" >/dev/null
	want=$(pane)
	printf '%s\n' "$want" >"$TEST_TMP/want.txt"
	printf '%s\n' "$got" >"$TEST_TMP/got.txt"
	"$PY" "$TEST_TMP/cells.py" "$TEST_TMP/want.txt" "$w" >"$TEST_TMP/want.cells"
	"$PY" "$TEST_TMP/cells.py" "$TEST_TMP/got.txt" "$w" >"$TEST_TMP/got.cells"
	if cmp -s "$TEST_TMP/want.cells" "$TEST_TMP/got.cells"; then
		ok_if "$label: $1" true
	else
		ok_if "$label: $1" false
		diff "$TEST_TMP/want.cells" "$TEST_TMP/got.cells" | sed 's/^/#   /' | head -20
		printf '%s\n' "$got" | sed 's/\x1b\[[0-9;]*m//g; s/^/#   /' | head -12
	fi
}

for size in 80x24 200x60; do
	for mode in colour --no-color --low-bandwidth; do
		label="$size $mode"
		arg=$mode
		[ "$mode" = colour ] && arg=''
		start "${size%x*}" "${size#*x}" $arg
		# 80x24 shows 6 proposal columns, 200x60 36.
		if [ "$size" = 80x24 ]; then
			keys Right 8
			stop "three shifts to the right (P9)"
			keys Right 31
			stop "... to the last proposal (P40)"
			keys Left 19
			stop "... back to the left (P21)"
			keys Left 20
			stop "... to the first (P1)"
		else
			keys Right 39
			stop "shifts to the right, to the last proposal (P40)"
			keys Left 39
			stop "... back to the first (P1)"
		fi
		T kill-server 2>/dev/null
	done
done
