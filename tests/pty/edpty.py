#!/usr/bin/python3
"""edpty.py — run the program in a pseudo-terminal, type a key script one
key at a time and print, as JSON, the bytes the terminal received for each
key and the screen after chosen keys as a terminal shows it (pyte: the
program's whole output replayed). For tests/pty/editor_words.sh; bytes,
never times (a key's output is read until the program is quiet).

  edpty.py --size 80x24 --term xterm-256color --keys SCRIPT -- CMD ARGS...

SCRIPT uses the screen tests' key syntax (tests/ui/README.md): any
character is one key, <Enter> <Esc> <BS> <Del> <Up> <Down> <Left> <Right>
<Home> <End> <PgUp> <PgDn> <Space> <C-x> name keys, and <Dump> (not a key) keeps
the screen at that point. Output: {"keys": [[label, bytes], ...],
"screens": [[row, ...], ...], "cursors": [[y, x], ...]} (rows without
trailing blanks, trailing empty rows left out, as in a screen test's
dump; the cursor's row and column from 0).
"""
import argparse
import curses
import json
import os
import sys

import pyte

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import lib  # noqa: E402  (tests/lib.py: the program in a pseudo-terminal)

# A key's output is read until QUIET s of silence once it has begun (the
# first paint: FIRST_QUIET), and its beginning awaited LIMIT s at most.
QUIET, FIRST_QUIET, LIMIT = 0.15, 0.3, 10.0

NAMES = {'Enter': '\r', 'Esc': '\x1b', 'Space': ' ', 'Tab': '\t'}
CAPS = {'BS': 'kbs', 'Del': 'kdch1', 'Up': 'kcuu1', 'Down': 'kcud1', 'Left': 'kcub1',
        'Right': 'kcuf1', 'Home': 'khome', 'End': 'kend', 'PgUp': 'kpp', 'PgDn': 'knp'}


def parse(script):
    """[(label, string to send or None for <Dump>)]."""
    out, i = [], 0
    while i < len(script):
        j = script.find('>', i)
        if script[i] == '<' and j > i + 1:
            name = script[i + 1:j]
            i = j + 1
            if name == 'Dump':
                out.append((name, None))
            elif len(name) == 3 and name.startswith('C-'):
                out.append((name, chr(ord(name[2]) & 0x1f)))
            elif name in NAMES:
                out.append((name, NAMES[name]))
            elif name in CAPS:
                s = curses.tigetstr(CAPS[name])
                if not s:
                    sys.exit('edpty: no %s for this terminal' % CAPS[name])
                out.append((name, s.decode()))
            else:
                sys.exit('edpty: unknown key <%s>' % name)
        else:
            out.append((script[i], script[i]))
            i += 1
    return out


def rows_of(screen):
    rows = [line.rstrip() for line in screen.display]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--size', default='80x24')
    ap.add_argument('--term', default='xterm-256color')
    ap.add_argument('--keys', required=True)
    ap.add_argument('command', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cols, rows = (int(v) for v in a.size.split('x'))
    argv = a.command[1:] if a.command[:1] == ['--'] else a.command
    curses.setupterm(a.term, sys.stdout.fileno() if sys.stdout.isatty() else -1)
    keys = parse(a.keys)
    env = dict(os.environ, TERM=a.term, COLUMNS=str(cols), LINES=str(rows))
    screen = pyte.Screen(cols, rows)
    stream = pyte.ByteStream(screen)
    child = lib.PtyChild(argv, cols, rows, env)
    stream.feed(child.pump(FIRST_QUIET, LIMIT, first=True)[0])
    out = {'keys': [], 'screens': [], 'cursors': []}
    for label, s in keys:
        if s is None:
            out['screens'].append(rows_of(screen))
            out['cursors'].append([screen.cursor.y, screen.cursor.x])
            continue
        os.write(child.fd, s.encode())
        data = child.pump(QUIET, LIMIT, first=True)[0]
        stream.feed(data)
        out['keys'].append([label, len(data)])
    try:
        os.kill(child.pid, 9)
        os.waitpid(child.pid, 0)
    except OSError:
        pass
    json.dump(out, sys.stdout, ensure_ascii=False)
    print()


if __name__ == '__main__':
    main()
