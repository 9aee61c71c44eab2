/*
 * attendance.c — the attendance commands (DESIGN R3, R4): delegation+,
 * delegate+, delegate-, delegate=, present+, present- and check. The R4
 * check itself and the screen's reads are in attendance_check.c and
 * attendance_read.c.
 *
 * A delegate is named by delegation code and name (exact, else the only
 * name equal ignoring ASCII case). A delegation has at most one head:
 * designating a head (delegate+ … head, delegate= … head yes) takes the
 * flag from the previous one, and the answer says so. Presence keeps the
 * first arrival time in `arrived`; leaving sets `left_at`, coming back
 * clears it. A command that would change nothing (marking present someone
 * already present) is refused, so every journal row records a change.
 */
#include "attendance.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "session.h"
#include "util.h"

#define NAME_MAX_BYTES 200
#define FUNCTION_MAX 300
#define ENTITY_MAX 200
#define EMAIL_MAX 120

/* ---- checks shared by the handlers ---- */

/* A delegation code: 1 to 15 of A-Z 0-9 _ -, upper-cased into out[16]. */
static bool code_normalise(const char *s, char *out)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char ch = s[i];

		if (i >= 15)
			return false;
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return false;
		out[i] = ch;
	}
	out[i] = '\0';
	return i > 0;
}

/* yes/no in English or French: 1, 0, or -1 when neither. */
static int parse_yes_no(const char *s)
{
	if (str_ieq(s, "yes") || str_ieq(s, "oui") || str_eq(s, "1") || str_ieq(s, "true"))
		return 1;
	if (str_ieq(s, "no") || str_ieq(s, "non") || str_eq(s, "0") || str_ieq(s, "false"))
		return 0;
	return -1;
}

static bool email_valid(const char *s)
{
	const char *at = strchr(s, '@');

	if (!*s)
		return true;
	return at && at != s && at[1] && !strchr(at + 1, '@') && !strpbrk(s, " \t\"<>,;") &&
	       strlen(s) <= EMAIL_MAX;
}

/* A delegate of the delegation, by name: exact, else the only one equal
 * ignoring ASCII case. Returns its id with its stored name in name_out
 * and presence in *present, or 0 with msg set. */
static long long find_delegate(struct cmd_ctx *c, long long deleg, const char *name,
			       char *name_out, size_t size, bool *present)
{
	struct dbq *q = db_query(c->db, "SELECT id, name, present, name = ?3 FROM delegate"
					" WHERE session_id = ?1 AND delegation_id = ?2"
					" AND name = ?3 COLLATE NOCASE ORDER BY name = ?3 DESC LIMIT 2",
				 "iit", c->session, deleg, name);
	long long id = 0;
	int rows = 0;
	bool exact = false;

	if (!q) {
		cmd_db_err(c);
		return 0;
	}
	while (dbq_step(q) == DB_ROW) {
		if (rows++ == 0) {
			id = dbq_int(q, 0);
			str_copy(name_out, dbq_text(q, 1), size);
			if (present)
				*present = dbq_int(q, 2) != 0;
			exact = dbq_int(q, 3) != 0;
		}
	}
	dbq_reset(q);
	if (!id)
		cmd_err(c, _("%s has no delegate named \"%s\""), c->delegation, name);
	else if (rows > 1 && !exact) {
		cmd_err(c, _("%s: several delegates match \"%s\"; type the name exactly"),
			c->delegation, name);
		id = 0;
	}
	return id;
}

/* Take the head flag from the other delegates of the delegation; the name
 * of the previous head (malloc'd) or NULL. *rc < 0 on a db error. */
static char *head_take(struct cmd_ctx *c, long long deleg, long long keep, int *rc)
{
	char *old = db_text(c->db, "SELECT name FROM delegate WHERE session_id = ?"
				   " AND delegation_id = ? AND head = 1 AND id != ? LIMIT 1",
			    "iii", c->session, deleg, keep);

	*rc = DB_OK;
	if (old)
		*rc = db_run(c->db, "UPDATE delegate SET head = 0 WHERE session_id = ?"
				    " AND delegation_id = ? AND head = 1 AND id != ?",
			     "iii", c->session, deleg, keep);
	return old;
}

/* ---- delegation+ ---- */

int cmd_delegation_add(struct cmd_ctx *c)
{
	char code[16];
	const char *type = c->argv[2], *name = c->argv[3];
	long long process;
	char *existing;

	if (!code_normalise(c->argv[1], code))
		return cmd_err(c, _("code: 1 to 15 letters, digits, _ or -, not %s"), c->argv[1]);
	if (rules_deleg_type(type) == DT_INVALID)
		return cmd_err(c, _("type: expected member, observer_state or observer_org, not %s"),
			       type);
	if (session_check_text(c, _("name"), name, NAME_MAX_BYTES, true) != 0)
		return -1;
	process = db_int(c->db, 0, "SELECT process_id FROM session WHERE id = ?", "i", c->session);
	existing = db_text(c->db, "SELECT type FROM delegation WHERE process_id = ?"
				  " AND code = ? COLLATE NOCASE", "it", process, code);
	if (existing) {
		int rc = cmd_err(c, _("delegation %s already exists (%s)"), code,
				 attendance_type_label(existing));
		free(existing);
		return rc;
	}
	if (db_run(c->db, "INSERT INTO delegation (process_id, code, type, name_fr, name_en)"
			  " VALUES (?, ?, ?, ?, '')", "ittt", process, code, type, name) != DB_OK)
		return cmd_db_err(c);
	str_copy(c->delegation, code, sizeof c->delegation);
	c->after = xasprintf("code=%s; type=%s; name=%s", code, type, name);
	cmd_event(c, "delegation.added", "sss", code, name, type);
	return cmd_ok(c, ANS_DELEGATION_ADDED, code);
}

/* ---- delegate+ / delegate- ---- */

/* What delegate+ takes after CATEGORY: ["FUNCTION"] [head] (the older
 * form, kept for scripts) and, anywhere among them, --function F,
 * --entity E and --email M: a delegate with every field of the form in
 * one command. */
struct delegate_new {
	const char *function, *entity, *email;
	bool head;
};

static int delegate_new_args(struct cmd_ctx *c, struct delegate_new *d)
{
	const char *pos[2], *fn_opt = NULL;
	int npos = 0;

	*d = (struct delegate_new){ .function = "", .entity = "", .email = "" };
	for (int i = 5; i < c->argc; i++) {
		const char *a = c->argv[i], **opt = str_eq(a, "--function") ? &fn_opt
						 : str_eq(a, "--entity") ? &d->entity
						 : str_eq(a, "--email")  ? &d->email : NULL;

		if (opt && i + 1 >= c->argc)
			return cmd_err(c, _("%s needs a value"), a);
		if (opt)
			*opt = c->argv[++i];
		else if (npos < 2)
			pos[npos++] = a;
		else
			return cmd_err(c, _("unexpected word %s"), a);
	}
	if (npos == 2 && !str_ieq(pos[1], "head"))
		return cmd_err(c, _("expected head as the last word, not %s"), pos[1]);
	d->head = npos > 0 && str_ieq(pos[npos - 1], "head");
	if (npos == 2 || (npos == 1 && !d->head))
		d->function = pos[0];
	if (fn_opt && *d->function)
		return cmd_err(c, "%s", _("function given twice"));
	if (fn_opt)
		d->function = fn_opt;
	if (session_check_text(c, _("function"), d->function, FUNCTION_MAX, false) != 0 ||
	    session_check_text(c, _("entity"), d->entity, ENTITY_MAX, false) != 0)
		return -1;
	if (!email_valid(d->email))
		return cmd_err(c, _("email: not an e-mail address: %s"), d->email);
	return 0;
}

/* Store the delegate d named name in deleg (level and category as codes),
 * taking the head flag from the previous head (its name into *old_head). */
static int delegate_insert(struct cmd_ctx *c, long long deleg, const char *name,
			   const char *level, const char *category, const struct delegate_new *d,
			   char **old_head)
{
	int dbrc = DB_OK;

	if (d->head)
		*old_head = head_take(c, deleg, 0, &dbrc);
	if (dbrc != DB_OK ||
	    db_run(c->db, "INSERT INTO delegate (session_id, delegation_id, name, function, level,"
			  " category, head, entity, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		   "iittttitt", c->session, deleg, name, d->function, level, category,
		   (long long)d->head, d->entity, d->email) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

int cmd_delegate_add(struct cmd_ctx *c)
{
	const char *name = c->argv[2];
	char *level = NULL, *category = NULL, *old_head = NULL;
	struct delegate_new d;
	long long deleg;
	int rc = -1;

	if (!(deleg = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if (session_check_text(c, _("name"), name, NAME_MAX_BYTES, true) != 0 ||
	    delegate_new_args(c, &d) != 0)
		return -1;
	if (!(level = attendance_level_code(c->db, c->argv[3]))) {
		rc = cmd_err(c, _("level: unknown level %s"), c->argv[3]);
		goto out;
	}
	if (!(category = attendance_category_code(c->db, c->argv[4]))) {
		rc = cmd_err(c, _("category: unknown entity category %s"), c->argv[4]);
		goto out;
	}
	if (db_int(c->db, 0, "SELECT 1 FROM delegate WHERE session_id = ? AND delegation_id = ?"
			     " AND name = ?", "iit", c->session, deleg, name)) {
		rc = cmd_err(c, _("%s already has a delegate named \"%s\""), c->delegation, name);
		goto out;
	}
	if (delegate_insert(c, deleg, name, level, category, &d, &old_head) != 0)
		goto out;
	if (old_head)
		c->before = xasprintf("head=%s", old_head);
	c->after = xasprintf("name=%s; level=%s; category=%s; function=%s; head=%s; entity=%s; "
			     "email=%s", name, level, category, d.function, d.head ? "yes" : "no",
			     d.entity, d.email);
	cmd_event(c, "delegate.added", "ssssisss", c->delegation, name, level, category,
		  (long long)d.head, d.function, d.entity, d.email);
	if (old_head)
		rc = cmd_ok(c, ANS_DELEGATE_ADDED_HEAD,
			    c->delegation, name, old_head);
	else
		rc = cmd_ok(c, ANS_DELEGATE_ADDED, c->delegation, name);
out:
	free(level);
	free(category);
	free(old_head);
	return rc;
}

int cmd_delegate_del(struct cmd_ctx *c)
{
	char name[256];
	long long deleg, id;
	struct dbq *q;

	if (!(deleg = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if (!(id = find_delegate(c, deleg, c->argv[2], name, sizeof name, NULL)))
		return -1;
	q = db_query(c->db, "SELECT level, category, function, head, present FROM delegate"
			    " WHERE id = ?", "i", id);
	if (q && dbq_step(q) == DB_ROW)
		c->before = xasprintf("name=%s; level=%s; category=%s; function=%s; head=%s; "
				      "present=%s", name, dbq_text(q, 0), dbq_text(q, 1),
				      dbq_text(q, 2), dbq_int(q, 3) ? "yes" : "no",
				      dbq_int(q, 4) ? "yes" : "no");
	if (q)
		dbq_reset(q);
	if (db_run(c->db, "DELETE FROM delegate WHERE id = ?", "i", id) != DB_OK)
		return cmd_db_err(c);
	cmd_event(c, "delegate.removed", "ss", c->delegation, name);
	return cmd_ok(c, ANS_DELEGATE_REMOVED, c->delegation, name);
}

/* ---- delegate= ---- */

/* The fields of a delegate that delegate= changes (delegate_value checks
 * the typed value of those that need it). */
static const struct edit_field delegate_fields[] = {
	{ "name", N_("name") }, { "function", N_("function") }, { "level", N_("level") },
	{ "entity", N_("entity") }, { "category", N_("category") },
	{ "head", N_("head of delegation") }, { "email", N_("email") }, { NULL, NULL },
};
const struct edit_fields attendance_delegate_fields = {
	delegate_fields, sizeof delegate_fields[0]
};

/* The stored value of a field, as text (head: yes/no). The column is
 * chosen inside the SQL by the field name, bound as a parameter. */
static char *field_read(struct db *db, long long id, const char *field)
{
	return db_text(db, "SELECT CASE ?1 WHEN 'name' THEN name WHEN 'function' THEN function"
			   " WHEN 'level' THEN level WHEN 'entity' THEN entity"
			   " WHEN 'category' THEN category WHEN 'email' THEN email"
			   " WHEN 'head' THEN CASE head WHEN 1 THEN 'yes' ELSE 'no' END END"
			   " FROM delegate WHERE id = ?2", "ti", field, id);
}

/* Store value in a field (head: "1" or "0"). */
static int field_write(struct db *db, long long id, const char *field, const char *value)
{
	return db_run(db, "UPDATE delegate SET"
			  " name = CASE ?1 WHEN 'name' THEN ?2 ELSE name END,"
			  " function = CASE ?1 WHEN 'function' THEN ?2 ELSE function END,"
			  " level = CASE ?1 WHEN 'level' THEN ?2 ELSE level END,"
			  " entity = CASE ?1 WHEN 'entity' THEN ?2 ELSE entity END,"
			  " category = CASE ?1 WHEN 'category' THEN ?2 ELSE category END,"
			  " email = CASE ?1 WHEN 'email' THEN ?2 ELSE email END,"
			  " head = CASE ?1 WHEN 'head' THEN CAST(?2 AS INTEGER) ELSE head END"
			  " WHERE id = ?3", "tti", field, value, id);
}

/* Turn the typed value of field f into what is stored (malloc'd), or
 * return NULL with msg set. */
static char *delegate_value(struct cmd_ctx *c, const struct edit_field *f, long long deleg,
			    long long id, const char *v)
{
	const char *n = f->code;
	int yes;

	if (str_eq(n, "name")) {
		if (session_check_text(c, _("name"), v, NAME_MAX_BYTES, true) != 0)
			return NULL;
		if (db_int(c->db, 0, "SELECT 1 FROM delegate WHERE session_id = ? AND"
				     " delegation_id = ? AND name = ? AND id != ?", "iiti",
			   c->session, deleg, v, id)) {
			cmd_err(c, _("%s already has a delegate named \"%s\""), c->delegation, v);
			return NULL;
		}
	} else if (str_eq(n, "function") || str_eq(n, "entity")) {
		if (session_check_text(c, n, v, str_eq(n, "entity") ? ENTITY_MAX : FUNCTION_MAX, false) != 0)
			return NULL;
	} else if (str_eq(n, "level")) {
		char *code = attendance_level_code(c->db, v);
		if (!code)
			cmd_err(c, _("level: unknown level %s"), v);
		return code;
	} else if (str_eq(n, "category")) {
		char *code = attendance_category_code(c->db, v);
		if (!code)
			cmd_err(c, _("category: unknown entity category %s"), v);
		return code;
	} else if (str_eq(n, "head")) {
		if ((yes = parse_yes_no(v)) < 0) {
			cmd_err(c, _("head: expected yes or no, not %s"), v);
			return NULL;
		}
		return xstrdup(yes ? "yes" : "no");
	} else if (str_eq(n, "email")) {
		if (!email_valid(v)) {
			cmd_err(c, _("email: not an e-mail address: %s"), v);
			return NULL;
		}
	}
	return xstrdup(v);
}

int cmd_delegate_edit(struct cmd_ctx *c)
{
	const struct edit_field *f;
	const char *field = str_eq(c->argv[3], "entity_category") ? "category" : c->argv[3];
	char name[256], *value = NULL, *old = NULL, *old_head = NULL;
	long long deleg, id;
	int rc = -1, dbrc = DB_OK;

	if (!(f = edit_field_find(attendance_delegate_fields, field)))
		return cmd_err(c, _("unknown field %s (name, function, level, entity, category, "
				    "head, email)"), c->argv[3]);
	if (!(deleg = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if (!(id = find_delegate(c, deleg, c->argv[2], name, sizeof name, NULL)))
		return -1;
	if (!(value = delegate_value(c, f, deleg, id, c->argv[4])))
		return -1;
	old = field_read(c->db, id, f->code);
	if (str_eq(f->code, "head")) {
		if (str_eq(value, "yes"))
			old_head = head_take(c, deleg, id, &dbrc);
		if (dbrc == DB_OK)
			dbrc = field_write(c->db, id, "head", str_eq(value, "yes") ? "1" : "0");
	} else {
		dbrc = field_write(c->db, id, f->code, value);
	}
	if (dbrc != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	if (old_head)
		c->before = xasprintf("%s=%s; head of delegation=%s", f->code, old ? old : "",
				      old_head);
	else
		c->before = xasprintf("%s=%s", f->code, old ? old : "");
	c->after = xasprintf("%s=%s", f->code, value);
	cmd_event(c, "delegate.changed", "sssss", c->delegation, name, f->code, old, value);
	if (old_head)
		rc = cmd_ok(c, ANS_DELEGATE_HEAD, c->delegation,
			    str_eq(f->code, "name") ? value : name, old_head);
	else
		rc = cmd_ok(c, ANS_DELEGATE_CHANGED, c->delegation,
			    str_eq(f->code, "name") ? value : name, f->code, value);
out:
	free(value);
	free(old);
	free(old_head);
	return rc;
}

/* ---- present+ / present- ---- */

/* Append s to the malloc'd list *l, separated by ", ". */
static void list_add(char **l, const char *s)
{
	char *n = *l ? xasprintf("%s, %s", *l, s) : xstrdup(s);

	free(*l);
	*l = n;
}

/* The names of the delegates of deleg whose presence is not `on`. */
static int names_to_change(struct cmd_ctx *c, long long deleg, bool on, char **list, int *n)
{
	struct dbq *q = db_query(c->db, "SELECT name FROM delegate WHERE session_id = ?"
					" AND delegation_id = ? AND present = ? ORDER BY name",
				 "iii", c->session, deleg, on ? 0LL : 1LL);
	int rc;

	*list = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(c->db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		list_add(list, dbq_text(q, 0));
		(*n)++;
	}
	dbq_reset(q);
	return rc == DB_DONE ? 0 : rc;
}


static int presence(struct cmd_ctx *c, bool on)
{
	struct check_row before, after;
	char type[24], now[32], name[256], *list = NULL;
	const char *r4_before = "", *r4_after = "";
	long long deleg, id = 0, present_now, total;
	bool member, was = false;
	int n = 0, rc;

	if (!(deleg = cmd_delegation(c, c->argv[1], type, sizeof type)))
		return -1;
	member = str_eq(type, "member") &&
		 attendance_check_delegation(c->db, c->session, deleg, &before) == 0;
	cmd_now(now, sizeof now);
	if (c->argc == 3) {
		if (!(id = find_delegate(c, deleg, c->argv[2], name, sizeof name, &was)))
			return -1;
		if (was == on)
			return cmd_err(c, on ? _("%s \"%s\" is already present")
					     : _("%s \"%s\" is already absent"), c->delegation, name);
		list = xstrdup(name);
		n = 1;
		rc = on ? db_run(c->db, "UPDATE delegate SET present = 1, arrived ="
					" coalesce(arrived, ?), left_at = NULL WHERE id = ?", "ti", now, id)
			: db_run(c->db, "UPDATE delegate SET present = 0, left_at = ? WHERE id = ?",
				 "ti", now, id);
	} else {
		total = db_int(c->db, 0, "SELECT count(*) FROM delegate WHERE session_id = ?"
					 " AND delegation_id = ?", "ii", c->session, deleg);
		if (!total)
			return cmd_err(c, _("%s has no delegate in this session (delegate+ first)"),
				       c->delegation);
		if ((rc = names_to_change(c, deleg, on, &list, &n)) != 0)
			return cmd_db_err(c);
		if (!n)
			return cmd_err(c, on ? _("every delegate of %s is already present")
					     : _("no delegate of %s is present"), c->delegation);
		rc = on ? db_run(c->db, "UPDATE delegate SET present = 1, arrived ="
					" coalesce(arrived, ?), left_at = NULL WHERE session_id = ?"
					" AND delegation_id = ? AND present = 0", "tii", now,
				 c->session, deleg)
			: db_run(c->db, "UPDATE delegate SET present = 0, left_at = ?"
					" WHERE session_id = ? AND delegation_id = ? AND present = 1",
				 "tii", now, c->session, deleg);
	}
	if (rc != DB_OK) {
		free(list);
		return cmd_db_err(c);
	}
	/* The R4 result before and after: the minutes say when it changed. */
	if (member && before.applied &&
	    attendance_check_delegation(c->db, c->session, deleg, &after) == 0) {
		r4_before = rules_r4_code(before.r4.result);
		r4_after = rules_r4_code(after.r4.result);
	}
	c->before = xasprintf("%s: %s", on ? "absent" : "present", list);
	c->after = xasprintf("%s: %s", on ? "present" : "absent", list);
	cmd_event(c, on ? "present.arrived" : "present.left", "ssss", c->delegation, list,
		  r4_before, r4_after);
	free(list);
	present_now = db_int(c->db, 0, "SELECT count(*) FROM delegate WHERE session_id = ?"
				       " AND delegation_id = ? AND present = 1", "ii",
			     c->session, deleg);
	total = db_int(c->db, 0, "SELECT count(*) FROM delegate WHERE session_id = ?"
				 " AND delegation_id = ?", "ii", c->session, deleg);
	if (id)
		return on ? cmd_okn(c, ANS_PRESENT_ONE, total, c->delegation, name, present_now,
				    total)
			  : cmd_okn(c, ANS_ABSENT_ONE, total, c->delegation, name, present_now,
				    total);
	return on ? cmd_okn(c, ANS_PRESENT_ALL, total, c->delegation, total)
		  : cmd_okn(c, ANS_ABSENT_ALL, total, c->delegation, total);
}

int cmd_present_add(struct cmd_ctx *c)
{
	return presence(c, true);
}

int cmd_present_del(struct cmd_ctx *c)
{
	return presence(c, false);
}

/* ---- check ---- */

/* The check in one line when it fits: "COM OK; MDG LEVEL; …". With many
 * member states (175 at IDM) it does not: the counts per result and the
 * first states not OK instead (rapporteur check lists every one). */
static void check_line(const struct check_row *rows, size_t n, const char *counts, char *line,
		       size_t size)
{
	int count[4] = { 0 };
	size_t len = 0;

	line[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)str_printf(line + len, size - len, "%s%s %s%s", i ? "; " : "",
					  rows[i].code, rules_r4_code(rows[i].r4.result),
					  rows[i].r4.no_head ? " NO_HEAD" : "");
	if (len < size - 1)
		return;
	for (size_t i = 0; i < n; i++)
		if ((unsigned)rows[i].r4.result < ARRAY_SIZE(count))
			count[rows[i].r4.result]++;
	len = (size_t)str_printf(line, size, counts, count[R4_OK], count[R4_ABSENT],
				 count[R4_LEVEL], count[R4_ENTITY], n);
	for (size_t i = 0; i < n; i++) {
		if (rows[i].r4.result == R4_OK)
			continue;
		if (len + strlen(rows[i].code) + 6 >= size) {
			str_copy(line + len, " …", size - len);
			break;
		}
		len += (size_t)str_printf(line + len, size - len, " %s", rows[i].code);
	}
}

int cmd_check(struct cmd_ctx *c)
{
	struct check_row *rows;
	char line[sizeof c->msg - 8], said[sizeof c->said - 8];
	size_t n;

	if (attendance_check(c->db, c->session, &rows, &n) != 0)
		return cmd_db_err(c);
	if (n && !rows[0].applied) {
		free(rows);
		return cmd_ok(c, ANS_CHECK_OFF);
	}
	check_line(rows, n, ANS_CHECK_COUNTS, line, sizeof line);
	check_line(rows, n, _(ANS_CHECK_COUNTS), said, sizeof said);
	free(rows);
	if (!n)
		return cmd_ok(c, ANS_CHECK_NONE);
	cmd_ok(c, ANS_CHECK, line);
	return cmd_said(c, ANS_CHECK, said);
}
