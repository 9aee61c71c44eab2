/*
 * recs.h — recommendations (R5, R7): read access for the Recommendations
 * screen and the export, the word-level diff of two versions for the
 * history view (recs_diff.c), and the command handlers (rec+, amend,
 * cosponsor, reserve, object, unobject, status, adopt, rec=) of recs.c.
 * The drafts the text editor saves while typing are in draft.h.
 *
 * Every reading function returns 0 on success, 1 when the recommendation
 * asked for does not exist, and -1 on a database error (db_errmsg()).
 * Lists are malloc'd arrays freed with the matching *_free function.
 */
#ifndef RAPPORTEUR_RECS_H
#define RAPPORTEUR_RECS_H

#include <stdbool.h>
#include <stddef.h>

#include "draft.h"   /* the drafts the editor saves (draft.c) */
#include "edit_field.h"

struct cmd_ctx;
struct db;

/* ---- The list ---- */

struct rec_row {
	long long id;
	long long num;            /* R1, R2, … within the session */
	char *title;
	char status[12];          /* draft, discussion, adopted, withdrawn, deferred, submitted */
	char author[32];          /* delegation code */
	char *cosponsors;         /* codes in code order joined by "; ", or "" */
	char *theme;              /* theme code, or "" */
	long long item;           /* agenda item number, or 0 */
	int versions;             /* number of versions of the text */
	int reservations;         /* reservations recorded */
};

/* Recommendations of a session with num > after_num, in number order, at
 * most limit. status: a status code or NULL for all; theme: a theme code
 * or NULL for all. */
int recs_list(struct db *db, long long session, const char *status, const char *theme,
	      long long after_num, size_t limit, struct rec_row **rows, size_t *n);
void recs_list_free(struct rec_row **rows, size_t n);

/* ---- One recommendation with its latest text ---- */

struct rec_detail {
	long long id, num;
	char *title;
	char status[12];
	char author[32];
	char *author_name;        /* in the interface language */
	char *cosponsors;         /* codes joined by "; " */
	char *theme, *theme_title;/* code and title in the interface language, or "" */
	long long item;           /* agenda item number, or 0 */
	char *item_title;         /* or "" */
	int version;              /* latest version number */
	char *text_fr, *text_en;  /* latest text */
	char version_by[32];      /* delegation that proposed the latest version */
	char version_at[32];
	char created_at[32], adopted_at[32], submitted_at[32];   /* "" when unset */
	int objections;           /* recorded, present or not */
	int objections_present;   /* from member states present now (block adoption) */
	int reservations;
};
int recs_get(struct db *db, long long session, long long num, struct rec_detail *out);
void recs_detail_clear(struct rec_detail *d);

/* ---- History ---- */

struct rec_version_info {
	int version;
	char delegation[32];      /* who proposed this text */
	char *actor;              /* OS user who typed it */
	char at[32];
	size_t len_fr, len_en;    /* bytes, to show sizes without loading texts */
};
/* Versions, oldest first. */
int recs_versions(struct db *db, long long session, long long num, struct rec_version_info **rows,
		  size_t *n);
void recs_versions_free(struct rec_version_info **rows, size_t n);
/* The text of one version (malloc'd; en is "" when none). 1 when absent. */
int recs_version_text(struct db *db, long long session, long long num, int version, char **fr,
		      char **en);

/* ---- Objections and reservations ---- */

struct rec_party {
	char code[32];
	char *name;               /* in the interface language */
	char *reason;             /* "" when none given */
	char at[32];
	bool present;             /* the member state is in the room now */
};
int recs_objections(struct db *db, long long session, long long num, struct rec_party **rows,
		    size_t *n);
int recs_reservations(struct db *db, long long session, long long num, struct rec_party **rows,
		      size_t *n);
void recs_parties_free(struct rec_party **rows, size_t n);

/* ---- Word-level diff ---- */

enum diff_kind { DIFF_EQUAL = 0, DIFF_DELETE, DIFF_INSERT };

/* A run of text: points into `a` (equal, delete) or `b` (insert), so it
 * stays valid while both texts do. Not NUL-terminated: use len. */
struct diff_op {
	enum diff_kind kind;
	const char *text;
	size_t len;
};

/* Most words on either side of the changed middle for which a word diff
 * is computed; above it the middle is shown as one replacement. */
#define RECS_DIFF_MAX_WORDS 2000

/*
 * The word-level difference between a and b (NULL counts as ""): a longest
 * common subsequence of words (runs of bytes other than space, tab, CR,
 * LF — so UTF-8 characters are never split), with the white space between
 * words kept exact. Concatenating the equal and delete runs gives a, the
 * equal and insert runs gives b; within a changed stretch the delete comes
 * before the insert, and adjacent runs of one kind are joined. *ops is
 * malloc'd (NULL when *n is 0); free it with free(). Memory is bounded:
 * the common head and tail are cut first, and when the rest has more than
 * RECS_DIFF_MAX_WORDS words on a side it is given as one delete and one
 * insert. Returns 0 for a word diff, 1 when it fell back to a replacement.
 */
int recs_diff_words(const char *a, const char *b, struct diff_op **ops, size_t *n);

/* A status code ("adopted") as a word of the current language ("adoptée"
 * in French); an unknown code as given. For messages and the minutes. */
const char *recs_status_text(const char *code);

/* ---- The filters of the Recommendations screen ---- */

/* The numbers of the session's recommendations that recs_list() would
 * give with these filters, in order (the screen's list maps a row to a
 * number, then reads the visible page with recs_list). *nums malloc'd. */
int recs_nums(struct db *db, long long session, const char *status, const char *theme,
	      long long **nums, size_t *n);
/* The theme codes the session's recommendations use, sorted (the theme
 * filter cycles through them). Free with recs_codes_free. */
int recs_theme_codes(struct db *db, long long session, char ***codes, size_t *n);
void recs_codes_free(char ***codes, size_t n);


/* Command handlers (recs.c). */
int cmd_rec_add(struct cmd_ctx *);       /* rec+ CODE "TITLE" "TEXT" */
int cmd_amend(struct cmd_ctx *);         /* amend N CODE "TEXT" ["TEXT_EN"] */
int cmd_cosponsor(struct cmd_ctx *);     /* cosponsor N CODE */
int cmd_reserve(struct cmd_ctx *);       /* reserve N CODE "REASON" */
int cmd_object(struct cmd_ctx *);        /* object N CODE ["REASON"] */
int cmd_unobject(struct cmd_ctx *);      /* unobject N CODE */
int cmd_status(struct cmd_ctx *);        /* status N STATUS */
int cmd_adopt(struct cmd_ctx *);         /* adopt N */
int cmd_rec_set(struct cmd_ctx *);       /* rec= N theme|item|title VALUE */
/* The fields rec= changes (edit_field.h): the parser and the minutes. */
extern const struct edit_fields recs_set_fields;

#endif
