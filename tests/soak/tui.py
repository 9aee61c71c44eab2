#!/usr/bin/python3
"""tui.py — crash-safety soak through the screen (DESIGN §2: "nothing that
the screen has shown as done may be lost by a crash, a kill -9 or a
dropped SSH connection"; §7).

The screen runs in a tmux pane (80x24) on one database, SOAK_TUI_KILLS
times. Each time: a few commands typed on the ":" line (note, present+ /
present-, q+ / q-), each waited for until the message line answers "ok …"
or "error: …", then the program is killed at a random moment — after the
last answer (most often), right after Enter (the answer not yet seen), or
in the middle of typing (no Enter) — by SIGKILL (most often), SIGHUP or
SIGTERM. After each kill:

  - PRAGMA integrity_check is "ok";
  - every command whose "ok" was seen on the screen is in the journal, in
    order (the journal keeps the command as typed): rows lost must be 0;
  - nothing else is: no command answered "error", no half-typed command;
    at most the one command whose Enter was sent but whose answer was not
    seen;
  - SIGHUP and SIGTERM end the program cleanly: exit status 0, the
    terminal restored (tmux's alternate_on is 0), the database closed (no
    WAL left); SIGKILL gives status 137.

Prints the iterations, kills by signal and by moment, commands answered,
rows lost and the duration; exits 0 only when every check held.

Environment: RAPPORTEUR_BIN, SOAK_TUI_KILLS (100), SOAK_SEED (random),
SOAK_DIR (a temporary folder, removed at the end unless given),
SOAK_VERBOSE (one line per iteration).
"""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import lib  # noqa: E402  (tests/lib.py: the program in a tmux pane)

BIN = os.environ.get("RAPPORTEUR_BIN") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "rapporteur")
KILLS = int(os.environ.get("SOAK_TUI_KILLS", "100"))
SEED = int(os.environ.get("SOAK_SEED", str(random.randrange(1 << 30))))
VERBOSE = bool(os.environ.get("SOAK_VERBOSE"))
DELEGATIONS = ["COM", "MDG", "MUS", "FRA", "SYC", "IOM", "UNHCR", "WHO", "ILO", "SADC"]
LIMIT = 10.0  # seconds: a limit for any wait, never a measure


def wait_until(pred, what):
    return lib.wait_until(pred, what, LIMIT, 0.01)


def db_check(db, after):
    c = sqlite3.connect(db, timeout=10)
    try:
        integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
        rows = c.execute("SELECT seq, command FROM journal WHERE seq > ? ORDER BY seq",
                         (after,)).fetchall()
        return integrity, rows
    finally:
        c.close()


class State:
    """What the commands committed so far imply: who is present, who is
    in the list of speakers (to type mostly commands that succeed)."""

    def __init__(self):
        self.present = {d: True for d in DELEGATIONS}  # the demo: everyone present
        self.queued = {d: False for d in DELEGATIONS}

    def apply(self, command):
        w = command.split()
        if len(w) == 2 and w[0] in ("present+", "present-"):
            self.present[w[1]] = w[0] == "present+"
        elif len(w) == 2 and w[0] in ("q+", "q-"):
            self.queued[w[1]] = w[0] == "q+"

    def command(self, rng, it, k):
        r = rng.random()
        d = rng.choice(DELEGATIONS)
        if r < 0.45:
            return 'note "Soak écran %d.%d — séance « %s »"' % (it, k, d)
        if r < 0.75:
            return ("present- %s" if self.present[d] else "present+ %s") % d
        return ("q- %s" if self.queued[d] else "q+ %s") % d


def main():
    workdir = os.environ.get("SOAK_DIR") or tempfile.mkdtemp(prefix="rapsoaktui.")
    keep = bool(os.environ.get("SOAK_DIR"))
    db = os.path.join(workdir, "tui.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    subprocess.run([BIN, "init", "--db", db, "--demo"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([BIN, "run", "--db", db, "-"], input=b"start 3\n", check=True,
                   stdout=subprocess.DEVNULL)
    rng = random.Random(SEED)
    integrity, rows = db_check(db, 0)
    if integrity != "ok":
        raise SystemExit("soak tui: the fresh database fails integrity_check")
    seq = rows[-1][0] if rows else 0
    pane = lib.Pane(workdir)
    prog = lib.Program(pane, workdir, BIN, db, LIMIT)
    state = State()
    sigs = {signal.SIGKILL: 0, signal.SIGHUP: 0, signal.SIGTERM: 0}
    moments = {"after ok": 0, "after Enter": 0, "mid-typing": 0}
    acked = errors = lost = unacked_committed = 0
    bad = []
    t0 = time.monotonic()
    it = 0
    try:
        for it in range(1, KILLS + 1):
            prog.start()

            sig = rng.choices([signal.SIGKILL, signal.SIGHUP, signal.SIGTERM], [70, 15, 15])[0]
            moment = rng.choices(["after ok", "after Enter", "mid-typing"], [60, 20, 20])[0]
            n = rng.randint(1, 3)
            seen_ok = []       # commands answered ok on the screen, in order
            refused = []       # commands answered error
            pending = None     # Enter sent, answer not seen
            half = None        # typed without Enter
            for k in range(n):
                command = state.command(rng, it, k)
                pane.keys(":")
                wait_until(lambda: pane.row(23).startswith(":"), "the : prompt")
                last = k == n - 1
                if last and moment == "mid-typing":
                    cut = rng.randint(1, len(command))
                    pane.keys(command[:cut])
                    half = command
                    time.sleep(rng.uniform(0, 0.05))
                    break
                pane.keys(command)
                pane.keys("Enter", literal=False)
                if last and moment == "after Enter":
                    pending = command
                    # Often within the command's own few milliseconds.
                    time.sleep(rng.uniform(0, rng.choice([0.003, 0.02])))
                    break
                answer = wait_until(
                    lambda: (lambda r: r if r.startswith("ok") or r.startswith("error:")
                             else None)(pane.row(23)), "the answer")
                if answer.startswith("ok"):
                    seen_ok.append(command)
                    state.apply(command)
                else:
                    refused.append(command)
                    errors += 1
                if last:
                    time.sleep(rng.uniform(0, 0.15))
            running, status = prog.stop(sig)
            if not running:
                bad.append("iteration %d: the program had ended before the signal" % it)
            sigs[sig] += 1
            moments[moment] += 1
            acked += len(seen_ok)

            integrity, rows = db_check(db, seq)
            got = [r[1] for r in rows]
            if integrity != "ok":
                bad.append("iteration %d: integrity_check: %s" % (it, integrity))
            # Every command answered ok, in order: a subsequence of the new rows.
            g, missing = 0, 0
            for c in seen_ok:
                j = g
                while j < len(got) and got[j] != c:
                    j += 1
                if j == len(got):
                    missing += 1
                else:
                    g = j + 1
            lost += missing
            if missing:
                bad.append("iteration %d (signal %d): %d commands answered ok missing: %r"
                           % (it, sig, missing, seen_ok))
            expected = list(seen_ok)
            if pending and got == seen_ok + [pending]:
                expected.append(pending)
                unacked_committed += 1
                state.apply(pending)
            if got != expected:
                bad.append("iteration %d: journal rows %r, expected %r (refused %r, half-typed %r)"
                           % (it, got, expected, refused, half))
            if sig == signal.SIGKILL:
                if status != 137:
                    bad.append("iteration %d: SIGKILL: status %d, not 137" % (it, status))
            else:
                alt = pane.fmt("#{alternate_on}")
                wal = os.path.exists(db + "-wal")
                if status != 0 or alt != "0" or wal:
                    bad.append("iteration %d: signal %d: not a clean exit (status %d, "
                               "alternate screen %s, WAL left %s)" % (it, sig, status, alt, wal))
            if rows:
                seq = rows[-1][0]
            if VERBOSE:
                print("# %d: signal %d %s, %d commands (%d ok, %d refused), status %d, %d rows"
                      % (it, sig, moment, n, len(seen_ok), len(refused), status, len(rows)))
            if len(bad) > 20:
                break
    except lib.Failure as e:
        bad.append("iteration %d: %s" % (it, e))
        rows = pane.screen()
        for r in rows:
            print("#   pane: " + r)
    finally:
        pane.kill_server()
    dt = time.monotonic() - t0
    for b in bad[:20]:
        print("# " + b)
    print("soak tui: seed %d, %d iterations, %d commands answered ok on the screen, "
          "%d answered error, %d committed before their answer was seen" % (
              SEED, it, acked, errors, unacked_committed))
    print("soak tui: kills by signal: SIGKILL %d, SIGHUP %d, SIGTERM %d; by moment: %s" % (
        sigs[signal.SIGKILL], sigs[signal.SIGHUP], sigs[signal.SIGTERM],
        ", ".join("%s %d" % kv for kv in moments.items())))
    print("soak tui: rows lost: %d; failed checks: %d" % (lost, len(bad)))
    print("soak tui: duration %.1f s (%.2f s per iteration)" % (dt, dt / max(it, 1)))
    if not keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if not bad and lost == 0 and it == KILLS else 1


if __name__ == "__main__":
    sys.exit(main())
