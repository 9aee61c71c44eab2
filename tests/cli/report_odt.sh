#!/bin/sh
# report_odt.sh — the ODT report's tables (issue 13): each column gets a
# width that fits what it holds (a number column narrow, a title column
# wide), the widths of every table fill the page's 17 cm, and in the PDF
# that LibreOffice makes of it no delegate's name is broken inside a word
# (with equal columns, 6 of the scripted meeting's 39 were).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW

db=$(meeting_db)
out=$(rap report --db "$db" --session 1 --out meet.odt --lang en 2>&1)
like "the ODT is written" "$out" '^ok meet\.odt '

# widths.py ODT: per table, its header (or first row) and its column
# widths in cm, as LibreOffice reads them (column style → column-width).
cat >widths.py <<'EOF'
import sys, zipfile, xml.dom.minidom
d = xml.dom.minidom.parseString(zipfile.ZipFile(sys.argv[1]).read('content.xml'))
width = {}
for s in d.getElementsByTagName('style:style'):
    if s.getAttribute('style:family') == 'table-column':
        p = s.getElementsByTagName('style:table-column-properties')[0]
        width[s.getAttribute('style:name')] = float(p.getAttribute('style:column-width')[:-2])
def text(n):
    return ''.join(t.data if t.nodeType == t.TEXT_NODE else text(t) for t in n.childNodes)
for t in d.getElementsByTagName('table:table'):
    cols = [width[c.getAttribute('table:style-name')] for c in t.getElementsByTagName('table:table-column')]
    first = t.getElementsByTagName('table:table-row')[0]
    cells = [text(c) for c in first.getElementsByTagName('table:table-cell')]
    print('%.2f|%s|%s' % (sum(cols), ';'.join(cells), ';'.join('%.2f' % c for c in cols)))
EOF
$PY widths.py meet.odt >widths.txt
ok_if "every table has its column widths" test "$(wc -l <widths.txt)" -ge 8
is "every table's columns fill 17 cm" "$(cut -d'|' -f1 widths.txt | sort -u | awk '$1 < 16.95 || $1 > 17.05')" ""
agenda=$(grep '|No\.;Item;Planned;' widths.txt | cut -d'|' -f3)
no=$(echo "$agenda" | cut -d';' -f1); item=$(echo "$agenda" | cut -d';' -f2)
ok_if "the agenda: the number column ($no cm) narrower than the item's title ($item cm)" \
	awk "BEGIN { exit !($no < 1.5 && $item > 3 * $no) }"
ok_if "the columns differ (not equal shares)" test "$(grep '|No\.;Item;Planned;' widths.txt | cut -d'|' -f3 | tr ';' '\n' | sort -u | wc -l)" -ge 4

mkdir -p pdf lo
HOME=$PWD/lo timeout 180 soffice --headless -env:UserInstallation=file://$PWD/lo/profile \
	--convert-to pdf --outdir pdf meet.odt >lo.log 2>&1
ok_if "LibreOffice converts it" test -s pdf/meet.pdf
pdftotext -raw -enc UTF-8 pdf/meet.pdf meet.txt 2>/dev/null
sqlite3 "$db" "SELECT name FROM delegate WHERE session_id = 1" >names
is "no delegate's name is broken inside a word" "$($PY -c "
t = ' '.join(open('meet.txt', encoding='utf-8').read().split())
print('\n'.join(n.strip() for n in open('names', encoding='utf-8') if n.strip() and n.strip() not in t))")" ""
