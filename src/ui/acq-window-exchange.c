/* acq-window-exchange.c — the main window's exchange of .acquis files: send, import, the
 * exchange folder, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of AcqWindow (see acq-window-private.h): an import writes to the store under the
 * window's lists and editors, so this part flushes, reloads and locks them itself. The
 * conflicts banner is declared in acq-window.ui and follows AcqWindow:n-conflicts.
 */
#define G_LOG_DOMAIN "acq-window-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-conflict-window.h"
#include "acq-import-report-window.h"
#include "acq-keyring.h"
#include "acq-package.h"
#include "acq-preferences-window.h"
#include "acq-send-dialog.h"
#include "acq-toast.h"
#include "acq-window-private.h"

/* Files to import come one at a time, from the file chooser or the exchange folder; each may
 * need the passphrase asked, again if it was wrong. */
struct _AcqWindowImport
{
  char     *path;
  gboolean  from_folder;
  char     *candidate_uuid;
  char     *passphrase; /* AcqPassphrase: locked, wiped when freed */
  gboolean  from_keyring;
  AcqStore *store; /* the one the import writes to */
};

static void process_next (AcqWindow *self);

/* While an import writes to the store, the candidates and the editors take no input: what
 * would be typed meanwhile would be saved over what the import brings. */
static void
set_busy (AcqWindow *self, gboolean busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->leaflet), !busy);
}

/* Reads everything again after the store changed under the window's lists (an import, a
 * conflict resolved); the candidate and the sheet shown stay shown. */
static void
reload (AcqWindow *self)
{
  g_autofree char *candidate_uuid = NULL;
  g_autofree char *sheet_uuid = NULL;
  AcqCandidate *candidate;

  if (self->shown != NULL)
    candidate_uuid = g_strdup (acq_candidate_get_uuid (self->shown));
  if (self->open_sheet != NULL)
    sheet_uuid = g_strdup (acq_sheet_get_uuid (self->open_sheet));
  _acq_window_flush (self);
  _acq_window_store_reset (self);
  if (candidate_uuid == NULL || self->candidates == NULL ||
      (candidate = acq_candidate_list_find (self->candidates, candidate_uuid)) == NULL)
    return;
  _acq_window_reveal_candidate (self, candidate);
  if (sheet_uuid != NULL)
    acq_candidate_page_open_sheet (_acq_window_ensure_candidate_page (self), sheet_uuid);
}

static void
import_free (AcqWindowImport *import)
{
  g_free (import->path);
  g_free (import->candidate_uuid);
  acq_passphrase_free (import->passphrase);
  g_clear_object (&import->store);
  g_free (import);
}

static AcqStore *
get_store (AcqWindow *self)
{
  return self->candidates ? acq_candidate_list_get_store (self->candidates) : NULL;
}

/* After dispose, work that still holds a reference finds no window to show anything in. */
static gboolean
is_gone (AcqWindow *self)
{
  return self->toast_overlay == NULL;
}

static void
add_toast (AcqWindow *self, AdwToast *toast)
{
  if (!is_gone (self))
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  else
    g_object_unref (toast);
}

static void
toast (AcqWindow *self, const char *message)
{
  add_toast (self, adw_toast_new (message));
}

static void
end_progress (AcqWindow *self)
{
  if (self->import_progress != NULL)
    adw_toast_dismiss (self->import_progress);
  g_clear_object (&self->import_progress);
}

static void
show_message (AcqWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Conflicts */

static void
update_conflicts (AcqWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  guint n = 0;

  if (get_store (self) != NULL &&
      (conflicts = acq_conflict_list (get_store (self), NULL, &error)) == NULL)
    g_warning ("Could not count the conflicts: %s", error->message);
  n = conflicts ? conflicts->len : 0;
  /* the banner in acq-window.ui and win.resolve-conflicts follow the property */
  _acq_window_set_n_conflicts (self, n);
}

static void
on_conflict_resolved_cb (AcqWindow *self, guint left)
{
  reload (self);
  update_conflicts (self);
  toast (self, left == 0 ? _("All conflicts resolved") : _("Conflict resolved"));
}

static void
resolve_conflicts (AcqWindow *self)
{
  AcqConflictWindow *window;

  if (get_store (self) == NULL)
    return;
  _acq_window_flush (self);
  window = acq_conflict_window_new (GTK_WINDOW (self), get_store (self));
  if (window != NULL)
    g_signal_connect_object (window, "resolved", G_CALLBACK (on_conflict_resolved_cb), self,
                             G_CONNECT_SWAPPED);
  else
    update_conflicts (self);
}

/* The import report */

static void
on_report_open_sheet_cb (AcqWindow *self, const char *candidate_uuid, const char *sheet_uuid)
{
  AcqCandidate *candidate;

  if (is_gone (self))
    return;
  gtk_window_present (GTK_WINDOW (self));
  if (self->candidates == NULL ||
      (candidate = acq_candidate_list_find (self->candidates, candidate_uuid)) == NULL)
    return;
  _acq_window_reveal_candidate (self, candidate);
  acq_candidate_page_open_sheet (_acq_window_ensure_candidate_page (self), sheet_uuid);
}

static char *
dup_candidate_name (AcqWindow *self, const char *uuid)
{
  AcqCandidate *candidate = NULL;

  if (self->candidates != NULL && uuid != NULL)
    candidate = acq_candidate_list_find (self->candidates, uuid);
  return candidate ? acq_candidate_dup_display_name (candidate) : NULL;
}

static void
on_n_conflicts_notify_cb (AcqWindow *self, GParamSpec *pspec, AcqImportReportWindow *window)
{
  acq_import_report_window_set_n_conflicts (window, self->n_conflicts);
}

static void
show_report (AcqWindow *self, AcqImportReport *report)
{
  g_autofree char *name = NULL;
  g_autoptr (GPtrArray) to_review = NULL;
  g_autoptr (GError) error = NULL;
  AcqImportReportWindow *window;

  if (is_gone (self))
    return;
  name = dup_candidate_name (self, acq_import_report_get_candidate_uuid (report));
  /* a candidate's own requests do not wait for her */
  if (self->role == ACQ_ROLE_COACH && get_store (self) != NULL &&
      (to_review = acq_import_report_dup_to_review (report, get_store (self), &error)) == NULL)
    g_warning ("Could not read which sheets wait for a review: %s", error->message);
  window = acq_import_report_window_new (GTK_WINDOW (self), report, name ? name : "",
                                         to_review);
  g_signal_connect_object (self, "notify::n-conflicts", G_CALLBACK (on_n_conflicts_notify_cb),
                           window, 0);
  g_signal_connect_object (window, "open-sheet", G_CALLBACK (on_report_open_sheet_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "resolve-conflicts", G_CALLBACK (resolve_conflicts), self,
                           G_CONNECT_SWAPPED);
}

static void
on_view_report_clicked_cb (AdwToast *toast, AcqWindow *self)
{
  show_report (self, g_object_get_data (G_OBJECT (toast), "report"));
}

/* Importing */

static void
finish_current (AcqWindow *self, gboolean handled)
{
  AcqWindowImport *import = g_steal_pointer (&self->current_import);

  if (import == NULL)
    return;
  if (handled && import->from_folder && self->exchange_folder != NULL)
    acq_exchange_folder_mark_handled (self->exchange_folder, import->path);
  import_free (import);
  process_next (self);
}

static void
imported (AcqWindow *self, AcqImportReport *report)
{
  AcqWindowImport *import = self->current_import;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  if (g_settings_get_boolean (self->settings, "remember-passphrases") && !import->from_keyring)
    {
      name = dup_candidate_name (self, acq_import_report_get_candidate_uuid (report));
      label = acq_keyring_dup_label (name ? name : import->candidate_uuid);
      acq_keyring_store_async (acq_import_report_get_candidate_uuid (report), label,
                               import->passphrase);
    }
  reload (self);
  update_conflicts (self);
  g_clear_pointer (&name, g_free);
  name = dup_candidate_name (self, acq_import_report_get_candidate_uuid (report));
  if (!import->from_folder)
    show_report (self, report);
  else
    {
      AdwToast *toast;

      if (self->role == ACQ_ROLE_COACH && name != NULL)
        title = g_strdup_printf (_("Dossier from %s imported"), name);
      else
        title = g_strdup (_("Dossier from your accompagnatrice imported"));
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("View _Report"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "report", g_object_ref (report), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_view_report_clicked_cb),
                               self, 0);
      add_toast (self, toast);
    }
  finish_current (self, TRUE);
}

static void ask_passphrase (AcqWindow *self, const char *problem);

static void
on_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;

  /* let go by dispose: the window is gone */
  if (self->current_import == NULL)
    return;
  set_busy (self, FALSE);
  report = acq_package_import_finish (self->current_import->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_progress (self);
  if (report != NULL)
    imported (self, report);
  else if (g_error_matches (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_PASSPHRASE))
    ask_passphrase (self, self->current_import->from_keyring
                            ? _("The passphrase kept in your keyring does not open this file.")
                            : error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (self->current_import->path);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Imported"), base);
      show_message (self, heading, error->message);
      finish_current (self, TRUE);
    }
}

static void
run_import (AcqWindow *self)
{
  AcqStore *store = get_store (self);

  if (store == NULL)
    {
      finish_current (self, FALSE);
      return;
    }
  /* what is typed but not saved yet goes in first, so that the merge sees it */
  _acq_window_flush (self);
  end_progress (self);
  self->import_progress = g_object_ref (adw_toast_new (_("Importing the dossier…")));
  adw_toast_set_timeout (self->import_progress, 0);
  add_toast (self, self->import_progress);
  g_set_object (&self->current_import->store, store);
  set_busy (self, TRUE);
  acq_package_import_async (store, self->current_import->path, self->current_import->passphrase,
                            self->role, self->exchange_cancellable, on_imported_cb,
                            g_object_ref (self));
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog, const char *response, AcqWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  /* GTK 4.8's password entry stays tied to the keyboard if destroyed with the focus */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (self->current_import == NULL)
    return;
  if (g_strcmp0 (response, "import") != 0 || *gtk_editable_get_text (entry) == '\0')
    {
      if (self->current_import->from_folder)
        toast (self, _("Not imported: use Import Dossier in the main menu when you have the "
                       "passphrase"));
      finish_current (self, TRUE);
      return;
    }
  acq_passphrase_free (self->current_import->passphrase);
  self->current_import->passphrase = acq_passphrase_new (gtk_editable_get_text (entry));
  self->current_import->from_keyring = FALSE;
  gtk_editable_set_text (entry, "");
  run_import (self);
}

static void
on_passphrase_entry_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "import",
                                           *gtk_editable_get_text (entry) != '\0');
}

static void
ask_passphrase (AcqWindow *self, const char *problem)
{
  g_autofree char *base = g_path_get_basename (self->current_import->path);
  g_autofree char *name = dup_candidate_name (self, self->current_import->candidate_uuid);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (is_gone (self))
    {
      finish_current (self, FALSE);
      return;
    }
  if (name != NULL)
    body = g_strdup_printf (_("Enter the passphrase agreed for the dossier of %s to open “%s”."),
                            name, base);
  else
    body = g_strdup_printf (_("Enter the passphrase agreed at the first meeting to open “%s”."),
                            base);
  if (problem != NULL)
    {
      char *with_problem = g_strdup_printf ("%s\n\n%s", problem, body);
      g_free (body);
      body = with_problem;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Passphrase of the Dossier"), body);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  /* GTK 4.8 leaves the icon that shows the text unnamed */
  for (GtkWidget *child = gtk_widget_get_first_child (entry); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show the Passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_passphrase_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_passphrase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_keyring_looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqWindow) self = user_data;
  char *passphrase = acq_keyring_lookup_finish (result);

  if (self->current_import == NULL)
    {
      acq_keyring_free (passphrase);
      return;
    }
  if (passphrase == NULL)
    {
      ask_passphrase (self, NULL);
      return;
    }
  self->current_import->passphrase = acq_passphrase_new (passphrase);
  acq_keyring_free (passphrase);
  self->current_import->from_keyring = TRUE;
  run_import (self);
}

/* Even the clear header is read on a worker: a file on a network mount that stopped
 * answering must not freeze the window. */
static void
peek_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  char *candidate_uuid = NULL;

  if (acq_package_peek (task_data, &candidate_uuid, NULL, &error))
    g_task_return_pointer (task, candidate_uuid, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_peeked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *candidate_uuid = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *base = NULL;
  g_autofree char *heading = NULL;

  if (self->current_import == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_strcmp0 (g_task_get_task_data (G_TASK (result)), self->current_import->path) != 0)
    return;
  if (candidate_uuid == NULL)
    {
      base = g_path_get_basename (self->current_import->path);
      heading = g_strdup_printf (_("“%s” Could Not Be Imported"), base);
      show_message (self, heading, error->message);
      finish_current (self, TRUE);
      return;
    }
  self->current_import->candidate_uuid = g_steal_pointer (&candidate_uuid);
  if (g_settings_get_boolean (self->settings, "remember-passphrases"))
    acq_keyring_lookup_async (self->current_import->candidate_uuid, self->exchange_cancellable,
                              on_keyring_looked_up_cb, g_object_ref (self));
  else
    ask_passphrase (self, NULL);
}

static void
process_next (AcqWindow *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->current_import != NULL || g_queue_is_empty (&self->imports))
    return;
  self->current_import = g_queue_pop_head (&self->imports);
  task = g_task_new (NULL, self->exchange_cancellable, on_peeked_cb, g_object_ref (self));
  g_task_set_source_tag (task, process_next);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (self->current_import->path), g_free);
  g_task_run_in_thread (task, peek_thread);
}

static void
queue_import (AcqWindow *self, const char *path, gboolean from_folder)
{
  AcqWindowImport *import = g_new0 (AcqWindowImport, 1);

  import->path = g_strdup (path);
  import->from_folder = from_folder;
  g_queue_push_tail (&self->imports, import);
  process_next (self);
}

static void
on_folder_file_ready_cb (AcqWindow *self, const char *path)
{
  queue_import (self, path, TRUE);
}

static void
on_chooser_response_cb (AcqWindow *self, int response)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->import_chooser));
  g_clear_object (&self->import_chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    queue_import (self, path, FALSE);
}

/* The exchange folder */

static void
stop_folder (AcqWindow *self)
{
  /* a start still waiting on a folder that does not answer lets the watcher go at once */
  g_cancellable_cancel (self->exchange_folder_cancellable);
  g_clear_object (&self->exchange_folder_cancellable);
  g_clear_object (&self->exchange_folder);
  g_clear_pointer (&self->exchange_data_dir, g_free);
}

static void
on_folder_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (acq_exchange_folder_start_finish (ACQ_EXCHANGE_FOLDER (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->exchange_folder != ACQ_EXCHANGE_FOLDER (source))
    return;
  stop_folder (self);
  toast (self, error->message);
}

static void
restart_folder (AcqWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "exchange-folder");
  AcqStore *store = get_store (self);

  /* the same folder for the same data goes on: what it was about to report stays pending */
  if (self->exchange_folder != NULL && store != NULL &&
      g_strcmp0 (path, acq_exchange_folder_get_path (self->exchange_folder)) == 0)
    return;
  stop_folder (self);
  if (*path == '\0' || store == NULL)
    return;
  self->exchange_folder = acq_exchange_folder_new (path, acq_store_get_data_dir (store));
  self->exchange_data_dir = g_strdup (acq_store_get_data_dir (store));
  self->exchange_folder_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->exchange_folder, "file-ready",
                           G_CALLBACK (on_folder_file_ready_cb), self, G_CONNECT_SWAPPED);
  /* on a worker: the folder may be a network mount that does not answer */
  acq_exchange_folder_start_async (self->exchange_folder, self->exchange_folder_cancellable,
                                   on_folder_started_cb, g_object_ref (self));
}

static void
on_exchange_folder_changed_cb (AcqWindow *self)
{
  stop_folder (self);
  restart_folder (self);
}

/* The conflicts banner of acq-window.ui, from AcqWindow:n-conflicts */

static gboolean
has_conflicts_cb (gpointer this, guint n_conflicts)
{
  return n_conflicts > 0;
}

static char *
dup_conflicts_text_cb (gpointer this, guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u rubric changed on both sides: both texts are kept "
                                       "until you choose",
                                       "%u rubrics changed on both sides: both texts are kept "
                                       "until you choose",
                                       n),
                          n);
}

/* Actions */

/**
 * _acq_window_exchange_actions_update:
 * @self: the window
 *
 * Sending needs a candidate shown, importing a store open; resolving needs a conflict.
 */
void
_acq_window_exchange_actions_update (AcqWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-package",
                                 self->shown != NULL && get_store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-package", get_store (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-conflicts", self->n_conflicts > 0);
}

static void
on_send_dialog_sent_cb (AcqWindow *self, const char *message, const char *path)
{
  g_autoptr (GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;

  if (file != NULL && self->toast_overlay != NULL)
    acq_file_toast_show (GTK_WIDGET (self->toast_overlay), message, file);
  else
    toast (self, message);
}

static void
send_package_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  AcqSendDialog *dialog;

  if (self->shown == NULL || get_store (self) == NULL)
    return;
  _acq_window_flush (self);
  dialog = acq_send_dialog_new (GTK_WINDOW (self), get_store (self), self->shown, self->role,
                                self->exchange_folder,
                                g_settings_get_boolean (self->settings, "remember-passphrases"));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_send_dialog_sent_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
import_package_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->import_chooser != NULL)
    return;
  self->import_chooser = gtk_file_chooser_native_new (_("Import a Dossier"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Acquis Dossiers"));
  gtk_file_filter_add_pattern (filter, "*" ACQ_PACKAGE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), filter);
  g_signal_connect_object (self->import_chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

static void
resolve_conflicts_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  resolve_conflicts (ACQ_WINDOW (widget));
}

/* The preferences hold the exchange folder and the keyring: they live with the exchange (and
 * the coach's profile, which never travels). */
static void
show_preferences_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqWindow *self = ACQ_WINDOW (widget);

  acq_preferences_window_new (GTK_WINDOW (widget), self->settings,
                              self->candidates != NULL
                              ? acq_candidate_list_get_store (self->candidates) : NULL);
}

/* The window's parts */

void
_acq_window_class_exchange_init (AcqWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, dup_conflicts_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_conflicts_cb);
  gtk_widget_class_install_action (widget_class, "win.send-package", NULL,
                                   send_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL,
                                   import_package_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL,
                                   resolve_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL,
                                   show_preferences_action);
}

void
_acq_window_exchange_init (AcqWindow *self)
{
  g_queue_init (&self->imports);
  self->exchange_cancellable = g_cancellable_new ();
}

/* The application's accelerators, not binding actions: the shortcuts window reads them. */
void
_acq_window_exchange_bind_settings (AcqWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "win.send-package", { "<Control>e", NULL } },
    { "win.import-package", { "<Control>i", NULL } },
    { "win.show-preferences", { "<Control>comma", NULL } },
  };

  for (guint i = 0; application != NULL && i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
  g_signal_connect_object (self->settings, "changed::exchange-folder",
                           G_CALLBACK (on_exchange_folder_changed_cb), self, G_CONNECT_SWAPPED);
  update_conflicts (self);
}

/* The store open changed: the exchange folder watches for this store's data only. */
void
_acq_window_exchange_set_candidates (AcqWindow *self)
{
  AcqStore *store = get_store (self);

  if (store == NULL || g_strcmp0 (acq_store_get_data_dir (store), self->exchange_data_dir) != 0)
    stop_folder (self);
  /* a save in the window can keep a conflict too, when another process (the command line, a
   * second window) changed the same rubric meanwhile */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (update_conflicts), self,
                             G_CONNECT_SWAPPED);
  restart_folder (self);
  update_conflicts (self);
}

void
_acq_window_exchange_dispose (AcqWindow *self)
{
  g_cancellable_cancel (self->exchange_cancellable);
  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
  stop_folder (self);
  g_clear_object (&self->import_progress);
  g_clear_pointer (&self->current_import, import_free);
  g_queue_clear_full (&self->imports, (GDestroyNotify) import_free);
  g_clear_object (&self->exchange_cancellable);
}
