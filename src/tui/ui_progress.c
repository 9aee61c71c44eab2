/*
 * ui_progress.c — a message shown at once, for long work done inside a
 * key (the export of the Minutes screen): the message line is set and
 * painted now, in one write, instead of after the key as ui_message()
 * does. Added for the Minutes screen (see screen.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "keys.h"
#include "ui_shell.h"

void ui_progress(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui.msg_text, sizeof ui.msg_text, fmt, ap);
	va_end(ap);
	ui.msg_err = false;
	ui.msg_dirty = true;
	if (!ui.prompting)
		ui_paint(); /* what is dirty (the message line at least), one doupdate */
}

int ui_poll_key(void)
{
	int key = keys_get(0);

	if (key == K_RESIZE) {
		ui_relayout();
		return K_TICK;
	}
	return key == K_ESC || key == K_NONE ? key : K_TICK;
}
