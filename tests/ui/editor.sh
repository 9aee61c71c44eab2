#!/bin/sh
# editor.sh — the recommendation editor deletes the word before the
# cursor with C-w or Alt-Backspace (one undo step), and closes only on Esc
# or F2. The co-sponsor pick list leaves out the author (issue 11).
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
k=0
edit() { k=$((k + 1)); db=$(fresh_db "ed$k"); got=$(ui_run "$db" "5a3Titre<Enter>$1"); }
edit 'un deux trois<C-w>'
is "C-w deletes the word before the cursor" "$(ui_row "$got" 4)" "un deux"
edit 'un deux trois  <C-w>'
is "... with the blanks after it" "$(ui_row "$got" 4)" "un deux"
edit 'un deux trois<M-BS><M-BS>'
is "Alt-Backspace twice: two words" "$(ui_row "$got" 4)" "un"
edit 'un deux trois<C-w><C-z>'
is "C-z brings the word back" "$(ui_row "$got" 4)" "un deux trois"
edit 'un deux<C-Left>X<C-w>'
is "in the middle of the text: the word before the cursor only" "$(ui_row "$got" 4)" "un deux"
like "... the editor is still open" "$(ui_row "$got" 24)" '^F2 save'

db=$(fresh_db cosp)
rap run --db "$db" - >/dev/null <<'EOF2'
rec+ MUS "Santé aux frontières" "Les États membres renforcent la coopération sanitaire."
EOF2
got=$(ui_run "$db" '5c')
is "the co-sponsor list leaves out the author (MUS)" \
	"$(ui_row "$got" 23)" "Co-sponsor of R1 (member states): 1 COM  2 FRA  3 MDG  4 SYC"
got=$(ui_run "$db" '5c4')
is "c 4: SYC co-sponsors" "$(ui_row "$got" 23)" "ok R1 cosponsor SYC"
