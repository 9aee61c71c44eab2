#!/bin/sh
# undo.sh — undo and redo (DESIGN §8) from `rapporteur run`: each slip of
# a live meeting (start, skip, end, adopt, presence of a delegate or of a
# whole delegation, position, deletion, move) is reverted exactly (every
# table of the record as before), by a new journal row ("undo of …",
# before and after swapped) with nothing erased; redo puts it back; a new
# change ends the redo; "this terminal" is one instance (a second `run`
# has nothing to undo); a change made since by another terminal, or
# records that depend on it now, refuse the undo and change nothing;
# session commands end the history; --read-only refuses.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
RAPPORTEUR_NOW=2026-11-23T13:21:00+04:00
export RAPPORTEUR_NOW

db=$(fresh_db undo)
q() { sqlite3 -separator '|' "$db" "$1"; }
# Every table of the record (not the journal), rows in a fixed order.
dump() {
	q "SELECT * FROM agenda_item ORDER BY id; SELECT * FROM delegate ORDER BY id;
	SELECT * FROM recommendation ORDER BY id; SELECT * FROM rec_version ORDER BY id;
	SELECT * FROM rec_cosponsor ORDER BY 1, 2; SELECT * FROM proposal ORDER BY id;
	SELECT * FROM position ORDER BY 1, 2; SELECT * FROM speaker_request ORDER BY id;
	SELECT * FROM intervention ORDER BY id; SELECT * FROM session ORDER BY id"
}
journal() { q "SELECT count(*) FROM journal"; }

# 1. The slip of the issue: item 7 started by mistake.
before=$(dump); j0=$(journal)
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
start 7
undo
EOF2
)
is "start 7 then undo: both answer ok, the undo names the command" "$out" "ok item 7 started
ok undone: start 7"
is "item 7 is pending again, with no actual start" \
	"$(q "SELECT status, ifnull(actual_start, '-') FROM agenda_item WHERE num = 7")" "pending|-"
is "every table of the record is as before" "$(dump)" "$before"
is "nothing erased: the start and the undo are two new journal rows" "$(journal)" "$((j0 + 2))"
is "the undo's journal row: event, item, detail, before and after swapped" \
	"$(q "SELECT event, item, command, detail, before, after FROM journal ORDER BY seq DESC LIMIT 2")" \
	"undo|7|undo|undo of: start 7|in_progress|pending
start|7|start 7|item 7 started: Groupes de travail : santé aux frontières et préparation aux épidémies|pending|in_progress"
is "the undo keeps its own change set and names the row it reverts" \
	"$(q "SELECT c.reverts = (SELECT max(seq) - 1 FROM journal), length(c.changes) > 0
	FROM journal_change c WHERE c.seq = (SELECT max(seq) FROM journal)")" "1|1"

# 2. Redo, undo of the redo, and the end of each history.
out=$(rap run --keep-going --db "$db" - 2>/dev/null <<'EOF2'
undo
start 7
undo
redo
undo
undo
redo
redo
EOF2
)
is "a new instance has nothing to undo; redo and undo walk the history" "$out" \
"error: nothing to undo from this terminal
ok item 7 started
ok undone: start 7
ok redone: start 7
ok undone: start 7
error: nothing to undo from this terminal
ok redone: start 7
error: nothing to redo from this terminal"
is "after the last redo item 7 is in progress" \
	"$(q "SELECT status FROM agenda_item WHERE num = 7")" "in_progress"
is "a redo's journal row names the original command" \
	"$(q "SELECT event, detail, before, after FROM journal ORDER BY seq DESC LIMIT 1")" \
	"redo|redo of: start 7|pending|in_progress"
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
end
EOF2

# 3. Each kind of slip, reverted exactly (the record dumped before and after).
slip() { # DESC COMMANDS: the commands then undo (one per command) restore the record
	desc=$1; cmds=$2; before=$(dump)
	nundo=$(printf '%s\n' "$cmds" | grep -c .)
	script=$(printf '%s\n' "$cmds"; i=0; while [ $i -lt "$nundo" ]; do echo undo; i=$((i + 1)); done)
	out=$(printf '%s\n' "$script" | rap run --db "$db" - 2>&1)
	like "$desc: every command and undo answers ok" "$out" '^ok'
	unlike "$desc: no error" "$out" 'error'
	is "$desc: the record is exactly as before" "$(dump)" "$before"
}
slip "skip" 'skip 5'
slip "start, then end" 'start 1
end'
slip "start 2 while item 1 runs (item 1 ended by it)" 'start 1
start 2'
slip "a delegation absent at once (four MDG delegates)" 'present- MDG'
slip "one delegate absent" 'present- COM "Ibrahim Mze Ali"'
slip "one delegate present" 'present+ MDG "Solofo Andrianarisoa"'
slip "a delegate removed (same row, same id back)" 'delegate- SYC "Rita Laporte"'
slip "an item moved" 'move 9 2'
slip "a recommendation drafted and adopted" 'rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance."
cosponsor 1 COM
adopt 1'
slip "a theme proposal and positions" 'propose workshop "Santé des gens de mer" MUS
position 1 COM support
position 1 MDG object'
slip "a delegate's field changed" 'delegate= MDG "Tiana Randriamanana" level director'
slip "an intervention logged" 'start 3
q+ MUS
floor
yield "Maurice soutient la déclaration."'

# Undo only the adoption: the recommendation stays, as a draft.
out=$(rap run --db "$db" - 2>&1 <<'EOF2'
rec+ MUS "Santé aux frontières" "Les États membres renforcent la surveillance."
adopt 1
undo
EOF2
)
like "adopt then undo" "$out" 'ok undone: adopt 1$'
is "the recommendation is back to draft, with no adoption time" \
	"$(q "SELECT status, ifnull(adopted_at, '-') FROM recommendation WHERE num = 1")" "draft|-"

# 4. Another terminal changed the same thing since: refused, nothing changed.
mkfifo a.in a.out
rap run --keep-going --db "$db" a.in >a.out 2>a.err & pa=$!
exec 4<a.out 3>a.in
echo 'start 10' >&3; read -r r1 <&4
other=$(rap run --db "$db" - 2>&1 <<'EOF2'
end
EOF2
)
j1=$(journal); before=$(dump)
echo 'undo' >&3; read -r r2 <&4
after_refused="$(journal) $(dump | md5sum)"
# Records that depend on the change now: an amendment by another terminal.
echo 'rec+ COM "Couverture sanitaire" "Texte initial."' >&3; read -r r3 <&4
other2=$(rap run --db "$db" - 2>&1 <<'EOF2'
amend 2 MDG "Texte amendé par Madagascar."
EOF2
)
j2=$(journal); before2=$(dump)
echo 'undo' >&3; read -r r4 <&4
exec 3>&- 4<&-
wait $pa
is "this terminal starts item 10" "$r1" "ok item 10 started"
is "another terminal ends it" "$other" "ok item 10 ended after 0 min"
is "undo is refused: the item changed since" "$r2" \
	"error: cannot undo \"start 10\": changed since by another terminal (agenda item)"
is "the refused undo changed nothing (no journal row, record as it was)" \
	"$after_refused" "$j1 $(printf '%s\n' "$before" | md5sum)"
is "this terminal drafts R2, another amends it" "$r3 / $other2" "ok recommendation 2 / ok R2 version 2"
is "undo of the draft is refused: the amendment depends on it" "$r4" \
	"error: cannot undo \"rec+ COM \"Couverture sanitaire\" \"Texte initial.\"\": other records depend on it now"
is "the amendment is kept, nothing changed" "$(journal) $(dump | md5sum)" \
	"$j2 $(printf '%s\n' "$before2" | md5sum)"

# 5. A new change ends the redo history; session commands end both.
out=$(rap run --keep-going --db "$db" - 2>/dev/null <<'EOF2'
skip 8
undo
skip 9
redo
undo
skip 9
session close
undo
session reopen
undo
EOF2
)
is "a new change ends redo; session commands end undo" "$out" "ok item 8 skipped
ok undone: skip 8
ok item 9 skipped
error: nothing to redo from this terminal
ok undone: skip 9
ok item 9 skipped
ok session 1 closed
error: the session is closed; reopen it first (session reopen)
ok session 1 reopened
error: nothing to undo from this terminal"

# 6. Read-only refuses.
out=$(echo undo | rap run --read-only --db "$db" - 2>/dev/null)
is "--read-only: undo is refused" "$out" "error: read-only: undo changes the record"
is "integrity_check" "$(q 'PRAGMA integrity_check')" ok
