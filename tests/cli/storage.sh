#!/bin/sh
# storage.sh — the storage rules have no side door (issue 12, item 10):
# with the sqlite3 shell (foreign keys off, no program in between),
#  - INSERT OR REPLACE turning a member state that has drafted into an
#    observer organisation, under its own id or under a new one,
#  - an id swap between a member state and an observer,
#  - deleting a delegation that has delegates or drafts,
#  - REPLACE of a journal row or of a recommendation's version
# are refused and change nothing; the program's own paths still work
# (init again over an existing database updates the delegations).
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-24T10:30:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db storage)
q() { sqlite3 -separator '|' "$db" "$1"; }
out=$(rap run --db "$db" - 2>&1 <<'EOF'
rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance sanitaire."
propose workshop midiocc_health MUS
position 1 MUS support
EOF
)
is "MUS drafts, proposes, takes a position" "$out" "ok recommendation 1
ok proposal 1
ok P1 MUS support"
snap() { q "SELECT id, process_id, code, type, name_fr FROM delegation ORDER BY id;
  SELECT count(*) FROM journal; SELECT * FROM recommendation; SELECT * FROM rec_version;
  SELECT * FROM proposal; SELECT * FROM position; SELECT count(*) FROM delegate;
  SELECT max(seq), group_concat(detail, '/') FROM journal;"; }
before=$(snap)
mus="(SELECT id FROM delegation WHERE code = 'MUS')"
iom="(SELECT id FROM delegation WHERE code = 'IOM')"
refused() { # DESC PATTERN SQL
	err=$(sqlite3 "$db" "$3" 2>&1 >/dev/null)
	rc=$?
	ok_if "sql: $1: refused" test "$rc" -ne 0
	like "sql: $1: $2" "$err" "$2"
}
refused "INSERT OR REPLACE makes MUS an observer under its id" 'DELEGATION_REPLACE' \
	"INSERT OR REPLACE INTO delegation (id, process_id, code, type, name_fr)
	 SELECT id, process_id, code, 'observer_org', 'Maurice (obs.)' FROM delegation WHERE code = 'MUS'"
refused "INSERT OR REPLACE of MUS under a new id" 'DELEGATION_REPLACE' \
	"INSERT OR REPLACE INTO delegation (process_id, code, type, name_fr)
	 SELECT process_id, code, 'observer_org', 'x' FROM delegation WHERE code = 'MUS'"
refused "REPLACE of the IOM row with MUS's id" 'DELEGATION_REPLACE' \
	"REPLACE INTO delegation (id, process_id, code, type, name_fr)
	 SELECT $mus, process_id, 'IOM', 'observer_org', 'OIM' FROM delegation WHERE code = 'IOM'"
refused "upsert turning MUS into an observer" 'DELEGATION_REPLACE|R5_OBSERVER' \
	"INSERT INTO delegation (process_id, code, type, name_fr) SELECT process_id, 'MUS', 'observer_org', 'x'
	 FROM delegation WHERE code = 'MUS' ON CONFLICT (process_id, code) DO UPDATE SET type = excluded.type"
refused "id swap between MUS and IOM" 'DELEGATION_IN_USE' \
	"BEGIN; UPDATE delegation SET id = -id WHERE code IN ('MUS', 'IOM');
	 UPDATE delegation SET id = (SELECT -id FROM delegation WHERE code = 'IOM') WHERE code = 'MUS';
	 COMMIT;"
refused "a new id for MUS" 'DELEGATION_IN_USE' "UPDATE delegation SET id = 9999 WHERE code = 'MUS'"
refused "deleting MUS (author)" 'DELEGATION_IN_USE' "DELETE FROM delegation WHERE code = 'MUS'"
refused "deleting COM (delegates only)" 'DELEGATION_IN_USE' "DELETE FROM delegation WHERE code = 'COM'"
refused "REPLACE of a journal row" 'JOURNAL_APPEND_ONLY' \
	"INSERT OR REPLACE INTO journal (seq, time, event, actor, command, detail)
	 SELECT seq, time, event, actor, command, 'rewritten' FROM journal WHERE seq = 1"
refused "REPLACE of version 1 of R1" 'VERSION_KEPT' \
	"INSERT OR REPLACE INTO rec_version (id, rec_id, version, text_fr, delegation_id, actor, at)
	 SELECT id, rec_id, version, 'autre texte', delegation_id, actor, at FROM rec_version"
is "sql: nothing changed" "$(snap)" "$before"

# What is not referenced stays free, and the program's paths still work.
ok_if "sql: an unused delegation may be added, renumbered and deleted" sqlite3 "$db" \
	"INSERT INTO delegation (process_id, code, type, name_fr) VALUES (1, 'TST', 'member', 'T');
	 UPDATE delegation SET id = 7777 WHERE code = 'TST'; DELETE FROM delegation WHERE code = 'TST'"
ok_if "init again over the database (fixtures update the delegations)" \
	rap init --db "$db" --fixtures "$RAPPORTEUR_TOP/fixtures"
is "MUS still a member, R1 still by MUS" \
	"$(q "SELECT d.code || ':' || d.type FROM recommendation r JOIN delegation d ON d.id = r.author_id")" \
	"MUS:member"

# Item 9: `session open` on a closed session leaves its minutes as they are.
db=$(fresh_db closed)
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
session close
session new "Deuxième session" senior 2027-01-10
EOF
jn() { q "SELECT count(*) || ':' || max(seq) FROM journal WHERE session_id = $1"; }
b1=$(jn 1); ball=$(q "SELECT count(*) FROM journal")
got=$(printf 'session open 1\nsession open 1\n' | rap run --db "$db" --session 2 - 2>&1)
is "session open 1 (closed) answers ok twice" "$got" \
"ok session 1 (closed: read-only until session reopen)
ok session 1 (closed: read-only until session reopen)"
is "session open of a closed session: its journal unchanged" "$(jn 1)" "$b1"
is "session open of a closed session: no journal row at all" "$(q "SELECT count(*) FROM journal")" "$ball"

# Item 12: the first run is atomic. The default database is built beside
# its final name and linked into place complete; a first run killed while
# building (here: blocked on a FIFO as its demo script, then SIGKILL)
# leaves no database, and the next start builds a usable one.
def="$XDG_DATA_HOME/rapporteur/rapporteur.db"
rm -rf "$XDG_DATA_HOME"
cp -r "$RAPPORTEUR_FIXTURES" fx && rm fx/demo.cmds && mkfifo fx/demo.cmds
RAPPORTEUR_FIXTURES=$PWD/fx "$BIN" sessions >/dev/null 2>&1 &
pid=$!
i=0; while [ $i -lt 100 ] && ! ls "$XDG_DATA_HOME/rapporteur/" 2>/dev/null | grep -q tmp; do sleep 0.1; i=$((i + 1)); done
kill -9 $pid; wait $pid 2>/dev/null
ok_if "first run killed while building: no default database" test ! -e "$def"
is "the next start is usable (the demo session)" "$(rap sessions 2>&1 | cut -f1,2)" "1	open"
ok_if "the killed run's temporary file is gone" \
	sh -c "! ls '$XDG_DATA_HOME/rapporteur/' | grep -q 'tmp\.$pid'"
# What an older program left behind: an empty file, or the schema alone.
rm -f "$def"*; : >"$def"
is "an empty default database: the first run is finished" "$(rap sessions 2>&1 | cut -f1,2)" "1	open"
rm -f "$def"*; rap sessions --db schema.db >/dev/null 2>&1 || true
: >schema.db.new; rap sessions --db schema.db.new >/dev/null 2>&1; mv schema.db.new "$def"
is "a schema-only default database: the first run is finished" "$(rap sessions 2>&1 | cut -f1,2)" "1	open"
# Stale temporary files of dead processes are removed, a live one's kept.
rm -f "$def"*
: >"$def.tmp.4194999"; : >"$def.tmp.4194999-wal"; : >"$def.tmp.$$"
rap sessions >/dev/null 2>&1
ok_if "stale PATH.tmp.PID and its -wal removed" test ! -e "$def.tmp.4194999" -a ! -e "$def.tmp.4194999-wal"
ok_if "a live process's temporary file kept" test -e "$def.tmp.$$"

# Item 13: a damaged file (the journal's root page overwritten) is checked
# at start: nothing is written to it or exported from it, one clear line
# says so with the ways out; `recover` copies what can be read.
sum() { md5sum <"$1" | cut -c1-32; }
db=$(fresh_db damaged)
nd=$(q "SELECT count(*) FROM delegate")
page=$(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name = 'journal' AND path = '/'")
head -c 4096 /dev/zero | tr '\0' '\245' >garbage
dd if=garbage of="$db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
s0=$(sum "$db")
printf 'present+ MUS\n' | rap run --db "$db" - >out.txt 2>err.txt; rc=$?
is "damaged: run refused (exit 2)" "$rc" 2
is "damaged: nothing on stdout" "$(cat out.txt)" ""
is "damaged: one line on stderr" "$(wc -l <err.txt | tr -d ' ')" 1
like "damaged: it says damaged, nothing written, and the ways out" "$(cat err.txt)" \
	'damaged .*nothing was written.*rapporteur recover --db .*rapporteur restore --db '
rap export --db "$db" --session 1 --out exp >out.txt 2>&1; rc=$?
is "damaged: export refused (exit 2)" "$rc" 2
ok_if "damaged: no export folder" test ! -e exp
is "damaged: the file unchanged" "$(sum "$db")" "$s0"
out=$(rap recover --db "$db" rec.db 2>err.txt); rc=$?
is "recover: exit 0" "$rc" 0
like "recover: says what it copied and what is damaged" "$out" '^ok rec\.db: [0-9]+ rows from [0-9]+ tables; 1 tables damaged'
is "recover: the copy passes integrity_check" "$(sqlite3 rec.db 'PRAGMA integrity_check')" ok
is "recover: every delegate recovered" "$(sqlite3 rec.db 'SELECT count(*) FROM delegate')" "$nd"
is "recover: the copy is usable" "$(printf 'note "reprise"\n' | rap run --db rec.db - 2>&1)" "ok note"
rap recover --db "$db" rec.db >/dev/null 2>err.txt; rc=$?
is "recover: an existing file is not overwritten (exit 2)" "$rc" 2
is "recover: the damaged file still unchanged" "$(sum "$db")" "$s0"

# Item 14: backups (SQLite's online backup API); `session close` leaves one
# in the backups folder,
# keeping the last 10; `restore` brings one back, keeping what it replaces.
db=$(fresh_db saved)
bk="$XDG_DATA_HOME/rapporteur/backups"
rm -rf "$bk"
out=$(rap backup --db "$db" copy.db 2>&1); rc=$?
is "backup: ok, exit 0" "$out|$rc" "ok copy.db|0"
is "backup: the copy passes integrity_check" "$(sqlite3 copy.db 'PRAGMA integrity_check')" ok
is "backup: the same journal" "$(sqlite3 copy.db 'SELECT count(*), max(seq) FROM journal')" \
	"$(q 'SELECT count(*), max(seq) FROM journal')"
is "backup: mode 0600" "$(stat -c %a copy.db)" 600
mkdir -p "$bk"
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do cp copy.db "$bk/saved-200001${i}T000000-close.db"; done
out=$(printf 'session close\n' | rap run --db "$db" - 2>&1)
is "session close: answer unchanged" "$out" "ok session 1 closed"
last=$(ls "$bk" | sort | tail -1)
like "session close: a backup named after the file" "$last" '^saved-[0-9]{8}T[0-9]{6}-close\.db$'
is "session close: the backup holds the closed session" "$(sqlite3 "$bk/$last" 'SELECT status FROM session WHERE id = 1')" closed
is "session close: the last 10 kept" "$(ls "$bk" | grep -c '^saved-')" 10
ok_if "session close: the oldest removed" test ! -e "$bk/saved-20000101T000000-close.db"
printf 'session reopen\nnote "après la sauvegarde"\n' | rap run --db "$db" - >/dev/null 2>&1
out=$(rap restore --db "$db" "$bk/$last" 2>&1); rc=$?
is "restore: exit 0" "$rc" 0
like "restore: names what it kept" "$out" "^ok .*saved\.db restored from .*-close\.db \(its previous content: .*-before-restore\.db\)$"
is "restore: the session is closed again, the later note gone" \
	"$(q "SELECT status FROM session WHERE id = 1; SELECT count(*) FROM journal WHERE detail LIKE '%après la sauvegarde%'")" "closed
0"
kept=$(ls "$bk" | grep before-restore)
is "restore: the replaced content kept" "$(sqlite3 "$bk/$kept" "SELECT count(*) FROM journal WHERE detail LIKE '%après la sauvegarde%'")" 1

# Item 4: rec+ takes the English text in the same command: one
# transaction, one journal row, version 1 holds both texts.
db=$(fresh_db recen)
out=$(printf 'rec+ MUS "Santé" "Les États membres coopèrent." "Member states cooperate."\n' | rap run --db "$db" - 2>&1)
is "rec+ with an English text: ok" "$out" "ok recommendation 1"
is "rec+ with an English text: one version holding both" \
	"$(q "SELECT group_concat(version || ':' || text_fr || ':' || text_en, ' ') FROM rec_version")" \
	"1:Les États membres coopèrent.:Member states cooperate."
is "rec+ with an English text: one journal row" "$(q "SELECT count(*) FROM journal WHERE command LIKE 'rec+%' OR command LIKE 'amend%'")" 1
