/*
 * minutes.c — the `note [key|lesson|practice] "TEXT"` command: a line of
 * the minutes. The journal row that command_exec writes is the note
 * itself. What the Minutes screen reads is in minutes_read.c.
 */
#include "minutes.h"

#include "cmd.h"
#include "i18n.h"
#include "util.h"

/* ---- note [KIND] "TEXT" ---- */

/* The kinds of note of an IDM workshop report (the "Red Book" series,
 * seeds/002): key messages, lessons learned, examples of good practice,
 * and the result of the satisfaction questionnaire handed out at the
 * workshop (seeds/002: "over 80 % satisfied"), as the secretariat words it.
 * Each is its own journal event named by the kind (a free note's event is
 * "note"), so minutes.csv carries the kind in its event column and the
 * Minutes screen filters by it. */
static const char *const note_kinds[] = { "key", "lesson", "practice", "satisfaction" };

int cmd_note(struct cmd_ctx *c)
{
	const char *text = c->argv[c->argc - 1], *event = "note";

	if (c->argc == 3) {
		event = NULL;
		for (size_t i = 0; i < ARRAY_SIZE(note_kinds); i++)
			if (str_eq(c->argv[1], note_kinds[i]))
				event = note_kinds[i];
		if (!event)
			return cmd_err(c, _("note: unknown kind %s (key, lesson, practice, satisfaction)"),
				       c->argv[1]);
	}
	/* The journal row written by command_exec is the note itself, filed
	 * under the item in progress (CMD_AT_ITEM) so the minutes place it. */
	if (str_empty(text))
		return cmd_err(c, "%s", _("note: the text is empty"));
	cmd_event(c, "note", "s", text);
	str_copy(c->event, event, sizeof c->event);
	if (c->argc == 3)
		return cmd_ok(c, ANS_NOTE_EVENT, c->argv[1]);
	return cmd_ok(c, ANS_NOTE);
}
