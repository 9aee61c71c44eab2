/*
 * ui_hints.c — a screen's own text for the hint bar while it is in a mode
 * of its own (the Recommendations screen's text editor, where every
 * printable key is text and the generated hints would mislead). Added by
 * the Recommendations screen; declared in screen.h (marked block).
 */
#include <string.h>

#include "i18n.h"
#include "ui_shell.h"
#include "util.h"

void ui_hint_override(const char *text)
{
	const char *t = text ? text : "";

	if (strcmp(ui.hint_override, t)) {
		str_copy(ui.hint_override, t, sizeof ui.hint_override);
		ui.hints_dirty = true;
	}
}

/* The label of each command in the hint bar: its name, through gettext
 * with the context "hint" (msgctxt), so that French and Spanish show a
 * word of their own ("a ajouter  s ouvrir …") while English keeps the
 * command names that `:` takes. Listed here for xgettext (keyword
 * NC_:1c,2); every command that has keys must be listed (test_hints.c). */
#define NC_(ctx, s) (s)
static const char *const hint_names[] = {
	NC_("hint", "help"), NC_("hint", "quit"), NC_("hint", "command"),
	NC_("hint", "search"), NC_("hint", "message"), NC_("hint", "next-screen"),
	NC_("hint", "screen"), NC_("hint", "delegate+"), NC_("hint", "delegate-"),
	NC_("hint", "delegate="), NC_("hint", "present+"), NC_("hint", "present-"),
	NC_("hint", "import"), NC_("hint", "item+"), NC_("hint", "item="),
	NC_("hint", "start"), NC_("hint", "end"), NC_("hint", "skip"), NC_("hint", "move"),
	NC_("hint", "retime"), NC_("hint", "q+"), NC_("hint", "q-"), NC_("hint", "qmove"),
	NC_("hint", "floor"), NC_("hint", "yield"), NC_("hint", "propose"),
	NC_("hint", "position"), NC_("hint", "select"), NC_("hint", "reject"),
	NC_("hint", "merge"), NC_("hint", "rec+"), NC_("hint", "amend"),
	NC_("hint", "cosponsor"), NC_("hint", "reserve"), NC_("hint", "object"),
	NC_("hint", "unobject"), NC_("hint", "status"), NC_("hint", "adopt"),
	NC_("hint", "rec="), NC_("hint", "review"), NC_("hint", "action+"),
	NC_("hint", "note"), NC_("hint", "export"), NC_("hint", "report"), NC_("hint", "undo"),
	NC_("hint", "redo"), NC_("hint", "views"), NC_("hint", "not-started"),
	NC_("hint", "in-progress"), NC_("hint", "implemented"), NC_("hint", "not-applicable"),
	NC_("hint", "no-report"), NC_("hint", "with-note"), NC_("hint", "filter-state"),
	NC_("hint", "filter-session"), NC_("hint", "done"), NC_("hint", "reopen"),
	NC_("hint", "drop"), NC_("hint", "new-session"), NC_("hint", "grid"),
	NC_("hint", "next-not-ok"), NC_("hint", "min-level"), NC_("hint", "themes"),
	NC_("hint", "target"), NC_("hint", "catalogue"), NC_("hint", "filter-item"),
	NC_("hint", "filter-delegation"), NC_("hint", "filter-event"),
	NC_("hint", "filter-clear"), NC_("hint", "open"), NC_("hint", "filter-status"),
	NC_("hint", "filter-theme"), NC_("hint", "show"), NC_("hint", "versions"),
};
#undef NC_

const char *ui_hint_label(const struct command_def *d)
{
	char key[64];
	const char *t;

	if (strlen(d->name) + 6 > sizeof key)
		return d->name;
	str_printf(key, sizeof key, "hint\004%s", d->name);
	t = gettext(key);
	return t == key ? d->name : t; /* gettext hands back key when untranslated */
}

bool ui_hint_listed(const char *name)
{
	for (size_t i = 0; i < sizeof hint_names / sizeof *hint_names; i++)
		if (strcmp(hint_names[i], name) == 0)
			return true;
	return false;
}
