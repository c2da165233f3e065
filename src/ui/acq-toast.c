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

static void
on_open_clicked_cb (AdwToast *toast, GtkWidget *widget)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/**
 * acq_toast_show_open:
 * @widget: a widget inside the window's toast overlay
 * @message: what happened
 * @file: the file written, that the toast's Open button shows
 *
 * Tells that a file was written, with a button to open it.
 */
void
acq_toast_show_open (GtkWidget *widget, const char *message, GFile *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), widget, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
