/*
 * event.c — a journal event written as a JSON array (see event.h). The
 * journal stores it through SQLite's json(), which checks it.
 */
#include "event.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Append s to the JSON text being built as a string. */
static void json_string(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t need = *len + strlen(s) * 6 + 3;

	if (need > *cap) {
		*cap = need * 2;
		*buf = xrealloc(*buf, *cap);
	}
	(*buf)[(*len)++] = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			(*buf)[(*len)++] = '\\';
			(*buf)[(*len)++] = (char)*p;
		} else if (*p < 0x20) {
			*len += (size_t)str_printf(*buf + *len, 7, "\\u%04x", *p);
		} else {
			(*buf)[(*len)++] = (char)*p;
		}
	}
	(*buf)[(*len)++] = '"';
	(*buf)[*len] = '\0';
}

char *event_json(const struct event *e, unsigned numbers)
{
	size_t len = 1, cap = 64;
	char *buf = xmalloc(cap);

	assert(e->code && e->n >= 0 && e->n <= EVENT_ARGS_MAX);
	buf[0] = '[';
	json_string(&buf, &len, &cap, e->code);
	for (int i = 0; i < e->n; i++) {
		const char *a = e->arg[i] ? e->arg[i] : "";
		char *end = NULL;
		bool num = false;

		if ((numbers & (1u << i)) && *a) {
			strtoll(a, &end, 10);
			num = *end == '\0';
		}

		if (len + 2 > cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		buf[len++] = ',';
		buf[len] = '\0';
		if (num) {
			size_t n = strlen(a);
			if (len + n + 2 > cap) {
				cap = (len + n + 2) * 2;
				buf = xrealloc(buf, cap);
			}
			memcpy(buf + len, a, n + 1);
			len += n;
		} else {
			json_string(&buf, &len, &cap, a);
		}
	}
	if (len + 2 > cap)
		buf = xrealloc(buf, len + 2);
	buf[len++] = ']';
	buf[len] = '\0';
	return buf;
}
