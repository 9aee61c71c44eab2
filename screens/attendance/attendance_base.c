/*
 * attendance_base.c — the base of the Attendance screen: what its
 * sub-views (form, pick lists, import preview, grid, rows) share, so that
 * none of them calls back into the dispatcher (attendance.c).
 */
#include <stdarg.h>
#include <stdio.h>

#include "app.h"

#include "attendance_screen.h"

void att_mode_list(struct att *a)
{
	a->mode = AM_LIST;
	a->repaint = true;
	list_invalidate(&a->list);
}

int att_exec(struct att *a, bool keep_names, const char *fmt, ...)
{
	char line[4096];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	a->keep_names = keep_names;
	rc = ui_exec(a->app, line);
	if (rc != 0)
		a->keep_names = false;
	return rc;
}

const char *att_r4_word(const struct check_row *c)
{
	return rules_r4_code(c->r4.result);
}

enum ui_role att_r4_role(const struct check_row *c)
{
	return c->r4.result == R4_OK ? ROLE_GOOD : ROLE_BAD;
}
