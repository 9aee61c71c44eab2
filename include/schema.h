/*
 * schema.h — the ordered list of schema migrations applied by db.c.
 */
#ifndef RAPPORTEUR_SCHEMA_H
#define RAPPORTEUR_SCHEMA_H

extern const char *const schema_migrations[];
extern const int schema_migration_count;

#endif
