/*
 * role.h — who is at this terminal (issue 15, DESIGN §8 "Remote"): the
 * person (--as NAME) and the role (--role rapporteur|secretariat|chair|
 * delegation:CODE|follower). Both come only from the program's own command
 * line — an SSH forced command in authorized_keys — and nothing typed at
 * `:`, in a script or to `follow` can change them.
 *
 * role_check() is the one place that says what a role may run: command_exec
 * calls it for every command, so keys, `:`, `run` and `follow` are checked
 * alike, and the screens ask role_allows() to leave out of their hints and
 * help the keys the role may not use.
 */
#ifndef RAPPORTEUR_ROLE_H
#define RAPPORTEUR_ROLE_H

#include <stdbool.h>
#include <stddef.h>

struct command_def;

enum role_kind {
	RK_NONE = 0,    /* no --role: every command (the program run locally) */
	RK_RAPPORTEUR,  /* every command */
	RK_SECRETARIAT, /* every command */
	RK_CHAIR,       /* agenda and floor; reads everything */
	RK_DELEGATION,  /* requests and withdraws the floor for its own code */
	RK_FOLLOWER,    /* reads only */
};

#define ROLE_CODE_MAX 15

struct role {
	enum role_kind kind;
	char code[ROLE_CODE_MAX + 1]; /* RK_DELEGATION: the delegation's code, upper case */
};

/* Parse the value of --role. 0, or -1 when it is not one of the forms. */
int role_parse(const char *s, struct role *out);
/* The role as written on the command line ("delegation:MUS"), "" for
 * RK_NONE. Into buf (at least 32 bytes); returns buf. */
char *role_name(const struct role *r, char *buf, size_t size);

/* May the role run command def at all (with some arguments)? For hints
 * and help. RK_NONE, rapporteur and secretariat: always. */
bool role_allows(const struct role *r, const struct command_def *def);

/* The check for one command line (argv[0] is the command name, argc ≥ 1):
 * 0 when allowed, else -1 with one translated line in why naming the
 * role ("role delegation:MUS may not run adopt"). */
int role_check(const struct role *r, const struct command_def *def, int argc, char **argv,
	       char *why, size_t size);

#endif
