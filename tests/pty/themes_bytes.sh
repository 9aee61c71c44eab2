#!/bin/sh
# themes_bytes.sh — bytes of one Left/Right on the Themes screen in a real
# pseudo-terminal at 80x24 (issue 16; byte counts, never times): a column
# step inside the grid and a step that shifts the grid sideways, in colour,
# --no-color and --low-bandwidth. 12 proposals (the grid shows 6 columns),
# positions of every kind, one member state absent.
. "$RAPPORTEUR_TOP/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
. "$RAPPORTEUR_TOP/tests/pty/themes_grid.inc"
db=$(themes_grid_db 12 thbytes)
# The steps: 0 is the key 4, then 11 Right and 11 Left; in each run of
# 11 the first 5 are column steps, the other 6 shift the grid.
KEYS='4,RIGHT*11,LEFT*11,q'
probe() { "$PY" "$TOP/tests/bench/probe.py" --quiet-ms 100 --env TZ="$TZ" \
	--env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
	--keys "$KEYS" -- "$BIN" --db "$db" "$@"; }
# max KIND JSON: the largest step of that kind (col or shift)
max() {
	printf '%s' "$2" | "$PY" -c '
import json, sys
s = [b for _, b in json.load(sys.stdin)["steps"]]
runs = [(1, 12), (12, 23)]
r = [x for a, b in runs for x in (s[a:a + 5] if sys.argv[1] == "col" else s[a + 5:b])]
print(max(r) if r and min(r) > 0 else -1)' "$1"
}

out=$(probe)
b=$(max col "$out")
ok_if "colour: a column step, $b B <= 200 B" test "$b" -le 200 -a "$b" -gt 0
b=$(max shift "$out")
ok_if "colour: a step that shifts the grid, $b B <= 200 B" test "$b" -le 200 -a "$b" -gt 0

out=$(probe --no-color)
b=$(max shift "$out")
ok_if "--no-color: a step that shifts the grid, $b B <= 200 B" test "$b" -le 200 -a "$b" -gt 0

# --low-bandwidth: a step that shifts the grid sends the list's mark and
# takes the cursor off the grid; the grid follows at the idle tick. A
# column step moves the brackets and the mark: two cursor addresses (the
# grid's row, the list's) and 11-13 B of cells make its floor 24-27 B on
# this layout, over the bar of 25 for a mark past row 9: checked at 27.
out=$(probe --low-bandwidth)
b=$(max shift "$out")
ok_if "--low-bandwidth: a step that shifts the grid, $b B <= 25 B" test "$b" -le 25 -a "$b" -gt 0
b=$(max col "$out")
ok_if "--low-bandwidth: a column step, $b B <= 27 B" test "$b" -le 27 -a "$b" -gt 0
