#!/usr/bin/python3
"""issue16.py WORK — the one table of issue 16 (every key at the floor),
printed by `make bench` (tests/bench/run.sh) from the probe results it
left in WORK: | measure | demo | large | bar | met? |.

Sources, all in WORK (tests/bench/run.sh makes them):
  {demo,large}-i16-scrN.json     screen N: 25 moves down, 25 up (--detail)
  {demo,large}-i16-themes*.json  Themes Left/Right (and --low-bandwidth)
  {demo,large}-i16-switch.*      every screen switch, with its raw output
  {demo,large}-i16-mem.json      every screen at 200x60, then R1 typed in the editor
  {demo,large}-i16-edit.json     the editor: Backspace mid-line, Enter mid-text
  recs-{demo,large}-mid.json     bench_typing.sh: characters typed inside a row
  {demo,large}-i16-start.cg      callgrind of a start (run, empty script)
  ref-{tig,ncdu,htop}.json       the reference programs, same run
  cpuR-{demo,large}-{S,tigT}.json  round R of the CPU rows: tig before,
                                 between every two of our screens, after
  ir-{tig,demo,large,demo-5,large-5}.cg.N, .keys
                                 callgrind, one dump before each key read;
                                 .keys: the key script, one segment a line

"What differs" between two screens: both screens are replayed from the
program's own output in pyte; the cells that change are costed as the
cheapest encoder would send them: a cursor address per run of changed
cells (runs closer than 5 cells merged), each character's UTF-8 bytes,
an SGR sequence at each change of colours or attributes, and an erase to
the end of the line for a blank tail."""
import ast
import json
import os
import statistics
import sys

WORK = sys.argv[1]
L = 80


def load(name):
    try:
        with open(os.path.join(WORK, name + '.json')) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def steps(d, keys=None):
    """The probe's steps [key, bytes, latency, cpu], without the quit key."""
    if not d or 'steps' not in d:
        return []
    out = d['steps']
    if d.get('exit_step') and out:
        out = out[:-1]  # the quit key
    return [s for s in out if keys is None or s[0] in keys]


def runs(st):
    """(key, k-th in a row of that key, step) for each step."""
    k, prev = 0, None
    for s in st:
        k = k + 1 if s[0] == prev else 1
        prev = s[0]
        yield s[0], k, s


MOVES = ('DOWN', 'UP', 'LEFT', 'RIGHT')


def cpu_moves(d):
    v = [s[3] for s in steps(d, MOVES) if s[3] is not None]
    return round(statistics.median(v), 3) if v else None


def fmt_mm(v):
    return '%s / %s' % (round(statistics.median(v)), max(v)) if v else None


# ---- what differs between two screens ----

def snapshot(screen):
    rows = []
    for y in range(screen.lines):
        line = screen.buffer[y]
        rows.append([(line[x].data, line[x].fg, line[x].bg, line[x].bold, line[x].reverse,
                      line[x].underscore) for x in range(screen.columns)])
    return rows


def sgr_len(a):
    _, fg, bg, bold, rev, und = a
    p = ['0']
    if bold:
        p.append('1')
    if und:
        p.append('4')
    if rev:
        p.append('7')
    for c in (fg, bg):
        if c != 'default':
            p.append('38;5;nnn' if len(c) == 6 else '3x')
    return len('\x1b[' + ';'.join(p) + 'm')


def attr(c):
    return (None,) + c[1:]


def differs(old, new):
    """Bytes the cheapest encoder needs to turn old into new."""
    total, cur = 0, attr(('', 'default', 'default', False, False, False))
    for y, (o, n) in enumerate(zip(old, new)):
        cols = [x for x in range(len(n)) if o[x] != n[x]]
        if not cols:
            continue
        last = max((x for x in range(len(n)) if n[x][0] not in (' ', '') or n[x][2] != 'default'),
                   default=-1)
        groups, start, end = [], cols[0], cols[0]
        for x in cols[1:]:
            if x - end <= 5:
                end = x
            else:
                groups.append((start, end))
                start = end = x
        groups.append((start, end))
        for a, b in groups:
            total += len('\x1b[%d;%dH' % (y + 1, a + 1))
            for x in range(a, b + 1):
                if x > last:
                    total += 3  # erase to the end of the line
                    break
                if attr(n[x]) != cur:
                    cur = attr(n[x])
                    total += sgr_len(n[x])
                total += len(n[x][0].encode())
    return total


def switches(prefix):
    """[(key, bytes sent, bytes that differ)] for each switch step."""
    try:
        import pyte
    except ImportError:
        return None
    path = os.path.join(WORK, prefix + '-i16-switch.dump')
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return None
    screen = pyte.Screen(L, 24)
    stream = pyte.ByteStream(screen)
    out = []
    for line in lines:
        parts = line.split('\t', 2)
        if len(parts) != 3:
            continue
        key, data = parts[0], ast.literal_eval(parts[2])
        before = snapshot(screen)
        stream.feed(data)
        if key in ('1', '2', '3', '4', '5', '6', '7', 'TAB', 'BTAB'):
            out.append((key, len(data), differs(before, snapshot(screen))))
    return out


# ---- the rows ----

def ref_cpu():
    """{name: median CPU per move} of the reference programs."""
    out = {}
    for r in ('tig', 'ncdu', 'htop'):
        c = cpu_moves(load('ref-' + r))
        if c is not None:
            out[r] = c
    return out


REFS = ref_cpu()
TIG = REFS.get('tig')
SCREENS = ['Agenda', 'Floor (log)', 'Attendance', 'Themes', 'Recommendations', 'Minutes', 'Follow-up']


def edge(prefix, n):
    """Bytes of the moves at the page's edge: the 20th and later of a row
    of the same key (the page holds at most 19 rows at 80x24)."""
    v = [s[1] for key, k, s in runs(steps(load('%s-i16-scr%d' % (prefix, n)), MOVES)) if k >= 20]
    return v


def row_edge(p):
    v, parts = [], []
    for n, name in ((1, 'Agenda'), (2, 'Floor'), (3, 'Attendance'), (6, 'Minutes')):
        e = edge(p, n)
        if e:
            v += e
            parts.append('%s %d' % (name, max(e)))
    return (max(v) if v else None), ', '.join(parts)


def row_att(p):
    st = [s[1] for key, k, s in runs(steps(load(p + '-i16-scr3'), ('DOWN', 'UP'))) if 1 < k < 18]
    return st


def row_themes(p, low=False):
    return [s[1] for s in steps(load(p + ('-i16-themes-lowbw' if low else '-i16-themes')), ('LEFT', 'RIGHT'))]


def row_typed_mid(p):
    d = load('recs-%s-mid' % p)
    if not d:
        return []
    return [s['max'] for k, s in d['keys']['by_key'].items() if len(k) == 1 and k not in '5e']


def row_edit(p, key):
    st = steps(load(p + '-i16-edit'))
    if key == 'ENTER':  # the first opens the recommendation
        return [s[1] for s in st[2:] if s[0] == 'ENTER']
    return [s[1] for s in st if s[0] == key]


def start_ir(p):
    try:
        with open(os.path.join(WORK, p + '-i16-start.cg')) as f:
            for line in f:
                if line.startswith(('summary:', 'totals:')):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


rows = []  # (measure, demo, large, bar, met)


def add(measure, get, bar, check):
    vals = [get('demo'), get('large')]
    present = [v for v in vals if v not in (None, [], '')]
    if check is None or not present:
        met = '-' if check is None else 'not measured'
    else:
        met = 'yes' if all(check(v) for v in present) else 'NO'
    rows.append((measure, vals, bar, met))


add('a character typed in the middle of a line (editor), bytes median / max',
    row_typed_mid, '≤ 12', lambda v: max(v) <= 12)
add('Backspace mid-line (editor), bytes median / max',
    lambda p: row_edit(p, 'BS'), '≤ 12', lambda v: max(v) <= 12)
add('Enter mid-text (editor), bytes median / max',
    lambda p: row_edit(p, 'ENTER'), '≤ 2L+40 = 200', lambda v: max(v) <= 200)
add('Themes Left/Right incl. the grid shifting, bytes median / max',
    row_themes, '≤ 200', lambda v: max(v) <= 200)
add('Attendance Down/Up inside the page, bytes median / max',
    row_att, '≤ 200', lambda v: max(v) <= 200)
add('one-row scroll at a page edge, bytes max (per screen)',
    lambda p: row_edge(p)[0], '≤ 200', lambda v: v <= 200)
add('`--low-bandwidth` Themes Left/Right incl. grid shift, bytes median / max',
    lambda p: row_themes(p, True), '≤ 25', lambda v: max(v) <= 25)


def sw_sent(p):
    s = switches(p)
    return [x[1] for x in s] if s else []


def sw_ratio(p):
    s = switches(p)
    if not s:
        return None
    return round(sum(x[1] for x in s) / max(1, sum(x[2] for x in s)), 2)


add('screen switch (1–7, Tab, S-Tab), bytes sent median / max',
    sw_sent, '-', None)
add('screen switch: what differs between the two screens, bytes median / max',
    lambda p: [x[2] for x in (switches(p) or [])], '-', None)
add('screen switch: sent / what differs (all switches)',
    sw_ratio, '≤ 1', lambda v: v <= 1)
ROUNDS = sorted({int(f[3:f.index('-')]) for f in os.listdir(WORK)
                 if f.startswith('cpu') and f[3:f.index('-')].isdigit()})
CPU_ORDER = ['1', '2', '3', '4', '5', '6', '7', 'themes']  # run.sh's order


def cpu_rounds(p, s):
    """[(ours, tig around it)] per round: median CPU per move of screen s
    and the mean of the two tig runs before and after it."""
    i, out = CPU_ORDER.index(s), []
    for r in ROUNDS:
        ours = cpu_moves(load('cpu%d-%s-%s' % (r, p, s)))
        t = [cpu_moves(load('cpu%d-%s-tig%d' % (r, p, j))) for j in (i // 2, i // 2 + 1)]
        t = [x for x in t if x]
        if ours is not None and t:
            out.append((ours, sum(t) / len(t)))
    return out


def cpu_cell(p, s):
    v = cpu_rounds(p, s)
    if not v:
        return None
    o = [a for a, _ in v]
    ratio = statistics.median(a / b for a, b in v)
    return '%.3f (%.3f–%.3f), ×%.2f' % (statistics.median(o), min(o), max(o), ratio)


def tig_rounds():
    v = []
    for r in ROUNDS:
        for f in sorted(os.listdir(WORK)):
            if f.startswith('cpu%d-' % r) and '-tig' in f and f.endswith('.json'):
                c = cpu_moves(load(f[:-5]))
                if c is not None:
                    v.append(c)
    return v


TIGR = tig_rounds()
CPU_BAR = ("≤ tig's in the same rounds: %.3f (%.3f–%.3f)" % (statistics.median(TIGR), min(TIGR), max(TIGR))
           if TIGR else "≤ tig's (tig not measured)")
CPU_NAMES = dict(zip(CPU_ORDER, ['1 Agenda', '2 Floor (log)', '3 Attendance', '4 Themes',
                                 '5 Recommendations', '6 Minutes', '7 Follow-up',
                                 'Themes Left/Right']))
for s in CPU_ORDER:
    add('CPU per key (ms), median of %d rounds (min–max), ×median ratio to tig: %s'
        % (len(ROUNDS), CPU_NAMES[s]),
        lambda p, s=s: cpu_cell(p, s), CPU_BAR,
        lambda v: float(v.rsplit('×', 1)[1]) <= 1)


# ---- instructions per key (callgrind, one dump before each key read) ----

def expand(keys):
    out = []
    for tok in keys.split(','):
        k, _, n = tok.partition('*')
        out += [k] * (int(n) if n else 1)
    return out


def dumps(name):
    """[(instructions, holds a key)] of each numbered dump, in order."""
    files = [f for f in os.listdir(WORK) if f.startswith(name + '.cg.') and f.rsplit('.', 1)[1].isdigit()]
    out = []
    for f in sorted(files, key=lambda f: int(f.rsplit('.', 1)[1])):
        ir, key = None, False
        with open(os.path.join(WORK, f)) as fh:
            for line in fh:
                if line.startswith('summary:'):
                    ir = int(line.split()[1])
                elif line.startswith('cfn=keys_resolve'):
                    key = True
        out.append((ir or 0, key))
    return out


def segments(name):
    try:
        with open(os.path.join(WORK, name + '.keys')) as f:
            return [line.rstrip('\n').split('\t') for line in f if '\t' in line]
    except OSError:
        return []


def ir_ours(name):
    """{segment: [instructions of each move]}; {} when the dumps and the
    keys do not line up (a run cut short)."""
    seg = segments(name)
    keys = [(n, k) for n, ks in seg for k in expand(ks)]
    d = [ir for ir, key in dumps(name) if key]
    if not keys or len(d) != len(keys):
        return {}
    out = {}
    for (n, k), ir in zip(keys, d):
        if k in MOVES:
            out.setdefault(n, []).append(ir)
    return out


def ir_tig():
    seg = segments('ir-tig')
    moves = [k for _, ks in seg for k in expand(ks)]
    d = [ir for ir, _ in dumps('ir-tig')]
    if not moves or len(d) < len(moves):
        return None
    return d[-len(moves):]  # the dumps before its loading ends come first


IR = {p: dict(ir_ours('ir-' + p), **ir_ours('ir-%s-5' % p)) for p in ('demo', 'large')}
IRT = ir_tig()
IR_TIG = round(statistics.median(IRT) / 1000) if IRT else None
for s in CPU_ORDER:
    add('instructions per key (thousands, callgrind), median / max: %s' % CPU_NAMES[s],
        lambda p, s=s: ('%d / %d' % (round(statistics.median(IR[p][s]) / 1000), round(max(IR[p][s]) / 1000))
                        if IR[p].get(s) else None),
        "≤ tig's: %d / %d" % (IR_TIG, round(max(IRT) / 1000)) if IRT else "≤ tig's (not measured)",
        (lambda v: int(v.split(' / ')[0]) <= IR_TIG) if IRT else None)
add('memory at 200x60, every screen visited and a recommendation typed (VmHWM, MB)',
    lambda p: round(((load(p + '-i16-mem') or {}).get('max_rss_kb') or 0) / 1024, 2) or None,
    '≤ 6', lambda v: v <= 6)
add('start-up: instructions to the session opened (millions; quick_check off)',
    lambda p: round(start_ir(p) / 1e6, 1) if start_ir(p) else None,
    'large ≤ demo + 5 %', None)
d, g = start_ir('demo'), start_ir('large')
if d and g:
    rows[-1] = rows[-1][:3] + ('yes' if g <= d * 1.05 else 'NO',)
elif rows[-1][3] == '-':
    rows[-1] = rows[-1][:3] + ('not measured (valgrind missing)',)


def cell(v):
    if v is None or v == [] or v == '':
        return 'n/a'
    if isinstance(v, list):
        return fmt_mm(v)
    return str(v)


print()
print('### Issue 16: every key at the floor (80x24 unless said; %s)' % WORK)
print()
print('| measure | demo | large | bar | met? |')
print('|---|---|---|---|---|')
for m, vals, bar, met in rows:
    print('| %s | %s | %s | %s | %s |' % (m, cell(vals[0]), cell(vals[1]), bar, met))
print()
print('Page edges per screen (max bytes): demo: %s; large: %s' % (row_edge('demo')[1] or 'n/a',
                                                                 row_edge('large')[1] or 'n/a'))
ref = []
for r in ('tig', 'ncdu', 'htop'):
    d = load('ref-' + r)
    if not d:
        ref.append('%s: not measured (not installed; `sh scripts/deps.sh bench`)' % r)
        continue
    b = [s[1] for s in steps(d, ('DOWN', 'UP'))]
    ref.append('%s: Down/Up %s B (median / max), CPU per key %s ms, VmHWM %.1f MB' % (
        r, fmt_mm(b) or 'n/a', cpu_moves(d), (d.get('max_rss_kb') or 0) / 1024))
print('Reference programs in the same run (80x24): ' + '; '.join(ref))
