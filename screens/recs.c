/*
 * recs.c — PLACEHOLDER for the Recommendations screen (recommendations, their text and versions), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void recs_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: recommendations, their text and versions."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops recs_screen_ops = {
	.name = N_("Recommendations"),
	.draw = recs_draw,
};
