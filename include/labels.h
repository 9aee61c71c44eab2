/*
 * labels.h — the Spanish labels of the reference data (levels,
 * categories, processes, delegations, themes), registered with
 * i18n_label_es_add so that every reader's i18n_pick answers in Spanish.
 */
#ifndef RAPPORTEUR_LABELS_H
#define RAPPORTEUR_LABELS_H

struct db;

/* Load the Spanish labels of the database (replacing any loaded before).
 * Returns 0, or < 0 on a database error. */
int labels_load_es(struct db *db);

#endif
