#!/usr/bin/env python3
"""probe.py - a small pseudo-terminal probe for the screen benchmarks.

Used by tests/bench/run.sh when the shared ttyprobe.py (../shared/tools) is
not there, so that `make bench` works on a fresh clone; it measures the same
way and prints the same JSON fields that run.sh reads:

  first_paint_bytes, first_paint_ms   output until the first quiet gap
  keys.by_key{LABEL: {n, median, max}} bytes the terminal received per key
  keys.reads_median                   read() chunks per key (~ writes)
  steps                               [key, bytes] of every step, in order
  keys.cpu_ms_median                  main-thread CPU per key (/proc schedstat)
  idle_bytes_per_s                    output while idle after the first paint
  max_rss_kb                          peak VmHWM of the program

Usage: probe.py [--size 80x24] [--keys 'j*10,k,DOWN,PGDN,q'] [--idle S]
                [--env K=V] -- COMMAND ARGS...
Keys: comma-separated, each optionally *N; UP DOWN LEFT RIGHT HOME END PGUP
PGDN ENTER TAB ESC BS, C-x (control-x), or literal text typed one character
per step.
"""
import argparse, json, os, statistics, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import lib  # noqa: E402  (tests/lib.py: the program in a pseudo-terminal)

NAMED = {'UP': '\x1b[A', 'DOWN': '\x1b[B', 'RIGHT': '\x1b[C', 'LEFT': '\x1b[D',
         'HOME': '\x1b[H', 'END': '\x1b[F', 'PGUP': '\x1b[5~', 'PGDN': '\x1b[6~',
         'ENTER': '\r', 'TAB': '\t', 'ESC': '\x1b', 'BS': '\x7f', 'SPACE': ' '}
APP_CURSOR = {'UP': '\x1bOA', 'DOWN': '\x1bOB', 'RIGHT': '\x1bOC', 'LEFT': '\x1bOD',
              'HOME': '\x1bOH', 'END': '\x1bOF'}


def parse_keys(script):
    steps = []
    for tok in filter(None, script.split(',')):
        n = 1
        if '*' in tok[1:]:
            tok, n = tok.rsplit('*', 1)
            n = int(n)
        if len(tok) == 3 and tok.startswith('C-'):
            one = [chr(ord(tok[2]) & 0x1f)]
        else:
            one = [tok] if tok in NAMED else list(tok)
        steps += one * n
    return steps


def cpu_ns(pid):
    try:
        with open(f'/proc/{pid}/schedstat') as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def hwm_kb(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def send(c, key):
    """Type one key: a named one as the terminal sends it (its cursor keys
    in the mode the program set), else the text."""
    if c.app_cursor and key in APP_CURSOR:
        s = APP_CURSOR[key]
    else:
        s = NAMED.get(key, key)
    os.write(c.fd, s.encode())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('command', nargs=argparse.REMAINDER)
    ap.add_argument('--size', default='80x24')
    ap.add_argument('--keys', default='')
    ap.add_argument('--idle', type=float, default=0)
    ap.add_argument('--quiet-ms', type=float, default=150)
    ap.add_argument('--env', action='append', default=[])
    ap.add_argument('--term', default='xterm-256color')
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ['--'] else a.command
    cols, rows = (int(x) for x in a.size.split('x'))
    env = dict(os.environ, TERM=a.term)
    for k in ('LINES', 'COLUMNS'):
        env.pop(k, None)
    env.update(kv.split('=', 1) for kv in a.env)
    quiet = a.quiet_ms / 1000
    c = lib.PtyChild(cmd, cols, rows, env)
    data, _, ms = c.pump(quiet, 10, first=True)
    out = {'first_paint_bytes': len(data), 'first_paint_ms': round(ms + 0.0, 1)}
    if a.idle > 0:
        out['idle_bytes_per_s'] = round(c.listen(a.idle) / a.idle, 2)
    by, reads, cpus, hwm, steps = {}, [], [], hwm_kb(c.pid), []
    for key in parse_keys(a.keys):
        if c.eof:
            break
        c0 = cpu_ns(c.pid)
        send(c, key)
        data, r, _ = c.pump(quiet, 3)
        b = len(data)
        c1 = cpu_ns(c.pid)
        if c.eof or c1 is None:
            break
        hwm = max(hwm, hwm_kb(c.pid))
        by.setdefault(key, []).append(b)
        steps.append([key, b])
        reads.append(r)
        if c0 is not None:
            cpus.append((c1 - c0) / 1e6)
    out['keys'] = {'by_key': {k: {'n': len(v), 'median': statistics.median(v), 'max': max(v)}
                              for k, v in by.items()},
                   'reads_median': statistics.median(reads) if reads else None,
                   'cpu_ms_median': round(statistics.median(cpus), 3) if cpus else None}
    out['steps'] = steps
    out['max_rss_kb'] = hwm or None
    end = time.monotonic() + 2
    while time.monotonic() < end:
        pid, _ = os.waitpid(c.pid, os.WNOHANG)
        if pid:
            break
        c.listen(0.05)
    else:
        os.kill(c.pid, 9)
        os.waitpid(c.pid, 0)
    print(json.dumps(out))


if __name__ == '__main__':
    sys.exit(main())
