#!/bin/sh
# answers.sh — one rule for the "ok …" answers (include/answers.h): `run`
# prints the protocol's form, English and the same in every language and
# locale (scripts read `ok proposal 3`, `ok item 13`), while `follow`
# and the TUI (tests/ui/answers.sh) show the answer translated; errors
# keep their reason in the interface language everywhere. Every answer
# of the command layer comes from the one list.
. "$RAPPORTEUR_TOP/tests/lib.sh"
T=${TEST_TMP:-/tmp}

script() {
	cat <<EOF
item+ "Pause"
start 13
end
propose workshop "Migration et santé"
position 1 MUS support
select 1
rec+ MUS "Santé" "Les États membres coopèrent."
status 1 discussion
cosponsor 1 COM
action+ IOM "Rapport"
action 1 done
present- MUS
theme+ midiocc_trade_tourism
set min_level director
note "Séance ouverte"
undo
check
export $1
session new "Atelier" expert 2026-12-01
EOF
}
expected="ok item 13
ok item 13 started
ok item 13 ended after 0 min
ok proposal 1
ok P1 MUS support
ok P1 selected
ok recommendation 1
ok R1 discussion
ok R1 cosponsor COM
ok action 1
ok action 1 done
ok MUS absent (5 delegates)
ok theme midiocc_trade_tourism (check: 3/5 OK)
ok min_level director (check: 3/5 OK)
ok note
ok undone: theme+ midiocc_trade_tourism
ok COM OK; FRA OK NO_HEAD; MDG LEVEL; MUS ABSENT; SYC ENTITY
ok exported 11 files to OUT
ok session 2"

# $1 a name, then the environment and options of the run.
answers() {
	_n=$1; shift
	db=$(fresh_db "answers-$_n")
	rm -rf "$T/out-$_n"
	script "$T/out-$_n" | env RAPPORTEUR_NOW=2026-11-23T09:00:00+04:00 "$@" run --db "$db" - 2>&1 |
		sed "s#$T/out-$_n#OUT#"
}
is "run in English: the protocol's lines" "$(answers en LANGUAGE= "$BIN" --lang en)" "$expected"
is "run --lang fr: the same lines" "$(answers fr LANGUAGE= "$BIN" --lang fr)" "$expected"
is "run --lang es: the same lines" "$(answers es LANGUAGE= "$BIN" --lang es)" "$expected"
is "run under LANG=fr_FR.UTF-8: the same lines" \
	"$(answers lang env -u LC_ALL LANGUAGE= LANG=fr_FR.UTF-8 "$BIN")" "$expected"

# The ids a script reads, in French as in English.
db=$T/answers-fr.db
out=$(printf 'propose next "Santé"\nrec+ MDG "Titre" "Texte"\nitem+ "Clôture"\naction+ IOM "Suivi"\n' |
	LANGUAGE= rap --lang fr run --db "$db" --session 1 - 2>/dev/null)
is "fr: the new ids, parseable" "$(printf '%s\n' "$out" | sed -n 's/^ok \(proposal\|recommendation\|item\|action\) \([0-9]*\)$/\1=\2/p' | tr '\n' ' ')" \
	"proposal=2 recommendation=2 item=14 action=2 "

# An error keeps its reason in the interface language (DESIGN §5).
is "run --lang fr: a refusal in French" "$(echo 'start 99' | LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null)" \
	"error: pas de point 99 à l'ordre du jour"

# The CLI's own "ok" lines follow the rule: `rapporteur import
# participants` ends with the protocol's summary in every language (the
# listing of the rows above it is for people, in the interface language).
for l in en fr es; do
	got=$(LANGUAGE= rap --lang $l import participants "$TOP/tests/data/participants_good.csv" \
		--db "$db" --session 1 --dry-run 2>/dev/null | tail -1)
	is "import participants --lang $l: the protocol's summary" "$got" \
		"ok 6 new, 0 updated, 0 unchanged, 0 errors (dry run: nothing written)"
done

# follow reads lines typed by a person: its answers are translated.
db=$(fresh_db answers-follow)
out=$(printf 'propose workshop "Santé"\nstart 1\nq+ MUS\n' |
	LANGUAGE= rap --db "$db" --lang fr follow 2>/dev/null | grep '^ok ')
is "follow --lang fr: the answers in French" "$out" "ok proposition 1
ok point 1 ouvert
ok MUS inscrit, position 1"

# ---- the one list ----------------------------------------------------------
# Every answer of the command layer names an entry of include/answers.h:
# no format written at a call site, translated or not.
calls=$(cd "$TOP" && grep -rn 'cmd_ok\(_add\)\?(\|cmd_okn\(_add\)\?(\|cmd_said(' src screens |
	grep -v '^src/domain/cmd\.c:' | grep -v 'cmd_[a-z_]*(c, ANS_[A-Z_]*[,)]' |
	grep -v 'cmd_[a-z_]*(c, redo ? ANS_REDONE : ANS_UNDONE,' | grep -v '^[^:]*:[0-9]*:\s*\*')
is "every cmd_ok/cmd_okn/cmd_said call names an ANS_ answer" "$calls" ""
ok_if "the list holds the answers (more than 60)" test "$(grep -c '^#define ANS_' "$TOP/include/answers.h")" -gt 60
unused=$(grep -o '^#define ANS_[A-Z_]*' "$TOP/include/answers.h" | cut -d' ' -f2 | grep -v '^ANS_ENGLISH$' |
	while read -r a; do grep -rqw "$a" "$TOP/src" || echo "$a"; done)
is "every entry of the list is used" "$unused" ""
