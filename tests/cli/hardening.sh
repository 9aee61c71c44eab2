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

# Item 15, the smaller ones: each a one-line error and nothing changed.
db=$(fresh_db small)
j0=$(q "SELECT count(*) FROM journal")
mkdir -p adir
rap run --db "$db" adir >out.txt 2>err.txt; rc=$?
is "run on a folder: exit 2" "$rc" 2
like "run on a folder: says so" "$(cat err.txt)" 'adir: Is a directory'
rap --read-only init --db ro.db >out.txt 2>err.txt; rc=$?
is "--read-only init: exit 2" "$rc" 2
ok_if "--read-only init: no database created" test ! -e ro.db
for when in 2026-02-30T10:00 2026-11-24T10:00+99:99 2026-11-24T10:00+04:60 2025-02-29; do
	out=$(printf 'item+ "Point" other 30 %s\n' "$when" | rap run --db "$db" - 2>/dev/null)
	like "item+ … $when refused" "$out" '^error: '
done
out=$(printf 'item+ "Point" other 30 2028-02-29T10:00\n' | rap run --db "$db" - 2>/dev/null)
like "item+ … 2028-02-29 (a leap day) accepted" "$out" '^ok '
out=$(printf 'set chair IOM\nset chair ZAF\n' | rap run --keep-going --db "$db" - 2>/dev/null)
is "set chair: an observer refused (R1)" "$out" \
	"error: IOM is an observer: the chair is a member state (R1)
error: ZAF is an observer: the chair is a member state (R1)"
is "set chair MUS: a member state accepted" "$(printf 'set chair MUS\n' | rap run --db "$db" - 2>/dev/null | cut -c1-3)" "ok "
long=$(head -c 600 /dev/zero | tr '\0' 'x')
out=$(printf 'propose workshop "%s"\n' "$long" | rap run --db "$db" - 2>/dev/null)
is "propose: a 600-byte title refused" "$out" "error: the title is too long (500 bytes at most)"
out=$(printf 'propose workshop "Un"\npropose workshop "Deux"\nmerge 1 2 "%s"\n' "$long" | rap run --keep-going --db "$db" - 2>/dev/null | tail -1)
is "merge: a 600-byte title refused" "$out" "error: the title is too long (500 bytes at most)"
mkfifo fifo.csv
timeout 20 "$BIN" import participants fifo.csv --db "$db" --session 1 --dry-run >out.txt 2>err.txt; rc=$?
is "import of a FIFO: exit 2 at once (no hang)" "$rc" 2
like "import of a FIFO: says so" "$(cat err.txt)" 'fifo\.csv: not a regular file'
out=$(printf 'import fifo.csv\n' | timeout 20 "$BIN" run --db "$db" - 2>/dev/null)
is "import command of a FIFO: refused at once" "$out" "error: fifo.csv: not a regular file"
(unset TERM; "$BIN" --db "$db" </dev/null >out.txt 2>err.txt); rc=$?
is "TERM unset: exit 2" "$rc" 2
like "TERM unset: our message" "$(cat err.txt)" 'TERM is not set'
TERM=dumb "$BIN" --db "$db" </dev/null >out.txt 2>err.txt; rc=$?
is "TERM=dumb: exit 2" "$rc" 2
like "TERM=dumb: suggests follow" "$(cat err.txt)" 'rapporteur follow'
is "TERM=dumb: nothing painted" "$(wc -c <out.txt | tr -d ' ')" 0
if [ "$(id -u)" = 0 ]; then
	had=no; [ -e /dev/null-journal ] && had=yes
	rap sessions --db /dev/null >out.txt 2>err.txt; rc=$?
	is "--db /dev/null: exit 2" "$rc" 2
	like "--db /dev/null: not a regular file" "$(cat err.txt)" '/dev/null: not a regular file'
	if [ "$had" = no ]; then
		ok_if "--db /dev/null: no /dev/null-journal" test ! -e /dev/null-journal
		rm -f /dev/null-journal /dev/null-wal /dev/null-shm
	fi
	# HOME unset, and no passwd entry: never ./.local in the current folder.
	nb=$(mktemp -d /tmp/rapporteur-nohome.XXXXXX); chown 54321:54321 "$nb"
	(cd "$nb" && setpriv --reuid 54321 --regid 54321 --clear-groups env -u HOME -u XDG_DATA_HOME \
		"$BIN" sessions >/dev/null 2>&1)
	ok_if "HOME unset: no .local created in the current folder" test ! -e "$nb/.local"
	rm -rf "$nb"
fi
is "item 15: only the 4 accepted commands journaled (item+, set chair, 2 propose)" \
	"$(q "SELECT count(*) FROM journal")" "$((j0 + 4))"

# Exported files are as private as the database.
rm -rf out; rap export --db "$db" --session 1 --out out >/dev/null 2>&1
is "export: the folder 0700" "$(stat -c %a out)" 700
is "export: every file 0600" "$(stat -c %a out/* | sort -u)" 600

# A preview of many rows keeps a bounded list: the first 10,000 rows, then
# only the errors; the counts cover every row.
/usr/bin/python3 - >many.csv <<'EOF'
print("delegation,name,level,entity_category")
for i in range(25000):
    print("MUS,Participant %05d,%s,interior" % (i, "chef" if i % 1000 == 999 else "officer"))
EOF
rap import participants many.csv --db "$db" --session 1 --dry-run >out.txt 2>&1
is "25,000 rows: the summary counts them all" "$(tail -1 out.txt)" \
	"error: 24975 new, 0 updated, 0 unchanged, 25 errors (dry run: nothing written)"
is "25,000 rows: 10,000 listed, then the 15 later errors" "$(grep -c '^many.csv:' out.txt)" 10015
like "25,000 rows: the rest counted" "$(cat out.txt)" '\(14985 more rows, not listed\)'
