/*
 * recs_edit.c — the text editor of the Recommendations screen: a new
 * recommendation (a: the author among member states, a title, then the
 * text) or an amendment (e: the latest text, French and English — F3
 * switches), saved by F2 or C-s through the command line `rec+` or
 * `amend` (the text quoted, line ends as \n); drafts and their recovery.
 *
 * Drafts (DESIGN §2: at most a second of typing is lost): the text is
 * saved with recs_draft_save() on a key that comes a second or more after
 * the last save, on the idle tick (a second without a key), when the
 * editor closes, and from the screen's close() at exit (SIGHUP, SIGTERM).
 * A draft is keyed ("rec", session, 0) for a new recommendation and
 * ("amend", session, N) for R N. Its text is the French text, followed,
 * when there is more to keep, by the English text, the author and the
 * title, separated by U+001F (which the editor never holds).
 *
 * While the editor is open the terminal is in raw mode, so that C-s, C-z,
 * C-q and C-c reach it instead of flow control and job control; the
 * cursor is shown at the editing position.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "recs_edit.h"
#include "rules.h"
#include "util.h"

#define SEP '\x1f'

struct recs_edit {
	bool is_new;             /* rec+ (else amend of num) */
	bool save_failed;        /* the last draft could not be stored */
	bool esc_warned;         /* Esc refused once for that reason */
	long long num;
	char author[32];         /* new: the author */
	char *title;             /* new: the title */
	int version;             /* amend: the version it started from */
	char version_by[32];
	struct editor ed[2];     /* French, English */
	int lang;
	char *orig[2];           /* the stored texts it started from */
	unsigned long saved[2];  /* changes counters at the last draft save */
	double last_save;        /* monotonic seconds */
};

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *draft_kind(const struct recs_edit *e)
{
	return e->is_new ? "rec" : "amend";
}

/* ---- draft text ---- */

/* Field i (0: French, 1: English, 2: author, 3: title) of a draft text,
 * malloc'd ("" when absent). */
static char *draft_field(const char *text, int i)
{
	const char *p = text ? text : "", *end;

	while (i-- > 0) {
		p = strchr(p, SEP);
		if (!p)
			return xstrdup("");
		p++;
	}
	end = strchr(p, SEP);
	if (!end)
		return xstrdup(p);
	{
		char *out = xmalloc((size_t)(end - p) + 1);

		memcpy(out, p, (size_t)(end - p));
		out[end - p] = '\0';
		return out;
	}
}

static char *draft_encode(const struct recs_edit *e, const char *fr, const char *en)
{
	if (e->is_new)
		return xasprintf("%s%c%s%c%s%c%s", fr, SEP, en, SEP, e->author, SEP, e->title);
	if (*en || *e->orig[1])
		return xasprintf("%s%c%s", fr, SEP, en);
	return xstrdup(fr);
}

/* Save the draft when the text changed since the last save; a text back
 * to what is stored leaves no draft. */
int recs_edit_save_draft(struct recs *r)
{
	struct recs_edit *e = r->edit;
	char *fr, *en, *text;
	long long ref;
	int rc = 0;

	if (!e || r->app->read_only ||
	    (e->ed[0].buf.changes == e->saved[0] && e->ed[1].buf.changes == e->saved[1]))
		return 0;
	fr = ed_text(&e->ed[0].buf);
	en = ed_text(&e->ed[1].buf);
	ref = e->is_new ? 0 : e->num;
	if (!strcmp(fr, e->orig[0]) && !strcmp(en, e->orig[1])) {
		recs_draft_clear(r->app->db, draft_kind(e), r->app->session, ref);
	} else {
		text = draft_encode(e, fr, en);
		rc = ui_draft_save(r->app, draft_kind(e), ref, text);
		free(text);
	}
	free(fr);
	free(en);
	e->last_save = monotonic();
	if (rc != 0) {
		/* Not stored: retried on the next tick; said once. */
		if (!e->save_failed)
			ui_error("%s", _("draft NOT saved (database busy or disk full): the text is only "
					 "on screen; F2 saves it, Esc twice leaves without it"));
		e->save_failed = true;
		return -1;
	}
	if (e->save_failed)
		ui_message("%s", _("draft saved"));
	e->save_failed = false;
	e->saved[0] = e->ed[0].buf.changes;
	e->saved[1] = e->ed[1].buf.changes;
	return 0;
}

/* The draft of (kind, ref) and its time "HH:MM" (hm, 8 bytes), or NULL. */
static char *find_draft(struct recs *r, const char *kind, long long ref, char *hm)
{
	struct rec_draft_info *d = NULL;
	size_t n = 0;
	char *text = NULL;

	hm[0] = '\0';
	if (recs_drafts(r->app->db, r->app->session, &d, &n) != 0)
		return NULL;
	for (size_t i = 0; i < n && !text; i++)
		if (!strcmp(d[i].kind, kind) && d[i].ref == ref) {
			text = xstrdup(d[i].text);
			time_hm(time_parse(d[i].saved_at), hm, 8);
		}
	recs_drafts_free(&d, n);
	return text;
}

/* ---- open and close ---- */

/* The editor opens on (kind, ref): its draft is no longer to be offered. */
static void offers_forget(struct recs *r, const char *kind, long long ref)
{
	for (size_t i = r->offer; i < r->n_offers; i++) {
		if (strcmp(r->offers[i].kind, kind) || r->offers[i].ref != ref)
			continue;
		free(r->offers[i].text);
		memmove(&r->offers[i], &r->offers[i + 1], (r->n_offers - i - 1) * sizeof *r->offers);
		r->n_offers--;
		return;
	}
}

static void edit_open(struct recs *r, struct recs_edit *e, const char *fr, const char *en,
		      const char *draft)
{
	e->orig[0] = xstrdup(fr ? fr : "");
	e->orig[1] = xstrdup(en ? en : "");
	editor_init(&e->ed[0], e->orig[0]);
	editor_init(&e->ed[1], e->orig[1]);
	if (draft) {
		/* One undo step: C-z goes back to the stored text. */
		for (int i = 0; i < 2; i++) {
			char *t = draft_field(draft, i);

			ed_replace_all(&e->ed[i].buf, t);
			free(t);
		}
	}
	e->saved[0] = e->ed[0].buf.changes;
	e->saved[1] = e->ed[1].buf.changes;
	e->last_save = monotonic();
	offers_forget(r, draft_kind(e), e->is_new ? 0 : e->num);
	r->edit = e;
	if (r->mode != RM_EDIT)
		r->edit_return = r->mode == RM_DETAIL ? RM_DETAIL : RM_LIST;
	r->mode = RM_EDIT;
	recs_edit_layout(r);
	r->full = true;
	raw(); /* C-s, C-z, C-q, C-c are keys here */
	curs_set(1);
}

void recs_edit_close(struct recs *r, bool keep_draft)
{
	struct recs_edit *e = r->edit;

	if (!e)
		return;
	if (keep_draft)
		recs_edit_save_draft(r);
	for (int i = 0; i < 2; i++) {
		editor_free(&e->ed[i]);
		free(e->orig[i]);
	}
	free(e->title);
	free(e);
	r->edit = NULL;
	if (r->mode == RM_EDIT)
		r->mode = r->edit_return;
	cbreak();
	curs_set(0);
	ui_hint_override(NULL);
	r->full = true;
}

static bool refuse_read_only(struct recs *r, const char *cmd)
{
	if (!r->app->read_only)
		return false;
	ui_error(_("read-only: %s changes the record"), cmd);
	return true;
}

/* Open on a new recommendation; author and title come from the draft
 * (when resumed) or are asked. */
static void open_new(struct recs *r, const char *draft, const char *hm)
{
	struct recs_edit *e = xcalloc(1, sizeof *e);
	char *author = NULL, *title = NULL;

	e->is_new = true;
	if (draft) {
		author = draft_field(draft, 2);
		title = draft_field(draft, 3);
	}
	if (!author || !*author) {
		free(author);
		author = recs_pick_member(r, _("Author (member states only):"), NULL);
	}
	if (author && (!title || !*title)) {
		free(title);
		static const struct ui_prompt_opts o = { .draft = "title" };

		title = ui_prompt(_("Title:"), &o);
	}
	if (!author || !title || !*title) {
		free(author);
		free(title);
		free(e);
		return;
	}
	str_copy(e->author, author, sizeof e->author);
	e->title = title;
	free(author);
	edit_open(r, e, "", "", draft);
	if (draft)
		ui_message(_("Draft of %s resumed."), hm);
}

void recs_edit_new(struct recs *r)
{
	char hm[8], *draft;

	if (refuse_read_only(r, "rec+"))
		return;
	draft = find_draft(r, "rec", 0, hm);
	open_new(r, draft, hm);
	free(draft);
}

static void open_amend(struct recs *r, const char *draft, const char *hm)
{
	struct recs_edit *e;

	if (!r->det_valid || r->det.num != r->num)
		recs_load_detail(r);
	if (!r->det_valid) {
		ui_error(_("no recommendation R%lld in this session"), r->num);
		return;
	}
	if (!rules_rec_editable(rules_rec_status(r->det.status))) {
		ui_error(_("refused: R%lld is %s: its text can no longer change"), r->num,
			 r->det.status);
		return;
	}
	e = xcalloc(1, sizeof *e);
	e->num = r->num;
	e->version = r->det.version;
	str_copy(e->version_by, r->det.version_by, sizeof e->version_by);
	edit_open(r, e, r->det.text_fr, r->det.text_en, draft);
	if (draft)
		ui_message(_("Draft of %s resumed; C-z returns to version %d."), hm, e->version);
}

void recs_edit_amend(struct recs *r)
{
	char hm[8], *draft;

	if (refuse_read_only(r, "amend"))
		return;
	draft = find_draft(r, "amend", r->num, hm);
	open_amend(r, draft, hm);
	free(draft);
}

/* ---- saving ---- */

static void save(struct recs *r)
{
	struct recs_edit *e = r->edit;
	char *fr = ed_text(&e->ed[0].buf), *en = ed_text(&e->ed[1].buf), *qf = recs_quote(fr);
	char *qe = recs_quote(en), *line = NULL, *who = NULL, label[160];
	long long num = e->num;

	recs_edit_save_draft(r); /* whatever happens next, nothing typed is lost */
	if (e->is_new) {
		char *qt = recs_quote(e->title);

		char answer[1024];

		/* One command with both texts: version 1 holds the English text
		 * too, and the number is the one this command created. */
		line = *en ? xasprintf("rec+ %s %s %s %s", e->author, qt, qf, qe)
			   : xasprintf("rec+ %s %s %s", e->author, qt, qf);
		free(qt);
		if (ui_exec_protocol(r->app, line, answer, sizeof answer) != 0 ||
		    sscanf(answer, "ok recommendation %lld", &num) != 1)
			goto out;
		recs_draft_clear(r->app->db, "rec", r->app->session, 0);
	} else {
		str_printf(label, sizeof label, _("Amendment to R%lld proposed by (member states):"),
			   num);
		if (!(who = recs_pick_member(r, label, r->det_valid ? r->det.author : NULL)))
			goto out;
		line = *en || *e->orig[1] ? xasprintf("amend %lld %s %s %s", num, who, qf, qe)
					  : xasprintf("amend %lld %s %s", num, who, qf);
		if (ui_exec(r->app, line) != 0)
			goto out;
		recs_draft_clear(r->app->db, "amend", r->app->session, num);
	}
	r->num = num;
	r->edit_return = RM_DETAIL;
	recs_edit_close(r, false);
	recs_load_detail(r);
out:
	free(who);
	free(line);
	free(fr);
	free(en);
	free(qf);
	free(qe);
}

/* ---- keys, tick, drawing ---- */

unsigned recs_edit_handle(struct recs *r, int key)
{
	struct recs_edit *e = r->edit;
	unsigned res;

	if (!e)
		return H_IGNORED;
	switch (key) {
	case K_ESC:
	case K_CTRL('c'): {
		char hm[8], *kept;

		/* Esc closes and keeps the draft; a draft the database refused
		 * keeps the editor open, and a second Esc leaves knowingly. */
		if (recs_edit_save_draft(r) != 0 && !e->esc_warned) {
			e->esc_warned = true;
			return H_DONE | H_REDRAW;
		}
		kept = r->app->read_only ? NULL
					 : find_draft(r, draft_kind(e), e->is_new ? 0 : e->num, hm);
		recs_edit_close(r, false);
		if (kept)
			ui_message("%s", _("Draft kept: a or e resumes it."));
		free(kept);
		return H_DONE | H_REDRAW;
	}
	case K_F(2):
	case K_CTRL('s'):
		save(r);
		return H_DONE | H_REDRAW;
	case K_F(3):
		e->lang = !e->lang;
		r->full = true;
		return H_DONE | H_REDRAW;
	case K_F(1):
		return H_IGNORED; /* help */
	default:
		break;
	}
	e->esc_warned = false;
	res = editor_handle(&e->ed[e->lang], key);
	if (res & ED_CHANGED && monotonic() - e->last_save >= 1.0)
		recs_edit_save_draft(r);
	/* Every other key stays here: typed text is never a command. */
	return res & (ED_CHANGED | ED_MOVED) ? H_DONE | H_REDRAW : H_DONE;
}

void recs_edit_reloaded(struct recs *r)
{
	struct recs_edit *e = r->edit;

	/* Another instance amended the text meanwhile: say so once. */
	if (!e || e->is_new || !r->det_valid || r->det.num != e->num || r->det.version <= e->version)
		return;
	ui_message(_("R%lld now has version %d by %s: saving adds your text after it."), e->num,
		   r->det.version, r->det.version_by);
	e->version = r->det.version;
	str_copy(e->version_by, r->det.version_by, sizeof e->version_by);
}

unsigned recs_edit_tick(struct recs *r)
{
	recs_edit_save_draft(r);
	return H_IGNORED;
}

void recs_edit_layout(struct recs *r)
{
	if (!r->edit)
		return;
	for (int i = 0; i < 2; i++)
		editor_place(&r->edit->ed[i], 1, 0, r->rows - 1, r->cols);
}

static void draw_frame(struct recs *r, WINDOW *w)
{
	struct recs_edit *e = r->edit;
	attr_t h = ui_attr(ROLE_HEADER);
	const char *lang = e->lang ? _("English") : _("French");
	char title[320];
	int lw = widget_text_width(lang) + 2;

	if (e->is_new)
		str_printf(title, sizeof title, _("New recommendation by %s: %s"), e->author, e->title);
	else
		str_printf(title, sizeof title, _("Amending R%lld (version %d by %s)"), e->num,
			   e->version, e->version_by);
	widget_blank(w, 0, 0, r->cols, h);
	widget_text_fit(w, 0, 0, r->cols - lw - 1, title, h);
	widget_text(w, 0, r->cols - lw, lw, "[", h, false);
	widget_text(w, 0, r->cols - lw + 1, lw, lang, h, false);
	widget_text(w, 0, r->cols - 1, 1, "]", h, false);
}

void recs_edit_draw(struct recs *r, WINDOW *w)
{
	struct recs_edit *e = r->edit;

	if (!e)
		return;
	if (r->full) {
		draw_frame(r, w);
		editor_invalidate(&e->ed[e->lang]);
	}
	/* A prompt may have hidden the cursor and taken the hint bar. */
	curs_set(1);
	ui_hint_override(_("F2 save  Esc close  F3 FR/EN  C-z undo  C-r redo  C-k cut  "
			   "C-y paste  C-←→ word"));
	editor_draw(&e->ed[e->lang], w, ui_attr(ROLE_NORMAL));
}

/* ---- drafts found at the first opening ---- */

void recs_offers_check(struct recs *r)
{
	r->offers_checked = true;
	if (r->app->read_only || !r->app->session)
		return;
	recs_drafts(r->app->db, r->app->session, &r->offers, &r->n_offers);
	r->offer = 0;
}

const char *recs_offer_text(struct recs *r, char *buf, size_t size)
{
	const struct rec_draft_info *d;
	char hm[8];

	if (r->offer >= r->n_offers || r->mode == RM_EDIT)
		return NULL;
	d = &r->offers[r->offer];
	time_hm(time_parse(d->saved_at), hm, sizeof hm);
	if (!strcmp(d->kind, "rec"))
		str_printf(buf, size, _("A draft of a new recommendation from %s was recovered: "
					"(r)estore / (d)iscard"), hm);
	else
		str_printf(buf, size, _("A draft of R%lld from %s was recovered: (r)estore / (d)iscard"),
			   d->ref, hm);
	return buf;
}

unsigned recs_offer_handle(struct recs *r, int key)
{
	struct rec_draft_info *d;
	char hm[8];

	if (r->offer >= r->n_offers || r->mode == RM_EDIT)
		return H_IGNORED;
	d = &r->offers[r->offer];
	if (key == 'r') {
		r->offer++;
		time_hm(time_parse(d->saved_at), hm, sizeof hm);
		if (!strcmp(d->kind, "rec")) {
			open_new(r, d->text, hm);
		} else {
			r->num = d->ref;
			open_amend(r, d->text, hm);
		}
	} else if (key == 'd') {
		r->offer++;
		recs_draft_clear(r->app->db, d->kind, r->app->session, d->ref);
		ui_message("%s", _("Draft discarded."));
	} else if (key == K_ESC) {
		r->offer = r->n_offers; /* later: a and e resume them */
	} else {
		return H_IGNORED;
	}
	r->full = true;
	return H_DONE | H_REDRAW;
}

void recs_offers_free(struct recs *r)
{
	recs_drafts_free(&r->offers, r->n_offers);
	r->n_offers = r->offer = 0;
}
