#!/bin/sh
# writers.sh — two writers and a reader on one file (DESIGN §7): two
# `rapporteur run` processes write 300 notes each at the same time; no
# answer may be an error ("database is locked" must be absorbed by
# busy_timeout and BEGIN IMMEDIATE), all 600 notes are stored, in each
# writer's order, and the file passes integrity_check. A third process,
# opened --read-only, reads at the same time and is refused a write.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2

N=${WRITERS_NOTES:-300}
db=$(fresh_db writers)
before=$(sqlite3 "$db" "SELECT count(*) FROM journal WHERE event = 'note'")

awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) printf "note \"writer A note %d\"\n", i }' >a.cmds
awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) printf "note \"writer B note %d\"\n", i }' >b.cmds
awk -v n="$N" 'BEGIN { for (i = 1; i <= n / 10; i++) print "check"; print "note \"from the reader\"" }' >r.cmds

# Each process opens the database, then blocks opening its script (a
# fifo) until the shell feeds all three at once, so they overlap.
mkfifo a.in b.in r.in
"$BIN" run --db "$db" a.in >a.out 2>a.err & pa=$!
"$BIN" run --db "$db" b.in >b.out 2>b.err & pb=$!
"$BIN" run --keep-going --read-only --db "$db" r.in >r.out 2>r.err & pr=$!
cat a.cmds >a.in & cat b.cmds >b.in & cat r.cmds >r.in &
# Meanwhile, another reader lists the sessions twenty times.
i=0; reads=0
while [ $i -lt 20 ]; do
	"$BIN" sessions --read-only --db "$db" >s.out 2>>s.err && grep -q . s.out && reads=$((reads + 1))
	i=$((i + 1))
done
wait $pa; ra=$?
wait $pb; rb=$?
wait $pr; rr=$?
wait

is "writer A: exit 0" "$ra" 0
is "writer B: exit 0" "$rb" 0
is "writer A: $N answers ok" "$(grep -c '^ok note$' a.out)" "$N"
is "writer B: $N answers ok" "$(grep -c '^ok note$' b.out)" "$N"
is "no error answer, nothing on stderr (no 'database is locked')" "$(cat a.err b.err; grep -v '^ok' a.out b.out)" ""
is "all $((2 * N)) notes are stored" \
	"$(sqlite3 "$db" "SELECT count(*) FROM journal WHERE event = 'note'")" "$((before + 2 * N))"
is "writer A's notes are stored in its order, once each" \
	"$(sqlite3 "$db" "SELECT detail FROM journal WHERE detail LIKE 'writer A note %' ORDER BY seq" | md5sum)" \
	"$(awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) printf "writer A note %d\n", i }' | md5sum)"
is "writer B's notes are stored in its order, once each" \
	"$(sqlite3 "$db" "SELECT detail FROM journal WHERE detail LIKE 'writer B note %' ORDER BY seq" | md5sum)" \
	"$(awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) printf "writer B note %d\n", i }' | md5sum)"
is "integrity_check" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
# How much the writers overlapped (a diagnostic, not a check: it depends
# on the scheduler): the number of times the journal switches writer.
switches=$(sqlite3 "$db" "SELECT detail FROM journal WHERE detail LIKE 'writer _ note %' ORDER BY seq" |
	cut -c8 | uniq | wc -l)
echo "# the journal switches between the writers $((switches - 1)) times"

is "the read-only reader: every check answered" "$(grep -c '^ok' r.out)" "$((N / 10))"
like "the read-only reader: its write is refused as read-only" "$(tail -1 r.out)" '^error: read-only: note changes the record'
is "the read-only reader: one stderr line (the refused write)" "$(wc -l <r.err | tr -d ' ')" 1
is "the read-only reader: exit 1 (one refused command)" "$rr" 1
is "no note from the reader" "$(sqlite3 "$db" "SELECT count(*) FROM journal WHERE detail = 'from the reader'")" 0
is "the session list could be read 20 times during the writes" "$reads" 20
is "no error from the concurrent session lists" "$(cat s.err)" ""
