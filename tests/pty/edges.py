#!/usr/bin/env python3
"""edges.py - the lists at their page edges on a real terminal (issue 16),
for tests/pty/edges.sh; prints TAP lines.

  edges.py bytes  BIN DB   bytes of each one-row scroll at a page edge
                           (Agenda, Floor log, Attendance, Minutes) at
                           80x24: one key, its one write, <= 2L+40 B
  edges.py screen BIN DB   the terminal (pyte: characters and colours)
                           after scrolling through each list one row at
                           a time, against a fresh start showing the same
                           selection (End, Home): the same cells
  edges.py all BIN DB      both

The program runs in a pseudo-terminal (TERM=xterm-256color); what it
writes is fed to pyte. A key's bytes are what arrives until the output
pauses; nothing is timed.
"""
import os
import select
import sys

sys.path.append('/usr/lib/python3/dist-packages')
import pyte  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import lib  # noqa: E402  (tests/lib.py: the program in a pseudo-terminal)


class Screen(pyte.Screen):
    """pyte 0.8 without its gaps: SU/SD (CSI n S / T), which ncurses
    sends to scroll a region by more than one row."""
    def scroll_up(self, n=1, up=True, **_):
        y, x = self.cursor.y, self.cursor.x
        top, bottom = self.margins or (0, self.lines - 1)
        self.cursor.y = bottom if up else top
        for _ in range(n or 1):
            self.index() if up else self.reverse_index()
        self.cursor.y, self.cursor.x = y, x

    def scroll_down(self, n=1, **_):
        self.scroll_up(n, up=False)


class Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S='scroll_up', T='scroll_down')

KEYS = {'UP': 'A', 'DOWN': 'B', 'RIGHT': 'C', 'LEFT': 'D', 'HOME': 'H', 'END': 'F'}
NOW = '2026-11-23T09:00:00+04:00'


class Term:
    def __init__(self, argv, cols, rows):
        self.screen = Screen(cols, rows)
        self.stream = Stream(self.screen)
        env = dict(os.environ, TERM='xterm-256color', ESCDELAY='25', RAPPORTEUR_NOW=NOW)
        for k in ('LINES', 'COLUMNS', 'NO_COLOR'):
            env.pop(k, None)
        self.child = lib.PtyChild(argv, cols, rows, env)
        self.pid, self.fd = self.child.pid, self.child.fd

    def read(self, wait):
        """Bytes arriving within `wait` s, or b'' (None at the end)."""
        if not select.select([self.fd], [], [], wait)[0]:
            return b''
        data = self.child.read()
        if not data:
            return None
        self.stream.feed(data)
        return data

    def settle(self, first, quiet):
        """Wait up to `first` s for output, then until `quiet` s pass
        without any; -> the bytes received."""
        got = self.read(first)
        total = len(got or b'')
        while got:
            got = self.read(quiet)
            total += len(got or b'')
        return total

    def key(self, k, first=3, quiet=0.01):
        """Type k; -> the bytes of the first write that follows (the
        update of one key is one write), after waiting for the rest."""
        if k in KEYS:
            s = ('\x1bO' if self.child.app_cursor else '\x1b[') + KEYS[k]
        else:
            s = {'ENTER': '\r'}.get(k, k)
        os.write(self.fd, s.encode())
        got = self.read(first)
        if got:
            self.settle(quiet, quiet)
        return len(got or b'')

    def cells(self):
        """Every cell: its character and what pyte knows of its colours."""
        out = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            out.append([(c.data, c.fg, c.bg, c.bold, c.reverse, c.underscore)
                        for c in (row[x] for x in range(self.screen.columns))])
        return out

    def text(self):
        return [''.join(c[0] for c in r).rstrip() for r in self.cells()]

    def close(self):
        try:
            os.kill(self.pid, 9)
        except OSError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def start(bin_, db, size, keys):
    cols, rows = size
    t = Term([bin_, '--db', db], cols, rows)
    t.settle(20, 0.5)
    for k in keys:
        t.key(k, first=3, quiet=0.05)
    t.settle(0.8, 0.3)
    return t


n = 0


def tap(ok, what, evidence=()):
    global n
    n += 1
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, what))
    for line in evidence:
        print('#   ' + line)
    sys.stdout.flush()


# The screens: the keys that open the list (each longer than a page at
# 200x60).
SCREENS = [
    ('Agenda', ['1']),
    ('Floor log', ['2', 'RIGHT']),
    ('Attendance', ['3', 'DOWN', 'DOWN', 'DOWN', 'RIGHT']),
    ('Minutes', ['6', 'd', 'M', 'U', 'S', 'ENTER']),
]


def run_bytes(bin_, db):
    L = 80
    for name, open_keys in SCREENS:
        t = start(bin_, db, (80, 24), open_keys + ['HOME'])
        steps = []  # (key, bytes, scrolled)
        for k in ['DOWN'] * 25 + ['UP'] * 25:
            before = t.text()
            b = t.key(k, quiet=0.1)
            after = t.text()
            # A one-row scroll: rows of the body moved by one.
            d = 1 if k == 'DOWN' else -1
            moved = sum(1 for y in range(2, 21) if after[y] and after[y] != before[y] and
                        after[y] == before[y + d])
            steps.append((k, b, moved >= 6))
        t.close()
        edge = [b for k, b, s in steps if s]
        tap(len(edge) >= 10, '%s: one-row scrolls at the page edge seen (%d)' % (name, len(edge)))
        if edge:
            tap(max(edge) <= 2 * L + 40 and min(edge) > 100,
                '%s: a one-row scroll at the page edge sends %d-%d B <= 2L+40 = %d B'
                % (name, min(edge), max(edge), 2 * L + 40))


def diff(a, b):
    out = []
    for y, (ra, rb) in enumerate(zip(a, b)):
        if ra != rb:
            xs = [x for x in range(len(ra)) if ra[x] != rb[x]]
            out.append('row %d, columns %d-%d: %r / %r' % (y + 1, xs[0] + 1, xs[-1] + 1,
                                                          ''.join(c[0] for c in ra).rstrip(),
                                                          ''.join(c[0] for c in rb).rstrip()))
            out.append('  first cell: %r / %r' % (ra[xs[0]], rb[xs[0]]))
    return out[:8]


def walk(bin_, db, size, open_keys, there, back):
    """From `there` (HOME, END) `back` and forth one row at a time, more
    moves than a page holds rows: the same selection again, reached
    through one-row scrolls at both edges of the page."""
    t = start(bin_, db, size, open_keys + [there])
    n = size[1] - 1
    for k in [back] * n + [('DOWN' if back == 'UP' else 'UP')] * n:
        t.key(k)
    # One more at the edge: Attendance's Up at its first delegation shows
    # the group heading above it as Home does (the list's rule, not the
    # terminal's); elsewhere it sends nothing.
    t.key('DOWN' if back == 'UP' else 'UP', first=1)
    t.settle(0.8, 0.3)
    got = t.cells()
    t.close()
    t = start(bin_, db, size, open_keys + [there])
    want = t.cells()
    t.close()
    return got, want


def run_screen(bin_, db):
    for size in ((80, 24), (200, 60)):
        for name, open_keys in SCREENS:
            if size[0] == 200 and name in ('Floor log', 'Minutes'):
                continue  # the same code; the suite's time
            label = '%s at %dx%d' % (name, size[0], size[1])
            got, want = walk(bin_, db, size, open_keys, 'HOME', 'DOWN')
            tap(got == want, '%s: Down past the bottom of the page and back up, one row at a '
                'time: what a fresh start at the top shows' % label, diff(got, want))
            if size[0] == 200:
                continue  # Up then Down as well: at 80x24
            got, want = walk(bin_, db, size, open_keys, 'END', 'UP')
            tap(got == want, '%s: Up past the top of the page from the end and back down: '
                'what a fresh start at the end shows' % label, diff(got, want))


def main():
    what, bin_, db = sys.argv[1:4]
    if what in ('bytes', 'all'):
        run_bytes(bin_, db)
    if what in ('screen', 'all'):
        run_screen(bin_, db)


if __name__ == '__main__':
    sys.exit(main())
