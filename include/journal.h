/*
 * journal.h — the append-only journal (DESIGN §2). One row per committed
 * command: time, OS user, person and role (--as, --role), the command as typed, what changed (before and
 * after). The minutes (minutes.csv and the Minutes screen) read it back.
 */
#ifndef RAPPORTEUR_JOURNAL_H
#define RAPPORTEUR_JOURNAL_H

struct db;

struct journal_entry {
	long long session;       /* 0 -> NULL */
	long long item;          /* agenda item number, 0 -> NULL */
	const char *event;       /* command name or event type */
	const char *delegation;  /* code or "" */
	const char *command;     /* the command line as typed */
	const char *detail;      /* one line for the minutes, in the writer's language */
	const char *args;        /* JSON ["code", args…] (minutes_render.h), or NULL */
	const char *before;      /* state before, or NULL */
	const char *after;       /* state after, or NULL */
	const char *person;      /* --as NAME, or NULL (issue 15) */
	const char *role;        /* --role as written, or NULL */
};

/* Append one row inside the caller's transaction. Returns DB_OK or < 0. */
int journal_add(struct db *db, const struct journal_entry *e);

#endif
