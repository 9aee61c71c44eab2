#!/bin/sh
# idm_workshop.sh — an IDM intersessional workshop scripted end to end with
# the IDM fixtures (issue 17, "Done when"): 175 member states loaded, 600
# participants imported and 300 checked in, the theme choice (two proposals
# for the overarching theme of next year, four workshop proposals of which
# two are kept and two combined), interventions, the notes of the workshop
# report (key messages, lessons learned, good practices), and the CSV
# minutes read back field by field with Python's csv module.
. "$RAPPORTEUR_TOP/tests/lib.sh"
T=${TEST_TMP:-/tmp}
db="$T/workshop.db"
sq() { sqlite3 -separator '|' "$db" "$1"; }

is "init with fixtures/idm (no demo)" "$(rap init --db "$db" --fixtures "$TOP/fixtures/idm" 2>&1)" "ok $db"
is "175 member states loaded" "$(sq "SELECT count(*) FROM delegation WHERE type = 'member'")" 175
rap run --db "$db" - >"$T/setup.out" 2>&1 <<'CMDS'
session new "IDM 2026 — Second intersessional workshop" senior 2026-10-15
set end_date 2026-10-16
set venue "Geneva"
set r4 off
set workshop_places 3
item+ "Opening remarks" opening 20 09:00
item+ "Voix de migrants / Migrants' voices" testimony 30 09:20
item+ "Session 1: partnerships for capacity development" thematic 90 10:00
item+ "Themes of the next IDM" next_meeting 45 14:00
item+ "Key messages, lessons learned and good practices" drafting 60 2026-10-16T09:00
CMDS
is "the session is set up" "$(grep -c '^ok' "$T/setup.out")" 10

# ---- 600 participants imported, 300 checked in --------------------------
python3 "$TOP/scripts/idm_demo.py" participants 600 >"$T/participants.csv"
is "the participants file holds 600 rows" "$(($(wc -l <"$T/participants.csv") - 1))" 600
out=$(rap import participants "$T/participants.csv" --db "$db" --session 1 2>&1)
like "600 participants imported" "$(printf '%s\n' "$out" | tail -1)" '^ok 600 new, 0 updated, 0 unchanged, 0 errors'
is "600 delegates stored" "$(sq "SELECT count(*) FROM delegate")" 600
ndel=$(sq "SELECT count(DISTINCT delegation_id) FROM delegate")
ok_if "across the member states, observers and organisations ($ndel delegations)" test "$ndel" -ge 150
# Check-in: the first 300 participants of the file, one present+ each.
python3 - "$T/participants.csv" >"$T/checkin.cmds" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))[:300]
for r in rows:
    print('present+ %s "%s"' % (r["delegation"], r["name"]))
PY
rap run --db "$db" "$T/checkin.cmds" >"$T/checkin.out" 2>&1
is "300 check-ins answered ok" "$(grep -c '^ok .* present (' "$T/checkin.out")" 300
is "300 delegates present" "$(sq "SELECT count(*) FROM delegate WHERE present = 1")" 300
is "300 arrivals journaled" "$(sq "SELECT count(*) FROM journal WHERE event = 'present+'")" 300
is "check: R4 not applied at an IDM workshop" "$(echo check | rap run --db "$db" -)" \
	"ok R4 not applied in this session (set r4 on)"

# ---- the theme choice (seeds/002) ------------------------------------------
rap run --db "$db" - >"$T/themes.out" 2>&1 <<'CMDS'
clock 2026-10-15T14:00:00+04:00
start 4
propose next "Migration and sustainable development: the next decade"
propose next idm2018
propose workshop idm2018_2
propose workshop "Skills partnerships between countries of origin and destination"
propose workshop "Data for migration governance"
propose workshop "Statistics on labour migration"
position 1 DEU support
position 1 MEX support
position 1 SEN abstain
position 2 ARG object
position 3 AFG support
position 3 ALB support
position 4 AGO support
position 5 ARM support
position 6 AUS support
select 1
reject 2
select 3
select 4
merge 5 6 "Data and statistics for migration governance"
position 7 AUT support
select 7
CMDS
is "every theme command answered ok" "$(grep -vc '^ok' "$T/themes.out")" 0
is "two proposals for the overarching theme, four for the workshops" \
	"$(sq "SELECT target, count(*) FROM proposal WHERE num <= 6 GROUP BY target ORDER BY target")" \
	"next|2
workshop|4"
is "next year's overarching theme selected, the other rejected" \
	"$(sq "SELECT num, status FROM proposal WHERE target = 'next' ORDER BY num")" "1|selected
2|rejected"
is "two workshop proposals kept, two combined into a third" \
	"$(sq "SELECT num, status, ifnull(merged_into, '') FROM proposal WHERE target = 'workshop' ORDER BY num")" \
	"3|selected|
4|selected|
5|merged|7
6|merged|7
7|selected|"
like "the combined proposal says where it comes from" "$(sq "SELECT title || ' / ' || origins FROM proposal WHERE num = 7")" \
	'^Data and statistics for migration governance / P5; P6$'

# ---- interventions and the workshop report's notes -------------------------
rap run --db "$db" - >"$T/floor.out" 2>&1 <<'CMDS'
clock 2026-10-15T14:40:00+04:00
end
clock 2026-10-16T09:00:00+04:00
start 5
q+ DEU
q+ MEX
q+ UNHCR
floor
yield "Partnerships must include local authorities; capacity development starts with data."
floor
yield "Mexico shared its consular network's support to returnees."
floor
yield "UNHCR recalled protection needs in mixed movements."
note key "Capacity development is a shared responsibility of origin, transit and destination countries."
note key "Data, skills and return: three areas where partnerships pay off."
note lesson "Local authorities need to be at the table from the start."
note practice "Mexico: consular one-stop shops for returning migrants."
note "The satisfaction questionnaire was handed out."
CMDS
is "every floor and note command answered ok" "$(grep -vc '^ok' "$T/floor.out")" 0
is "three interventions" "$(sq "SELECT count(*) FROM intervention")" 3
is "a note kind is refused when unknown, and nothing is written" \
	"$(echo 'note summary "x"' | rap run --db "$db" - 2>/dev/null; sq "SELECT count(*) FROM journal WHERE detail = 'x'")" \
	"error: note: unknown kind summary (key, lesson, practice, satisfaction)
0"

# ---- the CSV minutes, read back field by field ----------------------------
out=$(rap export --db "$db" --session 1 --out "$T/minutes" 2>&1)
is "export" "$out" "ok $T/minutes"
got=$(python3 - "$T/minutes" <<'PY'
import csv, os, sys
d = sys.argv[1]
def rows(name):
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
att = rows("attendance.csv")
print("attendance", len(att), sum(r["present"] == "yes" for r in att),
      len({r["delegation"] for r in att}))
chk = rows("check.csv")
print("check", len(chk), sorted({r["result"] for r in chk}))
th = rows("themes.csv")
for r in th:
    print("theme", r["target"], r["proposal"], r["decision"], r["proposed_by"], r["theme"])
iv = rows("interventions.csv")
for r in iv:
    print("intervention", r["item"], r["seq"], r["delegation"], r["delegation_type"], r["seconds"] != "",
          r["summary"][:30])
mn = rows("minutes.csv")
for r in mn:
    if r["event"] in ("note", "key", "lesson", "practice"):
        print("note", r["item"], r["event"], r["detail"])
ag = rows("agenda.csv")
print("agenda", [(r["item"], r["kind"], r["status"]) for r in ag])
PY
)
is "attendance.csv: 600 delegates, 300 present" "$(printf '%s\n' "$got" | grep '^attendance')" \
	"attendance 600 300 $ndel"
is "check.csv: 175 member states, not applied" "$(printf '%s\n' "$got" | grep '^check')" \
	"check 175 ['NOT_APPLIED']"
is "themes.csv: the choice, field by field" "$(printf '%s\n' "$got" | grep '^theme')" \
"theme next 1 selected secretariat Migration and sustainable development: the next decade
theme next 2 rejected secretariat Inclusive and innovative partnerships for effective global governance of migration
theme workshop 3 selected secretariat Towards effective migration governance: partnerships for capacity development
theme workshop 4 selected secretariat Skills partnerships between countries of origin and destination
theme workshop 5 merged secretariat Data for migration governance
theme workshop 6 merged secretariat Statistics on labour migration
theme workshop 7 selected secretariat Data and statistics for migration governance"
is "interventions.csv: three, with their summaries" "$(printf '%s\n' "$got" | grep '^intervention')" \
"intervention 5 1 DEU member True Partnerships must include loca
intervention 5 2 MEX member True Mexico shared its consular net
intervention 5 3 UNHCR observer_org True UNHCR recalled protection need"
is "minutes.csv: the notes with their kind and item" "$(printf '%s\n' "$got" | grep '^note')" \
"note 5 key Capacity development is a shared responsibility of origin, transit and destination countries.
note 5 key Data, skills and return: three areas where partnerships pay off.
note 5 lesson Local authorities need to be at the table from the start.
note 5 practice Mexico: consular one-stop shops for returning migrants.
note 5 note The satisfaction questionnaire was handed out."
is "agenda.csv: the workshop's items" "$(printf '%s\n' "$got" | grep '^agenda')" \
	"agenda [('1', 'opening', 'pending'), ('2', 'testimony', 'pending'), ('3', 'thematic', 'pending'), ('4', 'next_meeting', 'done'), ('5', 'drafting', 'in_progress')]"
