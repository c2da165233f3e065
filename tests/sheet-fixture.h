/* sheet-fixture.h — a store with one candidate and their sheets, for the sheets' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-candidate-list.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqCandidate     *candidate;
  AcqFiche         *fiche;
  AcqSheetList     *list;
  guint             changes;
} Fixture;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->changes++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  f->candidate = acq_candidate_list_create (f->candidates, "Hélène", "Dubois", &error);
  g_assert_no_error (error);
  f->fiche = acq_referential_load (f->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
  f->list = acq_sheet_list_new (f->store, f->candidate, &error);
  g_assert_no_error (error);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->list);
  g_clear_pointer (&f->fiche, acq_fiche_free);
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
}

static const AcqBlocDef *
bloc (Fixture *f, guint index)
{
  return g_ptr_array_index (f->fiche->blocs, index);
}

/* The uuid of competence @c (0-based) of bloc @b (0-based). */
static G_GNUC_UNUSED const char *
competence (Fixture *f, guint b, guint c)
{
  return g_ptr_array_index (bloc (f, b)->competence_uuids, c);
}

static G_GNUC_UNUSED AcqSheet *
make_sheet (Fixture *f, const char *title, const char *tasks)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (f->list, bloc (f, 0)->uuid, title, &error);

  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, tasks);
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  return sheet;
}
