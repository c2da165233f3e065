/* acq-referential-text.c — the free text of a fiche made plain: the export's LISTE_COMPETENCES
 * and MODALITES_EVALUATION are HTML, escaped as XML text, with bullets typed by hand; here the
 * tags are stripped, the entities decoded, the white space normalised and the bullets split
 * into competences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

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
  g_autofree char *plain = strip_markup (text);
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

/* One competence per bullet; a line without a bullet continues the one before. A list typed
 * without any bullet (a paragraph per competence, as some certifiers do) gives one competence
 * per line rather than none. */
void
_acq_referential_split_competences (const char *text, GPtrArray *competences)
{
  g_autoptr (GPtrArray) lines = split_lines (text, g_ptr_array_new_with_free_func (g_free));
  g_autoptr (GString) current = NULL;
  gboolean any_bullet = FALSE;

  for (guint i = 0; i <= lines->len; i++)
    {
      const char *line = i < lines->len ? g_ptr_array_index (lines, i) : NULL;
      const char *rest = line != NULL ? after_bullet (line) : NULL;

      any_bullet |= rest != NULL;
      if (current != NULL && (line == NULL || rest != NULL))
        {
          if (current->len > 0)
            g_ptr_array_add (competences, g_strdup (current->str));
          g_string_free (g_steal_pointer (&current), TRUE);
        }
      if (rest != NULL)
        current = g_string_new (rest);
      else if (line != NULL && current != NULL)
        {
          if (current->len > 0)
            g_string_append_c (current, ' ');
          g_string_append (current, line);
        }
    }
  for (guint i = 0; !any_bullet && i < lines->len; i++)
    g_ptr_array_add (competences, g_strdup (g_ptr_array_index (lines, i)));
}
