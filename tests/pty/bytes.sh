#!/bin/sh
# bytes.sh — bytes sent to a real pseudo-terminal (limits of DESIGN §7,
# never times): first paint, Down in the agenda (two rows, one write),
# the same with --low-bandwidth, a typed character in the summary line,
# nothing while idle.
. "$RAPPORTEUR_TOP/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
db=$(fresh_db bytes)
probe() { "$PY" "$TOP/tests/bench/probe.py" --env TZ="$TZ" --env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 --env ESCDELAY=25 "$@"; }
field() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
L=80

out=$(probe --keys 'j*6,k*3,q' -- "$BIN" --db "$db")
fp=$(printf '%s' "$out" | field "d['first_paint_bytes']")
ok_if "first paint $fp B <= 2500 B" test "$fp" -le 2500 -a "$fp" -gt 500
down=$(printf '%s' "$out" | field "d['keys']['by_key']['j']['max']")
ok_if "Down: $down B <= 2L+40 = $((2 * L + 40)) B" test "$down" -le $((2 * L + 40)) -a "$down" -gt 20
up=$(printf '%s' "$out" | field "d['keys']['by_key']['k']['max']")
ok_if "Up: $up B <= 2L+40 B" test "$up" -le $((2 * L + 40))
# median of an even count is a float (1.0): compare it as a number
reads=$(printf '%s' "$out" | field "'%g' % d['keys']['reads_median']")
is "one write per key" "$reads" 1

out=$(probe --keys 'j*6,k*3,q' -- "$BIN" --db "$db" --low-bandwidth)
down=$(printf '%s' "$out" | field "d['keys']['by_key']['j']['max']")
ok_if "--low-bandwidth Down: $down B <= 25 B" test "$down" -le 25 -a "$down" -gt 0

out=$(probe --keys 'DOWN*4,q' -- "$BIN" --db "$db" --no-color)
down=$(printf '%s' "$out" | field "d['keys']['by_key']['DOWN']['max']")
ok_if "--no-color Down: $down B <= 2L+40 B" test "$down" -le $((2 * L + 40))

rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
start 3
floor MUS
CMDS
out=$(probe --keys '2,y,abcdefghijklmnopqrst,éèà,ESC,q' -- "$BIN" --db "$db")
max=$(printf '%s' "$out" | field "max(v['max'] for k, v in d['keys']['by_key'].items() if k in 'abcdefghijklmnopqrstéèà')")
ok_if "a typed character: $max B <= 12 B" test "$max" -le 12 -a "$max" -gt 0

out=$(probe --idle 3 --keys 'q' -- "$BIN" --db "$db")
idle=$(printf '%s' "$out" | field "d['idle_bytes_per_s']")
is "idle: nothing sent" "$idle" 0.0
