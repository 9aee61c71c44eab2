#!/bin/sh
# themes.sh — the Themes screen (DESIGN §4.4, R6): proposing (a free title,
# a code, from the catalogue; by the secretariat, the CTP, a member state;
# an observer refused), each position key (+ - 0 . Backspace), select
# refused with its reason then accepted, reject, merge (mark, then merge),
# switching target, search; consensus through the screen (absent member
# states do not block, an objection blocks, a member state leaves the
# room and the block lifts, the majority rule); the next session
# inheriting the theme chosen for it; the grid in monochrome at 80×24
# with 5 member states and 6 proposals, and with the 15 member states of
# fixtures/midsa; everything journaled and exported; bytes per position
# key in a pseudo-terminal.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db themes)
sq() { sqlite3 -separator '|' "$db" "$1"; }
# Screen rows (1-based, text dumps): 3 the target, 4 headings, 5… the grid
# (one member state a row, in code order) beside the proposals list (one
# proposal a row), 20–22 the selected proposal, 23 the message line.
msg() { ui_row "$1" 23; }
row() { ui_row "$1" $((4 + $2)); }
detail() { ui_row "$1" $((19 + $2)); }
# Attribute dumps: row N's text is line 2N-1, its markers line 2N.
atext() { ui_row "$1" $((2 * $2 - 1)); }
amarks() { ui_row "$1" $((2 * $2)); }

# ---- the empty screen ----
got=$(ui_run "$db" '4')
is "the target, its places and the rule" "$(ui_row "$got" 3)" \
	" Workshops: places 2, selected 0 · by consensus     t next meeting  c catalogue"
is "headings" "$(ui_row "$got" 4)" \
	"                            No   Title                          By   Decision"
is "the grid lists the member states only" \
	"$(printf '%s\n' "$got" | sed -n '5,9p' | cut -c1-5 | tr -d ' ' | tr '\n' ' ')" \
	"COM FRA MDG MUS SYC "
unlike "... no observer in it" "$got" '^ (IOM|UNHCR|ZAF|SADC) '
is "no proposal yet" "$(detail "$got" 1)" \
	" No proposal for the workshops yet: a proposes one, c opens the catalogue."

# ---- propose ----
got=$(ui_run "$db" '4aMigration et jeunesse<Enter><Enter>')
is "a: a free title by the secretariat (the default proposer)" "$(msg "$got")" "ok proposal 1"
is "... stored" "$(sq "SELECT num, target, ifnull(theme_id, '-'), title, proposer_kind FROM proposal")" \
	"1|workshop|-|Migration et jeunesse|secretariat"
like "... listed, without support yet" "$(row "$got" 1)" 'P1   Migration et jeunesse +Sec\. no support$'
is "... its detail" "$(detail "$got" 2)" " By the secretariat · free title"
got=$(ui_run "$db" '4amidiocc_borders<Enter><C-u>MU<Tab><Enter>')
is "a: a catalogue code, the proposer completed by Tab (MU → MUS)" "$(msg "$got")" "ok proposal 2"
like "... listed by MUS, with the catalogue title in the interface language" "$(row "$got" 2)" \
	'P2   Integrated border management   MUS  no support$'
is "... the categories it brings into R4" "$(detail "$got" 2)" \
	" By MUS Mauritius · midiocc_borders · R4 adds: Interior, Defence and Security"
like "... and selected (the grid's column heading in reverse)" "$(ui_row "$got" 4)" '^ +P1  P2 '
got=$(ui_run "$db" '4aVoix de migrants<Enter><C-u>ctp<Enter>')
is "a: proposed by the steering committee" "$(sq "SELECT proposer_kind FROM proposal WHERE num = 3")" ctp
got=$(ui_run "$db" '4aObservateurs<Enter><C-u>IOM<Enter>')
is "an observer cannot propose" "$(msg "$got")" \
	"error: IOM is an observer: only member states propose themes (R6)"
got=$(ui_run "$db" '4aNever<Esc>')
is "Esc at the proposer cancels" "$(sq "SELECT count(*) FROM proposal")" 3

# From the catalogue: c, search, a.
got=$(ui_run "$db" '4c/trafic<Enter>')
is "c: the catalogue, / finds a theme" "$(ui_row "$got" 3)" \
	" Catalogue (65) · for the workshops                 a propose  t target  c back"
is "... its titles" "$(detail "$got" 1)" \
	" midiocc_trafficking: Countering migrant smuggling and trafficking in human be…"
is "... the categories it brings into R4" "$(detail "$got" 2)" " R4 adds: Interior, Justice"
is "... the session's theme" "$(detail "$got" 3)" " Themes of this session: Migration and health"
ui_expect themes-catalogue "$got"
got=$(ui_run "$db" '4c/traf<Enter>/<Enter>')
is "/ Enter: the next match" "$(detail "$got" 1)" \
	" idm2009_2: Trafficking in persons and exploitation of migrants: ensuring the …"
got=$(ui_run "$db" '4c/trafic<Enter>a<C-u>SYC<Enter>')
is "a in the catalogue proposes the selected theme" "$(msg "$got")" "ok proposal 4"
is "... back to the proposals, the new one selected" "$(detail "$got" 1)" \
	" P4 Countering migrant smuggling and trafficking in human beings"
is "... stored with its code and proposer" \
	"$(sq "SELECT t.code, d.code FROM proposal p JOIN theme t ON t.id = p.theme_id
	  JOIN delegation d ON d.id = p.proposer_id WHERE p.num = 4")" "midiocc_trafficking|SYC"
got=$(ui_run "$db" '4c/trafic<Enter><Enter><Enter>')
is "Enter proposes too; the same theme twice is refused" "$(msg "$got")" "error: already proposed as P4"
got=$(ui_run "$db" '4c/zzzz<Enter>')
is "a search without a match says so" "$(msg "$got")" "not found: zzzz"
got=$(ui_run "$db" '4cc')
is "c again: back to the proposals" "$(ui_row "$got" 3 | cut -c1-11)" " Workshops:"

# ---- positions: each key ----
# Cursor at COM (row 1) on P1: + support, then move and set the others.
got=$(ui_run "$db" '4<Home>+')
is "+ : support" "$(msg "$got")" "ok P1 COM support"
like "... the cell, in brackets under the cursor" "$(row "$got" 1)" '^ COM  \[S\]  ·   ·   ·  '
got=$(ui_run "$db" '4<Home>j-')
is "- : object" "$(msg "$got")" "ok P1 FRA object"
like "... shown O" "$(row "$got" 2)" '^ FRA  \[O\] '
like "... the proposal is blocked" "$(row "$got" 1)" 'Sec\. blocked$'
is "... the reason under it" "$(detail "$got" 3)" " Blocked: France / Réunion objects (1 support, 5 present)."
got=$(ui_run "$db" '4<Home>jj0')
is "0 : abstain" "$(msg "$got")" "ok P1 MDG abstain"
got=$(ui_run "$db" '4<Home>j.')
is ". : none (the objection withdrawn)" "$(msg "$got")" "ok P1 FRA none"
like "... the cell back to ·" "$(row "$got" 2)" '^ FRA  \[·\] '
like "... consensus again" "$(row "$got" 1)" 'Sec\. consensus$'
got=$(ui_run "$db" '4<Home>jj<BS>')
is "Backspace : none" "$(msg "$got")" "ok P1 MDG none"
got=$(ui_run "$db" '4<Home>jj<BS>')
is "none on an empty cell says so and runs nothing" "$(msg "$got")" \
	"P1: MDG already has that position"
got=$(ui_run "$db" '4<Home>+')
is "the same position again runs nothing" "$(msg "$got")" "P1: COM already has that position"
is "positions stored" "$(sq "SELECT d.code, p.stance FROM position p JOIN delegation d
	  ON d.id = p.delegation_id ORDER BY d.code")" "COM|support"
is "every position key journaled (5 commands)" \
	"$(sq "SELECT count(*) FROM journal WHERE event = 'position'")" 5
got=$(ui_run "$db" '4<Right>jjj+<Left>')
is "Right then + : the position on P2" "$(sq "SELECT count(*) FROM position p JOIN proposal q
	  ON q.id = p.proposal_id WHERE q.num = 2 AND p.stance = 'support'")" 1
like "Left: back to P1, the cursor in the grid follows" "$(row "$got" 4)" '^ MUS  \[·\]  S  '
got=$(ui_run "$db" ':position 1 IOM support<Enter>')
is "an observer's position (command line) is refused" "$(msg "$got")" \
	"error: IOM is an observer: only member states state positions (R6)"

# ---- select: refused with its reason, then accepted ----
rap run --db "$db" - >/dev/null <<'EOF'
position 2 MDG object
position 2 SYC support
EOF
got=$(ui_run "$db" '4<Right>s')
is "s while a present member state objects: the reason" "$(msg "$got")" \
	"error: refused: Madagascar objects"
is "... nothing changed" "$(sq "SELECT status FROM proposal WHERE num = 2")" open
got=$(ui_run "$db" '4<Right>
@other present- MDG
')
like "another instance: MDG leaves the room, shown in lowercase" "$(row "$got" 3)" '^ mdg   ·   o   '
like "... the block lifts" "$(row "$got" 2)" 'MUS  consensus$'
is "... the reason line" "$(detail "$got" 3)" \
	" Consensus: 2 support, 0 abstain, no objection, 4 present; s selects it."
got=$(ui_run "$db" '4<Right>s')
is "s now selects it" "$(msg "$got")" "ok P2 selected"
like "... SELECTED" "$(row "$got" 2)" 'MUS  SELECTED$'
is "... places" "$(ui_row "$got" 3 | cut -c1-32)" " Workshops: places 2, selected 1"
got=$(ui_run "$db" ':present+ MDG<Enter>4<Right>jj')
like "back in the room, MDG in capitals again" "$(row "$got" 3)" '^ MDG   ·  \[O\] '
got=$(ui_run "$db" '4<Right>-')
is "a selected proposal takes no more positions" "$(msg "$got")" \
	"error: P2 is no longer open (selected)"
# An absent member state's objection does not block.
rap run --db "$db" - >/dev/null <<'EOF'
present- SYC
position 1 SYC object
EOF
got=$(ui_run "$db" '4')
like "an absent objector does not block" "$(row "$got" 1)" 'Sec\. consensus$'
like "... its cell in lowercase" "$(row "$got" 5)" '^ syc  \[o\]|^ syc   o '
got=$(ui_run "$db" '4:present+ SYC<Enter>')
like "it comes back: blocked" "$(row "$got" 1)" 'Sec\. blocked$'
got=$(ui_run "$db" '4:present- SYC<Enter>s')
is "it leaves again (:present-): P1 selected" "$(msg "$got")" "ok P1 selected"
got=$(ui_run "$db" '4<Right><Right>+s')
is "two places filled: the third is refused with the reason" "$(msg "$got")" \
	"error: refused: the places for the workshops are filled (2 of 2)"

# ---- reject ----
got=$(ui_run "$db" '4<End><Right><Right>x')
is "x asks first" "$(msg "$got")" "Reject P3? (y/n)"
got=$(ui_run "$db" '4<Right><Right>xn')
is "n: nothing" "$(sq "SELECT status FROM proposal WHERE num = 3")" open
got=$(ui_run "$db" '4<Right><Right>xy')
is "y: rejected" "$(msg "$got")" "ok P3 rejected"
like "... shown" "$(row "$got" 3)" 'CTP  rejected$'
is "... its detail" "$(detail "$got" 3)" " Rejected."

# ---- merge: mark one, then merge with another ----
rap run --db "$db" - >/dev/null <<'EOF'
propose workshop "Mobilité des jeunes" FRA
propose workshop "Économie bleue"
EOF
got=$(ui_run "$db" '4<Right><Right><Right><Right>m')
is "m marks a proposal" "$(msg "$got")" \
	"P5 marked: m on another proposal merges the two (Esc cancels)"
like "... shown with a star" "$(row "$got" 5)" 'P5\* +Mobilité des jeunes'
got=$(ui_run "$db" '4<Right><Right><Right><Right>m<Esc>')
is "Esc removes the mark" "$(msg "$got")" "mark removed"
unlike "... no star" "$(row "$got" 5)" 'P5\*'
got=$(ui_run "$db" '4<Right><Right><Right><Right>m<Right>m')
is "m on another: the title asked, the default joining both" "$(msg "$got")" \
	"Title of the merged proposal: Mobilité des jeunes + Économie bleue"
got=$(ui_run "$db" '4<Right><Right><Right><Right>m<Right>m<C-u>Jeunesse et économie bleue<Enter>')
is "Enter merges" "$(msg "$got")" "ok proposal 7"
is "... the new one selected, with its origins" "$(detail "$got" 1)" \
	" P7 Jeunesse et économie bleue (merged from P5; P6)"
unlike "... the merged ones left the list" "$got" 'Mobilité des jeunes|Économie bleue +Sec'
is "... kept in the record" "$(sq "SELECT num, status, (SELECT num FROM proposal m WHERE m.id = p.merged_into)
	  FROM proposal p WHERE num IN (5, 6)")" "5|merged|7
6|merged|7"
got=$(ui_run "$db" '4<Right><Right>m<Right><Right><Right>m<Enter>')
is "merging with a rejected proposal is refused" "$(msg "$got")" \
	"error: P3 is no longer open (rejected)"

# ---- search among the proposals ----
got=$(ui_run "$db" '4/jeunesse<Enter>')
is "/ selects the matching proposal" "$(detail "$got" 1)" \
	" P7 Jeunesse et économie bleue (merged from P5; P6)"
got=$(ui_run "$db" '4/SYC<Enter>')
is "/ finds a proposer" "$(detail "$got" 1)" \
	" P4 Countering migrant smuggling and trafficking in human beings"
got=$(ui_run "$db" '4/diaspora<Enter>')
is "/ without a proposal: the catalogue" "$(detail "$got" 1)" \
	" midiocc_diaspora: Engaging diasporas in development / Participation des diasp…"

# ---- the next meeting: switch target, select, the next session inherits ----
got=$(ui_run "$db" '4t')
is "t: the next meeting's target" "$(ui_row "$got" 3)" \
	" Next meeting: places 1, selected 0 · by consensus     t workshops  c catalogue"
got=$(ui_run "$db" '4tamidiocc_data<Enter><C-u>COM<Enter>')
is "proposed for the next meeting" "$(sq "SELECT target FROM proposal WHERE num = 8")" next
got=$(ui_run "$db" '4t<Home>+j+s')
is "selected for the next meeting" "$(msg "$got")" "ok P8 selected"
is "... its detail" "$(detail "$got" 3)" " Selected: the next meeting starts with it."
got=$(ui_run "$db" '4tt')
is "t again: the workshops, their selection kept" "$(ui_row "$got" 3 | cut -c1-32)" \
	" Workshops: places 2, selected 2"
got=$(ui_run "$db" ':session new "Réunion annuelle du DiMOI 2027" senior 2027-11-15<Enter>')
is "session new" "$(msg "$got")" "ok session 2"
got=$(ui_run "$db" '4c')
is "the new session starts with the theme chosen for it" "$(detail "$got" 3)" \
	" Themes of this session: Collection, analysis and sharing of migration data"
like "... in the title bar, the new session" "$(ui_row "$got" 1)" 'DIMOI: Réunion annuelle du DiMOI 2027'
is "... no proposal in the new session" "$(detail "$(ui_run "$db" '4')" 1)" \
	" No proposal for the workshops yet: a proposes one, c opens the catalogue."
rap export --db "$db" --session 2 --out exp2 >/dev/null 2>&1
like "... its export names the theme" "$(sed -n 2p exp2/session.csv)" \
	',"?Collection, analysis and sharing of migration data"?,'

# ---- journal and export of the first session ----
is "every action journaled" "$(sq "SELECT event, count(*) FROM journal WHERE session_id = 1
	  AND event IN ('propose', 'position', 'select', 'reject', 'merge') GROUP BY event ORDER BY event")" \
	"merge|1
position|12
propose|7
reject|1
select|3"
rap export --db "$db" --session 1 --out exp1 >/dev/null 2>&1
is "themes.csv: P2 selected, with the positions set on the screen" \
	"$(grep '^workshop,2,' exp1/themes.csv | tr -d '\r')" \
	"workshop,2,Integrated border management,MUS,2,1,0,selected,MDG: object; MUS: support; SYC: support"
is "themes.csv: P3 rejected, P7 from the merge" \
	"$(grep -E '^workshop,(3|7),' exp1/themes.csv | cut -d, -f1-3,8 | tr -d '\r')" \
	"workshop,3,Voix de migrants,rejected
workshop,7,Jeunesse et économie bleue,open"

# ---- monochrome: 5 member states, 6 proposals, 80×24 ----
db=$(fresh_db mono)
rap run --db "$db" - >/dev/null <<'EOF'
propose workshop midiocc_health
propose workshop "Migration, environment and climate change" MUS
propose workshop "Voix de migrants et inclusion" ctp
propose workshop idm2011_1 COM
propose workshop midiocc_trafficking SYC
propose workshop "Mobilité des jeunes"
position 1 MUS support
position 1 COM support
position 1 MDG abstain
position 2 SYC support
position 2 MDG object
position 4 FRA support
position 4 MUS support
position 6 SYC object
present- SYC
select 4
position 5 COM abstain
reject 5
EOF
got=$(ui_run "$db" '4<Right>jj' --no-color)
ui_expect themes-mono "$got"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '4<Right>jj' --no-color)
like "monochrome: the cursor cell in brackets" "$(atext "$got" 7)" '^ MDG   A  \[O\]  ·   ·   ·   · │ P3 '
is "... and in reverse, with its member state" "$(amarks "$got" 7)" " RRR      RRR"
is "... the selected proposal's number in reverse, blocked in bold" "$(amarks "$got" 6)" \
	"                               RR                                    BBBBBBB"
like "... SELECTED as a word, in bold" "$(atext "$got" 8)$(amarks "$got" 8)" 'COM  SELECTED {20,}B{8}$'
like "... absent in lowercase, not counted" "$(atext "$got" 9)" '^ syc   ·   s   ·   ·   ·   o │ P5 .* rejected$'
like "... the reason of the block in bold" "$(atext "$got" 22)$(amarks "$got" 22)" \
	'^ Blocked: Madagascar objects \(0 support, 4 present\)\. B{51}$'
ui_expect themes-mono-attrs "$got"
got=$(RAPPORTEUR_TEST_ATTRS=1 ui_run "$db" '4' --no-color)
like "... a present member state's objection in bold" "$(atext "$got" 7)$(amarks "$got" 7)" '^ MDG   A   O   .*           B$'
like "... blocked in bold" "$(atext "$got" 6)$(amarks "$got" 6)" 'MUS  blocked {20,}B{7}$'

# ---- places to fill (session settings) ----
got=$(ui_run "$db" ':set workshop_places 3<Enter>4')
like "workshop_places 3: three places" "$(ui_row "$got" 3)" '^ Workshops: places 3, selected 1 '
got=$(ui_run "$db" ':set next_places 2<Enter>4t')
like "next_places 2: two places for the next meeting" "$(ui_row "$got" 3)" '^ Next meeting: places 2, selected 0 '

# ---- the majority rule ----
got=$(ui_run "$db" ':set rule majority<Enter>4')
like "majority: the rule in the header" "$(ui_row "$got" 3)" 'by majority'
like "... P1 (2 of 4) has no majority" "$(row "$got" 1)" 'no majority$'
got=$(ui_run "$db" '4j+s')
is "... a third support: selected" "$(msg "$got")" "ok P1 selected"

# ---- 15 member states (fixtures/midsa) ----
db="$TEST_TMP/midsa.db"
rap init --db "$db" --fixtures "$TOP/fixtures/midsa" --demo >/dev/null 2>&1
got=$(UI_NOW=2026-09-14T14:30:00+04:00 ui_run "$db" '4')
ui_expect themes-midsa "$got"
is "15 member states, each on its row" \
	"$(printf '%s\n' "$got" | sed -n '5,19p' | cut -c2-4 | tr '\n' ' ')" \
	"AGO BWA cod LSO MDG MOZ MUS MWI NAM SWZ SYC TZA ZAF ZMB ZWE "
like "the absent objector does not block P1" "$(row "$got" 1)" 'Sec\. consensus$'
got=$(UI_NOW=2026-09-14T14:30:00+04:00 ui_run "$db" '4<Right><Right>s')
is "ZWE's objection blocks P3" "$(msg "$got")" "error: refused: Zimbabwe objects"
got=$(UI_NOW=2026-09-14T14:30:00+04:00 ui_run "$db" '4<End><Right><Right>')
like "the cursor reaches the 15th member state" "$(row "$got" 15)" '^ ZWE   ·   ·  \[O\]  · +│$'
got=$(UI_NOW=2026-09-14T14:30:00+04:00 ui_run "$db" '4t')
like "the next meeting's proposal" "$(row "$got" 1)" 'P5 +Trafficking in persons.* MOZ  consensus$'

# More member states than rows, more proposals than columns: the grid
# scrolls with the cursor and says what it does not show (^ v < >).
rap run --db "$db" - >/dev/null <<'EOF'
delegation+ ZZZ member "Testland"
propose workshop idm2001
propose workshop idm2002
propose workshop idm2003
propose workshop idm2004
propose workshop idm2005
EOF
got=$(ui_run "$db" '4')
like "16 member states, 9 proposals: more below and to the right" "$(ui_row "$got" 4)" \
	'^ v    P1  P2  P3  P4  P6  P7 > No   Title'
got=$(ui_run "$db" '4<End><Right><Right><Right><Right><Right><Right><Right><Right>')
like "End, Right ×8: the last state and proposal, rows above and columns to the left hidden" \
	"$(ui_row "$got" 4)" '^ \^<   P4  P6  P7  P8  P9  P10  No   Title'
like "... the cursor on the last member row" "$(row "$got" 14)" '^ zzz   ·   ·   ·   ·   ·  \[·\]│$'
like "... more member states than rows: the last row names the selected one" "$(row "$got" 15)" \
	'^ ZZZ Testland \(absent\) +│$'
like "... the list shows every proposal" "$(row "$got" 9)" " P10  Towards policy coherence o… Sec\\. no support$"
got=$(ui_run "$db" '4<End><Right><Right><Right><Right><Right><Right><Right><Right><Resize 120x30>')
like "wider and taller: everything shown" "$(ui_row "$got" 4)" \
	'^      P1  P2  P3  P4  P6  P7  P8  P9  P10  No   Title'
like "... the cursor kept" "$(row "$got" 16)" '^ zzz( +·){8}  \[·\]'

# ---- read-only ----
got=$(ui_run "$db" '4-' --read-only)
is "read-only: a position key is refused" "$(msg "$got")" \
	"error: read-only: position changes the record"

# ---- --low-bandwidth: the cursor alone on a move, the detail at the tick ----
db=$(fresh_db lowbw)
rap run --db "$db" - >/dev/null <<'EOF'
propose workshop midiocc_health
propose workshop "Mobilité des jeunes" FRA
EOF
got=$(ui_run "$db" '4<Right>' --low-bandwidth)
like "low bandwidth: a '>' marks the selected proposal" "$(row "$got" 2)" '>P2   Mobilité des jeunes'
like "... the cursor in brackets" "$(row "$got" 1)" '^ COM   ·  \[·\] '
is "... the detail waits for the keys to stop" "$(detail "$got" 1)" " P1 Migration and health"
got=$(ui_run "$db" '4<Right><Tick>' --low-bandwidth)
is "... and follows at the idle tick" "$(detail "$got" 1)" " P2 Mobilité des jeunes"
got=$(ui_run "$db" '4j<Tick>' --low-bandwidth)
like "... the member state's name too" "$(printf '%s\n' "$got" | sed -n 11p)" '^ FRA France / Réunion +│$'

# ---- no session; a closed session ----
rap init --db "$TEST_TMP/none.db" >/dev/null 2>&1
got=$(ui_run "$TEST_TMP/none.db" '4+')
is "no session: said on the screen" "$(ui_row "$got" 4)" "  No session: create one with :session new"
is "... and for a position key" "$(msg "$got")" "No session: create one with :session new"
db=$(fresh_db closed)
rap run --db "$db" - >/dev/null <<'EOF'
propose next midiocc_data
session close
EOF
got=$(ui_run "$db" '4t+')
is "a closed session: the position refused with the reason" "$(msg "$got")" \
	"error: the session is closed; reopen it first (session reopen)"
is "... nothing stored" "$(sqlite3 "$db" "SELECT count(*) FROM position")" 0

# ---- bytes per position key (a real pseudo-terminal) ----
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
db=$(fresh_db bytes)
rap run --db "$db" - >/dev/null <<'EOF'
propose workshop midiocc_health
propose workshop "Migration, environment and climate change" MUS
propose workshop "Voix de migrants et inclusion" ctp
position 1 MUS support
EOF
field() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
out=$("$PY" "$TOP/tests/bench/probe.py" --env TZ="$TZ" --env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 \
	--env ESCDELAY=25 --keys '4,+,DOWN,-,DOWN,0,DOWN,.,RIGHT,LEFT,q' -- "$BIN" --db "$db")
# A position key: the cell, the decision word, the reason line, the answer
# on the message line — not the screen (a full repaint is about 2 KB).
max=$(printf '%s' "$out" | field "max(d['keys']['by_key'][k]['max'] for k in '+-0.')")
ok_if "a position key sends at most 220 B ($max B)" test "$max" -le 220 -a "$max" -gt 20
side=$(printf '%s' "$out" | field "max(d['keys']['by_key'][k]['max'] for k in ('RIGHT', 'LEFT'))")
ok_if "Left/Right (another proposal and its detail) at most 400 B ($side B)" \
	test "$side" -le 400 -a "$side" -gt 20
down=$(printf '%s' "$out" | field "d['keys']['by_key']['DOWN']['max']")
# The move alone is about 150 B; the detail lines follow 250 ms after the
# last key (UI_DEFER_MS), and on a loaded machine they can fall inside the
# probe's measure of the key (150 ms of silence after a late answer): the
# bound allows them, far below a repaint (about 2 KB). Figures: make bench.
ok_if "Down in the grid sends at most 300 B ($down B)" test "$down" -le 300 -a "$down" -gt 0
is "... one write per key" "$(printf '%s' "$out" | field "int(d['keys']['reads_median'])")" 1
out=$("$PY" "$TOP/tests/bench/probe.py" --env TZ="$TZ" --env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 \
	--env ESCDELAY=25 --keys '4,DOWN,DOWN,RIGHT,LEFT,q' -- "$BIN" --db "$db" --low-bandwidth)
down=$(printf '%s' "$out" | field "d['keys']['by_key']['DOWN']['max']")
ok_if "--low-bandwidth: Down sends at most 25 B ($down B)" test "$down" -le 25 -a "$down" -gt 0
side=$(printf '%s' "$out" | field "max(d['keys']['by_key'][k]['max'] for k in ('RIGHT', 'LEFT'))")
ok_if "--low-bandwidth: Left/Right at most 40 B ($side B)" test "$side" -le 40 -a "$side" -gt 0
is "the four positions were recorded" \
	"$(sqlite3 "$db" "SELECT group_concat(stance, ' ') FROM (SELECT stance FROM position ORDER BY delegation_id)")" \
	"support abstain object"
