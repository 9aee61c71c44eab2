/*
 * follow.h — `rapporteur follow` (issue 15): the meeting as plain lines,
 * for the thinnest links, phones, screen readers and `ssh host rapporteur
 * follow` without a terminal. Each journal event of the session is printed
 * as one line as it happens (time, item, event, delegation, detail, in the
 * interface language), never an escape sequence; each line read is run as
 * a command (checked against the role like any other) and answered with
 * one line "ok …" / "error: …".
 */
#ifndef RAPPORTEUR_FOLLOW_H
#define RAPPORTEUR_FOLLOW_H

#include <stdio.h>

struct app;

/* Lines of history printed before following (like tail). */
#define FOLLOW_TAIL 10

/*
 * Follow app->session until end of input on in_fd, or until
 * command_stop_signal is set (SIGHUP, SIGTERM, SIGPIPE: the caller's
 * handlers, installed without SA_RESTART so the wait ends), or until out
 * cannot be written. Returns 0 on such a clean end, 2 on a database error
 * (reported on stderr).
 */
int follow_run(struct app *app, int in_fd, FILE *out);

#endif
