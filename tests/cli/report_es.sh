#!/bin/sh
# report_es.sh — the meeting report in Spanish (issues 13, 17): `report
# --lang es` in HTML, ODT and Akoma Ntoso for the scripted DiMOI meeting
# and the IDM demo workshop (fixtures/idm, Spanish labels): every heading
# and label differs from the English report but for words that are the
# same in both languages, dates written "23 de noviembre de 2026", the
# labels of the fixtures in Spanish even when the interface is not, the
# same fingerprint as in French and English; the ODT carries its language
# and LibreOffice turns it into a PDF holding the same Spanish text; the
# AKN validates with FRBRlanguage spa; the Minutes screen's r key writes
# the report in the interface language.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
XSD=$TOP/tests/data/akn/akomantoso30.xsd
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW

meet=$(meeting_db)
idm=$PWD/idm.db
rm -f "$idm"*
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1

for db in meet idm; do
	eval path=\$$db
	for f in html odt xml; do
		out=$(rap report --db "$path" --session 1 --out "$db.es.$f" --lang es 2>&1)
		like "$db: report --lang es .$f answers ok" "$out" "^ok $db\.es\.$f [0-9a-f]{64}$"
	done
	fp_en=$(rap report --db "$path" --session 1 --out "$db.en.html" --lang en | cut -d' ' -f3)
	fp_fr=$(rap report --db "$path" --session 1 --out "$db.fr.html" --lang fr | cut -d' ' -f3)
	fp_es=$(rap report --db "$path" --session 1 --out "$db.es2.html" --lang es | cut -d' ' -f3)
	is "$db: the Spanish report has the English fingerprint" "$fp_es" "$fp_en"
	is "$db: ... (French)" "$fp_fr" "$fp_en"
done

# labels FILE: the report's own words, one a line, in document order:
# part headings (h2), table headers, the labels of the cover's fields,
# the small print (explanations, captions).
cat >labels.py <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.out = []; self.cur = None; self.first_td = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'tr':
            self.first_td = True
        if tag in ('h2', 'th') or a.get('class') == 'small' or \
           (tag == 'td' and self.first_td and self.fields):
            self.cur = []
        if tag == 'td':
            self.first_td = False
        if tag == 'table':
            self.fields = a.get('class') == 'fields'
    def handle_endtag(self, tag):
        if self.cur is not None and tag in ('h2', 'th', 'p', 'td', 'figcaption'):
            self.out.append(' '.join(''.join(self.cur).split())); self.cur = None
    def handle_data(self, d):
        if self.cur is not None:
            self.cur.append(d)
p = P(); p.fields = False
p.feed(open(sys.argv[1], encoding='utf-8').read())
print('\n'.join(p.out))
EOF
for db in meet idm; do
	$PY labels.py $db.es.html >$db.es.labels
	$PY labels.py $db.en.html >$db.en.labels
	is "$db: as many labels in Spanish as in English" "$(wc -l <$db.es.labels)" "$(wc -l <$db.en.labels)"
	# The same words in both languages: "Agenda" and the fingerprint.
	same=$(paste -d'|' $db.es.labels $db.en.labels | awk -F'|' '$1 == $2' |
		grep -Ev '^(Agenda|[0-9a-f]{64})\|' | head -5)
	is "$db: every heading and label of the English report is worded in Spanish" "$same" ""
done
$PY labels.py meet.es.html | head -3 >meet.cover
is "the cover's labels in Spanish" "$(cat meet.cover)" "Proceso
Sesión
Nivel"
like "the cover in Spanish" "$(grep -o '<p class="[a-z]*">[^<]*</p>' meet.es.html | head -3 | tr '\n' ' ')" \
	'^<p class="heading">Informe de la reunión</p> <p class="heading">[^<]*</p> <p class="state">BORRADOR</p> $'

cat >text.py <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.t = []
    def handle_data(self, d):
        self.t.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
print(' '.join(' '.join(p.t).split()))
EOF
$PY text.py meet.es.html >meet.es.txt
$PY text.py idm.es.html >idm.es.txt
like "meet: the dates in Spanish" "$(cat meet.es.txt)" 'Fechas del 23 de noviembre de 2026 al 24 de noviembre de 2026 '
like "meet: an adoption date in Spanish" "$(cat meet.es.txt)" 'Versión 2, adoptada el 24 de noviembre de 2026\.'
like "meet: a speech heading with its type and times" "$(cat meet.es.txt)" \
	'Mauritius \(Priya Ramdin\) — declaración, 08:32–08:38 \(6 min\)'
like "meet: a point of order" "$(cat meet.es.txt)" 'Seychelles — cuestión de orden, 09:29–09:30'
like "meet: durations of an hour and more" "$(cat meet.es.txt)" '\(1 h [0-9]{2}\)'
unlike "meet: no English month" "$(cat meet.es.txt)" \
	'\b(January|February|March|April|May|June|July|August|September|October|November|December)\b'
like "idm: the process, the host and the theme in Spanish (fixtures)" "$(cat idm.es.txt)" \
	'Proceso Diálogo Internacional sobre la Migración de la OIM \(IDM\) .*Anfitrión Suiza .*Temas Hacia una gobernanza eficaz'
like "idm: levels in Spanish" "$(cat idm.es.txt)" 'Akosua Sato Argentina Director General of Immigration Director general '
like "idm: the dates" "$(cat idm.es.txt)" 'del 15 de octubre de 2026 al 16 de octubre de 2026'
ok_if "idm: the HTML says lang=es" grep -q '<html lang="es">' idm.es.html

# From an English interface, `report --lang es` loads the Spanish labels.
out=$(printf 'report cmd.es.html --lang es\nreport cmd.de.html --lang de\n' |
	rap run --keep-going --db "$idm" - 2>/dev/null)
like "report command --lang es answers in English" "$(echo "$out" | sed -n 1p)" '^ok report written to cmd\.es\.html'
is "an unknown language names the three" "$(echo "$out" | sed -n 2p)" "error: unknown language de (fr, en, es)"
like "... the file has the Spanish labels of the fixtures" "$($PY text.py cmd.es.html)" 'Anfitrión Suiza'
is "... and is the same as rapporteur report --lang es" "$(cmp cmd.es.html idm.es.html && echo same)" same
ok_if "the CLI usage names es" sh -c "'$BIN' report --db '$idm' 2>&1 | grep -q -- '--lang fr|en|es'"

# ---- ODT: its language, then LibreOffice ----
for db in meet idm; do
	ok_if "$db: unzip -t passes" unzip -tq $db.es.odt
	like "$db: the styles set the language to es-ES" "$(unzip -p $db.es.odt styles.xml)" \
		'<style:default-style style:family="paragraph"><style:text-properties fo:language="es" fo:country="ES"/>'
	is "$db: meta.xml says es" "$(unzip -p $db.es.odt meta.xml | grep -o '<dc:language>[a-z]*</dc:language>')" \
		"<dc:language>es</dc:language>"
	ok_if "$db: the header of every page says BORRADOR" sh -c "unzip -p $db.es.odt styles.xml | grep -q '<style:header><text:p text:style-name=\"Banner\">BORRADOR'"
done
mkdir -p pdf lo
HOME=$PWD/lo timeout 180 soffice --headless -env:UserInstallation=file://$PWD/lo/profile \
	--convert-to pdf --outdir pdf meet.es.odt idm.es.odt >lo.log 2>&1
for db in meet idm; do
	ok_if "$db: LibreOffice converts the Spanish ODT to PDF" test -s pdf/$db.es.pdf
	pdftotext -raw -enc UTF-8 pdf/$db.es.pdf $db.es.pdf.txt 2>/dev/null
	for w in 'BORRADOR' 'Fechas' 'Participación' 'Desarrollo de la reunión' 'Huella del registro'; do
		ok_if "$db: the PDF holds \"$w\"" grep -q "$w" $db.es.pdf.txt
	done
done
ok_if "meet: the PDF holds the dates in Spanish" grep -q 'del 23 de noviembre de 2026' meet.es.pdf.txt

# ---- Akoma Ntoso ----
for db in meet idm; do
	like "$db: the Spanish AKN validates against akomantoso30.xsd" \
		"$(xmllint --noout --schema "$XSD" $db.es.xml 2>&1)" 'validates$'
	ok_if "$db: FRBRlanguage spa" grep -q '<FRBRlanguage language="spa"/>' $db.es.xml
	ok_if "$db: the expression's URI names spa" grep -q '<FRBRuri value="/akn/[a-z]*/debate/[0-9-]*/1/spa@"/>' $db.es.xml
done

# ---- the Minutes screen's r key follows the interface language ----
got=$(ui_run "$meet" '6r<C-u>pantalla.html<Enter>' --lang es)
like "r in Spanish: the answer in Spanish" "$(ui_row "$got" 23)" 'informe .*pantalla\.html'
ok_if "... the report is in Spanish" grep -q 'Informe de la reunión' pantalla.html
is "... the same as report --lang es" "$(cmp pantalla.html meet.es.html && echo same)" same
