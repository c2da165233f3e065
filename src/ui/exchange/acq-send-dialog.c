/* acq-send-dialog.c — sending a candidate's dossier as an encrypted .acquis file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-send-dialog"

#include "config.h"

#include <errno.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>

#include "acq-a11y.h"
#include "acq-keyring.h"
#include "acq-package.h"
#include "acq-send-dialog.h"

/* How long xdg-email may run before the mail program is taken as opened. */
#define MAIL_WAIT_SECONDS 5

typedef enum
{
  WAY_SAVE_AS,
  WAY_FOLDER,
  WAY_EMAIL,
} Way;

struct _AcqSendDialog
{
  AdwWindow             parent_instance;

  /* template children, alphabetical */
  GtkBox               *busy_box;
  GtkButton            *cancel_button;
  AdwPasswordEntryRow  *confirm_row;
  GtkButton            *email_button;
  GtkLabel             *error_label;
  GtkButton            *folder_button;
  GtkLabel             *intro_label;
  AdwPasswordEntryRow  *passphrase_row;
  GtkButton            *save_button;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  GtkLevelBar          *strength_bar;
  GtkLabel             *strength_label;
  GtkBox               *ways_box;
  AdwWindowTitle       *window_title;

  AcqStore             *store;
  AcqCandidate         *candidate;
  AcqRole               role;
  AcqExchangeFolder    *folder;
  gboolean              remember;
  gboolean              from_keyring;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  Way                   way;
  char                 *path;       /* the file being written */
  char                 *final_name; /* for the exchange folder */
  guint                 mail_timeout;
};

G_DEFINE_FINAL_TYPE (AcqSendDialog, acq_send_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* 0 too short, 1 weak, 2 good, 3 strong: length counts most, then the kinds of characters. */
static int
passphrase_strength (const char *text)
{
  glong chars = g_utf8_strlen (text, -1);
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      lower |= g_unichar_islower (c);
      upper |= g_unichar_isupper (c);
      digit |= g_unichar_isdigit (c);
      other |= !g_unichar_isalnum (c);
    }
  if (chars < ACQ_PASSPHRASE_MIN_CHARS)
    return 0;
  if (chars >= 20 || (chars >= 14 && lower + upper + digit + other >= 3))
    return 3;
  if (chars >= 12 || lower + upper + digit + other >= 3)
    return 2;
  return 1;
}

static const char *
strength_hint (int strength)
{
  switch (strength)
    {
    case 0:
      return _("Too short: use at least 8 characters.");
    case 1:
      return _("Weak: a few words in a row make a longer passphrase that is easy to remember.");
    case 2:
      return _("Good.");
    default:
      return _("Strong.");
    }
}

static char *
dup_name (AcqSendDialog *self)
{
  return acq_candidate_dup_display_name (self->candidate);
}

static char *
outgoing_name (AcqSendDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = dup_name (self);

  return acq_exchange_folder_outgoing_name (name, acq_role_label (self->role), now);
}

static gboolean
is_busy (AcqSendDialog *self)
{
  return self->cancellable != NULL;
}

/* The user closed the window while the work went on. */
static gboolean
is_gone (AcqSendDialog *self)
{
  return self->passphrase_row == NULL || self->cancellable == NULL ||
         g_cancellable_is_cancelled (self->cancellable);
}

static void
update_sensitivity (AcqSendDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  gboolean confirming = gtk_widget_get_visible (GTK_WIDGET (self->confirm_row));
  gboolean ok = passphrase_strength (passphrase) > 0 &&
                (!confirming || g_strcmp0 (passphrase, confirm) == 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->ways_box), ok && !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !is_busy (self));
}

static void
on_passphrase_changed_cb (AcqSendDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  int strength = passphrase_strength (passphrase);

  /* a passphrase from the keyring changed by hand is a new one: typed twice */
  if (self->from_keyring)
    {
      self->from_keyring = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), TRUE);
    }
  gtk_level_bar_set_value (self->strength_bar, strength);
  if (gtk_widget_get_visible (GTK_WIDGET (self->confirm_row)) && strength > 0 && *confirm != '\0' &&
      g_strcmp0 (passphrase, confirm) != 0)
    gtk_label_set_text (self->strength_label, _("The two passphrases differ."));
  else
    gtk_label_set_text (self->strength_label, *passphrase != '\0' ? strength_hint (strength) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_sensitivity (self);
}

static void
set_busy (AcqSendDialog *self, const char *status)
{
  gboolean busy = status != NULL;

  if (busy && self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  else if (!busy)
    g_clear_object (&self->cancellable);
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->busy_box), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_sensitivity (self);
}

static void
show_error (AcqSendDialog *self, const char *message)
{
  set_busy (self, NULL);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Done: the passphrase is kept if the user wants it, the window says so and closes. */
static void
finish (AcqSendDialog *self, const char *message, const char *path)
{
  if (self->remember && !self->from_keyring)
    {
      g_autofree char *name = dup_name (self);
      g_autofree char *label = acq_keyring_dup_label (name);
      acq_keyring_store_async (acq_candidate_get_uuid (self->candidate), label,
                               gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
    }
  set_busy (self, NULL);
  g_signal_emit (self, signals[SIGNAL_SENT], 0, message, path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Attaching to an e-mail: xdg-email opens the user's mail program; inside a sandbox, or
 * when xdg-email is missing or fails, the e-mail portal. */

static void
mail_failed (AcqSendDialog *self, const char *why)
{
  g_autofree char *message =
    g_strdup_printf (_("No e-mail program could be opened. The dossier was saved as “%s”: "
                       "attach it to a message yourself."),
                     self->path);

  g_message ("Neither xdg-email nor the e-mail portal answered: %s", why);
  show_error (self, message);
}

static void
on_portal_called_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSendDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL,
                                                           result, &error);
  if (is_gone (self))
    return;
  if (reply == NULL)
    mail_failed (self, error->message);
  else
    finish (self, _("Your e-mail program opens with the dossier attached."), NULL);
}

static void
compose_with_portal (AcqSendDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GUnixFDList) fds = NULL;
  GVariantBuilder options;
  int fd;

  if (bus == NULL)
    {
      mail_failed (self, error->message);
      return;
    }
  fd = g_open (self->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      mail_failed (self, g_strerror (errno));
      return;
    }
  fds = g_unix_fd_list_new_from_array (&fd, 1); /* takes the descriptor */
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_new_parsed ("[@h 0]"));
  g_dbus_connection_call_with_unix_fd_list (
    bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
    "org.freedesktop.portal.Email", "ComposeEmail", g_variant_new ("(sa{sv})", "", &options),
    G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, fds, self->cancellable,
    on_portal_called_cb, g_object_ref (self));
}

static gboolean
on_mail_timeout_cb (gpointer data)
{
  AcqSendDialog *self = data;

  /* still running: the mail program took over, xdg-email waits for it */
  self->mail_timeout = 0;
  finish (self, _("Your e-mail program opens with the dossier attached."), NULL);
  return G_SOURCE_REMOVE;
}

static void
on_xdg_email_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSendDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->mail_timeout == 0)
    return; /* already taken as opened, or the window closed */
  g_clear_handle_id (&self->mail_timeout, g_source_remove);
  if (g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    finish (self, _("Your e-mail program opens with the dossier attached."), NULL);
  else
    compose_with_portal (self);
}

static void
attach_to_email (AcqSendDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *program = g_find_program_in_path ("xdg-email");

  set_busy (self, _("Opening your e-mail program…"));
  if (program == NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      compose_with_portal (self);
      return;
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, program, "--attach", self->path, NULL);
  if (process == NULL)
    {
      compose_with_portal (self);
      return;
    }
  self->mail_timeout = g_timeout_add_seconds (MAIL_WAIT_SECONDS, on_mail_timeout_cb, self);
  g_subprocess_wait_check_async (process, NULL, on_xdg_email_done_cb, g_object_ref (self));
}

static void
on_published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSendDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *published = NULL;

  published = acq_exchange_folder_publish_finish (ACQ_EXCHANGE_FOLDER (source), result, &error);
  if (is_gone (self))
    return;
  if (published == NULL)
    show_error (self, error->message);
  else
    finish (self, _("Dossier put in the exchange folder"), published);
}

static void
on_package_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSendDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *base = NULL;

  if (!acq_package_export_finish (self->store, result, &error) || is_gone (self))
    {
      if (!is_gone (self))
        show_error (self, error->message);
      if (self->way != WAY_SAVE_AS)
        {
          /* on a worker: the half-written file may be in an exchange folder that does not
           * answer */
          g_autoptr (GFile) file = g_file_new_for_path (self->path);
          g_file_delete_async (file, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
        }
      return;
    }
  switch (self->way)
    {
    case WAY_SAVE_AS:
      base = g_path_get_basename (self->path);
      message = g_strdup_printf (_("Dossier saved as “%s”"), base);
      finish (self, message, self->path);
      break;
    case WAY_FOLDER:
      set_busy (self, _("Putting the dossier in the exchange folder…"));
      acq_exchange_folder_publish_async (self->folder, self->path, self->final_name,
                                         self->cancellable, on_published_cb, g_object_ref (self));
      break;
    case WAY_EMAIL:
    default:
      attach_to_email (self);
      break;
    }
}

static void
send_to (AcqSendDialog *self, Way way, const char *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
  self->way = way;
  set_busy (self, _("Encrypting the dossier… This takes a few seconds on purpose, to make the "
                    "passphrase hard to guess."));
  acq_package_export_async (self->store, acq_candidate_get_uuid (self->candidate), self->role,
                            gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)), path,
                            self->cancellable, on_package_written_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (AcqSendDialog *self, int response)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("This place cannot be written to: choose a folder on this computer."));
      return;
    }
  if (!g_str_has_suffix (path, ACQ_PACKAGE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, ACQ_PACKAGE_SUFFIX, NULL);
      g_free (path);
      path = with_suffix;
    }
  send_to (self, WAY_SAVE_AS, path);
}

static void
on_save_button_clicked_cb (AcqSendDialog *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = outgoing_name (self);

  if (self->chooser != NULL || is_busy (self))
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save the Dossier"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Acquis Dossiers"));
  gtk_file_filter_add_pattern (filter, "*" ACQ_PACKAGE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_folder_button_clicked_cb (AcqSendDialog *self)
{
  g_autofree char *temp = NULL;

  if (self->folder == NULL || is_busy (self))
    return;
  g_free (self->final_name);
  self->final_name = outgoing_name (self);
  temp = acq_exchange_folder_temp_path (self->folder, self->final_name);
  send_to (self, WAY_FOLDER, temp);
}

/* Files attached to an e-mail stay in the cache until the mail client has sent them; a week
 * later they are surely sent, and are removed (encrypted as they are, they still name the
 * candidate). */
#define OUTGOING_KEEP_SECONDS (7 * 24 * 3600)

static void
remove_old_outgoing (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf info;

      if (g_str_has_suffix (name, ACQ_PACKAGE_SUFFIX) && g_stat (path, &info) == 0 &&
          S_ISREG (info.st_mode) && now - (gint64) info.st_mtime > OUTGOING_KEEP_SECONDS)
        g_remove (path);
    }
}

static void
on_email_button_clicked_cb (AcqSendDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "acquis", "outgoing", NULL);
  g_autofree char *name = outgoing_name (self);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (is_busy (self))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("The folder “%s” cannot be created: %s."),
                                                  dir, g_strerror (errno));
      show_error (self, message);
      return;
    }
  remove_old_outgoing (dir);
  send_to (self, WAY_EMAIL, path);
}

static void
on_entry_activated_cb (AcqSendDialog *self)
{
  GtkWidget *way = self->folder != NULL ? GTK_WIDGET (self->folder_button)
                                        : GTK_WIDGET (self->save_button);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->ways_box)))
    gtk_widget_activate (way);
}

static void
on_cancel_button_clicked_cb (AcqSendDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_keyring_looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSendDialog) self = user_data;
  char *passphrase = acq_keyring_lookup_finish (result);

  /* the user may have started typing meanwhile: theirs wins */
  if (passphrase != NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase);
      self->from_keyring = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), FALSE);
      gtk_label_set_text (self->strength_label, _("The passphrase kept in your keyring."));
      update_sensitivity (self);
    }
  acq_keyring_free (passphrase);
}

/**
 * acq_send_dialog_new:
 * @parent: the main window
 * @store: the store
 * @candidate: whose dossier to send
 * @role: who sends it
 * @folder: (nullable): the exchange folder, if one is set
 * @remember: whether passphrases are kept in the keyring
 *
 * Asks the passphrase (twice, unless the keyring has it) and where the file goes; emits
 * #AcqSendDialog::sent once it is there.
 *
 * Returns: (transfer none): the dialog, shown
 */
AcqSendDialog *
acq_send_dialog_new (GtkWindow *parent, AcqStore *store, AcqCandidate *candidate, AcqRole role,
                     AcqExchangeFolder *folder, gboolean remember)
{
  AcqSendDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store) && ACQ_IS_CANDIDATE (candidate), NULL);

  self = g_object_new (ACQ_TYPE_SEND_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->candidate = g_object_ref (candidate);
  self->role = role;
  self->folder = folder ? g_object_ref (folder) : NULL;
  self->remember = remember;

  name = dup_name (self);
  adw_window_title_set_subtitle (self->window_title, name);
  intro = g_strdup_printf (_("The dossier of %s is encrypted with the passphrase agreed at the "
                             "first meeting: the other side needs the same one to open it."),
                           name);
  gtk_label_set_text (self->intro_label, intro);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_button), folder != NULL);
  if (remember)
    acq_keyring_lookup_async (acq_candidate_get_uuid (candidate), NULL, on_keyring_looked_up_cb,
                              g_object_ref (self));
  update_sensitivity (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  return self;
}

static gboolean
acq_send_dialog_close_request (GtkWindow *window)
{
  AcqSendDialog *self = ACQ_SEND_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->mail_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  return GTK_WINDOW_CLASS (acq_send_dialog_parent_class)->close_request (window);
}

static void
acq_send_dialog_dispose (GObject *object)
{
  AcqSendDialog *self = ACQ_SEND_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->mail_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_SEND_DIALOG);
  g_clear_object (&self->candidate);
  g_clear_object (&self->folder);
  G_OBJECT_CLASS (acq_send_dialog_parent_class)->dispose (object);
}

static void
acq_send_dialog_finalize (GObject *object)
{
  AcqSendDialog *self = ACQ_SEND_DIALOG (object);

  /* kept to the end: a dossier still being written finishes on it */
  g_clear_object (&self->store);
  g_free (self->path);
  g_free (self->final_name);
  G_OBJECT_CLASS (acq_send_dialog_parent_class)->finalize (object);
}

static void
acq_send_dialog_class_init (AcqSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_send_dialog_dispose;
  object_class->finalize = acq_send_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = acq_send_dialog_close_request;

  /**
   * AcqSendDialog::sent:
   * @message: what happened, for a toast
   * @path: (nullable): the file written, to open or show in its folder; %NULL when it went
   *   to an e-mail
   */
  signals[SIGNAL_SENT] =
    g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, email_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, folder_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, strength_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, ways_box);
  gtk_widget_class_bind_template_child (widget_class, AcqSendDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_email_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* libadwaita 1.2's password rows have an unnamed button that shows the text typed. */
static void
name_peek_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show the Passphrase"), -1);
      else
        name_peek_buttons (child);
    }
}

static void
acq_send_dialog_init (AcqSendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  name_peek_buttons (GTK_WIDGET (self->passphrase_row));
  name_peek_buttons (GTK_WIDGET (self->confirm_row));
}
