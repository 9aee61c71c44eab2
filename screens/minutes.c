/*
 * minutes.c — PLACEHOLDER for the Minutes screen (the journal of the session and the export), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void minutes_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: the journal of the session and the export."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops minutes_screen_ops = {
	.name = N_("Minutes"),
	.draw = minutes_draw,
};
