#!/bin/sh
# form_partial.sh — the add-delegate form sends one delegate+ with every
# field (tests/ui/form_one.sh). When it is refused (here a trigger of the
# test refuses the entity; a lock held past the busy timeout or a full
# disk would too), nothing is stored and the form stays open holding
# everything typed, so Enter again sends it whole (issue 12: nothing typed
# lost). Before, delegate+ then delegate= for the entity: a refused entity
# left the delegate half stored (the form then became its edit).
# Not timed: the key script is a FIFO; the test lifts the refusal after
# the screen's dump.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db form)
q() { sqlite3 -separator '|' "$db" "$1"; }
q "CREATE TRIGGER test_refuse_entity BEFORE INSERT ON delegate
   WHEN NEW.entity = 'Ministère gardé' BEGIN SELECT RAISE(ABORT, 'entity refused by the test'); END"
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
like "the entity refused: the form stays, still adding" "$(ui_row "$first" 6)" '^ Add a delegate to COM'
like "... saying why" "$(ui_row "$first" 23)" '^error: .*entity refused by the test'
like "... holding the name typed" "$(ui_row "$first" 7)" 'Nom Gardé'
like "... and the entity typed" "$(ui_row "$first" 10)" 'Ministère gardé'
is "nothing stored: not half a delegate" \
	"$(q "SELECT count(*) FROM delegate WHERE name = 'Nom Gardé'")" 0
q "DROP TRIGGER test_refuse_entity"
printf '<Enter>\n' >&3
exec 3>&-
wait "$screen"
is "Enter again: one delegate, with the function and the entity" \
	"$(q "SELECT count(*), max(function), max(entity) FROM delegate WHERE name = 'Nom Gardé'")" \
	"1|Conseiller|Ministère gardé"
is "... one journal row for it" \
	"$(q "SELECT count(*) FROM journal WHERE command LIKE '%Nom Gardé%'")" 1
like "... the form closed: the list" "$(ui_row "$(cat final.txt)" 6)" '^ Delegation, delegate'
