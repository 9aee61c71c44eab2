/*
 * agenda.c — PLACEHOLDER for the Agenda screen (the agenda), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void agenda_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: the agenda."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops agenda_screen_ops = {
	.name = N_("Agenda"),
	.draw = agenda_draw,
};
