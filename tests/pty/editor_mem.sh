#!/bin/sh
# editor_mem.sh — the editor's update at 200x60 costs no memory the size of
# its area (issue 16, memory): each update compares the terminal's rows
# with the rows to show (src/tui/editor_term.c); copying the whole area's
# cells into two arrays for that took about 630 KB at 200x60 (1 MB when the
# editor opens: a copy more to cost a move of its rows), and glibc then
# kept that much in the heap. The peak resident memory (VmHWM, read from
# /proc by tests/bench/probe.py; address randomisation off, so that two
# runs map the same pages) of a run that opens the editor on a
# recommendation, types words that move to the next rows, Enter and
# Backspace in the middle of the text, is within 100 KB of the same run
# that only opens the recommendation. Bytes and memory, never times.
. "$RAPPORTEUR_TOP/tests/lib.sh"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! setarch -R true 2>/dev/null; then
	echo "ok 1 # skip setarch -R (util-linux) not usable here"
	exit 0
fi
base=$(fresh_db edmem)
long="Les États membres de la Commission de l'océan Indien, réunis à Port-Louis, reconnaissent que la santé des personnes migrantes est une condition de la santé publique régionale et conviennent de renforcer la coopération entre les autorités sanitaires et les services de l'immigration, notamment par l'échange d'informations, la formation conjointe des agents aux frontières, la préparation aux épidémies et l'accès des travailleurs migrants aux soins essentiels, sans discrimination, dans le respect des législations nationales et des engagements internationaux, en particulier du Règlement sanitaire international."
printf 'rec+ MUS "Santé aux frontières" "%s\\nLe Secrétariat en rend compte chaque année."\n' "$long" |
	RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 rap run --db "$base" - >/dev/null
field() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
# run KEYS: the probe's JSON for KEYS at 200x60 on a copy of the database.
run() {
	cp "$base" "$TEST_TMP/mem.db"
	rm -f "$TEST_TMP/mem.db-wal" "$TEST_TMP/mem.db-shm"
	"$PY" "$TOP/tests/bench/probe.py" --size 200x60 --keys "$1" --env TZ="$TZ" \
		--env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 --env ESCDELAY=25 --env LC_ALL=C.UTF-8 \
		-- setarch -R "$BIN" --db "$TEST_TMP/mem.db"
}

out=$(run '5,ENTER,ESC,q')
without=$(printf '%s' "$out" | field "d['max_rss_kb']")
# In the first paragraph (three rows at 200 columns): words typed at the
# start of its second row push words down to the rows below; Enter there
# (the rest re-wraps, rows move down) and Backspace (joined again).
out=$(run '5,ENTER,e,UP*2,HOME,SPACE,mot,SPACE,santé,SPACE,migrants,SPACE,frontières,SPACE,ENTER,BS,ESC,q')
with=$(printf '%s' "$out" | field "d['max_rss_kb']")
typed=$(printf '%s' "$out" | field "sum(b for k, b in d['steps'][3:-2])")
ok_if "the editor typed in: $typed B sent for its keys" test "$typed" -gt 100
# Under AddressSanitizer freed memory is held back (its quarantine) and
# every allocation is larger: the peak says nothing there.
if LC_ALL=C grep -aq __asan_init "$BIN"; then
	echo "ok $((n + 1)) # skip VmHWM under AddressSanitizer"
	exit 0
fi
ok_if "VmHWM at 200x60, editor typed in $with KB, not opened $without KB: $((with - without)) KB < 100 KB" \
	test "$without" -gt 1000 -a "$with" -lt $((without + 100))
