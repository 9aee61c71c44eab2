#!/bin/sh
# form_partial.sh — the add-delegate form sends delegate+, then one
# delegate= for what delegate+ does not take (entity, e-mail). When such a
# later command is refused (here a trigger of the test refuses the entity;
# a lock held past the busy timeout or a full disk would too), the form
# stays open as the edit of the delegate just added, so Enter again sends
# only what is left (issue 12: nothing typed lost). Before, the name was
# then "already" taken: the form could not be sent, Esc lost the entity.
# Not timed: the key script is a FIFO; the test lifts the refusal after
# the screen's dump.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db form)
q() { sqlite3 -separator '|' "$db" "$1"; }
q "CREATE TRIGGER test_refuse_entity BEFORE UPDATE OF entity ON delegate
   WHEN NEW.name = 'Nom Gardé' BEGIN SELECT RAISE(ABORT, 'entity refused by the test'); END"
mkfifo keys.fifo
RAPPORTEUR_NOW=$UI_NOW TERM=xterm-256color LINES=24 COLUMNS=80 \
RAPPORTEUR_TEST_SCRIPT=keys.fifo RAPPORTEUR_TEST_DUMP=final.txt \
	"$BIN" --db "$db" >screen.out 2>&1 &
screen=$!
exec 3<>keys.fifo
printf '%s\n@dump first.txt\n' \
	'3aNom Gardé<Tab>Conseiller<Tab><Down><Tab>Ministère gardé<Tab><Down><Enter>' >&3
k=0; while [ ! -s first.txt ] && kill -0 "$screen" 2>/dev/null && [ $k -lt 600 ]; do
	sleep 0.1; k=$((k + 1)); done
first=$(cat first.txt)
like "the entity refused: the form stays, now the edit of the delegate added" \
	"$(ui_row "$first" 6)" 'Edit COM "Nom Gardé"'
like "... holding the entity typed" "$(ui_row "$first" 10)" 'Ministère gardé'
unlike "... and the name is not refused as taken" "$first" 'already has a delegate'
is "delegate+ stored the delegate, without the entity" \
	"$(q "SELECT function, entity FROM delegate WHERE name = 'Nom Gardé'")" "Conseiller|"
q "DROP TRIGGER test_refuse_entity"
printf '<Enter>\n' >&3
exec 3>&-
wait "$screen"
is "Enter again: the entity stored, one delegate" \
	"$(q "SELECT count(*), max(entity) FROM delegate WHERE name = 'Nom Gardé'")" "1|Ministère gardé"
is "... two journal rows for it (delegate+, delegate=), none twice" \
	"$(q "SELECT count(*) FROM journal WHERE command LIKE '%Nom Gardé%'")" 2
like "... the form closed: the list" "$(ui_row "$(cat final.txt)" 6)" '^ Delegation, delegate'
