/*
 * minutes.c — the `note "TEXT"` command: a free line of the minutes. The
 * journal row that command_exec writes is the note itself. What the
 * Minutes screen reads is in minutes_read.c.
 */
#include "minutes.h"

#include "cmd.h"
#include "i18n.h"
#include "util.h"

int cmd_note(struct cmd_ctx *c)
{
	/* The journal row written by command_exec is the note itself, filed
	 * under the item in progress (CMD_AT_ITEM) so the minutes place it. */
	if (str_empty(c->argv[1]))
		return cmd_err(c, "%s", _("note: the text is empty"));
	cmd_event(c, "note", "s", c->argv[1]);
	str_copy(c->event, "note", sizeof c->event);
	return cmd_ok(c, "%s", _("note"));
}
