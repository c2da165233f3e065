/* acq-toast.c — telling the user what happened, with an undo when there is one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-toast.h"

/**
 * acq_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @message: what happened and what to do, for the user
 *
 * Shows @message until the user closes it: an error must not vanish before it is read.
 */
void
acq_toast_show (GtkWidget *widget, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * acq_action_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @message: what happened
 * @button_label: the next step, with a mnemonic: "_Send Dossier"
 * @action_name: the action that takes it, "win.send-package"
 *
 * Says what happened and offers the step that naturally follows.
 */
void
acq_action_toast_show (GtkWidget *widget, const char *message, const char *button_label,
                       const char *action_name)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_timeout (toast, 10);
  /* before a message still shown about an earlier attempt: this is what just happened */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Opening a file the user just wrote: in the application that opens its kind, or the folder
 * that holds it, the file selected (the file manager's FileManager1 interface, as GNOME's
 * apps do; the folder alone where no file manager offers it). GtkFileLauncher is GTK 4.10. */

static GAppLaunchContext *
launch_context (GtkWidget *widget)
{
  return G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
    gtk_widget_get_display (widget)));
}

static void
on_launched_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the file: %s", error->message);
}

static void
launch_uri (GtkWidget *widget, const char *uri)
{
  g_autoptr (GAppLaunchContext) context = launch_context (widget);

  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched_cb, NULL);
}

static void
on_open_clicked_cb (AdwToast *toast, GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *widget = g_object_get_data (G_OBJECT (toast), "acq-widget");

  if (widget != NULL)
    launch_uri (widget, uri);
}

static void
unref_data (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

typedef struct
{
  GFile     *file;
  GtkWidget *widget;
} ShowItem;

static void
show_item_free (ShowItem *show)
{
  g_object_unref (show->file);
  g_object_unref (show->widget);
  g_free (show);
}

static void
on_show_items_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ShowItem *show = data;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_autoptr (GFile) folder = g_file_get_parent (show->file);
      g_autofree char *uri = folder != NULL ? g_file_get_uri (folder) : NULL;

      g_debug ("No file manager to show the file in (%s): opening its folder", error->message);
      if (uri != NULL)
        launch_uri (show->widget, uri);
    }
  show_item_free (show);
}

static void
on_show_in_files_clicked_cb (GtkButton *button, GFile *file)
{
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };
  ShowItem *show = g_new0 (ShowItem, 1);

  show->file = g_object_ref (file);
  show->widget = g_object_ref (GTK_WIDGET (button));
  if (bus == NULL)
    {
      on_show_items_cb (NULL, NULL, show);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_show_items_cb, show);
}

/**
 * acq_file_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @message: what was written, "Dossier exported to “dossier.pdf”"
 * @file: the file written
 *
 * Says that a file was written, with Open (the application that opens its kind) and Show in
 * Files (the folder that holds it).
 */
void
acq_file_toast_show (GtkWidget *widget, const char *message, GFile *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (message);
  GtkWidget *show = gtk_button_new_with_mnemonic (_("Show in _Files"));
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (show, "flat");
  g_signal_connect_data (show, "clicked", G_CALLBACK (on_show_in_files_clicked_cb),
                         g_object_ref (file), unref_data, 0);
  gtk_box_append (GTK_BOX (title), label);
  gtk_box_append (GTK_BOX (title), show);
  toast = adw_toast_new (message);
  adw_toast_set_custom_title (toast, title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "acq-widget", overlay);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb),
                         g_object_ref (file), unref_data, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

typedef struct
{
  AcqUndoFunc    undo;
  AcqUndoFunc    finish;
  gpointer       data;
  GDestroyNotify destroy;
  gboolean       undone;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
}

static void
pending_unref (gpointer pending)
{
  g_rc_box_release_full (pending, (GDestroyNotify) pending_free);
}

static void
pending_closure_notify (gpointer pending, GClosure *closure)
{
  pending_unref (pending);
}

static void
on_button_clicked_cb (AdwToast *toast, Pending *pending)
{
  pending->undone = TRUE;
  pending->undo (pending->data);
}

static gboolean
finish_cb (gpointer data)
{
  Pending *pending = data;

  if (!pending->undone && pending->finish != NULL)
    pending->finish (pending->data);
  return G_SOURCE_REMOVE;
}

/* libadwaita dismisses the toast before it reports the click on Undo: the decision is taken
 * once both have been told. */
static void
on_dismissed_cb (AdwToast *toast, Pending *pending)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, finish_cb, g_rc_box_acquire (pending), pending_unref);
}

/**
 * acq_undo_toast_show:
 * @widget: a widget inside an #AdwToastOverlay
 * @title: what was done
 * @timeout: seconds the undo is offered, 0 for libadwaita's default
 * @undo: called if the user clicks Undo
 * @finish: (nullable): called once the undo is no longer offered and was not used
 * @data: given to both
 * @destroy: (nullable): frees @data, after both had their chance
 *
 * Shows "title — Undo". Exactly one of @undo or @finish runs.
 */
void
acq_undo_toast_show (GtkWidget *widget, const char *title, guint timeout, AcqUndoFunc undo,
                     AcqUndoFunc finish, gpointer data, GDestroyNotify destroy)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  Pending *pending = g_rc_box_new0 (Pending);
  AdwToast *toast = adw_toast_new (title);

  pending->undo = undo;
  pending->finish = finish;
  pending->data = data;
  pending->destroy = destroy;
  adw_toast_set_button_label (toast, _("_Undo"));
  if (timeout > 0)
    adw_toast_set_timeout (toast, timeout);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_button_clicked_cb),
                         g_rc_box_acquire (pending), pending_closure_notify, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_dismissed_cb), pending,
                         pending_closure_notify, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* A record deleted by uuid (a session, a parcours event, a document), and how to bring it
 * back: one Undo for every list of the store's records. */
typedef struct
{
  GtkWidget       *widget;
  AcqStore        *store;
  char            *uuid;
  AcqUndeleteFunc  undelete;
  void           (*undone) (GtkWidget *widget);
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_object_unref (deleted->widget);
  g_object_unref (deleted->store);
  g_free (deleted->uuid);
  g_free (deleted);
}

static void
undo_delete (gpointer data)
{
  Deleted *deleted = data;
  g_autoptr (GError) error = NULL;

  if (!deleted->undelete (deleted->store, deleted->uuid, &error))
    acq_toast_show (deleted->widget, error->message);
  else if (deleted->undone != NULL)
    deleted->undone (deleted->widget);
}

/**
 * acq_undelete_toast_show:
 * @widget: a widget inside an #AdwToastOverlay, kept alive while Undo is offered
 * @title: what was deleted: "“Devis envoyé” deleted"
 * @timeout: seconds the undo is offered, 0 for libadwaita's default
 * @store: the store the record was deleted from
 * @uuid: the record's uuid
 * @undelete: how to bring it back
 * @undone: (nullable): called with @widget once it is back, to show it again
 *
 * The Undo of a record deleted softly (deleted_at set, purged later): "title — Undo".
 */
void
acq_undelete_toast_show (GtkWidget *widget, const char *title, guint timeout, AcqStore *store,
                         const char *uuid, AcqUndeleteFunc undelete,
                         void (*undone) (GtkWidget *widget))
{
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->widget = g_object_ref (widget);
  deleted->store = g_object_ref (store);
  deleted->uuid = g_strdup (uuid);
  deleted->undelete = undelete;
  deleted->undone = undone;
  acq_undo_toast_show (widget, title, timeout, undo_delete, NULL, deleted, deleted_free);
}
