/* acq-parcours-event-dialog.c — adding or changing one event of a candidate's parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog writes the event itself (acq_parcours_add() or acq_parcours_change()), so that a
 * date or a note the store refuses is said here, beside the field, and nothing typed is lost:
 * the dialog stays open until the store took the event.
 */
#define G_LOG_DOMAIN "acq-parcours-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-parcours-event-dialog.h"
#include "acq-a11y.h"
#include "acq-practice-date.h"

struct _AcqParcoursEventDialog
{
  AdwWindow         parent_instance;

  /* template children, alphabetical */
  GtkCalendar      *calendar;
  AdwEntryRow      *date_row;
  AdwComboRow      *decision_row;
  GtkLabel         *error_label;
  AdwComboRow      *kind_row;
  GtkTextView      *note_view;
  GtkSwitch        *planned_switch;

  AcqStore         *store;
  AcqParcoursEvent *event; /* the one edited, a copy; its uuid is NULL until stored */
};

G_DEFINE_FINAL_TYPE (AcqParcoursEventDialog, acq_parcours_event_dialog, ADW_TYPE_WINDOW)

static void
show_error (AcqParcoursEventDialog *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

static void
on_kind_row_selected_changed_cb (AcqParcoursEventDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row),
                          adw_combo_row_get_selected (self->kind_row) ==
                            ACQ_PARCOURS_ADMISSIBILITY_DECIDED);
}

static char *
note_text (AcqParcoursEventDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqParcoursEventDialog *self = ACQ_PARCOURS_EVENT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *note = note_text (self);
  AcqParcoursEvent *event = self->event;
  gboolean ok;

  if (!acq_practice_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                &event->date))
    {
      show_error (self, _("The date is not a day of the calendar. Type it as 25/03/2026, or "
                          "pick it in the calendar."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (g_utf8_strlen (note, -1) > ACQ_PARCOURS_NOTE_MAX)
    {
      g_autofree char *message =
        g_strdup_printf (_("The note is too long: %d characters at most. Shorten it, or keep "
                           "the details in the candidate's notes."), ACQ_PARCOURS_NOTE_MAX);
      show_error (self, message);
      return;
    }
  event->kind = adw_combo_row_get_selected (self->kind_row);
  event->planned = gtk_switch_get_active (self->planned_switch);
  event->decision = event->kind == ACQ_PARCOURS_ADMISSIBILITY_DECIDED
                      ? adw_combo_row_get_selected (self->decision_row)
                      : ACQ_PARCOURS_DECISION_NONE;
  g_free (event->note);
  event->note = g_steal_pointer (&note);
  ok = event->uuid == NULL ? acq_parcours_add (self->store, event, &error)
                           : acq_parcours_change (self->store, event, &error);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
acq_parcours_event_dialog_dispose (GObject *object)
{
  AcqParcoursEventDialog *self = ACQ_PARCOURS_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_PARCOURS_EVENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->event, acq_parcours_event_free);
  G_OBJECT_CLASS (acq_parcours_event_dialog_parent_class)->dispose (object);
}

static void
acq_parcours_event_dialog_class_init (AcqParcoursEventDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_parcours_event_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-parcours-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursEventDialog, planned_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_changed_cb);
  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "event.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_parcours_event_dialog_init (AcqParcoursEventDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) decisions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < ACQ_N_PARCOURS_KINDS; i++)
    gtk_string_list_append (kinds, acq_parcours_kind_label (i));
  for (guint i = 0; i < ACQ_N_PARCOURS_DECISIONS; i++)
    gtk_string_list_append (decisions, acq_parcours_decision_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decisions));
  acq_practice_date_bind (self->date_row, self->calendar);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
}

/**
 * acq_parcours_event_dialog_new:
 * @parent: the window it is over
 * @store: where the event is written
 * @candidate_uuid: whose parcours
 * @event: (nullable): the event to change, or %NULL for a new one (done today)
 *
 * Returns: (transfer none): the dialog, shown; it closes once the store took the event
 */
AcqParcoursEventDialog *
acq_parcours_event_dialog_new (GtkWindow *parent, AcqStore *store, const char *candidate_uuid,
                               const AcqParcoursEvent *event)
{
  AcqParcoursEventDialog *self;
  g_autofree char *date = NULL;
  GDate today;

  g_return_val_if_fail (ACQ_IS_STORE (store) && candidate_uuid != NULL, NULL);
  self = g_object_new (ACQ_TYPE_PARCOURS_EVENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (event != NULL)
    {
      self->event = acq_parcours_event_copy (event);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
    }
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      self->event = acq_parcours_event_new (ACQ_PARCOURS_FIRST_CONTACT, &today, FALSE);
      self->event->candidate_uuid = g_strdup (candidate_uuid);
    }
  adw_combo_row_set_selected (self->kind_row, self->event->kind);
  adw_combo_row_set_selected (self->decision_row, self->event->decision);
  on_kind_row_selected_changed_cb (self);
  gtk_switch_set_active (self->planned_switch, self->event->planned);
  date = acq_practice_date_to_text (&self->event->date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), self->event->note, -1);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
