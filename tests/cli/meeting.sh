#!/bin/sh
# meeting.sh — the whole meeting scripted with `rapporteur run`, from
# `init --demo` to `export` (DESIGN §1–§6). A rapporteur's day and a half
# with clock lines: presence and the R4 check, the agenda (start ending the
# item in progress, end, skip, move, overruns), the list of speakers (q+,
# q-, floor, yield with summaries, a point of order, observers speaking),
# the choice of themes (propose, position, select, a blocked selection),
# recommendations (rec+, cosponsor, amend, reserve, object/unobject,
# status, adopt, a blocked adoption), an observer refused as author (and
# nothing changed), notes, then `export`. Every answer is checked (exactly
# for the wording DESIGN fixes, by pattern elsewhere), then every CSV file
# is read back with Python's csv module and compared field by field.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
DEMO=$RAPPORTEUR_TOP/fixtures/demo.cmds
# init and any command before the first clock line happen at this time.
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW

db=$PWD/meeting.db
rm -rf "$db"* out
rap init --db "$db" --demo >init.txt 2>&1
is "init --demo" "$?" 0
q() { sqlite3 -separator '|' "$db" "$1"; }

# A phase is a list of commands, each optionally followed by what its
# answer must be: "=> TEXT" (exactly) or "=~ REGEX" (Python re.search);
# without either, the answer must start with "ok". The commands run in one
# `run --keep-going`; check_answers prints the mismatches as TAP comments.
check_answers() { # SPEC ANSWERS
	$PY - "$1" "$2" <<'PYEOF'
import re, sys
spec = [l.rstrip('\n') for l in open(sys.argv[1], encoding='utf-8')]
got = [l.rstrip('\n') for l in open(sys.argv[2], encoding='utf-8')]
steps = []
for l in spec:
    if l.startswith('=> '):
        steps[-1][1] = ('eq', l[3:])
    elif l.startswith('=~ '):
        steps[-1][1] = ('re', l[3:])
    elif l.strip() and not l.lstrip().startswith('#'):
        steps.append([l, ('re', '^ok( |$)')])
bad = 0
if len(got) != len(steps):
    print('#   %d commands but %d answers' % (len(steps), len(got)))
    bad += 1
for (cmd, (kind, want)), ans in zip(steps, got):
    if (kind == 'eq' and ans != want) or (kind == 're' and not re.search(want, ans)):
        print('#   %s\n#     got:  %s\n#     want: %s%s' % (cmd, ans, '' if kind == 'eq' else '/', want))
        bad += 1
sys.exit(1 if bad else 0)
PYEOF
}
commands_of() { grep -v -e '^=> ' -e '^=~ ' -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$1"; }
phase() { # NAME SPECFILE
	commands_of "$2" >"$2.cmds"
	rap run --keep-going --db "$db" "$2.cmds" >"$2.answers" 2>"$2.err"
	if check_answers "$2" "$2.answers" >"$2.diff"; then _tap 0 "$1: every answer as expected"
	else _tap 1 "$1: every answer as expected"; cat "$2.diff"; fi
	# Keep the successful writes in order, for minutes.csv.
	paste -d '\t' "$2.cmds" "$2.answers" >>all.txt
}
: >all.txt

cat >p1 <<'EOF'
# Before the opening: presence and the delegation-level check (R4).
clock 2026-11-23T08:20
=> ok clock 2026-11-23T08:20:00+04:00
check
=> ok COM OK; FRA OK NO_HEAD; MDG LEVEL; MUS OK; SYC ENTITY
present+ MDG "Solofo Andrianarisoa"
delegate= FRA "Laurent Fontaine" head yes
check
=> ok COM OK; FRA OK; MDG OK; MUS OK; SYC ENTITY
EOF
phase "presence and check" p1

cat >p2 <<'EOF'
# Day 1: opening, agenda, opening statements with the list of speakers.
clock 2026-11-23T08:32
start 1
=> ok item 1 started
q+ MUS "Priya Ramdin"
=> ok MUS in line, position 1
q+ COM "Fatima Said Abdallah"
=> ok COM in line, position 2
q+ IOM "Sofia Marchetti"
=> ok IOM in line, position 3
floor
=> ok MUS has the floor
clock 2026-11-23T08:38:20
yield "Ouverture par la présidence mauricienne : bienvenue aux délégations."
=> ok MUS spoke 6 min
floor
=> ok COM has the floor
clock 2026-11-23T08:45
yield "Les Comores remercient Maurice, pays hôte, et la COI."
=> ok COM spoke 6 min
floor
=> ok IOM has the floor
clock 2026-11-23T08:52:30
yield "L'OIM réaffirme son appui technique à l'Unité de soutien technique du DiMOI."
=> ok IOM spoke 7 min
clock 2026-11-23T09:20
start 2
=> ok item 2 started (item 1 ended)
note "Ordre du jour adopté sans modification."
clock 2026-11-23T09:29
start 3
=> ok item 3 started (item 2 ended)
q+ FRA "Laurent Fontaine"
=> ok FRA in line, position 1
q+ MDG "Solofo Andrianarisoa"
=> ok MDG in line, position 2
q+ SYC point_of_order
=> ok SYC in line, position 1
floor
=> ok SYC has the floor
end
=> error: SYC has the floor; yield first
clock 2026-11-23T09:30:30
yield "Point d'ordre : demande d'interprétation en anglais."
=> ok SYC spoke 1 min
floor
=> ok FRA has the floor
clock 2026-11-23T09:41
yield "La France (La Réunion) insiste sur la coopération sanitaire régionale, y compris la veille épidémiologique."
=> ok FRA spoke 10 min
q- MDG
=> ok MDG withdrawn from the list of speakers
floor UNHCR
=> ok UNHCR has the floor
clock 2026-11-23T09:47
yield "Le HCR rappelle la protection des réfugiés dans l'accès aux soins."
=> ok UNHCR spoke 6 min
clock 2026-11-23T11:05
end
=> ok item 3 ended after 96 min (6 over)
EOF
phase "opening and statements" p2

cat >p3 <<'EOF'
# Thematic session 1: the choice of the workshops' themes and the next
# meeting's theme (R6).
clock 2026-11-23T11:15
start 4
=> ok item 4 started
propose workshop midiocc_health MUS
=> ok proposal 1
propose workshop midiocc_borders
=> ok proposal 2
propose workshop "Santé mentale des migrants" COM
=> ok proposal 3
propose next midiocc_labour_mobility ctp
=> ok proposal 4
propose workshop "Proposition d'un observateur" IOM
=~ ^error: .*IOM
position 1 COM support
position 1 MDG support
position 1 MUS support
position 1 FRA support
position 1 SYC abstain
position 1 IOM support
=~ ^error: .*IOM
select 1
=~ ^ok P1 selected
position 2 MUS support
position 2 SYC object
select 2
=~ ^error: refused
position 3 COM support
position 3 FRA support
select 3
=~ ^ok P3 selected
clock 2026-11-23T12:45
end
=> ok item 4 ended after 90 min
EOF
phase "themes" p3

cat >p4 <<'EOF'
# Afternoon: the testimony moves after the second thematic session; the
# working groups are cancelled.
move 5 6
=> ok item 5 moved to position 6
skip 7
=> ok item 7 skipped
clock 2026-11-23T14:02
start 6
=> ok item 6 started
clock 2026-11-23T15:30
start 5
=> ok item 5 started (item 6 ended)
q+ RESOI "Kamaria Abdou"
=> ok RESOI in line, position 1
floor
=> ok RESOI has the floor
clock 2026-11-23T15:52
yield "Témoignage d'une travailleuse migrante sur l'accès aux soins à Maurice."
=> ok RESOI spoke 22 min
clock 2026-11-23T16:05
end
=> ok item 5 ended after 35 min (5 over)
EOF
phase "afternoon" p4

cat >p5 <<'EOF'
# Day 2: drafting of the recommendations (R5, R7).
clock 2026-11-24T09:00
skip 8
=> ok item 8 skipped
clock 2026-11-24T10:15
start 9
=> ok item 9 started
rec+ MUS "Veille sanitaire aux frontières" "Les États membres renforcent la veille sanitaire aux points d'entrée."
=> ok recommendation 1
rec= 1 theme midiocc_health
cosponsor 1 COM
cosponsor 1 FRA
amend 1 FRA "Les États membres renforcent la veille sanitaire aux points d'entrée et partagent leurs données."
=~ ^ok R1 version 2
rec+ COM "Couverture sanitaire des travailleurs migrants" "Les États membres étudient l'extension de la couverture sanitaire aux travailleurs migrants, y compris saisonniers."
=> ok recommendation 2
reserve 2 MDG "Sous réserve de consultations internes"
object 2 SYC "Coût budgétaire à évaluer"
rec+ SYC "Statistiques migratoires" "Les États membres harmonisent leurs statistiques de santé des migrants."
=> ok recommendation 3
status 3 deferred
=~ ^ok R3 deferred
EOF
phase "drafting" p5

# An observer is refused as author, co-sponsor or amender — and nothing
# changes (R5).
recs() { q "SELECT (SELECT count(*) FROM journal) || ' ' || (SELECT count(*) FROM recommendation)
  || ' ' || (SELECT count(*) FROM rec_version) || ' ' || (SELECT count(*) FROM rec_cosponsor)
  || ' ' || (SELECT count(*) FROM rec_reservation) || ' ' || (SELECT count(*) FROM rec_objection)"; }
before=$(recs)
cat >p6 <<'EOF'
clock 2026-11-24T11:00
rec+ IOM "Proposition de l'OIM" "Les États membres adoptent le cadre de l'OIM."
=~ ^error: .*IOM.*observ
cosponsor 1 IOM
=~ ^error: .*IOM.*observ
amend 1 UNHCR "Texte du HCR."
=~ ^error: .*UNHCR.*observ
reserve 2 ZAF "Réserve d'un État observateur"
=~ ^error: .*ZAF.*observ
EOF
phase "an observer refused as author" p6
is "the refusals changed nothing" "$(recs)" "$before"

cat >p7 <<'EOF'
clock 2026-11-24T12:15
end
=> ok item 9 ended after 120 min
# Adoption: an objection blocks, a reservation does not.
clock 2026-11-24T14:00
start 10
=> ok item 10 started
adopt 2
=~ ^error: refused
unobject 2 SYC
clock 2026-11-24T14:20
adopt 1
=> ok R1 adopted
clock 2026-11-24T14:25
adopt 2
=> ok R2 adopted
clock 2026-11-24T15:10
start 11
=> ok item 11 started (item 10 ended)
position 4 COM support
position 4 MDG support
position 4 MUS support
position 4 FRA support
position 4 SYC support
select 4
=~ ^ok P4 selected
clock 2026-11-24T15:40
start 12
=> ok item 12 started (item 11 ended)
note "Clôture de la réunion par la présidence mauricienne."
clock 2026-11-24T16:00
end
=> ok item 12 ended after 20 min
export out
=~ ^ok
EOF
phase "adoption and closing" p7
ok_if "export wrote the folder" test -f out/minutes.csv

# Every CSV read back with a real parser and compared field by field.
journal_rows=$(q "SELECT count(*) FROM journal WHERE session_id = 1")
demo_cmds=$(grep -cv -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$DEMO")
$PY - out "$DEMO" all.txt "$journal_rows" "$demo_cmds" >csv.txt 2>&1 <<'PYEOF'
import csv, re, shlex, sys
out, demo, alltxt, journal_rows, demo_cmds = sys.argv[1:6]
journal_rows, demo_cmds = int(journal_rows), int(demo_cmds)
results = []
def check(desc, got, want):
    results.append((got == want, desc, got, want))
def read(name, header):
    raw = open('%s/%s' % (out, name), 'rb').read()
    check(name + ': no BOM', raw[:3] == b'\xef\xbb\xbf', False)
    check(name + ': CRLF line ends', b'\n' in raw.replace(b'\r\n', b''), False)
    rows = list(csv.reader(open('%s/%s' % (out, name), encoding='utf-8', newline='')))
    check(name + ': header', rows[0] if rows else None, header)
    return [dict(zip(header, r)) for r in rows[1:]]
def t(day, hm):
    return '2026-11-%sT%s%s+04:00' % (day, hm, '' if hm.count(':') == 2 else ':00')

# Titles of the demo's agenda, from demo.cmds itself.
titles = {}
for line in open(demo, encoding='utf-8'):
    if line.startswith('item+ '):
        titles[len(titles) + 1] = shlex.split(line)[1]

# agenda.csv, in agenda order (item 5 moved after item 6).
A = ['item', 'title', 'kind', 'status', 'planned_start', 'planned_minutes', 'actual_start',
     'actual_end', 'actual_minutes', 'moderator']
agenda = read('agenda.csv', A)
want = [  # item kind status planned planned_min start end minutes
    (1, 'opening', 'done', t(23, '08:30'), 45, t(23, '08:32'), t(23, '09:20'), 48),
    (2, 'agenda', 'done', t(23, '09:15'), 15, t(23, '09:20'), t(23, '09:29'), 9),
    (3, 'statements', 'done', t(23, '09:30'), 90, t(23, '09:29'), t(23, '11:05'), 96),
    (4, 'thematic', 'done', t(23, '11:15'), 90, t(23, '11:15'), t(23, '12:45'), 90),
    (6, 'thematic', 'done', t(23, '14:30'), 90, t(23, '14:02'), t(23, '15:30'), 88),
    (5, 'testimony', 'done', t(23, '14:00'), 30, t(23, '15:30'), t(23, '16:05'), 35),
    (7, 'working_group', 'skipped', t(23, '16:15'), 90, '', '', ''),
    (8, 'other', 'skipped', t(24, '09:00'), 60, '', '', ''),
    (9, 'drafting', 'done', t(24, '10:15'), 120, t(24, '10:15'), t(24, '12:15'), 120),
    (10, 'adoption', 'done', t(24, '14:00'), 60, t(24, '14:00'), t(24, '15:10'), 70),
    (11, 'next_meeting', 'done', t(24, '15:15'), 30, t(24, '15:10'), t(24, '15:40'), 30),
    (12, 'closing', 'done', t(24, '15:45'), 30, t(24, '15:40'), t(24, '16:00'), 20),
]
check('agenda.csv: one row per item', len(agenda), len(want))
for r, w in zip(agenda, want):
    exp = dict(zip(A, [str(w[0]), titles.get(w[0]), w[1], w[2], w[3], str(w[4]), w[5], w[6],
                       str(w[7]), '']))
    for k in A:
        check('agenda.csv item %s %s' % (w[0], k), r.get(k), exp[k])

# interventions.csv, by item then seq.
I = ['item', 'seq', 'delegation', 'delegation_type', 'speaker', 'speech_type', 'start', 'end',
     'seconds', 'summary']
iv = read('interventions.csv', I)
want = [
    (1, 1, 'MUS', 'member', 'Priya Ramdin', 'statement', '08:32', '08:38:20', 380,
     'Ouverture par la présidence mauricienne : bienvenue aux délégations.'),
    (1, 2, 'COM', 'member', 'Fatima Said Abdallah', 'statement', '08:38:20', '08:45', 400,
     'Les Comores remercient Maurice, pays hôte, et la COI.'),
    (1, 3, 'IOM', 'observer_org', 'Sofia Marchetti', 'statement', '08:45', '08:52:30', 450,
     "L'OIM réaffirme son appui technique à l'Unité de soutien technique du DiMOI."),
    (3, 1, 'SYC', 'member', '', 'point_of_order', '09:29', '09:30:30', 90,
     "Point d'ordre : demande d'interprétation en anglais."),
    (3, 2, 'FRA', 'member', 'Laurent Fontaine', 'statement', '09:30:30', '09:41', 630,
     'La France (La Réunion) insiste sur la coopération sanitaire régionale, y compris la '
     'veille épidémiologique.'),
    (3, 3, 'UNHCR', 'observer_org', '', 'statement', '09:41', '09:47', 360,
     "Le HCR rappelle la protection des réfugiés dans l'accès aux soins."),
    (5, 1, 'RESOI', 'observer_org', 'Kamaria Abdou', 'statement', '15:30', '15:52', 1320,
     "Témoignage d'une travailleuse migrante sur l'accès aux soins à Maurice."),
]
check('interventions.csv: one row per intervention', len(iv), len(want))
for r, w in zip(iv, want):
    exp = dict(zip(I, [str(w[0]), str(w[1]), w[2], w[3], w[4], w[5], t(23, w[6]), t(23, w[7]),
                       str(w[8]), w[9]]))
    for k in I:
        check('interventions.csv %s.%s %s' % (w[0], w[1], k), r.get(k), exp[k])

# check.csv: the R4 result of every member state at export time.
C = ['member_state', 'result', 'no_head', 'detail']
ck = read('check.csv', C)
want = [('COM', 'OK', 'no'), ('FRA', 'OK', 'no'), ('MDG', 'OK', 'no'), ('MUS', 'OK', 'no'),
        ('SYC', 'ENTITY', 'no')]
check('check.csv: one row per member state', [r['member_state'] for r in ck], [w[0] for w in want])
for r, w in zip(ck, want):
    check('check.csv %s result' % w[0], r['result'], w[1])
    check('check.csv %s no_head' % w[0], r['no_head'], w[2])
    check('check.csv %s detail is a sentence' % w[0], len(r['detail']) > 0, True)

# themes.csv: counts, decision, positions.
T = ['target', 'proposal', 'theme', 'proposed_by', 'support', 'object', 'abstain', 'decision',
     'positions']
th = read('themes.csv', T)
want = [
    ('workshop', '1', 'Migration and health', 'MUS', '4', '0', '1', 'selected',
     'COM: support; FRA: support; MDG: support; MUS: support; SYC: abstain'),
    ('workshop', '2', 'Integrated border management', 'secretariat', '1', '1', '0', 'open',
     'MUS: support; SYC: object'),
    ('workshop', '3', 'Santé mentale des migrants', 'COM', '2', '0', '0', 'selected',
     'COM: support; FRA: support'),
    ('next', '4', 'Labour mobility and human development', 'ctp', '5', '0', '0',
     'selected', 'COM: support; FRA: support; MDG: support; MUS: support; SYC: support'),
]
check('themes.csv: one row per proposal', len(th), len(want))
for r, w in zip(th, want):
    for k, v in zip(T, w):
        check('themes.csv P%s %s' % (w[1], k), r.get(k), v)

# recommendations.csv: version, status, reservations, texts.
R = ['number', 'title', 'theme', 'item', 'author', 'cosponsors', 'status', 'version',
     'adopted_at', 'reservations', 'text_fr', 'text_en']
rc = read('recommendations.csv', R)
want = [
    ('1', 'Veille sanitaire aux frontières', 'Migration and health', '9', 'MUS', 'COM; FRA',
     'adopted', '2', t(24, '14:20'), '',
     "Les États membres renforcent la veille sanitaire aux points d'entrée et partagent leurs "
     "données.", ''),
    ('2', 'Couverture sanitaire des travailleurs migrants', '', '9', 'COM', '', 'adopted', '1',
     t(24, '14:25'), 'MDG: Sous réserve de consultations internes',
     "Les États membres étudient l'extension de la couverture sanitaire aux travailleurs "
     "migrants, y compris saisonniers.", ''),
    ('3', 'Statistiques migratoires', '', '9', 'SYC', '', 'deferred', '1', '', '',
     'Les États membres harmonisent leurs statistiques de santé des migrants.', ''),
]
check('recommendations.csv: one row per recommendation (none by an observer)', len(rc), len(want))
for r, w in zip(rc, want):
    for k, v in zip(R, w):
        check('recommendations.csv R%s %s' % (w[0], k), r.get(k), v)

# minutes.csv: one row per command that changed the record — the demo's
# and this meeting's — in order, with the item and delegation of each.
M = ['seq', 'time', 'item', 'event', 'delegation', 'actor', 'detail']
mn = read('minutes.csv', M)
ours = []
for line in open(alltxt, encoding='utf-8'):
    cmd, ans = line.rstrip('\n').split('\t', 1)
    name = cmd.split()[0]
    if ans.startswith('ok') and name not in ('clock', 'check', 'export'):
        ours.append(name)
check('minutes.csv: as many rows as journal rows', len(mn), journal_rows)
check('minutes.csv: one row per command (demo + meeting)', len(mn), demo_cmds + len(ours))
check('minutes.csv: the meeting\'s events in order', [r['event'] for r in mn[demo_cmds:]], ours)
check('minutes.csv: seq increases', all(int(a['seq']) < int(b['seq']) for a, b in zip(mn, mn[1:])),
      True)
check('minutes.csv: times are ISO 8601 with offset',
      all(re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d', r['time']) for r in mn), True)
yields = [(r['time'], r['item'], r['delegation'], r['detail']) for r in mn if r['event'] == 'yield']
check('minutes.csv: the yields', yields[:2], [
    (t(23, '08:38:20'), '1', 'MUS', 'MUS (Priya Ramdin): Ouverture par la présidence mauricienne '
     ': bienvenue aux délégations.'),
    (t(23, '08:45'), '1', 'COM', 'COM (Fatima Said Abdallah): Les Comores remercient Maurice, '
     'pays hôte, et la COI.')])
starts = [(r['time'], r['item']) for r in mn if r['event'] == 'start']
check('minutes.csv: the starts', starts, [
    (t(23, '08:32'), '1'), (t(23, '09:20'), '2'), (t(23, '09:29'), '3'), (t(23, '11:15'), '4'),
    (t(23, '14:02'), '6'), (t(23, '15:30'), '5'), (t(24, '10:15'), '9'), (t(24, '14:00'), '10'),
    (t(24, '15:10'), '11'), (t(24, '15:40'), '12')])
notes = [(r['time'], r['detail']) for r in mn if r['event'] == 'note']
check('minutes.csv: the notes', notes, [
    (t(23, '09:20'), 'Ordre du jour adopté sans modification.'),
    (t(24, '15:40'), 'Clôture de la réunion par la présidence mauricienne.')])
rejected = [r for r in mn if r['delegation'] in ('IOM', 'UNHCR', 'ZAF') and
            r['event'] in ('rec+', 'cosponsor', 'amend', 'reserve', 'propose', 'position')]
check('minutes.csv: no refused command was recorded', rejected, [])

for ok, desc, got, want in results:
    print('PASS %s' % desc if ok else 'FAIL %s\n#   got:  %r\n#   want: %r' % (desc, got, want))
PYEOF
while IFS= read -r line; do
	case $line in
	"PASS "*) _tap 0 "${line#PASS }" ;;
	"FAIL "*) _tap 1 "${line#FAIL }" ;;
	*) echo "$line" ;;
	esac
done <csv.txt
grep -q '^PASS' csv.txt || _tap 1 "the CSV files could be read"
