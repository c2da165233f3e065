/* test-candidates.c — candidates in the store and in the list model, search and sort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-candidates"

#include "config.h"

#include "acq-candidate-dispense.h"
#include "acq-candidate-list.h"
#include "acq-demo.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "acq-text.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *list;
  guint             changes;
  guint             last_added;
  guint             last_removed;
} Fixture;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->changes++;
  f->last_added = added;
  f->last_removed = removed;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = test_store_open (&f->dir);
  f->list = test_candidate_list_new (f->store);
  g_signal_connect (f->list, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->list);
  test_store_close (&f->store, &f->dir);
}

static AcqCandidateList *
reload (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  AcqCandidateList *list = acq_candidate_list_new (f->store, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_create_and_reload (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  AcqCandidate *candidate, *loaded;
  const char *blocs[] = { NULL, NULL };

  candidate = acq_candidate_list_create (f->list, "Hélène", "Dubois", &error);
  g_assert_no_error (error);
  g_assert_nonnull (candidate);
  g_assert_cmpuint (g_strv_length ((GStrv) acq_candidate_get_targeted_blocs (candidate)), ==, 3);
  g_assert_nonnull (acq_candidate_get_stage_date (candidate));
  g_assert_nonnull (acq_candidate_get_created_at (candidate));

  fiche = acq_referential_load (f->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
  blocs[0] = ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 1))->uuid;
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_BIRTH_NAME, "Martin");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ACCOMMODATIONS, "Police adaptée");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, "1 rue X\n46000 Cahors");
  acq_candidate_set_stage (candidate, ACQ_STAGE_JURY);
  acq_candidate_set_stage_date (candidate, "2026-12-08");
  acq_candidate_set_situation (candidate, ACQ_SITUATION_VOLUNTEER_CARER);
  acq_candidate_set_funding (candidate, ACQ_FUNDING_OPCO);
  acq_candidate_set_targeted_blocs (candidate, blocs);
  g_assert_true (acq_candidate_list_save (f->list, candidate, &error));
  g_assert_no_error (error);

  again = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  loaded = acq_candidate_list_find (again, acq_candidate_get_uuid (candidate));
  g_assert_nonnull (loaded);
  g_assert_true (loaded != candidate);
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    g_assert_cmpstr (acq_candidate_get_text (loaded, i), ==, acq_candidate_get_text (candidate, i));
  g_assert_cmpint (acq_candidate_get_stage (loaded), ==, ACQ_STAGE_JURY);
  g_assert_cmpstr (acq_candidate_get_stage_date (loaded), ==, "2026-12-08");
  g_assert_cmpint (acq_candidate_get_situation (loaded), ==, ACQ_SITUATION_VOLUNTEER_CARER);
  g_assert_cmpint (acq_candidate_get_funding (loaded), ==, ACQ_FUNDING_OPCO);
  g_assert_cmpuint (g_strv_length ((GStrv) acq_candidate_get_targeted_blocs (loaded)), ==, 1);
  g_assert_cmpstr (acq_candidate_get_targeted_blocs (loaded)[0], ==, blocs[0]);
  g_assert_cmpstr (acq_candidate_get_certification_uuid (loaded), ==, fiche->uuid);
  g_assert_cmpstr (acq_candidate_get_updated_at (loaded), ==,
                   acq_candidate_get_updated_at (candidate));
}

/* A fiche of two blocs imported from an export, as the import window stores it. */
static AcqFiche *
import_other_fiche (AcqStore *store)
{
  static const char xml[] =
    "<FICHES><FICHE><NUMERO_FICHE>RNCP90001</NUMERO_FICHE><INTITULE>Gestionnaire de paie"
    "</INTITULE><ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90001BC01</CODE><LIBELLE>Établir la paie</LIBELLE>"
    "<LISTE_COMPETENCES>C1.1 – Collecter les variables C1.2 – Établir les bulletins"
    "</LISTE_COMPETENCES></BLOC_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90001BC02</CODE><LIBELLE>Déclarer</LIBELLE>"
    "<LISTE_COMPETENCES>- Déclarer\n- Répondre</LISTE_COMPETENCES></BLOC_COMPETENCES>"
    "</BLOCS_COMPETENCES></FICHE></FICHES>";

  return test_import_fiche (store, xml, "RNCP90001");
}

/* A candidate created on an imported certification aims at its blocs; another certification
 * chosen later replaces the blocs aimed at; one the store lacks changes nothing. */
static void
test_certification_chosen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) other = import_other_fiche (f->store);
  g_autoptr (AcqFiche) shipped = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  AcqCandidate *candidate, *loaded;
  const char *const *blocs;

  candidate = acq_candidate_list_create_for (f->list, "Léa", "Morel", "RNCP90001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acq_candidate_get_certification_uuid (candidate), ==, other->uuid);
  blocs = acq_candidate_get_targeted_blocs (candidate);
  g_assert_cmpuint (g_strv_length ((GStrv) blocs), ==, 2);
  g_assert_cmpstr (blocs[1], ==, ((AcqBlocDef *) g_ptr_array_index (other->blocs, 1))->uuid);

  g_assert_true (acq_candidate_list_set_certification (f->list, candidate,
                                                       ACQ_REFERENTIAL_DEFAULT_FICHE, &error));
  g_assert_no_error (error);
  shipped = acq_referential_load (f->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
  again = reload (f);
  loaded = acq_candidate_list_find (again, acq_candidate_get_uuid (candidate));
  g_assert_cmpstr (acq_candidate_get_certification_uuid (loaded), ==, shipped->uuid);
  g_assert_cmpuint (g_strv_length ((GStrv) acq_candidate_get_targeted_blocs (loaded)), ==,
                    shipped->blocs->len);

  g_assert_false (acq_candidate_list_set_certification (f->list, candidate, "RNCP1", &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND);
  g_assert_cmpstr (acq_candidate_get_certification_uuid (candidate), ==, shipped->uuid);
}

/* A dispense names its bloc, why and the certification held; it takes the bloc out of the
 * target, and goes when cleared. */
static void
test_dispense_set_and_clear (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) other = import_other_fiche (f->store);
  g_autoptr (GPtrArray) dispenses = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  g_autofree char *too_long = g_strnfill (600, 'x');
  AcqCandidate *candidate;
  const AcqBlocDef *second = g_ptr_array_index (other->blocs, 1);
  const char *uuid;
  AcqDispense *dispense;

  candidate = acq_candidate_list_create_for (f->list, "Léa", "Morel", "RNCP90001", &error);
  g_assert_no_error (error);
  uuid = acq_candidate_get_uuid (candidate);
  g_assert_true (acq_candidate_set_dispense (f->store, uuid, second->uuid, "Titre déjà obtenu",
                                             "RNCP12345 Médiateur", &error));
  g_assert_no_error (error);
  dispenses = acq_candidate_list_dispenses (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dispenses->len, ==, 1);
  dispense = g_ptr_array_index (dispenses, 0);
  g_assert_cmpstr (dispense->bloc_uuid, ==, second->uuid);
  g_assert_cmpstr (dispense->reason, ==, "Titre déjà obtenu");
  g_assert_cmpstr (dispense->held_certification, ==, "RNCP12345 Médiateur");

  again = reload (f);
  g_assert_false (acq_candidate_targets_bloc (acq_candidate_list_find (again, uuid),
                                              second->uuid));
  g_assert_false (acq_candidate_set_dispense (f->store, uuid, second->uuid, too_long, "",
                                              &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (acq_candidate_clear_dispense (f->store, uuid, second->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&dispenses, g_ptr_array_unref);
  dispenses = acq_candidate_list_dispenses (f->store, uuid, &error);
  g_assert_cmpuint (dispenses->len, ==, 0);
}

static void
test_one_items_changed_per_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->list, "Karim", "Benali", &error);

  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_EMAIL, "k@example.org");
  acq_candidate_set_stage (candidate, ACQ_STAGE_DOSSIER);
  g_assert_true (acq_candidate_list_save (f->list, candidate, &error));
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_cmpuint (f->last_added, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_true (acq_candidate_list_delete (f->list, candidate, &error));
  g_assert_cmpuint (f->changes, ==, 3);
  g_assert_cmpuint (f->last_added, ==, 0);
  g_assert_cmpuint (f->last_removed, ==, 1);
}

static int
count_rows (AcqStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), "SELECT count(*) FROM candidate",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
test_delete_undo_and_purge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidate) kept = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  g_autoptr (AcqCandidateList) after_restart = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->list, "Sophie", "Lefèvre", &error);

  kept = g_object_ref (candidate);
  g_assert_true (acq_candidate_list_delete (f->list, kept, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  /* the undo brings everything back */
  g_assert_true (acq_candidate_list_undelete (f->list, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  again = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);

  /* deleted, then the undo window passes: erased, even from the store */
  g_assert_true (acq_candidate_list_delete (f->list, kept, &error));
  g_assert_true (acq_candidate_list_purge (f->list, kept, &error));
  g_assert_false (acq_candidate_list_undelete (f->list, kept, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleted and the app quits before the toast ends: not listed, and while the undo could
   * still be offered another reader (the command line) erases nothing */
  candidate = acq_candidate_list_create (f->list, "Jean-Marc", "Rivière", &error);
  g_clear_object (&kept);
  kept = g_object_ref (candidate);
  g_assert_true (acq_candidate_list_delete (f->list, kept, &error));
  after_restart = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after_restart)), ==, 0);
  g_assert_true (acq_candidate_list_purge_stale (after_restart, &error));
  g_assert_cmpint (count_rows (f->store), ==, 1);
  g_assert_true (acq_candidate_list_undelete (f->list, kept, &error));
  g_assert_no_error (error);

  /* past the undo window, the next start erases it for good */
  g_assert_true (acq_candidate_list_delete (f->list, kept, &error));
  g_assert_true (acq_store_exec (f->store,
                                 "UPDATE candidate SET deleted_at = '2020-01-01T00:00:00.000Z'",
                                 &error));
  g_assert_true (acq_candidate_list_purge_stale (after_restart, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store), ==, 0);
}

static void
test_too_long_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->list, "Aïcha", "Traoré", &error);
  g_autofree char *huge = g_strnfill (5 * 1024 * 1024, 'a');
  g_autofree char *updated = g_strdup (acq_candidate_get_updated_at (candidate));
  guint changes;

  acq_candidate_set_text (candidate, ACQ_CANDIDATE_NOTES, "Notes sûres");
  g_assert_true (acq_candidate_list_save (f->list, candidate, &error));
  changes = f->changes;

  /* a 5 MB paste is refused, the candidate is put back as stored */
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_NOTES, huge);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_EMAIL, "changed@example.org");
  g_assert_false (acq_candidate_list_save (f->list, candidate, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Notes"));
  g_clear_error (&error);
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_NOTES), ==, "Notes sûres");
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_EMAIL), ==, "");
  g_assert_cmpuint (f->changes, ==, changes);

  /* invalid UTF-8 from a file, same */
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, "Tra\xffor\xe9");
  g_assert_false (acq_candidate_list_save (f->list, candidate, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_LAST_NAME), ==, "Traoré");

  again = reload (f);
  candidate = acq_candidate_list_find (again, acq_candidate_get_uuid (candidate));
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_NOTES), ==, "Notes sûres");
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_LAST_NAME), ==, "Traoré");
  g_assert_cmpstr (acq_candidate_get_updated_at (candidate), >=, updated);
}

static void
test_search_ignores_accents (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *helene = acq_candidate_list_create (f->list, "Hélène", "Dubois", &error);
  AcqCandidate *elodie = acq_candidate_list_create (f->list, "Élodie", "Moreau", &error);
  struct { const char *query; gboolean helene, elodie; } cases[] = {
    { "helene", TRUE, FALSE },
    { "HÉLÈNE", TRUE, FALSE },
    { "elodie", FALSE, TRUE },
    { "e", TRUE, TRUE },
    { "dubois hel", TRUE, FALSE },
    { "", TRUE, TRUE },
    { "zzz", FALSE, FALSE },
  };

  acq_candidate_set_text (elodie, ACQ_CANDIDATE_EMAIL, "elodie.moreau@example.org");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = acq_text_fold (cases[i].query);
      g_assert_cmpint (acq_candidate_matches (helene, folded), ==, cases[i].helene);
      g_assert_cmpint (acq_candidate_matches (elodie, folded), ==, cases[i].elodie);
    }
  /* a name changed afterwards is found under its new spelling */
  acq_candidate_set_text (helene, ACQ_CANDIDATE_LAST_NAME, "Sørensen");
  {
    g_autofree char *folded = acq_text_fold ("sorensen");
    g_autofree char *old = acq_text_fold ("dubois");
    g_assert_false (acq_candidate_matches (helene, old));
    g_assert_cmpint (acq_candidate_matches (helene, folded), ==, FALSE); /* ø is a letter */
  }
}

static int
compare_by (gconstpointer a, gconstpointer b, gpointer sort)
{
  return acq_candidate_compare (*(AcqCandidate **) a, *(AcqCandidate **) b,
                                GPOINTER_TO_INT (sort));
}

static void
test_sort_orders (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  AcqCandidate *zoe = acq_candidate_list_create (f->list, "Zoé", "Abadie", &error);
  AcqCandidate *eve = acq_candidate_list_create (f->list, "Ève", "Émery", &error);
  AcqCandidate *ana = acq_candidate_list_create (f->list, "Ana", "Martin", &error);

  acq_candidate_set_stage (ana, ACQ_STAGE_JURY);
  g_assert_true (acq_candidate_list_save (f->list, ana, &error));
  g_ptr_array_add (items, zoe);
  g_ptr_array_add (items, eve);
  g_ptr_array_add (items, ana);

  /* by last name, "Émery" between "Abadie" and "Martin" despite its accent */
  g_ptr_array_sort_with_data (items, compare_by, GINT_TO_POINTER (ACQ_CANDIDATE_SORT_NAME));
  g_assert_true (g_ptr_array_index (items, 0) == zoe);
  g_assert_true (g_ptr_array_index (items, 1) == eve);
  g_assert_true (g_ptr_array_index (items, 2) == ana);
  /* by stage, the furthest along first */
  g_ptr_array_sort_with_data (items, compare_by, GINT_TO_POINTER (ACQ_CANDIDATE_SORT_STAGE));
  g_assert_true (g_ptr_array_index (items, 0) == ana);
  g_assert_true (g_ptr_array_index (items, 1) == zoe);
  /* by activity, the last saved first */
  g_ptr_array_sort_with_data (items, compare_by, GINT_TO_POINTER (ACQ_CANDIDATE_SORT_ACTIVITY));
  g_assert_true (g_ptr_array_index (items, 0) == ana);
  g_assert_true (g_ptr_array_index (items, 2) == zoe);
}

static void
test_thousands (Fixture *f, gconstpointer data)
{
  static const char *const firsts[] = { "Hélène", "Karim", "Sophie", "Élodie", "Marc" };
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = acq_text_fold ("helene");
  guint n, found = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *last = g_strdup_printf ("Nom%04u", 2999 - i);
      g_assert_nonnull (acq_candidate_list_create (f->list, firsts[i % 5], last, &error));
    }
  again = reload (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (again));
  g_assert_cmpuint (n, ==, 3000);
  for (guint i = 0; i < n; i++)
    {
      AcqCandidate *c = g_list_model_get_item (G_LIST_MODEL (again), i);
      found += acq_candidate_matches (c, query);
      g_ptr_array_add (items, c);
    }
  g_assert_cmpuint (found, ==, 600);
  g_ptr_array_sort_with_data (items, compare_by, GINT_TO_POINTER (ACQ_CANDIDATE_SORT_NAME));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Nom%04u", i);
      g_assert_cmpstr (acq_candidate_get_text (g_ptr_array_index (items, i),
                                               ACQ_CANDIDATE_LAST_NAME), ==, expected);
    }
}

/* Writing a sheet is activity: the sidebar sorted by activity must hear of it. */
static void
test_sheet_saved_moves_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->list, "Nadia", "Haddad", &error);
  g_autofree char *before = g_strdup (acq_candidate_get_last_activity_at (candidate));
  AcqSheet *sheet;
  guint changes;

  sheets = acq_sheet_list_new (f->store, candidate, &error);
  g_assert_no_error (error);
  sheet = acq_sheet_list_create (sheets, NULL, "Atelier CV", &error);
  g_assert_no_error (error);
  changes = f->changes;
  g_usleep (2000);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "J’anime un atelier CV chaque jeudi.");
  g_assert_true (acq_sheet_list_save (sheets, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (acq_candidate_get_last_activity_at (candidate), >, before);
  g_assert_cmpuint (f->changes, ==, changes + 1);
}

static void
test_empty_list (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 0));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == ACQ_TYPE_CANDIDATE);
  g_assert_null (acq_candidate_list_find (f->list, "nope"));
}

static void
test_demo_is_idempotent (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint n, archived = 0, with_accommodations = 0;
  gboolean stages[ACQ_N_STAGES] = { FALSE };

  g_assert_true (acq_demo_populate (f->list, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, >=, 5);
  g_assert_true (acq_demo_populate (f->list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqCandidate) c = g_list_model_get_item (G_LIST_MODEL (f->list), i);
      archived += acq_candidate_get_archived (c);
      with_accommodations += *acq_candidate_get_text (c, ACQ_CANDIDATE_ACCOMMODATIONS) != '\0';
      stages[acq_candidate_get_stage (c)] = TRUE;
      g_assert_nonnull (acq_candidate_get_certification_uuid (c));
    }
  g_assert_cmpuint (archived, ==, 1);
  g_assert_cmpuint (with_accommodations, >=, 1);
  for (guint s = 0; s < ACQ_N_STAGES; s++)
    g_assert_true (stages[s]);
}

/* A stage set ahead of its day says when it starts; one begun says since when. */
static void
test_subtitle_future_stage (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqCandidate) candidate = acq_candidate_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 20);
  g_autoptr (GDateTime) earlier = g_date_time_add_days (now, -20);
  g_autofree char *later_iso = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *earlier_iso = g_date_time_format (earlier, "%Y-%m-%d");
  g_autofree char *later_day = g_date_time_format (later, "%-d %b %Y");
  g_autofree char *earlier_day = g_date_time_format (earlier, "%-d %b %Y");
  g_autofree char *ahead = NULL;
  g_autofree char *begun = NULL;
  g_autofree char *expected_ahead = NULL;
  g_autofree char *expected_begun = NULL;

  acq_candidate_set_stage (candidate, ACQ_STAGE_JURY);
  acq_candidate_set_stage_date (candidate, later_iso);
  ahead = acq_candidate_dup_subtitle (candidate);
  expected_ahead = g_strdup_printf ("Jury · from %s", later_day);
  g_assert_cmpstr (ahead, ==, expected_ahead);
  acq_candidate_set_stage_date (candidate, earlier_iso);
  begun = acq_candidate_dup_subtitle (candidate);
  expected_begun = g_strdup_printf ("Jury · since %s", earlier_day);
  g_assert_cmpstr (begun, ==, expected_begun);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/candidates/store/create-and-reload", test_create_and_reload);
  ADD ("/candidates/store/certification-chosen", test_certification_chosen);
  ADD ("/candidates/dispense/set-and-clear", test_dispense_set_and_clear);
  ADD ("/candidates/model/one-items-changed-per-change", test_one_items_changed_per_change);
  ADD ("/candidates/model/empty", test_empty_list);
  ADD ("/candidates/model/sheet-saved-moves-activity", test_sheet_saved_moves_activity);
  ADD ("/candidates/delete/undo-then-purge", test_delete_undo_and_purge);
  ADD ("/candidates/save/bad-input-changes-nothing", test_too_long_changes_nothing);
  ADD ("/candidates/filter/accents", test_search_ignores_accents);
  ADD ("/candidates/sort/name-stage-activity", test_sort_orders);
  ADD ("/candidates/model/thousands", test_thousands);
  ADD ("/candidates/demo/idempotent", test_demo_is_idempotent);
  ADD ("/candidates/subtitle/future-stage-not-since", test_subtitle_future_stage);
#undef ADD
  return g_test_run ();
}
