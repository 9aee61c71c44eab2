/*
 * edit_field.h — the fields a correction command changes, one table per
 * command (item=, delegate=, intervention=, rec=, set): the command
 * accepts the codes its table lists, and the minutes name a correction's
 * field by the table's label in the reader's language (minutes_render.c),
 * so a field is added in one place.
 *
 * A command's rows may carry more than the code and the label (the
 * function that sets the field): each row begins with a struct
 * edit_field, and the table is given by its rows and their size, as
 * bsearch takes an array. The last row's code is NULL.
 */
#ifndef RAPPORTEUR_EDIT_FIELD_H
#define RAPPORTEUR_EDIT_FIELD_H

#include <stddef.h>

struct edit_field {
	const char *code;   /* as typed after the command, and journaled */
	const char *label;  /* N_(): what the minutes call it */
};

/* A command's table: rows of `size` bytes, each a struct edit_field first. */
struct edit_fields {
	const void *rows;
	size_t size;
};

/* Row i of t (its code is NULL at the end). */
const struct edit_field *edit_field_at(struct edit_fields t, size_t i);

/* The row of t whose code is `code`, or NULL. */
const struct edit_field *edit_field_find(struct edit_fields t, const char *code);

/* The label of `code` in t in the current language, or `code` itself
 * when t does not list it (a journal row written by another version). */
const char *edit_field_label(struct edit_fields t, const char *code);

#endif
