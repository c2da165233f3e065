/* acq-anchor.c — where a comment is attached in a rubric, surviving edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An anchor remembers the words it covers (the quote), a few words on each side (the
 * context) and where they were. Offsets alone would drift as soon as the candidate types
 * anything before the passage; the quote alone is ambiguous when the same words appear
 * twice. Together they find the passage again, the way W3C Web Annotation's
 * TextQuoteSelector + TextPositionSelector do.
 */
#define G_LOG_DOMAIN "acq-anchor"

#include "config.h"

#include <string.h>

#include "acq-anchor.h"

/* Context kept on each side of the quote. */
#define CONTEXT_WORDS     4
#define CONTEXT_MAX_CHARS 48
/* Fewer matching bytes than this on one side is chance (a space, one letter), not context. */
#define MIN_CONTEXT_BYTES 5
/* A quote this long found without any of its context is still taken to be the passage
 * (it was moved); shorter ones ("la personne") occur by chance. */
#define MIN_BARE_QUOTE_CHARS 12
/* How far a passage may grow when the candidate writes inside it. */
#define MAX_GROWTH_BYTES 2000

struct _AcqAnchor
{
  char *quote;
  char *prefix;
  char *suffix;
  int start;
  int end;
};

G_DEFINE_BOXED_TYPE (AcqAnchor, acq_anchor, acq_anchor_copy, acq_anchor_free)

typedef struct
{
  const char *text;
  const char *pos; /* where the passage starts in text */
  gsize len;       /* its length in bytes */
  double score;    /* how well the context matches, 0 to 2 */
  int char_start;
} Candidate;

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* Start of the context before @pos: back over CONTEXT_WORDS words, or CONTEXT_MAX_CHARS
 * characters at most. */
static const char *
context_before (const char *text, const char *pos)
{
  const char *p = pos;
  int words = 0;
  gboolean in_word = FALSE;

  for (int n = 0; p > text && n < CONTEXT_MAX_CHARS; n++)
    {
      const char *prev = g_utf8_prev_char (p);
      gboolean word = is_word_char (g_utf8_get_char (prev));

      if (in_word && !word && ++words == CONTEXT_WORDS)
        break;
      in_word = word;
      p = prev;
    }
  return p;
}

static const char *
context_after (const char *pos)
{
  const char *p = pos;
  int words = 0;
  gboolean in_word = FALSE;

  for (int n = 0; *p != '\0' && n < CONTEXT_MAX_CHARS; n++)
    {
      gboolean word = is_word_char (g_utf8_get_char (p));

      if (in_word && !word && ++words == CONTEXT_WORDS)
        break;
      in_word = word;
      p = g_utf8_next_char (p);
    }
  return p;
}

/**
 * acq_anchor_new:
 * @text: the rubric's UTF-8 text
 * @start: first character of the passage, in characters (not bytes)
 * @end: character after the passage; clamped to the length of @text
 *
 * Captures the passage [@start, @end) of @text with a few words of context on each side,
 * so that acq_anchor_resolve() can find it again after the text is edited.
 *
 * Returns: (transfer full) (nullable): the anchor, or %NULL if the passage is empty
 */
AcqAnchor *
acq_anchor_new (const char *text, int start, int end)
{
  const char *start_pos, *end_pos;
  glong length;
  AcqAnchor *anchor;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (start >= 0 && start <= end, NULL);

  length = g_utf8_strlen (text, -1);
  end = MIN (end, length);
  if (start >= end)
    return NULL;

  start_pos = g_utf8_offset_to_pointer (text, start);
  end_pos = g_utf8_offset_to_pointer (start_pos, end - start);
  anchor = g_new0 (AcqAnchor, 1);
  anchor->quote = g_strndup (start_pos, end_pos - start_pos);
  anchor->prefix = g_strndup (context_before (text, start_pos),
                              start_pos - context_before (text, start_pos));
  anchor->suffix = g_strndup (end_pos, context_after (end_pos) - end_pos);
  anchor->start = start;
  anchor->end = end;
  return anchor;
}

/**
 * acq_anchor_new_from_parts:
 * @quote: the words of the passage
 * @prefix: (nullable): the context before it
 * @suffix: (nullable): the context after it
 * @start: where the passage last started, in characters
 * @end: where it last ended, in characters
 *
 * Rebuilds an anchor from what the store saved of it (the getters' values).
 *
 * Returns: (transfer full): the anchor
 */
AcqAnchor *
acq_anchor_new_from_parts (const char *quote, const char *prefix, const char *suffix, int start,
                           int end)
{
  AcqAnchor *anchor;

  g_return_val_if_fail (quote != NULL, NULL);

  anchor = g_new0 (AcqAnchor, 1);
  anchor->quote = g_strdup (quote);
  anchor->prefix = g_strdup (prefix != NULL ? prefix : "");
  anchor->suffix = g_strdup (suffix != NULL ? suffix : "");
  anchor->start = MAX (start, 0);
  anchor->end = MAX (end, anchor->start);
  return anchor;
}

/**
 * acq_anchor_copy:
 * @anchor: an anchor
 *
 * Returns: (transfer full): a copy of @anchor
 */
AcqAnchor *
acq_anchor_copy (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);

  return acq_anchor_new_from_parts (anchor->quote, anchor->prefix, anchor->suffix,
                                    anchor->start, anchor->end);
}

/**
 * acq_anchor_free:
 * @anchor: (nullable): an anchor
 */
void
acq_anchor_free (AcqAnchor *anchor)
{
  if (anchor == NULL)
    return;
  g_free (anchor->quote);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
  g_free (anchor);
}

/**
 * acq_anchor_get_quote:
 * @anchor: an anchor
 *
 * Returns: the words of the passage when the anchor was made
 */
const char *
acq_anchor_get_quote (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);
  return anchor->quote;
}

/**
 * acq_anchor_get_prefix:
 * @anchor: an anchor
 *
 * Returns: the few words before the passage, "" at the start of the text
 */
const char *
acq_anchor_get_prefix (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);
  return anchor->prefix;
}

/**
 * acq_anchor_get_suffix:
 * @anchor: an anchor
 *
 * Returns: the few words after the passage, "" at the end of the text
 */
const char *
acq_anchor_get_suffix (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);
  return anchor->suffix;
}

/**
 * acq_anchor_get_start:
 * @anchor: an anchor
 *
 * Returns: where the passage started, in characters, when the anchor was made
 */
int
acq_anchor_get_start (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, 0);
  return anchor->start;
}

/**
 * acq_anchor_get_end:
 * @anchor: an anchor
 *
 * Returns: where the passage ended, in characters, when the anchor was made
 */
int
acq_anchor_get_end (const AcqAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, 0);
  return anchor->end;
}

/* --- Resolving ------------------------------------------------------------------------ */

/* How much of the remembered context surrounds a passage at [pos, pos + len): 0 to 1 for
 * each side. An empty context (the passage was at the start or the end) matches when the
 * passage is there still. */
static double
context_score (const AcqAnchor *anchor, const char *text, const char *pos, gsize len)
{
  gsize prefix_len = strlen (anchor->prefix);
  gsize suffix_len = strlen (anchor->suffix);
  const char *after = pos + len;
  gsize before_len = pos - text;
  gsize matched_before = 0, matched_after = 0;
  double score = 0;

  while (matched_before < prefix_len && matched_before < before_len &&
         anchor->prefix[prefix_len - 1 - matched_before] == pos[-1 - (gssize) matched_before])
    matched_before++;
  while (matched_after < suffix_len && after[matched_after] != '\0' &&
         anchor->suffix[matched_after] == after[matched_after])
    matched_after++;

  if (prefix_len == 0)
    score += before_len == 0 ? 1 : 0;
  else if (matched_before >= MIN (prefix_len, MIN_CONTEXT_BYTES))
    score += (double) matched_before / prefix_len;
  if (suffix_len == 0)
    score += *after == '\0' ? 1 : 0;
  else if (matched_after >= MIN (suffix_len, MIN_CONTEXT_BYTES))
    score += (double) matched_after / suffix_len;
  return score;
}

/* Better context wins; with equal context, the one nearest to where the passage was. */
static gboolean
candidate_better (const Candidate *c, const Candidate *best, int old_start)
{
  if (best->pos == NULL)
    return TRUE;
  if (c->score > best->score + 1e-9)
    return TRUE;
  if (c->score < best->score - 1e-9)
    return FALSE;
  return ABS (c->char_start - old_start) < ABS (best->char_start - old_start);
}

/* The quote itself, unchanged, somewhere in the text. */
static gboolean
find_quote (const AcqAnchor *anchor, const char *text, Candidate *best)
{
  gsize quote_len = strlen (anchor->quote);
  const char *counted = text;
  int chars = 0;

  if (quote_len == 0)
    return FALSE;
  for (const char *hit = strstr (text, anchor->quote); hit != NULL;
       hit = strstr (g_utf8_next_char (hit), anchor->quote))
    {
      Candidate c = { text, hit, quote_len, 0, 0 };

      chars += g_utf8_pointer_to_offset (counted, hit);
      counted = hit;
      c.char_start = chars;
      c.score = context_score (anchor, text, hit, quote_len);
      if (candidate_better (&c, best, anchor->start))
        *best = c;
    }
  return best->pos != NULL &&
         (best->score > 0 || g_utf8_strlen (anchor->quote, -1) >= MIN_BARE_QUOTE_CHARS);
}

/* The first occurrence of @needle (not nul-terminated) in [p, end), or NULL. */
static const char *
find_bytes (const char *p, const char *end, const char *needle, gsize needle_len)
{
  for (; p + needle_len <= end; p++)
    if (memcmp (p, needle, needle_len) == 0)
      return p;
  return NULL;
}

/* Whether @word occurs in [p, p + len) as a whole word. */
static gboolean
contains_word (const char *p, gsize len, const char *word, gsize word_len)
{
  const char *end = p + len;

  for (const char *hit = find_bytes (p, end, word, word_len); hit != NULL;
       hit = find_bytes (hit + 1, end, word, word_len))
    {
      gboolean starts = hit == p || !is_word_char (g_utf8_get_char (g_utf8_prev_char (hit)));
      gboolean ends = hit + word_len == end || !is_word_char (g_utf8_get_char (hit + word_len));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* A grown or shrunk passage is still the commented one if it begins with the quote's first
 * word, ends with its last, or keeps half of its words. Otherwise the words were replaced
 * and the comment no longer has a passage. */
static gboolean
keeps_quote_words (const char *quote, const char *p, gsize len)
{
  int n_words = 0, n_kept = 0;
  const char *first = NULL, *last = NULL;
  gsize first_len = 0, last_len = 0;

  for (const char *q = quote; *q != '\0';)
    {
      const char *w = q;

      if (!is_word_char (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          continue;
        }
      while (*q != '\0' && is_word_char (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (first == NULL)
        first = w, first_len = q - w;
      last = w, last_len = q - w;
      n_words++;
      n_kept += contains_word (p, len, w, q - w) ? 1 : 0;
    }
  if (n_words == 0 || n_kept == 0)
    return FALSE;
  return (len >= first_len && memcmp (p, first, first_len) == 0) ||
         (len >= last_len && memcmp (p + len - last_len, last, last_len) == 0) ||
         n_kept * 2 >= n_words;
}

/* The passage was edited inside: it is what lies between the context that still surrounds
 * it. Without a context on one side, the passage reached the start or the end. */
static void
consider_between (const AcqAnchor *anchor, const char *text, const char *text_end,
                  const char *from, Candidate *best)
{
  gsize window = strlen (anchor->quote) * 2 + MAX_GROWTH_BYTES;
  const char *to;
  Candidate c = { text, from, 0, 0, 0 };

  if (*anchor->suffix == '\0')
    to = (gsize) (text_end - from) <= window ? text_end : NULL;
  else
    to = g_strstr_len (from, MIN (window, (gsize) (text_end - from)), anchor->suffix);
  if (to == NULL)
    return;
  /* The context holds the spaces around the passage; trimming them again would only
   * matter for a passage that is now empty. */
  c.len = to - from;
  if (c.len == 0 || !keeps_quote_words (anchor->quote, from, c.len))
    return;
  c.char_start = g_utf8_pointer_to_offset (text, from);
  c.score = context_score (anchor, text, from, c.len);
  if (candidate_better (&c, best, anchor->start))
    *best = c;
}

static gboolean
find_between_context (const AcqAnchor *anchor, const char *text, Candidate *best)
{
  const char *text_end = text + strlen (text);

  if (*anchor->prefix == '\0' && *anchor->suffix == '\0')
    return FALSE;
  if (*anchor->prefix == '\0')
    consider_between (anchor, text, text_end, text, best);
  else
    for (const char *hit = strstr (text, anchor->prefix); hit != NULL;
         hit = strstr (g_utf8_next_char (hit), anchor->prefix))
      consider_between (anchor, text, text_end, hit + strlen (anchor->prefix), best);
  return best->pos != NULL;
}

/**
 * acq_anchor_resolve:
 * @anchor: an anchor
 * @text: the rubric's current UTF-8 text
 * @start: (out) (optional): where the passage now starts, in characters
 * @end: (out) (optional): where it now ends, in characters
 *
 * Finds the commented passage in the edited text. The quote is looked for first; when it
 * occurs several times, the occurrence whose surrounding words match the remembered
 * context wins, then the one nearest to the old offset. If the quote is no longer there
 * because the candidate wrote inside it, the passage becomes what now lies between the
 * remembered context, as long as some of the quoted words remain.
 *
 * Returns: %TRUE if the passage was found; %FALSE if its words were deleted or replaced,
 * in which case the comment belongs to the whole rubric (@start and @end are set to 0)
 */
gboolean
acq_anchor_resolve (const AcqAnchor *anchor, const char *text, int *start, int *end)
{
  Candidate best = { NULL, NULL, 0, 0, 0 };
  gboolean found;

  g_return_val_if_fail (anchor != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), FALSE);

  found = find_quote (anchor, text, &best);
  if (!found)
    {
      best = (Candidate){ NULL, NULL, 0, 0, 0 };
      found = find_between_context (anchor, text, &best);
    }
  if (start != NULL)
    *start = found ? best.char_start : 0;
  if (end != NULL)
    *end = found ? best.char_start + (int) g_utf8_strlen (best.pos, best.len) : 0;
  return found;
}
