#!/usr/bin/python3
"""gen_large.py — a large database for the benchmarks (DESIGN §7).

Starts from a fresh `rapporteur init --demo` database (made here when DB
does not exist) and adds, in one transaction with executemany:

  * closed sessions, up to SESSIONS in all (default 10,000), each with its
    agenda (ITEMS items, done), delegates, interventions, theme proposals
    and positions, recommendations with their versions;
  * journal rows, up to JOURNAL in all (default 1,000,000), spread over
    the sessions, CURRENT of them (default 100,000) in the demo session so
    that its Minutes screen and its export page through a long journal.

The demo session stays the most recent open one, so `rapporteur --db DB`
opens it as on the demo database: the screens must be as fast and as
light on both (indexed queries, keyset paging). Deterministic: the same
arguments give the same rows. No ANALYZE is run (a user's file has none).

usage: gen_large.py [--sessions N] [--journal N] [--current N] [--items N]
                    [--bin RAPPORTEUR] DB
"""
import argparse
import os
import random
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=4))
KINDS = ['opening', 'agenda', 'statements', 'thematic', 'testimony', 'working_group',
         'drafting', 'adoption', 'next_meeting', 'closing', 'other']
EVENTS = ['note', 'start', 'end', 'q+', 'floor', 'yield', 'present+', 'position', 'amend']
SPEECH = ['statement', 'statement', 'statement', 'reply', 'question', 'point_of_order']


def iso(t):
    return '%04d-%02d-%02dT%02d:%02d:%02d+04:00' % (t.year, t.month, t.day, t.hour, t.minute,
                                                    t.second)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('db')
    ap.add_argument('--sessions', type=int, default=10000)
    ap.add_argument('--journal', type=int, default=1000000)
    ap.add_argument('--current', type=int, default=100000)
    ap.add_argument('--items', type=int, default=12)
    ap.add_argument('--bin', default=os.environ.get('RAPPORTEUR_BIN', './rapporteur'))
    a = ap.parse_args()
    t0 = time.time()
    if not os.path.exists(a.db):
        subprocess.run([a.bin, 'init', '--db', a.db, '--demo'], check=True,
                       stdout=subprocess.DEVNULL)
    con = sqlite3.connect(a.db, isolation_level=None)
    con.execute('PRAGMA foreign_keys = ON')
    con.execute('PRAGMA synchronous = OFF')
    con.execute('PRAGMA cache_size = -262144')  # 256 MB: the indexes build in memory
    rnd = random.Random(20261123)
    cur = con.execute("SELECT id, process_id FROM session ORDER BY status = 'open' DESC, id DESC"
                      ' LIMIT 1').fetchone()
    if cur is None:
        sys.exit('gen_large: %s has no session (run rapporteur init --demo first)' % a.db)
    demo, process = cur
    have = con.execute('SELECT count(*) FROM session').fetchone()[0]
    dele = con.execute('SELECT id, code, type FROM delegation WHERE process_id = ? ORDER BY id',
                       (process,)).fetchall()
    members = [d for d in dele if d[2] == 'member']
    themes = [r[0] for r in con.execute('SELECT id FROM theme ORDER BY id')]
    levels = [r[0] for r in con.execute('SELECT code FROM level ORDER BY rank DESC')]
    cats = [r[0] for r in con.execute('SELECT code FROM category ORDER BY code')]

    con.execute('BEGIN')
    nid = con.execute('SELECT ifnull(max(id), 0) FROM session').fetchone()[0]
    item_id = con.execute('SELECT ifnull(max(id), 0) FROM agenda_item').fetchone()[0]
    prop_id = con.execute('SELECT ifnull(max(id), 0) FROM proposal').fetchone()[0]
    rec_id = con.execute('SELECT ifnull(max(id), 0) FROM recommendation').fetchone()[0]
    sessions, items, delegates, interventions = [], [], [], []
    proposals, positions, recs, versions = [], [], [], []
    new_sessions = []
    base = datetime(2026, 11, 23, 8, 30, tzinfo=TZ)
    for k in range(max(0, a.sessions - have)):
        nid += 1
        day = base - timedelta(days=7 * (k + 1))
        new_sessions.append((nid, day))
        # Closed: the demo stays the current session (app.c prefers the
        # most recent open one).
        sessions.append((nid, process, 'Réunion %d du DiMOI' % (k + 1),
                         rnd.choice(['expert', 'senior', 'ministerial']),
                         day.strftime('%Y-%m-%d'), (day + timedelta(days=1)).strftime('%Y-%m-%d'),
                         'Port-Louis', 'MUS', 'MUS', 'director', 'closed', iso(day)))
        t = day
        for n in range(1, a.items + 1):
            item_id += 1
            planned = rnd.choice([15, 30, 45, 60, 90, 120])
            actual = planned + rnd.randint(-10, 20)
            items.append((item_id, nid, n, n, 'Point %d' % n, KINDS[(n - 1) % len(KINDS)],
                          iso(t), planned, '', 'done', iso(t), iso(t + timedelta(minutes=actual))))
            if n in (3, 4):  # statements and a thematic session: speakers
                s = t
                for seq in range(1, 11):
                    d = rnd.choice(dele)
                    secs = rnd.randint(30, 600)
                    interventions.append((nid, item_id, seq, d[0], '', rnd.choice(SPEECH),
                                          iso(s), iso(s + timedelta(seconds=secs)),
                                          'Résumé de l\'intervention %d de %s.' % (seq, d[1])))
                    s += timedelta(seconds=secs)
            t += timedelta(minutes=actual)
        for j, d in enumerate(rnd.sample(dele, min(20, len(dele)))):
            delegates.append((nid, d[0], 'Délégué %d %s' % (j, d[1]), 'Fonction',
                              rnd.choice(levels), 'Ministère', rnd.choice(cats),
                              1 if j < 5 else 0, 1, iso(day), None))
        for p in range(1, 4):
            prop_id += 1
            th = rnd.choice(themes)
            proposals.append((prop_id, nid, p, 'workshop' if p < 3 else 'next', th,
                              'Thème %d' % p, 'secretariat', None,
                              'selected' if p != 2 else 'open', iso(day)))
            for m in members:
                positions.append((prop_id, m[0], rnd.choice(['support', 'support', 'abstain']),
                                  iso(day)))
        for r in range(1, 4):
            rec_id += 1
            author = rnd.choice(members)[0]
            recs.append((rec_id, nid, r, 'Recommandation %d' % r, author, 'adopted',
                         iso(day + timedelta(days=1)), iso(day)))
            for v in (1, 2):
                versions.append((rec_id, v, 'Texte de la recommandation %d, version %d.' % (r, v),
                                 author, 'bench', iso(day)))

    con.executemany('INSERT INTO session (id, process_id, title, level, start_date, end_date,'
                    ' venue, host, chair, min_level, status, created_at)'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?)', sessions)
    con.executemany('INSERT INTO agenda_item (id, session_id, num, pos, title, kind,'
                    ' planned_start, planned_minutes, moderator, status, actual_start, actual_end)'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?)', items)
    con.executemany('INSERT INTO intervention (session_id, item_id, seq, delegation_id, speaker,'
                    ' speech_type, start, end, summary) VALUES (?,?,?,?,?,?,?,?,?)',
                    interventions)
    con.executemany('INSERT INTO delegate (session_id, delegation_id, name, function, level,'
                    ' entity, category, head, present, arrived, left_at)'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?,?)', delegates)
    con.executemany('INSERT INTO proposal (id, session_id, num, target, theme_id, title,'
                    ' proposer_kind, proposer_id, status, created_at)'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?)', proposals)
    con.executemany('INSERT INTO position (proposal_id, delegation_id, stance, at)'
                    ' VALUES (?,?,?,?)', positions)
    con.executemany('INSERT INTO recommendation (id, session_id, num, title, author_id, status,'
                    ' adopted_at, created_at) VALUES (?,?,?,?,?,?,?,?)', recs)
    con.executemany('INSERT INTO rec_version (rec_id, version, text_fr, delegation_id, actor, at)'
                    ' VALUES (?,?,?,?,?,?)', versions)

    # The journal: CURRENT rows in the demo session, the rest spread over
    # the generated sessions, generated lazily (a million tuples).
    have_j = con.execute('SELECT count(*) FROM journal').fetchone()[0]
    want = max(0, a.journal - have_j)
    current = min(a.current, want)

    def journal_rows():
        codes = [d[1] for d in dele]
        t = datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
        for i in range(current):
            ev = EVENTS[i % len(EVENTS)]
            code = codes[i % len(codes)]
            yield (iso(t + timedelta(seconds=i)), demo, (i // 500) % 12 + 1, ev, code, 'bench',
                   '%s %s' % (ev, code), 'Ligne %d du procès-verbal (%s, %s).' % (i, ev, code),
                   None, None)
        rest = want - current
        ns = max(1, len(new_sessions))
        for i in range(rest):
            sid, day = new_sessions[i % ns] if new_sessions else (demo, base)
            ev = EVENTS[i % len(EVENTS)]
            code = codes[i % len(codes)]
            yield (iso(day + timedelta(seconds=i // ns)), sid, (i // ns) % a.items + 1, ev, code,
                   'bench', '%s %s' % (ev, code), 'Ligne %d (%s, %s).' % (i, ev, code),
                   None, None)

    con.executemany('INSERT INTO journal (time, session_id, item, event, delegation, actor,'
                    ' command, detail, before, after) VALUES (?,?,?,?,?,?,?,?,?,?)',
                    journal_rows())
    con.execute('COMMIT')
    con.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    counts = {t: con.execute('SELECT count(*) FROM %s' % t).fetchone()[0]
              for t in ('session', 'agenda_item', 'intervention', 'delegate', 'proposal',
                        'recommendation', 'journal')}
    con.close()
    print('gen_large: %s in %.1f s: %s' % (a.db, time.time() - t0,
                                           ', '.join('%s %d' % kv for kv in counts.items())))


if __name__ == '__main__':
    main()
