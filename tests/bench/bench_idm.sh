#!/bin/sh
# bench_idm.sh — the six screens at full size (issue 17): the IDM demo
# (fixtures/idm: 175 member states, 325 participants, 60 delegations
# present) with R4 on, six theme proposals, a running item with speakers
# and interventions, three recommendations. For each screen: the bytes of
# its first paint (screen 1: the program's first paint; screens 2–6: the
# key that switches to it, a full repaint), Down and Up (max), CPU per key
# and memory, against the same bars as the DiMOI demo (DESIGN §7).
# Not a test: it prints a markdown table.
#   sh tests/bench/bench_idm.sh      BENCH_WORK=DIR keeps the database
set -u
. "$(dirname "$0")/preamble.sh"
NOW=2026-10-15T11:00:00+04:00
bench_work idm
echo "bench idm: probe $probe, work folder $work"
db="$work/idm.db"
if [ ! -f "$db" ]; then
	"$BIN" init --db "$db" --fixtures "$top/fixtures/idm" --demo >/dev/null || exit 1
	{
		echo "clock 2026-10-15T09:00:00+04:00"
		echo "set r4 on"
		echo "propose next idm2018"
		echo "propose next \"Migration and sustainable development: the next decade\""
		echo "propose workshop idm2018_1"
		echo "propose workshop idm2018_2"
		echo "propose workshop \"Skills partnerships\""
		echo "propose workshop \"Data for migration governance\""
		for c in ARG AUS AUT BEL BRA CAN CHE CHL; do echo "position 3 $c support"; done
		echo "start 3"
		for c in DEU FRA MEX SEN PHL BGD IND KEN CHE USA GBR ESP; do
			echo "floor $c"
			echo "yield \"$c: capacity development and partnerships, data and skills.\""
		done
		for c in EGY MAR TUN NGA GHA; do echo "q+ $c"; done
		echo "floor ITA"
		for c in MEX SEN PHL; do
			echo "rec+ $c \"Partnerships ($c)\" \"Members are invited to develop partnerships for capacity development.\""
		done
		echo "note key \"Partnerships are built on trust.\""
	} | "$BIN" run --db "$db" - >/dev/null || { echo "bench idm: prepare failed" >&2; exit 1; }
fi
run_probe() { # NAME KEYS
	"$PY" "$probe" --keys "$2" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=$NOW -- "$BIN" --db "$db" >"$work/$1.json" 2>/dev/null
}
run_probe s1 'DOWN*8,UP*8,DOWN*8,UP*8,q'
run_probe s2 '2,RIGHT,UP*8,DOWN*8,UP*8,DOWN*8,q'
run_probe s3 '3,DOWN*12,UP*12,DOWN*12,UP*12,q'
run_probe s4 '4,DOWN*12,UP*12,DOWN*12,UP*12,q'
run_probe s5 '5,DOWN*2,UP*2,DOWN*2,UP*2,q'
run_probe s6 '6,UP*12,DOWN*12,UP*12,DOWN*12,q'

PYTHONPATH="$top/tests/bench" "$PY" - "$work" <<'PYEOF'
import sys
from benchlib import loader, key, cpu
load = loader(sys.argv[1])
L = 80
print()
print('IDM demo, R4 on (175 member states, 325 participants), 80x24:')
print()
print('| screen | first paint (bytes, bar 2500) | Down / Up (bytes max, bar %d) | CPU per key (ms, median) | memory VmHWM (MB, bar 6) |' % (2 * L + 40))
print('|---|---|---|---|---|')
names = {1: 'Agenda', 2: 'Floor (log)', 3: 'Attendance', 4: 'Themes (grid)', 5: 'Recommendations', 6: 'Minutes'}
for i in range(1, 7):
    d = load('s%d' % i)
    if not d:
        print('| %d %s | n/a | n/a | n/a | n/a |' % (i, names[i]))
        continue
    paint = d.get('first_paint_bytes') if i == 1 else key(d, str(i))
    mem = round((d.get('max_rss_kb') or 0) / 1024, 2)
    print('| %d %s | %s | %s / %s | %s | %s |' % (i, names[i], paint, key(d, 'DOWN'), key(d, 'UP'),
                                             cpu(d), mem))
PYEOF
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
