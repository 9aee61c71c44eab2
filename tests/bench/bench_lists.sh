#!/bin/sh
# bench_lists.sh — what a move costs in the lists of issue 16, at 80x24
# in a pseudo-terminal: Themes Left/Right (a column step inside the grid,
# and a step that shifts the grid), the same under --low-bandwidth,
# Attendance Down/Up inside the page, and a one-row scroll at the edge of
# the page of Agenda, Floor (log), Attendance and Minutes. On the demo
# database with every list made longer than a page (12 proposals with
# positions, 28 agenda items, 61 interventions, 45 delegates in MUS) and
# on the large one (tests/bench/gen_large.py: 10,000 sessions, 1,000,000
# journal rows; make bench's large.db when BENCH_WORK holds one) with the
# same additions. Not a test: it prints `| measure | median / max | bar |`.
#
#   sh tests/bench/bench_lists.sh     BENCH_WORK=DIR keeps the databases
#   BENCH_LARGE=0   the demo database only
set -u
. "$(dirname "$0")/preamble.sh"
bench_work lists
echo "bench lists: probe $probe, work folder $work"

# Longer than a page, everywhere: proposals (more than the grid's six
# columns), agenda items, delegates of one delegation.
more() { # DB
	{
		echo "clock $NOW"
		i=1
		while [ $i -le 12 ]; do
			echo "propose workshop \"Thème $i: migration de travail et santé\""
			for c in COM FRA MDG MUS SYC; do
				case $(((i + ${#c} + $(printf '%d' "'$c")) % 3)) in
				0) s=support ;; 1) s=abstain ;; *) s=object ;;
				esac
				echo "position $i $c $s"
			done
			i=$((i + 1))
		done
		i=1
		while [ $i -le 16 ]; do
			echo "item+ \"Point supplémentaire $i\" other 15"
			i=$((i + 1))
		done
		i=1
		while [ $i -le 40 ]; do
			printf 'delegate+ MUS "Participant %03d" officer labour\n' $i
			i=$((i + 1))
		done
	} | "$BIN" run --db "$1" - >/dev/null
}
# Item 3 running with a log longer than its page, MUS holding the floor
# (what make bench's prepare leaves in its databases).
running() { # DB
	{
		echo "clock $NOW"
		echo "start 3"
		i=0
		while [ $i -lt 60 ]; do
			echo "floor MDG"
			echo "yield \"Intervention $i: la santé des migrants aux frontières\""
			i=$((i + 1))
		done
		echo "floor MUS"
	} | "$BIN" run --db "$1" - >/dev/null
}
if [ ! -f "$work/lists-demo.db" ]; then
	RAPPORTEUR_NOW=2026-11-23T08:30:00+04:00 "$BIN" init --db "$work/lists-demo.db" --demo >/dev/null &&
		running "$work/lists-demo.db" && more "$work/lists-demo.db" ||
		{ echo "bench lists: preparing the demo database failed" >&2; exit 1; }
fi
if [ "${BENCH_LARGE:-1}" = 1 ] && [ ! -f "$work/lists-large.db" ]; then
	if [ -f "$work/large.db" ]; then # make bench's, already running item 3
		"$PY" -c 'import sqlite3,sys; s=sqlite3.connect(sys.argv[1]); d=sqlite3.connect(sys.argv[2]); s.backup(d)' \
			"$work/large.db" "$work/lists-large.db" && more "$work/lists-large.db"
	else
		echo "bench lists: generating the large database..."
		"$PY" "$top/tests/bench/gen_large.py" --bin "$BIN" "$work/lists-large.db" >/dev/null &&
			running "$work/lists-large.db" && more "$work/lists-large.db"
	fi || rm -f "$work/lists-large.db"
fi

run_probe() { # NAME DB KEYS [RAPPORTEUR-ARGS]
	name=$1 db=$2 keys=$3
	shift 3
	"$PY" "$probe" --detail --keys "$keys" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=$NOW -- "$BIN" --db "$db" "$@" >"$work/lists-$name.json" 2>/dev/null
}
# The key scripts: the steps measured are picked by position in the
# report below. At 80x24 the grid shows 6 proposal columns, the Agenda
# list 19 rows, the Floor log 11, the Attendance list 15 (MUS expanded:
# its 45 delegates), Minutes 18.
THEMES='4,RIGHT*11,LEFT*11,RIGHT*11,LEFT*11,q'
ATT='3,DOWN*3,RIGHT,DOWN*8,UP*8,DOWN*8,UP*8,DOWN*10,DOWN*8,UP*14,UP*6,q'
AGENDA='HOME,DOWN*18,DOWN*8,UP*18,UP*8,q'
LOG='2,RIGHT,UP*10,UP*8,DOWN*10,DOWN*8,q'
MINUTES='6,UP*17,UP*8,DOWN*17,DOWN*8,q'
for d in demo large; do
	db="$work/lists-$d.db"
	[ -f "$db" ] || continue
	# A cold start on the large file reads it whole (quick_check): the
	# first paint would end before the screen came.
	cat "$db" >/dev/null
	run_probe "$d-themes" "$db" "$THEMES"
	run_probe "$d-themes-lowbw" "$db" "$THEMES" --low-bandwidth
	run_probe "$d-att" "$db" "$ATT"
	run_probe "$d-agenda" "$db" "$AGENDA"
	run_probe "$d-log" "$db" "$LOG"
	run_probe "$d-minutes" "$db" "$MINUTES"
done

PYTHONPATH="$top/tests/bench" "$PY" - "$work" <<'PYEOF'
import statistics
import sys
from benchlib import loader
load = loader(sys.argv[1], 'lists-')


def steps(name, *ranges):
    """Bytes of the steps whose index (0: the first key) is in a range."""
    d = load(name)
    if not d or 'steps' not in d:
        return []
    out = []
    for a, b in ranges:
        out += [s[1] for s in d['steps'][a:b]]
    return out


def cell(v):
    if not v:
        return 'n/a'
    return '%d / %d B' % (statistics.median(v), max(v))


# Step indices follow the key scripts of the shell part: in THEMES each
# run of 11 steps is 5 column steps then 6 grid shifts.
runs = [(1, 12), (12, 23), (23, 34), (34, 45)]
col = [(a, a + 5) for a, _ in runs]
shift = [(a + 5, b) for a, b in runs]
rows = [
    ('Themes Left/Right, column step', 'themes', col, '<= 200 B', 200),
    ('Themes Left/Right, grid shift', 'themes', shift, '<= 200 B', 200),
    ('--low-bandwidth Themes Left/Right, column step', 'themes-lowbw', col, '<= 25 B', 25),
    ('--low-bandwidth Themes Left/Right, grid shift', 'themes-lowbw', shift, '<= 25 B', 25),
    ('Attendance Down/Up inside the page', 'att', [(5, 37)], '<= 200 B', 200),
    ('Attendance one-row scroll at the page edge', 'att', [(47, 55), (69, 75)], '<= 200 B', 200),
    ('Agenda one-row scroll at the page edge', 'agenda', [(19, 27), (45, 53)], '<= 200 B', 200),
    ('Floor log one-row scroll at the page edge', 'log', [(12, 20), (30, 38)], '<= 200 B', 200),
    ('Minutes one-row scroll at the page edge', 'minutes', [(18, 26), (43, 51)], '<= 200 B', 200),
]
print()
print('Lists at 80x24 (issue 16), bytes per key, median / max:')
print()
print('| measure | median / max | bar |')
print('|---|---|---|')
for label, name, ranges, bar, limit in rows:
    for db in ('demo', 'large'):
        v = steps(db + '-' + name, *ranges)
        if not v and db == 'large':
            continue
        mark = '' if not v or max(v) <= limit else ' (over)'
        print('| %s (%s) | %s%s | %s |' % (label, db, cell(v), mark, bar))
PYEOF
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
