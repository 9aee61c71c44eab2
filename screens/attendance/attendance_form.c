/*
 * attendance_form.c — the delegate form of the Attendance screen (a adds,
 * e edits): name, function, level, entity, category, head of delegation,
 * e-mail. Level and category are chosen from the lists of the fixtures
 * (labels in the interface language), shown beside the form: typing a
 * label, a code or their first letters picks one, Up/Down walk the list.
 * Every field is checked as it is typed (the name is required and unique
 * in the delegation, a level must be in the list, …) and the form cannot
 * be sent while one is wrong.
 *
 * Sending runs commands, each journaled: one delegate+ with every field
 * for a new delegate; one delegate= per changed field for an edit, the
 * name last.
 *
 * Keys: Tab or Down next field, S-Tab or Up previous (Up/Down choose in a
 * list field), Space ticks the head box, Enter sends, Esc cancels.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "util.h"

#include "attendance_form.h"

enum { F_NAME, F_FUNCTION, F_LEVEL, F_ENTITY, F_CATEGORY, F_HEAD, F_EMAIL, F_COUNT };
enum fkind { FK_TEXT, FK_PICK, FK_CHECK };

/* Limits of the attendance commands (src/attendance.c), in bytes. */
enum { NAME_MAX = 200, FUNCTION_MAX = 300, ENTITY_MAX = 200, EMAIL_MAX = 120 };

struct field {
	enum fkind kind;
	struct lineedit ed;
	bool on;                         /* FK_CHECK */
	const struct att_choice *choices;/* FK_PICK */
	size_t n_choices;
	int choice;                      /* the choice the text names, or -1 */
	char orig[ATT_NAME + 128];       /* edit: the stored value */
	bool orig_on;
	char err[160];
};

struct att_form {
	bool edit;
	long long deleg_id;
	char code[16], deleg_name[128];
	char orig_name[ATT_NAME];
	struct field f[F_COUNT];
	int cur;
	struct att_choice *levels, *cats;
	size_t n_levels, n_cats;
	int choice_top;
};

static const char *field_label(int i)
{
	switch (i) {
	case F_NAME: return _("Name");
	case F_FUNCTION: return _("Function");
	case F_LEVEL: return _("Level");
	case F_ENTITY: return _("Ministry, entity");
	case F_CATEGORY: return _("Category");
	case F_HEAD: return _("Head");
	default: return _("E-mail");
	}
}

/* The text of a field, malloc'd, without blanks at either end. */
static char *field_text(const struct field *f)
{
	char *t = lineedit_text(&f->ed);
	size_t n = strlen(t), s = 0;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		t[--n] = '\0';
	while (t[s] == ' ' || t[s] == '\t')
		s++;
	memmove(t, t + s, n - s + 1);
	return t;
}

/* The choice a typed text names: a code or label exactly (ASCII case
 * ignored), else the shortest label starting with it (its code starting
 * with it), else the shortest containing it; -1 when none. So "dir" is
 * Director, "dir g" Director General. */
static int resolve(const struct field *f, const char *t)
{
	size_t n = strlen(t), best_len = 0;
	int best = -1;

	if (!n)
		return -1;
	for (size_t i = 0; i < f->n_choices; i++)
		if (str_ieq(f->choices[i].code, t) || str_ieq(f->choices[i].label, t))
			return (int)i;
	for (int pass = 0; pass < 2 && best < 0; pass++)
		for (size_t i = 0; i < f->n_choices; i++) {
			const struct att_choice *c = &f->choices[i];
			bool hit = pass == 0 ? !strncasecmp(c->label, t, n) || !strncasecmp(c->code, t, n)
					     : widget_match(c->label, t) || widget_match(c->code, t);

			if (hit && (best < 0 || strlen(c->label) < best_len)) {
				best = (int)i;
				best_len = strlen(c->label);
			}
		}
	return best;
}

static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return !*s || (at && at != s && at[1] && !strchr(at + 1, '@') && !strpbrk(s, " \t\"<>,;") &&
		       strlen(s) <= EMAIL_MAX);
}

/* Check field i as it stands; its error (or "") in f->err. */
static void validate(struct att *a, int i)
{
	struct att_form *m = a->form;
	struct field *f = &m->f[i];
	char *t = f->kind == FK_CHECK ? xstrdup("") : field_text(f);
	size_t n = strlen(t);

	f->err[0] = '\0';
	switch (i) {
	case F_NAME:
		if (!n) {
			str_copy(f->err, _("the name is required"), sizeof f->err);
		} else if (n > NAME_MAX) {
			str_printf(f->err, sizeof f->err, _("the name is too long (%d bytes at most)"),
				   NAME_MAX);
		} else if (!m->edit || strcmp(t, m->orig_name)) {
			struct att_delegate *v = NULL;
			size_t got = 0;

			if (attendance_delegates_seek(a->app->db, a->app->session, m->deleg_id, t,
						      ATT_SEEK_FROM, 1, &v, &got) == 0 &&
			    got == 1 && !strcmp(v[0].name, t))
				str_printf(f->err, sizeof f->err, _("%s already has a delegate named \"%s\""),
					   m->code, t);
			free(v);
		}
		break;
	case F_FUNCTION:
	case F_ENTITY:
		if (n > (size_t)(i == F_FUNCTION ? FUNCTION_MAX : ENTITY_MAX))
			str_printf(f->err, sizeof f->err, _("%s: too long (%d bytes at most)"),
				   field_label(i), i == F_FUNCTION ? FUNCTION_MAX : ENTITY_MAX);
		break;
	case F_LEVEL:
	case F_CATEGORY:
		f->choice = resolve(f, t);
		if (f->choice < 0)
			str_printf(f->err, sizeof f->err,
				   n ? (i == F_LEVEL ? _("no level in the list matches \"%s\"")
						     : _("no category in the list matches \"%s\""))
				     : (i == F_LEVEL ? _("choose a level from the list%s")
						     : _("choose a category from the list%s")),
				   n ? t : _(" (Up/Down)"));
		break;
	case F_EMAIL:
		if (!email_ok(t))
			str_copy(f->err, _("not an e-mail address"), sizeof f->err);
		break;
	default:
		break;
	}
	free(t);
}

static void set_choice(struct field *f, int i)
{
	if (i < 0 || i >= (int)f->n_choices)
		return;
	f->choice = i;
	lineedit_set(&f->ed, f->choices[i].label);
}

/* The index of code in a field's choices, or -1. */
static int choice_of(const struct field *f, const char *code)
{
	for (size_t i = 0; i < f->n_choices; i++)
		if (!strcmp(f->choices[i].code, code))
			return (int)i;
	return -1;
}

static struct att_form *form_new(struct att *a, int d)
{
	struct att_form *m = xcalloc(1, sizeof *m);

	m->deleg_id = a->delegs[d].id;
	str_copy(m->code, a->delegs[d].code, sizeof m->code);
	str_copy(m->deleg_name, a->delegs[d].name, sizeof m->deleg_name);
	if (attendance_levels(a->app->db, &m->levels, &m->n_levels) != 0 ||
	    attendance_categories(a->app->db, &m->cats, &m->n_cats) != 0)
		ui_error("%s", _("cannot read the levels and categories"));
	for (int i = 0; i < F_COUNT; i++) {
		struct field *f = &m->f[i];

		f->kind = i == F_LEVEL || i == F_CATEGORY ? FK_PICK : i == F_HEAD ? FK_CHECK : FK_TEXT;
		f->choice = -1;
		lineedit_init(&f->ed, "");
	}
	m->f[F_LEVEL].choices = m->levels;
	m->f[F_LEVEL].n_choices = m->n_levels;
	m->f[F_CATEGORY].choices = m->cats;
	m->f[F_CATEGORY].n_choices = m->n_cats;
	a->form = m;
	a->mode = AM_FORM;
	a->repaint = true;
	return m;
}

void att_form_add(struct att *a, int d)
{
	struct att_form *m = form_new(a, d);

	/* Empty lists wait for a choice: no level is assumed. */
	for (int i = 0; i < F_COUNT; i++)
		validate(a, i);
	m->cur = F_NAME;
}

void att_form_edit(struct att *a, int d, const struct att_delegate *p)
{
	struct att_form *m = form_new(a, d);

	m->edit = true;
	str_copy(m->orig_name, p->name, sizeof m->orig_name);
	lineedit_set(&m->f[F_NAME].ed, p->name);
	lineedit_set(&m->f[F_FUNCTION].ed, p->function);
	lineedit_set(&m->f[F_ENTITY].ed, p->entity);
	lineedit_set(&m->f[F_EMAIL].ed, p->email);
	set_choice(&m->f[F_LEVEL], choice_of(&m->f[F_LEVEL], p->level));
	set_choice(&m->f[F_CATEGORY], choice_of(&m->f[F_CATEGORY], p->category));
	m->f[F_HEAD].on = m->f[F_HEAD].orig_on = p->head;
	str_copy(m->f[F_NAME].orig, p->name, sizeof m->f[F_NAME].orig);
	str_copy(m->f[F_FUNCTION].orig, p->function, sizeof m->f[F_FUNCTION].orig);
	str_copy(m->f[F_ENTITY].orig, p->entity, sizeof m->f[F_ENTITY].orig);
	str_copy(m->f[F_EMAIL].orig, p->email, sizeof m->f[F_EMAIL].orig);
	str_copy(m->f[F_LEVEL].orig, p->level, sizeof m->f[F_LEVEL].orig);
	str_copy(m->f[F_CATEGORY].orig, p->category, sizeof m->f[F_CATEGORY].orig);
	for (int i = 0; i < F_COUNT; i++)
		validate(a, i);
	m->cur = F_NAME;
}

void att_form_free(struct att *a)
{
	struct att_form *m = a->form;

	if (!m)
		return;
	for (int i = 0; i < F_COUNT; i++)
		lineedit_free(&m->f[i].ed);
	free(m->levels);
	free(m->cats);
	free(m);
	a->form = NULL;
}

/* Close the form: back to the list. */
static void form_end(struct att *a)
{
	att_form_free(a);
	att_mode_list(a);
}

/* ---- sending ---- */

/* The stored form of field i: a code for a list, yes/no for the head. */
static char *field_value(const struct att_form *m, int i)
{
	const struct field *f = &m->f[i];

	if (f->kind == FK_PICK)
		return xstrdup(f->choice >= 0 ? f->choices[f->choice].code : "");
	if (f->kind == FK_CHECK)
		return xstrdup(f->on ? "yes" : "no");
	return field_text(f);
}

/* delegate= CODE "NAME" field "VALUE"; 0 or 1 (refused). */
static int set_field(struct att *a, const char *name, const char *field, const char *value)
{
	char *qn = ui_quote(name), *qv = ui_quote(value);
	int rc = att_exec(a, false, "delegate= %s %s %s %s", a->form->code, qn, field, qv);

	free(qn);
	free(qv);
	return rc;
}

/* " --OPTION "VALUE"" for a field given, "" for an empty one (malloc'd). */
static char *option(const char *name, const char *value)
{
	char *q, *s;

	if (!value[0])
		return xstrdup("");
	q = ui_quote(value);
	s = xasprintf(" --%s %s", name, q);
	free(q);
	return s;
}

/* One delegate+ with every field of the form: one command, one
 * transaction, one journal row. Refused (the database busy, the disk
 * full), it stores nothing and the form stays open holding everything
 * typed: Enter sends it again. */
static int send_add(struct att *a, char **v)
{
	struct att_form *m = a->form;
	char *qn = ui_quote(v[F_NAME]), *fn = option("function", v[F_FUNCTION]),
	     *en = option("entity", v[F_ENTITY]), *em = option("email", v[F_EMAIL]);
	int rc = att_exec(a, false, "delegate+ %s %s %s %s%s%s%s%s", m->code, qn, v[F_LEVEL],
			  v[F_CATEGORY], m->f[F_HEAD].on ? " head" : "", fn, en, em);

	free(qn);
	free(fn);
	free(en);
	free(em);
	return rc;
}

static int send_edit(struct att *a, char **v, int *changed)
{
	static const int order[] = { F_FUNCTION, F_LEVEL, F_ENTITY, F_CATEGORY, F_HEAD, F_EMAIL,
				     F_NAME };
	static const char *const names[F_COUNT] = { "name", "function", "level", "entity",
						    "category", "head", "email" };
	struct att_form *m = a->form;

	*changed = 0;
	for (size_t k = 0; k < ARRAY_SIZE(order); k++) {
		int i = order[k];
		const char *was = i == F_HEAD ? (m->f[F_HEAD].orig_on ? "yes" : "no") : m->f[i].orig;

		if (!strcmp(was, v[i]))
			continue;
		if (set_field(a, m->orig_name, names[i], v[i]) != 0)
			return 1;
		/* Stored: a second Enter after a refusal sends only the rest. */
		if (i == F_HEAD)
			m->f[F_HEAD].orig_on = m->f[F_HEAD].on;
		else
			str_copy(m->f[i].orig, v[i], sizeof m->f[i].orig);
		if (i == F_NAME)
			str_copy(m->orig_name, v[i], sizeof m->orig_name);
		(*changed)++;
	}
	return 0;
}

static void send(struct att *a)
{
	struct att_form *m = a->form;
	char *v[F_COUNT];
	int rc, changed = 1;

	for (int i = 0; i < F_COUNT; i++)
		validate(a, i);
	for (int i = 0; i < F_COUNT; i++)
		if (m->f[i].err[0]) {
			m->cur = i;
			ui_error("%s: %s", field_label(i), m->f[i].err);
			return;
		}
	for (int i = 0; i < F_COUNT; i++)
		v[i] = field_value(m, i);
	rc = m->edit ? send_edit(a, v, &changed) : send_add(a, v);
	if (rc == 0) {
		if (!changed)
			ui_message("%s", _("nothing changed"));
		a->want = true;
		a->want_deleg = m->deleg_id;
		str_copy(a->want_name, v[F_NAME], sizeof a->want_name);
		form_end(a);
	}
	for (int i = 0; i < F_COUNT; i++)
		free(v[i]);
}

/* ---- keys ---- */

unsigned att_form_handle(struct att *a, int key)
{
	struct att_form *m = a->form;
	struct field *f = &m->f[m->cur];

	if (key == K_ESC) {
		ui_message("%s", _("cancelled: nothing changed"));
		form_end(a);
		return H_DONE | H_REDRAW;
	}
	/* Leaving a list field completes what was typed to the label chosen. */
	if (f->kind == FK_PICK && f->choice >= 0 &&
	    (key == K_TAB || key == K_BTAB || key == K_ENTER || key == K_F(2)))
		set_choice(f, f->choice);
	if (key == K_ENTER || key == K_F(2)) { /* F2 saves, as in the editor */
		send(a);
		return H_DONE | H_REDRAW;
	}
	if (key == K_TAB || (key == K_DOWN && f->kind != FK_PICK)) {
		m->cur = (m->cur + 1) % F_COUNT;
	} else if (key == K_BTAB || (key == K_UP && f->kind != FK_PICK)) {
		m->cur = (m->cur + F_COUNT - 1) % F_COUNT;
	} else if (f->kind == FK_PICK && (key == K_UP || key == K_DOWN || key == K_PGUP ||
					  key == K_PGDN || key == K_HOME || key == K_END)) {
		int i = f->choice < 0 ? (key == K_UP ? (int)f->n_choices : -1) : f->choice;
		int step = key == K_PGUP || key == K_PGDN ? 5 : 1;

		if (key == K_HOME)
			i = 0;
		else if (key == K_END)
			i = (int)f->n_choices - 1;
		else
			i += key == K_UP || key == K_PGUP ? -step : step;
		if (i < 0)
			i = 0;
		if (i >= (int)f->n_choices)
			i = (int)f->n_choices - 1;
		set_choice(f, i);
		validate(a, m->cur);
	} else if (f->kind == FK_CHECK) {
		if (key == ' ' || key == 'x')
			f->on = !f->on;
		else if (key == 'y' || key == 'o')
			f->on = true;
		else if (key == 'n')
			f->on = false;
	} else if (lineedit_handle(&f->ed, key)) {
		validate(a, m->cur);
	} else {
		return H_DONE; /* the form keeps every key */
	}
	return H_DONE | H_REDRAW;
}

/* ---- drawing ---- */

enum { LABEL_W = 17, FIELD_X = 19, PANEL_W = 26 };

static void draw_choices(struct att *a, WINDOW *w, int x, int y0, int h)
{
	struct att_form *m = a->form;
	const struct field *f = &m->f[m->cur];
	int width = a->cols - x - 1;

	for (int r = 0; r < h; r++)
		widget_blank(w, y0 + r, x, a->cols - x, ui_attr(ROLE_NORMAL));
	if (f->kind != FK_PICK || width < 8)
		return;
	if (f->choice >= 0 && f->choice < m->choice_top)
		m->choice_top = f->choice;
	if (f->choice >= m->choice_top + h)
		m->choice_top = f->choice - h + 1;
	if (m->choice_top > (int)f->n_choices - h)
		m->choice_top = (int)f->n_choices - h > 0 ? (int)f->n_choices - h : 0;
	for (int r = 0; r < h && m->choice_top + r < (int)f->n_choices; r++) {
		int i = m->choice_top + r;
		const struct att_choice *c = &f->choices[i];
		attr_t at = ui_attr(i == f->choice ? ROLE_SELECTED : ROLE_NORMAL);
		char line[200];

		str_printf(line, sizeof line, " %s%s", c->label, m->cur == F_CATEGORY && c->core ? " *" : "");
		widget_text_fit(w, y0 + r, x, width, line, at);
		if (i == f->choice)
			mvwchgat(w, y0 + r, x, width, at & ~A_COLOR, (short)PAIR_NUMBER(at), NULL);
	}
}

void att_form_draw(struct att *a, WINDOW *w)
{
	struct att_form *m = a->form;
	int y0 = a->head_y, fw = a->cols - FIELD_X - 2 - PANEL_W, px, cur_y = -1, cur_x = 0;
	char title[512];

	if (fw < 20)
		fw = 20;
	px = FIELD_X + fw + 2;
	if (m->edit)
		str_printf(title, sizeof title, _(" Edit %s \"%s\" (%s)"), m->code, m->orig_name,
			   m->deleg_name);
	else
		str_printf(title, sizeof title, _(" Add a delegate to %s (%s)"), m->code, m->deleg_name);
	widget_blank(w, y0, 0, a->cols, ui_attr(ROLE_HEADER));
	widget_text_fit(w, y0, 0, px - 1, title, ui_attr(ROLE_HEADER));
	if (m->f[m->cur].kind == FK_PICK)
		widget_text_fit(w, y0, px, a->cols - px - 1,
				m->cur == F_LEVEL ? _("Levels (Up/Down)")
						  : _("Categories (* core of R4)"),
				ui_attr(ROLE_HEADER));
	for (int i = 0; i < F_COUNT; i++) {
		struct field *f = &m->f[i];
		int y = y0 + 1 + i;
		attr_t box = ui_attr(ROLE_NORMAL) | A_UNDERLINE;

		widget_blank(w, y, 0, px, ui_attr(ROLE_NORMAL));
		widget_text(w, y, 0, 1, i == m->cur ? ">" : " ", ui_attr(ROLE_MARK), false);
		widget_text_right(w, y, 1, LABEL_W - 1, field_label(i),
				  ui_attr(i == m->cur ? ROLE_HEADER : ROLE_NORMAL));
		if (f->err[0] && (f->kind != FK_TEXT || f->ed.len > 0 || i == F_NAME))
			widget_text(w, y, LABEL_W, 1, "!", ui_attr(ROLE_BAD), false);
		if (f->kind == FK_CHECK) {
			widget_text(w, y, FIELD_X, fw, f->on ? _("[x] head of delegation")
							     : _("[ ] head of delegation"),
				    ui_attr(ROLE_NORMAL), false);
			continue;
		}
		if (i == m->cur) {
			lineedit_draw(&f->ed, w, y, FIELD_X, fw, box);
			getyx(w, cur_y, cur_x);
		} else {
			/* Another field shows its beginning, not where its cursor is. */
			int keep = f->ed.cur;

			f->ed.cur = f->ed.scroll = 0;
			lineedit_draw(&f->ed, w, y, FIELD_X, fw, box);
			f->ed.cur = keep;
		}
	}
	/* No terminal cursor in the body: the cursor cell in reverse. */
	if (cur_y >= 0)
		mvwchgat(w, cur_y, cur_x, 1, A_REVERSE, 0, NULL);
	for (int r = y0 + 1 + F_COUNT; r < a->rows - 1; r++)
		widget_blank(w, r, 0, px, ui_attr(ROLE_NORMAL));
	/* The last row: the current field's error, else the keys. */
	widget_blank(w, a->rows - 1, 0, a->cols, ui_attr(ROLE_NORMAL));
	if (m->f[m->cur].err[0])
		widget_text_fit(w, a->rows - 1, 1, a->cols - 2, m->f[m->cur].err, ui_attr(ROLE_BAD));
	else
		widget_text_fit(w, a->rows - 1, 1, a->cols - 2,
				_("Tab/↓ next  S-Tab/↑ previous  Space ticks  Enter/F2 saves  Esc cancels"), ui_attr(ROLE_DIM));
	draw_choices(a, w, px, y0 + 1, a->rows - y0 - 2);
}
