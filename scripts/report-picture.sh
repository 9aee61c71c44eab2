#!/bin/sh
# report-picture.sh — docs/report-first-page.png, the first page of the
# HTML report of the scripted meeting (tests/data/report/meeting.cmds)
# once circulated: the HTML printed to PDF by LibreOffice headless, the
# page drawn by pdftoppm. Run from the top of the tree after `make`.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ='<+04>-4' RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
"$top/rapporteur" init --db "$tmp/m.db" --demo >/dev/null
"$top/rapporteur" run --keep-going --db "$tmp/m.db" "$top/tests/data/report/meeting.cmds" >/dev/null 2>&1 || true
echo "minutes circulate" | RAPPORTEUR_NOW=2026-11-25T10:00:00+04:00 \
	"$top/rapporteur" run --db "$tmp/m.db" - >/dev/null
"$top/rapporteur" report --db "$tmp/m.db" --session 1 --out "$tmp/report.html" --lang fr >/dev/null
HOME=$tmp timeout 180 soffice --headless -env:UserInstallation="file://$tmp/profile" \
	--convert-to pdf:writer_web_pdf_Export --outdir "$tmp" "$tmp/report.html" >/dev/null 2>&1
mkdir -p "$top/docs"
pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$tmp/report.pdf" "$top/docs/report-first-page"
echo "ok docs/report-first-page.png"
