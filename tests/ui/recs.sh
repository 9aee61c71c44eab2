#!/bin/sh
# recs.sh — the Recommendations screen: the list and its filters, the
# editor (accents, wide characters, wrap, undo/redo, cut/paste of a line),
# saving through rec+ and amend, R5 through the screen (pick lists of
# member states only; an observer typed on the command line is refused),
# versions and the word diff (monochrome markers), the workflow keys
# (adoption refused while a present member state objects, reservations
# listed with the adopted text), drafts (kept at exit and by Esc, offered
# back at the next start: restore or discard), read-only.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
q() { sqlite3 "$db" "$1"; }
nl='
'
# Body rows are dump rows 3..22; 23 is the message line, 24 the hint bar.

# ---- the empty list and the pick list (R5) ----
db=$(fresh_db empty)
got=$(ui_run "$db" '5')
like "an empty list says how to draft" "$(ui_row "$got" 5)" 'No recommendation yet: a drafts one \(member states only\)'
like "the hint bar lists the recommendation commands, then the help key" "$(ui_row "$got" 24)" '^a rec\+ +e amend +c cosponsor +r reserve +o object +O unobject +t status +\? help'
like "the local keys: open, filters, versions" "$(ui_row "$got" 22)" '^Enter open +f status: all +F theme: all +v versions'
got=$(ui_run "$db" '5a')
is "the author pick list offers the member states" "$(ui_row "$got" 23)" "Author (member states only): 1 COM  2 FRA  3 MDG  4 MUS  5 SYC"
unlike "... and no observer (state or organisation)" "$(ui_row "$got" 23)" 'IOM|UNHCR|WHO|SADC|ZAF|MOZ|KEN'
got=$(ui_run "$db" '5a<Esc>')
is "Esc at the pick list drafts nothing" "$(q "SELECT count(*) FROM recommendation") $(q "SELECT count(*) FROM draft")" "0 0"

# An observer typed on the command line: refused with the reason, nothing stored.
got=$(ui_run "$db" '5:rec+ IOM "Santé" "Les organisations soutiennent."<Enter>')
like "rec+ IOM on the command line is refused with the R5 reason (cut: w shows it whole)" "$(ui_row "$got" 23)" '^error: refused: IOM is an observer: drafting is the exclusive competence… w: all$'
got=$(ui_run "$db" '5:rec+ ZAF "Santé" "Un État observateur propose."<Enter>')
like "... an observer state too" "$(ui_row "$got" 23)" '^error: refused: ZAF is an observer'
is "nothing was stored" "$(q "SELECT count(*) FROM recommendation")" 0

# ---- the editor: accents, wide characters, wrap; a draft kept at exit ----
db=$(fresh_db edit)
text1="Les États membres s'engagent à garantir l'accès des travailleurs migrants aux soins de santé essentiels. 日本語テキスト"
got=$(ui_run "$db" "5a4Accès aux soins<Enter>$text1<Enter>Deuxième paragraphe, « guillemets » et œuvre.")
ui_expect recs-edit "$got"
is "the text wraps at a space before the width" "$(ui_row "$got" 4)" "Les États membres s'engagent à garantir l'accès des travailleurs migrants aux"
is "... and goes on on the next row, wide characters whole" "$(ui_row "$got" 5)" "soins de santé essentiels. 日本語テキスト"
like "the hint bar shows the editor's keys" "$(ui_row "$got" 24)" '^F2 save +Esc close +F3 FR/EN +C-z undo +C-r redo +C-k cut'
is "leaving (end of the script) kept the draft: text, author, title" \
	"$(q "SELECT replace(text, char(31), '|') FROM draft WHERE kind = 'rec' AND ref = 0")" \
	"$text1${nl}Deuxième paragraphe, « guillemets » et œuvre.||MUS|Accès aux soins"

# The next start offers it back; r restores it, F2 saves it with rec+.
got=$(ui_run "$db" '5')
is "the recovered draft is offered" "$(ui_row "$got" 22)" "A draft of a new recommendation from 09:00 was recovered: (r)estore / (d)iscard"
got=$(ui_run "$db" '5r')
is "r restores author, title and text" "$(ui_row "$got" 3)" "New recommendation by MUS: Accès aux soins                              [French]"
is "... the text" "$(ui_row "$got" 6)" "Deuxième paragraphe, « guillemets » et œuvre."
got=$(ui_run "$db" '5r<F2>')
is "F2 saves: rec+ answers" "$(ui_row "$got" 23)" "ok recommendation 1"
is "the stored text keeps its line end and accents" "$(q "SELECT text_fr FROM rec_version WHERE version = 1")" \
	"$text1${nl}Deuxième paragraphe, « guillemets » et œuvre."
is "... by the author chosen in the pick list" "$(q "SELECT d.code FROM recommendation r JOIN delegation d ON d.id = r.author_id")" MUS
is "the draft is gone once saved" "$(q "SELECT count(*) FROM draft")" 0
like "the journal holds the command, one line, \\n for the line end" "$(q "SELECT command FROM journal WHERE event = 'rec+'")" 'essentiels\. 日本語テキスト\\nDeuxième'
is "the detail is shown after saving" "$(ui_row "$got" 3)" "R1  Accès aux soins"
got=$(ui_run "$db" '5')
is "nothing is offered any more" "$(ui_row "$got" 22)" "Enter open  f status: all  F theme: all  v versions"
like "the list shows R1" "$(ui_row "$got" 4)" '^ +R1 draft +MUS +Accès aux soins$'

# ---- undo, redo, cut and paste of a line, moves over wrapped rows ----
# Each run ends inside the editor, which keeps a draft: a fresh file each.
k=0
edit() { k=$((k + 1)); db=$(fresh_db "undo$k"); got=$(ui_run "$db" "5a3Titre<Enter>$1"); }
edit 'un deux trois<C-z>'
is "C-z undoes the last word typed" "$(ui_row "$got" 4)" "un deux"
edit 'un deux trois<C-z><C-z><C-r>'
is "C-z twice then C-r" "$(ui_row "$got" 4)" "un deux"
edit 'un deux trois<BS><BS><BS><C-z>'
is "C-z undoes a run of Backspaces at once" "$(ui_row "$got" 4)" "un deux trois"
edit 'un deux trois<C-Left><C-Left>X<C-Right>Y'
is "Ctrl-Left/Right move by words" "$(ui_row "$got" 4)" "un XdeuxY trois"
edit 'un<Enter>deux<Enter>trois<Up><C-k><Up><C-y>'
is "C-k cuts the line, C-y pastes it above" "$(ui_row "$got" 4)/$(ui_row "$got" 5)/$(ui_row "$got" 6)" "deux/un/trois"
edit 'un<Enter>deux<Enter>trois<Up><C-k><C-z>'
is "C-z brings a cut line back" "$(ui_row "$got" 4)/$(ui_row "$got" 5)/$(ui_row "$got" 6)" "un/deux/trois"
long="aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq"
# "… oooo pppp" fills the 79 cells of the first row; "qqqq" is on the second.
edit "$long<Up>X<Down><Home>Z"
is "Up keeps the column across the wrap (pppp then wraps)" "$(ui_row "$got" 4)" "aaaaX bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo"
is "... Down, Home on the visual row" "$(ui_row "$got" 5)" "Zpppp qqqq"
edit "$long<Up>X<End>Y"
is "End is the end of the visual row (before its hanging space)" "$(ui_row "$got" 4)" "aaaaX bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn ooooY"
edit "$long<Home><Left>W"
is "Left from the start of a row goes to the end of the one above" "$(ui_row "$got" 5)" "ppppW qqqq"
edit 'été<F3>summer<F3>'
is "F3 switches to the English text and back" "$(ui_row "$got" 4)" "été"
like "... the header names the language" "$(ui_row "$got" 3)" '\[French\]$'
edit 'été<F3>summer<F2>'
is "saving with an English text: one version 1 with both (no invented amendment)" "$(q "SELECT group_concat(version || ':' || text_fr || ':' || text_en, ' ') FROM rec_version")" "1:été:summer"
is "... one command, one journal row (rec+), no amend" "$(q "SELECT count(*) FROM journal WHERE command LIKE 'rec+ %summer%'")/$(q "SELECT count(*) FROM journal WHERE command LIKE 'amend%'")" "1/0"

# Esc keeps the draft; a resumes it.
db=$(fresh_db esc)
got=$(ui_run "$db" '5a2Titre<Enter>texte en cours<Esc>')
is "Esc closes the editor and says the draft is kept" "$(ui_row "$got" 23)" "Draft kept: a or e resumes it."
is "... it is stored" "$(q "SELECT replace(text, char(31), '|') FROM draft")" "texte en cours||FRA|Titre"
got=$(ui_run "$db" '5<Esc>a suite')
is "after Esc at the offer, a resumes the draft" "$(ui_row "$got" 4)" "texte en cours suite"
like "... with its author and title" "$(ui_row "$got" 3)" '^New recommendation by FRA: Titre'
got=$(ui_run "$db" '5d')
is "d discards the offered draft" "$(ui_row "$got" 23) $(q "SELECT count(*) FROM draft")" "Draft discarded. 0"

# ---- amend, versions and the word diff ----
db=$(fresh_db versions)
rap run --db "$db" - >/dev/null <<'EOF'
clock 2026-11-23T10:00:00+04:00
rec+ MUS "Santé aux frontières" "Les États membres renforcent la coopération sanitaire aux frontières."
clock 2026-11-23T10:42:00+04:00
amend 1 COM "Les États membres renforcent la coopération sanitaire et la préparation aux épidémies aux frontières."
EOF
got=$(ui_run "$db" '5<Enter>e<End> Ils en rendent compte.<F2>')
is "amend: the proposer is picked among member states, the author first" "$(ui_row "$got" 23)" "Amendment to R1 proposed by (member states): 1 COM  2 FRA  3 MDG  4 MUS*  5 SYC"
# (d discards the draft the last run kept.) Replace a word, add a sentence.
got=$(ui_run "$db" '5d<Enter>e<Up><Home><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Right><Del><Del><Del><Del><Del><Del><Del><Del><Del><Del>développent<Down><End> Ils en rendent compte.<F2>2')
is "F2 then 2: amend as FRA" "$(ui_row "$got" 23)" "ok R1 version 3"
is "the new text" "$(q "SELECT text_fr FROM rec_version WHERE version = 3")" "Les États membres développent la coopération sanitaire et la préparation aux épidémies aux frontières. Ils en rendent compte."
is "version 3 proposed by FRA" "$(q "SELECT d.code FROM rec_version v JOIN delegation d ON d.id = v.delegation_id WHERE version = 3")" FRA
like "the detail names the version and who proposed it" "$(ui_row "$got" 4)" 'Version 3 \(FRA, 09:00\)'
got=$(ui_run "$db" '5<Enter>e<F2>1')
is "an unchanged text is refused and the editor stays open" "$(ui_row "$got" 23)" "error: no change: version 3 of R1 has this text"
like "... still editing" "$(ui_row "$got" 3)" '^Amending R1 \(version 3 by FRA\)'
got=$(ui_run "$db" '5<Enter>e
@other amend 1 SYC "Texte de SYC."')
is "another instance's amendment while editing is announced" "$(ui_row "$got" 23)" "R1 now has version 4 by SYC: saving adds your text after it."
like "... the header follows" "$(ui_row "$got" 3)" '^Amending R1 \(version 4 by SYC\)'
rap run --db "$db" - >/dev/null <<'EOF'
amend 1 FRA "Les États membres développent la coopération sanitaire et la préparation aux épidémies aux frontières. Ils en rendent compte."
EOF
got=$(ui_run "$db" '5dv')
like "v lists the versions: who proposed, when, typed by, size" "$(ui_row "$got" 4)" '^   v1 +10:00 +MUS +[^ ]+ +72$'
like "... version 2" "$(ui_row "$got" 5)" '^   v2 +10:42 +COM +[^ ]+ +107$'
like "... version 3" "$(ui_row "$got" 6)" '^   v3 +09:00 +FRA +[^ ]+ +[0-9]+$'
like "... version 5 (back to version 3's text)" "$(ui_row "$got" 8)" '^   v5 +[0-9:]+ +FRA +[^ ]+ +[0-9]+$'
export RAPPORTEUR_TEST_ATTRS=1
got=$(ui_run "$db" '5v<Home><Down><Enter>' --no-color)
is "Enter compares with the previous version" "$(ui_row "$got" 5)" "R1: version 1 → version 2  [-deleted-] {+inserted+}"
is "insertions are marked {+…+}" "$(ui_row "$got" 9)" "  Les États membres renforcent la coopération sanitaire {+et la préparation aux"
is "... in reverse video" "$(ui_row "$got" 10)" "                                                        RRRRRRRRRRRRRRRRRRRRRRRR"
got=$(ui_run "$db" '5v<Home><Space><Down><Down><Enter>' --no-color)
is "Space marks v1; Enter compares v1 with v3" "$(ui_row "$got" 5)" "R1: version 1 → version 3  [-deleted-] {+inserted+}"
ui_expect recs-diff "$got"
unset RAPPORTEUR_TEST_ATTRS
got=$(ui_run "$db" '5v<Enter><Esc><Esc>')
is "Esc goes back: diff, versions, detail" "$(ui_row "$got" 3)" "R1  Santé aux frontières"

# ---- workflow: status, objections, adoption, reservations, submission ----
db=$(fresh_db workflow)
rap run --db "$db" - >/dev/null <<'EOF'
clock 2026-11-23T10:00:00+04:00
rec+ MUS "Santé aux frontières" "Les États membres renforcent la coopération sanitaire."
start 4
rec+ COM "Données" "Les États membres partagent leurs données."
EOF
got=$(ui_run "$db" '5t')
is "t offers the statuses reachable from draft" "$(ui_row "$got" 23)" "New status: 1 discussion  2 adopted  3 withdrawn  4 deferred"
got=$(ui_run "$db" '5t1')
is "t 1: under discussion" "$(ui_row "$got" 23)" "ok R1 discussion"
like "... shown in the list" "$(ui_row "$got" 4)" '^ +R1 discussion +MUS'
got=$(ui_run "$db" '5c')
is "the co-sponsor pick list offers member states only, not the author (MUS)" "$(ui_row "$got" 23)" "Co-sponsor of R1 (member states): 1 COM  2 FRA  3 MDG  4 SYC"
got=$(ui_run "$db" '5c1')
is "c 1: COM co-sponsors" "$(ui_row "$got" 23)" "ok R1 cosponsor COM"
like "... shown in the list" "$(ui_row "$got" 4)" '^ +R1 discussion +MUS +COM'
got=$(ui_run "$db" '5o3Pas encore consulté<Enter>')
is "o: MDG objects" "$(ui_row "$got" 23)" "ok R1 objection MDG"
got=$(ui_run "$db" '5A')
is "A: adoption refused, the objection is the reason" "$(ui_row "$got" 23)" "error: refused: Madagascar objects (Pas encore consulté)"
is "... the status is unchanged" "$(q "SELECT status FROM recommendation WHERE num = 1")" discussion
got=$(ui_run "$db" '5<Enter>')
like "the detail lists the blocking objection" "$(ui_row "$got" 9)" '^  MDG Madagascar \(present: blocks adoption\): Pas encore consulté'
got=$(ui_run "$db" '5t1')
is "t 1 (adopted) goes through the same check" "$(ui_row "$got" 23)" "error: refused: Madagascar objects (Pas encore consulté)"
got=$(ui_run "$db" '5O')
is "O withdraws the only objection" "$(ui_row "$got" 23)" "ok R1 objection MDG withdrawn"
got=$(ui_run "$db" '5r2Sous réserve de la consultation du Parlement<Enter>')
is "r: FRA records a reservation" "$(ui_row "$got" 23)" "ok R1 reservation FRA"
got=$(ui_run "$db" '5A')
is "A adopts now (a reservation does not block)" "$(ui_row "$got" 23)" "ok R1 adopted"
got=$(ui_run "$db" '5<Enter>')
ui_expect recs-adopted "$got"
got=$(ui_run "$db" '5e')
is "an adopted text can no longer be amended" "$(ui_row "$got" 23)" "refused: R1 is adopted: its text can no longer change"
got=$(ui_run "$db" '5t')
is "from adopted: submitted only" "$(ui_row "$got" 23)" "New status: 1 submitted"
got=$(ui_run "$db" '5t1')
is "t 1: submitted" "$(q "SELECT status FROM recommendation WHERE num = 1")" submitted

# An objection of a member state that has left the room does not block.
got=$(ui_run "$db" '5jo4<Enter>')
is "o on R2: MUS objects" "$(ui_row "$got" 23)" "ok R2 objection MUS"
rap run --db "$db" - >/dev/null <<'EOF'
present- MUS
EOF
got=$(ui_run "$db" '5j<Enter>')
like "the detail says the absent objector does not block" "$(ui_row "$got" 10)" '^  MUS Mauritius \(absent: does not block\)$'
got=$(ui_run "$db" '5jA')
is "A adopts R2 with MUS absent" "$(ui_row "$got" 23)" "ok R2 adopted"

# Filters: f cycles the status; F the themes in use (set with =).
got=$(ui_run "$db" '5ff')
like "f f: under discussion" "$(ui_row "$got" 22)" 'f status: discussion'
like "... nothing matches" "$(ui_row "$got" 5)" 'No recommendation matches the filters'
got=$(ui_run "$db" '5fff')
like "f f f: adopted, R2 alone" "$(ui_row "$got" 4)" '^ +R2 adopted +COM'
is "... R1 hidden" "$(ui_row "$got" 5)" ""
got=$(ui_run "$db" '5ffffff')
like "f six times: submitted" "$(ui_row "$got" 4)" '^ +R1 submitted'
got=$(ui_run "$db" '5fffffff')
like "f seven times: all again" "$(ui_row "$got" 22)" 'f status: all'
got=$(ui_run "$db" '5j=')
is "= offers title, theme and agenda item" "$(ui_row "$got" 23)" "Change: 1 title*  2 theme  3 agenda item"
got=$(ui_run "$db" '5j=2midiocc_health<Enter>')
is "= 2 sets the theme of R2" "$(ui_row "$got" 23)" "ok R2 theme midiocc_health"
got=$(ui_run "$db" '5j<Enter>')
is "the detail names the theme" "$(ui_row "$got" 6)" "Theme: midiocc_health — Migration and health"
is "... and the agenda item in progress when it was drafted" "$(ui_row "$got" 7)/$(ui_row "$got" 8)" "Agenda item: 4 Session thématique 1 : migration et santé, état des lieux/régional"
got=$(ui_run "$db" '5F')
like "F: the theme in use" "$(ui_row "$got" 22)" 'F theme: midiocc_health'
like "... R2 alone" "$(ui_row "$got" 4)" '^ +R2 adopted +COM +midiocc_hea'
got=$(ui_run "$db" '5FF')
like "F again: all" "$(ui_row "$got" 22)" 'F theme: all'

# Read-only: no editor.
got=$(ui_run "$db" '5a' --read-only)
is "read-only: a is refused" "$(ui_row "$got" 23)" "read-only: rec+ changes the record"

# n writes a note here too (as everywhere): the screen leaves the keys of
# commands that are not its own to the shell (it said "no recommendation
# selected", or swallowed the key on a recommendation).
db=$(fresh_db note)
got=$(ui_run "$db" '5n')
like "n on an empty list: the note prompt" "$(ui_row "$got" 23)" '^write a free line in the minutes:'
rap run --db "$db" - <<'CMDS' >/dev/null
rec+ MUS "Titre" "Texte"
CMDS
got=$(ui_run "$db" '5nUne note<Enter>')
is "n on a recommendation: the note is written" "$(ui_row "$got" 23)" "ok note"
got=$(ui_run "$db" '5<Enter>n')
like "n in the detail view: the note prompt" "$(ui_row "$got" 23)" '^write a free line in the minutes:'
