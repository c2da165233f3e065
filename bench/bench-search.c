/* bench-search.c — how long the sidebar's full-text search takes over a large caseload, against
 * a LIKE scan of the same columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bench-stats.h"
#include "acq-search.h"
#include "acq-store.h"
#include "bench-text.h"

/* The queries are what a coach types in the sidebar: words found in nearly every sheet, in a
 * few percent, in a few hundred of 100,000 (bench-text.c draws its words with these
 * frequencies), none at all; two words; a word typed letter by letter, each letter a search as
 * in the sidebar; words typed without their accents. Each query runs once untimed, then
 * RUNS times in a new order each time; a query's time is the median of its runs. */

#define RUNS 3
#define SIDEBAR_LIMIT 50

typedef enum
{
  KIND_FREQUENT,
  KIND_MIDDLE,
  KIND_RARE,
  KIND_ABSENT,
  KIND_TWO_WORDS,
  KIND_TYPING,
  KIND_NO_ACCENTS,
  N_KINDS
} QueryKind;

static const char *const kind_names[N_KINDS] = {
  "frequent", "middle", "rare", "absent", "two_words", "typing", "no_accents",
};

static const char *const frequent_words[] = {
  "accompagnement", "personnes", "insertion", "entretien", "partenaires", "projet", "emploi",
  "équipe", "jeunes", "démarches", "parcours", "suivi",
};

static const char *const middle_words[] = {
  "logement", "mobilité", "santé", "diagnostic", "ateliers", "CV", "freins", "employeurs",
  "réseau", "permis", "formation", "bilan", "médiation", "plateforme", "transport", "budget",
  "autonomie", "handicap", "alternance", "apprentissage", "covoiturage", "RSA", "jury",
  "mutuelle", "intérim", "domiciliation",
};

static const char *const rare_words[] = {
  "surendettement", "illettrisme", "curatelle", "ergothérapeute", "EPIDE", "interprétariat",
  "maraîchage", "apiculture", "sérigraphie", "menuiserie", "ferronnerie", "vannerie",
  "Rocamadour", "Lalbenque", "Cajarc", "Gramat", "Montcuq", "Lauzerte", "œnologie",
  "tonnellerie", "fromagerie", "distillerie", "Bretenoux", "Assier", "reliure",
};

static const char *const absent_words[] = {
  BENCH_TEXT_ABSENT_WORD, "kangourou", "photosynthèse", "xylophone", "Tombouctou",
};

static const char *const two_words[] = {
  "diagnostic partagé", "ateliers CV", "freins mobilité", "réseau partenaires",
  "logement santé", "employeurs entretien", "permis transport", "accompagnement insertion",
  "projet professionnel", "lettre motivation", "offres emploi", "garde enfants",
  "maraîchage accompagnement", "apiculture jeunes", "surendettement logement", "bailleur social",
  "mission locale", "secret professionnel", "écoute active", "sortie positive",
  "chantier insertion", "Gramat mobilité", "mobilité " BENCH_TEXT_ABSENT_WORD, "clause sociale",
  "médecin traitant",
};

/* Typed letter by letter: every beginning of these is a query. */
static const char *const typed[] = {
  "réseau", "accompagnement", "mobilité", "logement", "employeurs", "santé", "diagnostic",
  "maraîchage", "surendettement", "diagnostic partagé", "freins mobilité",
};

static const char *const no_accents[] = {
  "reseau", "sante", "mobilite", "referent", "demarches", "equipe", "beneficiaires", "reunion",
  "maraichage", "ergotherapeute", "interpretariat", "securise", "deplacements",
};

typedef struct
{
  char      *text;
  QueryKind  kind;
  gint64     matches;   /* sheets that match, whatever the limit */
  guint      results;   /* results returned, at most the limit */
  GArray    *runs_ms;   /* double */
  double     ms;        /* the median of the runs */
  double     like_ms;   /* < 0 unless in the LIKE subset */
} Query;

static void
query_free (Query *query)
{
  g_free (query->text);
  g_array_unref (query->runs_ms);
  g_free (query);
}

static void
add_query (GPtrArray *queries, const char *text, QueryKind kind)
{
  Query *query = g_new0 (Query, 1);

  query->text = g_strdup (text);
  query->kind = kind;
  query->runs_ms = g_array_new (FALSE, FALSE, sizeof (double));
  query->like_ms = -1;
  g_ptr_array_add (queries, query);
}

static void
add_queries (GPtrArray *queries, const char *const *texts, guint n, QueryKind kind)
{
  for (guint i = 0; i < n; i++)
    add_query (queries, texts[i], kind);
}

static GPtrArray *
make_queries (void)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);

  add_queries (queries, frequent_words, G_N_ELEMENTS (frequent_words), KIND_FREQUENT);
  add_queries (queries, middle_words, G_N_ELEMENTS (middle_words), KIND_MIDDLE);
  add_queries (queries, rare_words, G_N_ELEMENTS (rare_words), KIND_RARE);
  add_queries (queries, absent_words, G_N_ELEMENTS (absent_words), KIND_ABSENT);
  add_queries (queries, two_words, G_N_ELEMENTS (two_words), KIND_TWO_WORDS);
  add_queries (queries, no_accents, G_N_ELEMENTS (no_accents), KIND_NO_ACCENTS);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      /* the beginnings of a phrase typed after its first word: "diagnostic p", "diagnostic pa" */
      const char *space = strchr (typed[i], ' ');
      const char *p = space != NULL ? space + 2 : g_utf8_next_char (typed[i]);

      for (;; p = g_utf8_next_char (p))
        {
          g_autofree char *text = g_strndup (typed[i], p - typed[i]);

          add_query (queries, text, KIND_TYPING);
          if (*p == '\0')
            break;
        }
    }
  return queries;
}

/* Comments for the reader, on stderr as they are (g_printerr () would turn "é" into "?" in
 * the C locale meson runs us in). */
static void G_GNUC_PRINTF (1, 2)
note (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static gboolean
count_matches (AcqStore *store, Query *query, GError **error)
{
  g_autofree char *match = acq_search_build_query (query->text);
  sqlite3_stmt *stmt;
  int rc;

  query->matches = 0;
  if (match == NULL)
    return TRUE;
  stmt = acq_store_prepare (store, "SELECT count(*) FROM sheet_fts WHERE sheet_fts MATCH ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    query->matches = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, match);
  return TRUE;
}

static gboolean
run_search (AcqStore *store, Query *query, gboolean timed, GError **error)
{
  g_autoptr (GPtrArray) results = NULL;
  double start = now_ms (), elapsed;

  results = acq_search_sheets (store, query->text, SIDEBAR_LIMIT, error);
  elapsed = now_ms () - start;
  if (results == NULL)
    return FALSE;
  query->results = results->len;
  if (timed)
    g_array_append_val (query->runs_ms, elapsed);
  return TRUE;
}

/* The baseline: what a search without an index does, the same columns as sheet_fts, each
 * word anywhere in any of them, the sidebar's limit. LIKE folds the case of ASCII letters
 * only and keeps accents: "reseau" finds no "réseau" (and scans the whole table for
 * nothing), where FTS5 finds them all. */
#define LIKE_ONE_WORD(n)                                                                      \
  "(s.title LIKE ?" n " OR s.tasks LIKE ?" n " OR s.means LIKE ?" n " OR s.partners LIKE ?" n \
  " OR s.context LIKE ?" n " OR s.additional LIKE ?" n " OR s.organisation LIKE ?" n         \
  " OR s.department LIKE ?" n ")"
#define LIKE_SELECT                                                                           \
  "SELECT s.candidate_uuid, c.first_name, c.last_name, s.uuid, s.title FROM sheet s"          \
  " JOIN candidate c ON c.uuid = s.candidate_uuid"                                            \
  " WHERE s.deleted_at IS NULL AND c.deleted_at IS NULL AND "

static const char sql_like_1[] = LIKE_SELECT LIKE_ONE_WORD ("1") " LIMIT ?3";
static const char sql_like_2[] =
  LIKE_SELECT LIKE_ONE_WORD ("1") " AND " LIKE_ONE_WORD ("2") " LIMIT ?3";

static gboolean
run_like (AcqStore *store, Query *query, GError **error)
{
  g_auto (GStrv) words = g_strsplit (query->text, " ", 2);
  sqlite3_stmt *stmt;
  guint rows = 0;
  double start = now_ms ();
  int rc;

  stmt = acq_store_prepare (store, words[1] != NULL ? sql_like_2 : sql_like_1, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("%%%s%%", words[i]);

      sqlite3_bind_text (stmt, i + 1, pattern, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int (stmt, 3, SIDEBAR_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rows++;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, query->text);
  query->like_ms = now_ms () - start;
  note ("# LIKE %8.1f ms  FTS %6.2f ms  %5u rows  %-10s “%s”\n", query->like_ms, query->ms,
        rows, query->runs_ms != NULL ? kind_names[query->kind] : "(warm-up)", query->text);
  return TRUE;
}

static gint64
count_rows (AcqStore *store, const char *sql)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, NULL);
  gint64 n = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/* A copy that does not own the queries (g_ptr_array_copy () keeps the free function). */
static GPtrArray *
borrow (GPtrArray *queries)
{
  GPtrArray *copy = g_ptr_array_copy (queries, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

static void
shuffle (GPtrArray *array, GRand *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer swap = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = swap;
    }
}

static gboolean
time_searches (AcqStore *store, GPtrArray *queries, GError **error)
{
  g_autoptr (GPtrArray) order = borrow (queries);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  /* untimed: brings the index into the page caches, as a search a minute ago would */
  for (guint i = 0; i < queries->len; i++)
    if (!count_matches (store, g_ptr_array_index (queries, i), error) ||
        !run_search (store, g_ptr_array_index (queries, i), FALSE, error))
      return FALSE;
  for (guint run = 0; run < RUNS; run++)
    {
      shuffle (order, rand);
      for (guint i = 0; i < order->len; i++)
        if (!run_search (store, g_ptr_array_index (order, i), TRUE, error))
          return FALSE;
    }
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      query->ms = bench_median (query->runs_ms);
    }
  return TRUE;
}

/* The LIKE subset: the first queries of each kind, in turn, so that it has every kind. */
static GPtrArray *
pick_like_subset (GPtrArray *queries, guint n)
{
  GPtrArray *subset = g_ptr_array_new ();
  guint taken[N_KINDS] = { 0 };

  while (subset->len < n && subset->len < queries->len)
    for (guint kind = 0; kind < N_KINDS && subset->len < n; kind++)
      {
        guint seen = 0;

        for (guint i = 0; i < queries->len; i++)
          {
            Query *query = g_ptr_array_index (queries, i);

            if (query->kind != kind)
              continue;
            /* the typed queries: a letter in four, not "r", "ré", "rés" in a row */
            if (seen++ == taken[kind] * (kind == KIND_TYPING ? 4 : 1))
              {
                g_ptr_array_add (subset, query);
                taken[kind]++;
                break;
              }
          }
      }
  return subset;
}

static void
print_stats (const char *name, GArray *values)
{
  g_print ("%s_median: %.2f ms\n", name, bench_median (values));
  g_print ("%s_p95: %.2f ms\n", name, bench_percentile (values, 95));
}

static int
compare_query_ms (gconstpointer a, gconstpointer b)
{
  const Query *x = *(Query *const *) a, *y = *(Query *const *) b;

  return (x->ms < y->ms) - (x->ms > y->ms);
}

static void
print_search_figures (GPtrArray *queries)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) slowest = borrow (queries);

  for (guint i = 0; i < queries->len; i++)
    g_array_append_val (all, ((Query *) g_ptr_array_index (queries, i))->ms);
  g_print ("search_queries: %u count\n", queries->len);
  print_stats ("search", all);
  g_print ("search_p99: %.2f ms\n", bench_percentile (all, 99));
  g_print ("search_max: %.2f ms\n", bench_percentile (all, 100));
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = g_strdup_printf ("search_%s", kind_names[kind]);

      for (guint i = 0; i < queries->len; i++)
        {
          Query *query = g_ptr_array_index (queries, i);
          double n = query->matches;

          if (query->kind != kind)
            continue;
          g_array_append_val (times, query->ms);
          g_array_append_val (matches, n);
        }
      print_stats (name, times);
      g_print ("%s_matches_median: %.0f sheets\n", name, bench_median (matches));
    }

  g_ptr_array_sort (slowest, compare_query_ms);
  note ("# the slowest queries (median of %d runs, sheets matched, results returned):\n",
        RUNS);
  for (guint i = 0; i < MIN (15, slowest->len); i++)
    {
      Query *query = g_ptr_array_index (slowest, i);
      note ("#   %7.2f ms  %6" G_GINT64_FORMAT " matches  %2u results  %-10s “%s”\n",
            query->ms, query->matches, query->results, kind_names[query->kind], query->text);
    }
}

static gboolean
run_like_baseline (AcqStore *store, GPtrArray *queries, guint n, GError **error)
{
  g_autoptr (GPtrArray) subset = pick_like_subset (queries, n);
  g_autoptr (GArray) like = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) fts = g_array_new (FALSE, FALSE, sizeof (double));
  Query warm = { .text = (char *) BENCH_TEXT_ABSENT_WORD };
  double like_median, fts_median, like_total = 0, fts_total = 0;

  if (subset->len == 0)
    return TRUE;
  /* untimed: a scan of the whole table, that brings it into the page cache */
  if (!run_like (store, &warm, error))
    return FALSE;
  for (guint i = 0; i < subset->len; i++)
    {
      Query *query = g_ptr_array_index (subset, i);

      if (!run_like (store, query, error))
        return FALSE;
      g_array_append_val (like, query->like_ms);
      g_array_append_val (fts, query->ms);
    }
  like_median = bench_median (like);
  fts_median = bench_median (fts);
  for (guint i = 0; i < like->len; i++)
    {
      like_total += g_array_index (like, double, i);
      fts_total += g_array_index (fts, double, i);
    }
  g_print ("search_like_queries: %u count\n", subset->len);
  print_stats ("search_like", like);
  print_stats ("search_fts_same_queries", fts);
  /* above 1, the FTS search is faster */
  g_print ("search_like_ratio: %.2f ratio\n", fts_median > 0 ? like_median / fts_median : 0);
  g_print ("search_like_ratio_p95: %.2f ratio\n",
           bench_percentile (fts, 95) > 0 ? bench_percentile (like, 95) / bench_percentile (fts, 95) : 0);
  /* the mean: what a coach waits on average, the long scans included */
  g_print ("search_like_mean: %.2f ms\n", like_total / like->len);
  g_print ("search_fts_same_queries_mean: %.2f ms\n", fts_total / fts->len);
  g_print ("search_like_ratio_mean: %.2f ratio\n", fts_total > 0 ? like_total / fts_total : 0);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_auto (GStrv) args = NULL;
  int like_queries = 20;
  gint64 sheets, candidates;
  const GOptionEntry entries[] = {
    { "like-queries", 'l', 0, G_OPTION_ARG_INT, &like_queries,
      "Queries also run as a LIKE scan (20)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, "DIR" },
    { NULL }
  };
  double start;

  context = g_option_context_new ("DIR — time the full-text search over a data folder");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (args == NULL || g_strv_length (args) != 1 || like_queries < 0)
    {
      g_printerr ("Usage: %s [--like-queries N] DIR\n", g_get_prgname ());
      return 2;
    }

  start = now_ms ();
  store = acq_store_open (args[0], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", args[0], error->message);
      return 1;
    }
  note ("# store opened in %.0f ms\n", now_ms () - start);
  sheets = count_rows (store, "SELECT count(*) FROM sheet WHERE deleted_at IS NULL");
  candidates = count_rows (store, "SELECT count(*) FROM candidate WHERE deleted_at IS NULL");
  if (sheets <= 0)
    {
      g_printerr ("%s holds no sheet: fill it with bench-data --sheets\n", args[0]);
      return 1;
    }
  g_print ("search_sheets: %" G_GINT64_FORMAT " count\n", sheets);
  g_print ("search_candidates: %" G_GINT64_FORMAT " count\n", candidates);

  queries = make_queries ();
  if (!time_searches (store, queries, &error))
    {
      g_printerr ("search: %s\n", error->message);
      return 1;
    }
  print_search_figures (queries);
  if (!run_like_baseline (store, queries, like_queries, &error))
    {
      g_printerr ("LIKE: %s\n", error->message);
      return 1;
    }
  return 0;
}
