/* acq-search.c — full-text search across every sheet of every candidate
 *
 * The index (sheet_fts, an FTS5 table kept by triggers, see the store's migrations) folds
 * case and accents, so "reseau" finds "réseau". What the user types is never given to FTS5 as
 * a query: each word becomes a quoted string, so that quotes, parentheses, "*", NEAR, OR or
 * NOT are plain text, and the last word matches as a prefix, so that results come while the
 * word is being typed.
 *
 * Speed, for a store of 100,000 sheets where a common word is in most of them:
 * - ranking by bm25 costs about 10 µs per matching sheet and word, so only the RANKED_MAX most
 *   recent matches are ranked (a first query that ranks nothing finds where they begin);
 * - a prefix longer than the index keeps (prefix = '2 3') makes FTS5 merge the lists of every
 *   word it begins, hundreds of milliseconds for "accompag", so the words are first looked for
 *   whole; if that gives fewer results than asked, the last word is cut to the prefix the index
 *   keeps ("acc"), and the function acq_prefix_match() keeps the sheets that have a word that
 *   begins with the whole prefix, reading only the most recent matches. Only when that still
 *   gives too few does FTS5 merge, and then the prefix is rare, so the merge is short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-search"

#include "config.h"

#include <string.h>

#include "acq-candidate.h"
#include "acq-search.h"
#include "acq-sheet.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* A prefix of one letter matches a good part of the French language, for no useful result:
 * the last word is a prefix from two letters on (the index keeps prefixes of 2 and 3). */
#define PREFIX_MIN_CHARS 2
#define DEFAULT_RESULTS 50
/* How many of the most recent matches are ranked, at most: bm25 costs about 10 µs per match
 * and word, so that a search of three common words in a huge store stays under 20 ms. */
#define RANKED_MAX 200
/* The index keeps the prefixes of up to this many characters (prefix = '2 3'). */
#define INDEXED_PREFIX_CHARS 3

/* Where the RANKED_MAX most recent matches begin: FTS5 walks its lists backwards and stops
 * there, without ranking anything. */
static const char sql_cutoff[] =
  "SELECT rowid FROM sheet_fts WHERE sheet_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2";
/* ORDER BY rank lets FTS5 sort by bm25 itself and stop at the limit, so that the snippets
 * are made for the rows returned only. */
static const char sql_search[] =
  "SELECT s.candidate_uuid, c.first_name, c.last_name, s.uuid, s.title,"
  " snippet (sheet_fts, -1, char (2), char (3), '…', 12), sheet_fts.rank"
  " FROM sheet_fts JOIN sheet s ON s.id = sheet_fts.rowid"
  " JOIN candidate c ON c.uuid = s.candidate_uuid"
  " WHERE sheet_fts MATCH ?1 AND sheet_fts.rowid >= ?3 AND s.deleted_at IS NULL"
  " AND c.deleted_at IS NULL ORDER BY sheet_fts.rank LIMIT ?2";
/* The same, for a query whose last word was cut to the prefix the index keeps: ?4 is the
 * number of that phrase, ?5 the word as typed. */
static const char sql_search_cut[] =
  "SELECT s.candidate_uuid, c.first_name, c.last_name, s.uuid, s.title,"
  " snippet (sheet_fts, -1, char (2), char (3), '…', 12), sheet_fts.rank"
  " FROM sheet_fts JOIN sheet s ON s.id = sheet_fts.rowid"
  " JOIN candidate c ON c.uuid = s.candidate_uuid"
  " WHERE sheet_fts MATCH ?1 AND sheet_fts.rowid >= ?3 AND s.deleted_at IS NULL"
  " AND c.deleted_at IS NULL AND acq_prefix_match (sheet_fts, ?4, ?5)"
  " ORDER BY sheet_fts.rank LIMIT ?2";

G_DEFINE_BOXED_TYPE (AcqSearchResult, acq_search_result, acq_search_result_copy,
                     acq_search_result_free)

AcqSearchResult *
acq_search_result_copy (const AcqSearchResult *result)
{
  AcqSearchResult *copy = g_new0 (AcqSearchResult, 1);

  copy->candidate_uuid = g_strdup (result->candidate_uuid);
  copy->candidate_name = g_strdup (result->candidate_name);
  copy->sheet_uuid = g_strdup (result->sheet_uuid);
  copy->sheet_title = g_strdup (result->sheet_title);
  copy->snippet = g_strdup (result->snippet);
  copy->rank = result->rank;
  return copy;
}

void
acq_search_result_free (AcqSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->candidate_uuid);
  g_free (result->candidate_name);
  g_free (result->sheet_uuid);
  g_free (result->sheet_title);
  g_free (result->snippet);
  g_free (result);
}

/**
 * acq_search_result_dup_markup:
 * @result: a result
 *
 * Returns: (transfer full): the snippet as Pango markup, the matched words in bold
 */
char *
acq_search_result_dup_markup (const AcqSearchResult *result)
{
  GString *markup = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (result != NULL, NULL);
  for (p = result->snippet; p != NULL && *p != '\0';)
    {
      gsize run = strcspn (p, ACQ_SEARCH_MATCH_START ACQ_SEARCH_MATCH_END);
      g_autofree char *escaped = g_markup_escape_text (p, run);

      g_string_append (markup, escaped);
      p += run;
      if (*p == '\0')
        break;
      g_string_append (markup, *p == ACQ_SEARCH_MATCH_START[0] ? "<b>" : "</b>");
      p++;
    }
  return g_string_free (markup, FALSE);
}

/* The letters and digits at the end of @word: what FTS5 will take as the prefix. */
static guint
last_token_length (const char *word)
{
  const char *end = word + strlen (word);
  guint length = 0;

  for (const char *p = end; p > word;)
    {
      p = g_utf8_prev_char (p);
      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        break;
      length++;
    }
  return length;
}

static gboolean
has_token (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean at_end = *p == '\0';

      if (at_end || g_unichar_isspace (g_utf8_get_char (p)))
        {
          if (start != NULL)
            {
              g_autofree char *word = g_strndup (start, p - start);
              if (has_token (word))
                g_ptr_array_add (words, g_steal_pointer (&word));
            }
          start = NULL;
        }
      else if (start == NULL)
        start = p;
      if (at_end)
        break;
    }
  return words;
}

/* The words as FTS5 strings, all required; the last one a prefix if @prefix_last and if it
 * ends with enough letters. */
static char *
join_words (GPtrArray *words, gboolean prefix_last)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (i > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      /* inside an FTS5 string, a quote is written twice */
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
      if (prefix_last && i == words->len - 1 && last_token_length (word) >= PREFIX_MIN_CHARS)
        g_string_append_c (query, '*');
    }
  return g_string_free (query, FALSE);
}

static GPtrArray *
words_of (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_ptr_array_new_with_free_func (g_free);
  return split_words (text);
}

/**
 * acq_search_build_query:
 * @text: (nullable): what the user typed
 *
 * Makes an FTS5 query from the user's words: every word must be present (in any order, any
 * case, with or without accents); a word with punctuation inside ("l'insertion",
 * "Jean-Marc") must appear as it is written; the last word may be the beginning of a word.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @text has no word to look for
 */
char *
acq_search_build_query (const char *text)
{
  g_autoptr (GPtrArray) words = words_of (text);

  if (words->len == 0)
    return NULL;
  return join_words (words, TRUE);
}

static AcqSearchResult *
result_from_row (sqlite3_stmt *stmt)
{
  AcqSearchResult *result = g_new0 (AcqSearchResult, 1);
  const char *candidate_uuid = _acq_sql_column_text (stmt, 0);
  g_autoptr (AcqCandidate) candidate = acq_candidate_new (candidate_uuid);
  g_autoptr (AcqSheet) sheet = acq_sheet_new (_acq_sql_column_text (stmt, 3), candidate_uuid);

  /* the names are made as everywhere else in the app */
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, _acq_sql_column_text (stmt, 1));
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, _acq_sql_column_text (stmt, 2));
  acq_sheet_set_title (sheet, _acq_sql_column_text (stmt, 4));

  result->candidate_uuid = g_strdup (candidate_uuid);
  result->candidate_name = acq_candidate_dup_display_name (candidate);
  result->sheet_uuid = _acq_sql_column_dup (stmt, 3);
  result->sheet_title = acq_sheet_dup_display_title (sheet);
  result->snippet = _acq_sql_column_dup (stmt, 5);
  result->rank = sqlite3_column_double (stmt, 6);
  return result;
}

/* acq_prefix_match (sheet_fts, PHRASE, WORD): whether the row has a word that begins with WORD
 * (folded by the table's own tokenizer) where the phrase number PHRASE, a shorter prefix of it,
 * matched. Only the columns where that phrase matched are read, and only up to the first
 * word found. */

typedef struct
{
  char    *prefix; /* folded */
  int      length;
  gboolean found;
} PrefixScan;

static int
on_query_token (void *data, int flags, const char *token, int length, int start, int end)
{
  PrefixScan *scan = data;

  /* the last token of the word: "l'inser" is not cut, so there is one */
  g_free (scan->prefix);
  scan->prefix = g_strndup (token, length);
  scan->length = length;
  return SQLITE_OK;
}

static int
on_row_token (void *data, int flags, const char *token, int length, int start, int end)
{
  PrefixScan *scan = data;

  if (length >= scan->length && memcmp (token, scan->prefix, scan->length) == 0)
    {
      scan->found = TRUE;
      return SQLITE_DONE; /* stops the tokenizer */
    }
  return SQLITE_OK;
}

static int
scan_row (const Fts5ExtensionApi *api, Fts5Context *fts, int phrase, PrefixScan *scan)
{
  guint64 columns_read = 0;
  int n_inst, rc;

  if ((rc = api->xInstCount (fts, &n_inst)) != SQLITE_OK)
    return rc;
  for (int i = 0; i < n_inst && !scan->found; i++)
    {
      int inst_phrase, column, offset, length;
      const char *text;

      if ((rc = api->xInst (fts, i, &inst_phrase, &column, &offset)) != SQLITE_OK)
        return rc;
      if (inst_phrase != phrase || column >= 64 || (columns_read & (1ull << column)))
        continue;
      columns_read |= 1ull << column;
      if ((rc = api->xColumnText (fts, column, &text, &length)) != SQLITE_OK)
        return rc;
      rc = api->xTokenize (fts, text, length, scan, on_row_token);
      if (rc != SQLITE_OK && rc != SQLITE_DONE)
        return rc;
    }
  return SQLITE_OK;
}

static void
prefix_match_function (const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                       int argc, sqlite3_value **argv)
{
  PrefixScan scan = { NULL, 0, FALSE };
  const char *word;
  int rc;

  if (argc != 2)
    {
      sqlite3_result_error (context, "acq_prefix_match: two arguments expected", -1);
      return;
    }
  word = (const char *) sqlite3_value_text (argv[1]);
  rc = api->xTokenize (fts, word ? word : "", sqlite3_value_bytes (argv[1]), &scan,
                       on_query_token);
  if (rc == SQLITE_OK && scan.prefix != NULL)
    rc = scan_row (api, fts, sqlite3_value_int (argv[0]), &scan);
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (context, rc);
  else
    sqlite3_result_int (context, scan.found);
  g_free (scan.prefix);
}

/* The function is registered once per connection: the store keeps a mark of it. */
static gboolean
ensure_functions (AcqStore *store, GError **error)
{
  sqlite3 *db = acq_store_get_db (store);
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (g_object_get_data (G_OBJECT (store), "acq-search-functions") != NULL)
    return TRUE;
  rc = sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      rc = api != NULL ? api->xCreateFunction (api, "acq_prefix_match", NULL,
                                               prefix_match_function, NULL)
                       : SQLITE_ERROR;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, "registering acq_prefix_match");
  g_object_set_data (G_OBJECT (store), "acq-search-functions", GINT_TO_POINTER (TRUE));
  return TRUE;
}

static gboolean
find_cutoff (AcqStore *store, const char *query, gint64 *out_cutoff, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_cutoff, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, RANKED_MAX - 1);
  rc = sqlite3_step (stmt);
  *out_cutoff = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, query);
  return TRUE;
}

static gboolean
is_single_token (const char *text, gsize length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (!g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  return length > 0;
}

/* Whether a word the snippet marked was marked for the cut prefix only: "restants" for
 * "reseau", found by its first letters "res". Such a word matches no word the user typed. */
static gboolean
marked_for_cut_only (const char *marked, gsize length, GPtrArray *folded_words)
{
  g_autofree char *span = NULL;
  g_autofree char *folded = NULL;
  const char *last = g_ptr_array_index (folded_words, folded_words->len - 1);

  if (!is_single_token (marked, length))
    return FALSE;
  span = g_strndup (marked, length);
  folded = acq_text_fold (span);
  if (g_str_has_prefix (folded, last))
    return FALSE;
  for (guint i = 0; i + 1 < folded_words->len; i++)
    if (strcmp (folded, g_ptr_array_index (folded_words, i)) == 0)
      return FALSE;
  return TRUE;
}

/* The snippet of a query whose last word was cut marks every word that begins like the cut
 * prefix: the marks are taken off those that do not begin with the whole word typed. */
static void
unmark_cut_matches (AcqSearchResult *result, GPtrArray *folded_words)
{
  GString *snippet;

  if (result->snippet == NULL)
    return;
  snippet = g_string_new (NULL);
  for (const char *p = result->snippet; *p != '\0';)
    {
      const char *end;

      if (*p != ACQ_SEARCH_MATCH_START[0] ||
          (end = strchr (p + 1, ACQ_SEARCH_MATCH_END[0])) == NULL ||
          !marked_for_cut_only (p + 1, end - (p + 1), folded_words))
        {
          g_string_append_c (snippet, *p++);
          continue;
        }
      g_string_append_len (snippet, p + 1, end - (p + 1));
      p = end + 1;
    }
  g_free (result->snippet);
  result->snippet = g_string_free (snippet, FALSE);
}

/* Ranks the matches of @query from the sheet @cutoff on, into @results. If @cut, the query's
 * last word was cut, and a row must have a word that begins with the last of @words. */
static gboolean
rank (AcqStore *store, const char *query, guint limit, gint64 cutoff, GPtrArray *words,
      gboolean cut, GPtrArray *results, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, cut ? sql_search_cut : sql_search, error);
  g_autoptr (GPtrArray) folded_words = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, cutoff);
  if (cut)
    {
      sqlite3_bind_int (stmt, 4, words->len - 1);
      _acq_sql_bind_text (stmt, 5, g_ptr_array_index (words, words->len - 1));
    }
  if (cut)
    {
      folded_words = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < words->len; i++)
        g_ptr_array_add (folded_words, acq_text_fold (g_ptr_array_index (words, i)));
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSearchResult *result = result_from_row (stmt);

      if (cut)
        unmark_cut_matches (result, folded_words);
      g_ptr_array_add (results, result);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, query);
  return TRUE;
}

/* The query with the last word cut to the prefix the index keeps, which FTS5 walks without
 * merging anything. %NULL if the last word is short already, or not a plain word. */
static char *
cut_query (GPtrArray *words)
{
  const char *last = g_ptr_array_index (words, words->len - 1);
  glong length = g_utf8_strlen (last, -1);
  g_autoptr (GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);

  if (length <= INDEXED_PREFIX_CHARS || (glong) last_token_length (last) != length)
    return NULL;
  for (guint i = 0; i + 1 < words->len; i++)
    g_ptr_array_add (cut, g_strdup (g_ptr_array_index (words, i)));
  g_ptr_array_add (cut, g_utf8_substring (last, 0, INDEXED_PREFIX_CHARS));
  return join_words (cut, TRUE);
}

/* The last word as a prefix: with the cut query first, then, if that gives too few results
 * among the most recent sheets, with the prefix itself. */
static gboolean
search_prefixed (AcqStore *store, GPtrArray *words, guint limit, GPtrArray *results,
                 GError **error)
{
  g_autofree char *query = join_words (words, TRUE);
  g_autofree char *cut = cut_query (words);
  gint64 cutoff = 0;

  if (cut != NULL)
    {
      if (!ensure_functions (store, error) || !find_cutoff (store, cut, &cutoff, error) ||
          !rank (store, cut, limit, cutoff, words, TRUE, results, error))
        return FALSE;
      /* every match was read: nothing more to find */
      if (results->len >= limit || cutoff == 0)
        return TRUE;
      g_ptr_array_set_size (results, 0);
    }
  return find_cutoff (store, query, &cutoff, error) &&
         rank (store, query, limit, cutoff, words, FALSE, results, error);
}

/**
 * acq_search_sheets:
 * @store: the store
 * @text: what the user typed, as it is: it is made safe here
 * @limit: the most results wanted (0 for a default of 50; at most %ACQ_SEARCH_MAX_RESULTS)
 * @error: where to put an error
 *
 * Searches the title, the rubrics, the organisation and the department of every sheet of
 * every candidate (deleted ones aside). The whole words are looked for first; if they give
 * fewer than @limit results, the last word is taken as the beginning of a word. Among very
 * many matches, the most recent ones are ranked (see the top of this file).
 *
 * Returns: (transfer full) (element-type AcqSearchResult): the results, best first (empty if
 *   @text has no word), or %NULL on error
 */
GPtrArray *
acq_search_sheets (AcqStore *store, const char *text, guint limit, GError **error)
{
  g_autoptr (GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_search_result_free);
  g_autoptr (GPtrArray) words = words_of (text);
  g_autofree char *whole = NULL;
  g_autofree char *prefixed = NULL;
  gint64 cutoff;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  limit = limit == 0 ? DEFAULT_RESULTS : MIN (limit, ACQ_SEARCH_MAX_RESULTS);
  if (words->len == 0)
    return g_steal_pointer (&results);
  whole = join_words (words, FALSE);
  prefixed = join_words (words, TRUE);
  if (!find_cutoff (store, whole, &cutoff, error) ||
      !rank (store, whole, limit, cutoff, words, FALSE, results, error))
    return NULL;
  if (results->len < limit && strcmp (whole, prefixed) != 0)
    {
      g_ptr_array_set_size (results, 0);
      if (!search_prefixed (store, words, limit, results, error))
        return NULL;
    }
  return g_steal_pointer (&results);
}
