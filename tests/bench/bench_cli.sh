#!/bin/sh
# bench_cli.sh — the command line's figures (DESIGN §7), not a test:
#  - `rapporteur run` of 10,000 commands (notes and floor cycles), each its
#    own transaction and journal row;
#  - `rapporteur export` of the demo session, and of the large database's
#    current session (100,000 journal rows) against `sqlite3 -csv` running
#    the same queries on the same file (bar: within 1.5x).
# Prints a markdown table. BENCH_WORK=DIR reuses the databases in DIR.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
work=${BENCH_WORK:-$(mktemp -d /tmp/rapporteur-benchcli.XXXXXX)}
mkdir -p "$work"
cd "$work" || exit 2

# Seconds (3 decimals) of the best of N runs of a command.
best() { # N cmd...
	n=$1; shift; b=""
	for _ in $(seq "$n"); do
		t0=$($PY -c 'import time; print(time.monotonic())')
		"$@" >/dev/null 2>&1
		t1=$($PY -c 'import time; print(time.monotonic())')
		b=$($PY -c "t=$t1-$t0; b='$b'; print('%.3f' % (t if not b or t < float(b) else float(b)))")
	done
	echo "$b"
}

rm -f cli_demo.db* cli_run.db*
"$BIN" init --db cli_demo.db --demo >/dev/null || exit 2
$PY - >cmds.txt <<'PY'
print('start 3')
for i in range(10000):
    r = i % 4
    if r == 0: print('note "Note %d : échange sur la mobilité de main-d\'œuvre"' % i)
    elif r == 1: print('q+ MUS')
    elif r == 2: print('floor')
    else: print('yield "Résumé %d"' % i)
PY
cp cli_demo.db cli_run.db
run_s=$(best 1 "$BIN" run --db cli_run.db cmds.txt)
stored=$(sqlite3 cli_run.db "SELECT count(*) FROM journal")
# The same 10,000 commands with synchronous=FULL (the screen's setting:
# one fsync per committed action), and the cost of one action each way.
cp cli_demo.db cli_full.db
full_s=$(export RAPPORTEUR_SYNC_FULL=1; best 1 "$BIN" run --db cli_full.db cmds.txt)
per_normal=$($PY -c "print('%.3f' % ($run_s * 1000 / 10000))")
per_full=$($PY -c "print('%.3f' % ($full_s * 1000 / 10000))")
# A backup of the demo database (SQLite's online backup API).
backup_s=$(best 5 sh -c "rm -f b.db; '$BIN' backup --db cli_run.db b.db")
rm -rf out out_sql; demo_s=$(best 5 sh -c "rm -rf out; '$BIN' export --db cli_demo.db --session 1 --out out")

large="$work/large.db"
if [ ! -f "$large" ]; then
	large="$work/cli_large.db"
	[ -f "$large" ] || $PY "$top/tests/bench/gen_large.py" --bin "$BIN" "$large" >/dev/null 2>&1 ||
		large=""
fi
if [ -n "$large" ] && [ -f "$large" ]; then
	s=$(sqlite3 "$large" "SELECT id FROM session ORDER BY status = 'open' DESC, id DESC LIMIT 1")
	rows=$(sqlite3 "$large" "SELECT count(*) FROM journal WHERE session_id = $s")
	exp_s=$(best 3 sh -c "rm -rf out; '$BIN' export --db '$large' --session $s --out out")
	cat >q.sql <<SQL
.headers on
.mode csv
.output out_sql/agenda.csv
SELECT num, title, kind, status, planned_start, planned_minutes, actual_start, actual_end, moderator FROM agenda_item WHERE session_id = $s ORDER BY pos, num;
.output out_sql/attendance.csv
SELECT d.code, d.type, g.name, g.function, g.level, g.entity, g.category, g.head, g.present, g.arrived, g.left_at FROM delegate g JOIN delegation d ON d.id = g.delegation_id WHERE g.session_id = $s ORDER BY CASE d.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END, d.code, g.name;
.output out_sql/interventions.csv
SELECT a.num, i.seq, d.code, d.type, i.speaker, i.speech_type, i.start, i.end, i.summary FROM intervention i JOIN agenda_item a ON a.id = i.item_id JOIN delegation d ON d.id = i.delegation_id WHERE i.session_id = $s ORDER BY a.pos, a.num, i.seq;
.output out_sql/minutes.csv
SELECT seq, time, item, event, delegation, actor, detail, json_extract(args, '\$[0]'), json_extract(args, '\$[1]'), json_extract(args, '\$[2]'), json_extract(args, '\$[3]'), json_extract(args, '\$[4]'), json_extract(args, '\$[5]'), json_extract(args, '\$[6]'), json_extract(args, '\$[7]'), json_extract(args, '\$[8]'), json_extract(args, '\$[9]'), json_extract(args, '\$[10]') FROM journal WHERE session_id = $s ORDER BY seq;
SQL
	sql_s=$(best 3 sh -c "rm -rf out_sql; mkdir out_sql; sqlite3 '$large' <q.sql")
	ratio=$($PY -c "print('%.2f' % ($exp_s / $sql_s))")
fi

echo
echo "| measure | figure |"
echo "|---|---|"
echo "| \`run\` of 10,000 commands (one transaction + journal row each) | ${run_s} s ($stored journal rows) |"
echo "| the same with \`synchronous=FULL\` (the screen's default: one fsync per action) | ${full_s} s |"
echo "| one action: NORMAL / FULL | ${per_normal} ms / ${per_full} ms |"
echo "| \`backup\` of the database after that run ($(du -k cli_run.db | cut -f1) KB) | ${backup_s} s |"
echo "| \`export\` of the demo session (11 files) | ${demo_s} s |"
if [ -n "${exp_s:-}" ]; then
	echo "| \`export\` of a session with $rows journal rows (large db) | ${exp_s} s |"
	echo "| \`sqlite3 -csv\`, same queries, same file | ${sql_s} s |"
	echo "| ratio (bar: <= 1.5) | ${ratio} |"
fi
rm -rf out out_sql cmds.txt q.sql cli_demo.db* cli_run.db*
[ -n "${BENCH_WORK:-}" ] || rm -rf "$work"
