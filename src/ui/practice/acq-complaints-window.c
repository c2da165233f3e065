/* acq-complaints-window.c — the complaints log of the practice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two groups: the complaints waiting for their answer (each says when it is due, as Today
 * does), then those answered or closed, the latest first. A row opens the complaint's dialog;
 * its trash button deletes it with an undo toast. The window reads the store again on
 * AcqStore::changed, so that a complaint answered here leaves Today at once, and one logged
 * elsewhere shows here.
 */
#define G_LOG_DOMAIN "acq-complaints-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-complaint-dialog.h"
#include "acq-complaints-window.h"
#include "acq-practice-date.h"
#include "acq-toast.h"
#include "acq-today.h"
#include "acq-yearly-review-window.h"

struct _AcqComplaintsWindow
{
  AdwWindow             parent_instance;

  /* template children, alphabetical */
  AdwPreferencesGroup  *done_group;
  AdwPreferencesGroup  *open_group;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;

  AcqStore             *store;
  GListModel           *candidates;
  GPtrArray            *complaints; /* AcqComplaint, as shown */
  GPtrArray            *rows;       /* GtkWidget, in the groups */
};

G_DEFINE_FINAL_TYPE (AcqComplaintsWindow, acq_complaints_window, ADW_TYPE_WINDOW)

static void reload (AcqComplaintsWindow *self);

static char *
day_label (const char *iso)
{
  GDate date;

  if (iso == NULL || !acq_practice_date_parse (iso, &date))
    return g_strdup ("");
  return acq_practice_date_label (&date);
}

static char *
dup_subtitle (const AcqComplaint *complaint)
{
  g_autofree char *received = day_label (complaint->received_on);
  g_autofree char *when = NULL;
  const char *channel = acq_complaint_channel_label (complaint->channel);
  GDate due, today;

  if (acq_complaint_get_due (complaint, &due))
    {
      g_autofree char *left = NULL;

      acq_today_get_local_date (&today);
      left = acq_today_format_due (&due, &today);
      /* TRANSLATORS: a complaint waiting for its answer: the day it came in, how, and when the
       * answer is due ("in 3 days", "2 days overdue") */
      return g_strdup_printf (_("Received %s · %s · answer %s"), received, channel, left);
    }
  when = day_label (complaint->answered_on);
  if (complaint->answered_on != NULL)
    /* TRANSLATORS: a complaint: the day it came in, how, its status, the day of the answer */
    return g_strdup_printf (_("Received %s · %s · %s on %s"), received, channel,
                            acq_complaint_status_label (complaint->status), when);
  /* TRANSLATORS: a complaint: the day it came in, how, its status */
  return g_strdup_printf (_("Received %s · %s · %s"), received, channel,
                          acq_complaint_status_label (complaint->status));
}

static char *
dup_title (AcqComplaintsWindow *self, const AcqComplaint *complaint)
{
  const char *who = complaint->from_whom;
  g_autofree char *name = NULL;

  for (guint i = 0; complaint->candidate_uuid != NULL && self->candidates != NULL &&
                    i < g_list_model_get_n_items (self->candidates); i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (self->candidates, i);

      if (g_strcmp0 (acq_candidate_get_uuid (candidate), complaint->candidate_uuid) == 0)
        name = acq_candidate_dup_display_name (candidate);
    }
  if ((who == NULL || *who == '\0') && name != NULL)
    who = name;
  if (who == NULL || *who == '\0')
    return g_strdup (complaint->subject);
  /* TRANSLATORS: a complaint's row: its subject, then who made it */
  return g_strdup_printf (_("%s — %s"), complaint->subject, who);
}

static void
on_row_activated_cb (AcqComplaintsWindow *self, AdwActionRow *row)
{
  const AcqComplaint *complaint = g_object_get_data (G_OBJECT (row), "complaint");

  acq_complaint_dialog_new (GTK_WINDOW (self), self->store, self->candidates, complaint);
}

static void
on_delete_clicked_cb (AcqComplaintsWindow *self, GtkButton *button)
{
  const AcqComplaint *complaint = g_object_get_data (G_OBJECT (button), "complaint");
  g_autofree char *uuid = g_strdup (complaint->uuid);
  /* TRANSLATORS: a toast, with Undo */
  g_autofree char *title = g_strdup_printf (_("Complaint “%s” deleted"), complaint->subject);
  g_autoptr (GError) error = NULL;

  if (!acq_complaint_delete (self->store, uuid, &error))
    {
      acq_toast_show (GTK_WIDGET (self->stack), error->message);
      return;
    }
  acq_undelete_toast_show (GTK_WIDGET (self->stack), title, 0, self->store, uuid,
                           acq_complaint_undelete, NULL);
  reload (self);
}

static GtkWidget *
make_row (AcqComplaintsWindow *self, const AcqComplaint *complaint)
{
  g_autofree char *title = dup_title (self, complaint);
  g_autofree char *subtitle = dup_subtitle (complaint);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
  g_autofree char *delete_label = g_strdup_printf (_("Delete the Complaint “%s”"),
                                                   complaint->subject);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  g_object_set_data (G_OBJECT (delete), "complaint", (gpointer) complaint);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  if (complaint->status == ACQ_COMPLAINT_OPEN)
    {
      GDate due, today;

      acq_today_get_local_date (&today);
      if (acq_complaint_get_due (complaint, &due) && g_date_compare (&due, &today) < 0)
        gtk_widget_add_css_class (row, "today-overdue");
    }
  g_object_set_data (G_OBJECT (row), "complaint", (gpointer) complaint);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
reload (AcqComplaintsWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) complaints = acq_complaint_list (self->store, 0, &error);
  guint n_open = 0, n_done = 0;

  if (complaints == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->stack), error->message);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  self->complaints = g_steal_pointer (&complaints);
  for (guint i = 0; i < self->complaints->len; i++)
    {
      const AcqComplaint *complaint = g_ptr_array_index (self->complaints, i);
      GtkWidget *row = make_row (self, complaint);
      gboolean open = complaint->status == ACQ_COMPLAINT_OPEN;

      adw_preferences_group_add (open ? self->open_group : self->done_group, row);
      g_ptr_array_add (self->rows, row);
      if (open)
        n_open++;
      else
        n_done++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->open_group), n_open > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), n_done > 0);
  gtk_stack_set_visible_child_name (self->stack, self->complaints->len > 0 ? "list" : "empty");
}

static void
new_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqComplaintsWindow *self = ACQ_COMPLAINTS_WINDOW (widget);

  acq_complaint_dialog_new (GTK_WINDOW (self), self->store, self->candidates, NULL);
}

static void
yearly_review_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqComplaintsWindow *self = ACQ_COMPLAINTS_WINDOW (widget);

  acq_yearly_review_window_new (GTK_WINDOW (self), self->store);
}

static void
acq_complaints_window_dispose (GObject *object)
{
  AcqComplaintsWindow *self = ACQ_COMPLAINTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_COMPLAINTS_WINDOW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->candidates);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_complaints_window_parent_class)->dispose (object);
}

static void
acq_complaints_window_class_init (AcqComplaintsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_complaints_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-complaints-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintsWindow, done_group);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintsWindow, open_group);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintsWindow, toast_overlay);
  gtk_widget_class_install_action (widget_class, "complaints.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "complaints.yearly-review", NULL,
                                   yearly_review_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "complaints.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_complaints_window_init (AcqComplaintsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * acq_complaints_window_new:
 * @parent: the main window
 * @store: the store
 * @candidates: (nullable): the caseload, a #GListModel of #AcqCandidate
 *
 * Returns: (transfer none): the window, shown
 */
AcqComplaintsWindow *
acq_complaints_window_new (GtkWindow *parent, AcqStore *store, GListModel *candidates)
{
  AcqComplaintsWindow *self;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  self = g_object_new (ACQ_TYPE_COMPLAINTS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->candidates = candidates != NULL ? g_object_ref (candidates) : NULL;
  g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * acq_complaints_window_edit:
 * @self: the window
 * @uuid: a complaint's
 *
 * Opens the complaint's dialog over the window, as Today's row asks.
 */
void
acq_complaints_window_edit (AcqComplaintsWindow *self, const char *uuid)
{
  g_return_if_fail (ACQ_IS_COMPLAINTS_WINDOW (self));

  for (guint i = 0; self->complaints != NULL && i < self->complaints->len; i++)
    {
      const AcqComplaint *complaint = g_ptr_array_index (self->complaints, i);

      if (g_strcmp0 (complaint->uuid, uuid) == 0)
        {
          acq_complaint_dialog_new (GTK_WINDOW (self), self->store, self->candidates, complaint);
          return;
        }
    }
}
