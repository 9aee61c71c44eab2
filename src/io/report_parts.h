/*
 * report_parts.h — private to the report producer (report.c, report_walk.c,
 * report_walk2.c): the walk's state and the helpers its parts share.
 */
#ifndef RAPPORTEUR_REPORT_PARTS_H
#define RAPPORTEUR_REPORT_PARTS_H

#include <time.h>

#include "report.h"
#include "session.h"
#include "sha256.h"

/* Speaking time of one delegation, summed over the proceedings. */
struct rp_speaker {
	char code[16];
	char name[128];
	long seconds;
	int count;
};

/* A recommendation not adopted: listed after the adopted ones. */
struct rp_other {
	long long num;
	char *title;
	char author[32];
	char status[12];
};

struct rp {
	struct db *db;
	long long session;
	struct report_out *o;
	struct sha256 sha;
	report_progress_fn progress;
	void *ud;
	long long rows;
	int status;                /* first db error (< 0), else 0 */
	struct session_info s;
	struct report_state st;
	bool changed;              /* the record changed since the latest version */
	char tz[72];               /* the session's zone (set tz), or "" */
	bool workshop;             /* the process's report is a workshop report (IDM) */
	bool loose_open;           /* the proceedings' "Other notes" section is open */
	char next_theme[1024];     /* the theme chosen for the next meeting */
	struct rp_speaker *spk;
	size_t nspk, capspk;
	struct rp_other *oth;
	size_t noth, capoth;
};

/* The fingerprint: each value with a separator, each row with another. */
void rp_hash(struct rp *r, const char *s);
void rp_hash_int(struct rp *r, long long v);
void rp_row_done(struct rp *r, const char *part);
/* Note a db status (the first error is kept). Returns rc. */
int rp_fail(struct rp *r, int rc);

/* Dates and times in the interface language's conventions. */
char *rp_date(const char *ymd, char *buf, size_t size);          /* 23 novembre 2026 */
char *rp_when(struct rp *r, time_t t, char *buf, size_t size);   /* 09:30, or 24/11 09:00 */
char *rp_minutes(long seconds, char *buf, size_t size);         /* 5 min, 1 h 05 */
char *rp_iso(time_t t, char *buf, size_t size);                 /* "" when t is 0 */

/* The parts, in order (report_walk.c, report_walk2.c); a workshop report
 * starts with rp_workshop (report_workshop.c). */
void rp_workshop(struct rp *r);
void rp_participation(struct rp *r);
void rp_agenda(struct rp *r);
void rp_proceedings(struct rp *r);
/* One agenda item of the proceedings: its interventions and notes, in a
 * section named PREFIX-NUM. */
struct agenda_row;
void rp_item(struct rp *r, const struct agenda_row *item, const char *prefix);
/* Open the proceedings' "Other notes" section (once). */
void rp_loose_head(struct rp *r);
/* The notes of a kind (key, lesson, practice, satisfaction) of item
 * (0: those under no item), each introduced by its kind. Returns how many. */
int rp_kind_notes(struct rp *r, long long item);
void rp_themes(struct rp *r);
void rp_recommendations(struct rp *r);
void rp_followup(struct rp *r);      /* report_followup.c: only when there is any */
void rp_next_meeting(struct rp *r);
void rp_annex(struct rp *r, const char *fp);

#endif
