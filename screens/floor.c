/*
 * floor.c — PLACEHOLDER for the Floor screen (the list of speakers), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void floor_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: the list of speakers."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops floor_screen_ops = {
	.name = N_("Floor"),
	.draw = floor_draw,
};
