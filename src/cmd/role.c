/*
 * role.c — what each role may run (role.h). One list per role, read by
 * role_allows() (hints and help) and role_check() (every command line, from
 * command_exec).
 */
#include "role.h"

#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "util.h"

static const char *const kind_names[] = {
	[RK_NONE] = "", [RK_RAPPORTEUR] = "rapporteur", [RK_SECRETARIAT] = "secretariat",
	[RK_CHAIR] = "chair", [RK_DELEGATION] = "delegation", [RK_FOLLOWER] = "follower",
};

/* The chair runs the agenda and the floor (DESIGN R8, R9). */
static const enum cmd_id chair_commands[] = {
	CMD_ITEM_ADD, CMD_ITEM_EDIT, CMD_START, CMD_END, CMD_SKIP, CMD_MOVE, CMD_RETIME,
	CMD_QUEUE_ADD, CMD_QUEUE_DEL, CMD_QUEUE_MOVE, CMD_FLOOR, CMD_YIELD,
};

/* A delegation asks for the floor and withdraws its request. */
static const enum cmd_id delegation_commands[] = { CMD_QUEUE_ADD, CMD_QUEUE_DEL };

/* Commands that change nothing in the record but act outside it: export
 * and report write files on the server, clock changes the times of what
 * follows. */
static const enum cmd_id outside_commands[] = { CMD_EXPORT, CMD_REPORT, CMD_CLOCK };

static bool in_list(enum cmd_id id, const enum cmd_id *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == id)
			return true;
	return false;
}

int role_parse(const char *s, struct role *out)
{
	memset(out, 0, sizeof *out);
	if (!s)
		return -1;
	if (strncmp(s, "delegation:", 11) == 0) {
		const char *code = s + 11;
		size_t n = strlen(code);

		if (n == 0 || n > ROLE_CODE_MAX)
			return -1;
		for (size_t i = 0; i < n; i++) {
			char ch = code[i];

			if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			      (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
				return -1;
			out->code[i] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch;
		}
		out->kind = RK_DELEGATION;
		return 0;
	}
	for (int k = RK_RAPPORTEUR; k <= RK_FOLLOWER; k++)
		if (k != RK_DELEGATION && strcmp(s, kind_names[k]) == 0) {
			out->kind = (enum role_kind)k;
			return 0;
		}
	return -1;
}

char *role_name(const struct role *r, char *buf, size_t size)
{
	if (r->kind == RK_DELEGATION)
		str_printf(buf, size, "delegation:%s", r->code);
	else
		str_copy(buf, kind_names[r->kind], size);
	return buf;
}

bool role_allows(const struct role *r, const struct command_def *def)
{
	enum cmd_id id = def->id;

	switch (r->kind) {
	case RK_NONE:
	case RK_RAPPORTEUR:
	case RK_SECRETARIAT:
		return true;
	default:
		break;
	}
	if (!(def->flags & CMD_WRITE) && !in_list(id, outside_commands, ARRAY_SIZE(outside_commands)))
		return true; /* reading is for everyone */
	switch (r->kind) {
	case RK_CHAIR:
		return in_list(id, chair_commands, ARRAY_SIZE(chair_commands));
	case RK_DELEGATION:
		return in_list(id, delegation_commands, ARRAY_SIZE(delegation_commands));
	default:
		return false;
	}
}

int role_check(const struct role *r, const struct command_def *def, int argc, char **argv,
	       char *why, size_t size)
{
	char name[32];

	if (!role_allows(r, def)) {
		str_printf(why, size, _("role %s may not run %s"), role_name(r, name, sizeof name),
			   def->name);
		return -1;
	}
	/* A delegation speaks for itself only: q+ CODE, q- CODE with its code. */
	if (r->kind == RK_DELEGATION && (def->flags & CMD_WRITE) &&
	    (argc < 2 || !str_ieq(argv[1], r->code))) {
		str_printf(why, size, _("role %s may request or withdraw the floor for %s only"),
			   role_name(r, name, sizeof name), r->code);
		return -1;
	}
	return 0;
}
