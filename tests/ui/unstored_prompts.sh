#!/bin/sh
# unstored_prompts.sh — every free-text prompt whose command the database
# cannot store (another process holds the write lock past the busy
# timeout, as a full disk would refuse it) loses nothing typed (issue 12,
# beside tests/ui/unstored.sh): its prompts open again, each holding its
# answer, so Enter tries again. A new agenda item (title, kind, minutes,
# start), a new session, an item's title, a theme proposal (title,
# proposer), a merged proposal's title, a recommendation's title, a
# follow-up action (owner, text, due), a CTP review and a follow-up note;
# the new recommendation (its editor) and the add-delegate form stay open
# already. Each screen presses Enter, the store fails (5 s), the screen is
# dumped; the holder lets go when every screen has been dumped, and the
# keys that follow only press Enter: what is stored is what was typed
# before. Not timed: the holder waits on the dumps, the screens on the lock.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db prompts)
q() { sqlite3 -separator '|' "${2:-$db}" "$1"; }
rap run --db "$db" - >/dev/null 2>&1 <<'EOF2'
start 3
rec+ MUS "Titre" "Texte"
rec+ FRA "Deux" "Texte deux"
adopt 1
propose workshop "Thème A"
propose workshop "Thème B"
EOF2
# name|keys typed, then Enter refused|keys after the dump (Enter again)
cat >cases.txt <<'EOF2'
item|atitre gardé<Enter><Enter>20<Enter><Enter>|<Enter><Enter><Enter><Enter>
sess|Nsession gardée<Enter><Enter>2027-01-01<Enter>|<Enter><Enter><Enter>
itemed|e1<C-u>titre changé<Enter>|<Enter>
prop|4aun thème gardé<Enter><Enter>|<Enter><Enter>
merge|4m<Right>m<C-u>fusion gardée<Enter>|<Enter>
recset|5<Down>=1<C-u>titre rec changé<Enter>|<Enter>
act|7aMUS<Enter>action gardée<Enter><Enter>|<Enter><Enter><Enter>
rev|7rrevue gardée<Enter>|<Enter>
fnote|7Nnote de suivi gardée<Enter>|<Enter>
recnew|5a1titre de rec gardé<Enter>texte gardé<F2>|<F2>
deleg|3anom gardé<Tab>fonction gardée<Tab><Down><Tab><Tab><Down><Enter>|<Enter>
EOF2
# Each screen on its own copy of the database, whose write lock another
# process holds until that screen has been dumped (after its refusal).
pids=
while IFS='|' read -r name first again; do
	cp "$db" "$name.db"
	/usr/bin/python3 -c '
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1] + ".db", timeout=30, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[1] + ".held", "w").write("held")
for _ in range(3000):
    if os.path.exists(sys.argv[1] + ".first"):
        break
    time.sleep(0.05)' "$name" &
	pids="$pids $!"
	k=0; while [ ! -s "$name.held" ] && [ $k -lt 200 ]; do sleep 0.1; k=$((k + 1)); done
	printf '%s\n@dump %s.first\n%s\n' "$first" "$name" "$again" >"$name.keys"
	RAPPORTEUR_NOW=$UI_NOW TERM=xterm-256color LINES=24 COLUMNS=80 \
	RAPPORTEUR_TEST_SCRIPT="$name.keys" RAPPORTEUR_TEST_DUMP="$name.dump" \
		"$BIN" --db "$name.db" >"$name.out" 2>&1 &
	pids="$pids $!"
done <cases.txt
wait $pids
row23() { sed -n 23p "$1"; }
like "new item not stored: its title prompt again, holding it" "$(row23 item.first)" '^Title: titre gardé'
like "new session not stored: its title prompt again" "$(row23 sess.first)" '^New session, title: session gardée'
like "item's title not stored: the prompt again" "$(row23 itemed.first)" 'title: titre changé'
like "proposal not stored: its title prompt again" "$(row23 prop.first)" 'free title\): un thème gardé'
like "merge not stored: its title prompt again" "$(row23 merge.first)" 'merged proposal: fusion gardée'
like "recommendation's title not stored: the prompt again" "$(row23 recset.first)" '^R2, title: titre rec changé'
like "action not stored: its owner prompt again" "$(row23 act.first)" '^Owner .*: MUS'
like "review not stored: the prompt again" "$(row23 rev.first)" 'CTP: revue gardée'
like "follow-up note not stored: the prompt again" "$(row23 fnote.first)" 'note: note de suivi gardée'
like "new recommendation not stored: the editor stays" "$(sed -n 3p recnew.first)" 'titre de rec gardé'
like "new delegate not stored: the form stays" "$(sed -n 7p deleg.first)" 'Name  nom gardé'
like "the answer says why (busy)" "$(row23 item.first; row23 deleg.first)" 'busy'
# The lock gone, Enter again stored what was typed before the refusal.
is "item: stored with its title, kind, minutes" \
	"$(q "SELECT title, kind, planned_minutes FROM agenda_item WHERE title = 'titre gardé'" item.db)" \
	"titre gardé|other|20"
is "session: stored" "$(q "SELECT count(*) FROM session WHERE title = 'session gardée'" sess.db)" 1
is "item's title: stored" "$(q "SELECT count(*) FROM agenda_item WHERE title = 'titre changé'" itemed.db)" 1
is "proposal: stored" "$(q "SELECT count(*) FROM proposal WHERE title = 'un thème gardé'" prop.db)" 1
is "merge: stored" "$(q "SELECT count(*) FROM proposal WHERE title = 'fusion gardée'" merge.db)" 1
is "recommendation's title: stored" \
	"$(q "SELECT count(*) FROM recommendation WHERE title = 'titre rec changé'" recset.db)" 1
is "action: stored with its owner" "$(q "SELECT owner FROM action WHERE text = 'action gardée'" act.db)" "MUS"
is "review: stored" "$(q "SELECT count(*) FROM journal WHERE command LIKE '%revue gardée%'" rev.db)" 1
is "follow-up note: stored" \
	"$(q "SELECT count(*) FROM journal WHERE command LIKE '%note de suivi gardée%'" fnote.db)" 1
is "new recommendation: stored" \
	"$(q "SELECT count(*) FROM recommendation WHERE title = 'titre de rec gardé'" recnew.db)" 1
is "new delegate: stored" "$(q "SELECT count(*) FROM delegate WHERE name = 'nom gardé'" deleg.db)" 1
for name in $(cut -d'|' -f1 cases.txt); do
	like "$name: the prompt closed, the answer ok" "$(sed -n 23p "$name.dump")" '^ok '
done
