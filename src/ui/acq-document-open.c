/* acq-document-open.c — showing a stored document, choosing one to add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a sheet's documents, a candidate's documents and the coach's signature share: the
 * file chooser that offers what Acquis accepts (acq-attachment.c checks it again), and the
 * way a stored copy is shown.
 */
#define G_LOG_DOMAIN "acq-document-open"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "acq-document-open.h"
#include "acq-toast.h"

/**
 * acq_document_open_copy:
 * @widget: a widget of the window, for the toast of an error
 * @store: the store
 * @stored_path: the stored copy (from acq_attachment_resolve() or a getter over it)
 * @file_name: the name the user gave the document
 * @candidate_uuid: whose document, to name the temporary folder
 *
 * The viewer gets a read-only copy in a private temporary folder of the data folder (never
 * /tmp): an application that saves what it opened must not change the copy Acquis keeps. The
 * copy goes when Acquis quits, at the next start after a crash, or when the candidate is
 * erased (acq_candidate_list_purge()).
 */
void
acq_document_open_copy (GtkWidget *widget, AcqStore *store, const char *stored_path,
                        const char *file_name, const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) stored = g_file_new_for_path (stored_path);
  g_autofree char *prefix = g_strconcat ("document-", candidate_uuid, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = g_path_get_basename (file_name);
  g_autofree char *path = NULL;
  g_autoptr (GFile) copy = NULL;
  g_autofree char *uri = NULL;

  if (!(dir = acq_store_make_temp (acq_store_get_data_dir (store), prefix, TRUE, &error)))
    {
      acq_toast_show (widget, error->message);
      return;
    }
  path = g_build_filename (dir, base, NULL);
  copy = g_file_new_for_path (path);
  if (!g_file_copy (stored, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error) ||
      g_chmod (path, 0400) != 0)
    {
      acq_toast_show (widget, error ? error->message : g_strerror (errno));
      return;
    }
  uri = g_file_get_uri (copy);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/**
 * acq_document_chooser_new:
 * @widget: a widget of the window the chooser belongs to
 * @title: the chooser's title
 * @images_only: offer PNG and JPEG images only (a signature), not PDF files
 *
 * Returns: (transfer full): a file chooser to open a document; show it, and unref it in its
 *   response
 */
GtkFileChooserNative *
acq_document_chooser_new (GtkWidget *widget, const char *title, gboolean images_only)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, images_only ? _("Pictures") : _("PDF files and pictures"));
  if (!images_only)
    gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/**
 * acq_document_row_new:
 * @title: the document's title or file name, shown as typed (no markup)
 * @subtitle: its kind, size…
 * @open_button: (transfer floating): from acq_document_button_new()
 * @remove_button: (transfer floating): from acq_document_button_new()
 *
 * Returns: (transfer floating): a row of a list of documents
 */
GtkWidget *
acq_document_row_new (const char *title, const char *subtitle, GtkWidget *open_button,
                      GtkWidget *remove_button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);
  return row;
}

/**
 * acq_document_button_new:
 * @icon: the icon's name
 * @format: its name, with a %s for the document's title: "Open “%s”"
 * @title: the document's title or file name
 * @callback: called with @owner first and the button, on a click
 * @owner: the widget that owns the list
 * @document: (transfer full): the document, kept on the button as "document"
 * @free_func: to free @document with the button
 *
 * Returns: (transfer floating): a flat button named for a screen reader and its tooltip
 */
GtkWidget *
acq_document_button_new (const char *icon, const char *format, const char *title,
                         GCallback callback, gpointer owner, gpointer document,
                         GDestroyNotify free_func)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *name = g_strdup_printf (format, title);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "document", document, free_func);
  g_signal_connect_object (button, "clicked", callback, owner, G_CONNECT_SWAPPED);
  return button;
}
