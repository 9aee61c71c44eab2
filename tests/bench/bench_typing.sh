#!/bin/sh
# bench_typing.sh — what the Recommendations screen and its text editor cost
# over a slow link (DESIGN §7: a typed character at most 12 bytes; moving a
# selection at most 2L+40 bytes; CPU per key at most 0.2 ms), measured in a
# pseudo-terminal at 80x24 with the shared ttyprobe.py (or
# tests/bench/probe.py). The recommendation edited has a long first
# paragraph (8 rows) and a second one, so "end of a long paragraph" is in
# the middle of the text. Not a test: it prints a markdown table.
#
#   sh tests/bench/bench_typing.sh     (from the top of the tree; make bench
#                                      runs it after tests/bench/run.sh)
#   BENCH_WORK=DIR   keep (and reuse) the databases in DIR
#   BENCH_LARGE=0    skip the large database (tests/bench/gen_large.py)
set -u
. "$(dirname "$0")/preamble.sh"
bench_work typing
echo "bench typing: probe $probe, work folder $work"

# R1 .. R40 (preamble.sh's recs_add), the first with the long text; the
# list has more rows than the screen.
prepare() { recs_add "$1" || { echo "bench typing: prepare $1 failed" >&2; exit 1; }; }
# Own file names: make bench (tests/bench/run.sh) shares its work folder,
# whose large.db (when there) is copied rather than generated again.
[ -f "$work/recs-demo.db" ] ||
	{ "$BIN" init --db "$work/recs-demo.db" --demo >/dev/null && prepare "$work/recs-demo.db"; }
if [ "${BENCH_LARGE:-1}" = 1 ] && [ ! -f "$work/recs-large.db" ]; then
	if [ -f "$work/large.db" ]; then
		cp "$work/large.db" "$work/recs-large.db" &&
			{ [ ! -f "$work/large.db-wal" ] || cp "$work/large.db-wal" "$work/recs-large.db-wal"; } &&
			prepare "$work/recs-large.db"
	elif [ -f "$top/tests/bench/gen_large.py" ]; then
		echo "bench typing: generating the large database..."
		if "$PY" "$top/tests/bench/gen_large.py" --bin "$BIN" "$work/recs-large.db" >/dev/null; then
			prepare "$work/recs-large.db"
		else
			rm -f "$work/recs-large.db"
		fi
	fi
fi

run_probe() { # NAME DB KEYS [PROBE-OPTIONS…]
	# Each run starts from a copy: a run leaves a draft behind.
	_name=$1 _db=$2 _keys=$3
	shift 3
	cp "$_db" "$work/recs-run.db"
	rm -f "$work/recs-run.db-wal" "$work/recs-run.db-shm"
	"$PY" "$probe" --keys "$_keys" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=$NOW "$@" -- "$BIN" --db "$work/recs-run.db" >"$work/recs-$_name.json" 2>/dev/null
}

letters='abcdefghijklmnopqrstuvwxyz'
for d in demo large; do
	db="$work/recs-$d.db"
	[ -f "$db" ] || continue
	# The list: Down and Up through 40 recommendations.
	run_probe "$d-list" "$db" '5,DOWN*25,UP*10,q'
	# The editor opens with the cursor at the end of the text; Up, End:
	# the end of the long first paragraph, 8 rows long.
	run_probe "$d-para" "$db" "5,ENTER,e,UP,END,$letters,SPACE,éèàçù,ESC,q"
	# The end of the text.
	run_probe "$d-end" "$db" "5,ENTER,e,$letters,ESC,q"
	# Inside a row (the rest of the row shifts).
	run_probe "$d-mid" "$db" "5,ENTER,e,UP*4,LEFT*30,$letters,ESC,q"
	# Backspace at the end of the long paragraph; cursor moves.
	run_probe "$d-bs" "$db" '5,ENTER,e,UP,END,BS*20,LEFT*10,RIGHT*10,UP*5,DOWN*5,ESC,q'
done

PYTHONPATH="$top/tests/bench" "$PY" - "$work" <<'EOF'
import statistics, sys
from benchlib import loader, key, cpu, print_table
work = sys.argv[1]
load = loader(work, 'recs-')

def typed(d, what):
    """max or median over the typed characters (one-character labels)."""
    if not d:
        return None
    v = [s['max'] for k, s in d['keys']['by_key'].items() if len(k) == 1 and k not in '5e']
    if not v:
        return None
    return max(v) if what == 'max' else statistics.median(v)

L = 80
rows = [  # label, bar, check, getter
    ('list Down (bytes, max)', '<= 2L+40 = %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-list'), 'DOWN')),
    ('list Up (bytes, max)', '<= %d' % (2 * L + 40), lambda v: v <= 2 * L + 40, lambda p: key(load(p + '-list'), 'UP')),
    ('list CPU per key (ms, median)', '<= 0.2', lambda v: v <= 0.2, lambda p: cpu(load(p + '-list'))),
    ('typed at the end of a long paragraph, mid-text (bytes, median)', '<= 12', lambda v: v <= 12, lambda p: typed(load(p + '-para'), 'median')),
    ('typed at the end of a long paragraph, mid-text (bytes, max)', '<= 12', lambda v: v <= 12, lambda p: typed(load(p + '-para'), 'max')),
    ('typed at the end of the text (bytes, max)', '<= 12', lambda v: v <= 12, lambda p: typed(load(p + '-end'), 'max')),
    ('typed inside a row (bytes, median)', '- (rest of the row)', None, lambda p: typed(load(p + '-mid'), 'median')),
    ('typed inside a row (bytes, max)', '-', None, lambda p: typed(load(p + '-mid'), 'max')),
    ('Backspace at the end of a paragraph (bytes, max)', '-', None, lambda p: key(load(p + '-bs'), 'BS')),
    ('cursor Left/Right (bytes, max)', '-', None, lambda p: max(key(load(p + '-bs'), 'LEFT') or 0, key(load(p + '-bs'), 'RIGHT') or 0) or None),
    ('cursor Up/Down (bytes, max)', '-', None, lambda p: max(key(load(p + '-bs'), 'UP') or 0, key(load(p + '-bs'), 'DOWN') or 0) or None),
    ('editor CPU per key (ms, median)', '<= 0.2', lambda v: v <= 0.2, lambda p: cpu(load(p + '-para'))),
    ('opening the editor (bytes)', '-', None, lambda p: key(load(p + '-end'), 'e')),
    ('memory VmHWM (MB)', '<= 6', lambda v: v <= 6, lambda p: round(((load(p + '-para') or {}).get('max_rss_kb') or 0) / 1024, 2) or None),
]
print_table('Recommendations screen', rows)
EOF
# Issue 16, the editor's rows (one table, `| measure | median / max | bar |`,
# for the table of every issue-16 row): in the long paragraph, on the row
# "préparation aux épidémies … aux soins", 30 cells from its end: a..g
# typed (the row has room), h (the last word, "soins", moves down), eight
# Backspaces (the first brings "soins" back up); Enter there (the rest of
# the paragraph re-wraps) and Backspace (joined again); Enter and
# Backspace at the start of the text (every row moves down, then up).
# One word that moves to a row with room: on the row "des engagements …
# Règlement sanitaire" (69 cells of 79), 0..9 typed, x moves "sanitaire"
# down to "international.", Backspace brings it back.
# Under two terminal types, on the demo database (the bytes do not depend
# on the database).
ED_TYPE='5,ENTER,e,UP*4,LEFT*30,abcdefgh,BS*8,ESC,q'
ED_ONE='5,ENTER,e,UP*2,0123456789x,BS,ESC,q'
ED_ENTER='5,ENTER,e,UP*4,LEFT*30,ENTER,BS,ESC,q'
ED_TOP='5,ENTER,e,UP*9,HOME,ENTER,BS,ESC,q'
for t in xterm-256color screen-256color; do
	[ -f "$work/recs-demo.db" ] || break
	run_probe "ed-type-$t" "$work/recs-demo.db" "$ED_TYPE" --term $t --detail
	run_probe "ed-enter-$t" "$work/recs-demo.db" "$ED_ENTER" --term $t --detail
	run_probe "ed-top-$t" "$work/recs-demo.db" "$ED_TOP" --term $t --detail
	run_probe "ed-one-$t" "$work/recs-demo.db" "$ED_ONE" --term $t --detail
done
PYTHONPATH="$top/tests/bench" "$PY" - "$work" "$ED_TYPE" "$ED_ENTER" "$ED_TOP" "$ED_ONE" <<'EOF'
import statistics, sys
from benchlib import loader
work, scripts = sys.argv[1], dict(zip(('type', 'enter', 'top', 'one'), sys.argv[2:6]))
load = loader(work, 'recs-')


def keys_of(script):
    """The probe's step labels of a key script."""
    out = []
    for tok in script.split(','):
        k, _, n = tok.partition('*')
        if n:
            out += [k] * int(n)
        elif len(k) > 1 and not k.isupper():
            out += list(k)
        else:
            out.append(k)
    return out


def pick(name, term, after, which):
    """Bytes of the keys `which` (indexes among the keys that follow the
    labels `after`) of a run; None when absent or not as scripted."""
    d = load('ed-%s-%s' % (name, term))
    try:
        st = [(s[0], s[1]) for s in d['steps']]
    except (TypeError, KeyError, IndexError):
        return None
    keys = [k for k, _ in st]
    if keys != keys_of(scripts[name])[:len(keys)]:
        return None
    for i in range(len(keys) - len(after) + 1):
        if keys[i:i + len(after)] == after:
            rest = st[i + len(after):]
            return [rest[j][1] for j in which if j < len(rest)] or None
    return None


def fmt(v):
    return 'n/a' if not v else '%g / %g B' % (statistics.median(v), max(v))


L = 80
left = ['LEFT'] * 30
bar_line = '<= 2L+40 = %d B' % (2 * L + 40)
rows = [
    ('a character typed in the middle of a line (editor)', 'type', left, range(0, 7), '<= 12 B'),
    ('... when a word moves down, three rows re-wrap (editor)', 'type', left, [7], '<= 12 B: unreachable (README)'),
    ('... when one word moves down to a row with room (editor)', 'one', list('0123456789'), [0], '<= 12 B: unreachable (README)'),
    ('Backspace mid-line (editor)', 'type', left, range(9, 16), '<= 12 B'),
    ('... when three words move back up (editor)', 'type', left, [8], '<= 12 B: unreachable (README)'),
    ('... when one word moves back up (editor)', 'one', list('0123456789x'), [0], '<= 12 B: unreachable (README)'),
    ('Enter mid-text, the paragraph re-wraps (editor)', 'enter', left, [0], bar_line),
    ('Backspace joining it again (editor)', 'enter', left, [1], bar_line),
    ('Enter at the start of the text, every row moves down (editor)', 'top', ['HOME'], [0], bar_line),
    ('Backspace there, every row moves up (editor)', 'top', ['HOME'], [1], bar_line),
]
print()
print('| measure | median / max | bar |')
print('|---|---|---|')
for term in ('xterm-256color', 'screen-256color'):
    for label, name, after, which, bar in rows:
        print('| %s, TERM=%s | %s | %s |' % (label, term, fmt(pick(name, term, after, list(which))), bar))
EOF
rm -f "$work/recs-run.db" "$work/recs-run.db-wal" "$work/recs-run.db-shm"
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
