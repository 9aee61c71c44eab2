/*
 * edit_field.c — lookups in a correction command's field table (edit_field.h).
 */
#include "edit_field.h"

#include <string.h>

#include "i18n.h"

const struct edit_field *edit_field_at(struct edit_fields t, size_t i)
{
	return (const struct edit_field *)((const char *)t.rows + i * t.size);
}

const struct edit_field *edit_field_find(struct edit_fields t, const char *code)
{
	const struct edit_field *f;

	for (size_t i = 0; (f = edit_field_at(t, i))->code; i++)
		if (strcmp(f->code, code) == 0)
			return f;
	return NULL;
}

const char *edit_field_label(struct edit_fields t, const char *code)
{
	const struct edit_field *f = edit_field_find(t, code);

	return f ? _(f->label) : code;
}
