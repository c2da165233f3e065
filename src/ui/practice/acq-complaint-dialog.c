/* acq-complaint-dialog.c — logging or answering one complaint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As the parcours' event dialog: the dialog writes the complaint itself (acq_complaint_save()),
 * so that what the store refuses is said here, above the fields, and nothing typed is lost;
 * it stays open until the store took the complaint. The candidate is picked among those of the
 * caseload, or none when someone else complained (an employer, a funder).
 */
#define G_LOG_DOMAIN "acq-complaint-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-candidate.h"
#include "acq-complaint-dialog.h"
#include "acq-practice-date.h"
#include "acq-text.h"

struct _AcqComplaintDialog
{
  AdwWindow     parent_instance;

  /* template children, alphabetical */
  GtkCalendar  *answered_calendar;
  AdwEntryRow  *answered_row;
  GtkTextView  *answer_view;
  AdwComboRow  *candidate_row;
  AdwComboRow  *channel_row;
  GtkLabel     *error_label;
  AdwEntryRow  *from_row;
  GtkCalendar  *received_calendar;
  AdwEntryRow  *received_row;
  AdwComboRow  *status_row;
  AdwEntryRow  *subject_row;

  AcqStore     *store;
  AcqComplaint *complaint;        /* the one edited, a copy; its uuid is NULL until stored */
  GPtrArray    *candidate_uuids;  /* char *, the candidate row's items after "None" */
};

G_DEFINE_FINAL_TYPE (AcqComplaintDialog, acq_complaint_dialog, ADW_TYPE_WINDOW)

static void
show_error (AcqComplaintDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
iso_of (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Reads a typed day into @out_iso; "" gives %NULL. FALSE when something typed is no day. */
static gboolean
read_day (AdwEntryRow *row, char **out_iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GDate date;

  g_clear_pointer (out_iso, g_free);
  if (acq_text_is_blank (text))
    return TRUE;
  if (!acq_practice_date_parse (text, &date))
    return FALSE;
  *out_iso = iso_of (&date);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqComplaintDialog *self = ACQ_COMPLAINT_DIALOG (widget);
  AcqComplaint *complaint = self->complaint;
  g_autoptr (GError) error = NULL;
  guint candidate = adw_combo_row_get_selected (self->candidate_row);

  if (!read_day (self->received_row, &complaint->received_on) || complaint->received_on == NULL)
    {
      show_error (self, _("The day the complaint came in is not a day of the calendar. Type it "
                          "as 25/03/2026, or pick it in the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->received_row));
      return;
    }
  if (!read_day (self->answered_row, &complaint->answered_on))
    {
      show_error (self, _("The day of the answer is not a day of the calendar. Type it as "
                          "25/03/2026, pick it in the calendar, or leave it empty."));
      gtk_widget_grab_focus (GTK_WIDGET (self->answered_row));
      return;
    }
  complaint->channel = adw_combo_row_get_selected (self->channel_row);
  complaint->status = adw_combo_row_get_selected (self->status_row);
  g_free (complaint->candidate_uuid);
  complaint->candidate_uuid = candidate > 0 && candidate <= self->candidate_uuids->len
                              ? g_strdup (g_ptr_array_index (self->candidate_uuids, candidate - 1))
                              : NULL;
  g_free (complaint->from_whom);
  complaint->from_whom = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_row))));
  g_free (complaint->subject);
  complaint->subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->subject_row))));
  g_free (complaint->answer);
  complaint->answer = view_text (self->answer_view);
  if (!acq_complaint_save (self->store, complaint, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
acq_complaint_dialog_dispose (GObject *object)
{
  AcqComplaintDialog *self = ACQ_COMPLAINT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_COMPLAINT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->complaint, acq_complaint_free);
  g_clear_pointer (&self->candidate_uuids, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_complaint_dialog_parent_class)->dispose (object);
}

static void
acq_complaint_dialog_class_init (AcqComplaintDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_complaint_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-complaint-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, answered_calendar);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, answered_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, answer_view);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, candidate_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, received_calendar);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AcqComplaintDialog, subject_row);
  gtk_widget_class_install_action (widget_class, "complaint.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "complaint.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_complaint_dialog_init (AcqComplaintDialog *self)
{
  g_autoptr (GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->candidate_uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ACQ_N_COMPLAINT_CHANNELS; i++)
    gtk_string_list_append (channels, acq_complaint_channel_label (i));
  for (guint i = 0; i < ACQ_N_COMPLAINT_STATUSES; i++)
    gtk_string_list_append (statuses, acq_complaint_status_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  acq_practice_date_bind (self->received_row, self->received_calendar);
  acq_practice_date_bind (self->answered_row, self->answered_calendar);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
}

static void
set_day (AdwEntryRow *row, const char *iso)
{
  g_autofree char *text = NULL;
  GDate date;

  if (iso != NULL && acq_practice_date_parse (iso, &date))
    text = acq_practice_date_to_text (&date);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * acq_complaint_dialog_new:
 * @parent: the window it is over
 * @store: where the complaint is written
 * @candidates: (nullable): the caseload, a #GListModel of #AcqCandidate, to say which one
 *   complained
 * @complaint: (nullable): the complaint to change, or %NULL for a new one (received today)
 *
 * Returns: (transfer none): the dialog, shown; it closes once the store took the complaint
 */
AcqComplaintDialog *
acq_complaint_dialog_new (GtkWindow *parent, AcqStore *store, GListModel *candidates,
                          const AcqComplaint *complaint)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  AcqComplaintDialog *self;
  guint selected = 0;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  self = g_object_new (ACQ_TYPE_COMPLAINT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (complaint != NULL)
    {
      self->complaint = acq_complaint_copy (complaint);
      gtk_window_set_title (GTK_WINDOW (self), _("Complaint"));
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      self->complaint = acq_complaint_new (today);
    }
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; candidates != NULL && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (candidates, i);
      g_autofree char *name = acq_candidate_dup_display_name (candidate);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->candidate_uuids, g_strdup (acq_candidate_get_uuid (candidate)));
      if (g_strcmp0 (self->complaint->candidate_uuid, acq_candidate_get_uuid (candidate)) == 0)
        selected = self->candidate_uuids->len;
    }
  adw_combo_row_set_model (self->candidate_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->candidate_row, selected);
  adw_combo_row_set_selected (self->channel_row, self->complaint->channel);
  adw_combo_row_set_selected (self->status_row, self->complaint->status);
  set_day (self->received_row, self->complaint->received_on);
  set_day (self->answered_row, self->complaint->answered_on);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), self->complaint->from_whom);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), self->complaint->subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view),
                            self->complaint->answer, -1);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
