/* acq-jury-window-documents.c — the jury window's convocation and procès-verbal, attached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accompagnatrice attaches the certifier's convocation and the jury's PV as PDF. Each is
 * a document of the candidate (paperwork/acq-candidate-document.c: imported on a worker as
 * the candidate page's documents are, so it is listed there too and travels in .acquis
 * files), and its SHA-256 goes in the session or the result, which say which document is
 * the convocation or the PV. Attaching the convocation also records it received today when
 * no date was given, which ticks the checklist's item. The candidate opens them.
 */
#define G_LOG_DOMAIN "acq-jury-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate-document.h"
#include "acq-document-open.h"
#include "acq-jury-window-private.h"
#include "acq-toast.h"

static gboolean
is_report (AcqCandidateDocumentKind kind)
{
  return kind == ACQ_CANDIDATE_DOCUMENT_JURY_REPORT;
}

/* The session or the result names the document by its content. */
static gboolean
link_document (AcqJuryWindow *self, const AcqCandidateDocument *document, GError **error)
{
  if (is_report (document->kind))
    {
      g_autoptr (AcqJuryResult) result = acq_jury_result_load (self->store,
                                                               self->candidate_uuid, error);

      if (result == NULL)
        return FALSE;
      g_free (result->pv_sha256);
      result->pv_sha256 = g_strdup (document->sha256);
      return acq_jury_result_save (self->store, result, error);
    }
  else
    {
      g_autoptr (AcqJurySession) session = acq_jury_session_load (self->store,
                                                                  self->candidate_uuid, error);

      if (session == NULL)
        return FALSE;
      g_free (session->convocation_sha256);
      session->convocation_sha256 = g_strdup (document->sha256);
      if (session->convocation_date == NULL)
        {
          g_autoptr (GDateTime) now = g_date_time_new_now_local ();

          session->convocation_date = g_date_time_format (now, "%Y-%m-%d");
        }
      return acq_jury_session_save (self->store, session, error);
    }
}

static void
on_document_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqJuryWindow) self = user_data;
  g_autoptr (AcqCandidateDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = acq_candidate_document_add_finish (ACQ_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL || !link_document (self, document, &error))
    {
      acq_toast_show (GTK_WIDGET (self->outline_list), error->message);
      return;
    }
  acq_toast_show (GTK_WIDGET (self->outline_list),
                  is_report (document->kind) ? _("The jury's report was attached")
                                             : _("The convocation was attached"));
  _acq_jury_window_documents_load (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqJuryWindow *self)
{
  AcqCandidateDocumentKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                                      "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      acq_candidate_document_add_async (self->store, self->candidate_uuid, kind, self->role,
                                        file, self->documents_cancellable, on_document_added_cb,
                                        g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
attach_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);
  gboolean report = g_strcmp0 (action, "jury.attach-report") == 0;
  GtkFileChooserNative *chooser;

  if (!_acq_jury_window_is_coach (self))
    return;
  chooser = acq_document_chooser_new (widget,
                                      report ? _("Attach the Jury's Report (PV)")
                                             : _("Attach the Convocation"),
                                      FALSE);
  g_object_set_data (G_OBJECT (chooser), "kind",
                     GINT_TO_POINTER (report ? ACQ_CANDIDATE_DOCUMENT_JURY_REPORT
                                             : ACQ_CANDIDATE_DOCUMENT_CONVOCATION));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_document (AcqJuryWindow *self, const AcqCandidateDocument *document)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (document == NULL)
    return;
  if (!(path = acq_candidate_document_get_path (self->store, document, &error)))
    acq_toast_show (GTK_WIDGET (self->outline_list), error->message);
  else
    acq_document_open_copy (GTK_WIDGET (self), self->store, path, document->file_name,
                            document->candidate_uuid);
}

static void
on_convocation_open_clicked_cb (AcqJuryWindow *self)
{
  open_document (self, self->convocation_document);
}

static void
on_report_open_clicked_cb (AcqJuryWindow *self)
{
  open_document (self, self->report_document);
}

/* The document the session or the result names; else the latest of its kind, one the
 * candidate may have added on her side. */
static AcqCandidateDocument *
find_document (GPtrArray *documents, AcqCandidateDocumentKind kind, const char *sha256)
{
  AcqCandidateDocument *latest = NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      AcqCandidateDocument *document = g_ptr_array_index (documents, i);

      if (sha256 != NULL && g_strcmp0 (document->sha256, sha256) == 0)
        return document;
      if (document->kind == kind &&
          (latest == NULL || g_strcmp0 (document->added_at, latest->added_at) > 0))
        latest = document;
    }
  return latest;
}

static void
show_document (AdwActionRow *row, GtkWidget *open, const AcqCandidateDocument *document)
{
  const char *subtitle = document != NULL ? acq_candidate_document_get_display_title (document)
                                          : _("None attached");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (open, document != NULL);
}

void
_acq_jury_window_documents_load (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = acq_candidate_document_list (self->store,
                                                                 self->candidate_uuid, &error);
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  AcqCandidateDocument *found;

  if (documents == NULL ||
      !(session = acq_jury_session_load (self->store, self->candidate_uuid, &error)) ||
      !(result = acq_jury_result_load (self->store, self->candidate_uuid, &error)))
    {
      g_warning ("The jury's documents could not be read: %s", error->message);
      return;
    }
  found = find_document (documents, ACQ_CANDIDATE_DOCUMENT_CONVOCATION,
                         session->convocation_sha256);
  g_clear_pointer (&self->convocation_document, acq_candidate_document_free);
  self->convocation_document = found ? acq_candidate_document_copy (found) : NULL;
  found = find_document (documents, ACQ_CANDIDATE_DOCUMENT_JURY_REPORT, result->pv_sha256);
  g_clear_pointer (&self->report_document, acq_candidate_document_free);
  self->report_document = found ? acq_candidate_document_copy (found) : NULL;
  show_document (self->convocation_row, GTK_WIDGET (self->convocation_open_button),
                 self->convocation_document);
  show_document (self->report_row, GTK_WIDGET (self->report_open_button),
                 self->report_document);
}

void
_acq_jury_window_documents_init (AcqJuryWindow *self)
{
  self->documents_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->convocation_open_button, "clicked",
                           G_CALLBACK (on_convocation_open_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report_open_button, "clicked",
                           G_CALLBACK (on_report_open_clicked_cb), self, G_CONNECT_SWAPPED);
}

void
_acq_jury_window_documents_apply_role (AcqJuryWindow *self)
{
  gboolean coach = _acq_jury_window_is_coach (self);

  gtk_widget_set_visible (GTK_WIDGET (self->convocation_attach_button), coach);
  gtk_widget_set_visible (GTK_WIDGET (self->report_attach_button), coach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.attach-convocation", coach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.attach-report", coach);
}

void
_acq_jury_window_documents_dispose (AcqJuryWindow *self)
{
  if (self->documents_cancellable != NULL)
    g_cancellable_cancel (self->documents_cancellable);
  g_clear_object (&self->documents_cancellable);
  g_clear_pointer (&self->convocation_document, acq_candidate_document_free);
  g_clear_pointer (&self->report_document, acq_candidate_document_free);
}

void
_acq_jury_window_documents_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "jury.attach-convocation", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "jury.attach-report", NULL, attach_action);
}
