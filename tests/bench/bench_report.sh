#!/bin/sh
# bench_report.sh — the meeting report's figures (issue 13), not a test:
# time and peak memory of the HTML report of the demo session and of a
# generated session of 10,000 interventions and 200 recommendations, with
# the ODT and Akoma Ntoso reports of the large one, and the CSV export of
# the same session run side by side (A B A B …, the ratio taken pair by
# pair; bar: the HTML report within 3x the export, memory under 20 MB).
# Peak memory is GNU time's %M (maxrss). Prints a markdown table. BENCH_WORK=DIR reuses the databases in DIR.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
export RAPPORTEUR_NOW=2026-11-23T08:00:00+04:00
work=${BENCH_WORK:-$(mktemp -d /tmp/rapporteur-benchreport.XXXXXX)}
mkdir -p "$work"
cd "$work" || exit 2

[ -f rep_demo.db ] || "$BIN" init --db rep_demo.db --demo >/dev/null || exit 2
if [ ! -f rep_large.db ]; then
	cp rep_demo.db rep_large.db
	# 12 items of about 833 interventions, 200 recommendations (half adopted).
	$PY - >large.cmds <<'PY'
codes = ['COM', 'MDG', 'MUS', 'FRA', 'SYC', 'IOM', 'ZAF']
n = 0
print('clock 2026-11-23T08:30')
for item in range(1, 13):
    print('start %d' % item)
    for k in range(834 if item <= 4 else 833):
        if n == 10000: break
        print('floor %s' % codes[n % len(codes)])
        print('yield "Intervention %d : la délégation souligne l\'importance de l\'accès '
              'des travailleurs migrants aux soins, de la portabilité des droits sociaux '
              'et de la coopération régionale en matière de veille sanitaire."' % n)
        n += 1
print('end')
for r in range(1, 201):
    print('rec+ %s "Recommandation %d" "Les États membres renforcent la coopération '
          'régionale (%d) sur la santé des migrants, y compris la couverture sanitaire '
          'des travailleurs saisonniers et l\'échange de données."' % (codes[r % 5], r, r))
    if r % 2: print('adopt %d' % r)
PY
	"$BIN" run --db rep_large.db large.cmds >/dev/null 2>&1 || { echo "bench_report: generation failed" >&2; exit 2; }
fi
$PY - "$BIN" <<'PY'
import os, subprocess, sys, time, statistics, shutil
bin_ = sys.argv[1]
def run(args):
    """Wall seconds and peak RSS (MB) of one run; the peak from GNU time
    (its own small process waits for the program: wait4's maxrss)."""
    for f in ('r.html', 'r.odt', 'r.xml'):
        if os.path.exists(f): os.remove(f)
    shutil.rmtree('out', ignore_errors=True)
    t0 = time.monotonic()
    rc = subprocess.call(['/usr/bin/time', '-f', '%M', '-o', 'rss.txt'] + args,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.monotonic() - t0
    if rc != 0: sys.exit('bench_report: %s failed' % ' '.join(args))
    return t, int(open('rss.txt').read().split()[-1]) / 1024
def rep(db, out): return [bin_, 'report', '--db', db, '--session', '1', '--out', out, '--lang', 'fr']
def exp(db): return [bin_, 'export', '--db', db, '--session', '1', '--out', 'out']
def median(xs): return statistics.median(xs)
rows = []
for name, args in (('HTML report, demo session', rep('rep_demo.db', 'r.html')),
                   ('ODT report, large session', rep('rep_large.db', 'r.odt')),
                   ('Akoma Ntoso report, large session', rep('rep_large.db', 'r.xml'))):
    run(args)
    ms = [run(args) for _ in range(5)]
    rows.append((name, median([m[0] for m in ms]), max(m[1] for m in ms), ''))
run(rep('rep_large.db', 'r.html')); run(exp('rep_large.db'))
a, b, ratio = [], [], []
for _ in range(7):
    x = run(rep('rep_large.db', 'r.html')); y = run(exp('rep_large.db'))
    a.append(x); b.append(y); ratio.append(x[0] / y[0])
rows.insert(1, ('HTML report, large session', median([m[0] for m in a]), max(m[1] for m in a),
                'x%.2f the export (bar 3)' % median(ratio)))
rows.insert(2, ('CSV export, large session (side by side)', median([m[0] for m in b]),
                max(m[1] for m in b), ''))
size = os.path.getsize('r.xml') if os.path.exists('r.xml') else 0
print('\n### Meeting report (large: 10,000 interventions, 200 recommendations)\n')
print('| measure | time (median) | peak memory (bar 20 MB) | note |')
print('|---|---|---|---|')
for name, t, mb, note in rows:
    print('| %s | %.3f s | %.1f MB | %s |' % (name, t, mb, note))
PY
