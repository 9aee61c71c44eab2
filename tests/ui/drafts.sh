#!/bin/sh
# drafts.sh — a draft that cannot be stored is never dropped without a
# word (issue 12, item 1). The database refuses every draft here (a
# trigger, as a full disk or a lock held past the busy timeout would):
#  - the recommendation editor's Esc keeps the editor and its text open and
#    says the draft was NOT saved; a second Esc leaves, knowingly;
#  - the note prompt (n) and the yield summary (y on the Floor) do the
#    same with their one line;
#  - without the refusal, Esc closes at once and the draft is stored.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db drafts)
q() { sqlite3 -separator '|' "$db" "$1"; }
printf 'start 3\nq+ MUS\nfloor\n' | rap run --db "$db" - >/dev/null 2>&1
q "CREATE TRIGGER test_draft_refused BEFORE INSERT ON draft BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;"
got=$(ui_run "$db" '5a2Titre<Enter>texte en cours<Esc>')
is "editor, draft refused: Esc keeps the text on screen" "$(ui_row "$got" 4)" "texte en cours"
like "editor, draft refused: says it was NOT saved" "$(ui_row "$got" 23)" 'draft NOT saved'
got=$(ui_run "$db" '5a2Titre<Enter>texte en cours<Esc><Esc>')
unlike "editor, draft refused: a second Esc leaves" "$(ui_row "$got" 3)" '^New recommendation'
got=$(ui_run "$db" 'nune note à garder<Esc>')
like "note prompt, draft refused: Esc keeps the prompt and its text" "$(ui_row "$got" 23)" 'une note à garder'
like "note prompt, draft refused: says it was NOT saved" "$(ui_row "$got" 24)" 'draft NOT saved'
got=$(ui_run "$db" 'nune note à garder<Esc><Esc>')
unlike "note prompt, draft refused: a second Esc leaves" "$(ui_row "$got" 23)" 'une note à garder'
got=$(ui_run "$db" '2yun résumé à garder<Esc>')
like "yield summary, draft refused: Esc keeps the prompt and its text" "$(ui_row "$got" 23)" 'un résumé à garder'
like "yield summary, draft refused: says it was NOT saved" "$(ui_row "$got" 24)" 'draft NOT saved'
got=$(ui_run "$db" '2yun résumé à garder<Esc><Esc>')
unlike "yield summary, draft refused: a second Esc leaves" "$(ui_row "$got" 23)" 'un résumé à garder'
is "... and nothing was yielded" "$(q "SELECT count(*) FROM intervention WHERE end IS NULL")" 1
q "DROP TRIGGER test_draft_refused"
got=$(ui_run "$db" 'nune note à garder<Esc>')
is "note prompt, draft stored: Esc closes at once, the draft kept" "$(q "SELECT text FROM draft WHERE kind = 'note'")" "une note à garder"
