/* acq-preferences-window.c — the preferences: the exchange folder, the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-keyring.h"
#include "acq-preferences-window.h"

struct _AcqPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children, alphabetical */
  GtkButton            *choose_button;
  GtkButton            *clear_button;
  AdwActionRow         *folder_row;
  GtkSwitch            *remember_switch;

  GSettings            *settings;
  GtkFileChooserNative *chooser;
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

static void
on_clear_button_clicked_cb (AcqPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "exchange-folder", "");
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}

/**
 * acq_preferences_window_new:
 * @parent: the main window
 * @settings: the application's settings
 *
 * Returns: (transfer none): the preferences, shown
 */
AcqPreferencesWindow *
acq_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  AcqPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ACQ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "remember-passphrases", self->remember_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_folder_row (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
acq_preferences_window_dispose (GObject *object)
{
  AcqPreferencesWindow *self = ACQ_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (acq_preferences_window_parent_class)->dispose (object);
}

static void
acq_preferences_window_class_init (AcqPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, AcqPreferencesWindow, remember_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_button_clicked_cb);
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
  gtk_widget_init_template (GTK_WIDGET (self));
  hide_switcher_images (GTK_WIDGET (self));
}
