/*
 * ui_prompt.c — modal input on the message line: the one-line prompt (with
 * Tab completion of command names, delegation codes or a fixed list, and
 * a history walked with Up/Down), yes/no questions, numbered choices, the
 * `:` command line and the `/` search.
 *
 * A prompt runs its own small loop (paint, key, tick, resize) so screens
 * can ask a question in the middle of handle(); the keys come through
 * keys_get(), so scripted tests drive prompts exactly like the main loop.
 * Typing a character redraws the prompt line; curses sends only the cells
 * that changed (the character, at the cursor: a few bytes).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "attendance.h"
#include "commands.h"
#include "floor.h"
#include "fold.h"
#include "i18n.h"
#include "keys.h"
#include "recs.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

#define HISTORY_MAX 100

static char *history[HISTORY_MAX];
static int n_history;

/* The prompt being shown (one at a time). */
static struct {
	const char *label;
	struct lineedit *edit;
	const char *fixed;    /* a question instead of an editor */
} active;

void ui_prompt_draw(void)
{
	attr_t a = ui_attr(ROLE_NORMAL);
	int x;

	x = widget_text(ui.msg, 0, 0, ui.cols - 2, active.label, ui_attr(ROLE_HEADER), false);
	if (active.fixed || !active.edit) {
		x += widget_text(ui.msg, 0, x, 1, " ", a, false);
		widget_text(ui.msg, 0, x, ui.cols - x, active.fixed ? active.fixed : "", a, true);
		return;
	}
	x += widget_text(ui.msg, 0, x, 1, " ", a, false);
	lineedit_draw(active.edit, ui.msg, 0, x, ui.cols - x, a);
}

void ui_prompt_free_history(void)
{
	for (int i = 0; i < n_history; i++)
		xfree(&history[i]);
	n_history = 0;
}

static void history_add(const char *line)
{
	if (str_empty(line) || (n_history > 0 && !strcmp(history[n_history - 1], line)))
		return;
	if (n_history == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof *history);
		n_history--;
	}
	history[n_history++] = xstrdup(line);
}

static void set_hint(const char *text)
{
	if (strcmp(ui.hint_override, text)) {
		str_copy(ui.hint_override, text, sizeof ui.hint_override);
		ui.hints_dirty = true;
	}
}

/* Begin/end a modal question: the message line belongs to it. */
static void modal_begin(const char *label, struct lineedit *edit, const char *fixed)
{
	active.label = label;
	active.edit = edit;
	active.fixed = fixed;
	ui.prompting = true;
	ui.msg_dirty = true;
	if (edit)
		curs_set(1);
}

static void modal_end(void)
{
	active.label = active.fixed = NULL;
	active.edit = NULL;
	ui.prompting = false;
	ui.msg_text[0] = '\0';
	ui.msg_dirty = true;
	set_hint("");
	curs_set(0);
}

/* The next key for a modal question, doing the idle work and resizes
 * meanwhile. K_NONE when the program must stop. */
static int modal_key(void (*idle)(void *), void *ud)
{
	for (;;) {
		int key;

		ui.msg_dirty = true;
		ui_paint();
		key = keys_get(1000);
		if (key == K_TICK) {
			ui_tick();
			if (idle)
				idle(ud);
			continue;
		}
		if (key == K_RESIZE) {
			ui_relayout();
			continue;
		}
		return key;
	}
}

/* ---- completion ---- */

struct completion {
	const char **cands;
	int n, cap;
	int next;       /* cycling index after the first Tab, -1 before */
	int word_start; /* where the completed word starts */
	bool quoted;    /* a delegate's name after its opening quote: closed */
};

static void cand_add(struct completion *c, const char *s)
{
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->cands[i], s))
			return;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 32;
		c->cands = xrealloc(c->cands, (size_t)c->cap * sizeof *c->cands);
	}
	c->cands[c->n++] = s;
}

static void candidates(struct completion *c, const struct ui_prompt_opts *o, const char *prefix,
		       bool first_word)
{
	size_t n = strlen(prefix);

	c->n = 0;
	if (o->complete == COMPLETE_COMMAND && first_word) {
		for (size_t i = 0; i < command_count; i++)
			if (!(command_table[i].flags & (CMD_UI | CMD_SUB)) &&
			    !strncmp(command_table[i].name, prefix, n))
				cand_add(c, command_table[i].name);
	} else if (o->complete == COMPLETE_COMMAND || o->complete == COMPLETE_DELEGATION) {
		const char *const *codes = ui_delegation_codes(ui.app);

		for (int i = 0; codes && codes[i]; i++)
			if (!strncasecmp(codes[i], prefix, n))
				cand_add(c, codes[i]);
	} else if (o->complete == COMPLETE_LIST && o->choices) {
		for (int i = 0; o->choices[i]; i++)
			if (!strncmp(o->choices[i], prefix, n))
				cand_add(c, o->choices[i]);
	} else if (o->complete == COMPLETE_NAME && o->choices) {
		char *f = fold_dup(prefix);

		for (int i = 0; o->choices[i]; i++)
			if (!*f || fold_match_folded(o->choices[i], f) == FOLD_WORD)
				cand_add(c, o->choices[i]);
		free(f);
	}
}

/* Several names on the hint bar ("Fanja Razafindrakoto · Haingo …"):
 * names have blanks, so another separator. */
static void hint_candidates(const struct completion *c, bool names)
{
	char hint[sizeof ui.hint_override];
	size_t hn = 0;

	hint[0] = '\0';
	for (int i = 0; i < c->n && hn + 2 < sizeof hint; i++)
		hn += (size_t)str_printf(hint + hn, sizeof hint - hn, "%s%s",
					 i ? (names ? " · " : " ") : "", c->cands[i]);
	set_hint(hint);
}

/* ---- delegates' names on the command line: q+ MUS "ram<Tab> ---- */

/* The names read for the prompt open (the candidates point into them). */
static struct floor_name *names;
static size_t n_names;

static void free_names(void)
{
	free(names);
	names = NULL;
	n_names = 0;
}

/* The commands whose NAME (third word, quoted) is a delegate of CODE (the
 * second), and which ones they offer: 1 present, 0 absent, -1 all. */
static const struct {
	const char *cmd;
	int present;
} name_cmds[] = {
	{ "q+", 1 }, { "present-", 1 }, { "present+", 0 }, { "delegate-", -1 }, { "delegate=", -1 },
};

/* The UTF-8 text of e->buf[from, to). */
static char *text_range(const struct lineedit *e, int from, int to)
{
	struct lineedit w = { .buf = e->buf + from, .len = to - from };
	wchar_t save = e->buf[to];
	char *t;

	e->buf[to] = 0;
	t = lineedit_text(&w);
	e->buf[to] = save;
	return t;
}

/* When the cursor is inside an opening quote that is the third word of a
 * command of name_cmds, the candidates are the delegation's delegates
 * whose name has what follows the quote at a word's start (fold.h): true,
 * c filled (word_start after the quote). Otherwise false. */
static bool quoted_name(const struct lineedit *e, struct completion *c)
{
	int quote = -1, want = -2;
	bool in = false;
	char *head, *cmd, *code, *extra, *typed, *f, *save = NULL;

	for (int i = 0; i < e->cur; i++) {
		if (in && e->buf[i] == '\\') {
			i++; /* \" inside quotes */
			continue;
		}
		if (e->buf[i] != '"')
			continue;
		in = !in;
		if (in)
			quote = i;
	}
	if (!in || quote < 0)
		return false;
	head = text_range(e, 0, quote);
	cmd = strtok_r(head, " ", &save);
	code = cmd ? strtok_r(NULL, " ", &save) : NULL;
	extra = code ? strtok_r(NULL, " ", &save) : NULL;
	for (size_t i = 0; cmd && code && !extra && i < ARRAY_SIZE(name_cmds); i++)
		if (!strcmp(cmd, name_cmds[i].cmd))
			want = name_cmds[i].present;
	if (want == -2 || !ui.app || !ui.app->session) {
		free(head);
		return false;
	}
	free_names();
	floor_delegates(ui.app->db, ui.app->session, code, &names, &n_names);
	free(head);
	typed = text_range(e, quote + 1, e->cur);
	f = fold_dup(typed);
	c->n = 0;
	for (size_t i = 0; i < n_names; i++)
		if ((want < 0 || names[i].present == (want == 1)) &&
		    (!*f || fold_match_folded(names[i].name, f) == FOLD_WORD))
			cand_add(c, names[i].name);
	free(f);
	free(typed);
	c->word_start = quote + 1;
	c->quoted = true;
	return true;
}

/* Put candidate s in place of the word being completed (a quoted name
 * gets its closing quote). */
static void put_candidate(struct lineedit *e, const struct completion *c, const char *s,
			  bool final);

static int tolower_ascii(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* Replace the word [start, e->cur) by text, plus a space when final. */
static void replace_word(struct lineedit *e, int start, const char *text, bool final)
{
	struct lineedit out, t;
	int cur = e->cur, keep;

	lineedit_init(&out, "");
	lineedit_init(&t, text);
	for (int i = 0; i < start; i++)
		lineedit_handle(&out, e->buf[i]);
	for (int i = 0; i < t.len; i++)
		lineedit_handle(&out, t.buf[i]);
	if (final && (cur >= e->len || e->buf[cur] != ' '))
		lineedit_handle(&out, ' ');
	keep = out.cur;
	for (int i = cur; i < e->len; i++)
		lineedit_handle(&out, e->buf[i]);
	out.cur = keep;
	lineedit_free(&t);
	lineedit_free(e);
	*e = out;
}

static void complete(struct lineedit *e, const struct ui_prompt_opts *o, struct completion *c,
		     bool again)
{
	int start = e->cur;
	bool first_word = true;
	char *prefix;
	size_t common;

	if (again && c->n > 1) { /* Tab again: cycle through the candidates */
		put_candidate(e, c, c->cands[c->next], false);
		c->next = (c->next + 1) % c->n;
		return;
	}
	c->quoted = false;
	if (o->complete == COMPLETE_COMMAND && quoted_name(e, c)) {
		c->next = 0;
		if (c->n == 0)
			set_hint(_("no completion"));
		else if (c->n == 1)
			put_candidate(e, c, c->cands[0], true), c->n = 0;
		else
			hint_candidates(c, true);
		return;
	}
	if (o->complete == COMPLETE_NAME)
		start = 0; /* the whole text is the name */
	while (start > 0 && e->buf[start - 1] != ' ' && e->buf[start - 1] != '"')
		start--;
	for (int i = 0; i < start; i++)
		if (e->buf[i] != ' ')
			first_word = false;
	if (o->complete == COMPLETE_DELEGATION || o->complete == COMPLETE_LIST)
		first_word = false;
	{
		struct lineedit w = { .buf = e->buf + start, .len = e->cur - start };
		wchar_t save = e->buf[e->cur];

		e->buf[e->cur] = 0;
		prefix = lineedit_text(&w);
		e->buf[e->cur] = save;
	}
	candidates(c, o, prefix, first_word);
	c->word_start = start;
	c->next = 0;
	if (c->n == 0) {
		set_hint(_("no completion"));
	} else if (c->n == 1) {
		replace_word(e, start, c->cands[0], o->complete == COMPLETE_COMMAND);
		c->n = 0;
	} else if (o->complete == COMPLETE_NAME) {
		hint_candidates(c, true); /* Tab again puts them in, one by one */
	} else {
		common = strlen(c->cands[0]);
		for (int i = 1; i < c->n; i++) {
			size_t k = 0;

			while (k < common && c->cands[i][k] && tolower_ascii(c->cands[i][k]) ==
								   tolower_ascii(c->cands[0][k]))
				k++;
			common = k;
		}
		if (common > strlen(prefix)) {
			char *p = xstrdup(c->cands[0]);

			p[common] = '\0';
			replace_word(e, start, p, false);
			free(p);
		}
		hint_candidates(c, false);
	}
	free(prefix);
}

static void put_candidate(struct lineedit *e, const struct completion *c, const char *s,
			  bool final)
{
	char *t;

	if (!c->quoted) {
		replace_word(e, c->word_start, s, final);
		return;
	}
	/* Past the name: its closing quote (if typed already, kept). */
	t = xasprintf("%s%s", s, e->cur < e->len && e->buf[e->cur] == '"' ? "" : "\"");
	replace_word(e, c->word_start, t, final);
	free(t);
}

/* ---- prompts ---- */

struct idle_ctx {
	const struct ui_prompt_opts *o;
	struct lineedit *e;
	bool changed;   /* typed since the last call of o->idle */
	double last;    /* when o->idle was last called (monotonic s) */
	bool failed;    /* the last draft could not be stored */
};

static double monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Hand the text to the draft saver when it changed (on the tick, on a key
 * a second after the last save, and when the prompt closes). */
static void prompt_idle(void *ud)
{
	struct idle_ctx *ic = ud;
	char *text;

	if ((!ic->o->idle && !ic->o->draft) || !ic->changed)
		return;
	text = lineedit_text(ic->e);
	if ((ic->o->idle ? ic->o->idle(text, ic->o->ud)
			 : ui_draft_save(ui.app, ic->o->draft, 0, text)) != 0) {
		/* Not stored: try again on the next tick, and say so. */
		if (!ic->failed)
			set_hint(_("draft NOT saved (database busy or disk full): Enter runs the text, "
				   "Esc twice drops it"));
		ic->failed = true;
	} else {
		if (ic->failed)
			set_hint(_("Enter ok  Esc cancel"));
		ic->failed = false;
		ic->changed = false;
	}
	free(text);
	ic->last = monotonic();
}

/* Esc: what was typed stays within reach, as in a shell: in the history
 * (the : line, Up brings it back) and where the caller asked. */
static void keep_cancelled(const struct ui_prompt_opts *o, const struct lineedit *e)
{
	char *text = lineedit_text(e);

	if (o->history)
		history_add(text);
	if (o->cancelled) {
		free(*o->cancelled);
		*o->cancelled = *text ? xstrdup(text) : NULL;
	}
	free(text);
}

char *ui_prompt(const char *label, const struct ui_prompt_opts *opts)
{
	static const struct ui_prompt_opts none;
	const struct ui_prompt_opts *o = opts ? opts : &none;
	struct lineedit e;
	struct completion c = { .next = -1 };
	struct ui_prompt_opts own;
	struct idle_ctx ic = { o, &e, o->unsaved, monotonic(), false };
	int hpos = n_history, last = K_NONE;
	char *result = NULL, *typed = NULL, *kept = NULL;

	if (o->draft && (!ui.app || !ui.app->session || ui.app->read_only)) {
		own = *o; /* nowhere to keep drafts: a plain prompt */
		own.draft = NULL;
		o = ic.o = &own;
	}
	if (o->draft && !o->idle && str_empty(o->initial))
		kept = recs_draft_load(ui.app->db, o->draft, ui.app->session, 0);
	lineedit_init(&e, kept ? kept : o->initial);
	free(kept);
	modal_begin(label, &e, NULL);
	set_hint(o->why ? o->why
			: o->complete ? _("Enter ok  Esc cancel  Tab complete") : _("Enter ok  Esc cancel"));
	for (;;) {
		int key = modal_key(prompt_idle, &ic);

		if (key == K_NONE || key == K_ESC) {
			bool again = last == K_ESC;

			prompt_idle(&ic); /* a signal or a cancel keeps the draft */
			/* A draft that could not be stored: the first Esc keeps the
			 * prompt and its text; a second one drops it, knowingly. */
			if (key == K_ESC && ic.failed && !again) {
				last = key;
				continue;
			}
			/* Kept only when a signal or a lost terminal ends the
			 * prompt; Esc (or the end of a test script) drops it. */
			if (o->draft && !o->idle && (key == K_ESC || !ui_stop_signal))
				recs_draft_clear(ui.app->db, o->draft, ui.app->session, 0);
			if (key == K_ESC)
				keep_cancelled(o, &e);
			break;
		}
		if (key == K_ENTER) {
			const char *why;

			result = lineedit_text(&e);
			if (o->check && (why = o->check(result, o->ud)) != NULL) {
				set_hint(why); /* refused: the prompt stays, with the reason */
				xfree(&result);
				last = key;
				continue;
			}
			if (o->draft && !o->idle)
				recs_draft_clear(ui.app->db, o->draft, ui.app->session, 0);
			break;
		}
		if (key == K_TAB && o->complete) {
			complete(&e, o, &c, last == K_TAB);
		} else if ((key == K_UP || key == K_DOWN) && o->history && n_history > 0) {
			if (hpos == n_history) {
				free(typed);
				typed = lineedit_text(&e);
			}
			hpos += key == K_UP ? -1 : 1;
			if (hpos < 0)
				hpos = 0;
			if (hpos > n_history)
				hpos = n_history;
			lineedit_set(&e, hpos == n_history ? typed : history[hpos]);
		} else {
			ic.changed |= lineedit_handle(&e, key) && key != K_LEFT && key != K_RIGHT &&
				      key != K_HOME && key != K_END;
			if (ic.changed && monotonic() - ic.last >= 1.0)
				prompt_idle(&ic);
		}
		if (key != K_TAB && c.n > 1) {
			c.n = 0;
			set_hint(o->complete ? _("Enter ok  Esc cancel  Tab complete")
					     : _("Enter ok  Esc cancel"));
		}
		last = key;
	}
	modal_end();
	free(c.cands);
	free_names();
	free(typed);
	lineedit_free(&e);
	return result;
}

bool ui_confirm(const char *question)
{
	char label[512];
	bool yes = false;

	str_printf(label, sizeof label, "%s%s", question, _(" (y/n)"));
	modal_begin(label, NULL, "");
	for (;;) {
		int key = modal_key(NULL, NULL);

		/* y, or the French o(ui) and Spanish s(í) of the translated hint. */
		if (key == 'y' || key == 'Y' || key == 'o' || key == 'O' || key == 's' || key == 'S') {
			yes = true;
			break;
		}
		if (key == K_NONE || key == 'n' || key == 'N' || key == K_ESC || key == 'q')
			break;
	}
	modal_end();
	return yes;
}

int ui_choose(const char *label, const char *const *labels, int n, int dflt)
{
	char text[512];
	size_t k = 0;
	int chosen = -1;

	text[0] = '\0';
	for (int i = 0; i < n && i < 9; i++)
		k += (size_t)str_printf(text + k, sizeof text - k, "%s%d %s%s", i ? "  " : "", i + 1,
					labels[i], i == dflt ? "*" : "");
	modal_begin(label, NULL, text);
	for (;;) {
		int key = modal_key(NULL, NULL);

		if (key >= '1' && key < '1' + n && key <= '9') {
			chosen = key - '1';
			break;
		}
		if (key == K_ENTER && dflt >= 0 && dflt < n) {
			chosen = dflt;
			break;
		}
		if (key == K_NONE || key == K_ESC)
			break;
	}
	modal_end();
	return chosen;
}

/* ---- prompts that end in a command ---- */

/* The prompts in turn; false when one is cancelled or a required one is
 * left empty. */
static bool ask_all(struct ui_ask *asks, int n)
{
	for (int i = 0; i < n; i++) {
		char *was = asks[i].answer; /* the initial text of a second try */

		asks[i].answer = ui_prompt(asks[i].label, &asks[i].opts);
		asks[i].opts.initial = NULL; /* taken */
		free(was);
		if (!asks[i].answer || (asks[i].required && !*asks[i].answer))
			return false;
	}
	return true;
}

int ui_ask_run(struct app *app, struct ui_ask *asks, int n,
	       char *(*line)(const struct ui_ask *asks, void *ud), void *ud)
{
	char out[1024], *cmd;
	int rc;

	while (ask_all(asks, n) && (cmd = line(asks, ud)) != NULL) {
		rc = ui_exec_answer(app, cmd, out, sizeof out);
		free(cmd);
		if (rc != 2)
			return rc;
		/* Not stored (busy, disk full): the prompts again, holding what
		 * was typed, kept as drafts as soon as the database takes them. */
		for (int i = 0; i < n; i++) {
			asks[i].opts.initial = asks[i].answer;
			asks[i].opts.unsaved = true;
			asks[i].opts.why = _("NOT stored (database busy or disk full): Enter tries again  "
					     "Esc cancel");
		}
	}
	return -1;
}

void ui_ask_free(struct ui_ask *asks, int n)
{
	for (int i = 0; i < n; i++)
		xfree(&asks[i].answer);
}

/* ---- the command line and search ---- */

static char *command_line_of(const struct ui_ask *ask, void *ud)
{
	(void)ud;
	history_add(ask->answer);
	return str_empty(ask->answer) ? NULL : xstrdup(ask->answer);
}

void ui_command_line(struct app *app, const char *initial)
{
	struct ui_ask ask = { .label = ":", .opts = { .initial = initial, .complete = COMPLETE_COMMAND,
				     .history = true, .draft = "cmdline" } };

	ui_ask_run(app, &ask, 1, command_line_of, NULL);
	ui_ask_free(&ask, 1);
}

void ui_search(void)
{
	static char *last;
	struct screen *s = ui_current();
	char *needle = ui_prompt("/", NULL);

	if (!needle)
		return;
	if (!*needle && last) {
		free(needle);
		needle = xstrdup(last);
	}
	if (!*needle) {
		free(needle);
		return;
	}
	if (!s->ops->search) {
		ui_error("%s", _("this screen has nothing to search"));
	} else if (s->ops->search(s, needle, true)) {
		ui.body_dirty = true;
	} else {
		ui_error(_("not found: %s"), needle);
	}
	free(last);
	last = needle;
}

/* ---- delegation codes for completion ---- */

static char **codes;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const char *const *ui_delegation_codes(struct app *app)
{
	struct att_delegation_key key;
	struct att_delegation *rows = NULL;
	size_t n = 0, total = 0, cap = 64;

	if (codes) {
		for (size_t i = 0; codes[i]; i++)
			free(codes[i]);
		free(codes);
	}
	codes = xcalloc(cap + 1, sizeof *codes);
	/* Every delegation of the process (members and observers), a page at
	 * a time; a process has tens of them. */
	while (app->session &&
	       attendance_delegations(app->db, app->session, total ? &key : NULL, 100, &rows, &n) == 0 &&
	       n > 0) {
		for (size_t i = 0; i < n; i++) {
			if (total == cap) {
				cap *= 2;
				codes = xrealloc(codes, (cap + 1) * sizeof *codes);
			}
			codes[total++] = xstrdup(rows[i].code);
		}
		key.type = rows[n - 1].type;
		str_copy(key.code, rows[n - 1].code, sizeof key.code);
		free(rows);
		rows = NULL;
		if (n < 100)
			break;
	}
	free(rows);
	codes[total] = NULL;
	qsort(codes, total, sizeof *codes, cmp_str);
	return (const char *const *)codes;
}
