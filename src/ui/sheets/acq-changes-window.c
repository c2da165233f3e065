/* acq-changes-window.c — what changed in a sheet since the accompagnatrice last reviewed it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-changes-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "acq-changes-window.h"
#include "acq-diff.h"
#include "acq-guidance.h"
#include "acq-review.h"

static void
append (GtkTextBuffer *buffer, const char *text, const char *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
}

/* Word by word, inserted words underlined in green, deleted ones struck through in red: the
 * colours are doubled by a mark that reads in greyscale and for colour-blind readers. */
/* Appends the comparison of one part; returns whether the part changed at all. */
static gboolean
append_diff (GtkTextBuffer *buffer, const char *heading, const char *before, const char *now)
{
  g_autoptr (GPtrArray) spans = acq_diff_words (before ? before : "", now ? now : "");
  gboolean changed = FALSE;

  append (buffer, heading, "heading");
  append (buffer, "\n", NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      AcqDiffSpan *span = g_ptr_array_index (spans, i);
      append (buffer, span->text, span->op == ACQ_DIFF_INSERTED  ? "inserted"
                                  : span->op == ACQ_DIFF_DELETED ? "deleted"
                                                                 : NULL);
      changed |= span->op != ACQ_DIFF_EQUAL;
    }
  append (buffer, "\n\n", NULL);
  return changed;
}

static void
fill (GtkTextBuffer *buffer, const AcqSheetVersion *version, AcqSheet *sheet, gboolean edited)
{
  g_autofree char *when = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (version->created_at, NULL);
  g_autoptr (GDateTime) local = date ? g_date_time_to_local (date) : NULL;
  g_autofree char *intro = NULL;
  g_autoptr (AcqGuidance) guidance = NULL;
  gboolean changed;

  when = local ? g_date_time_format (local, "%-d %b %Y, %H:%M") : g_strdup ("");
  if (version->kind == ACQ_VERSION_REVIEW_REQUESTED)
    intro = g_strdup_printf (_("Compared with the version sent for review on %s. Added words are "
                               "underlined, removed words are struck through."), when);
  else
    intro = g_strdup_printf (_("Compared with the version reviewed on %s (%s). Added words are "
                               "underlined, removed words are struck through."),
                             when, acq_version_kind_label (version->kind));
  append (buffer, intro, "intro");
  append (buffer, "\n\n", NULL);
  if (edited)
    {
      append (buffer, _("The candidate changed this sheet after asking for a review."),
              "heading");
      append (buffer, "\n\n", NULL);
    }
  /* the rubrics under the Dossier Professionnel's own headings, as the editor shows them */
  guidance = acq_guidance_new_generic ();
  changed = append_diff (buffer, _("Title"), version->title, acq_sheet_get_title (sheet));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1,
                                                  acq_guidance_get_rubric_title (guidance, i));

      changed |= append_diff (buffer, heading, version->rubrics[i],
                              acq_sheet_get_rubric (sheet, i));
    }
  if (!changed)
    {
      GtkTextIter start;
      /* TRANSLATORS: %s is when the version compared with was kept */
      g_autofree char *none = g_strdup_printf (_("No changes since %s."), when);

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_insert (buffer, &start, "\n\n", -1);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &start, none, -1, "heading", NULL);
    }
}

/**
 * acq_changes_window_show:
 * @parent: the window it belongs to
 * @list: the candidate's sheets
 * @sheet: the sheet
 *
 * Shows, word by word, what changed since the version the accompagnatrice last reviewed.
 */
void
acq_changes_window_show (GtkWindow *parent, AcqSheetList *list, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetVersion) version = NULL;
  GtkWidget *window, *box, *header, *scrolled, *view;
  GtkEventController *shortcuts;
  GtkTextBuffer *buffer;

  AcqStore *store = acq_sheet_list_get_store (list);
  gboolean edited = FALSE;

  version = acq_review_get_last_reviewed (store, acq_sheet_get_uuid (sheet), &error);
  if (error == NULL && !acq_review_edited_since_request (store, sheet, &edited, &error))
    g_clear_pointer (&version, acq_sheet_version_free);
  /* never decided on yet, but edited since it was sent: compare with what was sent */
  if (version == NULL && error == NULL && edited)
    {
      g_autoptr (GPtrArray) versions = acq_review_list_versions (store, acq_sheet_get_uuid (sheet),
                                                                 &error);

      for (guint i = versions ? versions->len : 0; version == NULL && i > 0; i--)
        if (((AcqSheetVersion *) g_ptr_array_index (versions, i - 1))->kind ==
            ACQ_VERSION_REVIEW_REQUESTED)
          version = acq_sheet_version_copy (g_ptr_array_index (versions, i - 1));
    }
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Changes Since the Last Review"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  scrolled = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* a window to read: Escape or Ctrl+W closes it, as other dialogs */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_w,
                                                                           GDK_CONTROL_MASK)),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  /* read-only text: no caret to mislead */
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  g_object_set (view, "left-margin", 18, "right-margin", 18, "top-margin", 18,
                "bottom-margin", 18, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Changes Since the Last Review"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "intro", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "inserted", "underline", PANGO_UNDERLINE_SINGLE,
                              "background-rgba", &(GdkRGBA) { 0.2, 0.82, 0.48, 0.3 }, NULL);
  gtk_text_buffer_create_tag (buffer, "deleted", "strikethrough", TRUE, "background-rgba",
                              &(GdkRGBA) { 0.88, 0.11, 0.14, 0.25 }, NULL);

  if (version != NULL)
    fill (buffer, version, sheet, edited);
  else
    append (buffer, error ? error->message
                          : _("The accompagnatrice has not reviewed this sheet yet: there is "
                              "nothing to compare with."), "intro");
  gtk_window_present (GTK_WINDOW (window));
}
