#!/bin/sh
# minutes.sh — the Minutes screen: the journal after a few commands (newest
# last, the newest selected), each filter and their combination, paging
# keys against the stored journal (no gap, no duplicate), search, control
# characters escaped, a note from the screen, another instance's entry
# (followed at the end, not when reading above), export with its folder
# question, read-only, monochrome.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
RAPPORTEUR_NOW=2026-11-23T08:00:00+04:00
export RAPPORTEUR_NOW
db=$(fresh_db minutes)
unset RAPPORTEUR_NOW
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:00:00+04:00
start 1
note "Ouverture par la présidence mauricienne"
q+ MUS
floor MUS
clock 2026-11-23T09:12:00+04:00
yield "Mot de bienvenue du Secrétaire permanent"
q+ COM
end
clock 2026-11-23T09:20:00+04:00
start 2
note "Ordre du jour adopté sans amendement"
CMDS
q() { sqlite3 "$db" "$1"; }

# The actor column holds the OS user: shown as USER in expected files.
u=$(id -un)
if [ ${#u} -le 8 ]; then shown=$(printf '%-8s' "$u"); else shown="$(printf '%.7s' "$u")…"; fi
pat=$(printf '%s' "$shown" | sed 's/[].[\*^$/]/\\&/g')
norm() { printf '%s\n' "$1" | sed "s/ $pat / USER     /"; }

# List row N (1-based) of a plain dump is screen line N + 4; the detail
# column starts at cell 40 (everything before it is ASCII).
row() { ui_row "$1" $(($2 + 4)); }
details() { printf '%s\n' "$1" | sed -n '5,22p' | sed 's/^.\{39\}//'; }
# The stored details as the screen shows them (41 cells, … when cut).
want_details() { # WHERE-CLAUSE ORDER LIMIT OFFSET
	q "SELECT CASE WHEN length(detail) > 41 THEN substr(detail, 1, 40) || '…' ELSE detail END
	   FROM (SELECT seq, detail FROM journal WHERE session_id = 1 $1 ORDER BY seq $2
	   LIMIT $3 OFFSET $4) ORDER BY seq"
}
msg() { ui_row "$1" 23; }
# has DESC GOT TEXT: GOT holds TEXT (a fixed string).
has() { case "$2" in *"$3"*) _tap 0 "$1";; *) _tap 1 "$1"; _say "got: " "$2"; _say "want:" "…$3…";; esac; }

# ---- the journal ----
got=$(ui_run "$db" '6')
ui_expect minutes-journal "$(norm "$got")"
like "the filter line says all entries" "$(ui_row "$got" 3)" '^ All entries of the session +i item  d delegation  e event  c clear$'
is "the newest entry is last" "$(row "$got" 18 | sed 's/^.\{39\}//')" "Ordre du jour adopté sans amendement"
is "the list shows the newest 18 entries in order" "$(details "$got")" "$(want_details '' DESC 18 0)"
like "the time, item, event and delegation columns" "$(row "$got" 13)" '^ 09:00   1 floor       MUS    '
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6' --no-color)
like "the newest entry is selected" "$(ui_row "$got" 44)" '^R{80}$'
unlike "... and only it" "$(ui_row "$got" 42)" 'R'

# ---- filters ----
got=$(ui_run "$db" '6i1<Enter>')
like "i 1: the filter line" "$(ui_row "$got" 3)" '^ Filter: item 1  '
is "i 1: the entries of item 1" "$(details "$got" | sed '/^$/d')" "$(want_details 'AND item = 1' DESC 18 0)"
is "... all of them" "$(details "$got" | sed '/^$/d' | wc -l | tr -d ' ')" "$(q "SELECT count(*) FROM journal WHERE item = 1")"
got=$(ui_run "$db" '6i1<Enter>i<C-u><Enter>')
like "i with nothing: every item again" "$(ui_row "$got" 3)" '^ All entries'
got=$(ui_run "$db" '6ix<Enter>')
is "i x: refused" "$(msg "$got")" "not an item number: x"
got=$(ui_run "$db" '6i99<Enter>')
like "a filter matching nothing says so" "$(ui_row "$got" 6)" 'No entry matches the filter \(c clears it\)\.'
got=$(ui_run "$db" '6dmu<Tab><Enter>')
like "d mu Tab: delegation MUS" "$(ui_row "$got" 3)" '^ Filter: delegation MUS  '
is "... its entries" "$(details "$got" | sed '/^$/d')" "$(want_details "AND delegation = 'MUS'" DESC 18 0)"
got=$(ui_run "$db" '6dcom<Enter>')
like "d com: upper case" "$(ui_row "$got" 3)" '^ Filter: delegation COM  '
got=$(ui_run "$db" '6e')
like "e: the first event type present" "$(ui_row "$got" 3)" '^ Filter: event delegate\+  '
got=$(ui_run "$db" '6eeee')
like "e e e e: the fourth (alphabetical)" "$(ui_row "$got" 3)" '^ Filter: event item\+  '
types=$(q "SELECT count(DISTINCT event) FROM journal WHERE session_id = 1")
keys=$(printf "%${types}s" '' | tr ' ' e)
got=$(ui_run "$db" "6$keys")
like "e through every type: the last" "$(ui_row "$got" 3)" '^ Filter: event yield  '
got=$(ui_run "$db" "6${keys}e")
like "... and once more: every type again" "$(ui_row "$got" 3)" '^ All entries'
got=$(ui_run "$db" '6eeeee')
is "e: the notes" "$(details "$got" | sed '/^$/d')" "$(want_details "AND event = 'note'" DESC 18 0)"
got=$(ui_run "$db" '6i1<Enter>dMUS<Enter>')
ui_expect minutes-filter "$(norm "$got")"
like "item and delegation together" "$(ui_row "$got" 3)" '^ Filter: item 1 · delegation MUS  '
is "... both apply" "$(details "$got" | sed '/^$/d')" "$(want_details "AND item = 1 AND delegation = 'MUS'" DESC 18 0)"
got=$(ui_run "$db" '6i1<Enter>dMUS<Enter>c')
is "c clears every filter" "$(details "$got")" "$(want_details '' DESC 18 0)"
like "... and says so" "$(ui_row "$got" 3)" '^ All entries'
got=$(ui_run "$db" '6i1<Enter>d<Esc>')
like "Esc keeps the filter" "$(ui_row "$got" 3)" '^ Filter: item 1  '

# ---- monochrome, low bandwidth ----
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6i2<Enter>k' --no-color)
ui_expect minutes-mono "$(norm "$got")"
like "mono: the filter line bold" "$(ui_row "$got" 6)" '^ B{14}$'
like "mono: the headings bold (and underlined)" "$(ui_row "$got" 8)" '^B{80}$'
like "mono: the selection in reverse" "$(ui_row "$got" 12)" '^R{80}$'
got=$(ui_run "$db" '6k' --low-bandwidth)
like "low bandwidth: a marker instead of the bar" "$(row "$got" 17)" '^>09:20   2 start '
unlike "... on that row only" "$(row "$got" 18)" '^>'

# ---- paging ----
total=$(q "SELECT count(*) FROM journal WHERE session_id = 1")
got=$(ui_run "$db" '6<Home>')
is "Home: the oldest 18" "$(details "$got")" "$(want_details '' ASC 18 0)"
got=$(ui_run "$db" '6<Home><PgDn>')
is "Home PgDn: the next 18, no gap" "$(details "$got")" "$(want_details '' ASC 18 18)"
got=$(ui_run "$db" '6<Home><PgDn><PgDn><PgDn>')
is "... PgDn PgDn: entries 55-72" "$(details "$got")" "$(want_details '' ASC 18 54)"
got=$(ui_run "$db" '6<PgUp>')
is "PgUp from the end: the 18 before" "$(details "$got")" "$(want_details '' DESC 18 18)"
got=$(ui_run "$db" '6<PgUp><PgUp><PgDn>')
is "PgUp PgUp PgDn: back one page" "$(details "$got")" "$(want_details '' DESC 18 18)"
got=$(ui_run "$db" '6<Home><PgDn><End>')
is "End: the newest 18" "$(details "$got")" "$(want_details '' DESC 18 0)"
got=$(ui_run "$db" '6gjjjjjjjjjjjjjjjjjjjj')
is "g then j x20: scrolled by three rows" "$(details "$got")" "$(want_details '' ASC 18 3)"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6gjjjjjjjjjjjjjjjjjjjj' --no-color)
like "... the bar on the last row" "$(ui_row "$got" 44)" '^R{80}$'
got=$(ui_run "$db" '6kkkkkkkkkkkkkkkkkkkkkkkkk')
is "k x25 from the end: scrolled up by 8" "$(details "$got")" "$(want_details '' DESC 18 8)"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6kkk' --no-color)
like "k k k: the bar three rows up" "$(ui_row "$got" 38)" '^R{80}$'
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6<PgUp>' --no-color)
like "PgUp keeps the bar on its row" "$(ui_row "$got" 44)" '^R{80}$'
pages=$(( (total + 17) / 18 + 1 ))
keys=$(printf "%${pages}s" '' | sed 's/ /<PgDn>/g')
got=$(ui_run "$db" "6<Home>$keys")
is "PgDn to the end: the newest 18" "$(details "$got")" "$(want_details '' DESC 18 0)"
got=$(ui_run "$db" '6i1<Enter><Home><PgDn>')
is "PgDn with a short filter: the same rows" "$(details "$got" | sed '/^$/d')" "$(want_details 'AND item = 1' ASC 18 0)"

# ---- search ----
got=$(ui_run "$db" '6/kevin<Enter>')
like "/ from the newest wraps to the oldest match" "$(details "$got")" 'Kevin Appadoo registered'
is "... no message" "$(msg "$got")" ""
got=$(ui_run "$db" '6g/appadoo<Enter>')
like "/ from the top: the match on the selected row" "$(details "$got" | head -1)" '^MUS: Kevin Appadoo registered'
got=$(ui_run "$db" '6g/appadoo<Enter>/<Enter>')
like "/ Enter: the next match" "$(details "$got" | head -1)" '^MUS: Anjali Doorgakant, Jean-Claude Lage'
got=$(ui_run "$db" '6/zzzz<Enter>')
is "/ with no match says so" "$(msg "$got")" "not found: zzzz"

# ---- control characters, a note, another instance ----
sqlite3 "$db" "INSERT INTO journal (time, session_id, item, event, delegation, actor, command, detail)
  VALUES ('2026-11-23T09:25:00+04:00', 1, 2, 'note', 'SYC', 'x', 'note', 'evil' || char(27) || '[2J' || char(7) || 'end')"
got=$(ui_run "$db" '6')
is "control characters escaped" "$(row "$got" 18 | sed 's/^.\{39\}//')" 'evil^[[2J^Gend'
got=$(ui_run "$db" '6nPause café<Enter>')
is "n: a note from the screen" "$(msg "$got")" "ok note"
is "... followed: the last row" "$(row "$got" 18 | sed 's/^.\{39\}//')" "Pause café"
got=$(ui_run "$db" '6
@other note "Reprise des travaux"')
is "another instance's note appears" "$(row "$got" 18 | sed 's/^.\{39\}//')" "Reprise des travaux"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6
@other note "Deuxième note"' --no-color)
like "... and is selected (the view follows)" "$(ui_row "$got" 44)" '^R{80}$'
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6kk
@other note "Troisième note"' --no-color)
like "reading above: the selection stays" "$(ui_row "$got" 40)" '^R{80}$'
unlike "... and the view does not jump" "$(ui_row "$got" 43)" 'Troisième'
got=$(ui_run "$db" '6kk
@other note "Quatrième note"
jjj')
is "j j j then reaches the new entry" "$(row "$got" 18 | sed 's/^.\{39\}//')" "Quatrième note"
got=$(ui_run "$db" '6i1<Enter>
@other note "Hors filtre"')
unlike "a filtered view: another item's entry does not show" "$(details "$got")" 'Hors filtre'

# ---- export ----
got=$(ui_run "$db" '6x<Enter>')
rows=$(python3 - <<'PY'
import csv, glob
n = 0
for f in sorted(glob.glob('minutes-session-1/*.csv')):
    with open(f, newline='', encoding='utf-8') as fh:
        n += sum(1 for _ in csv.reader(fh)) - 1
print(n)
PY
)
is "x Enter: exported, rows counted" "$(msg "$got")" "ok exported to minutes-session-1 ($rows rows)"
is "the folder holds the 11 files" "$(ls minutes-session-1 | tr '\n' ' ')" "actions.csv agenda.csv attendance.csv check.csv followup.csv interventions.csv minutes.csv recommendation_versions.csv recommendations.csv session.csv themes.csv "
is "minutes.csv holds the journal" "$(($(grep -c '' minutes-session-1/minutes.csv) - 1))" "$(q "SELECT count(*) FROM journal WHERE session_id = 1")"
got=$(ui_run "$db" '6x<Enter>')
is "an existing folder: replace?" "$(msg "$got")" "minutes-session-1 exists: replace? (y/n)"
rap run --db "$db" - >/dev/null <<'CMDS'
clock 2026-11-23T09:30:00+04:00
note "Après l'export"
CMDS
got=$(ui_run "$db" '6x<Enter>n')
is "n: cancelled" "$(msg "$got")" "export cancelled"
unlike "... the folder is unchanged" "$(cat minutes-session-1/minutes.csv)" "Après l'export"
got=$(ui_run "$db" '6x<Enter>y')
like "y: replaced" "$(msg "$got")" '^ok exported to minutes-session-1 \([0-9]+ rows\)$'
like "... with the new entry" "$(cat minutes-session-1/minutes.csv)" "Après l'export"
mkdir mine && echo keep >mine/notes.txt
got=$(ui_run "$db" '6x<C-u>mine<Enter>y')
is "a folder of other files is refused" "$(msg "$got")" "error: mine: holds files that are not part of an export; not replaced"
is "... and kept" "$(cat mine/notes.txt)" "keep"
got=$(ui_run "$db" '6x<C-u>no/such/dir<Enter>')
like "a missing parent: the error" "$(msg "$got")" '^error: .*No such file or directory'
got=$(ui_run "$db" '6x<Esc>')
is "Esc: nothing exported" "$(msg "$got")" ""
got=$(ui_run "$db" '6x<C-u>ro-export<Enter>' --read-only)
like "export works read-only" "$(msg "$got")" '^ok exported to ro-export \('

# ---- the meeting report (r) ----
got=$(ui_run "$db" '6r<Enter>')
like "r Enter: the report written, its fingerprint said" "$(msg "$got")" \
	'^ok report written to report-session-1\.html \(fingerprint [0-9a-f]{12}\)$'
ok_if "... an HTML file" grep -q '<!DOCTYPE html>' report-session-1.html
got=$(ui_run "$db" '6r<Enter>')
is "an existing file: replace?" "$(msg "$got")" "report-session-1.html exists: replace? (y/n)"
cp report-session-1.html before.html
got=$(ui_run "$db" '6r<Enter>n')
is "n: cancelled" "$(msg "$got")" "report cancelled"
ok_if "... the file is unchanged" cmp before.html report-session-1.html
got=$(ui_run "$db" '6r<Enter>y')
like "y: replaced" "$(msg "$got")" '^ok report written to report-session-1\.html'
got=$(ui_run "$db" '6r<C-u>rapport.odt<Enter>')
like "a name ending .odt writes ODT" "$(msg "$got")" '^ok report written to rapport\.odt'
ok_if "... a valid zip" unzip -tq rapport.odt
got=$(ui_run "$db" '6r<C-u>rapport.txt<Enter>')
is "an unknown extension is refused" "$(msg "$got")" \
	"error: rapport.txt: the extension names no format; add --format html|odt|akn"
got=$(ui_run "$db" '6r<C-u>no/such/dir/r.html<Enter>')
is "a missing folder: one line naming the file" "$(msg "$got")" \
	"error: no/such/dir/r.html: No such file or directory"
got=$(ui_run "$db" '6r<Esc>')
is "Esc: nothing written" "$(msg "$got")" ""
got=$(ui_run "$db" '6r<C-u>ro.xml<Enter>' --read-only)
like "the report works read-only" "$(msg "$got")" '^ok report written to ro\.xml'

# ---- sizes, a short journal ----
got=$(UI_COLS=100 UI_LINES=30 ui_run "$db" '6k')
is "100x30: 24 rows, the newest last" "$(printf '%s\n' "$got" | sed -n '28p' | sed 's/^.\{39\}//')" "$(want_details '' DESC 1 0)"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '6kk<Resize 90x30>' --no-color)
like "a resize keeps the selected entry (the page fills from above)" "$(ui_row "$got" 52)" '^R{90}$'
has "... the third newest" "$(ui_row "$got" 51)" "$(q "SELECT substr(detail, 1, 30) FROM journal WHERE session_id = 1 ORDER BY seq DESC LIMIT 1 OFFSET 2")"
has "... the newest on the last row" "$(ui_row "$got" 55)" "$(q "SELECT substr(detail, 1, 30) FROM journal WHERE session_id = 1 ORDER BY seq DESC LIMIT 1")"
fresh=$(fresh_db empty)
rap run --db "$fresh" - >/dev/null <<'CMDS'
session new "Vide" senior 2026-12-01
CMDS
got=$(ui_run "$fresh" '6<PgUp><Home><End>k')
like "a session with one entry" "$(row "$got" 1)" 'session 2 opened'

# ---- the reader's language: a journal typed in English read in French ----
got=$(ui_run "$db" '6' --lang fr)
fr=$(details "$got")
like "in French: the item opened" "$fr" "^point 1 ouvert : Cérémonie d'ouverture$"
like "... the floor given" "$fr" '^MUS a la parole \(déclaration\)$'
like "... the item closed" "$fr" "^point 1 clos après 12 min : Cérémonie d'…$"
like "... the arrivals" "$fr" '^RESOI : arrivée de Josiane Lebon'
unlike "... no English line" "$fr" '(started|ended|has the floor|asks for|arrived|registered)'
is "... notes stay as typed" "$(row "$got" 18 | sed 's/^.\{39\}//')" "$(want_details '' DESC 1 0)"
