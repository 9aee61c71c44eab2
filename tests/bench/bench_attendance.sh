#!/bin/sh
# bench_attendance.sh — what the Attendance screen costs over a slow link (DESIGN
# §7): bytes per presence toggle (only the changed cells should go: the
# row, its delegation's count, the R4 grid cell and summary, the detail
# line, the answer on the message line), bytes per selection move, CPU per
# key, and scrolling a delegation of 250 delegates (keyset pages). On the
# demo database and, when tests/bench/gen_large.py is there, on the large
# one (10,000 sessions, their delegates), in a pseudo-terminal at 80x24.
# Not a test: it prints figures as a markdown table.
#
#   sh tests/bench/bench_attendance.sh            (from the top of the tree)
#   BENCH_WORK=DIR   keep (and reuse) the databases in DIR
#   BENCH_LARGE=0    skip the large database
set -u
. "$(dirname "$0")/preamble.sh"
bench_work att
echo "bench attendance: probe $probe, work folder $work"

# The demo session as `init --demo` leaves it (arrivals at 08:30), and a
# copy with 250 more delegates in one delegation (MUS) to scroll through.
init_demo() { # DB
	RAPPORTEUR_NOW=2026-11-23T08:30:00+04:00 "$BIN" init --db "$1" --demo >/dev/null
}
add_many() { # DB
	i=1
	while [ $i -le 250 ]; do
		printf 'delegate+ MUS "Participant %03d" officer labour\n' $i
		i=$((i + 1))
	done | RAPPORTEUR_NOW=$NOW "$BIN" run --db "$1" - >/dev/null
}
[ -f "$work/demo.db" ] || init_demo "$work/demo.db"
[ -f "$work/many.db" ] || { init_demo "$work/many.db" && add_many "$work/many.db"; }
if [ "${BENCH_LARGE:-1}" = 1 ] && [ ! -f "$work/large.db" ] && [ -f "$top/tests/bench/gen_large.py" ]; then
	echo "bench attendance: generating the large database..."
	"$PY" "$top/tests/bench/gen_large.py" --bin "$BIN" "$work/large.db" >/dev/null ||
		rm -f "$work/large.db"
fi

# Each run starts from a copy, so that toggles always start from the same
# state (FRA: all four present, OK with NO_HEAD).
run_probe() { # NAME DB KEYS [RAPPORTEUR-ARGS]
	name=$1 keys=$3
	cp "$2" "$work/run.db"
	rm -f "$work/run.db-wal" "$work/run.db-shm"
	shift 3
	"$PY" "$probe" --keys "$keys" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=$NOW -- "$BIN" --db "$work/run.db" "$@" >"$work/$name.json" 2>/dev/null
}

for d in demo large; do
	db="$work/$d.db"
	[ -f "$db" ] || continue
	# The brief's measure: Space on a delegation row, twice (FRA absent, present).
	run_probe "$d-deleg" "$db" '3,DOWN,SPACE,SPACE,q'
	# One delegate: expand FRA, Space on its first delegate, twice.
	run_probe "$d-person" "$db" '3,DOWN,RIGHT,DOWN,SPACE,SPACE,q'
	run_probe "$d-move" "$db" '3,DOWN*10,UP*5,q'
	run_probe "$d-lowbw" "$db" '3,DOWN*10,UP*5,q' --low-bandwidth
done
# A delegation of 255: expand MUS, page down and back, step past the page.
run_probe many-scroll "$work/many.db" '3,DOWN*3,RIGHT,PGDN*12,DOWN*20,PGUP*6,UP*20,END,HOME,q'

"$PY" - "$work" <<'EOF'
import json, os, sys
work = sys.argv[1]

def load(name):
    try:
        with open(os.path.join(work, name + '.json')) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def key(name, label, what='max'):
    try:
        return load(name)['keys']['by_key'][label][what]
    except (TypeError, KeyError):
        return None

def cpu(name):
    try:
        return load(name)['keys']['cpu_ms_median']
    except (TypeError, KeyError):
        return None

def rss(name):
    d = load(name)
    return round(d['max_rss_kb'] / 1024, 2) if d and d.get('max_rss_kb') else None

rows = [
    ('Space on a delegation row (bytes, max of 2)', lambda p: key(p + '-deleg', 'SPACE')),
    ('Space on a delegation row (bytes, median of 2)', lambda p: key(p + '-deleg', 'SPACE', 'median')),
    ('Space on a delegate row (bytes, max of 2)', lambda p: key(p + '-person', 'SPACE')),
    ('toggle: CPU per key (ms, median of the run)', lambda p: cpu(p + '-deleg')),
    ('Down in the list (bytes, max)', lambda p: key(p + '-move', 'DOWN')),
    ('Up in the list (bytes, max)', lambda p: key(p + '-move', 'UP')),
    ('moves: CPU per key (ms, median)', lambda p: cpu(p + '-move')),
    ('low-bandwidth Down (bytes, max)', lambda p: key(p + '-lowbw', 'DOWN')),
    ('memory VmHWM (MB)', lambda p: rss(p + '-move')),
]
print()
print('| measure | demo | large |')
print('|---|---|---|')
cell = lambda v: 'n/a' if v is None else str(v)
for label, get in rows:
    print('| %s | %s | %s |' % (label, cell(get('demo')), cell(get('large'))))
print()
print('| a delegation of 255 delegates (many.db) | bytes max | bytes median |')
print('|---|---|---|')
for k in ('PGDN', 'PGUP', 'DOWN', 'UP', 'END', 'HOME'):
    print('| %s | %s | %s |' % (k, cell(key('many-scroll', k)), cell(key('many-scroll', k, 'median'))))
print('| CPU per key (ms, median) | %s | |' % cell(cpu('many-scroll')))
EOF
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
