/* test-search.c — full-text search across every sheet of every candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include "acq-candidate-list.h"
#include "acq-search.h"
#include "acq-sheet-list.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqSheetList     *helene;
  AcqSheetList     *karim;
} Fixture;

static AcqSheetList *
sheets_of (Fixture *f, const char *first, const char *last)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->candidates, first, last, &error);
  AcqSheetList *list;

  g_assert_no_error (error);
  list = acq_sheet_list_new (f->store, candidate, &error);
  g_assert_no_error (error);
  return list;
}

static AcqSheet *
add_sheet (AcqSheetList *list, const char *title, AcqRubric rubric, const char *text)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (list, NULL, title, &error);

  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, rubric, text);
  g_assert_true (acq_sheet_list_save (list, sheet, &error));
  g_assert_no_error (error);
  return sheet;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  f->helene = sheets_of (f, "Hélène", "Dubois");
  f->karim = sheets_of (f, "Karim", "Benali");
  add_sheet (f->helene, "Partenariat avec une SIAE", ACQ_RUBRIC_PARTNERS,
             "Je travaille en réseau avec le chantier d'insertion et France Travail.");
  add_sheet (f->helene, "Atelier CV collectif", ACQ_RUBRIC_TASKS,
             "J'anime chaque mardi un atelier CV pour huit participants <débutants> & autres.");
  add_sheet (f->karim, "Accueil en mission locale", ACQ_RUBRIC_CONTEXT,
             "La mission locale du Lot accueille les jeunes de 16 à 25 ans.");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->helene);
  g_clear_object (&f->karim);
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
}

static GPtrArray *
search (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *results = acq_search_sheets (f->store, text, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static AcqSearchResult *
result (GPtrArray *results, guint index)
{
  return g_ptr_array_index (results, index);
}

static guint
count (Fixture *f, const char *text)
{
  g_autoptr (GPtrArray) results = search (f, text);
  return results->len;
}

static void
test_accents (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = search (f, "reseau");

  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Partenariat avec une SIAE");
  g_assert_cmpstr (result (results, 0)->candidate_name, ==, "Hélène Dubois");
  g_assert_cmpstr (result (results, 0)->candidate_uuid, ==,
                   acq_candidate_get_uuid (acq_sheet_list_get_candidate (f->helene)));
  g_assert_cmpuint (count (f, "RÉSEAU"), ==, 1);
  g_assert_cmpuint (count (f, "réseau"), ==, 1);
  /* and the other way round: an accent typed where the text has none */
  g_assert_cmpuint (count (f, "missión"), ==, 1);
  /* every word must be there, in any order */
  g_assert_cmpuint (count (f, "insertion reseau"), ==, 1);
  g_assert_cmpuint (count (f, "reseau jeunes"), ==, 0);
  /* the title is searched too, and across candidates */
  g_assert_cmpuint (count (f, "siae"), ==, 1);
}

static void
test_prefix (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (count (f, "rese"), ==, 1);
  g_assert_cmpuint (count (f, "rés"), ==, 1);
  g_assert_cmpuint (count (f, "atelier parti"), ==, 1);
  g_assert_cmpuint (count (f, "mission loc"), ==, 1);
  /* only the last word is a prefix: the others are whole words */
  g_assert_cmpuint (count (f, "rese chantier"), ==, 0);
  /* one letter is not yet a search */
  g_assert_cmpuint (count (f, "r"), ==, 0);
}

/* A word being typed whose beginning the index does not keep whole: its first three letters
 * find the sheets, and only those with a word that begins with all it has are kept. */
static void
test_prefix_cut (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = NULL;

  g_assert_cmpuint (count (f, "parti"), ==, 1);
  results = search (f, "partic");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Atelier CV collectif");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, "parten");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Partenariat avec une SIAE");
  g_assert_cmpuint (count (f, "PARTÉN"), ==, 1);
  g_assert_cmpuint (count (f, "atelier partic"), ==, 1);
  g_assert_cmpuint (count (f, "siae partic"), ==, 0);
  g_assert_cmpuint (count (f, "partix"), ==, 0);
}

/* An old sheet with a rare word, behind many recent sheets whose words begin like it: it is
 * found all the same. */
static void
test_prefix_rare_behind_many (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = NULL;

  add_sheet (f->karim, "Ancien", ACQ_RUBRIC_TASKS, "Un accompagnement particulier.");
  for (guint i = 0; i < 250; i++)
    add_sheet (f->helene, "Récent", ACQ_RUBRIC_TASKS, "Un rendez-vous à Paris, par le train.");
  results = search (f, "particu");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Ancien");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, "pari");
  g_assert_cmpuint (results->len, ==, 20);
}

static void
test_hostile_query (Fixture *f, gconstpointer data)
{
  g_autofree char *long_query = g_strnfill (20000, 'a');
  const char *queries[] = {
    "\"", "\"\"", "\"réseau", "réseau\"", "NEAR(réseau insertion)", "NEAR", "*", "réseau*",
    "*réseau", "(", ")", "(réseau", "réseau OR", "OR", "OR réseau", "AND NOT", "NOT réseau",
    "-", "- réseau", "^réseau", ":", "title:réseau", "{title tasks}: réseau", "a + b", "\\",
    "'", "''", "'; DROP TABLE sheet; --", "%", "_", "réseau\t\n", "   ", "",
    "l'insertion", "Jean-Marc", "« atelier »", "atelier, CV.", "\xff\xfe", "🙂 réseau", "ǅ",
    "a\"b\"c", "\"\"\"\"", "réseau NEAR/2 insertion", "réseau AND", long_query,
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) results = acq_search_sheets (f->store, queries[i], 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (results);
    }
  g_assert_cmpuint (count (f, "(réseau"), ==, 1);
  g_assert_cmpuint (count (f, "\"réseau\""), ==, 1);
  g_assert_cmpuint (count (f, "réseau*"), ==, 1);
  /* "OR" is a word like any other here */
  g_assert_cmpuint (count (f, "réseau OR atelier"), ==, 0);
  g_assert_cmpuint (count (f, "« atelier »"), ==, 1);
  g_assert_cmpuint (count (f, NULL), ==, 0);
}

static void
test_build_query (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { "rese", "\"rese\"*" },
    { "atelier  cv", "\"atelier\" \"cv\"*" },
    { "l'inser", "\"l'inser\"*" },
    { "a\"bc", "\"a\"\"bc\"*" },
    { "NEAR(x y)", "\"NEAR(x\" \"y)\"" },
    { "r", "\"r\"" },
    { "réseau ( )", "\"réseau\"*" },
    { " ", NULL },
    { "", NULL },
    { "***", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = acq_search_build_query (cases[i].text);
      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

/* The last word is looked for by its first letters, but only the words that begin with the
 * whole word typed are shown in bold: "reseau" marks "réseau", not "restants". */
static void
test_snippet_marks_whole_prefix (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *markup = NULL;

  add_sheet (f->karim, "Suivi de groupe", ACQ_RUBRIC_TASKS,
             "Les participants restants ont rejoint le réseau des partenaires du territoire.");
  results = search (f, "participants reseau");
  g_assert_cmpuint (results->len, ==, 1);
  markup = acq_search_result_dup_markup (result (results, 0));
  g_assert_nonnull (strstr (markup, "<b>réseau</b>"));
  g_assert_nonnull (strstr (markup, "<b>participants</b>"));
  g_assert_nonnull (strstr (markup, " restants "));
  g_assert_null (strstr (markup, "<b>restants</b>"));
}

static void
test_snippet_markup (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = search (f, "participants");
  g_autofree char *markup = NULL;

  g_assert_cmpuint (results->len, ==, 1);
  g_assert_nonnull (strstr (result (results, 0)->snippet,
                            ACQ_SEARCH_MATCH_START "participants" ACQ_SEARCH_MATCH_END));
  markup = acq_search_result_dup_markup (result (results, 0));
  g_assert_nonnull (strstr (markup, "<b>participants</b>"));
  /* the user's text is escaped, the marks are not left in */
  g_assert_nonnull (strstr (markup, "&lt;débutants&gt; &amp; autres"));
  g_assert_null (strchr (markup, ACQ_SEARCH_MATCH_START[0]));
  g_assert_null (strchr (markup, ACQ_SEARCH_MATCH_END[0]));
}

static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) results = NULL;

  /* a word in the title weighs more than the same word in a rubric */
  add_sheet (f->karim, "Bilan de fin d'accompagnement", ACQ_RUBRIC_TASKS,
             "Un atelier de bilan en groupe, puis un entretien.");
  results = search (f, "atelier");
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Atelier CV collectif");
  g_assert_cmpfloat (result (results, 0)->rank, <=, result (results, 1)->rank);
}

static void
test_follows_edits_and_deletes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (f->karim), 0);
  g_autoptr (GPtrArray) results = NULL;

  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Une permanence au centre social.");
  acq_sheet_set_title (sheet, "");
  g_assert_true (acq_sheet_list_save (f->karim, sheet, &error));
  g_assert_cmpuint (count (f, "jeunes"), ==, 0);
  results = search (f, "permanence");
  g_assert_cmpuint (results->len, ==, 1);
  /* an untitled sheet shows as the app shows it elsewhere */
  g_assert_cmpstr (result (results, 0)->sheet_title, ==, "Untitled example");

  g_assert_true (acq_sheet_list_delete (f->karim, sheet, &error));
  g_assert_cmpuint (count (f, "permanence"), ==, 0);
  g_assert_true (acq_sheet_list_undelete (f->karim, sheet, &error));
  g_assert_cmpuint (count (f, "permanence"), ==, 1);
  g_assert_true (acq_sheet_list_delete (f->karim, sheet, &error));
  g_assert_true (acq_sheet_list_purge (f->karim, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, "permanence"), ==, 0);
  /* the index holds nothing of an erased sheet (RGPD erasure) */
  g_assert_true (acq_store_exec (f->store,
                                 "INSERT INTO sheet_fts (sheet_fts) VALUES ('integrity-check')",
                                 &error));
  g_assert_no_error (error);
}

static void
test_deleted_candidate_hidden (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *karim = acq_sheet_list_get_candidate (f->karim);

  g_assert_cmpuint (count (f, "mission"), ==, 1);
  g_assert_true (acq_candidate_list_delete (f->candidates, karim, &error));
  g_assert_cmpuint (count (f, "mission"), ==, 0);
}

static char *
plan_of (Fixture *f, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (f->store), explain, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_test_message ("%s", plan->str);
  return g_string_free (plan, FALSE);
}

/* The search must let FTS5 sort by rank and stop at the limit, not sort every match; the same
 * with the function that checks a cut prefix. */
static void
test_plan_sorts_in_index (Fixture *f, gconstpointer data)
{
  const char *queries[] = {
    "SELECT s.uuid, snippet (sheet_fts, -1, char (2), char (3), '…', 12)"
    " FROM sheet_fts JOIN sheet s ON s.id = sheet_fts.rowid"
    " JOIN candidate c ON c.uuid = s.candidate_uuid"
    " WHERE sheet_fts MATCH '\"reseau\"' AND sheet_fts.rowid >= 1 AND s.deleted_at IS NULL"
    " AND c.deleted_at IS NULL ORDER BY sheet_fts.rank LIMIT 20",
    "SELECT s.uuid FROM sheet_fts JOIN sheet s ON s.id = sheet_fts.rowid"
    " JOIN candidate c ON c.uuid = s.candidate_uuid"
    " WHERE sheet_fts MATCH '\"res\"*' AND sheet_fts.rowid >= 1 AND s.deleted_at IS NULL"
    " AND c.deleted_at IS NULL AND acq_prefix_match (sheet_fts, 0, 'rese')"
    " ORDER BY sheet_fts.rank LIMIT 20",
  };

  /* a search of a cut prefix registers the function */
  g_assert_cmpuint (count (f, "reseau"), ==, 1);
  g_assert_cmpuint (count (f, "resea"), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *plan = plan_of (f, queries[i]);

      g_assert_null (strstr (plan, "TEMP B-TREE"));
      g_assert_true (g_str_has_prefix (plan, "SCAN sheet_fts VIRTUAL TABLE"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/accents", test_accents);
  ADD ("/search/prefix", test_prefix);
  ADD ("/search/prefix-cut", test_prefix_cut);
  ADD ("/search/prefix-rare-behind-many", test_prefix_rare_behind_many);
  ADD ("/search/hostile-query", test_hostile_query);
  ADD ("/search/snippet-markup", test_snippet_markup);
  ADD ("/search/snippet-marks-whole-prefix", test_snippet_marks_whole_prefix);
  ADD ("/search/ranking", test_ranking);
  ADD ("/search/follows-edits-and-deletes", test_follows_edits_and_deletes);
  ADD ("/search/deleted-candidate-hidden", test_deleted_candidate_hidden);
  ADD ("/search/plan-sorts-in-index", test_plan_sorts_in_index);
#undef ADD
  g_test_add_func ("/search/build-query", test_build_query);
  return g_test_run ();
}
