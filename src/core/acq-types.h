/* acq-types.h — the names every layer of Acquis shares: who uses it, and the DP's rubrics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like GNOME Text Editor's editor-types.h, this header holds no code and includes GLib only,
 * so that any folder of core, and the UI, may include it without standing on another feature.
 * Stored values: never reorder an enum.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who is using Acquis. Stored as integers (comments and versions keep their author's role). */
typedef enum
{
  ACQ_ROLE_CANDIDATE, /* candidat·e: one dossier, their own */
  ACQ_ROLE_COACH,     /* accompagnatrice: many candidates */
  ACQ_N_ROLES
} AcqRole;

/* The five rubrics of an example in the DP, in the DP's order. Stored as integers (comments
 * name their rubric). */
typedef enum
{
  ACQ_RUBRIC_TASKS,      /* tâches ou opérations effectuées, et dans quelles conditions */
  ACQ_RUBRIC_MEANS,      /* moyens utilisés */
  ACQ_RUBRIC_PARTNERS,   /* avec qui avez-vous travaillé ? */
  ACQ_RUBRIC_CONTEXT,    /* contexte : organisation, service */
  ACQ_RUBRIC_ADDITIONAL, /* informations complémentaires (facultatif) */
  ACQ_N_RUBRICS
} AcqRubric;

/* Each rubric's one name: its column in the sheet and sheet_version tables, the sheet's
 * property, its group in a guidance file and its unit in an exchange file. The store's
 * migrations spell them out, as they were when each migration was written. */
#define ACQ_RUBRIC_TASKS_NAME      "tasks"
#define ACQ_RUBRIC_MEANS_NAME      "means"
#define ACQ_RUBRIC_PARTNERS_NAME   "partners"
#define ACQ_RUBRIC_CONTEXT_NAME    "context"
#define ACQ_RUBRIC_ADDITIONAL_NAME "additional"

/* The rubrics' columns, in the order of AcqRubric, for a list of columns in SQL. */
#define ACQ_RUBRIC_COLUMNS                                                      \
  ACQ_RUBRIC_TASKS_NAME ", " ACQ_RUBRIC_MEANS_NAME ", " ACQ_RUBRIC_PARTNERS_NAME \
  ", " ACQ_RUBRIC_CONTEXT_NAME ", " ACQ_RUBRIC_ADDITIONAL_NAME

static inline const char *
acq_rubric_get_name (AcqRubric rubric)
{
  static const char *const names[ACQ_N_RUBRICS] = {
    ACQ_RUBRIC_TASKS_NAME, ACQ_RUBRIC_MEANS_NAME, ACQ_RUBRIC_PARTNERS_NAME,
    ACQ_RUBRIC_CONTEXT_NAME, ACQ_RUBRIC_ADDITIONAL_NAME,
  };

  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return names[rubric];
}

G_END_DECLS
