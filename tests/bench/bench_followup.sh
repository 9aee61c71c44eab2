#!/bin/sh
# bench_followup.sh — screen 7 (Follow-up) over a slow link (DESIGN §7,
# issue 14): on a generated archive of the MIDSA process (15 member states)
# with 20 sessions × 50 adopted recommendations and 10,000 follow-up
# reports, first paint of screen 7, Down/Up in the grid, Left/Right between
# states (the grid shifts past the visible ones), the actions and the
# representation views, CPU per key and memory, in a pseudo-terminal at
# 80x24; and the query plans of its reads (no full scan). Not a test: it
# prints figures as a markdown table.
#   sh tests/bench/bench_followup.sh        BENCH_WORK=DIR keeps the database
set -u
. "$(dirname "$0")/preamble.sh"
bench_work fu
db=$work/archive.db
echo "bench followup: probe $probe, work folder $work"

if [ ! -f "$db" ]; then
	"$BIN" init --db "$db" --fixtures "$top/fixtures/midsa" >/dev/null || exit 1
	# The archive, written straight into the file (the commands would take
	# minutes for 1,000 adoptions): 20 yearly sessions, the last open.
	"$PY" - "$db" <<'PY'
import random, sqlite3, sys
random.seed(14)
c = sqlite3.connect(sys.argv[1])
proc = c.execute("SELECT min(id) FROM process").fetchone()[0]
members = [r[0] for r in c.execute("SELECT id FROM delegation WHERE process_id = ? AND type = 'member' ORDER BY code", (proc,))]
lv = c.execute("SELECT code FROM level ORDER BY rank DESC").fetchall()
statuses = ['not_started', 'in_progress', 'implemented', 'not_applicable']
reports = 0
for y in range(20):
    st = 'open' if y == 19 else 'closed'
    cur = c.execute("INSERT INTO session (process_id, title, start_date, status, created_at) VALUES (?, ?, ?, ?, ?)",
                    (proc, 'Session %d' % (2007 + y), '%d-11-20' % (2007 + y), st, '%d-11-01T00:00:00+04:00' % (2007 + y)))
    s = cur.lastrowid
    for m in members:
        c.execute("INSERT INTO delegate (session_id, delegation_id, name, level, category, head, present) VALUES (?, ?, ?, ?, 'interior', 1, 1)",
                  (s, m, 'Head %d' % m, random.choice(lv)[0]))
    for n in range(1, 51):
        cur = c.execute("INSERT INTO recommendation (session_id, num, title, author_id, status, adopted_at, created_at) VALUES (?, ?, ?, ?, 'adopted', ?, ?)",
                        (s, n, 'Recommandation %d de la session %d' % (n, 2007 + y), random.choice(members),
                         '%d-11-21T12:00:00+04:00' % (2007 + y), '%d-11-20T10:00:00+04:00' % (2007 + y)))
        r = cur.lastrowid
        for m in members:
            if reports < 10000 and random.random() < 0.67:
                row = (r, m, random.choice(statuses), 'note', '2026-01-01T10:00:00+04:00', 'bench', s)
                c.execute("INSERT INTO followup VALUES (?, ?, ?, ?, ?, ?, ?)", row)
                c.execute("INSERT INTO followup_history (rec_id, delegation_id, status, note, reported_at, reported_by, session_id) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
                reports += 1
    for a in range(5):
        c.execute("INSERT INTO action (process_id, num, owner, text, due, opened_in, opened_at) VALUES (?, ?, 'secretariat', ?, ?, ?, ?)",
                  (proc, y * 5 + a + 1, 'Action %d' % (y * 5 + a + 1), '%d-06-30' % (2008 + y), s, '%d-11-20T10:00:00+04:00' % (2007 + y)))
c.commit()
print(reports)
PY
fi
last=$(sqlite3 "$db" "SELECT max(id) FROM session")

run_probe() { # NAME KEYS
	"$PY" "$probe" --keys "$2" --env TZ="$TZ" --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		--env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 -- "$BIN" --db "$db" --session "$last" \
		>"$work/$1.json" 2>/dev/null
}
run_probe fu-grid '7,DOWN*15,UP*15,RIGHT*14,LEFT*14,PGDN,PGUP,q'
run_probe fu-views '7,v,DOWN*10,UP*10,v,DOWN*10,UP*10,q'

# Query plans of the screen's reads: no SCAN of a table but the tiny ones
# the join starts from (session by id).
plans=$(sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT r.id FROM session cur JOIN session s ON s.process_id = cur.process_id AND s.id <= cur.id JOIN recommendation r ON r.session_id = s.id AND r.status IN ('adopted','submitted') JOIN followup_overall o ON o.rec_id = r.id WHERE cur.id = $last ORDER BY r.session_id, r.num LIMIT 20 OFFSET 900;
EXPLAIN QUERY PLAN SELECT d.code, f.status FROM followup f JOIN delegation d ON d.id = f.delegation_id WHERE f.rec_id = 500;" | grep -c 'SCAN')
echo "followup reads: $plans full scans in the query plans"

PYTHONPATH="$top/tests/bench" "$PY" - "$work" <<'PY'
import sys
from benchlib import loader, key, cpu
load = loader(sys.argv[1])
g, v = load('fu-grid') or {}, load('fu-views') or {}
L = 80
rows = [
    ('screen 7 first paint after 7 (bytes)', '<= 2500', key(g, '7')),
    ('grid Down (bytes, max)', '<= %d' % (2 * L + 40), key(g, 'DOWN')),
    ('grid Up (bytes, max)', '<= %d' % (2 * L + 40), key(g, 'UP')),
    ('grid Right (bytes, max; includes grid shifts)', '-', key(g, 'RIGHT')),
    ('grid Right (bytes, median)', '-', key(g, 'RIGHT', 'median')),
    ('grid PgDn (bytes)', '-', key(g, 'PGDN')),
    ('CPU per key, grid (ms, median)', '<= 0.2', cpu(g)),
    ('actions / representation Down (bytes, max)', '<= %d' % (2 * L + 40), key(v, 'DOWN')),
    ('CPU per key, views (ms, median)', '<= 0.2', cpu(v)),
    ('memory VmHWM (MB)', '<= 6', round((g.get('max_rss_kb') or 0) / 1024, 2) or None),
]
print('\n| screen 7, archive of 20 sessions × 50 recommendations × 15 states, 10,000 reports | bar | figure |')
print('|---|---|---|')
for label, bar, val in rows:
    print('| %s | %s | %s |' % (label, bar, 'n/a' if val is None else val))
PY
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
