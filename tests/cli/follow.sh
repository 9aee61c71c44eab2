#!/bin/sh
# follow.sh — `rapporteur follow` (issue 15) without SSH: a header and the
# last 10 journal rows, then each new row of the session as one plain line
# as it happens (written by another process), in order and in the
# interface language; commands read as lines and answered "ok …"/"error: …"
# under the role; no escape sequence ever (a hostile row is printed plain);
# a clean end on end of input, SIGHUP, SIGTERM and SIGPIPE.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
db=$(fresh_db follow)
q() { sqlite3 -separator '|' "$db" "$1"; }
# wait_file FILE REGEX: up to 10 s (a limit, not a measure)
wait_file() { i=0; while [ $i -lt 100 ]; do grep -Eq -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; i=$((i + 1)); done; return 1; }
# keep_open FIFO: hold the fifo's write end open (a person who types
# nothing); its pid in $holder.
keep_open() { sleep 60 >"$1" 2>/dev/null & holder=$!; }

# End of input right away: the header and the last 10 rows.
out=$(rap --db "$db" follow </dev/null); rc=$?
is "end of input: exit 0" "$rc" 0
like "a header names the session and who follows" "$(printf '%s\n' "$out" | head -1)" \
	'^session 1: Réunion annuelle du DiMOI 2026 — Migration et santé; following as '
is "... then the last 10 rows of the journal" "$(printf '%s\n' "$out" | sed 1d | wc -l)" 10
is "... each 'HH:MM  event  delegation  detail' as in the journal" \
	"$(printf '%s\n' "$out" | tail -1 | cut -c8-)" \
	"$(q "SELECT event || '  ' || delegation || '  ' || detail FROM journal ORDER BY seq DESC LIMIT 1")"

# Following: rows written by another process appear, in order.
mkfifo in1
keep_open in1
"$BIN" --db "$db" --as "A. Ramgoolam" --role delegation:MUS follow <in1 >f1.out 2>f1.err &
pid=$!
wait_file f1.out 'RESOI' >/dev/null
printf '%s\n' 'start 1' 'note "première note"' 'q+ MUS' 'floor' 'yield "Merci"' 'note "deuxième"' |
	rap --db "$db" run - >/dev/null 2>&1
ok_if "the rows of another writer appear" wait_file f1.out 'deuxième'
is "... in the journal's order, with the item" \
	"$(sed -n '12,$p' f1.out | cut -c8-)" \
	"$(q "SELECT 'item 1  ' || event || '  ' || CASE WHEN delegation <> '' THEN delegation || '  ' ELSE '' END || detail FROM journal WHERE seq > (SELECT max(seq) - 6 FROM journal) ORDER BY seq")"

# A hostile row (escape sequences, C1 controls) is printed as plain text.
q "INSERT INTO journal (time, session_id, event, actor, command, detail)
   VALUES ('2026-11-23T10:00:00+04:00', 1, 'note', 'x', 'x',
   'evil' || char(27) || '[2J' || char(155) || '31m' || char(7) || char(10) || 'end')"
ok_if "a row with escape sequences appears" wait_file f1.out 'evil'
is "... with no control character at all in the output" \
	"$(LC_ALL=C tr -d '\n' <f1.out | LC_ALL=C grep -c '[[:cntrl:]]')" 0
like "... as spaces" "$(grep evil f1.out)" 'evil \[2J 31m  end$'

# Commands typed as lines, under the role.
exec 3>in1
printf 'q+ MUS\nadopt 1\n' >&3
ok_if "MUS types q+ MUS and sees ok" wait_file f1.out '^ok MUS in line'
ok_if "... and adopt is refused naming the role" wait_file f1.out '^error: role delegation:MUS may not run adopt$'
ok_if "... its own request comes back as an event" wait_file f1.out '  q\+  MUS  .*A\. Ramgoolam|q\+  MUS'
is "... journaled as A. Ramgoolam, delegation:MUS" \
	"$(q "SELECT person, role FROM journal ORDER BY seq DESC LIMIT 1")" "A. Ramgoolam|delegation:MUS"

# SIGHUP ends it cleanly.
kill -HUP $pid
wait $pid; rc=$?
is "SIGHUP: exit 0" "$rc" 0
is "... nothing on stderr" "$(cat f1.err)" ""
exec 3>&-
kill $holder 2>/dev/null

# SIGTERM too.
mkfifo in2
keep_open in2
"$BIN" --db "$db" follow <in2 >f2.out 2>&1 &
pid=$!
wait_file f2.out 'RESOI|MUS' >/dev/null
kill -TERM $pid
wait $pid; rc=$?
is "SIGTERM: exit 0" "$rc" 0
kill $holder 2>/dev/null

# SIGPIPE: the reader goes away (head), follow leaves at its next line.
mkfifo in3
keep_open in3
( rap --db "$db" follow <in3 2>f3.err; echo $? >f3.rc ) | head -2 >f3.out &
sleep 0.5
echo 'note "after the reader left"' | rap --db "$db" run - >/dev/null 2>&1
ok_if "SIGPIPE: follow ends once its reader has gone" wait_file f3.rc '.'
is "... cleanly (exit 0, nothing on stderr)" "$(cat f3.rc) $(cat f3.err)" "0 "
kill $holder 2>/dev/null

# French.
out=$(rap --db "$db" --lang fr follow </dev/null | tail -1)
like "--lang fr: the item in French" "$out" '^[0-9:]{5}  point 1  '
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
