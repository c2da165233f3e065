/* acq-reading-style.c — a candidate's large-print reading style for the printed outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accommodations are written as free text ("Luciole 14, interligne 1,5"), which no output can
 * read; this is the same wish as data: a font family, a size and a line spacing, kept in its
 * own row (candidate_reading) so that it travels in the exchange as a record that both roles
 * may set. The family is kept as chosen, and resolved against the fonts installed only when a
 * document is printed: a file made on a machine with OpenDyslexic still prints, in the
 * fallback sans, on one without it; a missing font is never an error.
 */
#define G_LOG_DOMAIN "acq-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "acq-pango.h"
#include "acq-reading-style.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* The families offered, in the order of the choice: the default large sans first, then a
 * typeface drawn for dyslexic readers (Debian's fonts-opendyslexic), then GNOME's sans. */
static const char *const offered_families[] = {
  ACQ_READING_DEFAULT_FAMILY, "OpenDyslexic", "Cantarell", NULL,
};

#define FAMILY_MAX_CHARS 100

/**
 * acq_reading_style_new:
 * @family: (nullable): the font family; %NULL or "" for the default large sans
 * @size: the size in points, clamped to the range offered
 * @spacing: the line spacing, clamped to the range offered
 *
 * Returns: (transfer full): a new reading style
 */
AcqReadingStyle *
acq_reading_style_new (const char *family, double size, double spacing)
{
  AcqReadingStyle *style = g_new0 (AcqReadingStyle, 1);

  style->family = g_strdup (family != NULL ? family : "");
  style->size = CLAMP (size, ACQ_READING_SIZE_MIN, ACQ_READING_SIZE_MAX);
  style->spacing = CLAMP (spacing, ACQ_READING_SPACING_MIN, ACQ_READING_SPACING_MAX);
  return style;
}

/**
 * acq_reading_style_copy:
 * @style: a reading style
 *
 * Returns: (transfer full): a copy of @style
 */
AcqReadingStyle *
acq_reading_style_copy (const AcqReadingStyle *style)
{
  g_return_val_if_fail (style != NULL, NULL);
  return acq_reading_style_new (style->family, style->size, style->spacing);
}

void
acq_reading_style_free (AcqReadingStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->family);
  g_free (style);
}

/**
 * acq_reading_style_load:
 * @store: the store
 * @candidate_uuid: the candidate
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): the candidate's reading style, or %NULL when they have
 *   none (@error unset) or on an error (@error set)
 */
AcqReadingStyle *
acq_reading_style_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  AcqReadingStyle *style = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT family, size, spacing FROM candidate_reading "
                            "WHERE candidate_uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    style = acq_reading_style_new (_acq_sql_column_text (stmt, 0),
                                   sqlite3_column_double (stmt, 1),
                                   sqlite3_column_double (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                     "reading the reading style");
  return style;
}

/**
 * acq_reading_style_save:
 * @store: the store
 * @candidate_uuid: the candidate
 * @style: (nullable): the style; %NULL to print the candidate's outputs in their own style
 * @error: where to put an error (%ACQ_TEXT_ERROR for a family name too long)
 *
 * Records, changes or removes the candidate's reading style; an unchanged style is not
 * written again, so that it does not travel as a change.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_reading_style_save (AcqStore *store, const char *candidate_uuid,
                        const AcqReadingStyle *style, GError **error)
{
  g_autoptr (AcqReadingStyle) clamped = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);

  if (style == NULL)
    {
      stmt = acq_store_prepare (store, "DELETE FROM candidate_reading WHERE candidate_uuid = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
      return acq_store_step_done (store, stmt, error);
    }
  clamped = acq_reading_style_copy (style);
  if (!acq_text_validate (clamped->family, FAMILY_MAX_CHARS, _("The font family"), error))
    return FALSE;
  now = acq_store_now ();
  stmt = acq_store_prepare (store, "INSERT INTO candidate_reading (uuid, candidate_uuid, family, "
                            "size, spacing, created_at, updated_at) VALUES (?1, ?1, ?2, ?3, ?4, "
                            "?5, ?5) ON CONFLICT (uuid) DO UPDATE SET family = excluded.family, "
                            "size = excluded.size, spacing = excluded.spacing, updated_at = "
                            "excluded.updated_at WHERE family IS NOT excluded.family OR size IS "
                            "NOT excluded.size OR spacing IS NOT excluded.spacing", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clamped->family, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 3, clamped->size);
  sqlite3_bind_double (stmt, 4, clamped->spacing);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error);
}

static gboolean
family_installed (PangoFontFamily **families, int n_families, const char *family)
{
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return TRUE;
  return FALSE;
}

/**
 * acq_reading_style_list_families:
 *
 * The families a reading style offers that fontconfig finds installed here, the default
 * large sans first; when none is, the fallback sans alone.
 *
 * Returns: (transfer full) (array zero-terminated=1): family names, never empty
 */
char **
acq_reading_style_list_families (void)
{
  PangoContext *context = acq_pango_context_new ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean any = FALSE;

  pango_font_map_list_families (pango_context_get_font_map (context), &families, &n_families);
  for (guint i = 0; offered_families[i] != NULL; i++)
    if (family_installed (families, n_families, offered_families[i]))
      {
        g_strv_builder_add (builder, offered_families[i]);
        any = TRUE;
      }
  if (!any)
    g_strv_builder_add (builder, ACQ_READING_FALLBACK_FAMILY);
  g_free (families);
  g_object_unref (context);
  return g_strv_builder_end (builder);
}

/**
 * acq_reading_style_resolve_family:
 * @family: (nullable): a family as stored; %NULL or "" for the default large sans
 *
 * Returns: (transfer full): @family if fontconfig finds it installed, else
 *   %ACQ_READING_FALLBACK_FAMILY, which fontconfig always answers
 */
char *
acq_reading_style_resolve_family (const char *family)
{
  PangoContext *context = acq_pango_context_new ();
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean installed;

  if (family == NULL || *family == '\0')
    family = ACQ_READING_DEFAULT_FAMILY;
  pango_font_map_list_families (pango_context_get_font_map (context), &families, &n_families);
  installed = family_installed (families, n_families, family);
  g_free (families);
  g_object_unref (context);
  return g_strdup (installed ? family : ACQ_READING_FALLBACK_FAMILY);
}
