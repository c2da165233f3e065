/* acq-diff.c — word-level differences between two versions of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The texts are cut into tokens (words, runs of spaces, single punctuation marks or emoji),
 * each token is given a number, and Myers' O(ND) algorithm — the linear-space "middle snake"
 * form — finds the shortest edit script on those numbers. A work budget bounds the search:
 * when two large texts differ almost everywhere, the part that could not be resolved is
 * compared again line by line, and what is still too different is shown as deleted then
 * inserted. The result is always exact (it renders both texts back), only coarser.
 */
#define G_LOG_DOMAIN "acq-diff"

#include "config.h"

#include <string.h>

#include "acq-diff.h"

/* Units of work (diagonal probes plus token comparisons) per pass. At a few nanoseconds
 * each, three passes stay far below a second whatever the input. */
#define WORD_BUDGET   (G_GINT64_CONSTANT (16000000))
#define LINE_BUDGET   (G_GINT64_CONSTANT (4000000))
#define REGION_BUDGET (G_GINT64_CONSTANT (16000000))

/* Internal to the edit script: a stretch that the budget did not allow to resolve. */
#define OP_UNRESOLVED 3

typedef struct
{
  const char *start;
  gsize len;
} Token;

typedef struct
{
  int op;
  int a_len;
  int b_len;
} Run;

typedef struct
{
  GArray *a_tokens; /* Token */
  GArray *b_tokens;
  guint *a_ids;
  guint *b_ids;
} DiffInput;

/**
 * acq_diff_span_free:
 * @span: (nullable): a span
 *
 * Frees a span returned in the array of acq_diff_words().
 */
void
acq_diff_span_free (AcqDiffSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->text);
  g_free (span);
}

/* --- Tokens ------------------------------------------------------------------------- */

static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return g_unichar_isalnum (c);
    }
}

/* Characters that belong to the grapheme before them: accents typed as combining marks,
 * the joiner and variation selectors of emoji sequences, skin tones, flag tags. Cutting
 * there would show half an emoji as changed. */
static gboolean
is_extender (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Length in bytes of one symbol token at @p: the character and what extends it. */
static gsize
symbol_token_len (const char *p)
{
  const char *q = g_utf8_next_char (p);
  gunichar first = g_utf8_get_char (p);

  if (is_regional_indicator (first) && *q != '\0' && is_regional_indicator (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  while (*q != '\0' && is_extender (g_utf8_get_char (q)))
    {
      gboolean joiner = g_utf8_get_char (q) == 0x200D;

      q = g_utf8_next_char (q);
      if (joiner && *q != '\0')
        q = g_utf8_next_char (q);
    }
  return q - p;
}

/* A run of spaces ends after a newline, so that lines are whole runs of tokens (the line
 * fallback relies on it). "\r\n" stays in one token. */
static gsize
space_token_len (const char *p)
{
  const char *q = p;

  while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
    {
      gboolean newline = *q == '\n';

      q = g_utf8_next_char (q);
      if (newline)
        break;
    }
  return q - p;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { p, 0 };

      if (is_word_char (c))
        {
          const char *q = p;
          while (*q != '\0' && is_word_char (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          token.len = q - p;
        }
      else if (g_unichar_isspace (c))
        token.len = space_token_len (p);
      else
        token.len = symbol_token_len (p);
      g_array_append_val (tokens, token);
      p += token.len;
    }
  return tokens;
}

static guint
token_hash (gconstpointer key)
{
  const Token *token = key;
  guint hash = 5381;

  for (gsize i = 0; i < token->len; i++)
    hash = hash * 33 + (guchar) token->start[i];
  return hash;
}

static gboolean
token_equal (gconstpointer a, gconstpointer b)
{
  const Token *ta = a;
  const Token *tb = b;

  return ta->len == tb->len && memcmp (ta->start, tb->start, ta->len) == 0;
}

/* Gives equal tokens of both arrays the same number, so that the search compares integers. */
static void
number_tokens (GArray *a, GArray *b, guint **a_ids, guint **b_ids)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new (token_hash, token_equal);
  GArray *arrays[2] = { a, b };
  guint *ids[2];

  for (int side = 0; side < 2; side++)
    {
      ids[side] = g_new (guint, arrays[side]->len + 1);
      for (guint i = 0; i < arrays[side]->len; i++)
        {
          Token *token = &g_array_index (arrays[side], Token, i);
          gpointer number = g_hash_table_lookup (numbers, token);

          if (number == NULL)
            {
              number = GUINT_TO_POINTER (g_hash_table_size (numbers) + 1);
              g_hash_table_insert (numbers, token, number);
            }
          ids[side][i] = GPOINTER_TO_UINT (number);
        }
    }
  *a_ids = ids[0];
  *b_ids = ids[1];
}

/* --- Myers ---------------------------------------------------------------------------- */

static void
push_run (GArray *runs, int op, int a_len, int b_len)
{
  if (a_len == 0 && b_len == 0)
    return;
  if (runs->len > 0)
    {
      Run *last = &g_array_index (runs, Run, runs->len - 1);
      if (last->op == op)
        {
          last->a_len += a_len;
          last->b_len += b_len;
          return;
        }
    }
  g_array_append_val (runs, ((Run){ op, a_len, b_len }));
}

static void myers (const guint *a, int n, const guint *b, int m, gint64 *budget, GArray *runs);

/* One step of the forward (@forward) or backward search on diagonal @k: extends the furthest
 * path and follows the snake of equal tokens. Returns how far along a the path reaches. */
static int
extend_path (int *v, int v_offset, int k, int d, const guint *a, int n, const guint *b, int m,
             gboolean forward, gint64 *work)
{
  int x, y;

  if (k == -d || (k != d && v[v_offset + k - 1] < v[v_offset + k + 1]))
    x = v[v_offset + k + 1];
  else
    x = v[v_offset + k - 1] + 1;
  y = x - k;
  if (forward)
    while (x < n && y < m && a[x] == b[y])
      x++, y++, (*work)++;
  else
    while (x < n && y < m && a[n - x - 1] == b[m - y - 1])
      x++, y++, (*work)++;
  (*work)++;
  v[v_offset + k] = x;
  return x;
}

/* Finds the middle snake: a point (x, y) on a shortest edit path, searching from both ends
 * at once. FALSE with *exhausted unset means the two sequences have nothing in common. */
static gboolean
bisect (const guint *a, int n, const guint *b, int m, gint64 *budget, int *x_split,
        int *y_split, gboolean *exhausted)
{
  int max_d = (n + m + 1) / 2;
  int v_offset = max_d;
  int v_length = 2 * max_d + 2;
  g_autofree int *v1 = g_new (int, v_length);
  g_autofree int *v2 = g_new (int, v_length);
  int delta = n - m;
  gboolean front = (delta % 2 != 0);
  int k1start = 0, k1end = 0, k2start = 0, k2end = 0;

  for (int i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (int d = 0; d < max_d; d++)
    {
      gint64 work = 0;

      for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          int x1 = extend_path (v1, v_offset, k1, d, a, n, b, m, TRUE, &work);
          int y1 = x1 - k1;
          int k2_offset = v_offset + delta - k1;

          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front && k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 &&
                   x1 >= n - v2[k2_offset])
            {
              *x_split = x1;
              *y_split = y1;
              return TRUE;
            }
        }
      for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          int x2 = extend_path (v2, v_offset, k2, d, a, n, b, m, FALSE, &work);
          int y2 = x2 - k2;
          int k1_offset = v_offset + delta - k2;

          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front && k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1 &&
                   v1[k1_offset] >= n - x2)
            {
              *x_split = v1[k1_offset];
              *y_split = v_offset + v1[k1_offset] - k1_offset;
              return TRUE;
            }
        }
      *budget -= work;
      if (*budget < 0)
        {
          *exhausted = TRUE;
          return FALSE;
        }
    }
  return FALSE;
}

/* Appends to @runs the edit script from a[0..n) to b[0..m). */
static void
myers (const guint *a, int n, const guint *b, int m, gint64 *budget, GArray *runs)
{
  int prefix = 0, suffix = 0;
  int x, y;
  gboolean exhausted = FALSE;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - suffix - 1] == b[m - suffix - 1])
    suffix++;
  push_run (runs, ACQ_DIFF_EQUAL, prefix, prefix);
  a += prefix, b += prefix;
  n -= prefix + suffix, m -= prefix + suffix;

  if (n == 0 || m == 0)
    {
      push_run (runs, ACQ_DIFF_DELETED, n, 0);
      push_run (runs, ACQ_DIFF_INSERTED, 0, m);
    }
  else if (*budget > 0 && bisect (a, n, b, m, budget, &x, &y, &exhausted))
    {
      myers (a, x, b, y, budget, runs);
      myers (a + x, n - x, b + y, m - y, budget, runs);
    }
  else if (exhausted || *budget <= 0)
    push_run (runs, OP_UNRESOLVED, n, m);
  else
    {
      push_run (runs, ACQ_DIFF_DELETED, n, 0);
      push_run (runs, ACQ_DIFF_INSERTED, 0, m);
    }
  push_run (runs, ACQ_DIFF_EQUAL, suffix, suffix);
}

/* --- Line fallback ------------------------------------------------------------------ */

/* Groups tokens[first..first+count) into lines; returns each line's token count and
 * a number per distinct line text in @line_ids. */
static GArray *
split_lines (GArray *tokens, int first, int count, GHashTable *numbers, GArray *line_ids)
{
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (int));
  int i = 0;

  while (i < count)
    {
      Token *line_start = &g_array_index (tokens, Token, first + i);
      Token line = { line_start->start, 0 };
      int size = 0;
      gpointer number;
      guint id;

      while (i < count)
        {
          Token *token = &g_array_index (tokens, Token, first + i);
          line.len = token->start + token->len - line.start;
          size++, i++;
          if (token->start[token->len - 1] == '\n')
            break;
        }
      number = g_hash_table_lookup (numbers, &line);
      if (number == NULL)
        {
          Token *key = g_new (Token, 1);
          *key = line;
          number = GUINT_TO_POINTER (g_hash_table_size (numbers) + 1);
          g_hash_table_insert (numbers, key, number);
        }
      id = GPOINTER_TO_UINT (number);
      g_array_append_val (line_ids, id);
      g_array_append_val (sizes, size);
    }
  return sizes;
}

static int
sum_sizes (GArray *sizes, int first, int count)
{
  int total = 0;

  for (int i = first; i < first + count; i++)
    total += g_array_index (sizes, int, i);
  return total;
}

/* The word search gave up on tokens a[ai..ai+n) / b[bi..bi+m): compare them line by line,
 * then word by word inside each changed group of lines while the budget lasts. */
static void
resolve_by_lines (DiffInput *in, int ai, int n, int bi, int m, gint64 *region_budget,
                  GArray *out)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new_full (token_hash, token_equal, g_free, NULL);
  g_autoptr (GArray) a_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) b_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) a_sizes = split_lines (in->a_tokens, ai, n, numbers, a_lines);
  g_autoptr (GArray) b_sizes = split_lines (in->b_tokens, bi, m, numbers, b_lines);
  g_autoptr (GArray) line_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  gint64 line_budget = LINE_BUDGET;
  int la = 0, lb = 0;

  myers ((guint *) a_lines->data, a_lines->len, (guint *) b_lines->data, b_lines->len,
         &line_budget, line_runs);
  for (guint r = 0; r < line_runs->len;)
    {
      Run *run = &g_array_index (line_runs, Run, r);
      int ca = 0, cb = 0, ta, tb;

      if (run->op == ACQ_DIFF_EQUAL)
        {
          ta = sum_sizes (a_sizes, la, run->a_len);
          push_run (out, ACQ_DIFF_EQUAL, ta, ta);
          la += run->a_len, lb += run->b_len, ai += ta, bi += ta, r++;
          continue;
        }
      /* A group of changed lines, up to the next equal one. */
      for (; r < line_runs->len && g_array_index (line_runs, Run, r).op != ACQ_DIFF_EQUAL; r++)
        {
          ca += g_array_index (line_runs, Run, r).a_len;
          cb += g_array_index (line_runs, Run, r).b_len;
        }
      ta = sum_sizes (a_sizes, la, ca);
      tb = sum_sizes (b_sizes, lb, cb);
      /* Searching the whole stretch again would only fail the same way. */
      if (ta == n && tb == m)
        push_run (out, OP_UNRESOLVED, ta, tb);
      else
        myers (in->a_ids + ai, ta, in->b_ids + bi, tb, region_budget, out);
      la += ca, lb += cb, ai += ta, bi += tb;
    }
}

/* --- Spans ------------------------------------------------------------------------------ */

static gboolean
is_trivial (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_word_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
append_span (GPtrArray *spans, AcqDiffOp op, const char *text, gsize len)
{
  AcqDiffSpan *span;

  if (len == 0)
    return;
  span = g_new (AcqDiffSpan, 1);
  span->op = op;
  span->text = g_strndup (text, len);
  g_ptr_array_add (spans, span);
}

static void
append_tokens (GPtrArray *spans, AcqDiffOp op, GArray *tokens, int first, int count)
{
  Token *a, *b;

  if (count == 0)
    return;
  a = &g_array_index (tokens, Token, first);
  b = &g_array_index (tokens, Token, first + count - 1);
  append_span (spans, op, a->start, b->start + b->len - a->start);
}

static void
flush_change (GPtrArray *spans, GString *deleted, GString *inserted)
{
  append_span (spans, ACQ_DIFF_DELETED, deleted->str, deleted->len);
  append_span (spans, ACQ_DIFF_INSERTED, inserted->str, inserted->len);
  g_string_truncate (deleted, 0);
  g_string_truncate (inserted, 0);
}

/* A reader wants "[le chat dort][un chien mange]", not every other space kept as equal: a
 * kept stretch without any letter or digit between two changes joins the change. Deleted
 * text is then grouped before inserted text, which keeps both texts' order. */
static GPtrArray *
regroup (GPtrArray *raw)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_diff_span_free);
  g_autoptr (GString) deleted = g_string_new (NULL);
  g_autoptr (GString) inserted = g_string_new (NULL);

  for (guint i = 0; i < raw->len; i++)
    {
      AcqDiffSpan *span = g_ptr_array_index (raw, i);
      gboolean pending = deleted->len > 0 || inserted->len > 0;

      if (span->op == ACQ_DIFF_DELETED)
        g_string_append (deleted, span->text);
      else if (span->op == ACQ_DIFF_INSERTED)
        g_string_append (inserted, span->text);
      else if (pending && i + 1 < raw->len && is_trivial (span->text) &&
               ((AcqDiffSpan *) g_ptr_array_index (raw, i + 1))->op != ACQ_DIFF_EQUAL)
        {
          g_string_append (deleted, span->text);
          g_string_append (inserted, span->text);
        }
      else
        {
          flush_change (spans, deleted, inserted);
          append_span (spans, ACQ_DIFF_EQUAL, span->text, strlen (span->text));
        }
    }
  flush_change (spans, deleted, inserted);
  return spans;
}

static GPtrArray *
runs_to_spans (DiffInput *in, GArray *runs)
{
  g_autoptr (GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_diff_span_free);
  int ai = 0, bi = 0;

  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);

      if (run->op == ACQ_DIFF_EQUAL)
        append_tokens (raw, ACQ_DIFF_EQUAL, in->b_tokens, bi, run->b_len);
      else
        {
          append_tokens (raw, ACQ_DIFF_DELETED, in->a_tokens, ai, run->a_len);
          append_tokens (raw, ACQ_DIFF_INSERTED, in->b_tokens, bi, run->b_len);
        }
      ai += run->a_len, bi += run->b_len;
    }
  return regroup (raw);
}

/* Replaces every unresolved stretch of @runs by a line-then-word comparison. */
static GArray *
resolve_runs (DiffInput *in, GArray *runs)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Run));
  gint64 region_budget = REGION_BUDGET;
  int ai = 0, bi = 0;

  for (guint r = 0; r < runs->len; r++)
    {
      Run run = g_array_index (runs, Run, r);

      if (run.op == OP_UNRESOLVED)
        resolve_by_lines (in, ai, run.a_len, bi, run.b_len, &region_budget, out);
      else
        push_run (out, run.op, run.a_len, run.b_len);
      ai += run.a_len, bi += run.b_len;
    }
  /* What the line pass could not resolve either is shown as deleted then inserted. */
  for (guint r = 0; r < out->len; r++)
    if (g_array_index (out, Run, r).op == OP_UNRESOLVED)
      g_array_index (out, Run, r).op = ACQ_DIFF_DELETED;
  return out;
}

/**
 * acq_diff_words:
 * @old_text: (nullable): the version last reviewed, UTF-8
 * @new_text: (nullable): the current version, UTF-8
 *
 * Compares two versions of a text word by word, so that the accompagnatrice sees what the
 * candidate changed since she last reviewed it. Spaces, line breaks (including "\r\n") and
 * punctuation are kept in the spans, so the spans render both texts back exactly. %NULL is
 * the empty text; invalid UTF-8 sequences are replaced by U+FFFD first.
 *
 * The result is a shortest word-level diff for texts of the size of a dossier; for very
 * large texts that differ almost everywhere it is coarser (line by line, then whole
 * stretches deleted and inserted) so that it always returns in a fraction of a second.
 *
 * Returns: (transfer full) (element-type AcqDiffSpan): the spans in text order, with no
 * empty span and no two neighbours of the same kind; a deletion comes before the insertion
 * that replaces it. Empty for two empty texts.
 */
GPtrArray *
acq_diff_words (const char *old_text, const char *new_text)
{
  g_autofree char *a = g_utf8_make_valid (old_text != NULL ? old_text : "", -1);
  g_autofree char *b = g_utf8_make_valid (new_text != NULL ? new_text : "", -1);
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) resolved = NULL;
  DiffInput in = { tokenize (a), tokenize (b), NULL, NULL };
  gint64 budget = WORD_BUDGET;
  GPtrArray *spans;

  number_tokens (in.a_tokens, in.b_tokens, &in.a_ids, &in.b_ids);
  myers (in.a_ids, in.a_tokens->len, in.b_ids, in.b_tokens->len, &budget, runs);
  resolved = resolve_runs (&in, runs);
  spans = runs_to_spans (&in, resolved);

  g_array_unref (in.a_tokens);
  g_array_unref (in.b_tokens);
  g_free (in.a_ids);
  g_free (in.b_ids);
  return spans;
}
