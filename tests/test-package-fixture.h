/* test-package-fixture.h — two sides of an exchange (a candidate's machine, a coach's), for the
 * package's and the merge's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "acq-candidate-list.h"
#include "acq-comment.h"
#include "acq-package-private.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-sheet-list.h"
#include "acq-sql-private.h"
#include "test-util.h"

#define PASSPHRASE "cheval correct pile agrafe"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqRole           role;
  AcqCandidateList *candidates;
  AcqFiche         *fiche;
  unsigned          files; /* files written, for their names */
} Side;

static inline void
side_init (Side *side, AcqRole role)
{
  g_autoptr (GError) error = NULL;

  /* The cheapest Argon2id: hundreds of files in a few seconds; the cost itself is libsodium's. */
  _acq_package_set_kdf_cost (1, 8192);
  side->role = role;
  side->store = test_store_open (&side->dir);
  g_assert_true (acq_referential_ensure_default (side->store, &error));
  g_assert_no_error (error);
  side->fiche = acq_referential_load (side->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
  side->candidates = test_candidate_list_new (side->store);
}

static inline void
side_clear (Side *side)
{
  g_clear_object (&side->candidates);
  g_clear_pointer (&side->fiche, acq_fiche_free);
  test_store_close (&side->store, &side->dir);
}

/* The candidate as stored now (the lists do not see an import: reload them). */
static inline AcqCandidate *
side_candidate (Side *side, const char *uuid)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&side->candidates);
  side->candidates = acq_candidate_list_new (side->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (side->candidates)); i++)
    {
      g_autoptr (AcqCandidate) candidate =
        g_list_model_get_item (G_LIST_MODEL (side->candidates), i);
      if (g_strcmp0 (acq_candidate_get_uuid (candidate), uuid) == 0)
        return candidate;
    }
  return NULL;
}

static inline AcqSheetList *
side_sheets (Side *side, const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = side_candidate (side, candidate_uuid);
  AcqSheetList *list;

  g_assert_nonnull (candidate);
  list = acq_sheet_list_new (side->store, candidate, &error);
  g_assert_no_error (error);
  return list;
}

static inline char *
side_export (Side *side, const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("out-%u.acquis", side->files++);
  char *path = g_build_filename (side->dir, name, NULL);

  g_assert_true (acq_package_export (side->store, candidate_uuid, side->role, PASSPHRASE, path,
                                     NULL, &error));
  g_assert_no_error (error);
  return path;
}

static inline AcqImportReport *
side_import (Side *side, const char *path)
{
  g_autoptr (GError) error = NULL;
  AcqImportReport *report = acq_package_import (side->store, path, PASSPHRASE, side->role, NULL,
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static inline guint
report_count (AcqImportReport *report, AcqImportItemKind kind)
{
  guint n = 0;

  for (guint i = 0; i < acq_import_report_get_n_items (report); i++)
    if (acq_import_report_get_item (report, i)->kind == kind)
      n++;
  return n;
}

static inline char *
side_query (Side *side, const char *sql)
{
  return test_query_text (side->store, sql);
}

static inline void
side_exec (Side *side, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_store_exec (side->store, sql, &error));
  g_assert_no_error (error);
}

/* The SHA-256 of every row of every table of the store. */
static inline char *
side_digest (Side *side)
{
  g_autoptr (GError) error = NULL;
  char *digest = _acq_package_content_digest (acq_store_get_db (side->store), "main", &error);

  g_assert_no_error (error);
  return digest;
}

static inline AcqSheet *
side_add_sheet (Side *side, AcqSheetList *list, const char *title, const char *tasks)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (list, NULL, title, &error);

  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, tasks);
  g_assert_true (acq_sheet_list_save (list, sheet, &error));
  g_assert_no_error (error);
  return sheet;
}

static inline void
side_set_rubric (Side *side, AcqSheetList *list, const char *sheet_uuid, AcqRubric rubric,
                 const char *text)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_find (list, sheet_uuid);

  g_assert_nonnull (sheet);
  acq_sheet_set_rubric (sheet, rubric, text);
  g_assert_true (acq_sheet_list_save (list, sheet, &error));
  g_assert_no_error (error);
}

static inline char *
sheet_rubric (Side *side, const char *sheet_uuid, const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM sheet WHERE uuid = '%s'", column,
                                          sheet_uuid);
  return side_query (side, sql);
}

/* Both sides of an exchange, and on the candidate's a candidate (Hélène Dubois) who wrote a
 * first sheet: their uuid in @out_uuid, the sheet's in @out_sheet_uuid. */
static inline void
sides_set_up (Side *candidate_side, Side *coach_side, const char *title, const char *tasks,
              char **out_uuid, char **out_sheet_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) list = NULL;
  AcqCandidate *candidate;
  AcqSheet *sheet;

  side_init (candidate_side, ACQ_ROLE_CANDIDATE);
  side_init (coach_side, ACQ_ROLE_COACH);
  candidate = acq_candidate_list_create (candidate_side->candidates, "Hélène", "Dubois", &error);
  g_assert_no_error (error);
  *out_uuid = g_strdup (acq_candidate_get_uuid (candidate));
  list = side_sheets (candidate_side, *out_uuid);
  sheet = side_add_sheet (candidate_side, list, title, tasks);
  *out_sheet_uuid = g_strdup (acq_sheet_get_uuid (sheet));
}
