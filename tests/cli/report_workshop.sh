#!/bin/sh
# report_workshop.sh — the IDM workshop report (issue 17, the "Red Book"
# series): a process whose fixtures say report=workshop gets key messages
# first, then lessons learned, examples of good practice, the "Voix de
# migrants" session, the satisfaction questionnaire when one was recorded
# (note satisfaction "TEXT"), then the usual proceedings — in HTML, ODT
# and Akoma Ntoso (valid), in English, French and Spanish. The DiMOI
# meeting report keeps its structure; a note of a kind typed there shows
# in the proceedings under its item. A bad report value in process.csv is
# refused.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
XSD=$TOP/tests/data/akn/akomantoso30.xsd
RAPPORTEUR_NOW=2026-10-15T08:00:00+02:00
export RAPPORTEUR_NOW
q() { sqlite3 -separator '|' "$1" "$2"; }

idm=$PWD/idm.db
rm -f "$idm"*
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
is "the IDM process reports as a workshop" "$(q "$idm" "SELECT code, report FROM process")" "IDM|workshop"
demo=$(fresh_db demo)
is "DiMOI keeps the meeting report" "$(q "$demo" "SELECT code, report FROM process")" "DIMOI|meeting"
cp "$idm" idm0.db

# h2 FILE: the part headings of an HTML report, one a line.
h2() { grep -o '<h2>[^<]*</h2>' "$1" | sed "s/<[^>]*>//g; s/&#39;/'/g"; }
# part FILE ID: the text of the section with that id (up to the next part).
cat >part.py <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self, want):
        super().__init__(); self.want = want; self.depth = 0; self.inside = 0; self.t = []
    def handle_starttag(self, tag, attrs):
        if tag == 'section':
            self.depth += 1
            if dict(attrs).get('id') == self.want and not self.inside:
                self.inside = self.depth
    def handle_endtag(self, tag):
        if tag == 'section':
            if self.inside == self.depth:
                self.inside = 0
            self.depth -= 1
    def handle_data(self, d):
        if self.inside:
            self.t.append(d)
p = P(sys.argv[2]); p.feed(open(sys.argv[1], encoding='utf-8').read())
print(' '.join(' '.join(p.t).split()))
EOF
part() { $PY part.py "$1" "$2"; }

# ---- the demo workshop before anything is recorded ----
rap report --db "$idm" --session 1 --out empty.html --lang en >/dev/null
is "the parts of a workshop report, key messages first (nothing recorded: no questionnaire)" \
	"$(h2 empty.html | tr '\n' '|')" \
	"Key messages|Lessons learned|Examples of good practice|Migrants' voices|Participation|Agenda|Proceedings|Themes|Conclusions and recommendations|Next meeting|Annex|"
ok_if "the cover says Workshop report" grep -q '<p class="heading">Workshop report</p>' empty.html
is "an empty part says so" "$(part empty.html key-messages)" "Key messages Nothing was recorded."
ok_if "every section id is unique (HTML)" test -z "$(grep -o '<section class="[a-z]*" id="[^"]*"' empty.html | sort | uniq -d)"
like "the Voix de migrants item is in its part" "$(part empty.html migrant-voices)" \
	"^Migrants' voices 5\. Voix de migrants / Migrants' voices: testimony of a returning migrant worker$"
is "... and the proceedings point to it" "$(part empty.html item-5)" \
	"5. Voix de migrants / Migrants' voices: testimony of a returning migrant worker Reported above, under \"Migrants' voices\"."

# ---- a workshop recorded ----
rap run --db "$idm" - >run.out 2>&1 <<'CMDS'
set tz Europe/Zurich
clock 2026-10-15T09:00:00+02:00
start 1
note key "Capacity development is a shared responsibility of origin, transit and destination countries."
end
clock 2026-10-15T14:00:00+02:00
start 5
q+ MEX
floor
clock 2026-10-15T14:20:00+02:00
yield "A returning migrant worker told of the recognition of her skills at home."
note "Testimony followed by questions from the floor."
end
start 9
note practice "Mexico: consular one-stop shops for returning migrants."
note lesson "Local authorities need to be at the table from the start."
note key "Data, skills and return: three areas where partnerships pay off."
note "Free note of session 5."
end
note satisfaction "87 of 104 respondents (84 %) were satisfied with the workshop."
CMDS
is "every command answered ok" "$(grep -vc '^ok' run.out)" 0
is "minutes.csv carries the kind satisfaction" \
	"$(q "$idm" "SELECT event FROM journal WHERE detail LIKE '87 of 104%'")" satisfaction

for l in en fr es; do
	for f in html odt xml; do
		out=$(rap report --db "$idm" --session 1 --out ws.$l.$f --lang $l 2>&1)
		like "workshop ($l): .$f written" "$out" "^ok ws\.$l\.$f [0-9a-f]{64}$"
	done
done
is "the parts in order, with the questionnaire" "$(h2 ws.en.html | tr '\n' '|')" \
	"Key messages|Lessons learned|Examples of good practice|Migrants' voices|Satisfaction questionnaire|Participation|Agenda|Proceedings|Themes|Conclusions and recommendations|Next meeting|Annex|"
is "key messages numbered in the order typed" "$(part ws.en.html key-messages)" \
	"Key messages 1. Capacity development is a shared responsibility of origin, transit and destination countries. 2. Data, skills and return: three areas where partnerships pay off."
is "lessons learned" "$(part ws.en.html lessons-learned)" \
	"Lessons learned 1. Local authorities need to be at the table from the start."
is "good practice" "$(part ws.en.html good-practices)" \
	"Examples of good practice 1. Mexico: consular one-stop shops for returning migrants."
like "the testimony with its speaker, times, summary and note" "$(part ws.en.html migrant-voices)" \
	"^Migrants' voices 5\. Voix de migrants .* Mexico — statement, 14:00–14:20 \(20 min\) A returning migrant worker told of the recognition of her skills at home\. Testimony followed by questions from the floor\.$"
is "the questionnaire" "$(part ws.en.html satisfaction)" \
	"Satisfaction questionnaire 87 of 104 respondents (84 %) were satisfied with the workshop."
is "the proceedings keep the free notes, not the notes of a kind" "$(part ws.en.html item-9)" \
	"9. Session 5: examples of good practice Free note of session 5."
unlike "... the testimony is not repeated in the proceedings" "$(part ws.en.html proceedings)" 'recognition of her skills'
is "in French" "$(h2 ws.fr.html | head -5 | tr '\n' '|')" \
	"Messages clés|Enseignements tirés|Exemples de bonnes pratiques|Voix de migrants|Questionnaire de satisfaction|"
ok_if "... Rapport d'atelier" grep -q "<p class=\"heading\">Rapport d&#39;atelier</p>" ws.fr.html
is "in Spanish" "$(h2 ws.es.html | head -5 | tr '\n' '|')" \
	"Mensajes clave|Lecciones aprendidas|Ejemplos de buenas prácticas|Voces de migrantes|Cuestionario de satisfacción|"
ok_if "... Informe del taller" grep -q '<p class="heading">Informe del taller</p>' ws.es.html
for l in en fr es; do
	like "workshop ($l): the AKN validates" "$(xmllint --noout --schema "$XSD" ws.$l.xml 2>&1)" 'validates$'
done
ok_if "the AKN has a debateSection per part" grep -q '<debateSection eId="dbsect_[0-9]*" name="key-messages">' ws.en.xml
cat >odt_text.py <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith('.xml'):
        xml.dom.minidom.parseString(z.read(n))
d = xml.dom.minidom.parseString(z.read('content.xml'))
print('|'.join(''.join(t.data for t in h.childNodes if t.nodeType == t.TEXT_NODE)
      for h in d.getElementsByTagName('text:h') if h.getAttribute('text:outline-level') == '1'))
EOF
is "the ODT's parts in order" "$($PY odt_text.py ws.en.odt)" \
	"Key messages|Lessons learned|Examples of good practice|Migrants' voices|Satisfaction questionnaire|Participation|Agenda|Proceedings|Themes|Conclusions and recommendations|Next meeting|Annex"
fp_en=$(rap report --db "$idm" --session 1 --out fp.en.html --lang en | cut -d' ' -f3)
is "the fingerprint is the same in every language" \
	"$(rap report --db "$idm" --session 1 --out fp.es.html --lang es | cut -d' ' -f3)" "$fp_en"
fp0=$(rap report --db idm0.db --session 1 --out fp0.html | cut -d' ' -f3)
ok_if "the notes of a kind are part of the fingerprint" test "$fp0" != "$fp_en"

# ---- DiMOI: the meeting report as it was; notes of a kind under their item ----
rap report --db "$demo" --session 1 --out dimoi.html --lang en >/dev/null
is "the meeting report's parts" "$(h2 dimoi.html | tr '\n' '|')" \
	"Participation|Agenda|Proceedings|Themes|Conclusions and recommendations|Next meeting|Annex|"
ok_if "... Meeting report" grep -q '<p class="heading">Meeting report</p>' dimoi.html
printf '%s\n' 'start 1' 'note key "Un message clé."' 'end' 'note lesson "Sans point."' |
	rap run --db "$demo" - >/dev/null 2>&1
rap report --db "$demo" --session 1 --out dimoi2.html --lang en >/dev/null
like "a key message in a meeting report: under its item, introduced" "$(part dimoi2.html item-1)" \
	'Key message: Un message clé\.$'
is "... one without an item under Other notes" "$(part dimoi2.html notes)" "Other notes Lesson learned: Sans point."
is "... and no workshop part" "$(h2 dimoi2.html | tr '\n' '|')" \
	"Participation|Agenda|Proceedings|Themes|Conclusions and recommendations|Next meeting|Annex|"

# ---- the fixtures: report must be meeting or workshop ----
cp -r "$TOP/fixtures/idm" fx
sed -i '2s/,workshop$/,minutes/' fx/process.csv
out=$(rap init --db bad.db --fixtures fx 2>&1); rc=$?
is "an unknown report in process.csv: exit 2" "$rc" 2
like "... one line naming the file, row and field" "$out" 'process\.csv: row 2: report: unknown report "minutes" \(meeting, workshop\)'
