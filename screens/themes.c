/*
 * themes.c — PLACEHOLDER for the Themes screen (theme proposals and member-state positions), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void themes_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: theme proposals and member-state positions."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops themes_screen_ops = {
	.name = N_("Themes"),
	.draw = themes_draw,
};
