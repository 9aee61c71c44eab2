"""lib.py — Python helpers shared by the tests (the counterpart of
tests/lib.sh): the program in a pseudo-terminal and the loop that reads
what it sends, for the byte probes (tests/bench/probe.py) and the screen
replays (tests/pty/edpty.py) — bytes, never times: a read stops at a
silence, a limit that is not a measure; and the program in a tmux pane,
started and killed again and again, for the soaks (tests/soak/tui.py,
tests/soak/typing.py).

A script in a folder below tests/ imports it with
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    import lib
"""
import errno
import fcntl
import os
import select
import shlex
import struct
import subprocess
import termios
import time


class PtyChild:
    """argv run in a new pseudo-terminal of cols x rows, its session leader
    (the terminal is its controlling one); fd is the terminal's master
    side. Follows the cursor keys' mode (smkx/rmkx) the program sets."""

    def __init__(self, argv, cols, rows, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
        self.t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.close(master)
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.execvpe(argv[0], argv, env)
        os.close(slave)
        self.pid, self.fd, self.eof, self.app_cursor = pid, master, False, False

    def read(self):
        """One read of what the program sent; b'' (and eof set) once it
        has closed the terminal."""
        try:
            data = os.read(self.fd, 65536)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b''
        if not data:
            self.eof = True
        if b'\x1b[?1h' in data:
            self.app_cursor = True
        if b'\x1b[?1l' in data:
            self.app_cursor = False
        return data

    def pump(self, quiet, timeout, first=False):
        """Read until `quiet` s of silence, or `timeout` s in all;
        -> (bytes read, number of reads, ms from the start to the last).
        With first, the silence counts only once output has begun (a slow
        start — a sanitizer build, a loaded machine — is not a quiet
        screen)."""
        start = last = time.monotonic()
        chunks = []
        while not self.eof:
            now = time.monotonic()
            if now - start >= timeout or (now - last >= quiet and (chunks or not first)):
                break
            wait = timeout - (now - start) if first and not chunks else quiet - (now - last)
            if select.select([self.fd], [], [], wait)[0]:
                data = self.read()
                if data:
                    chunks.append(data)
                    last = time.monotonic()
        return b''.join(chunks), len(chunks), (last - start) * 1000

    def listen(self, seconds):
        """Bytes the program sends in the next `seconds` (idle output)."""
        end, got = time.monotonic() + seconds, 0
        while not self.eof and time.monotonic() < end:
            if select.select([self.fd], [], [], max(0, end - time.monotonic()))[0]:
                got += len(self.read())
        return got


# ---- the program in a tmux pane (the soaks: tests/soak/tui.py, typing.py) ----

class Failure(Exception):
    """A wait that never ended, or tmux refusing a command."""


def wait_until(pred, what, limit, step=0.02):
    """pred()'s first true value, polled every `step` s; Failure after
    `limit` s (a limit for the wait, never a measure)."""
    t = time.monotonic() + limit
    while time.monotonic() < t:
        v = pred()
        if v:
            return v
        time.sleep(step)
    raise Failure("waited %.0f s for %s" % (limit, what))


class Pane:
    """One tmux server (its socket in workdir) with one 80x24 pane, kept
    when what runs in it ends: the program is respawned in it."""

    def __init__(self, workdir):
        self.sock = os.path.join(workdir, "tmux.sock")
        conf = os.path.join(workdir, "tmux.conf")
        with open(conf, "w") as f:
            f.write("set -g remain-on-exit on\n")
        self.tmux("-f", conf, "new-session", "-d", "-s", "rap", "-x", "80", "-y", "24",
                  "sleep 1000000")

    def tmux(self, *args):
        r = subprocess.run(["tmux", "-S", self.sock] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise Failure("tmux %s: %s" % (args[0], r.stderr.decode(errors="replace").strip()))
        return r.stdout.decode("utf-8", "replace")

    def text(self):
        return self.tmux("capture-pane", "-p", "-t", "rap")

    def screen(self):
        return self.text().split("\n")

    def row(self, n):
        rows = self.screen()
        return rows[n - 1] if len(rows) >= n else ""

    def keys(self, text, literal=True):
        self.tmux("send-keys", "-t", "rap", *(["-l", text] if literal else [text]))

    def fmt(self, f):
        return self.tmux("display-message", "-p", "-t", "rap", f).strip()

    def kill_server(self):
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], stderr=subprocess.DEVNULL)


class Program:
    """The program on db in the pane, started again and again: each start
    writes its pid and, when it ends, its exit status to files of workdir
    (its standard error appended to `stderr` when given)."""

    def __init__(self, pane, workdir, binary, db, limit, stderr=None):
        self.pane, self.workdir, self.bin, self.db = pane, workdir, binary, db
        self.limit, self.stderr, self.n = limit, stderr, 0

    def start(self):
        """Start it; returns once its first screen is painted."""
        self.n += 1
        self.pidf = os.path.join(self.workdir, "pid%d" % self.n)
        self.statf = os.path.join(self.workdir, "status%d" % self.n)
        for f in (self.pidf, self.statf):  # an earlier Program's, same folder
            if os.path.exists(f):
                os.unlink(f)
        inner = ("echo $$ >%s; exec env TERM=screen-256color ESCDELAY=25 %s --db %s" %
                 (shlex.quote(self.pidf), shlex.quote(self.bin), shlex.quote(self.db)))
        err = " 2>>%s" % shlex.quote(self.stderr) if self.stderr else ""
        cmd = "sh -c %s%s; echo $? >%s.tmp; mv %s.tmp %s" % (
            shlex.quote(inner), err, shlex.quote(self.statf), shlex.quote(self.statf),
            shlex.quote(self.statf))
        self.pane.tmux("respawn-pane", "-k", "-t", "rap", cmd)
        wait_until(lambda: os.path.exists(self.pidf) and os.path.getsize(self.pidf) > 0,
                   "the pid", self.limit)
        with open(self.pidf) as f:
            self.pid = int(f.read())
        wait_until(lambda: "1 Agenda" in self.pane.text(), "the first paint", self.limit)

    def stop(self, sig):
        """Send sig and wait for the program to end; -> (whether it was
        still running to receive it, its exit status)."""
        try:
            os.kill(self.pid, sig)
            running = True
        except ProcessLookupError:
            running = False
        wait_until(lambda: os.path.exists(self.statf), "the program to end after signal %d"
                   % sig, self.limit)
        with open(self.statf) as f:
            return running, int(f.read())
