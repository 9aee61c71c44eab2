/*
 * attendance.c — PLACEHOLDER for the Attendance screen (delegations, delegates, presence and the R4 check), so that the
 * tab exists; replaced by the engineer of that screen. See screen.h.
 */
#include "i18n.h"
#include "screen.h"
#include "widgets.h"

static void attendance_draw(struct screen *s, WINDOW *w)
{
	if (s->full)
		widget_text(w, 1, 2, s->cols - 4, _("Coming: delegations, delegates, presence and the R4 check."), ui_attr(ROLE_DIM), false);
}

const struct screen_ops attendance_screen_ops = {
	.name = N_("Attendance"),
	.draw = attendance_draw,
};
