/*
 * zip_lazy.c — libzip loaded when an ODT report is written, not at start.
 *
 * libzip pulls in libcrypto, libbz2 and libz: about 1.7 MB of resident
 * pages in every process that links it, which the screen (memory bar of
 * DESIGN §7, 6 MB at 200×60) and the CLI never use. The program is not
 * linked with libzip; these functions, with libzip's own names and
 * prototypes (zip.h, so the compiler checks them), dlopen it on the first
 * call and forward. When it cannot be loaded, zip_open fails with
 * ZIP_ER_INTERNAL and the error text says that libzip is missing.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <zip.h>

#include "i18n.h"
#include "lazy.h"

static void *lib;
static int tried;

static struct {
	zip_t *(*open)(const char *, int, int *);
	int (*close)(zip_t *);
	void (*discard)(zip_t *);
	void (*error_fini)(zip_error_t *);
	void (*error_init_with_code)(zip_error_t *, int);
	const char *(*error_strerror)(zip_error_t *);
	zip_int64_t (*file_add)(zip_t *, const char *, zip_source_t *, zip_flags_t);
	int (*file_set_mtime)(zip_t *, zip_uint64_t, time_t, zip_flags_t);
	zip_error_t *(*get_error)(zip_t *);
	int (*set_file_compression)(zip_t *, zip_uint64_t, zip_int32_t, zip_uint32_t);
	zip_source_t *(*source_buffer)(zip_t *, const void *, zip_uint64_t, int);
	zip_source_t *(*source_filep)(zip_t *, FILE *, zip_uint64_t, zip_int64_t);
	void (*source_free)(zip_source_t *);
} fn;

#define SYM(f) lazy_sym(lib, &fn.f, sizeof fn.f, "zip_" #f)

static int load(void)
{
	if (tried)
		return lib ? 0 : -1;
	tried = 1;
	lib = lazy_open((const char *const[]){ "libzip.so.4", "libzip.so", NULL });
	if (lib && (SYM(open) || SYM(close) || SYM(discard) || SYM(error_fini) ||
		    SYM(error_init_with_code) || SYM(error_strerror) || SYM(file_add) ||
		    SYM(file_set_mtime) || SYM(get_error) || SYM(set_file_compression) ||
		    SYM(source_buffer) || SYM(source_filep) || SYM(source_free))) {
		dlclose(lib);
		lib = NULL;
	}
	return lib ? 0 : -1;
}

zip_t *zip_open(const char *path, int flags, int *errorp)
{
	if (load() != 0) {
		if (errorp)
			*errorp = ZIP_ER_INTERNAL;
		return NULL;
	}
	return fn.open(path, flags, errorp);
}

/* Only reached with a zip_t that zip_open made: the library is loaded. */
int zip_close(zip_t *z)
{
	return fn.close(z);
}

void zip_discard(zip_t *z)
{
	fn.discard(z);
}

zip_error_t *zip_get_error(zip_t *z)
{
	return fn.get_error(z);
}

zip_int64_t zip_file_add(zip_t *z, const char *name, zip_source_t *src, zip_flags_t flags)
{
	return fn.file_add(z, name, src, flags);
}

int zip_file_set_mtime(zip_t *z, zip_uint64_t i, time_t t, zip_flags_t flags)
{
	return fn.file_set_mtime(z, i, t, flags);
}

int zip_set_file_compression(zip_t *z, zip_uint64_t i, zip_int32_t m, zip_uint32_t level)
{
	return fn.set_file_compression(z, i, m, level);
}

zip_source_t *zip_source_buffer(zip_t *z, const void *data, zip_uint64_t len, int freep)
{
	return fn.source_buffer(z, data, len, freep);
}

zip_source_t *zip_source_filep(zip_t *z, FILE *f, zip_uint64_t start, zip_int64_t len)
{
	return fn.source_filep(z, f, start, len);
}

void zip_source_free(zip_source_t *src)
{
	if (src)
		fn.source_free(src);
}

/* The error helpers also run after a failed load (zip_open's error). */
void zip_error_init_with_code(zip_error_t *e, int code)
{
	if (load() == 0) {
		fn.error_init_with_code(e, code);
		return;
	}
	e->zip_err = code;
	e->sys_err = 0;
	e->str = NULL;
}

void zip_error_fini(zip_error_t *e)
{
	if (lib)
		fn.error_fini(e);
}

const char *zip_error_strerror(zip_error_t *e)
{
	if (load() == 0)
		return fn.error_strerror(e);
	(void)e;
	return _("libzip (libzip.so.4) could not be loaded");
}
