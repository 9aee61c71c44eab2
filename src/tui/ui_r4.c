/*
 * ui_r4.c — the R4 check of the current session as the screen side sees
 * it: evaluated once per change of the data and shared by the title bar
 * (R4 ok/total) and the Attendance screen (the grid, the rows), instead
 * of each asking for its own. A change (a command, another instance's
 * write, a session switch) reaches the shell as a reload (ui_reload_all),
 * which forgets the check; the next reader evaluates it again.
 */
#include <stdlib.h>

#include "app.h"
#include "attendance.h"
#include "ui_shell.h"

static struct {
	bool valid;
	int rc;
	long long session;
	struct check_row *rows;
	size_t n;
} r4;

void ui_r4_forget(void)
{
	free(r4.rows);
	r4.rows = NULL;
	r4.n = 0;
	r4.valid = false;
}

int ui_r4_check(const struct check_row **rows, size_t *n)
{
	if (!r4.valid || r4.session != ui.app->session) {
		ui_r4_forget();
		r4.session = ui.app->session;
		r4.rc = 0;
		if (ui.app->session) {
			r4.rc = attendance_check(ui.app->db, ui.app->session, &r4.rows, &r4.n) != 0 ? -1 : 0;
			ui.n_r4_checks++;
		}
		r4.valid = true;
	}
	*rows = r4.rows;
	*n = r4.n;
	return r4.rc;
}
