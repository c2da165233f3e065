/* acq-preferences-window.c — the preferences: the exchange folder, the keyring, the coach's
 * profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coach's profile is saved as typed (acq-autosave), a SIRET that fails its check
 * included: the message under the field says what is wrong, nothing she typed is lost. Only
 * the rate is kept as a number, so a rate that is not one is not saved, and says so.
 *
 * Spelling is checked unless turned off here; without a French dictionary the row says so, the
 * one place where Acquis tells it, and its switch is off and cannot be turned on.
 */
#define G_LOG_DOMAIN "acq-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-attachment.h"
#include "acq-autosave.h"
#include "acq-coach-profile.h"
#include "acq-document-open.h"
#include "acq-keyring.h"
#include "acq-preferences-window.h"
#include "acq-retention.h"
#include "acq-spell-text.h"
#include "acq-toast.h"

struct _AcqPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children, alphabetical */
  AdwEntryRow          *address_row;
  GtkButton            *choose_button;
  GtkButton            *clear_button;
  AdwPreferencesPage   *coach_page;
  AdwActionRow         *folder_row;
  GtkLabel             *nda_message;
  AdwPreferencesRow    *nda_message_row;
  AdwEntryRow          *nda_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *qualiopi_certifier_row;
  AdwEntryRow          *qualiopi_number_row;
  GtkLabel             *rate_message;
  AdwPreferencesRow    *rate_message_row;
  AdwEntryRow          *rate_row;
  AdwComboRow          *vat_row;
  AdwComboRow          *retention_row;
  GArray               *retention_months; /* guint: the periods retention_row offers */
  GtkSwitch            *remember_switch;
  GtkButton            *signature_choose_button;
  GtkPicture           *signature_picture;
  GtkButton            *signature_remove_button;
  AdwActionRow         *signature_row;
  GtkLabel             *siret_message;
  AdwPreferencesRow    *siret_message_row;
  AdwEntryRow          *siret_row;
  AdwActionRow         *spell_row;
  GtkSwitch            *spell_switch;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
  AcqStore             *store;      /* NULL: no data folder open, no profile */
  AcqCoachProfile      *profile;    /* as last read or saved */
  AcqAutosave          *autosave;
  GCancellable         *cancellable;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (AcqPreferencesWindow, acq_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_folder_row (AcqPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "exchange-folder");
  g_autofree char *shown = NULL;

  if (*folder != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_path (folder);
      shown = g_file_get_parse_name (file);
    }
  adw_action_row_set_subtitle (self->folder_row, *folder != '\0' ? shown : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), *folder != '\0');
}

static void
on_settings_changed_cb (AcqPreferencesWindow *self, const char *key)
{
  if (g_strcmp0 (key, "exchange-folder") == 0)
    update_folder_row (self);
  /* a user who no longer wants them kept wants the kept ones gone too */
  else if (g_strcmp0 (key, "remember-passphrases") == 0 &&
           !g_settings_get_boolean (self->settings, key))
    acq_keyring_clear_all_async ();
}

static void
on_chooser_response_cb (AcqPreferencesWindow *self, int response)
{
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  if (folder != NULL && (path = g_file_get_path (folder)) != NULL)
    g_settings_set_string (self->settings, "exchange-folder", path);
  g_clear_object (&self->chooser);
}

static void
on_choose_button_clicked_cb (AcqPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "exchange-folder");

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Exchange Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (*current != '\0')
    {
      g_autoptr (GFile) file = g_file_new_for_path (current);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The coach's profile ------------------------------------------------------------------- */

/* The message stands in a row of its own, right under the field it is about. */
static void
show_message (GtkLabel *label, AdwPreferencesRow *message_row, AdwEntryRow *row, char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  adw_preferences_row_set_title (message_row, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (message_row), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  /* a screen reader reads the message with the field */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "", -1);
  g_free (message);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (char **field, AdwEntryRow *row)
{
  g_free (*field);
  *field = g_strdup (row_text (row));
}

static void
check_profile (AcqPreferencesWindow *self)
{
  guint cents;
  gboolean rate_ok = acq_coach_profile_parse_rate (row_text (self->rate_row), &cents);

  show_message (self->siret_message, self->siret_message_row, self->siret_row,
                acq_coach_profile_check_siret (row_text (self->siret_row)));
  show_message (self->nda_message, self->nda_message_row, self->nda_row,
                acq_coach_profile_check_nda (row_text (self->nda_row)));
  show_message (self->rate_message, self->rate_message_row, self->rate_row,
                rate_ok ? NULL : g_strdup (_("Type an amount in euros, such as 80 or 72,50: "
                                             "until then the last rate is kept.")));
}

static void
save_profile_cb (gpointer user_data)
{
  AcqPreferencesWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  guint cents;

  if (self->store == NULL || self->profile == NULL)
    return;
  set_text (&self->profile->name, self->name_row);
  set_text (&self->profile->organisation, self->organisation_row);
  set_text (&self->profile->address, self->address_row);
  set_text (&self->profile->siret, self->siret_row);
  set_text (&self->profile->nda, self->nda_row);
  set_text (&self->profile->qualiopi_number, self->qualiopi_number_row);
  set_text (&self->profile->qualiopi_certifier, self->qualiopi_certifier_row);
  if (acq_coach_profile_parse_rate (row_text (self->rate_row), &cents))
    self->profile->hourly_rate_cents = cents;
  self->profile->vat_regime = adw_combo_row_get_selected (self->vat_row) == ACQ_VAT_SUBJECT
                              ? ACQ_VAT_SUBJECT : ACQ_VAT_FRANCHISE;
  if (adw_combo_row_get_selected (self->retention_row) < self->retention_months->len)
    self->profile->retention_months = g_array_index (self->retention_months, guint,
                                                     adw_combo_row_get_selected (self->retention_row));
  if (!acq_coach_profile_save (self->store, self->profile, &error))
    acq_toast_show (GTK_WIDGET (self->name_row), error->message);
}

static void
on_profile_row_changed_cb (AcqPreferencesWindow *self)
{
  check_profile (self);
  if (!self->loading && self->autosave != NULL)
    acq_autosave_changed (self->autosave);
}

static void
update_signature (AcqPreferencesWindow *self)
{
  g_autofree char *path = NULL;

  if (self->profile != NULL)
    path = acq_coach_profile_get_signature_path (self->store, self->profile, NULL);
  gtk_picture_set_filename (self->signature_picture, path);
  gtk_widget_set_visible (GTK_WIDGET (self->signature_picture), path != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signature_remove_button), path != NULL);
  adw_action_row_set_subtitle (self->signature_row, path != NULL ? "" : _("None"));
}

/* The periods offered, and @current among them when it is another (set by an older copy or
 * by hand), so that opening the preferences never changes it. */
static void
set_retention_choices (AcqPreferencesWindow *self, guint current)
{
  static const guint offered[] = { 6, 12, 24, 36, 60, 120 };
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->retention_months, 0);
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    {
      if (current > (i > 0 ? offered[i - 1] : 0) && current < offered[i])
        g_array_append_val (self->retention_months, current);
      g_array_append_val (self->retention_months, offered[i]);
    }
  if (current > offered[G_N_ELEMENTS (offered) - 1])
    g_array_append_val (self->retention_months, current);
  for (guint i = 0; i < self->retention_months->len; i++)
    {
      guint months = g_array_index (self->retention_months, guint, i);
      g_autofree char *label = acq_retention_format_period (months);

      gtk_string_list_append (labels, label);
      if (months == current)
        selected = i;
    }
  adw_combo_row_set_model (self->retention_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->retention_row, selected);
}

static void
load_profile (AcqPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  struct { AdwEntryRow *row; const char *text; } fields[7];
  g_autofree char *rate = NULL;

  g_clear_pointer (&self->profile, acq_coach_profile_free);
  if (self->store == NULL || !(self->profile = acq_coach_profile_load (self->store, &error)))
    {
      if (error != NULL)
        g_warning ("The coach's profile cannot be read: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->coach_page), FALSE);
      return;
    }
  fields[0].row = self->name_row, fields[0].text = self->profile->name;
  fields[1].row = self->organisation_row, fields[1].text = self->profile->organisation;
  fields[2].row = self->address_row, fields[2].text = self->profile->address;
  fields[3].row = self->siret_row, fields[3].text = self->profile->siret;
  fields[4].row = self->nda_row, fields[4].text = self->profile->nda;
  fields[5].row = self->qualiopi_number_row, fields[5].text = self->profile->qualiopi_number;
  fields[6].row = self->qualiopi_certifier_row,
  fields[6].text = self->profile->qualiopi_certifier;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (fields[i].row), fields[i].text);
  rate = acq_coach_profile_format_rate (self->profile->hourly_rate_cents);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
  adw_combo_row_set_selected (self->vat_row, self->profile->vat_regime);
  set_retention_choices (self, self->profile->retention_months);
  self->loading = FALSE;
  check_profile (self);
  update_signature (self);
}

static void
import_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  AcqAttachment *imported = acq_attachment_import (acq_store_get_data_dir (ACQ_STORE (source)),
                                                   task_data, cancellable, &error);

  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, (GDestroyNotify) acq_attachment_free);
}

static void
on_signature_imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) imported = g_task_propagate_pointer (G_TASK (result), &error);

  if (imported == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        acq_toast_show (GTK_WIDGET (self->signature_row), error->message);
      return;
    }
  if (!acq_coach_profile_set_signature (ACQ_STORE (source), imported, &error))
    acq_toast_show (GTK_WIDGET (self->signature_row), error->message);
  acq_attachment_import_release (imported);
  /* what was typed is saved first: the profile is read again */
  acq_autosave_flush (self->autosave);
  load_profile (self);
}

static void
on_signature_chooser_response_cb (GtkNativeDialog *chooser, int response,
                                  AcqPreferencesWindow *self)
{
  g_autoptr (GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      task = g_task_new (self->store, self->cancellable, on_signature_imported_cb,
                         g_object_ref (self));
      g_task_set_task_data (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)),
                            g_object_unref);
      g_task_run_in_thread (task, import_in_thread);
    }
  g_object_unref (chooser);
}

static void
on_signature_choose_button_clicked_cb (AcqPreferencesWindow *self)
{
  GtkFileChooserNative *chooser = acq_document_chooser_new (GTK_WIDGET (self),
                                                            _("Choose Your Signature"), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_signature_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_signature_remove_button_clicked_cb (AcqPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;
  acq_autosave_flush (self->autosave);
  if (!acq_coach_profile_clear_signature (self->store, &error))
    acq_toast_show (GTK_WIDGET (self->signature_row), error->message);
  load_profile (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->signature_choose_button));
}

static void
on_clear_button_clicked_cb (AcqPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "exchange-folder", "");
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}

static void
update_spell_row (AcqPreferencesWindow *self)
{
  if (!acq_spell_checker_get_available (acq_spell_text_get_checker ()))
    {
      adw_action_row_set_subtitle (self->spell_row,
                                   _("No French dictionary is installed, so spelling is not "
                                     "checked. Install the package hunspell-fr to have it "
                                     "checked."));
      gtk_switch_set_active (self->spell_switch, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->spell_row), FALSE);
      return;
    }
  adw_action_row_set_subtitle (self->spell_row,
                               _("Words the French dictionary does not know are underlined in "
                                 "red in the rubrics and the comments. Right-click one, or "
                                 "press Shift+F10 on it, for suggestions."));
  g_settings_bind (self->settings, "spell-check", self->spell_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * acq_preferences_window_new:
 * @parent: the main window
 * @settings: the application's settings
 * @store: (nullable): the store, for the coach's profile (shown to the coach only)
 *
 * Returns: (transfer none): the preferences, shown
 */
AcqPreferencesWindow *
acq_preferences_window_new (GtkWindow *parent, GSettings *settings, AcqStore *store)
{
  g_autofree char *role = NULL;

  AcqPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ACQ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "remember-passphrases", self->remember_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_folder_row (self);
  update_spell_row (self);
  role = g_settings_get_string (settings, "user-role");
  if (store != NULL && !acq_store_is_read_only (store) && g_strcmp0 (role, "coach") == 0)
    self->store = g_object_ref (store);
  load_profile (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
acq_preferences_window_dispose (GObject *object)
{
  AcqPreferencesWindow *self = ACQ_PREFERENCES_WINDOW (object);

  /* what was typed last is saved before the window goes */
  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile, acq_coach_profile_free);
  g_clear_pointer (&self->retention_months, g_array_unref);
  G_OBJECT_CLASS (acq_preferences_window_parent_class)->dispose (object);
}

static void
acq_preferences_window_class_init (AcqPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, coach_page);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, nda_message);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, nda_message_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, nda_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow,
                                        qualiopi_certifier_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow,
                                        qualiopi_number_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, rate_message);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, rate_message_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, rate_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, retention_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow,
                                        signature_choose_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, signature_picture);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow,
                                        signature_remove_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, signature_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, siret_message);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, siret_message_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, siret_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, spell_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, spell_switch);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, vat_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_signature_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_signature_remove_button_clicked_cb);
}

/* The page switcher of libadwaita 1.2 shows an unnamed image beside each page's name, which
 * the page tab already says: hidden from screen readers. */
static void
hide_switcher_images (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_widget_get_ancestor (child, ADW_TYPE_VIEW_SWITCHER) != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
      else
        hide_switcher_images (child);
    }
}

static void
acq_preferences_window_init (AcqPreferencesWindow *self)
{
  g_autoptr (GtkStringList) regimes = gtk_string_list_new (NULL);

  for (guint i = 0; i < ACQ_N_VAT_REGIMES; i++)
    gtk_string_list_append (regimes, acq_vat_regime_label (i));
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->vat_row, G_LIST_MODEL (regimes));
  self->loading = FALSE;
  self->retention_months = g_array_new (FALSE, FALSE, sizeof (guint));
  self->autosave = acq_autosave_new (save_profile_cb, self);
  self->cancellable = g_cancellable_new ();
  hide_switcher_images (GTK_WIDGET (self));
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
}
