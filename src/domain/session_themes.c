/*
 * session_themes.c — the themes of a session (DESIGN R6, R4): `theme+
 * CODE|"TITLE"` adds a theme of the catalogue (by code, or by its exact
 * French or English title, ASCII case-insensitive) or else a free theme
 * made from the title; `theme- CODE|"TITLE"` removes one. The themes decide
 * which entity categories are competent in the R4 check, so each answer
 * ends with the check's count.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

#define TITLE_MAX 300   /* bytes of a theme title */

/* ---- theme+ / theme- ---- */

struct theme_ref {
	long long id;
	char code[64];
	char title[TITLE_MAX + 8];
};

/* Read a theme row (id, code, title_fr, title_en) from q into t. */
static int theme_row(struct dbq *q, struct theme_ref *t)
{
	int rc = dbq_step(q);

	if (rc == DB_ROW) {
		t->id = dbq_int(q, 0);
		str_copy(t->code, dbq_text(q, 1), sizeof t->code);
		str_copy(t->title, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)), sizeof t->title);
		rc = 1;
	}
	dbq_reset(q);
	return rc < 0 ? rc : rc == 1;
}

/* A theme of the catalogue named by its code or an exact title (ASCII
 * case-insensitive). 1 found, 0 not, < 0 db error. */
static int theme_find(struct db *db, const char *s, struct theme_ref *t)
{
	struct dbq *q = db_query(db, "SELECT id, code, title_fr, title_en FROM theme"
				     " WHERE code = ?1 OR title_fr = ?1 COLLATE NOCASE"
				     " OR title_en = ?1 COLLATE NOCASE"
				     " ORDER BY code = ?1 DESC, id LIMIT 1", "t", s);

	return q ? theme_row(q, t) : db_errstatus(db);
}

/* Something typed like a catalogue code (lower-case ASCII, digits, _ or -,
 * with a _ or a digit): an unknown code, not the title of a free theme. */
static bool looks_like_code(const char *s)
{
	bool mark = false;

	for (; *s; s++) {
		if (*s == '_' || (*s >= '0' && *s <= '9'))
			mark = true;
		else if (!(*s >= 'a' && *s <= 'z') && *s != '-')
			return false;
	}
	return mark;
}

int cmd_theme_add(struct cmd_ctx *c)
{
	const char *arg = c->argv[1];
	struct theme_ref t;
	char suffix[64];
	int rc = theme_find(c->db, arg, &t);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0) {
		if (looks_like_code(arg))
			return cmd_err(c, _("unknown theme code %s (a free theme is named by its "
					    "title in quotes)"), arg);
		if (session_check_text(c, _("theme"), arg, TITLE_MAX, true) != 0)
			return -1;
		t.id = session_free_theme(c->db, c->session, arg);
		if (!t.id)
			return cmd_db_err(c);
		char *code = db_text(c->db, "SELECT code FROM theme WHERE id = ?", "i", t.id);

		str_copy(t.code, code ? code : "", sizeof t.code);
		free(code);
		str_copy(t.title, arg, sizeof t.title);
	} else if (db_int(c->db, 0, "SELECT 1 FROM session_theme WHERE session_id = ?"
				    " AND theme_id = ?", "ii", c->session, t.id)) {
		return cmd_err(c, _("%s is already a theme of this session"), t.code);
	}
	if (db_run(c->db, "INSERT INTO session_theme (session_id, theme_id) VALUES (?, ?)", "ii",
		   c->session, t.id) != DB_OK)
		return cmd_db_err(c);
	c->after = xasprintf("theme=%s", t.code);
	cmd_event(c, "session.theme_added", "ss", t.code, t.title);
	return cmd_ok(c, "theme %s%s", t.code, session_check_suffix(c->db, c->session, suffix,
							    sizeof suffix));
}

int cmd_theme_del(struct cmd_ctx *c)
{
	struct theme_ref t;
	char suffix[64];
	struct dbq *q = db_query(c->db, "SELECT t.id, t.code, t.title_fr, t.title_en"
					" FROM session_theme st JOIN theme t ON t.id = st.theme_id"
					" WHERE st.session_id = ?1 AND (t.code = ?2"
					" OR t.title_fr = ?2 COLLATE NOCASE"
					" OR t.title_en = ?2 COLLATE NOCASE)"
					" ORDER BY t.code = ?2 DESC, t.id LIMIT 1",
				 "it", c->session, c->argv[1]);
	int rc = q ? theme_row(q, &t) : db_errstatus(c->db);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return cmd_err(c, _("%s is not a theme of this session"), c->argv[1]);
	if (db_run(c->db, "DELETE FROM session_theme WHERE session_id = ? AND theme_id = ?", "ii",
		   c->session, t.id) != DB_OK)
		return cmd_db_err(c);
	c->before = xasprintf("theme=%s", t.code);
	cmd_event(c, "session.theme_removed", "ss", t.code, t.title);
	return cmd_ok(c, _("theme %s removed%s"), t.code,
		      session_check_suffix(c->db, c->session, suffix, sizeof suffix));
}
