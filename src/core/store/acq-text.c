/* acq-text.c — text helpers shared by search, sorting and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-text.h"

G_DEFINE_QUARK (acq-text-error-quark, acq_text_error)

/**
 * acq_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for comparison the way a French user expects a search to work: case and
 * accents do not count ("Hélène" matches "helene"), ligatures match their letters ("cœur"
 * matches "coeur").
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
acq_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }
      if (c == 0x0153 || c == 0x0152) /* œ Œ have no Unicode decomposition */
        g_string_append (out, "oe");
      else if (c == 0x00E6 || c == 0x00C6) /* æ Æ */
        g_string_append (out, "ae");
      else
        g_string_append_unichar (out, c);
    }
  folded = g_string_free (out, FALSE);
  return g_utf8_casefold (folded, -1);
}

/**
 * acq_text_matches:
 * @folded_text: text folded with acq_text_fold()
 * @folded_query: a query folded with acq_text_fold()
 *
 * Every word of the query must appear somewhere in the text, in any order: "martin hel"
 * finds "Hélène Martin".
 *
 * Returns: %TRUE if the text matches; an empty query matches everything
 */
gboolean
acq_text_matches (const char *folded_text, const char *folded_query)
{
  g_auto (GStrv) words = NULL;

  g_return_val_if_fail (folded_text != NULL, FALSE);
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (folded_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * acq_text_validate:
 * @text: (nullable): the text to check
 * @max_chars: the longest acceptable text, in characters
 * @field_label: the field's name as the user sees it, for the message
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error
 *
 * Text that comes from a file or a paste is checked before anything is stored.
 *
 * Returns: %TRUE if @text is valid UTF-8 and not too long
 */
gboolean
acq_text_validate (const char *text, gsize max_chars, const char *field_label, GError **error)
{
  return acq_text_validate_len (text, -1, max_chars, field_label, error);
}

/**
 * acq_text_validate_len:
 * @text: (nullable): the text to check
 * @len: its length in bytes, or -1 if it ends at its first NUL
 * @max_chars: the longest acceptable text, in characters
 * @field_label: the field's name as the user sees it, for the message
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error
 *
 * acq_text_validate() for a text whose length is known (a value read from SQLite): a NUL
 * inside it is invalid, instead of hiding the bytes after it from the checks.
 *
 * Returns: %TRUE if @text is valid UTF-8 without a NUL and not too long
 */
gboolean
acq_text_validate_len (const char *text, gssize len, gsize max_chars, const char *field_label,
                       GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                   _("The field “%s” contains characters that are not valid text. Nothing was "
                     "saved."),
                   field_label);
      return FALSE;
    }
  if (g_utf8_strlen (text, len) > (glong) max_chars)
    {
      g_set_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                   _("The field “%s” is too long (more than %lu characters). Nothing was "
                     "saved."),
                   field_label, (gulong) max_chars);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_text_is_blank:
 * @text: (nullable): UTF-8 text
 *
 * Returns: whether @text is %NULL, empty or only white space
 */
gboolean
acq_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * acq_text_count_words:
 * @text: (nullable): UTF-8 text
 *
 * Counts words the way a writer does: runs of letters and digits, an apostrophe or a hyphen
 * inside a word keeping it one ("aujourd’hui", "Jean-Marc").
 *
 * Returns: the number of words
 */
guint
acq_text_count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean joiner = c == '\'' || c == 0x2019 || c == '-';

      if (g_unichar_isalnum (c) || (in_word && joiner))
        {
          words += !in_word;
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  return words;
}

static const char *const french_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre",
};

/**
 * acq_text_local_day:
 * @timestamp: (nullable): a stored UTC timestamp ("2026-03-20T09:15:00.000000Z")
 * @out: (out): its day where the user is, or an invalid date
 *
 * Returns: %TRUE if @timestamp is one
 */
gboolean
acq_text_local_day (const char *timestamp, GDate *out)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_date_clear (out, 1);
  if (timestamp == NULL || (utc = g_date_time_new_from_iso8601 (timestamp, NULL)) == NULL)
    return FALSE;
  local = g_date_time_to_local (utc);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

/**
 * acq_text_french_date:
 * @iso_date: (nullable): "YYYY-MM-DD"
 *
 * The dossier is French whatever the interface language: "1er mars 2024".
 *
 * Returns: (transfer full) (nullable): the date in French, or %NULL if @iso_date is not one
 */
char *
acq_text_french_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso_date);
  if (!g_date_valid (&date) || strlen (iso_date) != 10)
    return NULL;
  return g_strdup_printf (g_date_get_day (&date) == 1 ? "%der %s %d" : "%d %s %d",
                          g_date_get_day (&date), french_months[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}

/* The months as people type them: French and English, without accents (the text is folded
 * first). A prefix names a month when it names no other: "sept", "mar", "juil". */
static const char *const typed_months[][2] = {
  { "janvier", "january" }, { "fevrier", "february" }, { "mars", "march" },
  { "avril", "april" },     { "mai", "may" },           { "juin", "june" },
  { "juillet", "july" },    { "aout", "august" },       { "septembre", "september" },
  { "octobre", "october" }, { "novembre", "november" }, { "decembre", "december" },
};

static int
month_of_word (const char *word)
{
  gsize length = strlen (word);
  int found = 0;

  if (length > 0 && word[length - 1] == '.') /* "janv.", "sept." */
    length--;
  if (length < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    for (int language = 0; language < 2; language++)
      if (strncmp (typed_months[m][language], word, length) == 0)
        {
          if (found != 0 && found != m + 1)
            return 0; /* "jui": juin or juillet */
          found = m + 1;
        }
  return found;
}

static gboolean
parse_number (const char *word, int *out)
{
  gsize length = strlen (word);
  guint64 value;

  /* "1er", the French first day of a month */
  if (length > 2 && g_str_has_suffix (word, "er"))
    length -= 2;
  if (length == 0 || length > 4)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;
  value = g_ascii_strtoull (word, NULL, 10);
  *out = (int) value;
  return TRUE;
}

/* Two digits are a year of this century up to this year, of the last one after it. */
static int
full_year (int year, gsize digits)
{
  g_autoptr (GDateTime) now = NULL;
  int century_year;

  if (digits > 2)
    return year;
  now = g_date_time_new_now_local ();
  century_year = g_date_time_get_year (now) % 100;
  return year <= century_year ? 2000 + year : 1900 + year;
}

/**
 * acq_text_parse_date:
 * @typed: what the user typed
 * @bound: which day a month or a year alone stands for
 *
 * Reads a date as a French user types it, whatever the interface language: "12/03/2024",
 * "12-03-24", "12.03.2024", "2024-03-12", "03/2024", "mars 2024", "1er mars 2024",
 * "12 March 2024", "sept. 2019", "2019". Day before month always, as in France.
 *
 * Returns: (transfer full) (nullable): the date as "YYYY-MM-DD", or %NULL if @typed is not a
 *   date between the years 1900 and 2199
 */
char *
acq_text_parse_date (const char *typed, AcqDateBound bound)
{
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;
  int numbers[3], n_numbers = 0, month = 0, day = 0, year = 0;
  gsize year_digits = 0;
  gboolean iso = FALSE;

  if (typed == NULL || !g_utf8_validate (typed, -1, NULL) || strlen (typed) > 64)
    return NULL;
  folded = g_strstrip (acq_text_fold (typed));
  iso = strlen (folded) == 10 && folded[4] == '-' && folded[7] == '-';
  for (char *p = folded; *p != '\0'; p++)
    if (*p == '/' || *p == '-' || *p == ',' || (*p == '.' && g_ascii_isdigit (p[1])))
      *p = ' ';
  words = g_strsplit_set (folded, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      int number, named;

      if (*words[i] == '\0')
        continue;
      if (parse_number (words[i], &number) && n_numbers < 3)
        {
          if (n_numbers == 0 || !iso)
            year_digits = strlen (words[i]);
          numbers[n_numbers++] = number;
        }
      else if (month == 0 && (named = month_of_word (words[i])) != 0)
        month = named;
      else
        return NULL;
    }
  if (iso && n_numbers == 3)
    year = numbers[0], month = numbers[1], day = numbers[2], year_digits = 4;
  else if (month != 0 && n_numbers == 2) /* "12 mars 2024" */
    day = numbers[0], year = numbers[1];
  else if (month != 0 && n_numbers == 1) /* "mars 2024" */
    year = numbers[0];
  else if (month == 0 && n_numbers == 3) /* "12/03/2024" */
    day = numbers[0], month = numbers[1], year = numbers[2];
  else if (month == 0 && n_numbers == 2 && year_digits == 4) /* "03/2024", not "12/03" */
    month = numbers[0], year = numbers[1];
  else if (month == 0 && n_numbers == 1 && year_digits == 4) /* "2024" */
    year = numbers[0], month = bound == ACQ_DATE_START ? 1 : 12;
  else
    return NULL;
  if (year_digits == 1 || year_digits == 3)
    return NULL;
  year = full_year (year, year_digits);
  if (year < 1900 || year > 2199 || month < 1 || month > 12)
    return NULL;
  if (day == 0)
    day = bound == ACQ_DATE_START ? 1 : g_date_get_days_in_month (month, year);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * acq_text_french_period:
 * @iso_from: (nullable): the start, "YYYY-MM-DD"
 * @iso_to: (nullable): the end, or %NULL for a period still going on
 *
 * The period of an example as the Dossier Professionnel prints it after "Période
 * d'exercice": "Du 1er mars 2024 au 30 juin 2025", "Depuis le 1er mars 2024".
 *
 * Returns: (transfer full): the period in French, "" if there is no start
 */
char *
acq_text_french_period (const char *iso_from, const char *iso_to)
{
  g_autofree char *from = acq_text_french_date (iso_from);
  g_autofree char *to = acq_text_french_date (iso_to);

  if (from == NULL)
    return g_strdup ("");
  if (to == NULL)
    return g_strdup_printf ("Depuis le %s", from);
  return g_strdup_printf ("Du %s au %s", from, to);
}
