#!/bin/sh
# hints.sh — the hint bar in the interface language (issue 11: it showed
# the command names in French too): with --lang fr and --lang es every
# label of the bar on every tab is a word of that language, while English
# keeps the command names that `:` takes; the keys stay as they are. The
# Agenda's bar offers R (retime) after K/J in the three languages (issue
# 11 leftover); what no longer fits at 80 columns stays in help.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db hints)

hint() { ui_run "$db" "$1" --lang "$2" | sed -n '24p'; }

is "fr, Agenda" "$(hint 1 fr)" \
	"a ajouter e modifier s ouvrir E clore x omettre K/J déplacer R recaler ? aide"
is "fr, Floor" "$(hint 2 fr)" \
	"E clore a inscrire d retirer K/J déplacer Enter parole y terminer ? aide"
is "fr, Attendance" "$(hint 3 fr)" \
	"a ajouter D retirer e modifier Space présence i importer n noter ?/F1 aide"
is "fr, Themes" "$(hint 4 fr)" \
	"a proposer +/-/0/. avis s retenir x écarter m fusionner n noter ?/F1 aide"
is "fr, Recommendations" "$(hint 5 fr)" \
	"a rédiger e amender c coauteur r réserve o objecter O lever-objection ? aide"
is "fr, Minutes" "$(hint 6 fr)" \
	"n noter x exporter r rapport ?/F1 aide q quitter : commande u annuler"
is "fr, Follow-up" "$(hint 7 fr)" \
	"r examen a action n noter ?/F1 aide q quitter : commande u annuler v vues"

is "es, Agenda" "$(hint 1 es)" \
	"a añadir e editar s iniciar E cerrar x omitir K/J mover R reprogramar ? ayuda"
is "es, Floor" "$(hint 2 es)" \
	"E cerrar a inscribir d retirar K/J mover Enter palabra y terminar ? ayuda"
is "es, Attendance" "$(hint 3 es)" \
	"a añadir D quitar e editar Space presencia i importar n nota ?/F1 ayuda q salir"
is "es, Themes" "$(hint 4 es)" \
	"a proponer +/-/0/. postura s elegir x rechazar m fusionar n nota ?/F1 ayuda"
is "es, Recommendations" "$(hint 5 es)" \
	"a redactar e enmendar c copatrocinar r reserva o objetar ? ayuda"
is "es, Minutes" "$(hint 6 es)" \
	"n nota x exportar r informe ?/F1 ayuda q salir : comando u deshacer"
is "es, Follow-up" "$(hint 7 es)" \
	"r examen a acción n nota ?/F1 ayuda q salir : comando u deshacer v vistas"

# No command name left in a French or Spanish bar, on any tab.
for lang in fr es; do
	rows=$(for t in 1 2 3 4 5 6 7; do hint $t $lang; done)
	unlike "$lang: no command name (item+, q+, rec=, start, quit…) in the bars" "$rows" \
		'(^| )[a-z]+[-+=]( |$)| (start|end|skip|move|quit|help|command|undo|floor|yield|adopt) '
done

# English keeps the command names.
is "en, Agenda: the command names" "$(hint 1 en)" \
	"a item+ e item= s start E end x skip K/J move R retime n note ?/F1 help q quit"
is "en, Floor" "$(hint 2 en)" \
	"E end a q+ d q- K/J qmove Enter floor y yield n note ?/F1 help q quit : command"

# The help key is on every bar, in every language, on every tab: when a
# screen's own commands fill the bar, the last of them give way to it,
# shown as "? aide" (a new user finds everything else there).
for lang in en fr es; do
	for t in 1 2 3 4 5 6 7; do
		like "$lang, tab $t: the help key on the bar" "$(hint $t $lang)" '\?(/F1)? (help|aide|ayuda)'
	done
done
