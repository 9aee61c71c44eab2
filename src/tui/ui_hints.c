/*
 * ui_hints.c — a screen's own text for the hint bar while it is in a mode
 * of its own (the Recommendations screen's text editor, where every
 * printable key is text and the generated hints would mislead). Added by
 * the Recommendations screen; declared in screen.h (marked block).
 */
#include <string.h>

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
