/*
 * stubs.c — TEMPORARY weak definitions of the command handlers and module
 * entry points, so that the tree links while the domain modules are being
 * written in parallel. A real definition in its module overrides each one.
 * This file is removed once every module has landed.
 */
#include <stddef.h>
#include <string.h>

#include "attendance.h"
#include "commands.h"
#include "export.h"
#include "import.h"
#include "util.h"

#define WEAK __attribute__((weak))
#define STUB(fn) \
	WEAK int fn(struct cmd_ctx *c) { return cmd_err(c, "%s: not implemented yet", c->argv[0]); }
STUB(cmd_session_new)
STUB(cmd_session_open)
STUB(cmd_session_close)
STUB(cmd_session_reopen)
STUB(cmd_session_set)
STUB(cmd_theme_add)
STUB(cmd_theme_del)
STUB(cmd_delegation_add)
STUB(cmd_delegate_add)
STUB(cmd_delegate_del)
STUB(cmd_delegate_edit)
STUB(cmd_present_add)
STUB(cmd_present_del)
STUB(cmd_check)
STUB(cmd_item_add)
STUB(cmd_item_edit)
STUB(cmd_start)
STUB(cmd_end)
STUB(cmd_skip)
STUB(cmd_move)
STUB(cmd_queue_add)
STUB(cmd_queue_del)
STUB(cmd_queue_move)
STUB(cmd_floor)
STUB(cmd_yield)
STUB(cmd_propose)
STUB(cmd_position)
STUB(cmd_select)
STUB(cmd_reject)
STUB(cmd_merge)
STUB(cmd_rec_add)
STUB(cmd_amend)
STUB(cmd_cosponsor)
STUB(cmd_reserve)
STUB(cmd_object)
STUB(cmd_unobject)
STUB(cmd_status)
STUB(cmd_adopt)
STUB(cmd_rec_set)
STUB(cmd_export)
STUB(cmd_import)

WEAK int attendance_check(struct db *db, long long session, struct check_row **rows, size_t *n)
{
	(void)db; (void)session;
	*rows = NULL;
	*n = 0;
	return 0;
}

WEAK int attendance_check_summary(struct db *db, long long session, int *ok, int *total)
{
	(void)db; (void)session;
	*ok = *total = 0;
	return 0;
}

WEAK int import_fixtures(struct db *db, const char *dir, char *err, size_t errlen)
{
	(void)db;
	str_printf(err, errlen, "%s: fixtures import not implemented yet", dir);
	return -1;
}

WEAK int import_participants(struct db *db, long long session, const char *path, bool dry_run,
			     struct import_result *res)
{
	(void)db; (void)session; (void)dry_run;
	memset(res, 0, sizeof *res);
	str_printf(res->file_error, sizeof res->file_error, "%s: not implemented yet", path);
	return -1;
}

WEAK void import_result_free(struct import_result *res)
{
	(void)res;
}

WEAK int export_session(struct db *db, long long session, const char *dir, unsigned flags,
			export_progress_fn progress, void *ud, char *err, size_t errlen)
{
	(void)db; (void)session; (void)flags; (void)progress; (void)ud;
	str_printf(err, errlen, "%s: export not implemented yet", dir);
	return -1;
}

#include <stdio.h>
#include "ui.h"
WEAK int ui_main(struct app *app)
{
	(void)app;
	fprintf(stderr, "rapporteur: the terminal interface is not built yet\n");
	return 2;
}
