/* acq-text.c — text helpers shared by search, sorting and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-store.h"
#include "acq-text.h"

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
 * @error: where to put an %ACQ_STORE_ERROR_INVALID error
 *
 * Text that comes from a file or a paste is checked before anything is stored.
 *
 * Returns: %TRUE if @text is valid UTF-8 and not too long
 */
gboolean
acq_text_validate (const char *text, gsize max_chars, const char *field_label, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_INVALID,
                   _("The field “%s” contains characters that are not valid text. Nothing was "
                     "saved."),
                   field_label);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_INVALID,
                   _("The field “%s” is too long (more than %lu characters). Nothing was "
                     "saved."),
                   field_label, (gulong) max_chars);
      return FALSE;
    }
  return TRUE;
}
