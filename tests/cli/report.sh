#!/bin/sh
# report.sh — the meeting report (issue 13): `rapporteur report` and the
# `report FILE` command in HTML, ODT and Akoma Ntoso, for the demo session
# and for the whole scripted meeting of meeting.sh; the content checked
# against the database (every delegate, intervention summary and adopted
# recommendation text found with its accents: HTML through Python's
# html.parser, ODT through LibreOffice headless to PDF and pdftotext),
# the ODT package (unzip -t, mimetype first and stored, well-formed XML
# parts), Akoma Ntoso validated by xmllint against the OASIS schema
# (tests/data/akn/), the lifecycle (circulate, approve, two identical
# renders, a change refused until session reopen), hostile names, and the
# file (existing refused without --force, missing folder, full disk).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
XSD=$TOP/tests/data/akn/akomantoso30.xsd
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW
q() { sqlite3 -separator '|' "$1" "$2"; }

# ---- the demo session and the scripted meeting, every format ----
demo=$(fresh_db demo)
meet=$(meeting_db)
ok_if "the scripted meeting has interventions" test "$(q "$meet" 'SELECT count(*) FROM intervention')" -gt 5
for db in demo meet; do
	eval path=\$$db
	for f in html odt xml; do
		out=$(rap report --db "$path" --session 1 --out "$db.$f" --lang fr 2>&1)
		like "$db: report .$f answers ok with the fingerprint" "$out" "^ok $db\.$f [0-9a-f]{64}$"
	done
	fp1=$(rap report --db "$path" --session 1 --out "$db.en.html" --lang en | cut -d' ' -f3)
	is "$db: the fingerprint does not depend on the language" "$fp1" \
		"$(rap report --db "$path" --session 1 --out "$db.2.html" --lang fr | cut -d' ' -f3)"
done

# expect DB FILE: what the report must hold, one string a line.
expect() {
	q "$1" "SELECT name FROM delegate WHERE session_id = 1"
	q "$1" "SELECT replace(summary, char(10), ' ') FROM intervention WHERE session_id = 1 AND summary <> ''"
	q "$1" "SELECT replace(v.text_fr, char(10), ' ') FROM recommendation r JOIN rec_version v ON v.rec_id = r.id
		AND v.version = (SELECT max(version) FROM rec_version WHERE rec_id = r.id)
		WHERE r.session_id = 1 AND r.status IN ('adopted', 'submitted')"
	q "$1" "SELECT title FROM agenda_item WHERE session_id = 1"
}
expect "$meet" >meet.want
expect "$demo" >demo.want
ok_if "the meeting's expectations hold adopted texts with accents" grep -q 'États membres' meet.want

# html_text FILE: the text of an HTML file through html.parser (checking
# that it holds no script, no external resource, and only known tags).
cat >html_text.py <<'EOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []; self.bad = []
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'iframe', 'object', 'embed', 'img', 'link'):
            self.bad.append(tag)
        for k, v in attrs:
            if k in ('src', 'href') or k.startswith('on'):
                self.bad.append('%s=%s' % (k, v))
    def handle_data(self, d):
        self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
if p.bad:
    print('BAD', p.bad); sys.exit(1)
sys.stdout.write(' '.join(' '.join(p.text).split()))
EOF
# missing WANT TEXT: the lines of WANT not found in TEXT (white space
# folded; with --nospace, compared without any white space, as in a PDF
# whose narrow table cells break words).
cat >missing.py <<'EOF'
import sys
want = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
text = open(sys.argv[2], encoding='utf-8').read()
fold = (lambda s: ''.join(s.split())) if '--nospace' in sys.argv else (lambda s: ' '.join(s.split()))
text = fold(text)
miss = [w for w in want if fold(w) not in text]
print('\n'.join(miss[:5]))
EOF
for db in demo meet; do
	$PY html_text.py $db.html >$db.html.txt
	is "$db: the HTML parses, with no script and no external resource" "$?" 0
	is "$db: every delegate, summary, adopted text and item is in the HTML" \
		"$($PY missing.py $db.want $db.html.txt)" ""
	like "$db: the HTML is in French" "$(cat $db.html.txt)" 'Participation .*Ordre du jour|PROJET'
	ok_if "$db: the HTML carries the state DRAFT" grep -q 'PROJET' $db.html.txt
	ok_if "$db: the HTML has inline SVG charts" grep -q '<svg xmlns' $db.html
done
like "meet: speaking time per delegation is charted" "$(cat meet.html.txt)" 'Temps de parole par délégation'
ok_if "meet (en): the English report says Meeting report" grep -q 'Meeting report' meet.en.html

# ---- ODT: the package, then LibreOffice ----
cat >odt_check.py <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
first = z.infolist()[0]
assert first.filename == 'mimetype', 'mimetype not first'
assert first.compress_type == zipfile.ZIP_STORED, 'mimetype compressed'
assert z.read('mimetype') == b'application/vnd.oasis.opendocument.text'
names = z.namelist()
for part in ('content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml'):
    assert part in names, part + ' missing'
for n in names:
    if n.endswith('.xml') or n.endswith('.svg'):
        xml.dom.minidom.parseString(z.read(n))
print('ok')
EOF
for db in demo meet; do
	ok_if "$db: unzip -t passes" unzip -tq $db.odt
	is "$db: mimetype first and stored, every XML part well-formed" "$($PY odt_check.py $db.odt 2>&1)" ok
done
mkdir -p pdf lo
HOME=$PWD/lo timeout 180 soffice --headless -env:UserInstallation=file://$PWD/lo/profile \
	--convert-to pdf --outdir pdf demo.odt meet.odt >lo.log 2>&1
for db in demo meet; do
	ok_if "$db: LibreOffice converts the ODT to PDF" test -s pdf/$db.pdf
	pdftotext -raw -enc UTF-8 pdf/$db.pdf $db.pdf.txt 2>/dev/null
	is "$db: the PDF holds every delegate, summary, adopted text and item" \
		"$($PY missing.py $db.want $db.pdf.txt --nospace)" ""
	ok_if "$db: the PDF carries the state" grep -q PROJET $db.pdf.txt
done
ok_if "meet: the PDF has several pages, numbered" test "$(grep -c 'Migration et santé — [0-9]' meet.pdf.txt)" -ge 3

# ---- Akoma Ntoso ----
for db in demo meet; do
	out=$(xmllint --noout --schema "$XSD" $db.xml 2>&1)
	like "$db: the Akoma Ntoso file validates against akomantoso30.xsd" "$out" 'validates$'
done
ok_if "meet: speeches with by, as, startTime, endTime" \
	grep -q '<speech eId="speech_[0-9]*" by="#org_[0-9]*" as="#role_[0-9]*" startTime="2026-11-2' meet.xml
ok_if "meet: a point of order" grep -q '<pointOfOrder' meet.xml
ok_if "meet: the roll call names persons" grep -q '<rollCall eId=.*' meet.xml
is "meet: every speaking delegation is a TLCOrganization" \
	"$(grep -c '<TLCOrganization eId="org_' meet.xml)" \
	"$(q "$meet" 'SELECT count(DISTINCT delegation_id) FROM intervention WHERE session_id = 1')"

# ---- the lifecycle: circulate, approve, identical renders, the lock ----
life=$PWD/life.db
cp "$meet" "$life"
answers() { printf '%s\n' "$@" | rap run --keep-going --db "$life" - 2>/dev/null; }
out=$(answers "minutes approve" "minutes circulate" "minutes circulate" 'note "correction demandée par MDG"' \
	"minutes approve" "minutes circulate")
is "approve before circulate refused" "$(echo "$out" | sed -n 1p)" \
	"error: no version to approve: circulate one first (minutes circulate)"
like "circulate v1" "$(echo "$out" | sed -n 2p)" '^ok version 1 circulated, fingerprint [0-9a-f]{12}$'
is "circulate with nothing changed refused" "$(echo "$out" | sed -n 3p)" \
	"error: nothing changed since version 1 was circulated"
like "approve refused after a correction" "$(echo "$out" | sed -n 5p)" '^error: the record changed since version 1'
like "circulate v2" "$(echo "$out" | sed -n 6p)" '^ok version 2 circulated'
# A change of position alone is a change of the record (its fingerprint).
pos=$PWD/pos.db
cp "$life" "$pos"
out=$(printf '%s\n' 'position 2 COM support' 'minutes approve' | rap run --keep-going --db "$pos" - 2>/dev/null)
like "a position changed after circulating: approval refused" "$(echo "$out" | sed -n 2p)" \
	'^error: the record changed since version 2'
rap report --db "$life" --session 1 --out v2.html --lang fr >/dev/null
$PY html_text.py v2.html >v2.txt
like "v2 carries CIRCULATED v2" "$(cat v2.txt)" 'DIFFUSÉ v2'
like "v2 lists the correction since v1" "$(cat v2.txt)" 'Corrections depuis la version 1 .*correction demandée par MDG'
out=$(answers "minutes approve")
like "approve v2" "$out" '^ok version 2 approved'
is "approval journaled with before and after" \
	"$(q "$life" "SELECT before || ' -> ' || after FROM journal WHERE event = 'minutes_approve'")" \
	"version=2 circulated -> version=2 approved"
for f in html odt xml; do
	rap report --db "$life" --session 1 --out a.$f --lang fr >/dev/null
	sleep 1
	RAPPORTEUR_NOW=2027-01-15T12:00:00+04:00 rap report --db "$life" --session 1 --out b.$f --lang fr >/dev/null
	ok_if "approved: two renders of the .$f are byte-identical" cmp a.$f b.$f
done
$PY html_text.py a.html >a.txt
like "approved: the banner says APPROVED v2 with its date" "$(cat a.txt)" 'APPROUVÉ v2 — [0-9]+ [a-zé]+ 20[0-9]{2}'
ok_if "approved: the ODT header carries the state on every page" \
	sh -c "unzip -p a.odt styles.xml | grep -q 'APPROUVÉ v2'"
n0=$(q "$life" 'SELECT count(*) FROM journal')
out=$(answers 'note "trop tard"' 'present- MUS' 'rec+ MUS "T" "Texte"' 'minutes circulate')
is "approved: every change refused" "$(echo "$out" | grep -c '^error: the report of this session is approved; reopen the session first (session reopen)$')" 3
like "approved: circulating again refused" "$(echo "$out" | sed -n 4p)" '^error: version 2 is approved'
is "approved: nothing was journaled" "$(q "$life" 'SELECT count(*) FROM journal')" "$n0"
out=$(answers "session reopen" 'note "après réouverture"')
like "session reopen lifts the lock" "$(echo "$out" | sed -n 1p)" '^ok session 1 reopened'
is "then a change is accepted" "$(echo "$out" | sed -n 2p)" "ok note"
is "the reopening is journaled" \
	"$(q "$life" "SELECT before || ' -> ' || after FROM journal WHERE event = 'session_reopen'")" \
	"report=approved -> report=reopened"
rap report --db "$life" --session 1 --out v3.html --lang en >/dev/null
like "after reopening: a draft of v3 with its corrections" "$($PY html_text.py v3.html)" \
	'DRAFT v3 \(corrections since v2\).*Corrections since version 2 .*après réouverture'

# ---- hostile names and summaries ----
hos=$PWD/hostile.db
cp "$meet" "$hos"
evil=$(printf 'Zoé <script>alert(1)</script> & "q" ]]> \033[31mRED\033[0m \342\200\256gnp.exe \302\233X')
sqlite3 "$hos" "UPDATE delegate SET name = '$evil' || id WHERE id IN (SELECT id FROM delegate LIMIT 2);
	UPDATE intervention SET summary = '$evil' || ' résumé' WHERE id = (SELECT min(id) FROM intervention);
	UPDATE intervention SET speaker = CAST(X'41FF42C0' AS TEXT) WHERE id = (SELECT max(id) FROM intervention);
	UPDATE session SET title = title || ' ]]><x/>'"
for f in html odt xml; do
	out=$(rap report --db "$hos" --session 1 --out h.$f 2>&1)
	like "hostile: .$f written" "$out" '^ok '
done
out=$($PY html_text.py h.html); rc=$?
is "hostile: the HTML has no script tag or handler" "$rc" 0
like "hostile: the name is shown as text" "$out" 'Zoé <script>alert\(1\)</script> & "q" ]]>'
ok_if "hostile: xmllint validates the AKN" xmllint --noout --schema "$XSD" h.xml
is "hostile: ODT parts well-formed" "$($PY odt_check.py h.odt 2>&1)" ok
cat >raw.py <<'EOF'
import sys, zipfile
bad = []
for f in sys.argv[1:]:
    data = [open(f, 'rb').read()] if not f.endswith('.odt') else \
        [zipfile.ZipFile(f).read(n) for n in zipfile.ZipFile(f).namelist()]
    for d in data:
        for b, what in ((b'\x1b', 'ESC'), (b'\xe2\x80\xae', 'RLO'), (b'\xc2\x9b', 'CSI'),
                        (b'\xff', 'invalid byte'), (b'<script', 'script'), (b']]><x', 'CDATA end')):
            if b in d:
                bad.append('%s: %s' % (f, what))
        d.decode('utf-8')
print(' '.join(bad))
EOF
is "hostile: no ESC, bidi override, C1, invalid byte or raw markup in any file" \
	"$($PY raw.py h.html h.xml h.odt 2>&1)" ""

# ---- the file ----
echo sentinel >exists.html
out=$(rap report --db "$demo" --session 1 --out exists.html 2>&1); rc=$?
is "an existing file is refused (exit 2)" "$rc" 2
is "the refusal is one line naming the file" "$out" "rapporteur: exists.html: already exists (--force replaces it)"
is "the existing file is untouched" "$(cat exists.html)" sentinel
out=$(rap report --db "$demo" --session 1 --out exists.html --force 2>&1)
like "--force replaces it" "$out" '^ok exists\.html'
out=$(rap report --db "$demo" --session 1 --out missing/dir/r.html 2>&1); rc=$?
is "a missing folder: exit 2" "$rc" 2
is "a missing folder: one line naming the file" "$out" "rapporteur: missing/dir/r.html: No such file or directory"
out=$(rap report --db "$demo" --session 1 --out r.pdf 2>&1); rc=$?
is "an unknown extension is a usage error" "$rc" 2
like "it names the file" "$(echo "$out" | head -1)" '^rapporteur: r\.pdf: the extension names no format'
# A session whose report passes 1 MB (300 summaries of 4,000 varied
# letters), written under a file size limit of 512 KB (ulimit -f counts
# 512-byte blocks in sh): the write fails like a full disk.
big=$(fresh_db big)
awk 'BEGIN { srand(7); print "start 1"; for (k = 0; k < 300; k++) { s = ""
	for (i = 0; i < 4000; i++) s = s sprintf("%c", 97 + int(rand() * 26))
	print "floor MUS"; print "yield \"" s "\"" } }' >big.cmds
rap run --db "$big" big.cmds >/dev/null 2>&1
mkdir full && cd full || exit 2
for f in html odt xml; do
	( trap '' XFSZ; ulimit -f 1024; exec "$BIN" report --db "$big" --session 1 --out big.$f ) >out.txt 2>err.txt
	rc=$?
	is "full disk (.$f): exit 2" "$rc" 2
	like "full disk (.$f): one line naming the file" "$(cat err.txt)" "^rapporteur: big\.$f: "
	is "full disk (.$f): nothing left behind" "$(ls -A | tr '\n' ' ')" "err.txt out.txt "
done
cd .. || exit 2
out=$(printf 'report cmd.html\nreport cmd.html\nreport cmd.odt --lang en --force\nreport cmd.txt\nreport x.html --format pdf\n' |
	rap run --keep-going --db "$meet" - 2>/dev/null)
like "report command answers ok" "$(echo "$out" | sed -n 1p)" '^ok report written to cmd\.html \(fingerprint [0-9a-f]{12}\)$'
like "report command refuses an existing file" "$(echo "$out" | sed -n 2p)" '^error: cmd\.html: already exists'
like "report command with --lang and --force" "$(echo "$out" | sed -n 3p)" '^ok report written to cmd\.odt'
like "report command: an unknown extension" "$(echo "$out" | sed -n 4p)" '^error: cmd\.txt: the extension names no format'
like "report command: an unknown format" "$(echo "$out" | sed -n 5p)" '^error: unknown format pdf'

# ---- roles (issue 15): a follower writes no file and changes no version ----
out=$(printf 'report follower.html\nminutes circulate\n' |
	rap --as Obs --role follower run --keep-going --db "$meet" - 2>/dev/null)
is "a follower may not write the report" "$(echo "$out" | sed -n 1p)" "error: role follower may not run report"
like "a follower may not circulate" "$(echo "$out" | sed -n 2p)" '^error: role follower may not run minutes'
ok_if "... and no file was written" test ! -e follower.html

# ---- a line break in the title (found by make fuzz, fuzz_report) ----
# meta.xml's dc:title holds text only: a line break there is a space, not
# <text:line-break/> (a prefix meta.xml does not declare: not XML).
nl=$PWD/newline.db
cp "$demo" "$nl"
sqlite3 "$nl" "UPDATE session SET title = 'Ligne 1' || char(10) || 'Ligne 2' WHERE id = 1"
rap report --db "$nl" --session 1 --out nl.odt >/dev/null 2>&1
is "a title with a line break: every ODT part well-formed" "$($PY odt_check.py nl.odt 2>&1 | tail -1)" ok
like "... the title in meta.xml with a space" "$(unzip -p nl.odt meta.xml)" '<dc:title>Ligne 1 Ligne 2</dc:title>'
