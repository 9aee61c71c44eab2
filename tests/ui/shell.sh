#!/bin/sh
# shell.sh — the screen's shell: layout, tabs, help, command line (history,
# completion), search, read-only, resize, sizes, colours, low bandwidth,
# locale fallbacks, control characters, another instance's changes.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db shell)

got=$(ui_run "$db" '@tick')
ok_if "starts and quits at the end of the script" test $? -eq 0
ui_expect shell-start "$got"
like "title: process, session, R4 summary, clock" "$(ui_row "$got" 1)" '^ DIMOI: Réunion annuelle .* R4 3/5  09:00$'
like "tabs 1-7" "$(ui_row "$got" 2)" '1 Agenda +2 Floor +3 Attendance +4 Themes +5 Recommendations +6 Minutes +7 Follow-up'
like "hints from the command table" "$(ui_row "$got" 24)" '^a item\+ e item= s start E end x skip K/J move'

# Tabs: Tab, S-Tab, digits.
got=$(ui_run "$db" '<Tab>')
like "Tab: the Floor screen" "$(ui_row "$got" 24)" '^E end a q\+ d q- K/J qmove Enter floor y yield'
got=$(ui_run "$db" '<S-Tab>')
like "S-Tab from Agenda: Follow-up (wraps)" "$(ui_row "$got" 24)" 'v views'
got=$(ui_run "$db" '3')
like "3: Attendance hints" "$(ui_row "$got" 24)" 'present\+'
got=$(ui_run "$db" '6<Tab>')
like "Tab from 6: Follow-up" "$(ui_row "$got" 24)" 'v views'
got=$(ui_run "$db" '7<Tab>')
like "Tab from 7 wraps to Agenda" "$(ui_row "$got" 24)" '^a item\+'
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '2' --no-color)
like "the current tab is reversed (monochrome)" "$(ui_row "$got" 4)" '^         XXXXXXX$'

# Help, generated from the table; Esc, q, ? and F1 close it.
got=$(ui_run "$db" '?')
like "help names the screen" "$(ui_row "$got" 3)" 'Keys of the Agenda screen'
like "help lists start with its key" "$got" '  s +start N +start an agenda item'
got=$(ui_run "$db" '?<PgDn>')
like "help lists movement keys (on its next page)" "$got" 'Down j +move down'
like "help hint" "$(ui_row "$got" 24)" '^Esc close help'
got=$(ui_run "$db" '2<F1>')
like "F1 on Floor: its keys" "$got" 'a +q\+ CODE \["NAME"\] \[TYPE\] +add a speaker'
got=$(ui_run "$db" '?/qmove<Enter>')
like "search in help" "$got" 'qmove'
for k in '<Esc>' 'q' '?' '<F1>'; do
	got=$(ui_run "$db" "?$k")
	like "help closed by $k" "$(ui_row "$got" 3)" 'No  Start  Min'
done
got=$(ui_run "$db" '?<End>') # the last page (help lines wrap: help.sh)
like "help scrolls to the command list" "$got" 'export DIR'

# Command line: run, error, history, completion.
got=$(ui_run "$db" ':note "hello"<Enter>')
is "command line runs a command" "$(ui_row "$got" 23)" "ok note"
got=$(ui_run "$db" ':frobnicate<Enter>')
like "unknown command: error on the message line" "$(ui_row "$got" 23)" '^error: unknown command frobnicate'
got=$(ui_run "$db" ':note "one"<Enter>:note "two"<Enter>:<Up><Up><Enter>
@dump j.txt')
is "history: Up Up recalls the first command" "$(sqlite3 "$db" "SELECT count(*) FROM journal WHERE event='note' AND detail='one'")" 2
got=$(ui_run "$db" ':star<Tab>3<Enter>')
is "Tab completes a command name" "$(ui_row "$got" 23)" "ok item 3 started"
got=$(ui_run "$db" ':s<Tab>')
like "ambiguous: candidates in the hint bar" "$(ui_row "$got" 24)" 'session.*set.*start.*skip'
got=$(ui_run "$db" ':s<Tab><Tab><Tab>')
like "Tab again cycles through the candidates" "$(ui_row "$got" 23)" '^: (set|start|skip|select|status|session)'
got=$(ui_run "$db" ':present- MU<Tab>')
is "Tab completes a delegation code" "$(ui_row "$got" 23)" ": present- MUS"
got=$(ui_run "$db" ':present- UNH<Tab>')
is "observer codes complete too" "$(ui_row "$got" 23)" ": present- UNHCR"
got=$(ui_run "$db" ':note "x<Esc>')
is "Esc cancels the command line" "$(ui_row "$got" 23)" ""
is "nothing was written" "$(sqlite3 "$db" "SELECT count(*) FROM journal WHERE detail='x'")" 0
got=$(ui_run "$db" 'nfrom the key<Enter>')
is "n asks for the note and writes it" "$(ui_row "$got" 23)" "ok note"

# Search in the agenda.
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '/voix<Enter>' --no-color)
like "search selects the matching row" "$(ui_row "$got" 16)" '^RRRRRRRR'
like "... which is item 5" "$(ui_row "$got" 15)" '^  5 '
got=$(ui_run "$db" '/nothing like this<Enter>')
like "search without a match says so" "$(ui_row "$got" 23)" 'not found: nothing like this'

# Read-only: writes refused on the message line, write keys not hinted.
got=$(ui_run "$db" 's' --read-only)
like "read-only: start refused" "$(ui_row "$got" 23)" '^error: read-only: start changes the record'
unlike "read-only: no write hints" "$(ui_row "$got" 24)" 'item\+'
like "read-only: marked in the title" "$(ui_row "$got" 1)" 'read-only'

# Resize: too small and back; extreme sizes.
got=$(ui_run "$db" '<Resize 60x20>')
like "below 80x24: the notice" "$got" 'Terminal too small \(60x20\)'
got=$(ui_run "$db" '<Resize 79x24><Resize 80x24>')
like "back to 80x24: the screen returns" "$(ui_row "$got" 2)" '1 Agenda'
unlike "... without the notice" "$got" 'too small'
got=$(ui_run "$db" '<Resize 1x1>j<Resize 80x24>j')
ok_if "1x1 and back: no crash" test $? -eq 0
like "1x1 and back: the agenda" "$(ui_row "$got" 3)" 'No  Start'
got=$(UI_COLS=300 UI_LINES=100 ui_run "$db" 'G?')
ok_if "300x100: no crash" test $? -eq 0
is "300x100: 100 rows" "$(printf '%s\n' "$got" | wc -l | tr -d ' ')" 100
got=$(ui_run "$db" '<Resize 100x40>')
like "a wider screen shows the whole title" "$(ui_row "$got" 6)" 'Déclarations liminaires des États membres'
got=$(UI_LINES=20 ui_run "$db" 'j')
like "started too small: the notice" "$got" 'too small'

# Monochrome and low bandwidth.
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" 'j' --no-color)
like "monochrome: the title bar is reversed" "$(ui_row "$got" 2)" '^RRRRRRRRRR'
like "monochrome: the selection bar is reversed" "$(ui_row "$got" 10)" '^RRRRRRRRRR'
got=$(RAPPORTEUR_TEST_ATTRS=1 NO_COLOR=1 ui_run "$db" 'j')
like "NO_COLOR: the same bar" "$(ui_row "$got" 10)" '^RRRRRRRRRR'
got=$(ui_run "$db" 'j' --low-bandwidth)
like "low bandwidth: a > marker" "$(ui_row "$got" 5)" '^> 2 '
is "low bandwidth: minimal hints" "$(ui_row "$got" 24)" "? help"
for term in vt100 linux screen-256color xterm-256color; do
	got=$(UI_TERM=$term ui_run "$db" 'jjk2')
	like "TERM=$term works" "$(ui_row "$got" 3)" 'Item|No item'
done

# Text: wide characters, accents, control characters, non-UTF-8 locale.
rap run --db "$db" - >/dev/null <<'CMDS'
item+ "中文标题 wide title" other 10
CMDS
sqlite3 "$db" "UPDATE agenda_item SET title = 'bell' || char(7) || 'esc' || char(27) || '[31m' WHERE num = 12"
got=$(ui_run "$db" 'G')
like "wide characters take two cells" "$(ui_row "$got" 17)" '中文标题 wide title$'
like "control characters are shown escaped" "$(ui_row "$got" 16)" 'bell\^Gesc\^\[\[31m'
got=$(LC_ALL=C ui_run "$db" 'G')
like "C locale: ? for non-ASCII" "$(ui_row "$got" 4)" "C\?+r\?+monie d'ouverture"
like "C locale: wide characters too" "$(ui_row "$got" 17)" '\?+ wide title$'

# Another instance writes: the screen follows within a tick.
got=$(ui_run "$db" '@other start 2')
like "another instance's start shows up" "$(ui_row "$got" 5)" '  2  09:15  15'"'"' 09:00- +running'
like "... and in the title bar" "$(ui_row "$got" 1)" '2 Adoption de l'"'"'ordre.*0'"'"'/15'"'"''

# The clock moves once a minute.
got=$(ui_run "$db" '@clock 2026-11-23T09:17:30+04:00')
like "the title clock shows minutes" "$(ui_row "$got" 1)" '17'"'"'/15'"'"'  R4 3/5  09:17 $|09:17$'
like "overrun marked" "$(ui_row "$got" 5)" '\+2'"'"''

# One R4 evaluation per change on the screen side: the title bar and the
# Attendance screen share the shell's check (@stats: the shell's counters).
stat() { sed -n "s/^$2 //p" "$TEST_TMP/$1"; }
db=$(fresh_db shell-r4)
got=$(ui_run "$db" "3jj<Enter>jjj
@stats $TEST_TMP/st1
<Space>
@stats $TEST_TMP/st2
@tick
@clock 2026-11-23T09:05:00+04:00
@stats $TEST_TMP/st3")
like "Space on a delegate: present+" "$(ui_row "$got" 23)" '^ok MDG .* present'
is "... one R4 evaluation for the change (title bar and screen)" \
	"$(($(stat st2 r4_checks) - $(stat st1 r4_checks)))" 1
is "... one reopening of the screen" "$(($(stat st2 opens) - $(stat st1 opens)))" 1
is "idle ticks and the title's minute evaluate nothing" "$(stat st3 r4_checks)" "$(stat st2 r4_checks)"

# A prompt does not reload the page under the handle() it paused: another
# instance's write during the question is shown once the key is done.
got=$(ui_run "$db" "3jj<Enter>jjj
@stats $TEST_TMP/st4
D
@other present- SYC
@stats $TEST_TMP/st5
n
@stats $TEST_TMP/st6")
is "another instance writes during a question: no reload under it" \
	"$(stat st5 opens)" "$(stat st4 opens)"
is "... the reload comes once the question is answered" \
	"$(($(stat st6 opens) - $(stat st4 opens)))" 1
like "... and shows the change" "$(ui_row "$got" 5)" 'SYC ABSENT'
is "... the answer n removed nobody" "$(sqlite3 "$db" "SELECT count(*) FROM delegate WHERE name = 'Solofo Andrianarisoa'")" 1

# A closed session: the title is cut with "…" and the mark stays whole
# (it read "…santé [clos").
closed=$(fresh_db shell-closed)
printf 'session close\n' | rap run --db "$closed" --session 1 - >/dev/null 2>&1
got=$(ui_run "$closed" '@tick')
like "closed: the mark is whole after a cut title" "$(ui_row "$got" 1)" '^ DIMOI: Réunion annuelle .*… \[closed\] R4'
got=$(UI_COLS=120 ui_run "$closed" '@tick')
like "... and after the whole title when it fits" "$(ui_row "$got" 1)" 'Migration et santé \[closed\] +R4'
got=$(ui_run "$closed" '@tick' --lang fr)
like "... in French" "$(ui_row "$got" 1)" '… \[close\] R4'
