#!/bin/sh
# followup.sh — the process across meetings (issue 14, DESIGN §8): a series
# of three annual sessions. Session 1 adopts recommendations and opens
# actions; session 2 is created --from session 1 (the roster carried over,
# nobody present; the agenda as a template with the times moved to the new
# date; the settings), records follow-up for each member state, closes an
# action, adopts more; session 3 sees the open items of both. The exported
# followup.csv and actions.csv are read back with Python's csv module and
# compared field by field. An observer reporting implementation is refused
# by the command layer and by the database (sqlite3 shell).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
RAPPORTEUR_NOW=2026-11-23T10:00:00+04:00
export RAPPORTEUR_NOW
db=$PWD/series.db
rm -rf "$db"* out*
rap init --db "$db" --demo >/dev/null 2>&1
q() { sqlite3 -separator '|' "$db" "$1"; }
runs() { rap run --db "$db" --keep-going - 2>/dev/null; }

# ---- session 1: adopt, open actions --------------------------------------
out=$(runs <<'CMDS'
clock 2026-11-23T16:00:00+04:00
present+ COM
present+ MDG
present+ SYC
rec+ MUS "Santé des migrants" "Les États membres renforcent l'accès aux soins des migrants."
rec+ COM "Données" "Collecter des données ventilées par sexe et par âge."
rec+ SYC "En attente" "Reste en brouillon."
adopt 1
adopt 2
action+ secretariat "Diffuser le rapport aux États membres" 2027-01-15
action+ MUS "Accueillir la prochaine réunion"
action+ IOM "Appui technique aux points focaux" 2027-06-30
set min_level director_general
session close
CMDS
)
like "session 1: two recommendations adopted" "$out" 'ok R2 adopted'
like "session 1: actions numbered 1..3 in the process" "$out" 'ok action 3'
like "session 1 closed" "$out" 'ok session 1 closed'

# A malformed --from changes nothing.
for c in 'session new "X" senior 2027-11-20 --from' 'session new "X" senior 2027-11-20 --frm 1' \
	 'session new "X" senior 2027-11-20 --from 99'; do
	printf '%s\n' "$c" >one.cmds
	got=$(rap run --db "$db" one.cmds 2>/dev/null)
	like "refused: $c" "$got" '^error: '
done
is "... and no session was created" "$(q "SELECT count(*) FROM session")" 1

# ---- session 2 --from 1 --------------------------------------------------
out=$(rap run --db "$db" - 2>&1 <<'CMDS'
clock 2027-11-20T09:00:00+04:00
session new "DiMOI 2027" senior 2027-11-20 --from 1
CMDS
)
like "session new --from: carries the roster and the agenda" "$out" \
	'^ok session 2 \(from session 1: 39 delegates, 12 items\)'
is "the roster is carried over, nobody present" "$(q "SELECT count(*), sum(present), count(arrived) FROM delegate WHERE session_id = 2")" "39|0|0"
is "the same heads of delegation" "$(q "SELECT count(*) FROM delegate WHERE session_id = 2 AND head = 1")" \
	"$(q "SELECT count(*) FROM delegate WHERE session_id = 1 AND head = 1")"
is "the agenda as a template: no actual times, all pending" \
	"$(q "SELECT count(*), count(actual_start), sum(status = 'pending') FROM agenda_item WHERE session_id = 2")" "12|0|12"
is "planned times move to the new date, same time of day" \
	"$(q "SELECT substr(planned_start, 1, 10), substr(planned_start, 11) = (SELECT substr(planned_start, 11) FROM agenda_item WHERE session_id = 1 AND num = 1) FROM agenda_item WHERE session_id = 2 AND num = 1")" "2027-11-20|1"
is "the settings are carried (minimum level)" "$(q "SELECT min_level FROM session WHERE id = 2")" "director_general"
is "session new --from is one journal row" "$(q "SELECT count(*) FROM journal WHERE session_id = 2")" 1
like "... which says what was carried" "$(q "SELECT after FROM journal WHERE session_id = 2")" 'from=1; delegates=39; items=12'

cat >s2.cmds <<'CMDS'
clock 2027-11-20T10:00:00+04:00
follow S1/R1 COM implemented "Loi adoptée en 2027"
follow S1/R1 MDG in_progress "Plan en cours"
follow S1/R1 MUS implemented
follow S1/R1 FRA not_applicable "Compétence de l'Union européenne"
follow S1/R1 SYC not_started
follow S1/R2 MUS in_progress
follow S1/R1 SYC implemented "Circulaire de 2027"
review S1/R1 "Le CTP constate des progrès dans quatre États membres"
action 1 done "Rapport diffusé le 10 janvier"
action+ ctp "Évaluer la mise en œuvre" 2028-06-30
present+ COM
present+ MUS
rec+ MDG "Retour et réintégration" "Coopérer au retour volontaire et à la réintégration."
adopt 1
CMDS
out=$(runs <s2.cmds)
is "session 2: every follow-up and action accepted" "$(echo "$out" | grep -c '^ok')" "$(grep -c '' s2.cmds)"
is "the latest report is kept per state, every report in the history" \
	"$(q "SELECT (SELECT count(*) FROM followup), (SELECT count(*) FROM followup_history)")" "6|7"

# Refusals: each one line, nothing changed.
before=$(q "SELECT (SELECT count(*) FROM followup_history), (SELECT count(*) FROM journal), (SELECT group_concat(state) FROM action)")
for c in 'follow S1/R1 IOM implemented' 'follow S1/R1 KEN implemented' 'follow S1/R3 MUS implemented' \
	 'follow S1/R9 MUS implemented' 'follow S1/R1 XYZ implemented' 'follow S1/R1 MUS done' \
	 'follow 1/1 MUS implemented' 'action 1 done' 'action 9 done' 'action+ nobody "x"' \
	 'action+ ctp "x" 2027-02-30' 'review S1/R3 "x"'; do
	printf '%s\n' "$c" >one.cmds
	got=$(rap run --db "$db" one.cmds 2>/dev/null); rc=$?
	case "$c" in
	*IOM*) like "refused: $c (observer organisation)" "$got" '^error: IOM is an observer: only member states report';;
	*KEN*) like "refused: $c (observer state)" "$got" '^error: KEN is an observer';;
	*R3*)  like "refused: $c (never adopted)" "$got" '^error: S1/R3 was never adopted \(it is draft\)';;
	*R9*)  like "refused: $c (unknown)" "$got" '^error: no recommendation S1/R9 in this process';;
	*XYZ*) like "refused: $c (unknown state)" "$got" '^error: unknown delegation XYZ';;
	*done\ \"*|*MUS\ done) like "refused: $c (status)" "$got" '^error: status: expected not_started';;
	*1/1*) like "refused: $c (notation)" "$got" '^error: recommendation: expected S<session>/R<number>';;
	'action 1 done') like "refused: $c (already done)" "$got" '^error: action A1 is already done';;
	*9\ done) like "refused: $c (unknown action)" "$got" '^error: no action A9';;
	*nobody*) like "refused: $c (owner)" "$got" '^error: owner: expected a delegation code';;
	*02-30*) like "refused: $c (due date)" "$got" '^error: due: expected a date';;
	review*) like "refused: $c (review of a draft)" "$got" '^error: S1/R3 was never adopted';;
	esac
	is "... exit status 1: $c" "$rc" 1
done
is "the refusals changed nothing" "$(q "SELECT (SELECT count(*) FROM followup_history), (SELECT count(*) FROM journal), (SELECT group_concat(state) FROM action)")" "$before"

# The storage refuses an observer too, whatever the code path.
iom=$(q "SELECT id FROM delegation WHERE code = 'IOM'")
r1=$(q "SELECT id FROM recommendation WHERE session_id = 1 AND num = 1")
err=$(sqlite3 "$db" "INSERT INTO followup (rec_id, delegation_id, status, reported_at, reported_by, session_id) VALUES ($r1, $iom, 'implemented', 'x', 'x', 2)" 2>&1)
like "sqlite3: an observer's follow-up is refused by a trigger" "$err" 'R5_OBSERVER'
mus=$(q "SELECT id FROM delegation WHERE code = 'MUS'")
err=$(sqlite3 "$db" "UPDATE followup SET delegation_id = $iom WHERE delegation_id = $mus" 2>&1)
like "sqlite3: moving a report to an observer is refused" "$err" 'R5_OBSERVER'
r3=$(q "SELECT id FROM recommendation WHERE session_id = 1 AND num = 3")
err=$(sqlite3 "$db" "INSERT INTO followup (rec_id, delegation_id, status, reported_at, reported_by, session_id) VALUES ($r3, $mus, 'implemented', 'x', 'x', 2)" 2>&1)
like "sqlite3: following a draft is refused" "$err" 'FOLLOWUP_NOT_ADOPTED'
is "overall state: in progress while a state reports progress and one has not started" \
	"$(q "SELECT overall FROM followup_overall WHERE rec_id = $r1")" "in_progress"

# ---- session 3 --from 2 --------------------------------------------------
out=$(runs <<'CMDS'
clock 2028-11-18T09:00:00+04:00
session new "DiMOI 2028" ministerial 2028-11-18 --from 2
follow S1/R1 MDG implemented "Plan achevé"
follow S2/R1 MUS in_progress
CMDS
)
like "session 3 from session 2" "$out" '^ok session 3 \(from session 2: 39 delegates, 12 items\)'
is "S1/R1 is now implemented overall (4 implemented, 1 not applicable)" \
	"$(q "SELECT overall FROM followup_overall WHERE rec_id = $r1")" "implemented"
rap export --db "$db" --session 3 --out out3 >/dev/null 2>&1
is "export of session 3" "$?" 0

$PY - "$n" >py.out 2>&1 <<'PY'
import csv, sys
def read(name):
    with open('out3/' + name, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))
res = []
def check(what, got, want):
    res.append(('ok' if got == want else 'not ok', what, got, want))
fu = read('followup.csv')
check('followup.csv: 3 recommendations x 5 member states', len(fu), 15)
cell = {(r['recommendation'], r['member_state']): r for r in fu}
want = {
  ('S1/R1', 'COM'): ('implemented', 'Loi adoptée en 2027', '2'),
  ('S1/R1', 'MDG'): ('implemented', 'Plan achevé', '3'),
  ('S1/R1', 'MUS'): ('implemented', '', '2'),
  ('S1/R1', 'FRA'): ('not_applicable', "Compétence de l'Union européenne", '2'),
  ('S1/R1', 'SYC'): ('implemented', 'Circulaire de 2027', '2'),
  ('S1/R2', 'MUS'): ('in_progress', '', '2'),
  ('S1/R2', 'COM'): ('no_report', '', ''),
  ('S2/R1', 'MUS'): ('in_progress', '', '3'),
  ('S2/R1', 'SYC'): ('no_report', '', ''),
}
for k, (st, note, sess) in want.items():
    r = cell.get(k, {})
    check('followup.csv %s %s status' % k, r.get('status'), st)
    check('followup.csv %s %s note' % k, r.get('note'), note)
    check('followup.csv %s %s session' % k, r.get('session'), sess)
check('followup.csv: reported_at with offset', cell[('S1/R1', 'MDG')]['reported_at'], '2028-11-18T09:00:00+04:00')
check('followup.csv: no reporter when no report', cell[('S1/R2', 'COM')]['reported_by'], '')
check('followup.csv: recommendations in (session, number) order',
      [r['recommendation'] for r in fu][::5], ['S1/R1', 'S1/R2', 'S2/R1'])
ac = read('actions.csv')
check('actions.csv: the 4 actions of the process', [r['action'] for r in ac], ['1', '2', '3', '4'])
a = {r['action']: r for r in ac}
check('actions.csv A1 done in session 2', (a['1']['state'], a['1']['opened_in'], a['1']['closed_in'], a['1']['note']),
      ('done', '1', '2', 'Rapport diffusé le 10 janvier'))
check('actions.csv A2 still open, no closing session', (a['2']['owner'], a['2']['state'], a['2']['closed_in']), ('MUS', 'open', ''))
check('actions.csv A3 an observer may own an action', (a['3']['owner'], a['3']['due']), ('IOM', '2027-06-30'))
check('actions.csv A4 opened in session 2 by the CTP', (a['4']['owner'], a['4']['opened_in'], a['4']['text']),
      ('ctp', '2', 'Évaluer la mise en œuvre'))
for i, (st, what, got, want_) in enumerate(res):
    print('%s %d - %s' % (st, int(sys.argv[1]) + i + 1, what))
    if st != 'ok':
        print('#   got:  %r' % (got,))
        print('#   want: %r' % (want_,))
PY
cat py.out
n=$((n + $(grep -c '^ok\|^not ok' py.out)))
unlike "the CSV checks ran to the end" "$(cat py.out)" 'Traceback'

# The journal keeps the events as codes: the minutes read them in the
# reader's language (no English line in French minutes, and back).
rap --lang fr export --db "$db" --session 2 --out out2fr >/dev/null 2>&1
rap --lang en export --db "$db" --session 2 --out out2en >/dev/null 2>&1
fr=$(grep -E 'follow|review|action' out2fr/minutes.csv)
en=$(grep -E 'follow|review|action' out2en/minutes.csv)
like "minutes.csv in French: a follow-up report" "$fr" 'suivi de S1/R1 par COM : mise en œuvre — Loi adoptée en 2027'
like "minutes.csv in French: the CTP's review" "$fr" 'examen de S1/R1 : Le CTP constate'
like "minutes.csv in French: an action closed" "$fr" 'action A1 terminé : Rapport diffusé le 10 janvier'
like "minutes.csv in French: an action opened with its due date" "$fr" 'action A4 pour ctp : Évaluer la mise en œuvre \(échéance 2028-06-30\)'
like "minutes.csv in English: a follow-up report" "$en" 'follow-up of S1/R1 by COM: implemented — Loi adoptée en 2027'
like "minutes.csv in English: an action opened" "$en" 'action A4 for ctp: Évaluer la mise en œuvre \(due 2028-06-30\)'
unlike "no English follow-up line in the French minutes" "$fr" 'follow-up of|review of| for ctp|\(due '

# The meeting report of session 2 has the follow-up part: the reports made
# at that meeting and the actions as they stood then; the AKN validates.
XSD=$TOP/tests/data/akn/akomantoso30.xsd
rap report --db "$db" --session 2 --out r2.html >/dev/null 2>&1
is "report of session 2 (HTML)" "$?" 0
html=$(cat r2.html)
like "report: the follow-up part" "$html" 'Follow-up across meetings'
like "report: a report made at session 2, with its note" "$html" 'Loi adoptée en 2027'
like "report: the actions as they stood (A1 done at session 2)" "$html" 'Rapport diffusé le 10 janvier'
unlike "report: not the reports of a later session (session 3's MDG update)" "$html" 'Plan achevé'
rap report --db "$db" --session 2 --out r2.xml >/dev/null 2>&1
ok_if "report: the Akoma Ntoso file with the follow-up part validates" xmllint --noout --schema "$XSD" r2.xml
rap report --db "$db" --session 2 --out r2b.html >/dev/null 2>&1
ok_if "report: rendered twice, the same bytes" cmp -s r2.html r2b.html
rap --lang fr report --db "$db" --session 1 --out r1.html >/dev/null 2>&1
like "report of session 1 in French: the actions opened there" "$(cat r1.html)" 'Suivi entre les réunions'
