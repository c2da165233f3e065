/* acq-window-actions.c — the main window's actions: candidates, the dossier, the livret, the
 * map, the jury, back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of AcqWindow (see acq-window-private.h), as GNOME Text Editor keeps its window's
 * actions in editor-window-actions.c.
 */
#define G_LOG_DOMAIN "acq-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-attachment.h"
#include "acq-calendar-export.h"
#include "acq-certification-import-window.h"
#include "acq-complaints-window.h"
#include "acq-dossier-window.h"
#include "acq-jury-window.h"
#include "acq-livret-pdf.h"
#include "acq-person-export.h"
#include "acq-practice-document.h"
#include "acq-store-file-job.h"
#include "acq-map-window.h"
#include "acq-new-candidate-dialog.h"
#include "acq-people-window.h"
#include "acq-satisfaction-window.h"
#include "acq-toast.h"
#include "acq-yearly-review-window.h"
#include "acq-window-private.h"

/* One place enables and disables the window's actions, from what it shows. */
void
_acq_window_actions_update (AcqWindow *self)
{
  gboolean has_store = self->candidates != NULL;
  gboolean has_candidate = self->shown != NULL;
  /* a candidate has no caseload to add to, archive or delete from */
  gboolean coach = self->role == ACQ_ROLE_COACH;
  gboolean can_go_back =
    (adw_leaflet_get_folded (self->leaflet) && !self->solo) || self->open_sheet != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-candidate", coach && has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-candidate",
                                 coach && has_candidate &&
                                   !acq_candidate_get_archived (self->shown));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-candidate",
                                 coach && has_candidate && acq_candidate_get_archived (self->shown));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-candidate",
                                 coach && has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-dossier", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-map", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-jury", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-livret", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-person", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-convocation",
                                 has_candidate && self->role == ACQ_ROLE_COACH);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.complaints", coach && has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.yearly-review", coach && has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.satisfaction", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.people", has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-candidate-calendar",
                                 has_candidate);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_go_back);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_set_sensitive (GTK_WIDGET (self->candidate_menu_button), has_candidate);
  /* nothing to offer on Today */
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_menu_button), has_candidate);
  _acq_window_exchange_actions_update (self);
}

static void
on_new_candidate_dialog_create_cb (AcqWindow *self, const char *first_name,
                                   const char *last_name, const char *number)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;
  guint n;

  candidate = acq_candidate_list_create_for (self->candidates, first_name, last_name, number,
                                             &error);
  if (candidate == NULL)
    {
      acq_window_show_error (self, error->message);
      return;
    }
  /* A new candidate must be visible even if the search would hide them. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqCandidate) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      if (item == candidate)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->candidate_list_view), "list.scroll-to-item",
                                      "u", i);
          break;
        }
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  acq_candidate_page_focus_top (_acq_window_ensure_candidate_page (self));
}

static void
new_candidate_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  AcqNewCandidateDialog *dialog = NULL;

  if (self->candidates == NULL)
    return;
  dialog = acq_new_candidate_dialog_new (GTK_WINDOW (self),
                                         acq_candidate_list_get_store (self->candidates));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_candidate_dialog_create_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GtkApplicationWindow builds the shortcuts window of gtk/help-overlay.ui for every window it
 * opens; built here on first use instead, it costs nothing at start-up. */
static void
show_shortcuts_action (GtkWidget *widget, const char *action, GVariant *param)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/acquis/Acquis/ui/acq-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
on_dossier_open_sheet_cb (AcqWindow *self, const char *sheet_uuid)
{
  gtk_window_present (GTK_WINDOW (self));
  if (self->candidate_page != NULL)
    acq_candidate_page_open_sheet (self->candidate_page, sheet_uuid);
}

/* The dossier as it will print, in a window of its own beside the sheets it is made from. */
static void
show_dossier_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  AcqDossierWindow *dossier;

  if (self->shown == NULL)
    return;
  _acq_window_flush (self);
  dossier = acq_dossier_window_new (GTK_WINDOW (self),
                                    acq_candidate_list_get_store (self->candidates), self->shown);
  g_signal_connect_object (dossier, "open-sheet", G_CALLBACK (on_dossier_open_sheet_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The competence map, in a window of its own: links made there go through the candidate
 * page's sheets, so that its coverage and an open editor follow. */
static void
show_map_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  AcqSheetList *sheets;
  AcqMapWindow *map;

  if (self->shown == NULL || self->candidate_page == NULL)
    return;
  _acq_window_flush (self);
  if ((sheets = acq_candidate_page_get_sheets (self->candidate_page)) == NULL)
    return;
  map = acq_map_window_new (GTK_WINDOW (self), sheets);
  g_signal_connect_object (map, "open-sheet", G_CALLBACK (on_dossier_open_sheet_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The jury: its session, its checklist, its result, and the rehearsal's timer. */
static void
show_jury_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->shown == NULL)
    return;
  _acq_window_flush (self);
  acq_jury_window_new (GTK_WINDOW (self), acq_candidate_list_get_store (self->candidates),
                       self->shown, self->role);
}

/* The complaints log, one window at a time; Today's row of a complaint gives its uuid, and
 * its dialog opens over the log. */
static void
complaints_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  const char *uuid = param != NULL ? g_variant_get_string (param, NULL) : "";

  if (self->candidates == NULL || self->role != ACQ_ROLE_COACH)
    return;
  _acq_window_flush (self);
  if (self->complaints_window == NULL)
    {
      self->complaints_window = GTK_WINDOW (
        acq_complaints_window_new (GTK_WINDOW (self),
                                   acq_candidate_list_get_store (self->candidates),
                                   G_LIST_MODEL (self->candidates)));
      g_object_add_weak_pointer (G_OBJECT (self->complaints_window),
                                 (gpointer *) &self->complaints_window);
    }
  else
    gtk_window_present (self->complaints_window);
  if (uuid[0] != '\0')
    acq_complaints_window_edit (ACQ_COMPLAINTS_WINDOW (self->complaints_window), uuid);
}

/* The satisfaction questionnaire of the candidate shown: hers to fill in, or for the
 * accompagnatrice the ones received, a paper one to type in, the questions. */
static void
satisfaction_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->shown == NULL)
    return;
  _acq_window_flush (self);
  acq_satisfaction_window_new (GTK_WINDOW (self), acq_candidate_list_get_store (self->candidates),
                               acq_candidate_get_uuid (self->shown), self->role);
}

/* The people the candidate writes about, in all of her sheets (the sheet editor opens the
 * same window). */
static void
people_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GError) error = NULL;

  if (self->shown == NULL)
    return;
  _acq_window_flush (self);
  sheets = acq_sheet_list_new (acq_candidate_list_get_store (self->candidates), self->shown,
                               &error);
  if (sheets == NULL)
    {
      acq_toast_show (widget, error->message);
      return;
    }
  acq_people_window_show (GTK_WINDOW (self), sheets);
}

/* The Qualiopi yearly review: its year, its improvement actions, its export. */
static void
yearly_review_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->candidates == NULL || self->role != ACQ_ROLE_COACH)
    return;
  _acq_window_flush (self);
  acq_yearly_review_window_new (GTK_WINDOW (self),
                                acq_candidate_list_get_store (self->candidates));
}

/* The sessions as a .ics file for GNOME Calendar: the whole caseload's from the main menu,
 * one candidate's from their page. */
static void
export_calendar_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  gboolean one = g_strcmp0 (action, "win.export-candidate-calendar") == 0;

  if (self->candidates == NULL || (one && self->shown == NULL))
    return;
  _acq_window_flush (self);
  acq_calendar_export_choose (GTK_WINDOW (self), GTK_WIDGET (self->toast_overlay),
                              acq_candidate_list_get_store (self->candidates),
                              one ? self->shown : NULL);
}

/* Back from a sheet to its candidate, then (on a narrow window) to the list. */
static void
go_back_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->open_sheet != NULL)
    _acq_window_close_sheet (self);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* What an undo toast needs to undo, or to finish, a change to a candidate. */
typedef struct
{
  AcqWindow    *window;
  AcqCandidate *candidate;
} Change;

static Change *
change_new (AcqWindow *self, AcqCandidate *candidate)
{
  Change *change = g_new0 (Change, 1);

  change->window = g_object_ref (self);
  change->candidate = g_object_ref (candidate);
  return change;
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_object_unref (change->window);
  g_object_unref (change->candidate);
  g_free (change);
}

static void
set_archived (AcqWindow *self, AcqCandidate *candidate, gboolean archived)
{
  g_autoptr (GError) error = NULL;

  acq_candidate_set_archived (candidate, archived);
  if (!acq_candidate_list_save (self->candidates, candidate, &error))
    acq_window_show_error (self, error->message);
  _acq_window_actions_update (self);
}

static void
undo_archive (gpointer data)
{
  Change *change = data;

  set_archived (change->window, change->candidate,
                !acq_candidate_get_archived (change->candidate));
}

/* Archiving hides the candidate from the list (unless archived ones are shown); the toast
 * says so and can undo it. */
static void
archive_candidate_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  gboolean archive = g_strcmp0 (action, "win.archive-candidate") == 0;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->shown == NULL)
    return;
  candidate = g_object_ref (self->shown);
  set_archived (self, candidate, archive);
  if (acq_candidate_get_archived (candidate) != archive)
    return;
  name = acq_candidate_dup_display_name (candidate);
  title = g_strdup_printf (archive ? _("“%s” archived") : _("“%s” back among the candidates"),
                           name);
  acq_undo_toast_show (GTK_WIDGET (self->toast_overlay), title, 0, undo_archive, NULL,
                       change_new (self, candidate), change_free);
}

static void
undo_delete (gpointer data)
{
  Change *change = data;
  g_autoptr (GError) error = NULL;

  if (!acq_candidate_list_undelete (change->window->candidates, change->candidate, &error))
    acq_window_show_error (change->window, error->message);
}

/* Past the undo, the candidate is erased for good (RGPD). */
static void
finish_delete (gpointer data)
{
  Change *change = data;
  g_autoptr (GError) error = NULL;

  if (change->window->candidates == NULL)
    return;
  if (!acq_candidate_list_purge (change->window->candidates, change->candidate, &error) ||
      !acq_attachment_remove_orphans (acq_candidate_list_get_store (change->window->candidates),
                                      NULL, &error))
    g_warning ("Could not erase a deleted candidate: %s", error->message);
}

/* Deletes @candidate with an Undo of ten seconds; past it, erased for good. */
static void
delete_candidate (AcqWindow *self, AcqCandidate *shown)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidate) candidate = g_object_ref (shown);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!acq_candidate_list_delete (self->candidates, candidate, &error))
    {
      acq_window_show_error (self, error->message);
      return;
    }
  /* from the person's page, back to the list; from Today, stay there */
  if (candidate == self->shown)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  name = acq_candidate_dup_display_name (candidate);
  title = g_strdup_printf (_("“%s” deleted"), name);
  acq_undo_toast_show (GTK_WIDGET (self->toast_overlay), title, 10, undo_delete, finish_delete,
                       change_new (self, candidate), change_free);
}

static void
delete_candidate_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->shown != NULL)
    delete_candidate (self, self->shown);
}

/* A file made for the candidate shown, written on a worker straight into the file chosen:
 * the livret de suivi, everything held about the person. */
typedef struct
{
  const char *title;     /* of the file chooser */
  const char *file_name; /* a format, with the candidate's name */
  const char *done;      /* said once written */
  AcqStoreFileWriter writer;
} CandidateFile;

static const CandidateFile livret_file = {
  N_("Export the Livret"), "Livret de suivi - %s.pdf", N_("Livret exported"),
  acq_livret_pdf_write,
};

static const CandidateFile convocation_file = {
  N_("Print the Convocation"), "Convocation - %s.pdf", N_("Convocation printed"),
  acq_practice_document_write_convocation,
};

/* the file's name is French, as its README and the dossier inside */
static const CandidateFile person_file = {
  N_("Export Everything About This Person"), "Données personnelles - %s.zip",
  N_("Everything about the person exported"), acq_person_export_write,
};

typedef struct
{
  AcqWindow           *window;
  GFile               *file;
  const CandidateFile *kind;
} CandidateExport;

static void
candidate_export_free (CandidateExport *export)
{
  g_object_unref (export->window);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CandidateExport, candidate_export_free)

static void
on_candidate_file_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CandidateExport) export = user_data;
  g_autoptr (GError) error = NULL;

  if (acq_store_write_file_finish (ACQ_STORE (source), result, &error))
    acq_file_toast_show (GTK_WIDGET (export->window->content_stack), _(export->kind->done),
                         export->file);
  else
    acq_window_show_error (export->window, error->message);
}

static void
on_candidate_file_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqWindow *self)
{
  g_autoptr (GFile) target = NULL;
  g_autofree char *path = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (chooser), "candidate-uuid");
  const CandidateFile *kind = g_object_get_data (G_OBJECT (chooser), "kind");
  CandidateExport *export;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (target);
    }
  if (path != NULL && self->candidates != NULL)
    {
      export = g_new0 (CandidateExport, 1);
      export->window = g_object_ref (self);
      export->file = g_object_ref (target);
      export->kind = kind;
      acq_store_write_file_async (acq_candidate_list_get_store (self->candidates), kind->writer,
                                  uuid, path, NULL, on_candidate_file_written_cb, export);
    }
  g_object_unref (chooser);
}

static void
export_file_of (AcqWindow *self, AcqCandidate *candidate, const CandidateFile *kind)
{
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  if (candidate == NULL)
    return;
  name = acq_candidate_dup_display_name (candidate);
  file_name = g_strdup_printf (kind->file_name, name);
  chooser = gtk_file_chooser_native_new (_(kind->title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "candidate-uuid",
                          g_strdup (acq_candidate_get_uuid (candidate)), g_free);
  g_object_set_data (G_OBJECT (chooser), "kind", (gpointer) kind);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_candidate_file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_candidate_file (AcqWindow *self, const CandidateFile *kind)
{
  export_file_of (self, self->shown, kind);
}

/* The candidate a row names by uuid (Today's accompaniments kept past their period). */
static AcqCandidate *
find_candidate (AcqWindow *self, GVariant *param)
{
  if (self->candidates == NULL || param == NULL)
    return NULL;
  return acq_candidate_list_find (self->candidates, g_variant_get_string (param, NULL));
}

static void
export_livret_action (GtkWidget *widget, const char *action, GVariant *param)
{
  export_candidate_file (ACQ_WINDOW (widget), &livret_file);
}

static void
print_convocation_action (GtkWidget *widget, const char *action, GVariant *param)
{
  export_candidate_file (ACQ_WINDOW (widget), &convocation_file);
}

static void
export_person_action (GtkWidget *widget, const char *action, GVariant *param)
{
  export_candidate_file (ACQ_WINDOW (widget), &person_file);
}

static void
export_person_of_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  export_file_of (self, find_candidate (self, param), &person_file);
}

static void
on_erase_response_cb (AdwMessageDialog *dialog, const char *response, AcqWindow *self)
{
  AcqCandidate *candidate = g_object_get_data (G_OBJECT (dialog), "candidate");

  if (g_strcmp0 (response, "erase") == 0 && self->candidates != NULL)
    delete_candidate (self, candidate);
}

/* Erasing from Today asks first: the row may be far from the person's page, and the name
 * said in the question is the last check. The delete itself keeps its Undo. */
static void
erase_candidate_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  AcqCandidate *candidate = find_candidate (self, param);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (candidate == NULL)
    return;
  name = acq_candidate_dup_display_name (candidate);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Erase %s?"), name);
  adw_message_dialog_set_body (
    ADW_MESSAGE_DIALOG (dialog),
    _("Everything Acquis holds about this person is erased: identity, parcours, sheets, "
      "sessions, jury and documents. The daily backups that still hold it are deleted "
      "within seven days of use. Export it first if you must keep a copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "candidate", g_object_ref (candidate),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_certification_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  if (self->candidates != NULL)
    acq_certification_import_window_new (
      GTK_WINDOW (self), acq_store_get_data_dir (acq_candidate_list_get_store (self->candidates)));
}

/* An export of France Compétences dropped on the window (the XML, or the zip it ships) opens
 * the import window on it, as File → Import a Certification… does after choosing it. */
static gboolean
is_export_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".xml") || g_str_has_suffix (lower, ".zip"));
}

static gboolean
on_drop_target_drop_cb (AcqWindow *self, const GValue *value, double x, double y,
                        GtkDropTarget *target)
{
  AcqCertificationImportWindow *window;
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL && file == NULL; l = l->next)
        if (is_export_name (l->data))
          file = l->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && is_export_name (g_value_get_object (value)))
    file = g_value_get_object (value);
  if (file == NULL || self->candidates == NULL)
    return FALSE;
  window = acq_certification_import_window_new (
    GTK_WINDOW (self), acq_store_get_data_dir (acq_candidate_list_get_store (self->candidates)));
  acq_certification_import_window_open (window, file);
  return TRUE;
}

void
_acq_window_actions_init_drop (AcqWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_target_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_acq_window_class_actions_init (AcqWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-candidate", NULL, new_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.archive-candidate", NULL,
                                   archive_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-candidate", NULL,
                                   archive_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.delete-candidate", NULL,
                                   delete_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.show-dossier", NULL, show_dossier_action);
  gtk_widget_class_install_action (widget_class, "win.show-map", NULL, show_map_action);
  gtk_widget_class_install_action (widget_class, "win.show-jury", NULL, show_jury_action);
  gtk_widget_class_install_action (widget_class, "win.export-livret", NULL,
                                   export_livret_action);
  gtk_widget_class_install_action (widget_class, "win.export-person", NULL,
                                   export_person_action);
  gtk_widget_class_install_action (widget_class, "win.export-person-of", "s",
                                   export_person_of_action);
  gtk_widget_class_install_action (widget_class, "win.erase-candidate", "s",
                                   erase_candidate_action);
  gtk_widget_class_install_action (widget_class, "win.print-convocation", NULL,
                                   print_convocation_action);
  gtk_widget_class_install_action (widget_class, "win.import-certification", NULL,
                                   import_certification_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.complaints", "s", complaints_action);
  gtk_widget_class_install_action (widget_class, "win.yearly-review", NULL, yearly_review_action);
  gtk_widget_class_install_action (widget_class, "win.satisfaction", NULL, satisfaction_action);
  gtk_widget_class_install_action (widget_class, "win.people", NULL, people_action);
  gtk_widget_class_install_action (widget_class, "win.export-candidate-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.show-map",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "win.show-jury",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back",
                                       NULL);
}
