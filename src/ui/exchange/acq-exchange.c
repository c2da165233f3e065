/* acq-exchange.c — the main window's exchange of .acquis files: send, import, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-application.h"
#include "acq-conflict-window.h"
#include "acq-exchange-folder.h"
#include "acq-exchange.h"
#include "acq-export-dialog.h"
#include "acq-import-report-window.h"
#include "acq-keyring.h"
#include "acq-package.h"
#include "acq-preferences-window.h"
#include "acq-window.h"

/* Files to import come one at a time, from the file chooser or the exchange folder; each may
 * need the passphrase asked, again if it was wrong. */
typedef struct
{
  char     *path;
  gboolean  from_folder;
  char     *candidate_uuid;
  char     *passphrase; /* AcqPassphrase: locked, wiped when freed */
  gboolean  from_keyring;
  AcqStore *store; /* the one the import writes to */
} Import;

struct _AcqExchange
{
  GObject               parent_instance;

  GtkWindow            *window; /* weak: the window owns this */
  GSettings            *settings;
  AcqCandidateList     *candidates;
  AcqCandidate         *candidate;
  AcqExchangeFolder    *folder;
  GCancellable         *folder_cancellable; /* its start, given up when it is let go */
  GtkFileChooserNative *chooser;
  GQueue                imports;
  Import               *current;
  GCancellable         *cancellable;
  AdwToast             *progress; /* “Importing…”, while an import runs */

  GtkRevealer          *banner;
  GtkLabel             *banner_label;
};

G_DEFINE_FINAL_TYPE (AcqExchange, acq_exchange, G_TYPE_OBJECT)

static void process_next (AcqExchange *self);

static void
import_free (Import *import)
{
  g_free (import->path);
  g_free (import->candidate_uuid);
  acq_passphrase_free (import->passphrase);
  g_clear_object (&import->store);
  g_free (import);
}

static AcqStore *
get_store (AcqExchange *self)
{
  return self->candidates ? acq_candidate_list_get_store (self->candidates) : NULL;
}

static void
add_toast (AcqExchange *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->banner),
                                                ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
toast (AcqExchange *self, const char *message)
{
  add_toast (self, adw_toast_new (message));
}

static void
end_progress (AcqExchange *self)
{
  if (self->progress != NULL)
    adw_toast_dismiss (self->progress);
  g_clear_object (&self->progress);
}

static void
show_message (AcqExchange *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (self->window, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Conflicts */

static void
update_conflicts (AcqExchange *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (get_store (self) != NULL &&
      (conflicts = acq_conflict_list (get_store (self), NULL, &error)) == NULL)
    g_warning ("Could not count the conflicts: %s", error->message);
  n = conflicts ? conflicts->len : 0;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u rubric changed on both sides: both texts are kept "
                                       "until you choose",
                                       "%u rubrics changed on both sides: both texts are kept "
                                       "until you choose",
                                       n),
                          n);
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), n > 0);
  if (self->window != NULL)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->window),
                                                    "resolve-conflicts");
      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), n > 0);
    }
}

static void
on_conflict_resolved_cb (AcqExchange *self, guint left)
{
  if (self->window != NULL)
    acq_window_reload (ACQ_WINDOW (self->window));
  update_conflicts (self);
  toast (self, left == 0 ? _("All conflicts resolved") : _("Conflict resolved"));
}

static void
resolve_conflicts (AcqExchange *self)
{
  AcqConflictWindow *window;

  if (get_store (self) == NULL || self->window == NULL)
    return;
  acq_window_flush (ACQ_WINDOW (self->window));
  window = acq_conflict_window_new (self->window, get_store (self));
  if (window != NULL)
    g_signal_connect_object (window, "resolved", G_CALLBACK (on_conflict_resolved_cb), self,
                             G_CONNECT_SWAPPED);
  else
    update_conflicts (self);
}

/* The import report */

static void
on_report_open_sheet_cb (AcqExchange *self, const char *candidate_uuid, const char *sheet_uuid)
{
  if (self->window == NULL)
    return;
  gtk_window_present (self->window);
  acq_window_open_sheet (ACQ_WINDOW (self->window), candidate_uuid, sheet_uuid);
}

static char *
dup_candidate_name (AcqExchange *self, const char *uuid)
{
  AcqCandidate *candidate = NULL;

  if (self->candidates != NULL && uuid != NULL)
    candidate = acq_candidate_list_find (self->candidates, uuid);
  return candidate ? acq_candidate_dup_display_name (candidate) : NULL;
}

static void
show_report (AcqExchange *self, AcqImportReport *report)
{
  g_autofree char *name = NULL;
  AcqImportReportWindow *window;

  if (self->window == NULL)
    return;
  name = dup_candidate_name (self, acq_import_report_get_candidate_uuid (report));
  window = acq_import_report_window_new (self->window, report, name ? name : "");
  g_signal_connect_object (window, "open-sheet", G_CALLBACK (on_report_open_sheet_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "resolve-conflicts", G_CALLBACK (resolve_conflicts), self,
                           G_CONNECT_SWAPPED);
}

static void
on_view_report_clicked_cb (AdwToast *toast, AcqExchange *self)
{
  show_report (self, g_object_get_data (G_OBJECT (toast), "report"));
}

/* Importing */

static void
finish_current (AcqExchange *self, gboolean handled)
{
  Import *import = g_steal_pointer (&self->current);

  if (import == NULL)
    return;
  if (handled && import->from_folder && self->folder != NULL)
    acq_exchange_folder_mark_handled (self->folder, import->path);
  import_free (import);
  process_next (self);
}

static void
imported (AcqExchange *self, AcqImportReport *report)
{
  Import *import = self->current;
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
  if (self->window != NULL)
    acq_window_reload (ACQ_WINDOW (self->window));
  update_conflicts (self);
  g_clear_pointer (&name, g_free);
  name = dup_candidate_name (self, acq_import_report_get_candidate_uuid (report));
  if (!import->from_folder)
    show_report (self, report);
  else
    {
      AdwToast *toast;

      if (acq_application_get_role () == ACQ_ROLE_COACH && name != NULL)
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

static void ask_passphrase (AcqExchange *self, const char *problem);

static void
on_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqExchange) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;

  if (self->window != NULL)
    acq_window_set_busy (ACQ_WINDOW (self->window), FALSE);
  if (self->current == NULL)
    return;
  report = acq_package_import_finish (self->current->store, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_progress (self);
  if (report != NULL)
    imported (self, report);
  else if (g_error_matches (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_PASSPHRASE))
    ask_passphrase (self, self->current->from_keyring
                            ? _("The passphrase kept in your keyring does not open this file.")
                            : error->message);
  else
    {
      g_autofree char *base = g_path_get_basename (self->current->path);
      g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Imported"), base);
      show_message (self, heading, error->message);
      finish_current (self, TRUE);
    }
}

static void
run_import (AcqExchange *self)
{
  AcqStore *store = get_store (self);

  if (store == NULL || self->window == NULL)
    {
      finish_current (self, FALSE);
      return;
    }
  /* what is typed but not saved yet goes in first, so that the merge sees it */
  acq_window_flush (ACQ_WINDOW (self->window));
  end_progress (self);
  self->progress = g_object_ref (adw_toast_new (_("Importing the dossier…")));
  adw_toast_set_timeout (self->progress, 0);
  add_toast (self, self->progress);
  g_set_object (&self->current->store, store);
  acq_window_set_busy (ACQ_WINDOW (self->window), TRUE);
  acq_package_import_async (store, self->current->path, self->current->passphrase,
                            acq_application_get_role (), self->cancellable, on_imported_cb,
                            g_object_ref (self));
}

static void
on_passphrase_response_cb (AdwMessageDialog *dialog, const char *response, AcqExchange *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  /* GTK 4.8's password entry stays tied to the keyboard if destroyed with the focus */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (self->current == NULL)
    return;
  if (g_strcmp0 (response, "import") != 0 || *gtk_editable_get_text (entry) == '\0')
    {
      if (self->current->from_folder)
        toast (self, _("Not imported: use Import Dossier in the main menu when you have the "
                       "passphrase"));
      finish_current (self, TRUE);
      return;
    }
  acq_passphrase_free (self->current->passphrase);
  self->current->passphrase = acq_passphrase_new (gtk_editable_get_text (entry));
  self->current->from_keyring = FALSE;
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
ask_passphrase (AcqExchange *self, const char *problem)
{
  g_autofree char *base = g_path_get_basename (self->current->path);
  g_autofree char *name = dup_candidate_name (self, self->current->candidate_uuid);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (self->window == NULL)
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
  dialog = adw_message_dialog_new (self->window, _("Passphrase of the Dossier"), body);
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
  g_autoptr (AcqExchange) self = user_data;
  char *passphrase = acq_keyring_lookup_finish (result);

  if (self->current == NULL)
    {
      acq_keyring_free (passphrase);
      return;
    }
  if (passphrase == NULL)
    {
      ask_passphrase (self, NULL);
      return;
    }
  self->current->passphrase = acq_passphrase_new (passphrase);
  acq_keyring_free (passphrase);
  self->current->from_keyring = TRUE;
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
  g_autoptr (AcqExchange) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *candidate_uuid = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *base = NULL;
  g_autofree char *heading = NULL;

  if (self->current == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_strcmp0 (g_task_get_task_data (G_TASK (result)), self->current->path) != 0)
    return;
  if (candidate_uuid == NULL)
    {
      base = g_path_get_basename (self->current->path);
      heading = g_strdup_printf (_("“%s” Could Not Be Imported"), base);
      show_message (self, heading, error->message);
      finish_current (self, TRUE);
      return;
    }
  self->current->candidate_uuid = g_steal_pointer (&candidate_uuid);
  if (g_settings_get_boolean (self->settings, "remember-passphrases"))
    acq_keyring_lookup_async (self->current->candidate_uuid, self->cancellable,
                              on_keyring_looked_up_cb, g_object_ref (self));
  else
    ask_passphrase (self, NULL);
}

static void
process_next (AcqExchange *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->current != NULL || g_queue_is_empty (&self->imports))
    return;
  self->current = g_queue_pop_head (&self->imports);
  task = g_task_new (NULL, self->cancellable, on_peeked_cb, g_object_ref (self));
  g_task_set_source_tag (task, process_next);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (self->current->path), g_free);
  g_task_run_in_thread (task, peek_thread);
}

static void
queue_import (AcqExchange *self, const char *path, gboolean from_folder)
{
  Import *import = g_new0 (Import, 1);

  import->path = g_strdup (path);
  import->from_folder = from_folder;
  g_queue_push_tail (&self->imports, import);
  process_next (self);
}

static void
on_folder_file_ready_cb (AcqExchange *self, const char *path)
{
  queue_import (self, path, TRUE);
}

static void
on_chooser_response_cb (AcqExchange *self, int response)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    queue_import (self, path, FALSE);
}

/* The exchange folder */

static void
stop_folder (AcqExchange *self)
{
  /* a start still waiting on a folder that does not answer lets the watcher go at once */
  g_cancellable_cancel (self->folder_cancellable);
  g_clear_object (&self->folder_cancellable);
  g_clear_object (&self->folder);
}

static void
on_folder_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqExchange) self = user_data;
  g_autoptr (GError) error = NULL;

  if (acq_exchange_folder_start_finish (ACQ_EXCHANGE_FOLDER (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->folder != ACQ_EXCHANGE_FOLDER (source))
    return;
  stop_folder (self);
  toast (self, error->message);
}

static void
restart_folder (AcqExchange *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "exchange-folder");
  AcqStore *store = get_store (self);

  /* the same folder for the same data goes on: what it was about to report stays pending */
  if (self->folder != NULL && store != NULL && g_strcmp0 (path, acq_exchange_folder_get_path (
                                                                  self->folder)) == 0)
    return;
  stop_folder (self);
  if (*path == '\0' || store == NULL)
    return;
  self->folder = acq_exchange_folder_new (path, acq_store_get_data_dir (store));
  self->folder_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->folder, "file-ready", G_CALLBACK (on_folder_file_ready_cb), self,
                           G_CONNECT_SWAPPED);
  /* on a worker: the folder may be a network mount that does not answer */
  acq_exchange_folder_start_async (self->folder, self->folder_cancellable, on_folder_started_cb,
                                   g_object_ref (self));
}

static void
on_settings_changed_cb (AcqExchange *self, const char *key)
{
  if (g_strcmp0 (key, "exchange-folder") == 0)
    {
      stop_folder (self);
      restart_folder (self);
    }
}

/* Actions */

static void
update_actions (AcqExchange *self)
{
  GAction *action;

  if (self->window == NULL)
    return;
  action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "export-package");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               self->candidate != NULL && get_store (self) != NULL);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "import-package");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), get_store (self) != NULL);
}

static void
on_export_sent_cb (AcqExchange *self, const char *message)
{
  toast (self, message);
}

static void
export_package_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqExchange *self = user_data;
  AcqExportDialog *dialog;

  if (self->candidate == NULL || get_store (self) == NULL || self->window == NULL)
    return;
  acq_window_flush (ACQ_WINDOW (self->window));
  dialog = acq_export_dialog_new (self->window, get_store (self), self->candidate,
                                  acq_application_get_role (), self->folder,
                                  g_settings_get_boolean (self->settings, "remember-passphrases"));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_export_sent_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
import_package_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqExchange *self = user_data;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->window == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import a Dossier"), self->window,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Acquis Dossiers"));
  gtk_file_filter_add_pattern (filter, "*" ACQ_PACKAGE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
resolve_conflicts_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  resolve_conflicts (user_data);
}

static void
show_preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqExchange *self = user_data;

  if (self->window != NULL)
    acq_preferences_window_new (self->window, self->settings);
}

static const GActionEntry actions[] = {
  { "export-package", export_package_action },
  { "import-package", import_package_action },
  { "resolve-conflicts", resolve_conflicts_action },
  { "show-preferences", show_preferences_action },
};

/* Public */

static GtkRevealer *
make_banner (AcqExchange *self)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *button_label = gtk_label_new_with_mnemonic (_("_Resolve…"));

  gtk_widget_add_css_class (box, "conflict-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  /* a label of our own: GTK 4.8 names a labelled button twice */
  gtk_label_set_mnemonic_widget (GTK_LABEL (button_label), button);
  gtk_button_set_child (GTK_BUTTON (button), button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.resolve-conflicts");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_widget_set_visible (revealer, FALSE);
  self->banner_label = GTK_LABEL (label);
  return GTK_REVEALER (revealer);
}

/**
 * acq_exchange_new:
 * @window: the main window, where the actions `win.export-package`, `win.import-package`,
 *   `win.resolve-conflicts` and `win.show-preferences` are added
 * @settings: the application's settings
 *
 * Returns: (transfer full): what sends and receives dossiers for @window
 */
AcqExchange *
acq_exchange_new (GtkWindow *window, GSettings *settings)
{
  AcqExchange *self = g_object_new (ACQ_TYPE_EXCHANGE, NULL);
  GtkApplication *application = gtk_window_get_application (window);
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "win.export-package", { "<Control>e", NULL } },
    { "win.import-package", { "<Control>i", NULL } },
    { "win.show-preferences", { "<Control>comma", NULL } },
  };

  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->settings = g_object_ref (settings);
  self->banner = g_object_ref_sink (make_banner (self));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), self);
  for (guint i = 0; application != NULL && i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  update_conflicts (self);
  return self;
}

/**
 * acq_exchange_get_banner:
 * @self: the exchange
 *
 * Returns: (transfer none): a banner that says how many conflicts are left, with a button to
 *   resolve them, hidden while there is none; for the window to place over its content
 */
GtkWidget *
acq_exchange_get_banner (AcqExchange *self)
{
  g_return_val_if_fail (ACQ_IS_EXCHANGE (self), NULL);
  return GTK_WIDGET (self->banner);
}

/**
 * acq_exchange_set_candidates:
 * @self: the exchange
 * @candidates: (nullable): the candidates of the store now open
 */
void
acq_exchange_set_candidates (AcqExchange *self, AcqCandidateList *candidates)
{
  g_return_if_fail (ACQ_IS_EXCHANGE (self));

  if (candidates == NULL || get_store (self) == NULL ||
      g_strcmp0 (acq_store_get_data_dir (acq_candidate_list_get_store (candidates)),
                 acq_store_get_data_dir (get_store (self))) != 0)
    stop_folder (self);
  g_set_object (&self->candidates, candidates);
  /* a save in the window can keep a conflict too, when another process (the command line, a
   * second window) changed the same rubric meanwhile */
  if (candidates != NULL)
    g_signal_connect_object (acq_candidate_list_get_store (candidates), "changed",
                             G_CALLBACK (update_conflicts), self, G_CONNECT_SWAPPED);
  restart_folder (self);
  update_actions (self);
  update_conflicts (self);
}

/**
 * acq_exchange_set_candidate:
 * @self: the exchange
 * @candidate: (nullable): the candidate shown, whose dossier “Send Dossier” sends
 */
void
acq_exchange_set_candidate (AcqExchange *self, AcqCandidate *candidate)
{
  g_return_if_fail (ACQ_IS_EXCHANGE (self));

  g_set_object (&self->candidate, candidate);
  update_actions (self);
}

static void
acq_exchange_dispose (GObject *object)
{
  AcqExchange *self = ACQ_EXCHANGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  stop_folder (self);
  g_clear_object (&self->candidate);
  g_clear_object (&self->candidates);
  g_clear_object (&self->settings);
  g_clear_object (&self->banner);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->current, import_free);
  g_queue_clear_full (&self->imports, (GDestroyNotify) import_free);
  G_OBJECT_CLASS (acq_exchange_parent_class)->dispose (object);
}

static void
acq_exchange_finalize (GObject *object)
{
  g_clear_object (&ACQ_EXCHANGE (object)->cancellable);
  G_OBJECT_CLASS (acq_exchange_parent_class)->finalize (object);
}

static void
acq_exchange_class_init (AcqExchangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acq_exchange_dispose;
  object_class->finalize = acq_exchange_finalize;
}

static void
acq_exchange_init (AcqExchange *self)
{
  g_queue_init (&self->imports);
  self->cancellable = g_cancellable_new ();
}
