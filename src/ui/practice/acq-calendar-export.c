/* acq-calendar-export.c — the calendar of one candidate or of the caseload, to a .ics file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is chosen with GtkFileChooserNative (GTK 4.8 has no GtkFileDialog; the portal
 * serves it inside a sandbox) and written by acq_calendar_export_async() on a worker with a
 * connection of its own. A toast says where it went, or why not.
 */
#define G_LOG_DOMAIN "acq-calendar-export"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-calendar.h"
#include "acq-calendar-export.h"
#include "acq-toast.h"

typedef struct
{
  GtkWidget *toast_widget;
  AcqStore  *store;
  char      *candidate_uuid; /* NULL for the whole caseload */
  char      *path;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->toast_widget);
  g_clear_object (&export->store);
  g_free (export->candidate_uuid);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Export) export = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) file = NULL;
  guint n_events = 0;

  if (!acq_calendar_export_finish (ACQ_STORE (source), result, &n_events, &error))
    {
      acq_toast_show (export->toast_widget, error->message);
      return;
    }
  name = g_filename_display_basename (export->path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Calendar exported to “%s”: %u event",
                                          "Calendar exported to “%s”: %u events", n_events),
                             name, n_events);
  file = g_file_new_for_path (export->path);
  acq_file_toast_show (export->toast_widget, message, file);
}

static void
on_response_cb (GtkNativeDialog *chooser, int response, Export *export)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      export->path = g_file_get_path (file);
      if (export->path == NULL)
        acq_toast_show (export->toast_widget,
                        _("The calendar can only be saved in a local folder: choose another."));
      else
        {
          if (!g_str_has_suffix (export->path, ".ics"))
            {
              char *named = g_strconcat (export->path, ".ics", NULL);

              g_free (export->path);
              export->path = named;
            }
          Export *job = g_steal_pointer (&export); /* the callback frees it */

          acq_calendar_export_async (job->store, job->candidate_uuid, job->path, NULL,
                                     on_exported_cb, job);
        }
    }
  if (export != NULL)
    export_free (export);
  g_object_unref (chooser);
}

/**
 * acq_calendar_export_choose:
 * @parent: the window the file chooser is over
 * @toast_widget: a widget inside the toast overlay that says how it went
 * @store: the store
 * @candidate: (nullable): whose sessions; %NULL for the whole caseload
 *
 * Asks for a .ics file, then writes the sessions into it on a worker.
 */
void
acq_calendar_export_choose (GtkWindow *parent, GtkWidget *toast_widget, AcqStore *store,
                            AcqCandidate *candidate)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  Export *export;

  g_return_if_fail (ACQ_IS_STORE (store));
  export = g_new0 (Export, 1);
  export->toast_widget = g_object_ref (toast_widget);
  export->store = g_object_ref (store);
  if (candidate != NULL)
    {
      g_autofree char *name = acq_candidate_dup_display_name (candidate);

      export->candidate_uuid = g_strdup (acq_candidate_get_uuid (candidate));
      file_name = g_strdup_printf ("Séances - %s.ics", name);
    }
  else
    file_name = g_strdup ("Séances des candidats.ics");
  chooser = gtk_file_chooser_native_new (candidate ? _("Export the Candidate's Calendar")
                                                   : _("Export the Calendar"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("Calendar (.ics)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
