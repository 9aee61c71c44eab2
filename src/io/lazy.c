/*
 * lazy.c — the dlopen and dlsym that zip_lazy.c and lazy_csv.c share.
 */
#include "lazy.h"

#include <dlfcn.h>

void *lazy_open(const char *const *names)
{
	void *lib = NULL;

	for (size_t i = 0; names[i] && !lib; i++)
		lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	return lib;
}

/* Through a byte copy, as ISO C has no cast between object and function
 * pointers. */
int lazy_sym(void *lib, void *dst, size_t size, const char *name)
{
	void *p = dlsym(lib, name);
	char *d = dst;
	const char *s = (const char *)&p;

	if (!p || size != sizeof p)
		return -1;
	for (size_t i = 0; i < size; i++)
		d[i] = s[i];
	return 0;
}
