#!/usr/bin/python3
"""soak.py — crash-safety soak (DESIGN §2: "nothing that the screen has
shown as done may be lost by a crash, a kill -9 or a dropped SSH
connection").

A long scripted meeting (agenda items started and ended, presence toggled,
speakers queued, given the floor and yielding, notes, theme proposals and
positions, recommendations drafted, amended and co-sponsored) is fed to
`rapporteur run`, which is killed at random moments: SIGKILL SOAK_KILLS
times, then SIGHUP and SIGTERM SOAK_SIGNALS times each. After each kill:

  - PRAGMA integrity_check is "ok";
  - every command whose "ok" answer was written before the kill is in the
    journal, in order (the journal keeps the command as typed), and at
    most one more command (committed, its answer not yet written);
  - no partial command: the rows of the domain tables match the journal
    (one recommendation per rec+, one version per rec+ or amend, one
    intervention per floor, one proposal per propose, one position per
    position);
then the script goes on from the first command not stored. SIGHUP and
SIGTERM must also stop `run` cleanly: the command under way finished, the
database closed (no WAL left), exit status 1 and one line on stderr.

Prints a summary (kills survived, rows lost, duration) and exits 0 only
when nothing was lost and every check held.

Environment: RAPPORTEUR_BIN (the binary), SOAK_KILLS (100), SOAK_SIGNALS
(20 each for SIGHUP and SIGTERM), SOAK_SEED (random), SOAK_MAX_DELAY (0.3 s:
a kill comes at a uniform random moment in [0, SOAK_MAX_DELAY] after the
start), SOAK_DIR (a temporary folder), SOAK_VERBOSE.
"""
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("RAPPORTEUR_BIN") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "rapporteur")
KILLS = int(os.environ.get("SOAK_KILLS", "100"))
SIGNALS = int(os.environ.get("SOAK_SIGNALS", "20"))
SEED = int(os.environ.get("SOAK_SEED", str(random.randrange(1 << 30))))
MAX_DELAY = float(os.environ.get("SOAK_MAX_DELAY", "0.3"))
VERBOSE = bool(os.environ.get("SOAK_VERBOSE"))
CHUNK = 4000  # lines given to one run

MEMBERS = ["COM", "MDG", "MUS", "FRA", "SYC"]
OBSERVERS = ["IOM", "UNHCR", "WHO", "ILO", "SADC", "ZAF", "MOZ", "MIDSA"]
FIRST_ITEM = 13  # the demo session has 12 items


def meeting(rng):
    """Yield the command lines of an endless meeting; block k adds agenda
    item FIRST_ITEM+k, proposal k+1 and recommendation k+1."""
    k = 0
    while True:
        item = FIRST_ITEM + k
        yield 'item+ "Soak item %d: migration de travail" thematic 30' % k
        yield "start %d" % item
        who = rng.choice(MEMBERS + OBSERVERS)
        yield "present- %s" % who
        yield "present+ %s" % who
        for r in range(3):
            a, b = rng.sample(MEMBERS + OBSERVERS, 2)
            yield "q+ %s" % a
            yield "q+ %s" % b
            yield "floor"
            yield 'yield "Résumé %d.%d : %s salue la présidence"' % (k, r, a)
            yield "floor"
            yield 'yield "Résumé %d.%d : %s appuie la proposition"' % (k, r, b)
            yield 'note "Soak note %d.%d — séance de travail"' % (k, r)
        author, m2, m3 = rng.sample(MEMBERS, 3)
        yield 'propose workshop "Soak theme %d: santé des migrants" %s' % (k, author)
        for m, stance in ((author, "support"), (m2, "abstain"), (m3, "support")):
            yield "position %d %s %s" % (k + 1, m, stance)
        yield 'rec+ %s "Soak rec %d" "Les États membres conviennent de la mesure %d."' % (author, k, k)
        yield 'amend %d %s "Les États membres conviennent de renforcer la mesure %d."' % (k + 1, m2, k)
        yield "cosponsor %d %s" % (k + 1, m3)
        yield "end"
        k += 1


class Script:
    """The endless script, generated on demand and kept in memory."""

    def __init__(self, seed):
        self.gen = meeting(random.Random(seed))
        self.lines = []

    def get(self, start, n):
        while len(self.lines) < start + n:
            self.lines.append(next(self.gen))
        return self.lines[start:start + n]


def db_state(path):
    """(integrity, last seq, counts) read by an independent connection."""
    c = sqlite3.connect(path, timeout=10)
    try:
        integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
        last = c.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()[0]
        counts = c.execute("""SELECT
            (SELECT count(*) FROM recommendation),
            (SELECT count(*) FROM rec_version),
            (SELECT count(*) FROM intervention),
            (SELECT count(*) FROM proposal),
            (SELECT count(*) FROM position),
            (SELECT count(*) FROM rec_cosponsor),
            (SELECT count(*) FROM agenda_item)""").fetchone()
        jcounts = c.execute("""SELECT
            sum(command LIKE 'rec+ %'),
            sum(command LIKE 'rec+ %') + sum(command LIKE 'amend %'),
            sum(command = 'floor'),
            sum(command LIKE 'propose %'),
            sum(command LIKE 'position %'),
            sum(command LIKE 'cosponsor %'),
            sum(command LIKE 'item+ %')
            FROM journal WHERE seq > ?""", (BASE_SEQ,)).fetchone()
        return integrity, last, counts, jcounts
    finally:
        c.close()


def journal_commands(path, after):
    c = sqlite3.connect(path, timeout=10)
    try:
        return [r[0] for r in c.execute(
            "SELECT command FROM journal WHERE seq > ? ORDER BY seq", (after,))]
    finally:
        c.close()


def run_once(db, lines, sig, delay, workdir):
    """Run `rapporteur run` on lines; send sig after delay seconds (unless
    it ends first). Returns (answers, killed, status)."""
    script = os.path.join(workdir, "chunk.cmds")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    errfile = open(os.path.join(workdir, "stderr.txt"), "w+")
    p = subprocess.Popen([BIN, "run", "--keep-going", "--db", db, script],
                         stdout=subprocess.PIPE, stderr=errfile)
    fd = p.stdout.fileno()
    buf = b""
    deadline = time.monotonic() + delay
    killed = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0 and not killed:
            try:
                p.send_signal(sig)
                killed = True
            except ProcessLookupError:
                pass
            left = None
        r, _, _ = select.select([fd], [], [], left if not killed else 30)
        if not r:
            if killed:
                p.kill()
                raise SystemExit("soak: the process did not end 30 s after signal %d" % sig)
            continue
        data = os.read(fd, 65536)
        if not data:
            break
        buf += data
    status = p.wait()
    p.stdout.close()
    errfile.seek(0)
    err = errfile.read()
    errfile.close()
    wal_left = os.path.exists(db + "-wal")
    # Only whole lines count as answers read; a killed process may have
    # ended before writing its last answer.
    answers = buf.decode("utf-8", "replace").split("\n")[:-1]
    # The signal counts when it ended the run: the process died of it, or
    # stopped before the end of the chunk.
    effective = killed and (status < 0 or len(answers) < len(lines))
    return answers, effective, status, err, wal_left


BASE_SEQ = 0


def main():
    global BASE_SEQ
    workdir = os.environ.get("SOAK_DIR") or tempfile.mkdtemp(prefix="rapsoak.")
    db = os.path.join(workdir, "soak.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    subprocess.run([BIN, "init", "--db", db, "--demo"], check=True, stdout=subprocess.DEVNULL)
    rng = random.Random(SEED ^ 0x5eed)
    script = Script(SEED)
    integrity, BASE_SEQ, _, _ = db_state(db)
    if integrity != "ok":
        raise SystemExit("soak: the fresh database fails integrity_check")

    pos = 0              # next script line to run
    stored = 0           # script lines stored (committed) so far
    seq = BASE_SEQ       # last journal row seen
    lost = 0
    bad = []
    errors = 0
    acked_total = 0
    unacked_committed = 0
    clean_stops = 0
    survived = {signal.SIGKILL: 0, signal.SIGHUP: 0, signal.SIGTERM: 0}
    plan = [signal.SIGKILL] * KILLS + [signal.SIGHUP] * SIGNALS + [signal.SIGTERM] * SIGNALS
    t0 = time.monotonic()
    runs = 0
    i = 0
    while i < len(plan):
        sig = plan[i]
        lines = script.get(pos, CHUNK)
        answers, killed, status, err, wal_left = run_once(db, lines, sig,
                                                         rng.uniform(0, MAX_DELAY), workdir)
        runs += 1
        ok_lines = [lines[j] for j, a in enumerate(answers) if a.startswith("ok")]
        for j, a in enumerate(answers):
            if not a.startswith("ok"):
                errors += 1
                if errors <= 10:
                    print("# unexpected answer to %r: %s" % (lines[j], a))
        acked_total += len(ok_lines)
        integrity, _, counts, jcounts = db_state(db)
        got = journal_commands(db, seq)
        # Every acknowledged command stored, in order; at most one more.
        missing, g = 0, 0
        for cmd in ok_lines:
            k = g
            while k < len(got) and got[k] != cmd:
                k += 1
            if k == len(got):
                missing += 1
            else:
                g = k + 1
        lost += missing
        extra = got[len(ok_lines):] if not missing else []
        n_answered = len(answers)
        if integrity != "ok":
            bad.append("run %d: integrity_check: %s" % (runs, integrity))
        if missing:
            bad.append("run %d (signal %d): %d acknowledged commands missing" % (runs, sig, missing))
        if len(extra) > 1 or (extra and (n_answered >= len(lines) or extra[0] != lines[n_answered])):
            bad.append("run %d: unexpected journal rows after the last answer: %r" % (runs, extra[:3]))
        if tuple(counts[:6]) != tuple(x or 0 for x in jcounts[:6]) or counts[6] != 12 + (jcounts[6] or 0):
            bad.append("run %d: a partial command: tables %r, journal %r" % (runs, counts, jcounts))
        # SIGHUP and SIGTERM: `run` finishes the command under way, closes
        # the database (the WAL is checkpointed and removed) and exits 1
        # with one line on stderr; only before its first command (while
        # opening the file) may the default action still end it.
        if killed and sig != signal.SIGKILL:
            clean = (status == 1 and not wal_left and
                     err.endswith("stopped by signal %d; every command answered is saved\n" % sig))
            early = status == -sig and not answers
            if clean:
                clean_stops += 1
            elif not early:
                bad.append("run %d: signal %d: not a clean stop (status %d, WAL left %s, "
                           "stderr %r)" % (runs, sig, status, wal_left, err[-200:]))
        if extra:
            unacked_committed += 1
        step = n_answered + (1 if extra else 0)
        pos += step
        stored += len(ok_lines) + len(extra)
        seq += len(got)
        if killed:
            survived[sig] += 1
            i += 1
        if VERBOSE:
            print("# run %d: signal %s killed=%s answers=%d extra=%d status=%d" %
                  (runs, sig, killed, n_answered, len(extra), status))
        if bad and len(bad) > 20:
            break
    dt = time.monotonic() - t0
    for b in bad[:20]:
        print("# " + b)
    print("soak: seed %d, %d runs, %d script lines run, %d acknowledged, %d committed before "
          "their answer, %d error answers" % (SEED, runs, pos, acked_total, unacked_committed, errors))
    print("soak: kills survived: SIGKILL %d/%d, SIGHUP %d/%d, SIGTERM %d/%d" % (
        survived[signal.SIGKILL], KILLS, survived[signal.SIGHUP], SIGNALS,
        survived[signal.SIGTERM], SIGNALS))
    print("soak: SIGHUP/SIGTERM: %d clean stops (command finished, database closed, exit 1), "
          "%d ended while opening" % (clean_stops, survived[signal.SIGHUP] +
                                       survived[signal.SIGTERM] - clean_stops))
    print("soak: rows lost: %d; integrity and partial-command checks failed: %d" % (lost, len(bad)))
    print("soak: duration %.1f s" % dt)
    if not os.environ.get("SOAK_DIR"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        for f in os.listdir(workdir):
            os.unlink(os.path.join(workdir, f))
        os.rmdir(workdir)
    return 0 if not bad and lost == 0 and errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
