#!/bin/sh
# report_times.sh — the report's times (issue 13): written in the
# session's zone (set tz), which the cover states, so that the same record
# gives the same bytes in HTML, ODT and Akoma Ntoso whatever the zone and
# the locale of the computer that renders it; a session without a zone is
# written in the computer's, and the cover says so.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
PY=/usr/bin/python3
RAPPORTEUR_NOW=2026-11-20T10:00:00+04:00
export RAPPORTEUR_NOW

meet=$(meeting_db)
is "the demo names its venue's zone" "$(sqlite3 "$meet" 'SELECT tz FROM session WHERE id = 1')" Indian/Mauritius

# Three computers: the venue's zone, UTC, and New York with another locale.
n=0
for env in 'TZ=Indian/Mauritius' 'TZ=UTC LC_ALL=C' 'TZ=America/New_York LANG=es_ES.UTF-8 LC_ALL=es_ES.UTF-8'; do
	n=$((n + 1))
	for f in html odt xml; do
		env $env "$BIN" report --db "$meet" --session 1 --out "t$n.$f" --lang fr >/dev/null 2>&1
	done
done
for f in html odt xml; do
	ok_if "the .$f is byte-identical rendered in Indian/Mauritius and in UTC" cmp t1.$f t2.$f
	ok_if "... and in New York with a Spanish locale" cmp t1.$f t3.$f
done
txt=$($PY -c "
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.t = []
    def handle_data(s, d): s.t.append(d)
p = P(); p.feed(open('t2.html', encoding='utf-8').read()); print(' '.join(' '.join(p.t).split()))")
like "the cover states the zone with its offset" "$txt" 'Fuseau horaire Indian/Mauritius \(UTC\+04:00\) '
like "rendered in UTC, the times are the venue's" "$txt" \
	'Maurice \(Priya Ramdin\) — déclaration, 08:32–08:38 \(6 min\)'
ok_if "the AKN's times carry the venue's offset" grep -q 'startTime="2026-11-23T08:32:00+04:00"' t2.xml

# A fixed offset, and UTC.
printf 'set tz -03:30\n' | rap run --db "$meet" - >/dev/null 2>&1
TZ=UTC rap report --db "$meet" --session 1 --out off.html --lang en >/dev/null
like "a fixed offset: stated as UTC-03:30" "$(grep -o '<td>Time zone</td><td>[^<]*' off.html)" 'UTC-03:30$'
like "... and the times follow it" "$(cat off.html)" 'Mauritius \(Priya Ramdin\) — statement, 01:02–01:08'

# No zone: the computer's, said on the cover.
sqlite3 "$meet" "UPDATE session SET tz = NULL WHERE id = 1"
TZ=UTC rap report --db "$meet" --session 1 --out none.html --lang en >/dev/null
is "no zone: the cover says whose zone the times are in" \
	"$(grep -o '<td>Time zone</td><td>[^<]*' none.html | sed 's/.*<td>//')" \
	"UTC+00:00, the zone of the computer that wrote this report (the session names none: set tz)"
like "... and the times are that computer's" "$(cat none.html)" 'Mauritius \(Priya Ramdin\) — statement, 04:32–04:38'
