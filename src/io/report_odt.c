/* report_odt.c — placeholder until libzip is installed */
#include <string.h>
#include "report.h"
#include "util.h"
int report_odt_open(struct report_out *o, const char *path, char *err, size_t errlen)
{
	(void)o, (void)path;
	str_copy(err, "ODT not built", errlen);
	return -1;
}
