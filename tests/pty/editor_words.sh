#!/bin/sh
# editor_words.sh — a typed character or a Backspace that moves a word to
# the next row or back up (src/tui/editor_term.c): the bytes the terminal
# receives for that one key (counted in a pseudo-terminal, not timed), and
# the screen as a terminal shows it (the program's whole output replayed in
# pyte, tests/pty/edpty.py) equal to the screen test harness's in-memory
# screen after the same keys (tests/ui/README.md), after many edits that
# move words: accents, CJK and emoji (two cells), at 80 and 200 columns,
# under TERM xterm-256color and screen-256color.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
PY=/usr/bin/python3
if ! "$PY" -c 'import pyte' 2>/dev/null; then
	echo "ok 1 # skip python3-pyte not installed (make deps)"
	exit 0
fi
base=$(fresh_db edwords)
long="Les États membres de la Commission de l'océan Indien, réunis à Port-Louis, reconnaissent que la santé des personnes migrantes est une condition de la santé publique régionale et conviennent de renforcer la coopération entre les autorités sanitaires et les services de l'immigration, notamment par l'échange d'informations, la formation conjointe des agents aux frontières, la préparation aux épidémies et l'accès des travailleurs migrants aux soins essentiels, sans discrimination, dans le respect des législations nationales et des engagements internationaux, en particulier du Règlement sanitaire international."
printf 'rec+ MUS "Santé aux frontières" "%s\\nLe Secrétariat en rend compte chaque année."\n' "$long" |
	RAPPORTEUR_NOW=$UI_NOW rap run --db "$base" - >/dev/null

# run TERM COLSxROWS KEYS: the JSON of edpty.py for KEYS typed from the
# Recommendations screen (R1 selected) on a copy of the database.
run() {
	cp "$base" "$TEST_TMP/pty.db"
	rm -f "$TEST_TMP/pty.db-wal" "$TEST_TMP/pty.db-shm"
	env TZ="$TZ" LC_ALL=C.UTF-8 RAPPORTEUR_NOW=$UI_NOW ESCDELAY=25 \
		"$PY" "$TOP/tests/pty/edpty.py" --term "$1" --size "$2" --keys "$3" -- \
		"$BIN" --db "$TEST_TMP/pty.db" >"$TEST_TMP/pty.json"
}
# bytes N: the bytes of the Nth key (1-based) of the last run.
bytes() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["keys"][int(sys.argv[2]) - 1][1])' "$TEST_TMP/pty.json" "$1"; }
# screen N: the Nth <Dump> screen of the last run.
screen() { "$PY" -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["screens"][int(sys.argv[2]) - 1]))' "$TEST_TMP/pty.json" "$1"; }
# harness COLS KEYS: the harness's screen after KEYS (without the <Dump>s).
harness() {
	cp "$base" "$TEST_TMP/h.db"
	rm -f "$TEST_TMP/h.db-wal" "$TEST_TMP/h.db-shm"
	UI_COLS=$1 UI_TERM=$term ui_run "$TEST_TMP/h.db" "$(printf '%s' "$2" | sed 's/<Dump>//g')" |
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}
# same TITLE COLS KEYS N: the Nth screen of the last run (whose keys begin
# with KEYS, ending with its Nth <Dump>) is the harness's after KEYS.
same() { is "$term ${2}x24: $1" "$(screen "$4")" "$(harness "$2" "$3")"; }

L10='<Left><Left><Left><Left><Left><Left><Left><Left><Left><Left>'
open='5<Enter>e'
for term in xterm-256color screen-256color; do
	# The bench's key (tests/bench/bench_typing.sh): on the row "préparation
	# … aux soins", 30 cells from its end, a..g fit; h moves "soins" down,
	# which moves "nationales et" down, which moves "sanitaire" down (three
	# rows re-wrap); Backspace brings them back up.
	k1="$open<Up><Up><Up><Up>$L10$L10${L10}abcdefg"
	run $term 80x24 "${k1}h<Dump><BS><Dump>"
	at=$((3 + 4 + 30 + 7))
	h=$(bytes $((at + 1)))
	bs=$(bytes $((at + 2)))
	# Opening the editor over the detail view: the rows sent here are not
	# sent again by curses (curscr holds them as the terminal does); at
	# most what curses alone sent (958 B, 991 B under screen).
	e=$(bytes 3)
	emax=958
	[ $term = screen-256color ] && emax=991
	ok_if "$term: opening the editor: $e B <= $emax B" test "$e" -le $emax -a "$e" -gt 500
	ok_if "$term: h, three rows re-wrap: $h B <= 90 B (was 130)" test "$h" -le 90 -a "$h" -gt 30
	ok_if "$term: Backspace, three words back up: $bs B <= 80 B (was 104)" test "$bs" -le 80 -a "$bs" -gt 30
	same "after h" 80 "${k1}h" 1
	same "after Backspace" 80 "${k1}h<BS>" 2
	# One word moves down to a row with room: on the row "des engagements
	# … Règlement sanitaire" (69 cells of 79), 0..9 fit, X moves
	# "sanitaire" to the row "international.".
	k2="$open<Up><Up>0123456789"
	run $term 80x24 "${k2}X<Dump><BS><Dump>"
	at=$((3 + 2 + 10))
	x=$(bytes $((at + 1)))
	bs=$(bytes $((at + 2)))
	ok_if "$term: X moves one word down: $x B <= 40 B" test "$x" -le 40 -a "$x" -gt 10
	ok_if "$term: Backspace brings it back up: $bs B <= 40 B" test "$bs" -le 40 -a "$bs" -gt 10
	same "one word down" 80 "${k2}X" 1
	same "one word back up" 80 "${k2}X<BS>" 2
done

# Many edits that move words, with accents, CJK and emoji typed in the
# middle of the long paragraph, Backspace, Delete, C-w, Enter and joining
# paragraphs again, a character typed after each (it lands where the
# cursor is): after every step the terminal's screen is the harness's.
steps() {
	printf '%s\n' \
		"<Up><Up><Up><Up>$L10$L10${L10}été à l'œuvre " \
		'漢字テスト 文字 ' \
		'😀 🎉 x' \
		'<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>y' \
		'<Left><Left><Left><Left><Left><Del><Del><Del><Del>z' \
		'<Enter>a' \
		'<Up><End>ünïcödé 中文 b' \
		'<Home><BS>c' \
		"<Down><Down>${L10}😀😀😀😀😀😀😀😀😀😀d" \
		'<C-w><C-w><C-w>e' \
		'<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>f' \
		"<Up><Up><Up>${L10}Ω漢 ñ 字 g" \
		'<Del><Del><Del><Del><Del><Del><Del><Del><Del><Del>h' \
		'<C-z><C-z><C-z>i'
}
for size in 80 200; do
	for term in xterm-256color screen-256color; do
		[ $size = 200 ] && [ $term = screen-256color ] && continue
		all=$open
		while IFS= read -r s; do all="$all$s<Dump>"; done <<STEPS
$(steps)
STEPS
		run $term ${size}x24 "$all"
		i=0 keys=$open
		while IFS= read -r s; do
			i=$((i + 1))
			keys="$keys$s"
			same "edits, step $i" $size "$keys" $i
		done <<STEPS
$(steps)
STEPS
	done
done
