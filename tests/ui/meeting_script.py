#!/usr/bin/python3
"""meeting_script.py — the key script of the standard meeting (tests/ui/meeting.sh).

    meeting_script.py LANG SCRIPT EXPECT SETUP
                                           write the key script (tests/ui/README.md
                                           syntax), the expected records (JSON) and
                                           the session prepared before the day
                                           (commands for `rapporteur run`)
    meeting_script.py LANG --count         print "KEYS FREE" (bench_meeting.sh)

One day of a DiMOI meeting at 80x24, typed as a rapporteur types it: the
participants CSV imported on the Attendance screen, 10 agenda items added
with `a`, 60 arrivals checked in (by `/` search, by moving the cursor, a
delegation arriving together by its row), the items started and ended on
the Agenda screen, 30 interventions with their summaries on the Floor
screen, the workshop and next-meeting themes (proposals, positions,
selection, a rejection), 5 recommendations drafted in the editor (French,
then English with F3), co-sponsored, one reservation, adopted, and the
export from the Minutes screen. The `:` line is never used.

Free text is what the rapporteur composes (titles, summaries, texts,
reasons, a note, theme titles); every other key (screens, moves, commands,
search letters, codes, numbers, times, Enter, Esc…) is counted apart.
LANG (fr or en) picks the language of the free text and the confirmation
key (o/y), so that the minutes of each run are in one language.
"""
import csv
import json
import os
import sys
import unicodedata

LANG = sys.argv[1] if len(sys.argv) > 1 else 'fr'
FR = LANG == 'fr'
DAY = '2027-11-22'


def t(fr, en):
    return fr if FR else en


class Script:
    def __init__(self):
        self.lines, self.cur = [], ''
        self.keys = self.free = 0
        self.phases = []

    def k(self, s):
        """Keys that are not free text: '<Name>' is one key, any other
        character one key."""
        i = 0
        while i < len(s):
            if s[i] == '<':
                j = s.index('>', i + 2)
                i = j + 1
            else:
                i += 1
            self.keys += 1
        self.cur += s
        return self

    def text(self, s):
        """Free text, one key a character."""
        self.keys += len(s)
        self.free += len(s)
        self.cur += ''.join({'<': '<LT>', '@': '<@>', '#': '<#>'}.get(c, c) for c in s)
        return self

    def nl(self):
        if self.cur:
            self.lines.append(self.cur)
        self.cur = ''
        return self

    def at(self, directive):
        self.nl()
        self.lines.append('@' + directive)
        return self

    def clock(self, hhmmss):
        return self.at('clock %sT%s+04:00' % (DAY, hhmmss))

    def phase(self, name):
        """Count the keys from here on under NAME (the bench's breakdown)."""
        self.phases.append((name, self.keys, self.free))
        return self

    def comment(self, c):
        self.nl()
        self.lines.append('# ' + c)
        return self


# Prepared by the secretariat before the day (`rapporteur run`).
TITLE = t('Réunion annuelle du DiMOI 2027 — Migration et santé',
          'DiMOI annual meeting 2027 — Migration and health')
SETUP = """session new "%s" senior %s
set end_date 2027-11-23
set venue "Port-Louis, Mauritius"
set host MUS
set chair MUS
set tz Indian/Mauritius
theme+ midiocc_health
""" % (TITLE, DAY)

S = Script()
EXP = {'lang': LANG, 'title': TITLE, 'arrivals': {}, 'items': [], 'interventions': [],
       'proposals': [], 'recs': [], 'note': None}
YES = t('o', 'y')


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s.lower())
                   if not unicodedata.combining(c))


# --- The roster (imported on screen 3) --------------------------------
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, 'meeting_participants.csv'), encoding='utf-8') as f:
    ROSTER = list(csv.reader(f))[1:]
PEOPLE = [(r[0], r[1]) for r in ROSTER]
with open(os.path.join(HERE, '..', '..', 'fixtures', 'delegations.csv'), encoding='utf-8') as f:
    DELEGATION_NAMES = [n for r in list(csv.reader(f))[1:] for n in r[3:5]]
CODES = {c for c, _ in PEOPLE}


def search_for(name):
    """The shortest start of a word of NAME (3 letters or more, without
    accents) found in no other name of the roster, no delegation name and
    no code, even with accents and case ignored: the letters a rapporteur
    types after `/`, which find that person whichever way the search
    compares."""
    others = [fold(n) for _, n in PEOPLE if n != name] + [fold(n) for n in DELEGATION_NAMES]
    for word in reversed(name.replace('-', ' ').split()):
        w = word.lower()
        for n in range(3, len(w) + 1):
            p = w[:n]
            if p.isascii() and p.upper() not in CODES and not any(p in o for o in others):
                return p
    raise SystemExit('no unique search for ' + name)


def at_minute(base_h, base_m, sec):
    total = base_h * 3600 + base_m * 60 + sec
    return '%02d:%02d:%02d' % (total // 3600, total // 60 % 60, total % 60)


S.phase('import').comment('Before the meeting: the participants list sent by the delegations.')
S.clock('07:40:00')
S.k('3i').k('participants.csv<Enter>y').nl()

# --- The agenda (screen 1, a) -----------------------------------------
ITEMS = [  # title fr, title en, kind typed (Tab completes), minutes
    ("Cérémonie d'ouverture", 'Opening ceremony', 'op', 'opening', 30),
    ("Adoption de l'ordre du jour", 'Adoption of the agenda', 'ag', 'agenda', 15),
    ('Déclarations liminaires des États membres', 'Opening statements of the member states', 'st', 'statements', 60),
    ('Session thématique 1 : santé aux frontières', 'Thematic session 1: health at the borders', 'th', 'thematic', 60),
    ('Voix de migrants : témoignage', "Migrants' voices: a testimony", 'te', 'testimony', 30),
    ('Session thématique 2 : accès aux soins', 'Thematic session 2: access to care', 'th', 'thematic', 60),
    ('Choix des thèmes des ateliers', 'Choice of the workshop themes', 'oth', 'other', 30),
    ('Rédaction et adoption des recommandations', 'Drafting and adoption of the recommendations', 'ad', 'adoption', 90),
    ('Date et thème de la prochaine réunion', 'Date and theme of the next meeting', 'ne', 'next_meeting', 15),
    ('Clôture', 'Closing', 'cl', 'closing', 15),
]
S.phase('agenda').comment('The agenda: ten items, the first at 08:30, each after the last.')
S.k('1').nl()
for i, (fr, en, typed, kind, minutes) in enumerate(ITEMS):
    title = t(fr, en)
    S.k('a').text(title).k('<Enter><C-u>' + typed + '<Tab><Enter>%d<Enter>' % minutes)
    # Planned start: the first at 08:30, the afternoon at 14:00, the
    # others after the item before.
    S.k({0: '08:30', 5: '14:00'}.get(i, '') + '<Enter>').nl()
    EXP['items'].append({'title': title, 'kind': kind, 'minutes': minutes})

# --- Check-in (screen 3) ----------------------------------------------
# Who arrives how: most by a search; COM's head by a search then the rest
# of COM by moving down the expanded delegation; MUS and WHO together by
# their delegation's row (its code after /).
S.phase('check-in').comment('Check-in: 60 arrivals from 07:50, by search, by moving the cursor,')
S.comment('and two delegations arriving together (their row, found by code).')
S.k('3').nl()
sec = 0


def arrive(names, when):
    for n in names:
        EXP['arrivals'][n] = when


groups = [('COM', 'cursor'), ('MUS', 'row'), ('WHO', 'row')]
done = set()
order = []
for code, name in PEOPLE:
    if code in done:
        continue
    how = dict(groups).get(code)
    if how:
        done.add(code)
        order.append((how, code, [n for c, n in PEOPLE if c == code]))
    else:
        order.append(('search', code, [name]))
for how, code, names in order:
    when = at_minute(7, 50, sec)
    sec += 30
    S.clock(when)
    if how == 'search':
        S.k('/' + search_for(names[0]) + '<Enter><Space>')
    elif how == 'row':
        S.k('/' + code.lower() + '<Enter><Space>')
    else:  # the head found, then the others one row down each
        first = sorted(names)[0]
        S.k('/' + search_for(first) + '<Enter><Space>')
        arrive([first], when)
        for n in sorted(names)[1:]:
            when = at_minute(7, 50, sec)
            sec += 30
            S.clock(when).k('j<Space>')
            arrive([n], when)
        S.nl()
        continue
    arrive(names, when)
    S.nl()
assert len(EXP['arrivals']) == 60, len(EXP['arrivals'])

# --- The items and the floor ------------------------------------------
# Per item: when it starts and ends, the interventions (code, speaker name
# typed or '' for the delegation, type digit, start, end, summary fr/en).
M = [
    # 1 opening
    ('08:31:00', '08:58:00', [
        ('MUS', 'Priya Ramdin', '', '08:32:00', '08:41:00',
         'Ouverture par la présidence mauricienne : bienvenue aux délégations et aux partenaires.',
         'The Mauritian chair welcomes the delegations and the partners.'),
        ('IOM', '', '', '08:42:00', '08:50:00',
         "L'OIM réaffirme son appui technique à l'Unité de soutien technique du DiMOI.",
         'IOM reaffirms its technical support to the Technical Support Unit of the DiMOI.'),
    ]),
    # 2 agenda: no speaker, a note
    ('08:58:30', '09:10:00', []),
    # 3 statements
    ('09:10:30', '10:12:00', [
        ('COM', '', '', '09:11:00', '09:19:00',
         'Les Comores présentent leur stratégie nationale sur la migration et la santé.',
         'Comoros present their national strategy on migration and health.'),
        ('MDG', '', '', '09:19:30', '09:28:00',
         'Madagascar souligne le besoin de données fiables sur les travailleurs migrants.',
         'Madagascar stresses the need for reliable data on migrant workers.'),
        ('FRA', 'Laurent Fontaine', '', '09:28:30', '09:39:00',
         'La France (La Réunion) insiste sur la coopération sanitaire régionale et la veille épidémiologique.',
         'France (Réunion) insists on regional health cooperation and epidemiological surveillance.'),
        ('SYC', '', '', '09:39:30', '09:48:00',
         "Les Seychelles décrivent l'accueil des gens de mer et des pêcheurs étrangers.",
         'Seychelles describe how foreign seafarers and fishers are received.'),
        ('MUS', '', '', '09:48:30', '09:57:00',
         "Maurice propose un réseau des points focaux santé de la région.",
         'Mauritius proposes a network of the health focal points of the region.'),
    ]),
    # 4 thematic 1
    ('10:30:00', '11:32:00', [
        ('WHO', '', '', '10:31:00', '10:43:00',
         "L'OMS présente le Règlement sanitaire international aux points d'entrée.",
         'WHO presents the International Health Regulations at points of entry.'),
        ('SYC', '', '3', '10:43:30', '10:44:30',
         "Motion d'ordre : demande d'interprétation vers l'anglais.",
         'Point of order: a request for interpretation into English.'),
        ('MDG', '', '', '10:45:00', '10:53:00',
         'Madagascar décrit les contrôles sanitaires au port de Toamasina.',
         'Madagascar describes the health checks at the port of Toamasina.'),
        ('ZAF', '', '', '10:53:30', '11:00:00',
         "L'Afrique du Sud partage son expérience des couloirs sanitaires.",
         'South Africa shares its experience of health corridors.'),
        ('COM', '', '4', '11:00:30', '11:04:00',
         'Question des Comores sur le financement des laboratoires frontaliers.',
         'Comoros ask how border laboratories are funded.'),
        ('WHO', '', '2', '11:04:30', '11:09:00',
         "Réponse de l'OMS : un fonds régional existe pour les laboratoires.",
         'WHO answers that a regional fund exists for the laboratories.'),
    ]),
    # 5 testimony
    ('11:35:00', '12:05:00', [
        ('RESOI', 'Kamaria Abdou', '', '11:36:00', '11:52:00',
         "Témoignage d'une travailleuse migrante sur l'accès aux soins à Maurice.",
         'A migrant worker tells of her access to care in Mauritius.'),
        ('UNHCR', '', '4', '11:52:30', '11:57:00',
         'Le HCR demande comment sont protégés les demandeurs d\'asile malades.',
         'UNHCR asks how sick asylum seekers are protected.'),
    ]),
    # 6 thematic 2
    ('14:00:00', '15:05:00', [
        ('MUS', '', '', '14:01:00', '14:10:00',
         "Maurice présente sa couverture sanitaire des travailleurs étrangers.",
         'Mauritius presents its health coverage of foreign workers.'),
        ('ILO', '', '', '14:10:30', '14:18:00',
         "L'OIT rappelle les conventions sur la sécurité sociale des migrants.",
         "ILO recalls the conventions on migrants' social security."),
        ('FRA', '', '', '14:18:30', '14:27:00',
         'La France décrit la prise en charge des patients venus de Mayotte.',
         'France describes the care of patients coming from Mayotte.'),
        ('COM', '', '2', '14:27:30', '14:31:00',
         'Réponse des Comores : un accord bilatéral est en préparation.',
         'Comoros answer that a bilateral agreement is being prepared.'),
        ('SADC', '', '', '14:31:30', '14:38:00',
         'La SADC présente son cadre régional sur la portabilité des droits.',
         'SADC presents its regional framework on the portability of rights.'),
        ('MDG', '', '', '14:38:30', '14:46:00',
         'Madagascar soutient une étude régionale sur les coûts des soins.',
         'Madagascar supports a regional study on the costs of care.'),
    ]),
    # 7 themes
    ('15:20:00', '15:55:00', [
        ('COM', '', '', '15:21:00', '15:26:00',
         'Les Comores proposent un atelier sur la santé mentale des migrants.',
         'Comoros propose a workshop on the mental health of migrants.'),
        ('SYC', '', '', '15:26:30', '15:31:00',
         "Les Seychelles s'opposent à ce thème, déjà traité par l'OMS.",
         'Seychelles object to this theme, already covered by WHO.'),
        ('MUS', '', '', '15:31:30', '15:36:00',
         'Maurice soutient la gestion des frontières et la mobilité de main-d\'œuvre.',
         'Mauritius supports border management and labour mobility.'),
    ]),
    # 8 recommendations
    ('16:00:00', '17:10:00', [
        ('MUS', '', '', '16:01:00', '16:08:00',
         'Maurice présente les cinq projets de recommandations.',
         'Mauritius presents the five draft recommendations.'),
        ('SYC', '', '', '16:08:30', '16:13:00',
         'Les Seychelles émettent une réserve sur le financement commun.',
         'Seychelles enter a reservation on joint funding.'),
        ('IOM', '', '', '16:13:30', '16:18:00',
         "L'OIM offre son appui pour le suivi des recommandations.",
         'IOM offers its support for the follow-up of the recommendations.'),
        ('FRA', '', '', '16:18:30', '16:23:00',
         'La France appuie la recommandation sur les données sanitaires.',
         'France supports the recommendation on health data.'),
    ]),
    # 9 next meeting
    ('17:12:00', '17:25:00', [
        ('SYC', '', '', '17:13:00', '17:18:00',
         'Les Seychelles offrent d\'accueillir la prochaine réunion à Victoria.',
         'Seychelles offer to host the next meeting in Victoria.'),
    ]),
    # 10 closing
    ('17:26:00', '17:40:00', [
        ('MUS', '', '', '17:27:00', '17:35:00',
         'Clôture par la présidence mauricienne ; remerciements aux interprètes.',
         'The Mauritian chair closes the meeting and thanks the interpreters.'),
    ]),
]
assert len(M) == 10
assert sum(len(iv) for _, _, iv in M) == 30

NOTE = t('Ordre du jour adopté sans modification.', 'The agenda is adopted unchanged.')


def floor(item, ivs):
    S.phase('floor').k('2').nl()
    for code, name, kind, start, end, fr, en in ivs:
        S.clock(start).k('a' + code + '<Enter>')
        if name:
            S.text(name)
        S.k('<Enter>' + (kind or '<Enter>') + '<Enter>').nl()
        S.clock(end).k('y').text(t(fr, en)).k('<Enter>').nl()
        EXP['interventions'].append({'item': item, 'delegation': code, 'speaker': name,
                                     'type': {'': 'statement', '2': 'reply', '3': 'point_of_order',
                                              '4': 'question'}[kind],
                                     'start': start, 'end': end, 'summary': t(fr, en)})


def themes():
    # Workshops: P1 border management (catalogue code, secretariat), P2 a
    # free title by COM, P3 labour mobility by MUS; next meeting: P4.
    S.phase('themes').comment('Themes: three workshop proposals, positions of the five states,')
    S.comment('two selected, one refused (SYC objects) then rejected; the next meeting.')
    S.clock('15:37:00').k('4').nl()
    S.k('amidiocc_borders<Enter><Enter>').nl()
    S.k('+j+j+j+j+s').nl()
    S.k('a').text(t('Santé mentale des migrants', 'Mental health of migrants')).k('<Enter><C-u>COM<Enter>').nl()
    S.k('g+j+j+j+j-s').nl()
    S.k('x' + YES).nl()
    S.k('amidiocc_labour_mobility<Enter><C-u>MUS<Enter>').nl()
    S.k('g+j0j+j+j+s').nl()
    S.k('tamidiocc_climate<Enter><C-u>ctp<Enter>').nl()
    S.k('g+j+j+j+j+s').nl()
    EXP['proposals'] = [
        {'target': 'workshop', 'theme': 'midiocc_borders', 'by': 'secretariat', 'decision': 'selected',
         'support': 5, 'object': 0, 'abstain': 0},
        {'target': 'workshop', 'theme': t('Santé mentale des migrants', 'Mental health of migrants'),
         'by': 'COM', 'decision': 'rejected', 'support': 4, 'object': 1, 'abstain': 0},
        {'target': 'workshop', 'theme': 'midiocc_labour_mobility', 'by': 'MUS', 'decision': 'selected',
         'support': 4, 'object': 0, 'abstain': 1},
        {'target': 'next', 'theme': 'midiocc_climate', 'by': 'ctp', 'decision': 'selected',
         'support': 5, 'object': 0, 'abstain': 0},
    ]


MEMBERS = ['COM', 'FRA', 'MDG', 'MUS', 'SYC']
RECS = [  # author, title fr/en, text fr, text en, co-sponsor, reservation (code, fr, en)
    ('MUS', 'Réseau régional des points focaux santé', 'Regional network of health focal points',
     "Les États membres désignent chacun un point focal migration et santé et constituent un réseau régional "
     "animé par l'Unité de soutien technique, qui se réunit deux fois par an.",
     'Each member state appoints a migration and health focal point; they form a regional network run by '
     'the Technical Support Unit, meeting twice a year.',
     'COM', None),
    ('FRA', 'Données sanitaires sur les migrants', 'Health data on migrants',
     "Les États membres harmonisent la collecte des données sanitaires sur les migrants, dans le respect de "
     "la protection des données personnelles.",
     'Member states harmonise the collection of health data on migrants, with due protection of personal data.',
     'MDG', None),
    ('COM', 'Contrôles sanitaires aux points d\'entrée', 'Health checks at points of entry',
     "Les États membres renforcent les capacités des points d'entrée selon le Règlement sanitaire "
     "international, avec l'appui de l'OMS.",
     'Member states strengthen the capacities of points of entry under the International Health '
     'Regulations, with the support of WHO.',
     'SYC', None),
    ('MDG', 'Couverture sanitaire des travailleurs migrants', 'Health coverage of migrant workers',
     "Les États membres étudient la portabilité des droits à la santé des travailleurs migrants entre les "
     "pays de la région.",
     'Member states study the portability of the health rights of migrant workers between the countries '
     'of the region.',
     'MUS', ('SYC', 'Le financement commun demande un accord du ministère des Finances.',
             'Joint funding needs the agreement of the Ministry of Finance.')),
    ('SYC', 'Santé des gens de mer', 'Health of seafarers',
     "Les États membres coopèrent pour l'accès aux soins des gens de mer et des pêcheurs étrangers dans "
     "leurs ports.",
     'Member states cooperate on access to care for foreign seafarers and fishers in their ports.',
     'FRA', None),
]


def recommendations():
    S.phase('recommendations').comment('Recommendations: drafted in the editor (French, F3, English, F2),')
    S.comment('a co-sponsor each, one reservation, all adopted.')
    S.k('5').nl()
    for n, (author, tfr, ten, xfr, xen, co, res) in enumerate(RECS, 1):
        S.clock(at_minute(16, 25, (n - 1) * 480))
        S.k('a%d' % (MEMBERS.index(author) + 1)).text(t(tfr, ten)).k('<Enter>').nl()
        S.text(xfr).k('<F3>').text(xen).k('<F2>').nl()
        # Back to the list, down to the new recommendation (the last).
        S.k('<Esc>G').nl()
        others = [m for m in MEMBERS if m != author]
        S.k('c%d' % (others.index(co) + 1)).nl()
        if res:
            S.k('r%d' % (MEMBERS.index(res[0]) + 1)).text(t(res[1], res[2])).k('<Enter>').nl()
        if n == 5:  # put under discussion first (t, 1), then adopted
            S.k('t1').nl()
        S.k('A').nl()
        EXP['recs'].append({'number': n, 'author': author, 'title': t(tfr, ten), 'text_fr': xfr,
                            'text_en': xen, 'cosponsors': co,
                            'reservations': res[0] if res else '',
                            'reason': t(res[1], res[2]) if res else ''})


for n, (start, end, ivs) in enumerate(M, 1):
    S.phase('items').comment('Item %d' % n)
    # The agenda: the cursor goes down to the next item, s starts it.
    S.clock(start).k('1' + ('g' if n == 1 else 'j') + 's').nl()
    EXP['items'][n - 1].update(start=start, end=end)
    if n == 2:
        S.phase('note').k('n').text(NOTE).k('<Enter>').nl()
        EXP['note'] = NOTE
    if ivs:
        floor(n, ivs)
    if n == 7:
        themes()
    if n == 8:
        recommendations()
    S.phase('items').clock(end).k('1E').nl()

S.phase('export').comment('The export, from the Minutes screen, then every page of the minutes.')
S.clock('17:45:00').k('6x<Enter>').nl()  # the folder offered: minutes-session-1
S.at('dump minutes-end.txt')
S.phase('reading the minutes').k('g').nl()
for p in range(30):
    S.at('dump minutes-page%02d.txt' % p)
    S.k('<PgDn>').nl()
S.nl()

if len(sys.argv) > 2 and sys.argv[2] == '--count':
    # KEYS FREE, then per phase: NAME KEYS FREE (the minutes read after the
    # export are not part of the meeting: left out of KEYS).
    S.phase('end')
    per = {}
    for (name, k0, f0), (_, k1, f1) in zip(S.phases, S.phases[1:]):
        k, f = per.get(name, (0, 0))
        per[name] = (k + k1 - k0, f + f1 - f0)
    read = per.pop('reading the minutes')
    print(S.keys - read[0], S.free - read[1])
    for name, (k, f) in per.items():
        print(name.replace(' ', '_'), k, f)
else:
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write('# The standard meeting (%s), generated by tests/ui/meeting_script.py\n' % LANG)
        f.write('\n'.join(S.lines) + '\n')
    with open(sys.argv[3], 'w', encoding='utf-8') as f:
        json.dump(EXP, f, ensure_ascii=False, indent=1)
    with open(sys.argv[4], 'w', encoding='utf-8') as f:
        f.write(SETUP)
