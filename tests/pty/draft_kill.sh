#!/bin/sh
# draft_kill.sh — the text being typed survives a crash (DESIGN §2, §7):
# in a real pseudo-terminal (tmux), a recommendation is typed in the
# editor, the program is killed with SIGKILL 1.5 s after the last key (the
# draft is saved on the idle tick, a second without a key), restarted, and
# the recovery offer brings the text back; the same after SIGHUP (a dropped
# SSH link) sent right after the last key, where the screen's close()
# saves the draft; and a draft restored on an amendment undoes back to the
# stored version.
. "$RAPPORTEUR_TOP/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
db=$(fresh_db kill)
q() { sqlite3 "$db" "$1"; }
T() { tmux -S "$sock" "$@"; }
screen_text() { T capture-pane -p -t rap; }
start() { pty_start; pane_wait rap '1 Agenda' >/dev/null; }

# ---- a new recommendation, SIGKILL after the idle tick ----
start
T send-keys -t rap 5 a
pane_wait rap 'Author \(member states only\): 1 COM' >/dev/null
T send-keys -t rap 4
pane_wait rap '^Title:' >/dev/null
T send-keys -t rap -l 'Santé aux frontières'
T send-keys -t rap Enter
pane_wait rap '^New recommendation by MUS' >/dev/null
T send-keys -t rap -l "Les États membres renforcent la coopération sanitaire aux frontières, notamment par l'échange d'informations."
T send-keys -t rap Enter
T send-keys -t rap -l 'Deuxième paragraphe : « préparation aux épidémies ».'
ok_if "the text is typed in the editor" pane_wait rap 'Deuxième paragraphe : « préparation aux épidémies »\.'
sleep 1.5
kill -KILL "$(cat "$TEST_TMP/pid")"
ok_if "kill -9 ends the program" pane_wait rap 'EXITED 137'
is "the draft was saved while typing" "$(q "SELECT count(*) FROM draft WHERE kind = 'rec'")" 1
start
T send-keys -t rap 5
ok_if "restarted: the recovery offer appears" pane_wait rap 'A draft of a new recommendation from 09:00 was recovered: \(r\)estore / \(d\)iscard'
T send-keys -t rap r
ok_if "r restores the editor with author and title" pane_wait rap '^New recommendation by MUS: Santé aux frontières'
ok_if "... the first paragraph, wrapped" pane_wait rap "^Les États membres renforcent la coopération sanitaire aux frontières, notamment"
ok_if "... its end on the next row" pane_wait rap "^par l'échange d'informations\.$"
ok_if "... the second paragraph to its last character" pane_wait rap '^Deuxième paragraphe : « préparation aux épidémies »\.$'
T send-keys -t rap F2
ok_if "F2 saves the restored text" pane_wait rap 'ok recommendation 1'
is "stored as typed" "$(q "SELECT text_fr FROM rec_version WHERE version = 1")" "Les États membres renforcent la coopération sanitaire aux frontières, notamment par l'échange d'informations.
Deuxième paragraphe : « préparation aux épidémies »."
is "no draft is left" "$(q "SELECT count(*) FROM draft")" 0
T send-keys -t rap q
ok_if "q quits" pane_wait rap 'EXITED 0'

# ---- an amendment, SIGHUP right after the last key ----
start
T send-keys -t rap 5 Enter e
ok_if "e opens the editor on R1" pane_wait rap '^Amending R1 \(version 1 by MUS\)'
T send-keys -t rap -l ' Ils en rendent compte chaque année.'
ok_if "the amendment is typed (wrapped)" pane_wait rap '^chaque année\.$'
kill -HUP "$(cat "$TEST_TMP/pid")"
ok_if "SIGHUP: a clean exit" pane_wait rap 'EXITED 0'
like "... the draft holds the last characters typed" "$(q "SELECT text FROM draft WHERE kind = 'amend' AND ref = 1")" 'Ils en rendent compte chaque année\.$'
start
T send-keys -t rap 5
ok_if "restarted: the offer names R1" pane_wait rap 'A draft of R1 from 09:00 was recovered: \(r\)estore / \(d\)iscard'
T send-keys -t rap r
ok_if "r: the amendment is back" pane_wait rap 'Ils en rendent compte$'
ok_if "... to its last character" pane_wait rap '^chaque année\.$'
ok_if "... and says C-z returns to the stored version" pane_wait rap 'Draft of 09:00 resumed; C-z returns to version 1\.'
T send-keys -t rap C-z
sleep 0.3
unlike "C-z: the stored text again" "$(screen_text)" 'Ils en rendent compte'
T send-keys -t rap C-r Escape
ok_if "Esc keeps the draft" pane_wait rap 'Draft kept: a or e resumes it\.'
like "... with the amendment" "$(q "SELECT text FROM draft WHERE kind = 'amend' AND ref = 1")" 'chaque année\.$'
T send-keys -t rap q
ok_if "q quits" pane_wait rap 'EXITED 0'
T kill-server 2>/dev/null
