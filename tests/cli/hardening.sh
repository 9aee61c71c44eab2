#!/bin/sh
# hardening.sh — what reaches a terminal or a file from stored or
# environment text is made visible (issue 12, item 11): `sessions`,
# `check` and the answers of `run` never print an escape sequence, a bidi
# control or a zero-width character raw (they are shown as <U+202E>), a tab
# in a title does not break `sessions`' columns, and a hostile $USER (a
# user with no passwd entry) reaches neither the journal nor the CSV raw.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T10:30:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db harden)
q() { sqlite3 -separator '|' "$db" "$1"; }
esc=$(printf '\033')
rlo=$(printf '\342\200\256')   # U+202E right-to-left override
zws=$(printf '\342\200\213')   # U+200B zero-width space
lri=$(printf '\342\201\246')   # U+2066 left-to-right isolate
raw() { grep -c "$esc\|$rlo\|$zws\|$lri" "$1"; }

# Stored text planted by SQL, as another program could.
q "UPDATE session SET title = 'Titre' || char(27) || '[2J' || char(9) || 'tab' || char(8238) || 'gauche' || char(8203) WHERE id = 1;
   UPDATE delegation SET code = 'M' || char(27) || '[31m' || char(8294) WHERE code = 'MUS'"
rap sessions --db "$db" >out.txt 2>&1
is "sessions: no ESC, bidi or zero-width byte" "$(raw out.txt)" 0
is "sessions: six tab-separated fields on each line" "$(awk -F'\t' 'NF != 6' out.txt | wc -l)" 0
like "sessions: the title shown visibly" "$(cat out.txt)" 'Titre\?\[2J tab<U\+202E>gauche<U\+200B>'
rap check --db "$db" --session 1 >out.txt 2>&1
is "check: no ESC, bidi or zero-width byte" "$(raw out.txt)" 0
like "check: the code shown visibly" "$(cat out.txt)" '^M\?\[31m<U\+2066>	'

# Typed text echoed by an answer.
out=$(printf 'delegate+ COM "Ab%scd%sef" director interior\n' "$rlo" "$zws" | rap run --db "$db" - 2>&1)
is "run: the answer shows the bidi and zero-width characters" "$out" \
	'ok delegate COM "Ab<U+202E>cd<U+200B>ef"'

# A user with no passwd entry: the actor comes from $USER.
if [ "$(id -u)" = 0 ]; then
	# (a folder of its own under /tmp: the test folder is private to root)
	nb=$(mktemp -d /tmp/rapporteur-nobody.XXXXXX)
	chown 54321:54321 "$nb"
	setpriv --reuid 54321 --regid 54321 --clear-groups env HOME="$nb" \
		USER="ev${esc}[2Jil${rlo}x" "$BIN" init --db "$nb/n.db" --demo >/dev/null 2>&1
	printf 'note "une note"\n' | setpriv --reuid 54321 --regid 54321 --clear-groups \
		env HOME="$nb" USER="ev${esc}[2Jil${rlo}x" "$BIN" run --db "$nb/n.db" - >/dev/null 2>&1
	is "USER: the journal's actor is made visible" \
		"$(sqlite3 "$nb/n.db" "SELECT actor FROM journal ORDER BY seq DESC LIMIT 1")" 'ev?[2Jil<U+202E>x'
	rm -rf "$nb"
else
	echo "ok - # SKIP not root: no user without a passwd entry"
fi

# Item 15: an export killed before its rename leaves DIR.tmp.PID; the next
# export removes those of dead processes (a live one's is kept).
db=$(fresh_db exp)
mkdir -p "out.tmp.4194998" "out.tmp.$$"; : >out.tmp.4194998/session.csv
rap export --db "$db" --session 1 --out out >/dev/null 2>&1
ok_if "export: a dead export's out.tmp.PID removed" test ! -e out.tmp.4194998
ok_if "export: a live process's out.tmp.PID kept" test -d "out.tmp.$$"
