#!/usr/bin/python3
"""typing.py — typing while the database cannot store anything (issue 12):
nothing typed is lost when another process holds the write lock past the
busy timeout (5 s), or when the disk is full.

The screen runs in a tmux pane (80x24). For each prompt where text is
typed — the recommendation editor (5 e), the note prompt (n), the yield
summary (2 y), the ":" command line, a reservation's reason (5 r 1) — and
each way of finishing it (Esc, Enter, and F2 then Enter in the editor: F2
asks who amends, Enter takes the author), under each
condition:

  lock   another process (Python's sqlite3) holds the write lock
         (BEGIN IMMEDIATE) for LOCK_S seconds, longer than the busy timeout,
         from before the first key;
  disk   the database is on a small tmpfs (its size, 1 MB, with the file
         and its WAL) that a filler file fills up before the first key and
         frees DISK_S seconds later (needs root for mount; else skipped,
         and said so);

a line of text with accents is typed in bursts, then the finishing key is
sent while the condition still holds (odd rounds) or after it ends (even
rounds); the program is given time to catch up, then ends by a signal at
random (SIGKILL, SIGHUP or SIGTERM: a dropped link or a crash). Checks:

  - every character typed is somewhere: the command was stored (a journal
    row whose command holds the whole text), or the text is in a draft that
    the next start offers back (the draft table, and the same prompt opened
    again shows it), or it is in unsaved-drafts.txt (the file the program
    names when the database refused the draft at a signal) — but after Esc
    on the ":" line or a reservation's reason, which cancels: then only
    that nothing was run;
  - integrity_check is "ok".

Prints the cases, how each text was kept, how many times the screen said
"draft NOT saved", texts lost (must be 0) and the duration; exits 0 only
when every check held.

Environment: RAPPORTEUR_BIN, SOAK_SEED, SOAK_TYPING_ROUNDS (2),
SOAK_DIR (kept when given), SOAK_VERBOSE.
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
SEED = int(os.environ.get("SOAK_SEED", str(random.randrange(1 << 30))))
ROUNDS = int(os.environ.get("SOAK_TYPING_ROUNDS", "2"))
VERBOSE = bool(os.environ.get("SOAK_VERBOSE"))
LOCK_S = 9.0   # the lock is held this long (busy timeout: 5 s)
DISK_S = 4.0   # the disk stays full this long
LIMIT = 20.0   # a limit for any wait, never a measure
WORDS = ["séance", "délégation", "migration", "santé", "frontières", "coopération",
         "protocole", "données", "élaboration", "suivi", "réunion", "État"]

# name: (keys that open it, the text shown when it is open, finishing keys)
# On the ":" line and a reservation's reason Esc cancels (their hint says
# "Esc cancel"): the text is dropped by the user's choice, and must not
# have been run. In the editor, the note and the summary Esc keeps it.
ESC_CANCELS = ("cmdline", "reason")
PROMPTS = {
    "editor": (["5", "e"], "Amending R1", ["Escape", "Enter", "F2"]),
    "note": (["n"], "write a free line in the minutes", ["Escape", "Enter"]),
    "yield": (["2", "y"], "Summary (MUS)", ["Escape", "Enter"]),
    "cmdline": ([":"], None, ["Escape", "Enter"]),
    "reason": (["5", "r", "1"], "Reservation of COM", ["Escape", "Enter"]),
}


def wait_until(pred, what, limit=LIMIT):
    return lib.wait_until(pred, what, limit)


def open_prompt(pane, name):
    keys, shown, _ = PROMPTS[name]
    for k in keys:
        pane.keys(k)
        time.sleep(0.15)
    if shown:
        wait_until(lambda: shown in pane.text(), "the %s prompt" % name)
    else:
        wait_until(lambda: pane.text().split("\n")[22].startswith(":"), "the : line")


class Lock:
    """Another process holding the write lock."""

    def __init__(self, db, seconds):
        code = ("import sqlite3, sys, time\n"
                "c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)\n"
                "c.execute('BEGIN IMMEDIATE')\n"
                "print('held', flush=True)\n"
                "time.sleep(float(sys.argv[2]))\n"
                "c.execute('ROLLBACK')\n")
        self.p = subprocess.Popen([sys.executable, "-c", code, db, str(seconds)],
                                  stdout=subprocess.PIPE)
        if self.p.stdout.readline().strip() != b"held":
            raise lib.Failure("the lock holder did not get the lock")

    def end(self):
        self.p.wait()


class Disk:
    """A full tmpfs: a filler file takes every free block."""

    def __init__(self, mount):
        self.path = os.path.join(mount, "filler")
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            while os.write(fd, b"\0" * 4096) > 0:
                pass
        except OSError:
            pass
        try:
            while os.write(fd, b"\0") > 0:
                pass
        except OSError:
            pass
        os.close(fd)

    def end(self):
        os.unlink(self.path)


def typed_text(rng, tag):
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 7))]
    return "%s %s fin%s" % (tag, " ".join(words), tag)


def type_in_bursts(pane, rng, text):
    i = 0
    while i < len(text):
        n = rng.randint(1, 8)
        pane.keys(text[i:i + n])
        i += n
        time.sleep(rng.uniform(0, 0.25))


def where_kept(db, datadir, text):
    c = sqlite3.connect(db, timeout=10)
    try:
        integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
        stored = c.execute("SELECT count(*) FROM journal WHERE instr(command, ?) > 0",
                           (text,)).fetchone()[0]
        draft = c.execute("SELECT count(*) FROM draft WHERE instr(text, ?) > 0",
                          (text,)).fetchone()[0]
    finally:
        c.close()
    unsaved = os.path.join(datadir, "rapporteur", "unsaved-drafts.txt")
    in_file = os.path.exists(unsaved) and text in open(unsaved, encoding="utf-8").read()
    return integrity, ("stored" if stored else "draft" if draft else "file" if in_file
                       else "dropped")


def offered_back(pane, prog, name, text):
    """The next start: the same prompt opened again shows the text's end."""
    prog.start()
    open_prompt(pane, name)
    tail = text.split()[-1]
    try:
        wait_until(lambda: tail in pane.text(), "the draft offered back", limit=5)
        ok = True
    except lib.Failure:
        ok = False
    prog.stop(signal.SIGKILL)
    return ok


def finish_keys(pane, finish):
    """Esc, Enter, or F2 then Enter (F2 asks which member state amends:
    Enter takes the one offered, the author)."""
    pane.keys(finish, literal=False)
    if finish == "F2":
        time.sleep(0.3)
        pane.keys("Enter", literal=False)


def one_case(ctx, cond, name, finish, during, rng, tag):
    pane, base, work = ctx["pane"], ctx["base"], ctx["work"]
    folder = ctx["mount"] if cond == "disk" else work
    db = os.path.join(folder, "typing.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    shutil.copy(base, db)
    prog = lib.Program(pane, work, BIN, db, LIMIT, os.path.join(work, "stderr.txt"))
    prog.start()
    open_prompt(pane, name)
    text = typed_text(rng, tag)
    if name == "cmdline":
        text = 'note "%s"' % text
    t0 = time.monotonic()
    hold = Lock(db, LOCK_S) if cond == "lock" else Disk(ctx["mount"])
    span = LOCK_S if cond == "lock" else DISK_S
    not_saved = 0
    type_in_bursts(pane, rng, text)
    if "NOT saved" in pane.text():
        not_saved += 1
    if during:
        finish_keys(pane, finish)
    # The condition ends (the lock is released, the disk freed).
    while time.monotonic() - t0 < span:
        if "NOT saved" in pane.text():
            not_saved += 1
        time.sleep(0.5)
    hold.end()
    if not during:
        time.sleep(0.3)
        finish_keys(pane, finish)
    time.sleep(3.0)   # the program catches up, the idle saver runs
    sig = rng.choice([signal.SIGKILL, signal.SIGHUP, signal.SIGTERM])
    prog.stop(sig)
    integrity, kept = where_kept(db, ctx["datadir"], text)
    if name in ESC_CANCELS and finish == "Escape":
        kept = "RUN" if kept == "stored" else "cancelled"
    elif kept == "dropped":
        kept = "LOST"
    offered = None
    if kept == "draft":
        offered = offered_back(pane, prog, name, text)
    return integrity, kept, offered, not_saved, sig


def mount_tmpfs(work):
    mount = os.path.join(work, "small")
    os.makedirs(mount, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mount],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        return None, r.stderr.decode(errors="replace").strip() or "mount failed"
    return mount, None


def main():
    work = os.environ.get("SOAK_DIR") or tempfile.mkdtemp(prefix="rapsoaktyping.")
    keep = bool(os.environ.get("SOAK_DIR"))
    os.makedirs(work, exist_ok=True)
    base = os.path.join(work, "base.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(base + suffix):
            os.unlink(base + suffix)
    subprocess.run([BIN, "init", "--db", base, "--demo"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([BIN, "run", "--db", base, "-"], check=True, stdout=subprocess.DEVNULL,
                   input='start 3\nq+ MUS\nfloor\nrec+ MUS "Titre" "Texte initial."\n'.encode())
    c = sqlite3.connect(base)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    mount, why = (None, "not root") if os.geteuid() != 0 else mount_tmpfs(work)
    conds = ["lock"] + (["disk"] if mount else [])
    rng = random.Random(SEED)
    ctx = {"pane": lib.Pane(work), "base": base, "work": work, "mount": mount,
           "datadir": os.environ.get("XDG_DATA_HOME", os.path.join(work, "data"))}
    counts = {"stored": 0, "draft": 0, "file": 0, "LOST": 0, "cancelled": 0, "RUN": 0}
    offered_ok = offered_bad = not_saved = cases = 0
    bad = []
    t0 = time.monotonic()
    try:
        for rnd in range(1, ROUNDS + 1):
            for cond in conds:
                for name, (_, _, finishes) in PROMPTS.items():
                    for finish in finishes:
                        cases += 1
                        tag = "k%d%s" % (cases, rng.choice("abcdefgh"))
                        integrity, kept, offered, ns, sig = one_case(
                            ctx, cond, name, finish, rnd % 2 == 1, rng, tag)
                        counts[kept] += 1
                        not_saved += ns
                        if offered is True:
                            offered_ok += 1
                        elif offered is False:
                            offered_bad += 1
                            bad.append("case %d (%s %s %s): the draft was not offered back"
                                       % (cases, cond, name, finish))
                        if integrity != "ok":
                            bad.append("case %d: integrity_check: %s" % (cases, integrity))
                        if kept in ("LOST", "RUN"):
                            bad.append("case %d (%s, %s, %s, %s, signal %d): %s"
                                       % (cases, cond, name, finish,
                                          "during" if rnd % 2 else "after", sig,
                                          "the text is lost" if kept == "LOST"
                                          else "cancelled by Esc, yet run"))
                        if VERBOSE:
                            print("# %d: %s %s %s %s: %s%s, NOT saved seen %d, signal %d" % (
                                cases, cond, name, finish, "during" if rnd % 2 else "after",
                                kept, "" if offered is None else
                                (" (offered back)" if offered else " (NOT offered back)"),
                                ns, sig))
                            sys.stdout.flush()
    except lib.Failure as e:
        bad.append("case %d: %s" % (cases, e))
        for r in ctx["pane"].text().split("\n"):
            print("#   pane: " + r)
    finally:
        ctx["pane"].kill_server()
        if mount:
            subprocess.run(["umount", mount], stderr=subprocess.DEVNULL)
    dt = time.monotonic() - t0
    for b in bad[:20]:
        print("# " + b)
    print("soak typing: seed %d, %d cases (%s; %d rounds: finishing key while the condition "
          "holds, then after it ends)%s" % (
              SEED, cases, " and ".join(conds), ROUNDS,
              "" if mount else "; full disk skipped: %s" % why))
    print("soak typing: texts stored %d, kept as a draft %d (offered back at the next start %d), "
          "in unsaved-drafts.txt %d, cancelled by Esc (: line, reason) %d, lost %d; "
          "'draft NOT saved' seen %d times" % (
              counts["stored"], counts["draft"], offered_ok, counts["file"],
              counts["cancelled"], counts["LOST"], not_saved))
    print("soak typing: failed checks: %d; duration %.1f s" % (len(bad), dt))
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not bad and counts["LOST"] == 0 and counts["RUN"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
