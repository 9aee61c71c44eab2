#!/bin/sh
# i18n.sh — the interface languages (R10): the French catalogue covers
# every message of the current sources, --lang and the locale choose the
# language, English is the default, accents reach the output intact, and
# the French labels fit the 80-column screens.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db i18n)
T=${TEST_TMP:-/tmp}

# ---- the catalogues ----------------------------------------------------

ok_if "po/fr.po passes msgfmt --check" msgfmt --check -o /dev/null "$TOP/po/fr.po"
# English is the message ids: no catalogue (tests/pty/maps.sh: none mapped).
ok_if "no English catalogue to keep in step with the sources" test ! -e "$TOP/po/en.po"
like "fr.po header: French, UTF-8, French plural rule" "$(msgcat "$TOP/po/fr.po" 2>&1 | sed -n '1,/^$/p')" \
	'Plural-Forms: nplurals=2; plural=\(n > 1\);'

# Extract the messages of the sources as they are now (the same command as
# `make po`), then merge each catalogue into them without fuzzy matching:
# whatever is left untranslated or fuzzy has no translation.
(cd "$TOP" && xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 --add-comments=TRANSLATORS \
	-o "$T/current.pot" $(ls src/*.c src/*/*.c screens/*.c screens/*/*.c screens/*/*.h include/*.h | sort)) 2>"$T/xgettext.err"
ok_if "xgettext extracts the messages of the sources" test -s "$T/current.pot"
catalogue_complete() { # LANG NAME
	msgmerge -q --no-fuzzy-matching "$TOP/po/$1.po" "$T/current.pot" -o "$T/merged-$1.po" 2>/dev/null
	total=$(msgattrib --no-obsolete "$T/merged-$1.po" 2>/dev/null | grep -c '^msgid ')
	missing=$( { msgattrib --no-obsolete --untranslated "$T/merged-$1.po"; \
		     msgattrib --no-obsolete --only-fuzzy "$T/merged-$1.po"; } 2>/dev/null |
		   msgcat --no-wrap - 2>/dev/null | grep '^msgid ' | grep -v '^msgid ""$')
	ok_if "the sources hold messages to translate ($total)" test "$total" -gt 100
	is "every message of the sources has a $2 translation" "$missing" ""
	# msgcmp agrees (it treats untranslated and fuzzy entries as missing).
	ok_if "msgcmp po/$1.po against the sources" msgcmp "$T/merged-$1.po" "$T/current.pot"

	# Same leading and trailing blanks and newlines in msgid and msgstr: the
	# strings are padded or aligned by the screens. (French puts a space before
	# a leading ";" or ":" of a suffix: "… (OK) ; aucun chef de délégation".)
	blanks=$(msgattrib --no-obsolete --translated "$TOP/po/$1.po" | msgcat --no-wrap - | awk '
		function lead(s) { sub(/^ [;:]/, ";", s); match(s, /^( |\\n|\\t)*/); return substr(s, 1, RLENGTH) }
		function trail(s) { match(s, /( |\\n|\\t)*$/); return substr(s, RSTART) }
		/^msgid "/ { id = substr($0, 8, length($0) - 8); next }
		/^msgstr(\[0\])? "/ { s = $0; sub(/^msgstr(\[0\])? "/, "", s); s = substr(s, 1, length(s) - 1)
			if (id != "" && (lead(id) != lead(s) || trail(id) != trail(s)))
				print "\"" id "\" -> \"" s "\"" }')
	is "$2 translations keep the leading and trailing blanks of their msgid" "$blanks" ""
	# The same format specifiers, in the same order (msgfmt --check-format
	# checks c-format entries; this also covers the ones xgettext did not mark).
	specs=$(msgattrib --no-obsolete --translated "$TOP/po/$1.po" | msgcat --no-wrap - | awk '
		function specs(s,   out) { out = ""; while (match(s, /%[-0-9.]*(l|ll|z)?[dsuxc%]/)) {
			out = out substr(s, RSTART, RLENGTH) " "; s = substr(s, RSTART + RLENGTH) } return out }
		/^msgid "/ { id = substr($0, 8, length($0) - 8); next }
		/^msgstr(\[[01]\])? "/ { s = $0; sub(/^msgstr(\[[01]\])? "/, "", s)
			if (id != "" && specs(id) != specs(s)) print "\"" id "\" -> \"" s "\"" }')
	is "$2 translations keep the format specifiers of their msgid" "$specs" ""
}
catalogue_complete fr French
ok_if "the French catalogue is compiled" test -s "$TOP/locale/fr/LC_MESSAGES/rapporteur.mo"

# Spanish (IOM works in English, French and Spanish: seeds/002, R10).
ok_if "po/es.po passes msgfmt --check" msgfmt --check -o /dev/null "$TOP/po/es.po"
like "es.po header: Spanish, UTF-8, Spanish plural rule" "$(msgcat "$TOP/po/es.po" 2>&1 | sed -n '1,/^$/p')" \
	'Plural-Forms: nplurals=2; plural=\(n != 1\);'
catalogue_complete es Spanish
ok_if "the Spanish catalogue is compiled" test -s "$TOP/locale/es/LC_MESSAGES/rapporteur.mo"

# ---- choosing the language ---------------------------------------------

help_fr=$(LANGUAGE= rap --lang fr --help)
ok_if "--lang fr --help exits 0" test $? -eq 0
like "--lang fr --help: French usage" "$(echo "$help_fr" | head -1)" '^Utilisation :$'
like "--lang fr --help: French placeholders" "$help_fr" 'rapporteur init +\[--db FICHIER\] \[--fixtures DOSSIER\] \[--demo\]'
like "--lang fr --help: options stay untranslated" "$help_fr" '\[--read-only\] \[--lang fr\|en\|es\] \[--no-color\]'
help_en=$(LANGUAGE= rap --help)
is "English by default under LC_ALL=C.UTF-8" "$(echo "$help_en" | head -1)" "Usage:"
is "--lang en --help: English" "$(LANGUAGE= rap --lang en --help | head -1)" "Usage:"

# An error through `run`: the reason in French, the "error:" token stays.
got=$(echo 'frobnicate' | LANGUAGE= rap --lang fr run --db "$db" - 2>"$T/err")
is "run --lang fr: unknown command in French" "$got" \
	"error: commande inconnue frobnicate (help en donne la liste)"
like "run --lang fr: stderr names the line, in French" "$(cat "$T/err")" \
	'^stdin:1: error: commande inconnue frobnicate'
got=$(echo 'frobnicate' | LANGUAGE= rap run --db "$db" - 2>/dev/null)
is "run: English by default" "$got" "error: unknown command frobnicate (help lists them)"
got=$(echo 'start 99' | LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null)
is "run --lang fr: a refusal in French" "$got" "error: pas de point 99 à l'ordre du jour"
got=$(echo 'note "Séance ouverte à 9 h"' | LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null)
is "run --lang fr: an ok answer keeps its stable token" "$got" "ok note"

# The locale. fr_FR.UTF-8 need not be installed: i18n.c takes the language
# from the variable's name and reads the messages through C.UTF-8.
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then fr_note="installed"; else fr_note="not installed"; fi
echo "# the fr_FR.UTF-8 locale is $fr_note here"
say() { echo 'present+ MUS' | env -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" "$BIN" run --db "$db" - 2>/dev/null; }
fr_msg="error: tous les délégués de MUS sont déjà présents"
en_msg="error: every delegate of MUS is already present"
echo 'present+ MUS' | rap run --db "$db" - >/dev/null 2>&1
is "LANG=fr_FR.UTF-8: French" "$(say LANG=fr_FR.UTF-8)" "$fr_msg"
is "LANG=fr_FR: French" "$(say LANG=fr_FR)" "$fr_msg"
is "LC_MESSAGES=fr_FR.UTF-8 (LANG=C.UTF-8): French" "$(say LANG=C.UTF-8 LC_MESSAGES=fr_FR.UTF-8)" "$fr_msg"
is "LC_ALL=fr_FR.UTF-8: French" "$(say LC_ALL=fr_FR.UTF-8)" "$fr_msg"
is "LANGUAGE=fr (LANG=C.UTF-8): French" "$(say LANG=C.UTF-8 LANGUAGE=fr)" "$fr_msg"
is "LANG=en_GB.UTF-8: English" "$(say LANG=en_GB.UTF-8)" "$en_msg"
is "LANGUAGE=en before LANG=fr_FR.UTF-8: English" "$(say LANG=fr_FR.UTF-8 LANGUAGE=en)" "$en_msg"
is "LANG=C: English" "$(say LANG=C)" "$en_msg"
is "no locale variable at all: English" "$(say LANG=)" "$en_msg"
got=$(echo 'present+ MUS' | env -u LC_ALL LANG=fr_FR.UTF-8 LANGUAGE= "$BIN" --lang en run --db "$db" - 2>/dev/null)
is "--lang en wins over LANG=fr_FR.UTF-8" "$got" "$en_msg"
got=$(echo 'present+ MUS' | LANGUAGE=en "$BIN" --lang fr run --db "$db" - 2>/dev/null)
is "--lang fr wins over LANGUAGE=en" "$got" "$fr_msg"

# ---- UTF-8 --------------------------------------------------------------

# The accents arrive as UTF-8 bytes, whatever the character locale: the
# catalogue's codeset is bound to UTF-8 (no "?" transliteration in C).
is "accents in UTF-8 under LC_ALL=C.UTF-8" "$(echo 'present+ MUS' | LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null)" "$fr_msg"
is "accents in UTF-8 under LC_ALL=C" "$(echo 'present+ MUS' | LC_ALL=C LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null)" "$fr_msg"
bytes=$(echo 'present+ MUS' | LANGUAGE= rap --lang fr run --db "$db" - 2>/dev/null | od -An -tx1 | tr -d ' \n')
like "é is the two bytes c3 a9" "$bytes" '64c3a96cc3a967'
ok_if "French output is valid UTF-8" sh -c "'$BIN' --lang fr --help | iconv -f UTF-8 -t UTF-8 >/dev/null"
got=$(LANGUAGE= rap --lang fr check --db "$db" --session 1)
like "check --lang fr: French labels from the fixtures and the catalogue" "$got" \
	'^MDG	LEVEL	Madagascar : délégués présents de niveau .* ; Directeur requis$'
ok_if "check --lang fr output is valid UTF-8" sh -c "'$BIN' --lang fr check --db '$db' --session 1 | iconv -f UTF-8 -t UTF-8 >/dev/null"

# ---- the screens in French, 80x24 -------------------------------------

got=$(ui_run "$db" '@tick' --lang fr)
tabs=$(ui_row "$got" 2)
like "French tabs: all seven labels on the tab row, in full" "$tabs" \
	'^ ?1 Ordre du jour +2 Parole +3 Présence +4 Thèmes +5 Recommandations +6 Journal +7 Suivi ?$'
ok_if "French tabs fit in 80 columns" test "$(printf '%s' "$tabs" | wc -m)" -le 80
like "French agenda headings" "$(ui_row "$got" 3)" '^ +N° +Début +Min +Effectif +Statut +Dép\. +Type +Titre'
like "French item status and kind" "$(ui_row "$got" 4)" 'à venir +ouverture'
unlike "no English heading left on the agenda" "$(ui_row "$got" 3)" 'Start|Status|Kind|Title'
got=$(ui_run "$db" '?' --lang fr)
is "French help names the screen" "$(ui_row "$got" 3)" " Touches de l'écran Ordre du jour"
like "French help: a command with its French help" "$got" 's +start N +ouvrir un point'
like "French help: the hint to close it" "$(ui_row "$got" 24)" "^Esc fermer l'aide"
got=$(ui_run "$db" '?<PgDn>' --lang fr) # its wrapped lines push quit to the next page
like "French help: command names stay untranslated" "$got" 'q +quit +quitter'
got=$(ui_run "$db" ':frobnicate<Enter>' --lang fr)
is "the command line answers in French" "$(ui_row "$got" 23)" \
	"error: commande inconnue frobnicate (help en donne la liste)"
got=$(ui_run "$db" '2' --lang fr)
like "French Floor screen" "$(ui_row "$got" 3)" '^ Aucun point en cours'
got=$(ui_run "$db" '5' --lang fr)
like "French Recommendations headings" "$(ui_row "$got" 3)" 'N° +Statut +Par +Coauteurs +Rés +Thème +Pt +Titre'
got=$(ui_run "$db" '6' --lang fr)
like "French Minutes headings" "$(ui_row "$got" 4)" 'Heure +N° +Événement +Délég\. +Acteur +Détail'
long=$(for k in '@tick' '2' '3' '4' '5' '6' '?'; do ui_run "$db" "$k" --lang fr; done |
	while IFS= read -r row; do [ "$(printf '%s' "$row" | wc -m)" -le 80 ] || echo "$row"; done)
is "no French screen row is wider than 80 columns" "$long" ""

# ---- Spanish ------------------------------------------------------------

help_es=$(LANGUAGE= rap --lang es --help)
like "--lang es --help: Spanish usage" "$(echo "$help_es" | head -1)" '^Uso:$'
like "--lang es --help: Spanish placeholders" "$help_es" 'rapporteur init +\[--db ARCHIVO\] \[--fixtures CARPETA\] \[--demo\]'
got=$(echo 'frobnicate' | LANGUAGE= rap --lang es run --db "$db" - 2>/dev/null)
is "run --lang es: unknown command in Spanish" "$got" "error: comando desconocido frobnicate (help los enumera)"
es_msg="error: todos los delegados de MUS ya están presentes"
is "LANG=es_ES.UTF-8: Spanish" "$(say LANG=es_ES.UTF-8)" "$es_msg"
is "LANGUAGE=es (LANG=C.UTF-8): Spanish" "$(say LANG=C.UTF-8 LANGUAGE=es)" "$es_msg"
got=$(echo 'present+ MUS' | LANGUAGE=fr "$BIN" --lang es run --db "$db" - 2>/dev/null)
is "--lang es wins over LANGUAGE=fr" "$got" "$es_msg"
# Labels of levels, categories, states and themes in Spanish from fixtures/idm.
idm="$T/idm-es.db"
rap init --db "$idm" --fixtures "$TOP/fixtures/idm" --demo >/dev/null 2>&1
echo 'set r4 on' | rap run --db "$idm" - >/dev/null
got=$(LANGUAGE= rap --lang es check --db "$idm" --session 1)
like "check --lang es: state, level and category in Spanish" "$(printf '%s\n' "$got" | grep '^DEU')" \
	'^DEU	OK	Alemania: OK \((Embajador|Director general|Director), (Relaciones Exteriores|Interior|Trabajo y asuntos sociales|Diáspora)\)$'
like "check --lang es: the absence in Spanish" "$(printf '%s\n' "$got" | grep '^AFG')" \
	'^AFG	ABSENT NO_HEAD	Afganistán: ningún delegado registrado; ningún jefe de delegación designado$'
ok_if "check --lang es output is valid UTF-8" sh -c "'$BIN' --lang es check --db '$idm' --session 1 | iconv -f UTF-8 -t UTF-8 >/dev/null"
got=$(ui_run "$idm" '3' --lang es)
like "the Attendance screen names the states in Spanish" "$got" 'AFG +Afganistán'
like "the session's theme in Spanish" "$(ui_row "$got" 4)" '^ Temas \(t\): idm2018_2 \(Hacia una gobernanza eficaz'
got=$(ui_run "$idm" '4c' --lang es)
like "the catalogue in Spanish" "$got" 'Los desafíos migratorios del siglo XXI'
# A label the fixtures give no Spanish for falls back to English.
is "no Spanish label: the English one" "$(echo 'present+ MUS' | LANGUAGE= rap --lang es run --db "$db" - 2>/dev/null)" "$es_msg"
like "DiMOI (no Spanish labels): English level and state names" \
	"$(LANGUAGE= rap --lang es check --db "$db" --session 1 | grep '^COM')" '^COM	OK	Comoros: OK \(Permanent Secretary, Foreign Affairs\)$'

got=$(ui_run "$db" '@tick' --lang es)
tabs=$(ui_row "$got" 2)
like "Spanish tabs: all seven labels on the tab row, in full" "$tabs" \
	'^ ?1 Agenda +2 Palabra +3 Presencia +4 Temas +5 Recomendaciones +6 Acta +7 Seguimiento ?$'
ok_if "Spanish tabs fit in 80 columns" test "$(printf '%s' "$tabs" | wc -m)" -le 80
like "Spanish agenda headings" "$(ui_row "$got" 3)" '^ +Nº +Hora +Min +Real +Estado +Exc\. +Tipo +Título'
like "Spanish item status and kind" "$(ui_row "$got" 4)" 'previsto +apertura'
long=$(for d in "$db" "$idm"; do for k in '@tick' '2' '3' '4' '5' '6' '?'; do ui_run "$d" "$k" --lang es; done; done |
	while IFS= read -r row; do [ "$(printf '%s' "$row" | wc -m)" -le 80 ] || echo "$row"; done)
is "no Spanish screen row is wider than 80 columns" "$long" ""
got=$(ui_run "$db" '1sjs' --lang es)
like "a yes/no question in Spanish" "$(ui_row "$got" 23)" '\(s/n\)$'
