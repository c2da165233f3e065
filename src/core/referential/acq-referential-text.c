/* acq-referential-text.c — the free text of a fiche made plain: the export's LISTE_COMPETENCES
 * and MODALITES_EVALUATION are HTML, escaped as XML text, with bullets typed by hand; here the
 * tags are stripped, the entities decoded, the white space normalised and the bullets split
 * into competences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "acq-referential-private.h"

static const char *const html_entities[][2] = {
  { "amp", "&" },      { "lt", "<" },       { "gt", ">" },       { "quot", "\"" },
  { "apos", "'" },     { "nbsp", "\u00a0" }, { "rsquo", "’" },    { "lsquo", "‘" },
  { "laquo", "«" },    { "raquo", "»" },    { "hellip", "…" },   { "ndash", "–" },
  { "mdash", "—" },    { "bull", "•" },     { "eacute", "é" },   { "egrave", "è" },
  { "ecirc", "ê" },    { "agrave", "à" },   { "ccedil", "ç" },   { "oelig", "œ" },
};

static const char *const block_tags[] = {
  "p", "br", "li", "ul", "ol", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
};

/* Appends the character the HTML entity at @p stands for and returns how many bytes it took, or
 * 0 when @p starts no entity (the '&' is then text). */
static gsize
decode_entity (const char *p, GString *out)
{
  g_autofree char *name = NULL;
  gsize len = 1;

  /* No entity is longer: looking further would make a text full of '&' quadratic. */
  while (len < 12 && p[len] != '\0' && p[len] != ';')
    len++;
  if (p[len] != ';' || len == 1)
    return 0;
  name = g_strndup (p + 1, len - 1);
  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      const char *digits = name + (hex ? 2 : 1);
      char *end = NULL;
      guint64 c = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

      if (*digits == '\0' || *end != '\0')
        return 0;
      /* A control character or a surrogate is no text: dropped, never let through. */
      if (c <= G_MAXUINT32 && g_unichar_validate (c) && (c >= 0xa0 || (c >= 0x20 && c < 0x7f)))
        g_string_append_unichar (out, c);
      return len + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (html_entities); i++)
    if (strcmp (name, html_entities[i][0]) == 0)
      {
        g_string_append (out, html_entities[i][1]);
        return len + 1;
      }
  return 0;
}

/* The same for an HTML tag: a block tag becomes a line break, a list item a bullet, any other
 * tag nothing; "<3 ans" is text. */
static gsize
strip_tag (const char *p, GString *out)
{
  gboolean closing = p[1] == '/';
  const char *name = p + (closing ? 2 : 1);
  gsize name_len = 0;
  gsize len;

  while (g_ascii_isalnum (name[name_len]))
    name_len++;
  if (name_len == 0 || !g_ascii_isalpha (name[0]) || !strchr ("> \t\r\n/", name[name_len]))
    return 0;
  /* Attributes are short; the bound keeps a text full of '<' linear. */
  for (len = name + name_len - p; len < 1024 && p[len] != '\0' && !strchr ("<>", p[len]); len++)
    ;
  if (p[len] != '>')
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (block_tags); i++)
    if (strlen (block_tags[i]) == name_len &&
        g_ascii_strncasecmp (name, block_tags[i], name_len) == 0)
      {
        gboolean item = !closing && g_ascii_strncasecmp (name, "li", name_len) == 0;

        g_string_append (out, item ? "\n• " : "\n");
        break;
      }
  return len + 1;
}

static char *
strip_markup (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  while (*text != '\0')
    {
      gsize used = 0;

      if (*text == '<')
        used = strip_tag (text, out);
      else if (*text == '&')
        used = decode_entity (text, out);
      if (used == 0)
        g_string_append_c (out, *text++);
      else
        text += used;
    }
  return g_string_free (out, FALSE);
}

/* Runs of ASCII white space become one space, and spaces of any kind are trimmed at both ends;
 * a non-breaking space inside the text is French typography and stays. */
static char *
normalize_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  for (; *text != '\0'; text++)
    {
      if (strchr (" \t\r\n", *text) != NULL)
        pending_space = TRUE;
      else
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, *text);
        }
    }
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

      if (last == NULL || !g_unichar_isspace (g_utf8_get_char (last)))
        break;
      g_string_truncate (out, last - out->str);
    }
  return g_string_free (out, FALSE);
}

/* A field of one line (a number, a title, a code): its line breaks are white space too. */
char *
_acq_referential_single_line_text (const char *text)
{
  g_autofree char *plain = strip_markup (text);

  return normalize_line (plain);
}

/* Each non-blank line of @text, without markup, in @lines; returns @lines. */
static GPtrArray *
split_lines (const char *text, GPtrArray *lines)
{
  g_autofree char *once = strip_markup (text);
  /* some fiches escape their HTML twice: "&lt;li&gt;" is still a tag once decoded */
  g_autofree char *plain = strchr (once, '<') != NULL ? strip_markup (once) : g_strdup (once);
  g_auto (GStrv) split = g_strsplit_set (plain, "\r\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      char *line = normalize_line (split[i]);

      if (*line != '\0')
        g_ptr_array_add (lines, line);
      else
        g_free (line);
    }
  return lines;
}

/* The evaluation keeps its lines, without the blank ones. */
char *
_acq_referential_multi_line_text (const char *text)
{
  g_autoptr (GPtrArray) lines = split_lines (text, g_ptr_array_new_with_free_func (g_free));

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Returns the text after the bullets that start @line, or NULL when it has none. */
static const char *
after_bullet (const char *line)
{
  const char *p = line;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '-' && c != '*' && c != 0x2022 /* • */ && c != 0x2013 /* – */ &&
          c != 0x2014 /* — */ && !(p > line && g_unichar_isspace (c)))
        break;
    }
  return p > line ? p : NULL;
}

/* The shapes of competence lists met in the national export, beyond one bullet per line (see
 * tests/test-referential-split.c for one example of each). A list typed on one line is cut
 * where its items begin: before codes ("C1.1 – … C1.2 – …"), numbers that follow each other
 * ("1 - … 2 - …", "1. … 2. …"), inline bullets (" * ", " • ", " - " after a first "- ") and
 * semicolons between clauses of several words. "BLOC DE COMPETENCES 1A" before the list and
 * sub-headings in capitals are not competences. */

typedef struct
{
  GRegex *bloc_prefix; /* "BLOC DE COMPÉTENCES N°1 :", "Bloc 2 -" */
  GRegex *code;        /* "C1.1 –", "C2 -": a competence's code and its separator */
  GRegex *number;      /* "1 -", "2.", "3)": an item's number and its separator */
} Shapes;

static gpointer
shapes_new (gpointer data)
{
  Shapes *shapes = g_new0 (Shapes, 1);

  shapes->bloc_prefix =
    g_regex_new ("^bloc(?:\\s+de\\s+comp[ée]tences?)?\\s*(?:n\\s*[°o]\\s*)?[0-9]{1,2}[a-z]?"
                 "(?:\\s*[-–—:.]\\s*|\\s+|$)",
                 G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  shapes->code = g_regex_new ("(?:^|(?<=\\s))C[0-9]{1,2}(?:\\.[0-9]{1,2})*\\s*[-–—:.)]\\s+",
                              G_REGEX_OPTIMIZE, 0, NULL);
  shapes->number = g_regex_new ("(?:^|(?<=\\s))([0-9]{1,2})\\s*[-–—.)]\\s+", G_REGEX_OPTIMIZE,
                                0, NULL);
  return shapes;
}

static Shapes *
shapes (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, shapes_new, NULL);
}

/* The byte offsets where @regex matches in @line: each match's start and end. */
static GArray *
match_spans (GRegex *regex, const char *line)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GMatchInfo) info = NULL;

  g_regex_match (regex, line, 0, &info);
  while (g_match_info_matches (info))
    {
      int start, end;

      g_match_info_fetch_pos (info, 0, &start, &end);
      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
      g_match_info_next (info, NULL);
    }
  return spans;
}

/* Numbers are items only when they count 1, 2, 3… (or on from the first): "de 3 à 5 ans" or
 * "niveau 4." are text. Keeps the spans of the run that starts the line, or of a run of two or
 * more. */
static void
keep_counting_numbers (const char *line, GArray *spans)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (int));
  guint64 expected = 0;

  for (guint i = 0; i < spans->len; i += 2)
    {
      int start = g_array_index (spans, int, i);
      guint64 value = g_ascii_strtoull (line + start, NULL, 10);

      if (kept->len == 0 || value == expected)
        {
          if (kept->len == 0 && start != 0 && value != 1)
            continue;
          g_array_append_vals (kept, &g_array_index (spans, int, i), 2);
          expected = value + 1;
        }
    }
  if (kept->len == 2 && g_array_index (kept, int, 0) != 0)
    g_array_set_size (kept, 0);
  g_array_set_size (spans, 0);
  g_array_append_vals (spans, kept->data, kept->len);
  g_array_unref (kept);
}

/* Cuts @line at @spans (marker start, marker end pairs): the text before the first marker, if
 * any, is a piece of its own, flagged as no item. */
static void
cut_at_spans (const char *line, GArray *spans, GPtrArray *items, gboolean *lead_is_text)
{
  int first = g_array_index (spans, int, 0);
  g_autofree char *lead = g_strndup (line, first);

  g_strstrip (lead);
  *lead_is_text = *lead != '\0';
  if (*lead != '\0')
    g_ptr_array_add (items, g_steal_pointer (&lead));
  for (guint i = 0; i < spans->len; i += 2)
    {
      int from = g_array_index (spans, int, i + 1);
      int to = i + 2 < spans->len ? g_array_index (spans, int, i + 2) : (int) strlen (line);

      g_ptr_array_add (items, g_strstrip (g_strndup (line + from, to - from)));
    }
}

static gboolean
words_at_least (const char *text, guint n)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    count += *words[i] != '\0';
  return count >= n;
}

/* Splits a line on @separator when it yields two pieces or more of at least @min_words words
 * each; returns whether it did. */
static gboolean
split_on (const char *line, const char *separator, guint min_words, GPtrArray *items)
{
  g_auto (GStrv) parts = g_strsplit (line, separator, -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!words_at_least (parts[i], min_words))
        return FALSE;
      n++;
    }
  if (n < 2)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (items, g_strdup (parts[i]));
  return TRUE;
}

/* The items a line holds when it is a list typed inline; %NULL when it is one piece of text.
 * @lead_is_text: set when the line's first piece is text before the list (a heading). */
static GPtrArray *
split_inline (const char *line, gboolean *lead_is_text)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  /* the regular expressions only where a digit could start a marker: a 100 MB export holds
   * a quarter of a million lists */
  gboolean digits = strpbrk (line, "0123456789") != NULL;
  g_autoptr (GArray) codes = digits ? match_spans (shapes ()->code, line) : NULL;
  g_autoptr (GArray) numbers = digits ? match_spans (shapes ()->number, line) : NULL;
  const char *rest;

  *lead_is_text = FALSE;
  if (numbers != NULL)
    keep_counting_numbers (line, numbers);
  if (codes != NULL && codes->len >= 2 &&
      (codes->len >= 4 || g_array_index (codes, int, 0) == 0))
    {
      cut_at_spans (line, codes, items, lead_is_text);
      return items;
    }
  if (numbers != NULL && numbers->len >= 2)
    {
      cut_at_spans (line, numbers, items, lead_is_text);
      return items;
    }
  /* the line's own first bullet is no separator */
  rest = after_bullet (line) != NULL ? after_bullet (line) : line;
  if ((line[0] == '-' && strstr (rest, " - ") != NULL && split_on (rest, " - ", 2, items)) ||
      (strstr (rest, " * ") != NULL && split_on (rest, " * ", 1, items)) ||
      (strstr (rest, " • ") != NULL && split_on (rest, " • ", 1, items)) ||
      (strstr (rest, "; ") != NULL && split_on (rest, ";", 3, items)))
    return items;
  g_ptr_array_unref (items);
  return NULL;
}

/* A sub-heading in capitals ("COMPÉTENCES TECHNIQUES") names a group, not a competence. */
static gboolean
is_heading (const char *line)
{
  guint letters = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isalpha (c);
    }
  return letters >= 4;
}

/* The line without a "BLOC DE COMPÉTENCES 1A :" before the list; "" when that was all. */
static const char *
after_bloc_prefix (const char *line)
{
  g_autoptr (GMatchInfo) info = NULL;
  int end = 0;

  if (g_ascii_tolower (line[0]) == 'b' && g_regex_match (shapes ()->bloc_prefix, line, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &end);
  return line + end;
}

/* A competence as stored: its own end punctuation of a list (";", ",") taken off. */
static void
add_competence (GPtrArray *competences, const char *text)
{
  g_autofree char *item = g_strstrip (g_strdup (text));
  gsize len = strlen (item);

  while (len > 0 && (item[len - 1] == ';' || item[len - 1] == ','))
    item[--len] = '\0';
  g_strchomp (item);
  if (*item != '\0' && !is_heading (item))
    g_ptr_array_add (competences, g_steal_pointer (&item));
}

/* One competence per bullet; a line without a bullet continues the one before. A list typed
 * without any bullet (a paragraph per competence, as some certifiers do) gives one competence
 * per line rather than none; a list typed on one line is cut into its items. */
void
_acq_referential_split_competences (const char *text, GPtrArray *competences)
{
  g_autoptr (GPtrArray) lines = split_lines (text, g_ptr_array_new_with_free_func (g_free));
  g_autoptr (GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) current = NULL;
  gboolean any_bullet = FALSE;

  for (guint i = 0; i <= lines->len; i++)
    {
      const char *line = i < lines->len ? after_bloc_prefix (g_ptr_array_index (lines, i)) : NULL;
      const char *rest = line != NULL ? after_bullet (line) : NULL;
      g_autoptr (GPtrArray) inline_items = NULL;
      gboolean lead_is_text = FALSE;

      if (line != NULL && *line == '\0')
        continue;
      if (line != NULL)
        inline_items = split_inline (line, &lead_is_text);
      /* a heading in capitals ends the item before it and is no item */
      if (line != NULL && inline_items == NULL && is_heading (rest != NULL ? rest : line))
        rest = line = "";
      any_bullet |= rest != NULL || inline_items != NULL;
      if (current != NULL && (line == NULL || rest != NULL || inline_items != NULL))
        {
          add_competence (competences, current->str);
          g_string_free (g_steal_pointer (&current), TRUE);
        }
      if (inline_items != NULL)
        {
          /* the text before an inline list introduces it, unless it continues an item */
          for (guint j = lead_is_text ? 1 : 0; j + 1 < inline_items->len; j++)
            add_competence (competences, g_ptr_array_index (inline_items, j));
          current = g_string_new (g_ptr_array_index (inline_items, inline_items->len - 1));
        }
      else if (rest != NULL)
        current = g_string_new (rest);
      else if (line != NULL && *line != '\0' && current != NULL)
        {
          if (current->len > 0)
            g_string_append_c (current, ' ');
          g_string_append (current, line);
        }
      if (line != NULL && *line != '\0' && rest == NULL && inline_items == NULL)
        g_ptr_array_add (plain, g_strdup (line));
    }
  for (guint i = 0; !any_bullet && i < plain->len; i++)
    add_competence (competences, g_ptr_array_index (plain, i));
}

/* The date of a version of a fiche, as the export writes it ("25/03/2024", sometimes
 * "2024-03-25" or with a time after it), made "2024-03-25" so that two versions compare as
 * strings; NULL when it is no date. */
char *
_acq_referential_parse_version_date (const char *text)
{
  int d = 0, m = 0, y = 0;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%2d/%2d/%4d", &d, &m, &y) != 3 &&
      sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* A version date as the store and the exchange keep it: "" (unknown) or "YYYY-MM-DD". */
gboolean
_acq_referential_check_version_date (const char *date)
{
  g_autofree char *parsed = NULL;

  if (date == NULL || *date == '\0')
    return TRUE;
  parsed = strlen (date) == 10 ? _acq_referential_parse_version_date (date) : NULL;
  return g_strcmp0 (parsed, date) == 0;
}

/* The key two versions of a fiche match a competence by: its wording with case, accents'
 * composition, punctuation and runs of white space set aside, so that "Analyser la demande."
 * and "analyser  la demande" are the same competence, and a change of one word is not. */
char *
_acq_referential_match_key (const char *label)
{
  g_autofree char *normal = g_utf8_normalize (label != NULL ? label : "", -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (space && key->len > 0)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        space = TRUE;
    }
  return g_string_free (key, FALSE);
}
