/* test-pdf.h — reading a PDF that Acquis wrote back with poppler, as the tests compare text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

/* poppler-glib 22.12 declares no autoptr for its types; a name of our own will not clash
 * with the one a later poppler adds */
typedef PopplerDocument Pdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pdf, g_object_unref)

static inline PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Text as the tests compare it: non-breaking spaces as spaces, typographic apostrophes as
 * straight ones, every run of white space as one space. */
static inline char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c == 0x2019 ? '\'' : c);
    }
  return g_string_free (out, FALSE);
}

static inline char *
page_text (PopplerDocument *doc, int index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  g_autofree char *text = NULL;

  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  return normalize (text);
}

static inline char *
document_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);

      g_string_append_printf (all, "%s ", text);
    }
  return g_string_free (all, FALSE);
}
