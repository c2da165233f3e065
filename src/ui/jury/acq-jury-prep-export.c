/* acq-jury-prep-export.c — the fiche de préparation au jury, to a PDF the user chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is chosen with GtkFileChooserNative (GTK 4.8 has no GtkFileDialog) and written by
 * acq_jury_prep_write() on a worker with a connection of its own to the store, so that a long
 * fiche does not hold the window. A toast says where it went, with a button to open it, or
 * why not.
 */
#define G_LOG_DOMAIN "acq-jury-prep-export"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-jury-prep-export.h"
#include "acq-jury-prep.h"
#include "acq-toast.h"

typedef struct
{
  GtkWidget *toast_widget;
  char      *data_dir;
  char      *candidate_uuid;
  gboolean   large_print;
  GFile     *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->toast_widget);
  g_free (export->data_dir);
  g_free (export->candidate_uuid);
  g_clear_object (&export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
write_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (export->data_dir, &error);
  g_autofree char *path = g_file_get_path (export->file);

  if (store == NULL ||
      !acq_jury_prep_write (store, export->candidate_uuid, path, export->large_print, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    acq_file_toast_show (export->toast_widget, _("Fiche de préparation exported"),
                         export->file);
  else
    acq_toast_show (export->toast_widget, error->message);
}

static void
on_response_cb (GtkNativeDialog *chooser, int response, Export *export)
{
  g_autoptr (Export) owned = export;
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (export->file == NULL)
    return;
  if ((path = g_file_get_path (export->file)) == NULL)
    {
      acq_toast_show (export->toast_widget,
                      _("The fiche can only be saved in a local folder: choose another."));
      return;
    }
  if (!g_str_has_suffix (path, ".pdf"))
    {
      g_autofree char *named = g_strconcat (path, ".pdf", NULL);

      g_object_unref (export->file);
      export->file = g_file_new_for_path (named);
    }
  task = g_task_new (NULL, NULL, on_written_cb, NULL);
  g_task_set_name (task, "[acquis] write fiche de préparation");
  g_task_set_task_data (task, g_steal_pointer (&owned), (GDestroyNotify) export_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * acq_jury_prep_export_choose:
 * @parent: the window the file chooser is over
 * @toast_widget: a widget inside the toast overlay that says how it went
 * @store: the store
 * @candidate_uuid: whose fiche
 * @candidate_name: for the file's name
 * @large_print: the large-print variant
 *
 * Asks for a PDF file, then writes the fiche into it on a worker.
 */
void
acq_jury_prep_export_choose (GtkWindow *parent, GtkWidget *toast_widget, AcqStore *store,
                             const char *candidate_uuid, const char *candidate_name,
                             gboolean large_print)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  Export *export;

  g_return_if_fail (ACQ_IS_STORE (store) && candidate_uuid != NULL);
  export = g_new0 (Export, 1);
  export->toast_widget = g_object_ref (toast_widget);
  export->data_dir = g_strdup (acq_store_get_data_dir (store));
  export->candidate_uuid = g_strdup (candidate_uuid);
  export->large_print = large_print;
  /* the document is French whatever the locale: so is its name */
  file_name = g_strdup_printf (large_print ? "Préparation au jury (gros caractères) - %s.pdf"
                                           : "Préparation au jury - %s.pdf",
                               candidate_name);
  chooser = gtk_file_chooser_native_new (large_print
                                           ? _("Export the Fiche de Préparation in Large Print")
                                           : _("Export the Fiche de Préparation"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
