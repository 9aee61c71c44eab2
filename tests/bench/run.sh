#!/bin/sh
# run.sh — `make bench`: what the screen costs over a slow link (DESIGN §7),
# on the demo database and on a large one (tests/bench/gen_large.py:
# 10,000 sessions, 1,000,000 journal rows), in a pseudo-terminal at 80x24.
# Not a test: it prints figures against the bars as a markdown table.
#
# The probe is the shared ttyprobe.py (../shared/tools, or $TTYPROBE) when
# present, else tests/bench/probe.py (same measures, fewer fields).
#   BENCH_FULL=1   idle measured over 60 s instead of 10 s, full-size large db
#   BENCH_KEEP=DIR keep (and reuse) the databases in DIR
#   BENCH_ONLY=16  only issue 16's table (and bench_typing.sh, which it reads)
# Last, issue 16's table (tests/bench/issue16.py): every key against its
# bar, with tig, ncdu and htop measured in the same run.
# Other benchmarks (tests/bench/bench_*.sh) run after this one.
set -u
. "$(dirname "$0")/preamble.sh"
idle=10
[ "${BENCH_FULL:-}" = 1 ] && idle=60
work=${BENCH_KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-bench.XXXXXX")}
mkdir -p "$work"
echo "bench: probe $probe, work folder $work"

# The state measured: item 3 running with 300 interventions (the log
# scrolls), and MUS holding the floor (the summary line can be typed).
prepare() { # DB
	{
		echo "clock $NOW"
		echo "start 3"
		i=0
		while [ $i -lt 300 ]; do
			echo "floor MDG"
			echo "yield \"Intervention $i: la santé des migrants aux frontières\""
			i=$((i + 1))
		done
		echo "q+ COM"
		echo "q+ IOM"
		echo "q+ SYC"
		echo "floor MUS"
		more
	} | "$BIN" run --db "$1" - >/dev/null || { echo "bench: prepare $1 failed" >&2; exit 1; }
}
# Every list longer than a page (issue 16's page edges): 16 more agenda
# items, 40 delegates in MUS, 12 proposals with positions (more than the
# grid's columns, so Left/Right shifts it). The Recommendations list is
# bench_typing.sh's (recs-*.db: 40 recommendations).
more() {
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
	i=1
	while [ $i -le 12 ]; do
		echo "propose workshop \"Thème $i : migration de travail et santé\""
		for c in COM FRA MDG MUS SYC; do
			case $(((i + ${#c}) % 3)) in
			0) p=support ;; 1) p=abstain ;; *) p=object ;;
			esac
			echo "position $i $c $p"
		done
		i=$((i + 1))
	done
}

if [ ! -f "$work/demo.db" ]; then
	"$BIN" init --db "$work/demo.db" --demo >/dev/null && prepare "$work/demo.db"
fi
if [ ! -f "$work/large.db" ]; then
	gen="$top/tests/bench/gen_large.py"
	[ -f "$gen" ] || gen="$top/tests/bench/gen_large_ui.py"
	echo "bench: generating the large database ($gen)..."
	"$PY" "$gen" --bin "$BIN" "$work/large.db" >/dev/null && prepare "$work/large.db"
fi

run_probe() { # NAME DB KEYS [PROBE-ARGS] -- [RAPPORTEUR-ARGS]
	# Its own names: the callers' loops keep their $db.
	rp_name=$1 rp_db=$2 rp_keys=$3
	shift 3
	pargs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do pargs="$pargs $1"; shift; done
	[ $# -gt 0 ] && shift
	# shellcheck disable=SC2086
	"$PY" "$probe" --keys "$rp_keys" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=$NOW $pargs -- "$BIN" --db "$rp_db" "$@" >"$work/$rp_name.json" 2>/dev/null
}

only16=${BENCH_ONLY:-}
for d in demo large; do
	db="$work/$d.db"
	[ -f "$db" ] && [ "$only16" != 16 ] || continue
	# Enough keys for steady medians; the moves stay inside the 12 items
	# of the agenda and the 11 visible rows of the log, then page.
	run_probe "$d-agenda" "$db" 'DOWN*11,UP*11,DOWN*11,UP*11,PGDN,PGUP,q'
	run_probe "$d-lowbw" "$db" 'DOWN*11,UP*11,DOWN*11,UP*11,q' -- --low-bandwidth
	run_probe "$d-log" "$db" '2,RIGHT,UP*10,DOWN*10,UP*10,DOWN*10,PGUP*3,PGDN*2,q'
	run_probe "$d-type" "$db" '2,y,C-u,abcdefghijklmnopqrstuvwxz,éèàç,ESC,q'
	run_probe "$d-idle" "$db" 'q' --idle "$idle"
done
# The real clock: the title-bar minute may change once during the idle time.
[ "$only16" = 16 ] || "$PY" "$probe" --keys 'q' --idle "$idle" --env TZ="$TZ" --env LC_ALL=C.UTF-8 -- \
	"$BIN" --db "$work/demo.db" >"$work/demo-idle-clock.json" 2>/dev/null

[ "$only16" = 16 ] || PYTHONPATH="$top/tests/bench" "$PY" - "$work" "$idle" <<'EOF'
import sys
from benchlib import loader, key, cpu, print_table
work, idle = sys.argv[1], sys.argv[2]
load = loader(work)

def typed(d):
    if not d:
        return None
    v = [s['max'] for k, s in d['keys']['by_key'].items()
         if len(k) == 1 and k.isalpha() and k != 'y']  # y opens the line
    return max(v) if v else None

L = 80
rows = [  # label, bar text, check, getter
    ('first paint (bytes)', '<= 2500', lambda v: v <= 2500, lambda p: (load(p + '-agenda') or {}).get('first_paint_bytes')),
    ('first paint (ms)', '-', None, lambda p: (load(p + '-agenda') or {}).get('first_paint_ms')),
    ('agenda Down (bytes, max)', '<= 2L+40 = %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-agenda'), 'DOWN')),
    ('agenda Up (bytes, max)', '<= %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-agenda'), 'UP')),
    ('agenda PgDn (bytes)', '-', None, lambda p: key(load(p + '-agenda'), 'PGDN')),
    ('agenda writes per key (median)', '1', lambda v: v <= 1, lambda p: (load(p + '-agenda') or {}).get('keys', {}).get('reads_median')),
    ('agenda CPU per key (ms, median)', '<= 0.2', lambda v: v <= 0.2, lambda p: cpu(load(p + '-agenda'))),
    ('low-bandwidth Down (bytes, max)', '<= 25', lambda v: v <= 25, lambda p: key(load(p + '-lowbw'), 'DOWN')),
    ('log Down (bytes, max)', '<= %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-log'), 'DOWN')),
    ('log Up (bytes, max)', '<= %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-log'), 'UP')),
    ('log PgUp (bytes, max)', '-', None, lambda p: key(load(p + '-log'), 'PGUP')),
    ('log CPU per key (ms, median)', '<= 0.2', lambda v: v <= 0.2, lambda p: cpu(load(p + '-log'))),
    ('typed character (bytes, max)', '<= 12', lambda v: v <= 12, lambda p: typed(load(p + '-type'))),
    ('idle, clock fixed (bytes/s over %s s)' % idle, '0', lambda v: v == 0, lambda p: (load(p + '-idle') or {}).get('idle_bytes_per_s')),
    ('memory VmHWM (MB)', '<= 6', lambda v: v <= 6, lambda p: round(((load(p + '-agenda') or {}).get('max_rss_kb') or 0) / 1024, 2) or None),
]
print_table('measure', rows)
clock = load('demo-idle-clock')
if clock:
    print('\nidle with the real clock (demo): %s bytes/s over %s s (the title-bar minute may change once)'
          % (clock.get('idle_bytes_per_s'), idle))
EOF

for b in "$top"/tests/bench/bench_*.sh; do
	[ "$only16" = 16 ] && [ "${b##*/}" != bench_typing.sh ] && continue
	[ -f "$b" ] && RAPPORTEUR_BIN="$BIN" BENCH_WORK="$work" sh "$b"
done

# ---- issue 16: every key at the floor, one table (tests/bench/issue16.py) ----
# The reference programs, measured in this same run: installed when
# missing (as root), else the table says they were not measured.
sh "$top/scripts/deps.sh" --check bench || sh "$top/scripts/deps.sh" bench ||
	echo "bench: tig, ncdu, htop or valgrind missing: their rows say so"
ref_probe() { # NAME DIR KEYS [PROBE-ARGS] -- COMMAND...
	rf_name=$1 rf_dir=$2 rf_keys=$3
	shift 3
	rf_args=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do rf_args="$rf_args $1"; shift; done
	[ $# -gt 0 ] && shift
	command -v "$1" >/dev/null 2>&1 || { rm -f "$work/$rf_name.json"; return; }
	# shellcheck disable=SC2086
	(cd "$rf_dir" && "$PY" "$probe" --keys "$rf_keys" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--detail $rf_args -- "$@") >"$work/$rf_name.json" 2>/dev/null
}
# The key script of each screen's moves (the CPU and bytes rows): 25
# moves down then up, from the top (past the page's edge where the list
# is longer than the page; Floor: its log); Themes Left/Right.
screen_keys() { # SCREEN
	case $1 in
	2) echo '2,RIGHT,UP*25,DOWN*25,UP*5,q' ;;
	themes) echo '4,RIGHT*11,LEFT*11,RIGHT*11,q' ;;
	*) echo "$1,DOWN*25,UP*25,DOWN*5,q" ;;
	esac
}
screen_db() { # SCREEN DB-NAME: Recommendations: bench_typing.sh's 40
	if [ "$1" = 5 ] && [ -f "$work/recs-$2.db" ]; then echo "$work/recs-$2.db"; else echo "$work/$2.db"; fi
}
moves='DOWN*25,UP*25,q'
ref_probe ref-tig "$top" "$moves" -- tig
ref_probe ref-ncdu "$top" "$moves" -- ncdu -x "$top"
ref_probe ref-htop "$top" "$moves" -- htop -d 600
mem_words='Les ministres de la santé '
mem_line='Le rapport annuel est présenté au Comité.'
mem="$work/i16-mem.db"
for d in demo large; do
	db="$work/$d.db"
	[ -f "$db" ] || continue
	# A start on the large file under load can take seconds (quick_check):
	# the keys wait for the first paint (the probe waits for it at most
	# --step-timeout seconds, whatever --first-timeout says).
	w="--first-timeout 60 --step-timeout 60"
	for s in 1 2 3 4 5 6 7; do
		run_probe "$d-i16-scr$s" "$(screen_db $s $d)" "$(screen_keys $s)" --detail $w
	done
	run_probe "$d-i16-themes" "$db" "$(screen_keys themes)" --detail $w
	run_probe "$d-i16-themes-lowbw" "$db" '4,RIGHT*11,LEFT*11,RIGHT*11,q' --detail $w -- --low-bandwidth
	# Every switch, by number and by Tab; the raw output replayed in
	# pyte gives what differs between the two screens.
	run_probe "$d-i16-switch" "$db" '2,3,4,5,6,7,1,TAB*7,BTAB*2,q' --detail $w --dump "$work/$d-i16-switch.dump"
	# Memory at 200x60: every screen, then the editor on R1 (a copy with
	# preamble.sh's 40 recommendations): words typed at the start of its
	# second row move words down the rows below, then a line typed after
	# the text; Esc keeps the draft.
	rm -f "$mem" "$mem-wal" "$mem-shm"
	cp "$db" "$mem" && { [ ! -f "$db-wal" ] || cp "$db-wal" "$mem-wal"; } && recs_add "$mem" &&
		run_probe "$d-i16-mem" "$mem" "2,3,4,5,6,7,1,DOWN*5,5,ENTER,e,UP*2,HOME,$mem_words,DOWN*2,END,ENTER,$mem_line,ESC,q" \
			--size 200x60 $w
	# The editor inside a row: Backspace mid-line, Enter mid-text (the
	# recommendation of bench_typing.sh with its long first paragraph).
	if [ -f "$work/recs-$d.db" ]; then
		cp "$work/recs-$d.db" "$work/i16-run.db"
		rm -f "$work/i16-run.db-wal" "$work/i16-run.db-shm"
		run_probe "$d-i16-edit" "$work/i16-run.db" '5,ENTER,e,UP*4,LEFT*30,BS*8,ENTER,ENTER,ESC,q' --detail $w
	fi
	# Start-up: instructions from start to the session opened (run with
	# an empty script; the time-bounded quick_check off, as it reads the
	# whole file by design).
	if command -v valgrind >/dev/null 2>&1; then
		: | RAPPORTEUR_CHECK_MS=0 valgrind --tool=callgrind --callgrind-out-file="$work/$d-i16-start.cg" \
			"$BIN" run --db "$db" - >/dev/null 2>&1
	fi
done
rm -f "$work/i16-run.db" "$work/i16-run.db-wal" "$work/i16-run.db-shm" "$mem" "$mem-wal" "$mem-shm"

# CPU per key against tig's, robust to the load of a shared machine:
# BENCH_ROUNDS rounds (3); in each, tig runs before, between every two
# and after our screens, on each database, so that a burst of load hits
# both alike. issue16.py compares each screen with the two tig runs
# around it, and gives the median of the rounds and their spread.
# The start-up quick_check is off (it is no key's cost: a start-up row
# of its own).
rounds=${BENCH_ROUNDS:-3}
rm -f "$work"/cpu[0-9]*-*.json # a kept folder's rounds of an earlier run
quiet="--quiet-ms 60 --first-timeout 60 --step-timeout 60 --env RAPPORTEUR_CHECK_MS=0"
r=1
while [ "$r" -le "$rounds" ]; do
	for d in demo large; do
		[ -f "$work/$d.db" ] || continue
		t=0 n=0
		ref_probe "cpu$r-$d-tig$t" "$top" "$moves" $quiet -- tig
		for s in 1 2 3 4 5 6 7 themes; do
			run_probe "cpu$r-$d-$s" "$(screen_db $s $d)" "$(screen_keys $s)" --detail $quiet
			n=$((n + 1))
			[ $((n % 2)) = 0 ] || continue
			t=$((t + 1))
			ref_probe "cpu$r-$d-tig$t" "$top" "$moves" $quiet -- tig
		done
	done
	r=$((r + 1))
done

# Instructions per key (callgrind; the same on a quiet or a loaded
# machine): ours dumps its counts before each key is read (each dump
# holds one key's work: resolving it, the screen's handling, the update
# sent); tig's before each wgetch. One run per database through every
# screen (Recommendations on its own file), one run of tig. Ours paints
# every key even when the next is already there (no typeahead check):
# its keys need not wait long; tig's (typeahead) wait for its update.
cg_run() { # NAME DIR DUMP-FUNCTION QUIET-MS -- COMMAND... (keys: WORK/NAME.keys)
	cg_name=$1 cg_dir=$2 cg_fn=$3 cg_quiet=$4
	shift 5
	rm -f "$work/$cg_name".cg*
	cg_keys=$(cut -f2 "$work/$cg_name.keys" | paste -sd,),q
	(cd "$cg_dir" && "$PY" "$probe" --keys "$cg_keys" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env TZ="$TZ" --env RAPPORTEUR_NOW=$NOW --env RAPPORTEUR_CHECK_MS=0 \
		--first-timeout 120 --step-timeout 120 --exit-timeout 60 --quiet-ms "$cg_quiet" -- \
		valgrind -q --tool=callgrind --dump-before="$cg_fn" --compress-strings=no --compress-pos=no \
		--callgrind-out-file="$work/$cg_name.cg" "$@") >"$work/$cg_name.json" 2>/dev/null
}
segment() { # NAME KEYS: one line of a .keys file (the keys without the quit)
	printf '%s\t%s\n' "$1" "${2%,q}"
}
if command -v valgrind >/dev/null 2>&1; then
	if command -v tig >/dev/null 2>&1; then
		segment tig "$moves" >"$work/ir-tig.keys"
		cg_run ir-tig "$top" wgetch 200 -- tig
	fi
	for d in demo large; do
		[ -f "$work/$d.db" ] || continue
		for s in 1 2 3 4 themes 6 7; do segment $s "$(screen_keys $s)"; done >"$work/ir-$d.keys"
		cg_run "ir-$d" "$top" keys_get 60 -- "$BIN" --db "$work/$d.db"
		segment 5 "$(screen_keys 5)" >"$work/ir-$d-5.keys"
		cg_run "ir-$d-5" "$top" keys_get 60 -- "$BIN" --db "$(screen_db 5 $d)"
	done
fi
"$PY" "$top/tests/bench/issue16.py" "$work"
[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
