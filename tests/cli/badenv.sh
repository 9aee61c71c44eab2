#!/bin/sh
# badenv.sh — bad environments (DESIGN §7): a read-only folder, a missing
# folder, a corrupt file, a file that is not a database, a full disk (file
# size limit, and a small tmpfs when it can be mounted), a database made by
# a newer version, a database locked by another writer, SIGHUP/SIGTERM
# while `run` waits for input. Each gives one clear line on stderr naming
# the file, a stable exit code, no crash, and no damage (checksum or
# integrity_check after).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2

sum() { md5sum <"$1" | cut -c1-32; }
lines() { if [ -s "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi; }
integrity() { sqlite3 "$1" 'PRAGMA integrity_check' 2>&1 | head -3; }
notes() { sqlite3 "$1" "SELECT count(*) FROM journal WHERE event = 'note'"; }
# Run the binary with stderr to err.txt; prints stdout; $rc holds the exit
# status (a crash shows as 128+signal).
run_rc() { "$BIN" "$@" 2>err.txt >out.txt; rc=$?; }
skip() { n=$((n + 1)); echo "ok $n - # SKIP $1"; }

# Permission cases need a user that permissions apply to: root ignores
# them, so drop to nobody with setpriv when running as root. The binary
# and the files go to a folder under /tmp that nobody can reach.
as=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	   setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
		as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	else
		as=none
	fi
fi
pw=$(mktemp -d /tmp/rapenv.XXXXXX)
mnt=""
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	chmod -R u+w "$pw" 2>/dev/null; rm -rf "$pw"
}
trap cleanup EXIT
chmod 755 "$pw"
cp "$BIN" "$pw/rapporteur"

# ---- 1. a read-only folder ----
if [ "$as" = none ]; then
	skip "read-only folder: running as root and cannot drop privileges (no setpriv)"
	skip "read-only folder: existing database"
else
	mkdir "$pw/ro"
	db=$(fresh_db rofolder); cp "$db" "$pw/ro/x.db"
	[ -n "$as" ] && chown -R nobody "$pw/ro"
	chmod 555 "$pw/ro"
	s0=$(sum "$pw/ro/x.db")
	$as "$pw/rapporteur" init --db "$pw/ro/new.db" >out.txt 2>err.txt; rc=$?
	is "init in a read-only folder: exit 2" "$rc" 2
	is "init in a read-only folder: one line on stderr" "$(lines err.txt)" 1
	like "init in a read-only folder: names the file and the reason" "$(cat err.txt)" \
		'new\.db: cannot create: Permission denied'
	ok_if "init in a read-only folder: nothing created" test ! -e "$pw/ro/new.db"

	printf 'note "x"\n' | $as "$pw/rapporteur" run --db "$pw/ro/x.db" - >out.txt 2>err.txt; rc=$?
	is "a database in a read-only folder: exit 2" "$rc" 2
	is "a database in a read-only folder: one line on stderr" "$(lines err.txt)" 1
	like "a database in a read-only folder: names the file, says write-protected" \
		"$(cat err.txt)" 'x\.db: cannot open: the file or its folder is write-protected'
	is "a database in a read-only folder: unchanged" "$(sum "$pw/ro/x.db")" "$s0"
fi

# ---- 2. a missing folder ----
run_rc init --db "$PWD/nowhere/deeper/x.db"
is "init in a missing folder: exit 2" "$rc" 2
is "init in a missing folder: one line on stderr" "$(lines err.txt)" 1
like "init in a missing folder: names the file" "$(cat err.txt)" 'nowhere/deeper/x\.db: cannot create: No such file'
ok_if "init in a missing folder: no folder made" test ! -e nowhere
printf 'note "x"\n' >one.cmds
run_rc run --db "$PWD/nowhere/x.db" one.cmds
is "run on a missing folder: exit 2" "$rc" 2
is "run on a missing folder: one line on stderr" "$(lines err.txt)" 1
like "run on a missing folder: names the file" "$(cat err.txt)" 'nowhere/x\.db: no such database'
ok_if "run on a missing folder: no folder made" test ! -e nowhere

# ---- 3. a corrupt file ----
# (a) the journal's root page overwritten: every write fails cleanly.
db=$(fresh_db corrupt)
page=$(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name = 'journal' AND path = '/'")
head -c 4096 /dev/zero | tr '\0' '\245' >garbage
dd if=garbage of="$db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
unlike "the corrupt file is corrupt (precondition)" "$(integrity "$db")" '^ok$'
s0=$(sum "$db")
run_rc run --db "$db" one.cmds
# (quick_check at start refuses the file before any command: issue 12)
is "a corrupt journal: the file is refused at start (exit 2)" "$rc" 2
is "a corrupt journal: no answer" "$(cat out.txt)" ""
is "a corrupt journal: one line on stderr" "$(lines err.txt)" 1
like "a corrupt journal: stderr names the file and says damaged" "$(cat err.txt)" 'corrupt\.db: the database is damaged'

is "a corrupt journal: file unchanged" "$(sum "$db")" "$s0"

# (b) 8 KB in the middle of the file overwritten: whatever page it hits,
# no crash, and every failed command is one clear line.
db=$(fresh_db middle)
size=$(stat -c %s "$db")
head -c 8192 /dev/zero | tr '\0' '\132' >garbage
dd if=garbage of="$db" bs=1 seek=$((size / 2)) count=8192 conv=notrunc 2>/dev/null
printf 'note "after damage"\ncheck\nnote "again"\n' >three.cmds
run_rc run --keep-going --db "$db" three.cmds
ok_if "bytes overwritten in the middle: no crash (exit 0-2, got $rc)" test "$rc" -le 2
errs=$(grep -c '^error' out.txt)
# When the damage hits the schema, the open itself is refused: one line.
[ -s out.txt ] || errs=1
[ "$rc" = 2 ] && errs=1 # refused at start (quick_check): one line
is "bytes overwritten in the middle: one stderr line per refused command" "$(lines err.txt)" "$errs"
unlike "bytes overwritten in the middle: no raw SQLite error shown" "$(cat out.txt err.txt)" \
	'database error|malformed'
run_rc sessions --db "$db"
ok_if "bytes overwritten in the middle: sessions does not crash (got $rc)" test "$rc" -le 2

# (c) a damaged header.
db=$(fresh_db header)
printf 'this is no longer a database header' | dd of="$db" bs=1 seek=0 conv=notrunc 2>/dev/null
s0=$(sum "$db")
run_rc run --db "$db" one.cmds
is "a damaged header: exit 2" "$rc" 2
is "a damaged header: one line on stderr" "$(lines err.txt)" 1
like "a damaged header: names the file" "$(cat err.txt)" 'header\.db: not a rapporteur database'
is "a damaged header: unchanged" "$(sum "$db")" "$s0"

# ---- 4. a file that is not a database ----
printf 'Liste des participants\nCOM;Fatima Said Abdallah\n' >notes.txt
s0=$(sum notes.txt)
for sub in "run" "sessions" "check" "export"; do
	case $sub in
	run) run_rc run --db notes.txt one.cmds ;;
	sessions) run_rc sessions --db notes.txt ;;
	check) run_rc check --db notes.txt --session 1 ;;
	export) run_rc export --db notes.txt --session 1 --out exp ;;
	esac
	is "a text file ($sub): exit 2" "$rc" 2
	is "a text file ($sub): one line on stderr" "$(lines err.txt)" 1
	like "a text file ($sub): names the file" "$(cat err.txt)" '^rapporteur: notes\.txt: not a rapporteur database'
done
is "a text file: unchanged" "$(sum notes.txt)" "$s0"
is "a text file: no -wal or -shm left" "$(ls notes.txt-* 2>/dev/null)" ""
ok_if "a text file: export made no folder" test ! -e exp

# ---- 5. a full disk ----
# (a) the file size limit: a 256 KB note cannot be written past 64 KB.
db=$(fresh_db full)
before=$(notes "$db")
s0=$(sum "$db")
awk 'BEGIN { s = "note \""; for (i = 0; i < 4096; i++) s = s "soixante-quatre "; print s "\"" }' >big.cmds
( trap '' XFSZ; ulimit -f 128; exec "$BIN" run --db "$db" big.cmds ) >out.txt 2>err.txt; rc=$?
is "file size limit: the write is refused (exit 1)" "$rc" 1
is "file size limit: the answer says disk full" "$(cat out.txt)" "error: disk full: nothing was changed"
is "file size limit: one line on stderr" "$(lines err.txt)" 1
like "file size limit: stderr names the script" "$(cat err.txt)" '^big\.cmds:1: error: disk full'
is "file size limit: integrity_check" "$(integrity "$db")" ok
is "file size limit: nothing was stored" "$(notes "$db")" "$before"
is "file size limit: the database file is unchanged" "$(sum "$db")" "$s0"
run_rc run --db "$db" one.cmds
is "file size limit lifted: the next write works" "$(cat out.txt)" "ok note"

# (b) a full tmpfs: notes of 200 KB until the file system is full.
mkdir "$pw/mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m,mode=0700 tmpfs "$pw/mnt" 2>/dev/null; then
	mnt="$pw/mnt"
	cp "$(fresh_db tmpfs)" "$mnt/x.db"
	before=$(notes "$mnt/x.db")
	awk 'BEGIN { for (k = 0; k < 10; k++) { s = "note \"" k " "; for (i = 0; i < 12800; i++) s = s "sixteen bytes.. "; print s "\"" } }' >fill.cmds
	"$BIN" run --keep-going --db "$mnt/x.db" fill.cmds >out.txt 2>err.txt; rc=$?
	oks=$(grep -c '^ok note' out.txt)
	full=$(grep -c '^error: disk full: nothing was changed$' out.txt)
	ok_if "full tmpfs: some notes were written before it filled ($oks)" test "$oks" -ge 1
	ok_if "full tmpfs: the others were refused as disk full ($full)" test "$full" -ge 1
	is "full tmpfs: every answer is ok or disk full" "$((oks + full))" 10
	is "full tmpfs: one stderr line per refusal" "$(lines err.txt)" "$full"
	is "full tmpfs: integrity_check" "$(integrity "$mnt/x.db")" ok
	is "full tmpfs: every acknowledged note is stored, no other" "$(notes "$mnt/x.db")" "$((before + oks))"
	umount "$mnt" && mnt=""
else
	skip "full tmpfs: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"
fi

# ---- 6. a database from a newer version ----
db=$(fresh_db newer)
sqlite3 "$db" 'PRAGMA user_version = 99'
s0=$(sum "$db")
run_rc run --db "$db" one.cmds
is "a newer database: exit 2" "$rc" 2
is "a newer database: one line on stderr" "$(lines err.txt)" 1
like "a newer database: names the file and the versions" "$(cat err.txt)" \
	'newer\.db: made by a newer rapporteur \(schema 99'
is "a newer database: unchanged" "$(sum "$db")" "$s0"
run_rc sessions --read-only --db "$db"
is "a newer database with --read-only: exit 2 too" "$rc" 2

# ---- 7. a database locked by another writer ----
# A second program holds the write lock (BEGIN IMMEDIATE) until its input
# closes; our write waits busy_timeout, then says busy, changing nothing.
db=$(fresh_db locked)
before=$(notes "$db")
mkfifo hold.in hold.out
/usr/bin/python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
c.execute("ROLLBACK")
' "$db" <hold.in >hold.out &
hold=$!
exec 5>hold.in 6<hold.out
read -r got <&6
is "another program holds the write lock" "$got" locked
run_rc run --db "$db" one.cmds
is "a locked database: the write is refused (exit 1)" "$rc" 1
like "a locked database: the answer says busy, nothing changed" "$(cat out.txt)" \
	'^error: the database is busy .*nothing was changed'
is "a locked database: one line on stderr" "$(lines err.txt)" 1
run_rc sessions --db "$db"
is "a locked database: reading still works" "$rc" 0
exec 5>&- 6<&-
wait $hold
is "a locked database: nothing was stored" "$(notes "$db")" "$before"
is "a locked database: integrity_check" "$(integrity "$db")" ok

# ---- 8. a dropped link (SIGHUP) or SIGTERM while `run` waits for input ----
# The command answered is saved, the database is closed (its WAL
# checkpointed and removed), exit 1 with one line on stderr.
for sig in HUP TERM; do
	db=$(fresh_db sig$sig)
	before=$(notes "$db")
	rm -f s.in s.out; mkfifo s.in s.out
	"$BIN" run --db "$db" - <s.in >s.out 2>err.txt & pid=$!
	exec 7>s.in 8<s.out
	echo "note \"before SIG$sig\"" >&7
	read -r got <&8
	is "SIG$sig: the note is answered" "$got" "ok note"
	kill -$sig $pid
	wait $pid; rc=$?
	exec 7>&- 8<&-
	is "SIG$sig: exit 1 (stopped)" "$rc" 1
	is "SIG$sig: one line on stderr" "$(lines err.txt)" 1
	like "SIG$sig: says what happened" "$(cat err.txt)" "stopped by signal [0-9]+; every command answered is saved"
	ok_if "SIG$sig: the database was closed (no WAL left)" test ! -e "$db-wal"
	is "SIG$sig: the answered note is stored" "$(notes "$db")" "$((before + 1))"
	is "SIG$sig: integrity_check" "$(integrity "$db")" ok
done
