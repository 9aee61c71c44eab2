/*
 * util.h — small helpers shared by every module: checked allocation,
 * bounded string copies, the clock (overridable for tests), ISO 8601 time
 * formatting, UTF-8 validation and the fatal-error exit.
 */
#ifndef RAPPORTEUR_UTIL_H
#define RAPPORTEUR_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: out-of-memory aborts (die), so callers never check. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);           /* NULL -> NULL */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void xfree(char **p);                    /* accepts NULL, clears *p */

/* Copy src into dst[size], always NUL-terminated, truncating at a UTF-8
 * character boundary. Returns strlen(src) (so truncation is detectable). */
size_t str_copy(char *dst, const char *src, size_t size);
/* snprintf that never overflows and returns the length written. */
int str_printf(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool str_eq(const char *a, const char *b);         /* NULL-safe */
bool str_ieq(const char *a, const char *b);        /* ASCII case-insensitive */
bool str_empty(const char *s);                     /* NULL or "" */
/* True when s is one of the codes of the NULL-terminated list. */
bool str_in(const char *const *list, const char *s);

/* UTF-8: true when s[0..n) is valid UTF-8 without NUL and without C0/C1
 * control characters other than tab and newline. */
bool utf8_valid(const char *s, size_t n);
/* Length (1–4) of the valid, shortest-form UTF-8 sequence at s (n bytes
 * left) with its code point in *cp; 0 when invalid or n == 0. */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);
/* Write code point cp (≤ U+10FFFF) as UTF-8 into out[4]; returns its length. */
size_t utf8_encode(unsigned cp, char *out);
bool utf8_is_clean_text(const char *s, size_t n, bool allow_newline);
/* True for the invisible characters that reorder or hide text on a
 * terminal: bidi controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069),
 * zero-width ones (U+200B–200D, U+2060–2064, U+FEFF) and U+00AD. */
bool utf8_is_invisible(unsigned cp);
/* Copy s[0..n) into dst[size] safe for a terminal and for one field of a
 * tab-separated line: invalid UTF-8, NUL and C0/C1 controls become '?',
 * tab, CR and LF a space, and the invisible characters are shown as
 * "<U+202E>". Never cuts a character. Returns dst. */
char *str_visible(char *dst, size_t size, const char *s, size_t n);
/* The same, malloc'd, never truncated. NULL -> "". */
char *str_visible_dup(const char *s);

/* Clock. clock_now() is real time unless RAPPORTEUR_NOW is set in the
 * environment (epoch seconds or ISO 8601) or clock_set() was called; each
 * is used by tests and by the `clock` command to replay a meeting. */
time_t clock_now(void);
void clock_set(time_t t);                /* 0 returns to real time */
/* Format t as local ISO 8601 with offset: 2026-11-23T09:30:00+04:00.
 * buf needs 32 bytes. Returns buf. */
char *time_iso(time_t t, char *buf, size_t size);
/* Local HH:MM of t into buf (6 bytes). */
char *time_hm(time_t t, char *buf, size_t size);
/* Parse ISO 8601 (with or without offset; date only = midnight local),
 * "HH:MM" (today) or epoch seconds. Returns -1 on error. */
time_t time_parse(const char *s);

/*
 * Time zones of a venue (a session's `tz`): an IANA name of the TZ
 * database ("Indian/Mauritius"), a fixed offset ("+04:00", "-03:30") or
 * "UTC". NULL or "" is the zone of this process (TZ), where the screens
 * and the exports show every time.
 */
bool tz_valid(const char *zone);
/* Switch this process to zone (the TZ variable; NULL or "" keeps it):
 * returns what to give to tz_pop to switch back (the previous TZ,
 * malloc'd, or NULL when unset). */
char *tz_push(const char *zone, bool *pushed);
void tz_pop(char *saved, bool pushed);
/* t as ISO 8601 with the offset of zone at t. buf needs 32 bytes. */
char *time_iso_in(time_t t, const char *zone, char *buf, size_t size);
/* As time_parse, but a date and time without an offset is a wall-clock
 * time of zone (an offset in s wins). -1 on error. */
time_t time_parse_in(const char *s, const char *zone);

/* Temporary files named PATH.tmp.PID (a first run, an export): remove
 * those whose process is gone (a kill -9 left them). A folder is removed
 * with the plain files it holds, only when it holds nothing else. Returns
 * the number removed. */
int stale_tmp_clean(const char *path);

/* The OS user name (for the journal). Never NULL. */
const char *os_user(void);

/* Print "rapporteur: MESSAGE" to stderr after restoring the terminal (a
 * hook set by the UI) and exit(2). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
extern void (*die_hook)(void);

#endif
