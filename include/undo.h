/*
 * undo.h — undo and redo of the changes made by this instance of the
 * program (DESIGN §8): "this terminal" is one run of rapporteur (one TUI,
 * one `run` script), whatever else writes to the same file.
 *
 * Every journaled command runs with a change capture on (db.h): the rows
 * it inserted, updated or deleted, with their old and new values, are
 * kept beside its journal row (table journal_change). `undo` applies the
 * inverse of the last change of this instance and `redo` the inverse of
 * the last undo; each is a new command with its own journal row ("undo
 * of …", before and after swapped) and its own change set, so nothing is
 * erased and an undo can itself be redone or undone. A revert is refused,
 * changing nothing, when a row no longer holds what the change left there
 * (another terminal changed it since) or when other records now depend
 * on what it would remove. Session commands (new, open, close, reopen)
 * end the history: they are not undone.
 */
#ifndef RAPPORTEUR_UNDO_H
#define RAPPORTEUR_UNDO_H

#include <stdbool.h>

struct cmd_ctx;
struct command_def;
struct undo_stack;

/* How many changes of this instance can be undone (the oldest go first). */
#define UNDO_DEPTH 200

enum undo_step { UNDO_NONE = 0, UNDO_BACK, UNDO_FORWARD };

/* command_exec's hooks around a journaled command: start capturing before
 * the handler; after its journal row (c->journal_seq), store the change
 * set; once committed, update this instance's history. */
int undo_capture_begin(struct cmd_ctx *c);
int undo_capture_save(struct cmd_ctx *c);
void undo_capture_cancel(struct cmd_ctx *c);
void undo_committed(struct cmd_ctx *c, const struct command_def *def);

/* How many steps undo and redo have (for hints and tests). */
int undo_depth(const struct undo_stack *u, bool redo);
void undo_free(struct undo_stack **u);

int cmd_undo(struct cmd_ctx *);   /* undo */
int cmd_redo(struct cmd_ctx *);   /* redo */

#endif
