/*
 * event.h — a journal event as data: a code and its arguments
 * (minutes_render.h renders it; the journal stores it as a JSON array in
 * its `args` column). Plain C, no SQLite: core.
 */
#ifndef RAPPORTEUR_EVENT_H
#define RAPPORTEUR_EVENT_H

#define EVENT_ARGS_MAX 10

/* An event: its code and arguments as text (numbers in decimal). */
struct event {
	const char *code;
	int n;
	const char *arg[EVENT_ARGS_MAX];
};

/* The JSON array ["code", args…] of e, malloc'd: arguments whose bit is
 * set in `numbers` (and that are whole numbers) are written as JSON
 * numbers, the others as strings. */
char *event_json(const struct event *e, unsigned numbers);

#endif
