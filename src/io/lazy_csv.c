/*
 * lazy_csv.c — libcsv loaded on the first CSV read or quoted cell written
 * (import, export), not at start: the screen and the other commands never
 * map it (16 KB resident at 200x60, with ld.so's work at each start). As
 * zip_lazy.c: the program is not linked with libcsv; these functions, with
 * libcsv's own names and prototypes (csv.h, so the compiler checks them),
 * dlopen it on the first call and forward. Without it the command stops
 * with an error naming the library (the package is a dependency).
 */
#include <dlfcn.h>
#include <stddef.h>
#include <csv.h>

#include "i18n.h"
#include "lazy.h"
#include "util.h"

static void *lib;

static struct {
	int (*init)(struct csv_parser *, unsigned char);
	int (*fini)(struct csv_parser *, void (*)(void *, size_t, void *), void (*)(int, void *), void *);
	void (*free)(struct csv_parser *);
	size_t (*parse)(struct csv_parser *, const void *, size_t, void (*)(void *, size_t, void *),
			void (*)(int, void *), void *);
	int (*fwrite)(FILE *, const void *, size_t);
	void (*set_blk_size)(struct csv_parser *, size_t);
	size_t (*get_buffer_size)(struct csv_parser *);
} fn;

#define SYM(f) lazy_sym(lib, &fn.f, sizeof fn.f, "csv_" #f)

static void load(void)
{
	const char *why;

	if (lib)
		return;
	lib = lazy_open((const char *const[]){ "libcsv.so.3", "libcsv.so", NULL });
	if (lib && !SYM(init) && !SYM(fini) && !SYM(free) && !SYM(parse) && !SYM(fwrite) &&
	    !SYM(set_blk_size) && !SYM(get_buffer_size))
		return;
	why = dlerror();
	die(_("libcsv (libcsv.so.3) could not be loaded: %s"), why ? why : "?");
}

/* Every parser starts here, and every write of a quoted cell calls
 * csv_fwrite: the other functions only run on a parser csv_init made. */
int csv_init(struct csv_parser *p, unsigned char options)
{
	load();
	return fn.init(p, options);
}

int csv_fwrite(FILE *fp, const void *src, size_t len)
{
	load();
	return fn.fwrite(fp, src, len);
}

int csv_fini(struct csv_parser *p, void (*cb1)(void *, size_t, void *), void (*cb2)(int, void *), void *data)
{
	return fn.fini(p, cb1, cb2, data);
}

void csv_free(struct csv_parser *p)
{
	fn.free(p);
}

size_t csv_parse(struct csv_parser *p, const void *s, size_t len, void (*cb1)(void *, size_t, void *),
		 void (*cb2)(int, void *), void *data)
{
	return fn.parse(p, s, len, cb1, cb2, data);
}

void csv_set_blk_size(struct csv_parser *p, size_t size)
{
	fn.set_blk_size(p, size);
}

size_t csv_get_buffer_size(struct csv_parser *p)
{
	return fn.get_buffer_size(p);
}
