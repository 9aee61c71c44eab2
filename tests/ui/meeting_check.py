#!/usr/bin/python3
"""meeting_check.py — read back what tests/ui/meeting.sh recorded.

    meeting_check.py TOP EXPECT.json EXPORT_DIR DUMP...

EXPECT.json is written by meeting_script.py with the key script; EXPORT_DIR
is the folder the Minutes screen exported; the DUMPs are the pages of the
Minutes screen. Every CSV file is read with the csv module. Prints one
line per check, "0|what" (passed) or "1|what" (failed) followed by
"#" lines of evidence, for the shell's TAP helpers.

The language check: the marker words of a language are the words (4
letters or more) of the journal messages (the msgids of
src/domain/minutes_render.c and the status words of src/domain/recs.c, and
their msgstr in po/fr.po) that the other language's messages do not use. A rendered line (minutes.csv `detail`, a
row of the Minutes screen) holds none of the other language's markers once
the text typed by the rapporteur (names, titles, summaries…) is taken out.
"""
import csv
import json
import os
import re
import sys

top, exp_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
dumps = sys.argv[4:]
E = json.load(open(exp_file, encoding='utf-8'))
LANG = E['lang']
DAY = '2027-11-22T'


def when(hms):
    return DAY + hms + '+04:00'


def read(name):
    with open(os.path.join(out, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def check(what, ok, *evidence):
    print('%d|%s' % (0 if ok else 1, what))
    if not ok:
        for e in evidence:
            for line in str(e).split('\n')[:30]:
                print('#   ' + line)


def same(what, got, want):
    check(what, got == want, 'got:  %r' % (got,), 'want: %r' % (want,))


# --- counts and contents ----------------------------------------------
att = read('attendance.csv')
same('attendance.csv: 60 delegates', len(att), 60)
same('attendance.csv: 60 present', sum(r['present'] == 'yes' for r in att), 60)
bad = ['%s arrived %s, expected %s' % (r['name'], r['arrived'], when(E['arrivals'].get(r['name'], '?')))
       for r in att if r['arrived'] != when(E['arrivals'].get(r['name'], '?'))]
check('attendance.csv: each arrival at the time it was checked in (the search found that person)',
      not bad, *bad)
chk = read('check.csv')
same('check.csv: the 5 member states OK', [(r['member_state'], r['result']) for r in chk],
     [(c, 'OK') for c in ['COM', 'FRA', 'MDG', 'MUS', 'SYC']])

ag = read('agenda.csv')
same('agenda.csv: 10 items', len(ag), 10)
same('agenda.csv: titles, kinds, planned minutes as typed',
     [(r['title'], r['kind'], r['planned_minutes']) for r in ag],
     [(i['title'], i['kind'], str(i['minutes'])) for i in E['items']])
same('agenda.csv: every item done, at the times it was started and ended',
     [(r['status'], r['actual_start'], r['actual_end']) for r in ag],
     [('done', when(i['start']), when(i['end'])) for i in E['items']])
same('agenda.csv: planned starts 08:30 and 14:00 as typed',
     (ag[0]['planned_start'], ag[5]['planned_start']), (when('08:30:00'), when('14:00:00')))

iv = read('interventions.csv')
same('interventions.csv: 30 interventions', len(iv), 30)
same('interventions.csv: item, delegation, speaker, type, times and summary of each',
     [(r['item'], r['delegation'], r['speaker'], r['speech_type'], r['start'], r['end'], r['summary'])
      for r in iv],
     [(str(i['item']), i['delegation'], i['speaker'], i['type'], when(i['start']), when(i['end']),
       i['summary']) for i in E['interventions']])

th = read('themes.csv')
same('themes.csv: 4 proposals, proposer, positions counted, decision',
     [(r['target'], r['proposed_by'], r['support'], r['object'], r['abstain'], r['decision']) for r in th],
     [(p['target'], p['by'], str(p['support']), str(p['object']), str(p['abstain']), p['decision'])
      for p in E['proposals']])
same('themes.csv: the free title as typed', th[1]['theme'], E['proposals'][1]['theme'])
with open(os.path.join(top, 'fixtures', 'themes.csv'), encoding='utf-8', newline='') as f:
    CAT = {r['code']: r for r in csv.DictReader(f)}
same("themes.csv: the catalogue's themes in the reader's language",
     [r['theme'] for r, p in zip(th, E['proposals']) if p['theme'] in CAT],
     [CAT[p['theme']]['title_' + LANG] for p in E['proposals'] if p['theme'] in CAT])

rec = read('recommendations.csv')
same('recommendations.csv: 5 recommendations', len(rec), 5)
same('recommendations.csv: author, co-sponsor, adopted, version 1, texts in French and English',
     [(r['number'], r['title'], r['author'], r['cosponsors'], r['status'], r['version'], r['text_fr'],
       r['text_en']) for r in rec],
     [(str(r['number']), r['title'], r['author'], r['cosponsors'], 'adopted', '1', r['text_fr'],
       r['text_en']) for r in E['recs']])
same('recommendations.csv: the reservation on R4 only',
     [r['reservations'].split(':')[0] for r in rec], [r['reservations'] for r in E['recs']])
same('recommendation_versions.csv: one version each', len(read('recommendation_versions.csv')), 5)

mins = read('minutes.csv')
events = {}
for r in mins:
    events[r['event']] = events.get(r['event'], 0) + 1
same('minutes.csv: the events of the meeting counted',
     {k: events.get(k, 0) for k in ['start', 'end', 'floor', 'yield', 'rec+', 'adopt', 'note', 'item+',
                                    'status', 'propose', 'position', 'select', 'reject']},
     {'start': 10, 'end': 10, 'floor': 30, 'yield': 30, 'rec+': 5, 'adopt': 5, 'note': 1, 'item+': 10,
      'status': 1, 'propose': 4, 'position': 20, 'select': 3, 'reject': 1})
check('minutes.csv: the note typed', any(r['detail'] == E['note'] for r in mins))

# --- one language -----------------------------------------------------


def po_messages():
    msgs, cur, key = {}, None, None
    for line in open(os.path.join(top, 'po', 'fr.po'), encoding='utf-8'):
        m = re.match(r'(msgid|msgstr) "(.*)"$', line.rstrip('\n'))
        if m:
            key = m.group(1)
            if key == 'msgid':
                cur = [m.group(2), '']
            else:
                cur[1] = m.group(2)
                msgs[cur[0]] = cur[1]
            continue
        m = re.match(r'"(.*)"$', line.rstrip('\n'))
        if m and cur is not None:
            if key == 'msgid':
                cur[0] += m.group(1)
            else:
                cur[1] += m.group(1)
                msgs[cur[0]] = cur[1]
    return msgs


def words(s):
    """The words of S of 4 letters or more, in lower case; words written
    in capitals are codes (the R4 results ABSENT, LEVEL, ENTITY), the same
    in every language."""
    s = re.sub(r'%[-0-9.]*(lld|ld|d|s)', ' ', s)
    return {w.lower() for w in re.findall(r'[^\W\d_]{4,}', s) if not w.isupper()}


def literals(path, pattern=r'\bN?_\("((?:[^"\\]|\\.)*)"\)'):
    return set(re.findall(pattern, open(os.path.join(top, path), encoding='utf-8').read()))


po = po_messages()
# The journal's messages, and the words of a recommendation's status that
# they use (recs_status_text, the N_() labels of recs.c).
pairs = [(i, po.get(i)) for i in literals('src/domain/minutes_render.c') |
         literals('src/domain/recs.c', r'\bN_\("((?:[^"\\]|\\.)*)"\)')]
check('every journal message has its French', all(s for _, s in pairs),
      *[i for i, s in pairs if not s])
EN = set().union(*(words(i) for i, s in pairs if s))
FR = set().union(*(words(s) for i, s in pairs if s))
MARK = {'fr': FR - EN, 'en': EN - FR}
OTHER = MARK['en' if LANG == 'fr' else 'fr']
check('the marker words hold "arrived"/"started" and "arrivée"/"ouvert"',
      {'arrived', 'started'} <= MARK['en'] and {'arrivée', 'ouvert'} <= MARK['fr'],
      'en: %s' % sorted(MARK['en']), 'fr: %s' % sorted(MARK['fr']))

TYPED = sorted({E['title']} | {i['title'] for i in E['items']} | {i['summary'] for i in E['interventions']} |
               {r['title'] for r in E['recs']} | {E['note']} | {E['proposals'][1]['theme']} |
               set(E['arrivals']) | {r['reason'] for r in E['recs'] if r['reason']},
               key=len, reverse=True)


def untyped(line):
    """LINE without the text the rapporteur typed (whole, or cut by the
    screen with an ellipsis at the end of the row)."""
    for t in TYPED:
        line = line.replace(t, ' ')
    if line.endswith('…'):
        body = line[:-1]
        for t in TYPED:
            for k in range(len(t), 2, -1):
                if body.endswith(t[:k]):
                    return body[:-k]
    return line


# The titles of the theme catalogue in the other language (where the two
# differ): a theme proposed from the catalogue is named in the reader's.
with open(os.path.join(top, 'fixtures', 'themes.csv'), encoding='utf-8', newline='') as f:
    OTHER_TITLES = [r['title_en' if LANG == 'fr' else 'title_fr'] for r in csv.DictReader(f)
                    if r['title_en'] and r['title_fr'] != r['title_en']]


def foreign(lines):
    bad = []
    for line in lines:
        hit = sorted(words(untyped(line)) & OTHER) + [t for t in OTHER_TITLES if t in line]
        if hit:
            bad.append('%s   <- %s' % (line, ', '.join(hit)))
    return bad


details = [r['detail'] for r in mins]
bad = foreign(details)
check('minutes.csv: no detail in the other language (%d rows)' % len(details), not bad, *bad)
mine = 'arrivée' if LANG == 'fr' else 'arrived'
same('minutes.csv: the 54 arrivals read "%s"' % mine,
     sum(mine in words(d) for d in details), 54)

rows, seen = [], []
for d in dumps:
    screen = open(d, encoding='utf-8').read().split('\n')
    col = max(screen[3].find('Détail'), screen[3].find('Detail'))
    for row in screen[4:22]:
        if row.strip():
            rows.append(row)
            seen.append(row[col:] if col > 0 else row)
bad = foreign(seen)
check('Minutes screen: no row in the other language (%d rows on %d pages)' % (len(seen), len(dumps)),
      not bad, *bad)
same('Minutes screen: the pages show every entry of minutes.csv', len(set(rows)), len(mins))
check('Minutes screen: arrivals read "%s"' % mine, any(mine in words(r) for r in seen))
