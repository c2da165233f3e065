/* acq-dp-typeset.c — French typography for every printed document: what the candidate typed,
 * set as the Imprimerie nationale's rules want it, in the output only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stored text is never changed: a candidate types "J'ai dit "oui"..." on a keyboard
 * and the jury reads « J’ai dit « oui »… ». Each rule looks at one character, what was
 * already written before it and the characters after it; they are listed in the comment of
 * acq_dp_layout_typeset(). A rule only adds what is missing and never rewrites words, so a
 * text already set right comes out the same (the tests check that the function is
 * idempotent).
 */
#define G_LOG_DOMAIN "acq-dp-typeset"

#include "config.h"

#include <string.h>

#include "acq-dp-layout.h"

#define NBSP 0x00A0       /* espace insécable: before : and » % €, after « n° M. */
#define NNBSP 0x202F      /* espace fine insécable: before ; ! ?, between groups of digits */
#define ELLIPSIS 0x2026
#define APOSTROPHE 0x2019

typedef struct
{
  const gunichar *in;
  glong           n;
  glong           i;        /* the character being set */
  GString        *out;
  gboolean        in_quote; /* a straight double quote was opened in this paragraph */
} Typeset;

static gunichar
at (const Typeset *t, glong i)
{
  return i >= 0 && i < t->n ? t->in[i] : 0;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == NBSP || c == NNBSP;
}

/* What ends a word for the punctuation rules: the end, a space, a line, a closing sign. */
static gboolean
ends_word (gunichar c)
{
  return c == 0 || is_space (c) || c == '\n' || c == '\r' || c == 0x00BB /* » */ ||
         c == '"' || c == ')' || c == ']';
}

/* The last character written, 0 at the very start. */
static gunichar
last_written (const Typeset *t)
{
  const char *end = t->out->str + t->out->len;
  const char *prev;

  if (t->out->len == 0)
    return 0;
  prev = g_utf8_find_prev_char (t->out->str, end);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* Takes back the spaces just written; returns the character before them (0 or '\n' at the
 * start of a line). */
static gunichar
drop_spaces (Typeset *t)
{
  gunichar last;

  while (is_space (last = last_written (t)))
    {
      const char *prev = g_utf8_find_prev_char (t->out->str, t->out->str + t->out->len);
      g_string_truncate (t->out, prev - t->out->str);
    }
  return last;
}

/* Whether the text written ends with @word as a word of its own ("M." in "à M.", not in
 * "FORUM."). */
static gboolean
written_word_is (const Typeset *t, const char *word)
{
  gsize len = strlen (word);
  const char *start;
  gunichar before;

  if (t->out->len < len || memcmp (t->out->str + t->out->len - len, word, len) != 0)
    return FALSE;
  start = t->out->str + t->out->len - len;
  if (start == t->out->str)
    return TRUE;
  before = g_utf8_get_char (g_utf8_find_prev_char (t->out->str, start));
  return !g_unichar_isalnum (before) && before != '.';
}

/* ; ! ? and : take a no-break space before them (thin for the first three) when they close a
 * word: "vraiment?" and "vraiment ?" are both set "vraiment ?"; "14:00", "http://" or
 * "?id=3" are not touched, nor a sign at the start of a line or after another one ("?!"). */
static gboolean
punctuation (Typeset *t, gunichar c, gunichar space)
{
  gunichar next = at (t, t->i + 1);
  gboolean spaced = t->i > 0 && is_space (at (t, t->i - 1));
  gunichar before;

  if (!spaced && !ends_word (next) && !(c != ':' && (next == '!' || next == '?')))
    return FALSE;
  before = drop_spaces (t);
  if (before != 0 && before != '\n' && before != '!' && before != '?' && before != ':' &&
      before != ';')
    g_string_append_unichar (t->out, space);
  else if (spaced && before != 0 && before != '\n')
    g_string_append_c (t->out, ' ');
  g_string_append_unichar (t->out, c);
  return TRUE;
}

static void
open_guillemet (Typeset *t)
{
  g_string_append (t->out, "«\u00A0");
  while (is_space (at (t, t->i + 1)))
    t->i++;
}

static void
close_guillemet (Typeset *t)
{
  gunichar before = drop_spaces (t);

  if (before != 0 && before != '\n')
    g_string_append_unichar (t->out, NBSP);
  g_string_append (t->out, "»");
}

/* A straight double quote opens at the start of a word and closes at its end; one that
 * could do both alternates, starting with an opening one in each paragraph. */
static void
straight_quote (Typeset *t)
{
  gunichar before = t->i > 0 ? at (t, t->i - 1) : 0;
  gunichar next = at (t, t->i + 1);
  gboolean opens = before == 0 || is_space (before) || before == '\n' || before == '(' ||
                   before == '[' || before == '\'' || before == APOSTROPHE;
  gboolean closes = ends_word (next) || g_unichar_ispunct (next);

  if (opens && closes)
    opens = !t->in_quote;
  else if (!opens && !closes)
    opens = !t->in_quote;
  if (opens)
    open_guillemet (t);
  else
    close_guillemet (t);
  t->in_quote = opens;
}

/* "1 000" and "15 000 €": the digits of a number are grouped by three with a thin no-break
 * space, only where the user spaced them so (a year before a number, "en 2019 200
 * personnes", has four digits and stays apart). */
static gboolean
digit_group_space (const Typeset *t)
{
  glong digits = 0;

  /* the group just before the space: 1 to 3 digits */
  while (g_unichar_isdigit (at (t, t->i - 1 - digits)))
    digits++;
  if (digits == 0 || digits > 3 || g_unichar_isalpha (at (t, t->i - 1 - digits)))
    return FALSE;
  for (glong k = 1; k <= 3; k++)
    if (!g_unichar_isdigit (at (t, t->i + k)))
      return FALSE;
  return !g_unichar_isdigit (at (t, t->i + 4));
}

/* "M. Dupont", "Mme Martin", "Dr Benali": the title stays with the name. */
static gboolean
after_title (const Typeset *t)
{
  static const char *const titles[] = { "M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Dr",
                                        "Pr", "Me" };

  if (!g_unichar_isupper (at (t, t->i + 1)))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (titles); k++)
    if (written_word_is (t, titles[k]))
      return TRUE;
  return FALSE;
}

static gboolean
space (Typeset *t)
{
  gunichar last = last_written (t);

  if (digit_group_space (t))
    g_string_append_unichar (t->out, NNBSP);
  else if (after_title (t) || (last == 0x00B0 /* ° */ && written_word_is (t, "n°")))
    g_string_append_unichar (t->out, NBSP);
  else
    return FALSE;
  return TRUE;
}

/* "50%" and "80 €": a no-break space between the number and its sign. */
static void
unit_sign (Typeset *t, gunichar c)
{
  gunichar before = drop_spaces (t);

  if (g_unichar_isdigit (before))
    g_string_append_unichar (t->out, NBSP);
  else if (before != 0 && before != '\n' && t->i > 0 && is_space (at (t, t->i - 1)))
    g_string_append_c (t->out, ' ');
  g_string_append_unichar (t->out, c);
}

/* Ordinals as the Imprimerie nationale writes them: 1er, 1re, 2e (not "1ère", "2ème",
 * "2ième"). Returns the number of characters replaced, 0 if none. */
static glong
ordinal (Typeset *t)
{
  static const struct { const char *typed; const char *set; } forms[] = {
    { "ième", "e" }, { "ieme", "e" }, { "ème", "e" }, { "eme", "e" },
    { "ère", "re" }, { "ere", "re" }, { "ier", "er" },
  };
  glong start = t->i - 1;

  if (!g_unichar_isdigit (at (t, t->i - 1)))
    return 0;
  while (start > 0 && g_unichar_isdigit (at (t, start - 1)))
    start--;
  if (start > 0 && g_unichar_isalnum (at (t, start - 1)))
    return 0;
  for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
    {
      glong len = g_utf8_strlen (forms[k].typed, -1);
      const char *p = forms[k].typed;
      glong j;

      for (j = 0; j < len; j++, p = g_utf8_next_char (p))
        if (g_unichar_tolower (at (t, t->i + j)) != g_utf8_get_char (p))
          break;
      if (j == len && !g_unichar_isalnum (at (t, t->i + len)))
        {
          g_string_append (t->out, forms[k].set);
          return len;
        }
    }
  return 0;
}

/**
 * acq_dp_layout_typeset:
 * @text: (nullable): text as the candidate typed it
 *
 * Prepares text for a printed document the way French typography wants it, in the output
 * only: typographic apostrophes; straight double quotes as « » with no-break spaces inside;
 * "..." as …; a thin no-break space before ; ! ? and a no-break space before : (added when
 * missing, where the sign ends a word); no-break spaces inside « », between a number and
 * % or €, after n° and after M., Mme, Dr… before a name; digits grouped by three with a thin
 * no-break space where the user spaced them ("1 000"); ordinals as 1er, 1re, 2e; line
 * breaks as "\n". Invalid UTF-8 sequences are replaced by U+FFFD. The layout applies it to
 * every text of an example; it is public so that every document prints the same.
 *
 * Returns: (transfer full): the prepared text, "" for %NULL
 */
char *
acq_dp_layout_typeset (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree gunichar *in = NULL;
  Typeset t = { 0 };

  in = g_utf8_to_ucs4_fast (valid, -1, &t.n);
  t.in = in;
  t.out = g_string_sized_new (strlen (valid) + 16);
  for (t.i = 0; t.i < t.n; t.i++)
    {
      gunichar c = in[t.i];
      glong skip;

      switch (c)
        {
        case '\r':
          if (at (&t, t.i + 1) != '\n')
            g_string_append_c (t.out, '\n');
          t.in_quote = FALSE;
          break;
        case '\n':
          g_string_append_c (t.out, '\n');
          t.in_quote = FALSE;
          break;
        case '\'':
          g_string_append_unichar (t.out, APOSTROPHE);
          break;
        case '"':
          straight_quote (&t);
          break;
        case 0x00AB: /* « */
          open_guillemet (&t);
          break;
        case 0x00BB: /* » */
          close_guillemet (&t);
          break;
        case '.':
          if (at (&t, t.i + 1) == '.' && at (&t, t.i + 2) == '.')
            {
              g_string_append_unichar (t.out, ELLIPSIS);
              while (at (&t, t.i + 1) == '.')
                t.i++;
            }
          else
            g_string_append_c (t.out, '.');
          break;
        case ':':
          if (!punctuation (&t, c, NBSP))
            g_string_append_c (t.out, ':');
          break;
        case ';':
        case '!':
        case '?':
          if (!punctuation (&t, c, NNBSP))
            g_string_append_c (t.out, (char) c);
          break;
        case '%':
        case 0x20AC: /* € */
          unit_sign (&t, c);
          break;
        case ' ':
          if (!space (&t))
            g_string_append_c (t.out, ' ');
          break;
        default:
          /* "n°5" as "n° 5" */
          if (g_unichar_isdigit (c) && last_written (&t) == 0x00B0 &&
              (written_word_is (&t, "n°") || written_word_is (&t, "N°")))
            g_string_append_unichar (t.out, NBSP);
          if ((skip = ordinal (&t)) > 0)
            t.i += skip - 1;
          else
            g_string_append_unichar (t.out, c);
        }
    }
  return g_string_free (t.out, FALSE);
}
