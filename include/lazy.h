/*
 * lazy.h — a library loaded on its first use (dlopen) instead of at start:
 * libzip (src/io/zip_lazy.c) and libcsv (src/io/lazy_csv.c), which only
 * reports, import and export use. The screen (memory bar of DESIGN §7)
 * and the other commands never map their pages.
 */
#ifndef RAPPORTEUR_LAZY_H
#define RAPPORTEUR_LAZY_H

#include <stddef.h>

/* dlopen the first of `names` (NULL-terminated) that loads, RTLD_NOW. */
void *lazy_open(const char *const *names);
/* dlsym `name` of `lib` into the function pointer at `dst` (`size` bytes):
 * 0, or -1 when missing. */
int lazy_sym(void *lib, void *dst, size_t size, const char *name);

#endif
