/* test-people.c — the people a candidate writes about: the names found, replaced in the
 * outputs, never in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-people"

#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "acq-dossier-rules.h"
#include "acq-dossier.h"
#include "acq-jury-prep.h"
#include "acq-map-export.h"
#include "acq-people.h"
#include "acq-review.h"
#include "acq-spell-checker.h"
#include "acq-store-private.h"
#include "acq-text.h"
#include "sheet-fixture.h"
#include "test-pdf.h"

/* The words a French dictionary would know, for the pure functions' tests. */
static gboolean
known_fixture (const char *word, gssize length, gpointer user_data)
{
  static const char *const known[] = {
    "France", "Travail", "Pôle", "Emploi", "Lot", "Accueillir", "Jean", "Conseil", NULL,
  };
  g_autofree char *copy = g_strndup (word, length < 0 ? strlen (word) : (gsize) length);

  return g_strv_contains (known, copy);
}

static AcqPersonMention *
mention (const char *name, const char *replacement, AcqPersonState state)
{
  AcqPersonMention *m = acq_person_mention_new ("k1", name, replacement, state);

  m->updated_at = g_strdup ("2026-01-01T00:00:00Z");
  return m;
}

/* name:kind pairs, "Mme Martin:S Dupont:S" */
static char *
describe (GPtrArray *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      AcqPersonMatch *match = g_ptr_array_index (matches, i);

      g_string_append_printf (out, "%s%s:%c", i ? " " : "", match->name,
                              "RDS"[match->kind]);
    }
  return g_string_free (out, FALSE);
}

static void
test_find_titled (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "J'ai reçu Mme Martin en entretien.", "Mme Martin:S" },
    { "M. Dupont est venu ; Madame Anne Roux aussi.", "M. Dupont:S Madame Anne Roux:S" },
    { "Le Docteur Lefebvre et Maître Garnier.", "Docteur Lefebvre:S Maître Garnier:S" },
    { "Mlle Petit, Dr Morel, M.\u00A0Blanc.", "Mlle Petit:S Dr Morel:S M.\u00A0Blanc:S" },
    /* "M" without its period is no title; a title before a small letter is no name */
    { "Taille M Dupont ; Madame la directrice.", "" },
    { "Mme MARTIN a signé.", "Mme MARTIN:S" },
    /* initials are what the outputs print already */
    { "M. D., 52 ans, et Mme B. sont venus.", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) matches = acq_people_find (cases[i].text, NULL, NULL, NULL);
      g_autofree char *found = describe (matches);

      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_find_capitalised (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    /* unknown and not at a sentence's start */
    { "J'ai orienté Dupont vers France Travail.", "Dupont:S" },
    { "Avec Jean Lefebvre, du Conseil départemental.", "Jean Lefebvre:S" },
    /* at a sentence's or a line's start, known, or in capitals: not a name */
    { "Dupont est venu. Lefebvre aussi.\nGarnier enfin.", "" },
    { "Une association du Lot, avec Pôle Emploi et la CAF.", "" },
    /* a title with no name after it */
    { "J'ai rencontré Mme la maire et Monsieur le directeur.", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) matches = acq_people_find (cases[i].text, NULL, known_fixture,
                                                       NULL);
      g_autofree char *found = describe (matches);

      g_assert_cmpstr (found, ==, cases[i].expected);
    }
  /* without a dictionary the criterion is left out: only titled names are found */
  {
    g_autoptr (GPtrArray) matches = acq_people_find ("J'ai orienté Dupont et Mme Roux.", NULL,
                                                     NULL, NULL);
    g_autofree char *found = describe (matches);

    g_assert_cmpstr (found, ==, "Mme Roux:S");
  }
}

static void
test_find_listed (void)
{
  g_autoptr (GPtrArray) mentions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_person_mention_free);
  g_autoptr (GPtrArray) matches = NULL;
  g_autofree char *found = NULL;
  g_auto (GStrv) unanswered = NULL;

  g_ptr_array_add (mentions, mention ("Martin", "M.", ACQ_PERSON_ACCEPTED));
  g_ptr_array_add (mentions, mention ("Mme Martin", "Mme M.", ACQ_PERSON_ACCEPTED));
  g_ptr_array_add (mentions, mention ("Figeac", "", ACQ_PERSON_DISMISSED));
  matches = acq_people_find ("Mme Martin puis Martin, à Figeac ; Martinez et M. Roux, "
                             "M. Roux encore.", mentions, known_fixture, NULL);
  found = describe (matches);
  g_assert_cmpstr (found, ==, "Mme Martin:R Martin:R Figeac:D Martinez:S M. Roux:S M. Roux:S");
  g_assert_true (((AcqPersonMatch *) g_ptr_array_index (matches, 0))->mention ==
                 g_ptr_array_index (mentions, 1));
  unanswered = acq_people_find_unanswered ("Mme Martin puis Martinez et M. Roux, M. Roux.",
                                           mentions, known_fixture, NULL);
  g_assert_cmpuint (g_strv_length (unanswered), ==, 2);
  g_assert_cmpstr (unanswered[0], ==, "Martinez");
  g_assert_cmpstr (unanswered[1], ==, "M. Roux");
}

static void
test_default_replacement (void)
{
  static const char *const cases[][2] = {
    { "Mme Martin", "Mme M." },
    { "M. Dupont", "M. D." },
    { "M.\u00A0Dupont", "M.\u00A0D." },
    { "Martin", "M." },
    { "Anne Roux", "A. R." },
    { "Docteur Émile Lefebvre", "Docteur É. L." },
    { "Madame", "Madame" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *replacement = acq_people_default_replacement (cases[i][0]);

      g_assert_cmpstr (replacement, ==, cases[i][1]);
    }
}

static void
test_replace (void)
{
  g_autoptr (GPtrArray) mentions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_person_mention_free);
  g_autofree char *none = NULL;
  g_autofree char *replaced = NULL;

  none = acq_people_replace ("Mme Martin.", NULL);
  g_assert_cmpstr (none, ==, "Mme Martin.");
  g_assert_null (acq_people_replace (NULL, mentions));
  g_ptr_array_add (mentions, mention ("Martin", "M.", ACQ_PERSON_ACCEPTED));
  g_ptr_array_add (mentions, mention ("Mme Martin", "la personne accompagnée",
                                      ACQ_PERSON_ACCEPTED));
  g_ptr_array_add (mentions, mention ("Roux", "R.", ACQ_PERSON_DISMISSED));
  replaced = acq_people_replace ("J'ai reçu Mme Martin. Martin, Martinez, martin, Roux et "
                                 "Jean-Martin ; « Martin » enfin.", mentions);
  g_assert_cmpstr (replaced, ==, "J'ai reçu la personne accompagnée. M., Martinez, martin, Roux "
                                 "et Jean-Martin ; « M. » enfin.");
}

/* The store ------------------------------------------------------------------------------ */

static void
test_store_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqPersonMention) accepted = NULL;
  g_autoptr (AcqPersonMention) dismissed = NULL;
  g_autoptr (AcqPersonMention) empty = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const AcqPersonMention *first;
  const char *uuid = acq_candidate_get_uuid (f->candidate);
  g_autofree char *sql = NULL;

  accepted = acq_person_mention_new (uuid, "Mme Martin", NULL, ACQ_PERSON_ACCEPTED);
  g_assert_cmpstr (accepted->replacement, ==, "Mme M.");
  g_assert_true (acq_person_mention_save (f->store, accepted, &error));
  g_assert_no_error (error);
  dismissed = acq_person_mention_new (uuid, "Figeac", "", ACQ_PERSON_DISMISSED);
  g_assert_true (acq_person_mention_save (f->store, dismissed, &error));
  g_assert_no_error (error);
  /* an accepted name needs a replacement that does not give it back */
  empty = acq_person_mention_new (uuid, "M. Roux", "M. Roux", ACQ_PERSON_ACCEPTED);
  g_assert_false (acq_person_mention_save (f->store, empty, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (accepted->replacement);
  accepted->replacement = g_strdup ("la personne accompagnée");
  g_assert_true (acq_person_mention_save (f->store, accepted, &error));
  g_assert_no_error (error);
  list = acq_person_mention_list (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = acq_person_mention_find (list, "Mme Martin");
  g_assert_nonnull (first);
  g_assert_cmpstr (first->replacement, ==, "la personne accompagnée");
  g_assert_cmpint (first->state, ==, ACQ_PERSON_ACCEPTED);
  g_assert_cmpint (acq_person_mention_find (list, "Figeac")->state, ==, ACQ_PERSON_DISMISSED);

  g_assert_true (acq_person_mention_delete (f->store, dismissed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = acq_person_mention_list (f->store, uuid, &error);
  g_assert_cmpuint (list->len, ==, 1);
  /* deleting the candidate deletes the list */
  sql = g_strdup_printf ("DELETE FROM candidate WHERE uuid = '%s'", uuid);
  g_assert_true (_acq_store_exec_db (acq_store_get_db (f->store), sql, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = acq_person_mention_list (f->store, uuid, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_migrate_from_v16 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (AcqPersonMention) added = NULL;
  g_autofree char *tasks = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 16, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'now', 'now', 'now');"
        "INSERT INTO sheet (uuid, candidate_uuid, title, tasks, created_at, updated_at)"
        " VALUES ('s1', 'k1', 'Un accueil', 'J''ai reçu Mme Martin.', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 17);
  list = acq_person_mention_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  added = acq_person_mention_new ("k1", "Mme Martin", NULL, ACQ_PERSON_ACCEPTED);
  g_assert_true (acq_person_mention_save (store, added, &error));
  g_assert_no_error (error);
  tasks = test_query_text (store, "SELECT tasks FROM sheet WHERE uuid = 's1'");
  g_assert_cmpstr (tasks, ==, "J'ai reçu Mme Martin.");
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* The outputs ---------------------------------------------------------------------------- */

/* A validated sheet of a targeted bloc, linked to its first competence, complete but for its
 * people. */
static void
add_dossier_sheet (Fixture *f, const char *title, const char *tasks)
{
  const char *competences[] = { competence (f, 0, 0), NULL };
  g_autoptr (GError) error = NULL;
  const char *blocs[] = { bloc (f, 0)->uuid, NULL };
  AcqSheet *sheet;

  g_assert_true (acq_referential_ensure_default (f->store, &error));
  g_assert_no_error (error);
  acq_candidate_set_text (f->candidate, ACQ_CANDIDATE_ADDRESS, "2 rue Droite\n46100 Figeac");
  acq_candidate_set_targeted_blocs (f->candidate, blocs);
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  g_assert_no_error (error);
  sheet = make_sheet (f, title, tasks);
  acq_sheet_set_competences (sheet, competences);
  acq_sheet_set_organisation (sheet, "Association Tremplin");
  acq_sheet_set_period_from (sheet, "2021-03-01");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
}

static guint
count_rule (GPtrArray *issues, AcqDossierRule rule, AcqDossierSeverity severity)
{
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      n += issue->rule == rule && issue->severity == severity;
    }
  return n;
}

static void
test_dossier_replaced_in_output_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *output = g_build_filename (f->dir, "dossier.pdf", NULL);
  const char *uuid = acq_candidate_get_uuid (f->candidate);
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (AcqPersonMention) martin = NULL;
  PopplerDocument *doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;

  add_dossier_sheet (f, "Un entretien d'accueil", "J'ai reçu Mme Martin en entretien.");
  /* unanswered: a warning in the draft, an error that stops the final dossier */
  issues = acq_dossier_check (f->store, uuid, ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (issues, ACQ_DOSSIER_RULE_PERSON_UNANSWERED,
                                ACQ_DOSSIER_SEVERITY_WARNING), ==, 1);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = acq_dossier_check (f->store, uuid, ACQ_DOSSIER_MODE_FINAL, NULL, &error);
  g_assert_cmpuint (count_rule (issues, ACQ_DOSSIER_RULE_PERSON_UNANSWERED,
                                ACQ_DOSSIER_SEVERITY_ERROR), ==, 1);
  g_assert_false (acq_dossier_write (f->store, uuid, output, ACQ_DOSSIER_MODE_FINAL, NULL, NULL,
                                     NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Mme Martin"));
  g_clear_error (&error);

  martin = acq_person_mention_new (uuid, "Mme Martin", NULL, ACQ_PERSON_ACCEPTED);
  g_assert_true (acq_person_mention_save (f->store, martin, &error));
  g_assert_no_error (error);
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = acq_dossier_check (f->store, uuid, ACQ_DOSSIER_MODE_FINAL, NULL, &error);
  g_assert_cmpuint (count_rule (issues, ACQ_DOSSIER_RULE_PERSON_UNANSWERED,
                                ACQ_DOSSIER_SEVERITY_ERROR), ==, 0);
  g_assert_true (acq_dossier_write (f->store, uuid, output, ACQ_DOSSIER_MODE_FINAL, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  doc = open_pdf (output);
  text = document_text (doc);
  g_assert_nonnull (strstr (text, "Mme M."));
  g_assert_null (strstr (text, "Martin"));
  g_object_unref (doc);
  stored = test_query_text (f->store, "SELECT tasks FROM sheet");
  g_assert_cmpstr (stored, ==, "J'ai reçu Mme Martin en entretien.");
}

static void
on_map_written_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Fixture *f = data;
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_map_export_finish (f->store, result, &error));
  g_assert_no_error (error);
  f->changes++;
}

/* The map's exports and the fiche de préparation print the sheets' titles: replaced too. */
/* A town of the candidate's address or of the example's organisation, in no dictionary, is no
 * person's name: only Mme Martin waits for an answer. */
static void
test_dossier_places_are_no_people (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GString) said = g_string_new (NULL);

  if (!acq_spell_checker_get_available (acq_spell_checker_get_default ()))
    {
      g_test_skip ("No French dictionary for Enchant (package hunspell-fr)");
      return;
    }
  add_dossier_sheet (f, "Un entretien en mairie",
                     "J'ai reçu Mme Martin à la mairie de Luzech, puis l'ai revue à Mercuès "
                     "et à Prayssac.");
  g_assert_true (acq_store_exec (f->store,
                                 "UPDATE sheet SET organisation = 'Mairie de Luzech',"
                                 " department = 'Antenne de Prayssac';"
                                 "UPDATE candidate SET address = '1 place du Marché\n"
                                 "46090 Mercuès'", &error));
  g_assert_no_error (error);
  issues = acq_dossier_check (f->store, acq_candidate_get_uuid (f->candidate),
                              ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      if (issue->rule == ACQ_DOSSIER_RULE_PERSON_UNANSWERED)
        g_string_append_printf (said, "%s\n", issue->message);
    }
  g_assert_nonnull (strstr (said->str, "Mme Martin"));
  g_assert_null (strstr (said->str, "Luzech"));
  g_assert_null (strstr (said->str, "Mercuès"));
  g_assert_null (strstr (said->str, "Prayssac"));
}

static void
test_map_and_fiche_replaced (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *opml_path = g_build_filename (f->dir, "carte.opml", NULL);
  g_autofree char *fiche_path = g_build_filename (f->dir, "fiche.pdf", NULL);
  g_autofree char *opml = NULL;
  g_autofree char *text = NULL;
  g_autoptr (AcqPersonMention) martin = NULL;
  PopplerDocument *doc;
  const char *uuid = acq_candidate_get_uuid (f->candidate);

  add_dossier_sheet (f, "L'accueil de Mme Martin", "Un premier entretien.");
  martin = acq_person_mention_new (uuid, "Mme Martin", NULL, ACQ_PERSON_ACCEPTED);
  g_assert_true (acq_person_mention_save (f->store, martin, &error));
  g_assert_no_error (error);

  f->changes = 0;
  acq_map_export_async (f->store, uuid, "Hélène Dubois", NULL, opml_path, NULL,
                        on_map_written_cb, f);
  while (f->changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (opml_path, &opml, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (opml, "text=\"L&apos;accueil de Mme M.\""));
  g_assert_null (strstr (opml, "Martin"));

  g_assert_true (acq_jury_prep_write (f->store, uuid, fiche_path, FALSE, &error));
  g_assert_no_error (error);
  doc = open_pdf (fiche_path);
  text = document_text (doc);
  g_assert_nonnull (strstr (text, "Mme M."));
  g_assert_null (strstr (text, "Martin"));
  g_object_unref (doc);
  /* the sheet keeps its title as written */
  g_free (opml);
  opml = test_query_text (f->store, "SELECT title FROM sheet");
  g_assert_cmpstr (opml, ==, "L'accueil de Mme Martin");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/find/titled-names", test_find_titled);
  g_test_add_func ("/people/find/capitalised-unknown-words", test_find_capitalised);
  g_test_add_func ("/people/find/listed-names-longest-first", test_find_listed);
  g_test_add_func ("/people/replacement/initials-after-the-title", test_default_replacement);
  g_test_add_func ("/people/replace/whole-word-case-sensitive", test_replace);
  g_test_add ("/people/store/saved-listed-deleted", Fixture, NULL, fixture_set_up,
              test_store_round_trip, fixture_tear_down);
  g_test_add_func ("/people/migrate/from-v16", test_migrate_from_v16);
  g_test_add ("/people/dossier/replaced-in-the-pdf-not-in-the-store", Fixture, NULL,
              fixture_set_up, test_dossier_replaced_in_output_only, fixture_tear_down);
  g_test_add ("/people/dossier/places-are-no-people", Fixture, NULL, fixture_set_up,
              test_dossier_places_are_no_people, fixture_tear_down);
  g_test_add ("/people/outputs/map-and-fiche-replaced", Fixture, NULL, fixture_set_up,
              test_map_and_fiche_replaced, fixture_tear_down);
  return g_test_run ();
}
