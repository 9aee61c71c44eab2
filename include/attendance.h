/*
 * attendance.h — delegations, delegates, presence and the R4 check
 * (DESIGN R3, R4). Command handlers are declared in commands.h; this header
 * holds what screens and the exporter read.
 */
#ifndef RAPPORTEUR_ATTENDANCE_H
#define RAPPORTEUR_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>
#include "rules.h"

struct db;

/* One member state's R4 result, with a one-line explanation in the
 * interface language ("Madagascar: present delegates are Deputy Director
 * or below; Director required"). */
struct check_row {
	long long delegation_id;
	char code[16];
	char name[128];
	struct r4_outcome r4;
	char detail[256];
};

/* The R4 check of every member state of the session's process, in code
 * order. *rows is malloc'd (free()). Returns 0 or < 0 (db status). */
int attendance_check(struct db *db, long long session, struct check_row **rows, size_t *n);
/* "4/5" style counts: OK member states and all member states. */
int attendance_check_summary(struct db *db, long long session, int *ok, int *total);

#endif
