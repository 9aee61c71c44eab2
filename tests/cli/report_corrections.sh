#!/bin/sh
# report_corrections.sh — the annex "Corrections since version N" of the
# report (issue 13): each correction asked for by a member state after a
# version was circulated shows what was corrected, in the reader's
# language, with the state before and after it — in the draft of the next
# version and in that version once circulated.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW

db=$(meeting_db)
out=$(rap run --db "$db" - 2>&1 <<'CMDS'
minutes circulate
clock 2026-11-25T10:00
intervention= 1 2 summary "Les Comores remercient Maurice et la COI (corrigé)."
delegate= FRA "Laurent Fontaine" function "Ambassadeur"
CMDS
)
is "circulated, then two corrections" "$(echo "$out" | grep -c '^ok')" 4

# rows FILE: the annex's table, one row a line, cells joined by |.
cat >rows.py <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.inside = False; self.rows = []; self.cell = None
    def handle_starttag(self, tag, attrs):
        if tag == 'section' and dict(attrs).get('id') == 'corrections':
            self.inside = True
        if self.inside and tag == 'tr':
            self.rows.append([])
        if self.inside and tag in ('td', 'th'):
            self.cell = []
    def handle_endtag(self, tag):
        if self.inside and tag in ('td', 'th'):
            self.rows[-1].append(''.join(self.cell)); self.cell = None
        if tag == 'section':
            self.inside = False
    def handle_data(self, d):
        if self.cell is not None:
            self.cell.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
print('\n'.join('|'.join(r) for r in p.rows))
EOF
want_en="Time|Correction|Before|After
25/11 10:00|intervention 1.2 (COM): summary changed to \"Les Comores remercient Maurice et la COI (corrigé).\"|Les Comores remercient Maurice, pays hôte, et la COI.|Les Comores remercient Maurice et la COI (corrigé).
25/11 10:00|FRA: Laurent Fontaine: function Ambassadeur délégué à la coopération régionale dans la zone de l'océan Indien → Ambassadeur|function=Ambassadeur délégué à la coopération régionale dans la zone de l'océan Indien|function=Ambassadeur"
rap report --db "$db" --session 1 --out draft.html --lang en >/dev/null
is "the draft of v2: each correction with before and after" "$($PY rows.py draft.html)" "$want_en"
rap report --db "$db" --session 1 --out draft.fr.html --lang fr >/dev/null
like "in French: the headers and the correction worded in French" "$($PY rows.py draft.fr.html | head -2 | tr '\n' '#')" \
	'^Heure\|Correction\|Avant\|Après#25/11 10:00\|intervention 1\.2 \(COM\) : .*\|Les Comores remercient Maurice, pays hôte, et la COI\.\|Les Comores remercient Maurice et la COI \(corrigé\)\.#$'
echo 'minutes circulate' | rap run --db "$db" - >/dev/null 2>&1
rap report --db "$db" --session 1 --out v2.html --lang en >/dev/null
like "v2 circulated: the annex is titled since version 1" "$(cat v2.html)" '<h3>Corrections since version 1</h3>'
is "... and holds the same rows" "$($PY rows.py v2.html)" "$want_en"
for f in odt xml; do
	out=$(rap report --db "$db" --session 1 --out v2.$f --lang en 2>&1)
	like "v2 in .$f" "$out" '^ok '
done
ok_if "the AKN with the annex validates" xmllint --noout --schema "$TOP/tests/data/akn/akomantoso30.xsd" v2.xml
ok_if "the ODT holds the text before the correction" sh -c "unzip -p v2.odt content.xml | grep -q 'Les Comores remercient Maurice, pays hôte, et la COI.'"
