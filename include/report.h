/*
 * report.h — the meeting report (issue 13): the minutes of one session as
 * a document in HTML, OpenDocument text or Akoma Ntoso 3.0, and its
 * lifecycle (draft → circulated vN → approved vN).
 *
 * One producer (src/io/report.c) walks the session once through the read
 * functions of the domain modules and feeds a small output interface,
 * struct report_out (after ncdu's `struct dir_output`): it does not know
 * the format. Each format is a writer behind it (report_html.c,
 * report_odt.c, report_akn.c); no writer reads the database. Every text
 * the producer hands over is already worded in the interface language;
 * writers only escape and lay it out.
 */
#ifndef RAPPORTEUR_REPORT_H
#define RAPPORTEUR_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cmd_ctx;
struct db;

enum report_format { REPORT_HTML = 0, REPORT_ODT, REPORT_AKN };
enum report_flags { REPORT_FORCE = 1 };

/* "html", "odt", "akn" (also "xml" for akn): 0, or -1 when unknown. */
int report_format_parse(const char *name, enum report_format *f);
/* The format named by the file's extension (.html/.htm, .odt, .xml/.akn):
 * 0, or -1 when it names none. */
int report_format_of_path(const char *path, enum report_format *f);

/* Progress: the part being written and the rows fed so far. */
typedef void (*report_progress_fn)(void *ud, const char *part, long long rows);

/*
 * Render the report of `session` into `path` in format f, in the current
 * interface language, its times in the session's zone (set tz) or, when
 * it names none, in this process's. The file is written to a temporary file beside it,
 * flushed, fsync'ed and renamed into place; an existing path is refused
 * unless REPORT_FORCE. On success 0, with the record's fingerprint (64 hex
 * digits) in fp when fp is not NULL; else -1 with a one-line reason naming
 * the file in err, and nothing left behind.
 */
int report_render(struct db *db, long long session, const char *path, enum report_format f,
		  unsigned flags, report_progress_fn progress, void *ud, char fp[65], char *err,
		  size_t errlen);
/* The fingerprint alone: the producer fed to a writer that writes
 * nothing. 0 or -1 (db_errmsg). */
int report_fingerprint(struct db *db, long long session, char fp[65]);

/* ---- The lifecycle (src/domain/report_state.c) ---- */

struct report_state {
	int version;               /* latest circulated version, 0 when none */
	bool approved;             /* that version was approved … */
	bool locked;               /* … and the session not reopened since */
	char circulated_at[32];    /* ISO 8601 of the latest version, or "" */
	char approved_at[32];      /* or "" */
	char fingerprint[65];      /* of the latest version, or "" */
	long long journal_seq;     /* last journal row before it was circulated */
	long long prev_journal_seq;/* the same for the version before it, or 0 */
};
/* 0 or < 0 (db status). */
int report_state_get(struct db *db, long long session, struct report_state *st);
/* True when the session's latest version is approved and not reopened:
 * command_exec refuses every change to the session's record then. */
bool report_session_locked(struct db *db, long long session);
/* For `session reopen`: unlock an approved session inside the caller's
 * transaction. 1 unlocked, 0 it was not locked, < 0 db status. */
int report_session_unlock(struct db *db, long long session, const char *now);

/* The commands: `report FILE [--format F] [--lang L] [--force]`
 * (report_cmd.c), `minutes circulate`, `minutes approve`. */
int cmd_report(struct cmd_ctx *);
int cmd_minutes_circulate(struct cmd_ctx *);
int cmd_minutes_approve(struct cmd_ctx *);

/* ---- The output interface ---- */

enum report_para {
	RP_TEXT = 0,               /* body text */
	RP_NOTE,                   /* a note of the minutes */
	RP_QUOTE,                  /* a recommendation's text */
	RP_SMALL,                  /* an explanation, a legend */
};

enum report_table {
	RT_PLAIN = 0,
	RT_FIELDS,                 /* label / value pairs, no header row */
	RT_ROLL,                   /* the roll call: first cell is a person (AKN rollCall) */
};

/* What begin() receives: the cover and the file's metadata. */
struct report_doc {
	const char *lang;          /* "fr" or "en" */
	const char *heading;       /* "Meeting report" */
	const char *process;       /* the process's name */
	const char *title;         /* the session's title */
	const char *state;         /* the banner on every page: DRAFT, CIRCULATED v2, … */
	const char *date;          /* the session's first day, YYYY-MM-DD */
	const char *stamp;         /* the file's fixed time (ISO 8601): approval,
				    * circulation or the session's first day — never now */
	const char *country;       /* the host's code (AKN FRBRcountry), lower case */
	long long session;
	const char *generator;     /* "rapporteur 0.1.0" */
};

/* One intervention. Times are ISO 8601 ("" when unknown). */
struct report_speech {
	const char *code;          /* delegation code */
	const char *delegation;    /* its name */
	const char *speaker;       /* "" when not named */
	const char *type;          /* speech type code (point_of_order, …) */
	const char *type_label;
	const char *start, *end;
	const char *heading;       /* the worded line: who, type, time, duration */
	const char *summary;
};

/* A chart: one row per bar; a row has a planned span (a0..a1) and an
 * actual span (b0..b1) on one axis, either may be empty (a1 <= a0). */
struct report_bar {
	const char *label;
	double a0, a1, b0, b1;
	const char *value;         /* text written after the bars */
};
struct report_chart {
	const char *name;          /* file-safe name: "agenda", "speaking" */
	const char *title;
	const char *a_label, *b_label;   /* legend; a_label NULL: only b bars */
	const struct report_bar *bars;
	size_t n;
};

struct report_out_ops {
	/* Write the cover. 0 or -1. */
	int (*begin)(void *w, const struct report_doc *d);
	/* Open a section (level 1: a part, 2: within a part); sections nest
	 * and are closed by section_end in order. name is a stable code. */
	void (*section)(void *w, int level, const char *name, const char *title);
	void (*section_end)(void *w);
	/* A paragraph; '\n' inside is a line break. */
	void (*para)(void *w, enum report_para kind, const char *text);
	void (*table)(void *w, enum report_table kind, int ncols, const char *const *head);
	void (*row)(void *w, const char *const *cells);
	void (*table_end)(void *w);
	void (*speech)(void *w, const struct report_speech *s);
	void (*chart)(void *w, const struct report_chart *c);
	/* Finish the file (the fingerprint goes in the metadata) and free the
	 * writer: 0, or -1 with a reason in err. With ok false, free only. */
	int (*end)(void *w, bool ok, const char *fingerprint, char *err, size_t errlen);
};

struct report_out {
	const struct report_out_ops *ops;
	void *w;
};

/* The writers: create the file at path (the temporary file). 0, or -1
 * with a reason in err (without the file's name: the caller adds it). */
int report_html_open(struct report_out *o, const char *path, char *err, size_t errlen);
int report_odt_open(struct report_out *o, const char *path, char *err, size_t errlen);
int report_akn_open(struct report_out *o, const char *path, char *err, size_t errlen);

/* ---- Shared by the writers (report_xml.c) ---- */

/* Write s escaped for XML/HTML text or attribute values: & < > " ' as
 * entities; invalid UTF-8, control characters (ESC…, C1), bidi overrides
 * and isolates, and non-characters become U+FFFD; '\n' becomes nl (NULL:
 * a space) and a tab a space. */
void report_xml(FILE *f, const char *s, const char *nl);
/* The chart as a self-contained SVG element (with the XML declaration
 * when standalone). */
void report_svg(FILE *f, const struct report_chart *c, bool standalone);

#endif
