#!/bin/sh
# export.sh — `rapporteur export --session ID --out DIR [--force] [--bom]`
# and the `export DIR` command (DESIGN §6). A short meeting is played on the
# demo database (items, speakers, themes, a recommendation with an
# amendment, co-sponsors and a reservation, notes, formula-like names),
# exported, and every file is read back with Python's csv module and
# compared field by field with the database (Python's sqlite3): exact
# headers, CRLF record ends, no BOM unless --bom, quoting of commas, quotes
# and line breaks, formula neutralisation, ISO 8601 times with offset,
# whole durations, joined lists, yes/no. Then the folder rules.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T08:00:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db export)
out=$(rap run --db "$db" --session 1 - 2>&1 <<EOF
clock 2026-11-23T08:30
start 1
clock 2026-11-23T09:20:40
end
clock 2026-11-23T09:31
start 3
q+ MUS "Priya Ramdin"
q+ IOM
floor
clock 2026-11-23T09:36:30
yield "Maurice : priorité à la santé aux frontières ; \"une seule santé\""
floor
clock 2026-11-23T09:40
yield "=cmd|' /C calc'!A0"
propose workshop "Migration et santé aux frontières" MUS
propose next "Sécurité et sûreté maritimes"
position 1 COM support
position 1 MUS support
position 1 SYC object
position 2 MDG abstain
rec+ MUS "Accès aux soins, sans discrimination" "Les États membres encouragent l'accès des migrants aux soins."
amend 1 COM "Les États membres encouragent l'accès des migrants aux soins essentiels." "Member States encourage migrants' access to essential care."
cosponsor 1 SYC
cosponsor 1 COM
reserve 1 FRA "Sous réserve de consultation, \"interne\""
note "+ suspension de séance, 10 minutes"
note "@secrétariat : -- fin de la matinée"
import $TOP/tests/data/participants_formulas.csv
EOF
); rc=$?
is "meeting script runs" "$rc" 0
[ "$rc" = 0 ] || printf '%s\n' "$out" | grep -v '^ok' | sed 's/^/#   /'
# A line break inside a cell (no command types one).
sqlite3 "$db" "UPDATE intervention SET summary = 'Ligne 1' || char(10) || 'Ligne 2, fin' WHERE seq = 1"

start=$(date +%s%N)
out=$(rap export --db "$db" --session 1 --out minutes 2>&1); rc=$?
end=$(date +%s%N)
is "export exits 0" "$rc" 0
echo "# export of the demo session: $(( (end - start) / 1000000 )) ms"
for f in session agenda attendance check interventions themes recommendations recommendation_versions minutes; do
	ok_if "minutes/$f.csv written" test -s "minutes/$f.csv"
done
rap check --db "$db" --session 1 >check.txt 2>/dev/null

cat >verify.py <<'EOF'
# Read every exported file with the csv module; compare with the database.
import csv, io, re, sqlite3, sys
out, dbpath, bom = sys.argv[1], sys.argv[2], sys.argv[3] == 'bom'
results = []
def check(desc, cond, detail=''):
    results.append(('ok' if cond else 'not ok') + ' - ' + desc + ('' if cond else '\n#   ' + str(detail)))
HEADERS = {
 'session': 'process,title,level,start_date,end_date,venue,host,chair,themes,min_level,status,exported_at',
 'agenda': 'item,title,kind,status,planned_start,planned_minutes,actual_start,actual_end,actual_minutes,moderator',
 'attendance': 'delegation,delegation_type,name,function,level,entity,entity_category,head,present,arrived,left',
 'check': 'member_state,result,no_head,detail',
 'interventions': 'item,seq,delegation,delegation_type,speaker,speech_type,start,end,seconds,summary',
 'themes': 'target,proposal,theme,proposed_by,support,object,abstain,decision,positions',
 'recommendations': 'number,title,theme,item,author,cosponsors,status,version,adopted_at,reservations,text_fr,text_en',
 'recommendation_versions': 'number,version,proposed_by,time,text_fr,text_en',
 'minutes': 'seq,time,item,event,delegation,actor,detail',
}
ISO = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$')
def crlf_ok(raw):
    q = False
    for i, b in enumerate(raw):
        if b == 0x22:
            q = not q
        elif not q and b == 0x0A and (i == 0 or raw[i - 1] != 0x0D):
            return False
        elif not q and b == 0x0D and (i + 1 >= len(raw) or raw[i + 1] != 0x0A):
            return False
    return not q and raw.endswith(b'\r\n')
files = {}
for name, header in HEADERS.items():
    raw = open('%s/%s.csv' % (out, name), 'rb').read()
    check('%s.csv: BOM %s' % (name, 'present' if bom else 'absent'), raw.startswith(b'\xef\xbb\xbf') == bom)
    text = raw.decode('utf-8-sig' if bom else 'utf-8')
    check('%s.csv: every record ends with CRLF' % name, crlf_ok(raw))
    rows = list(csv.reader(io.StringIO(text, newline=''), strict=True))
    check('%s.csv: header exact' % name, ','.join(rows[0]) == header, rows[0])
    check('%s.csv: every row has %d fields' % (name, len(rows[0])),
          all(len(r) == len(rows[0]) for r in rows), [r for r in rows if len(r) != len(rows[0])][:1])
    files[name] = [dict(zip(rows[0], r)) for r in rows[1:]]
    bad = [c for r in rows for c in r if c[:1] in ('=', '+', '-', '@', '\t', '\r')]
    check('%s.csv: no cell starts a formula' % name, not bad, bad[:3])
def neut(s):
    s = '' if s is None else str(s)
    return "'" + s if s[:1] in ('=', '+', '-', '@', '\t', '\r') else s
def yn(v):
    return 'yes' if v else 'no'
db = sqlite3.connect(dbpath)
def same(desc, got, want):
    check(desc, got == want, 'got %r, want %r' % (got, want))

# session
s = files['session']
srow = db.execute("SELECT p.code, s.title, s.level, s.start_date, s.end_date, s.venue, s.host, s.chair,"
                  " s.min_level, s.status FROM session s JOIN process p ON p.id = s.process_id WHERE s.id = 1").fetchone()
same('session: one row', len(s), 1)
same('session: fields', [s[0][k] for k in ('process', 'title', 'level', 'start_date', 'end_date', 'venue',
     'host', 'chair', 'min_level', 'status')], [neut(v) for v in srow])
same('session: themes', s[0]['themes'], 'Migration and health')
check('session: exported_at ISO 8601 with offset', ISO.match(s[0]['exported_at']), s[0]['exported_at'])

# agenda
a = files['agenda']
items = db.execute("SELECT num, title, kind, status, planned_minutes, moderator, actual_start, actual_end"
                   " FROM agenda_item WHERE session_id = 1 ORDER BY pos").fetchall()
same('agenda: one row per item', len(a), len(items))
same('agenda: fields', [(r['item'], r['title'], r['kind'], r['status'], r['planned_minutes'], r['moderator']) for r in a],
     [(str(i[0]), neut(i[1]), i[2], i[3], str(i[4]), neut(i[5])) for i in items])
check('agenda: planned_start ISO', all(ISO.match(r['planned_start']) for r in a))
same('agenda: item 1 actual times', (a[0]['actual_start'], a[0]['actual_end'], a[0]['actual_minutes']),
     ('2026-11-23T08:30:00+04:00', '2026-11-23T09:20:40+04:00', '51'))
same('agenda: item 3 in progress', (a[2]['status'], a[2]['actual_end'], a[2]['actual_minutes']), ('in_progress', '', ''))

# attendance
t = files['attendance']
dl = db.execute("SELECT d.code, d.type, g.name, g.function, g.level, g.entity, g.category, g.head, g.present,"
                " g.arrived, g.left_at FROM delegate g JOIN delegation d ON d.id = g.delegation_id"
                " WHERE g.session_id = 1 ORDER BY CASE d.type WHEN 'member' THEN 0 WHEN 'observer_state'"
                " THEN 1 ELSE 2 END, d.code, g.name").fetchall()
same('attendance: one row per delegate', len(t), len(dl))
want = [[neut(x) for x in r[:7]] + [yn(r[7]), yn(r[8]), r[9] or '', r[10] or ''] for r in dl]
same('attendance: every field', [list(r.values()) for r in t], want)
same('attendance: formula-like names neutralised', sorted(r['name'] for r in t if r['name'][:1] == "'"),
     ["'+33 Plus", "'-Dash", "'=1+2", "'@SUM(A1)"])
same('attendance: quoted function read back', [r['function'] for r in t if r['name'] == "'@SUM(A1)"],
     ['Comma, "quoted"'])
check('attendance: arrival times ISO', all(ISO.match(r['arrived']) for r in t if r['present'] == 'yes'))

# check
c = files['check']
lines = [l.rstrip('\n').split('\t') for l in open('check.txt', encoding='utf-8') if '\t' in l]
same('check: same as `rapporteur check`', [(r['member_state'], r['result'], r['no_head'], r['detail']) for r in c],
     [(l[0], l[1].split(' ')[0], yn('NO_HEAD' in l[1]), neut(l[2])) for l in lines])
same('check: the demo outcomes', {r['member_state']: r['result'] for r in c},
     {'COM': 'OK', 'FRA': 'OK', 'MDG': 'LEVEL', 'MUS': 'OK', 'SYC': 'ENTITY'})

# interventions
iv = files['interventions']
same('interventions: rows', [(r['item'], r['seq'], r['delegation'], r['delegation_type'], r['speech_type'],
     r['start'], r['end'], r['seconds']) for r in iv],
     [('3', '1', 'MUS', 'member', 'statement', '2026-11-23T09:31:00+04:00', '2026-11-23T09:36:30+04:00', '330'),
      ('3', '2', 'IOM', 'observer_org', 'statement', '2026-11-23T09:36:30+04:00', '2026-11-23T09:40:00+04:00', '210')])
same('interventions: line break kept', iv[0]['summary'], 'Ligne 1\nLigne 2, fin')
same('interventions: speaker', iv[0]['speaker'], 'Priya Ramdin')
same('interventions: formula summary neutralised', iv[1]['summary'], "'=cmd|' /C calc'!A0")

# themes
th = files['themes']
same('themes: rows', [(r['target'], r['proposal'], r['theme'], r['proposed_by'], r['support'], r['object'],
     r['abstain'], r['decision'], r['positions']) for r in th],
     [('workshop', '1', 'Migration et santé aux frontières', 'MUS', '2', '1', '0', 'open',
       'COM: support; MUS: support; SYC: object'),
      ('next', '2', 'Maritime safety and security', 'secretariat', '0', '0', '1', 'open', 'MDG: abstain')])

# recommendations
rc = files['recommendations']
same('recommendations: one row', len(rc), 1)
r = rc[0]
same('recommendations: fields', (r['number'], r['title'], r['author'], r['cosponsors'], r['status'], r['version'],
     r['adopted_at'], r['reservations'], r['text_fr'], r['text_en']),
     ('1', 'Accès aux soins, sans discrimination', 'MUS', 'COM; SYC', 'draft', '2', '',
      'FRA: Sous réserve de consultation, "interne"',
      "Les États membres encouragent l'accès des migrants aux soins essentiels.",
      "Member States encourage migrants' access to essential care."))

# recommendation_versions: every text, who proposed it, when
rv = files['recommendation_versions']
same('recommendation_versions: one row per version', [(r['number'], r['version'], r['proposed_by'],
     r['text_fr'], r['text_en']) for r in rv],
     [('1', '1', 'MUS', "Les États membres encouragent l'accès des migrants aux soins.", ''),
      ('1', '2', 'COM', "Les États membres encouragent l'accès des migrants aux soins essentiels.",
       "Member States encourage migrants' access to essential care.")])
same('recommendation_versions: times', [r['time'] for r in rv],
     [v[0] for v in db.execute("SELECT at FROM rec_version ORDER BY version")])
check('recommendation_versions: times ISO 8601 with offset', all(ISO.match(r['time']) for r in rv))

# minutes
m = files['minutes']
jr = db.execute("SELECT seq, time, item, event, delegation, actor, detail FROM journal WHERE session_id = 1"
                " ORDER BY seq").fetchall()
same('minutes: one row per journal entry', len(m), len(jr))
same('minutes: every field', [list(x.values()) for x in m],
     [[str(j[0]), j[1], '' if j[2] is None else str(j[2]), neut(j[3]), neut(j[4]), neut(j[5]), neut(j[6])] for j in jr])
check('minutes: times ISO 8601 with offset', all(ISO.match(x['time']) for x in m))
check('minutes: notes neutralised', any(x['detail'].startswith("'+ suspension") for x in m),
      [x['detail'] for x in m if 'suspension' in x['detail']])
print('\n'.join(results))
EOF
/usr/bin/python3 verify.py minutes "$db" nobom
is "the files are private like the database (0600)" "$(stat -c %a minutes/*.csv | sort -u)" 600
is "... and so is the folder (0700)" "$(stat -c %a minutes)" 700

# The folder rules.
echo sentinel >minutes/session.csv
out=$(rap export --db "$db" --session 1 --out minutes 2>&1); rc=$?
is "existing folder refused" "$rc" 2
like "refusal says why" "$out" 'already exists'
is "refused export touches nothing" "$(cat minutes/session.csv)" sentinel
out=$(rap export --db "$db" --session 1 --out minutes --force --bom 2>&1); rc=$?
is "--force replaces it" "$rc" 0
/usr/bin/python3 verify.py minutes "$db" bom
echo mine >minutes/notes.txt
out=$(rap export --db "$db" --session 1 --out minutes --force 2>&1); rc=$?
is "a folder with foreign files is never replaced" "$rc" 2
is "the foreign file is kept" "$(cat minutes/notes.txt)" mine
out=$(rap export --db "$db" --session 1 --out missing/parent/dir 2>&1); rc=$?
is "missing parent folder refused" "$rc" 2
like "missing parent named" "$out" 'missing/parent/dir'
is "no temporary folder left" "$(ls -d ./*.tmp.* ./*.old.* 2>/dev/null | wc -l | tr -d ' ')" 0
out=$(rap export --db "$db" --session 99 --out other 2>&1); rc=$?
is "unknown session refused" "$rc" 2
ok_if "nothing written for an unknown session" test ! -e other

# The command.
out=$(printf 'export byscript\nexport byscript\nexport byscript --force\n' |
	rap run --db "$db" --session 1 --keep-going - 2>/dev/null)
like "export command answers ok" "$(printf '%s\n' "$out" | sed -n 1p)" '^ok exported 11 files to byscript'
like "export command refuses an existing folder" "$(printf '%s\n' "$out" | sed -n 2p)" '^error: .*already exists'
like "export command --force" "$(printf '%s\n' "$out" | sed -n 3p)" '^ok '
/usr/bin/python3 verify.py byscript "$db" nobom | grep -c '^not ok' | sed 's/^0$/ok - export command output verified/; s/^[1-9].*/not ok - export command output verified/'

# interventions.csv follows the agenda order (position), as agenda.csv does:
# item 5 moved first and run first is listed before item 1.
db2=$(fresh_db order)
rap run --db "$db2" --session 1 - >/dev/null 2>&1 <<'CMDS'
clock 2026-11-23T08:30
move 5 1
start 5
floor MUS
yield "Témoignage"
end
clock 2026-11-23T09:00
start 1
floor COM
yield "Ouverture"
end
CMDS
rap export --db "$db2" --session 1 --out order >/dev/null 2>&1
is "interventions.csv in agenda order" "$(/usr/bin/python3 -c 'import csv,sys; print(" ".join(r["item"] + ":" + r["delegation"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' order/interventions.csv)" "5:MUS 1:COM"
is "... like agenda.csv" "$(/usr/bin/python3 -c 'import csv,sys; print(" ".join(r["item"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))[:3])' order/agenda.csv)" "5 1"
