#!/bin/sh
# editor_term.sh — the editor's incremental output (insert/delete character
# and line, src/tui/editor_term.c) leaves the real terminal showing exactly
# the screen: in tmux at 80x24, under TERM screen-256color and
# xterm-256color, each step of typing in the middle of a long paragraph (a
# word moves down), Backspace (words come back up), Delete, Enter in the
# middle of the text (rows move down), Backspace at a paragraph start (rows
# move up), Enter past the bottom (the text scrolls), Enter and Backspace in
# the middle of a long paragraph (re-wrapped rows move by one) is captured from the
# pane and compared with the in-memory screen of the test harness after
# the same keys (tests/ui/README.md). Esc then keeps the text typed as
# a draft, the same as the harness's.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
if ! command -v tmux >/dev/null 2>&1; then
	echo "ok 1 # skip tmux not installed (make deps)"
	exit 0
fi
base=$(fresh_db edterm)
long="Les États membres de la Commission de l'océan Indien, réunis à Port-Louis, reconnaissent que la santé des personnes migrantes est une condition de la santé publique régionale et conviennent de renforcer la coopération entre les autorités sanitaires et les services de l'immigration, notamment par l'échange d'informations, la formation conjointe des agents aux frontières, la préparation aux épidémies et l'accès des travailleurs migrants aux soins essentiels, sans discrimination, dans le respect des législations nationales et des engagements internationaux, en particulier du Règlement sanitaire international."
printf 'rec+ MUS "Santé aux frontières" "%s\\nLe Secrétariat en rend compte chaque année."\n' "$long" |
	rap run --db "$base" - >/dev/null
printf 'set -g status off\n' >"$TEST_TMP/tmux.conf"
T() { tmux -S "$sock" "$@"; }
# The pane as text, trailing empty rows left out (as in a dump).
pane() { T capture-pane -p -t rap | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
trim() { printf '%s\n' "$1" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }

k=0
start() { # TERM
	k=$((k + 1))
	sock="$TEST_TMP/tmux$k.sock"
	cp "$base" "$TEST_TMP/run$k.db"
	T -f "$TEST_TMP/tmux.conf" new-session -d -s rap -x 80 -y 24 \
		"env TERM=$1 TZ=\"$TZ\" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=$UI_NOW ESCDELAY=25 $BIN --db $TEST_TMP/run$k.db; sleep 30"
	keys=''
}
# step NAME HARNESS-KEYS TMUX-KEYS…: send the keys, then wait (at most
# 10 s: a limit, not a measure) for the pane to equal the harness's screen
# after every key so far.
step() {
	name=$1
	keys="$keys$2"
	shift 2
	T send-keys -t rap "$@"
	cp "$base" "$TEST_TMP/h.db"
	want=$(trim "$(UI_TERM=$term ui_run "$TEST_TMP/h.db" "$keys")")
	i=0
	while [ $i -lt 100 ]; do
		got=$(pane)
		[ "$got" = "$want" ] && break
		sleep 0.1
		i=$((i + 1))
	done
	is "$term: $name" "$got" "$want"
}

for term in screen-256color xterm-256color; do
	start $term
	step "the editor open on R1" '5<Enter>e' 5 Enter e
	step "typed in the middle of a row" '<Up><Up><Up><Up><Left><Left><Left><Left><Left>abcdefg' \
		Up Up Up Up Left Left Left Left Left a b c d e f g
	step "... until a word moves to the next row" 'hijklmn' h i j k l m n
	step "Backspace in the middle of a row, words come back up" '<BS><BS><BS><BS><BS><BS><BS><BS><BS>' \
		BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	step "Delete in the middle of a row" '<Left><Left><Del><Del><Del>' Left Left DC DC DC
	step "Enter in the middle of the text" '<Enter>' Enter
	step "... and typing on the new row" 'Nouveau ' N o u v e a u Space
	step "Backspace at a paragraph start joins it (rows move up)" '<Home><BS>' Home BSpace
	step "Enter at the end of a row, twice" '<End><Enter><Enter>' End Enter Enter
	step "a wide character typed mid-row" '<Up><Home>漢字' Up Home 漢 字
	step "Enter past the bottom: the text scrolls" \
		'<C-e><Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter><Enter>' \
		C-e Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter
	step "back up: the text scrolls down" '<PgUp><PgUp><Up>x' PgUp PgUp Up x
	# Esc keeps the text as a draft: the same as the harness's after the
	# same keys, with what was typed where it was typed.
	step "Esc closes the editor" '<Esc>' Escape
	draft() { sqlite3 "$1" "SELECT text FROM draft WHERE kind = 'amend'"; }
	text=$(draft "$TEST_TMP/run$k.db")
	is "$term: the draft is the text typed" "$text" "$(draft "$TEST_TMP/h.db")"
	like "$term: ... typed mid-row, Enter mid-row, joined again" "$(printf '%s\n' "$text" | head -1)" \
		"^xLes États membres .* l'accès dabcNouveau s travailleurs migrants aux$"
	T kill-server 2>/dev/null
	# The bench's steps: Enter in the middle of the long paragraph (the
	# rows below it move down one among the re-wrapped ones), Backspace
	# joining it again (they move back up).
	start $term
	step "again: the editor open on R1" '5<Enter>e' 5 Enter e
	left30='<Left><Left><Left><Left><Left><Left><Left><Left><Left><Left>'
	left30="$left30$left30$left30"
	step "Enter in the middle of the long paragraph" "<Up><Up><Up><Up>$left30<Enter>" \
		Up Up Up Up Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left \
		Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Enter
	step "Backspace joins it again" '<BS>' BSpace
	T kill-server 2>/dev/null
done
