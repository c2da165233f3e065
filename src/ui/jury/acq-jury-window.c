/* acq-jury-window.c — a candidate's jury: the session, the checklist, the result, rehearsals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages in a view stack. The session is saved as it is typed: a text the store refuses
 * (a time half typed) stays in its field with the reason above, and is saved once it can be.
 * The checklist is the core's, computed again on every change of the store; its hand items
 * are ticked by both roles, written and deleted (with Undo) by the accompagnatrice. The result
 * is hers too: saved with a button, or on closing if it was changed; a partial result shows the
 * post-jury plan. The likely questions are drawn by the core's drill, each with a note saved as
 * typed. The candidate reads what she may not change (the merge would not take it
 * from her file, see exchange/acq-package-merge.c).
 *
 * Rehearse turns the window into a timer of the épreuve's parts, driven by the keyboard: Space
 * starts or pauses, Left and Right move between parts, Escape leaves and saves the run. The
 * signals at one minute left and at the end are a flash of the time and a sentence in the
 * status label, which screen readers say as it changes; no sound.
 */
#define G_LOG_DOMAIN "acq-jury-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-date-button.h"
#include "acq-jury-checklist.h"
#include "acq-jury-prep-export.h"
#include "acq-jury-questions.h"
#include "acq-jury-timer.h"
#include "acq-jury-window-private.h"
#include "acq-jury.h"
#include "acq-toast.h"

#define TICK_MS 200
#define FLASH_MS 1500
#define N_DRAWN 5


G_DEFINE_FINAL_TYPE (AcqJuryWindow, acq_jury_window, ADW_TYPE_WINDOW)

gboolean
_acq_jury_window_is_coach (AcqJuryWindow *self)
{
  return self->role == ACQ_ROLE_COACH;
}

/* A text the user writes in the window (a question's note, a card's points): wrapped, with
 * room around it, at least @min_height high, on a card. */
void
_acq_jury_window_style_text_view (GtkTextView *view, int min_height)
{
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 6);
  gtk_text_view_set_bottom_margin (view, 6);
  gtk_text_view_set_left_margin (view, 6);
  gtk_text_view_set_right_margin (view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, min_height);
  gtk_widget_add_css_class (GTK_WIDGET (view), "card");
}

static gboolean
is_coach (AcqJuryWindow *self)
{
  return _acq_jury_window_is_coach (self);
}

static void
set_text (char **field, const char *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));

  g_free (*field);
  *field = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  if (g_strcmp0 (entry_text (row), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Session */

/* "120", "120,50": cents, or FALSE for what is not an amount. */
static gboolean
parse_euros (const char *text, guint *cents)
{
  g_autofree char *clean = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;
  double value;

  if (*clean == '\0')
    {
      *cents = 0;
      return TRUE;
    }
  value = g_ascii_strtod (clean, &end);
  if (end == clean || *end != '\0' || !isfinite (value) || value < 0 || value > 1e6)
    return FALSE;
  *cents = (guint) lround (value * 100);
  return TRUE;
}

static char *
format_euros (guint cents)
{
  if (cents == 0)
    return g_strdup ("");
  if (cents % 100 == 0)
    return g_strdup_printf ("%u", cents / 100);
  /* TRANSLATORS: an amount in euros, units then cents; French writes "120,50" */
  return g_strdup_printf (_("%u.%02u"), cents / 100, cents % 100);
}

static char *
session_signature (const AcqJurySession *s)
{
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%u\x1f%u\x1f%s\x1f%s",
                          s->date, s->time, s->place, s->visio_link, s->certifier,
                          s->convocation_date, s->deposited_date, s->platform,
                          s->fees_asked_cents, s->fees_received_cents,
                          s->accommodations_asked, s->accommodations_granted);
}

static void
show_session_error (AcqJuryWindow *self, const char *message)
{
  self->session_refused = message != NULL;
  gtk_label_set_text (self->session_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->session_error_label), message != NULL);
}

static void
load_session (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJurySession) s = acq_jury_session_load (self->store, self->candidate_uuid,
                                                        &error);
  g_autofree char *asked = NULL;
  g_autofree char *received = NULL;

  if (s == NULL)
    {
      show_session_error (self, error->message);
      return;
    }
  g_free (self->session_shown);
  self->session_shown = session_signature (s);
  self->loading = TRUE;
  acq_date_button_set_date (self->date_button, s->date);
  acq_date_button_set_date (self->convocation_button, s->convocation_date);
  acq_date_button_set_date (self->deposited_button, s->deposited_date);
  set_entry (self->time_row, s->time);
  set_entry (self->place_row, s->place);
  set_entry (self->visio_row, s->visio_link);
  set_entry (self->certifier_row, s->certifier);
  adw_combo_row_set_selected (self->platform_row, s->platform);
  asked = format_euros (s->fees_asked_cents);
  received = format_euros (s->fees_received_cents);
  set_entry (self->fees_asked_row, asked);
  set_entry (self->fees_received_row, received);
  set_entry (self->accommodations_asked_row, s->accommodations_asked);
  set_entry (self->accommodations_granted_row, s->accommodations_granted);
  self->loading = FALSE;
}

/* Writes what the fields hold, or says why not and keeps it there. */
static gboolean
save_session (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJurySession) s = NULL;
  guint asked, received;

  if (!is_coach (self) || self->loading)
    return FALSE;
  if (!parse_euros (entry_text (self->fees_asked_row), &asked) ||
      !parse_euros (entry_text (self->fees_received_row), &received))
    {
      show_session_error (self, _("The fees are an amount in euros, such as 120 or 120,50. "
                                  "They are saved once they read as one."));
      return FALSE;
    }
  if (!(s = acq_jury_session_load (self->store, self->candidate_uuid, &error)))
    {
      show_session_error (self, error->message);
      return FALSE;
    }
  set_text (&s->date, acq_date_button_get_date (self->date_button));
  set_text (&s->convocation_date, acq_date_button_get_date (self->convocation_button));
  set_text (&s->deposited_date, acq_date_button_get_date (self->deposited_button));
  set_text (&s->time, entry_text (self->time_row));
  set_text (&s->place, entry_text (self->place_row));
  set_text (&s->visio_link, entry_text (self->visio_row));
  set_text (&s->certifier, entry_text (self->certifier_row));
  s->platform = adw_combo_row_get_selected (self->platform_row);
  s->fees_asked_cents = asked;
  s->fees_received_cents = received;
  set_text (&s->accommodations_asked, entry_text (self->accommodations_asked_row));
  set_text (&s->accommodations_granted, entry_text (self->accommodations_granted_row));
  if (!acq_jury_session_save (self->store, s, &error))
    {
      show_session_error (self, error->message);
      return FALSE;
    }
  g_free (self->session_shown);
  self->session_shown = session_signature (s);
  show_session_error (self, NULL);
  self->close_warned = FALSE;
  return TRUE;
}

static void
on_session_field_changed_cb (AcqJuryWindow *self)
{
  save_session (self);
}

static void
on_session_date_chosen_cb (AcqJuryWindow *self, const char *iso, AcqDateButton *button)
{
  g_autofree char *before = g_strdup (acq_date_button_get_date (button));

  acq_date_button_set_date (button, iso);
  if (!save_session (self))
    acq_date_button_set_date (button, before);
}

/* Checklist */

static GtkWidget *
state_icon (gboolean done, gboolean counts)
{
  GtkWidget *image = gtk_image_new_from_icon_name (
    !counts ? "dialog-information-symbolic"
            : done ? "object-select-symbolic" : "window-close-symbolic");

  gtk_widget_add_css_class (image, !counts ? "dim-label" : done ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  !counts ? _("For information") : done ? _("Done") : _("To do"),
                                  -1);
  return image;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

typedef struct
{
  AcqJuryWindow *window;
  char          *label;
  gboolean       done;
} DeletedItem;

static void
deleted_item_free (gpointer data)
{
  DeletedItem *deleted = data;

  g_object_unref (deleted->window);
  g_free (deleted->label);
  g_free (deleted);
}

static void
undo_delete_item (gpointer data)
{
  DeletedItem *deleted = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = acq_jury_hand_item_add (deleted->window->store,
                                                  deleted->window->candidate_uuid,
                                                  deleted->label, &error);

  if (uuid == NULL ||
      (deleted->done &&
       !acq_jury_hand_item_set_done (deleted->window->store, uuid, TRUE, &error)))
    acq_toast_show (GTK_WIDGET (deleted->window->hand_list), error->message);
}

static void
on_hand_delete_clicked_cb (AcqJuryWindow *self, GtkButton *button)
{
  g_autoptr (GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
  DeletedItem *deleted = g_new0 (DeletedItem, 1);
  g_autofree char *title = NULL;

  deleted->window = g_object_ref (self);
  deleted->label = g_strdup (g_object_get_data (G_OBJECT (row), "label"));
  deleted->done = gtk_check_button_get_active (check);
  if (!acq_jury_hand_item_delete (self->store, uuid, &error))
    {
      deleted_item_free (deleted);
      acq_toast_show (GTK_WIDGET (self->hand_list), error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), deleted->label);
  acq_undo_toast_show (GTK_WIDGET (self->hand_list), title, 10, undo_delete_item, NULL, deleted,
                       deleted_item_free);
}

static void
on_hand_check_toggled_cb (AcqJuryWindow *self, GtkCheckButton *check)
{
  g_autoptr (GError) error = NULL;

  if (self->loading)
    return;
  if (!acq_jury_hand_item_set_done (self->store, g_object_get_data (G_OBJECT (check), "uuid"),
                                    gtk_check_button_get_active (check), &error))
    acq_toast_show (GTK_WIDGET (self->hand_list), error->message);
}

/* The label is saved as typed, once it is not empty. */
static void
on_hand_label_changed_cb (AcqJuryWindow *self, GtkEditable *row)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  if (self->loading || *label == '\0')
    return;
  g_object_set_data_full (G_OBJECT (row), "label", g_strdup (label), g_free);
  if (!acq_jury_hand_item_set_label (self->store, g_object_get_data (G_OBJECT (row), "uuid"),
                                     label, &error))
    acq_toast_show (GTK_WIDGET (self->hand_list), error->message);
}

static GtkWidget *
hand_row_new (AcqJuryWindow *self, const AcqJuryItem *item)
{
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *check_name = g_strdup_printf (_("Done: %s"), item->label);
  GtkWidget *row;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (item->ref), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_name, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_hand_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  if (is_coach (self))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_name = g_strdup_printf (_("Delete “%s”"), item->label);

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Item"));
      gtk_editable_set_text (GTK_EDITABLE (row), item->label);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Delete the Item"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "uuid", g_strdup (item->ref), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_hand_delete_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (item->ref), g_free);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_hand_label_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }
  g_object_set_data_full (G_OBJECT (row), "label", g_strdup (item->label), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

/* The hand items in place when they are the same ones (a tick, a label), so that the focus and
 * a label being typed stay; built again when one came or went. */
static void
update_hand_list (AcqJuryWindow *self, GPtrArray *hand)
{
  gboolean same = hand->len == self->hand_uuids->len;
  GtkWidget *row;
  guint i = 0;

  for (guint j = 0; same && j < hand->len; j++)
    same = g_strcmp0 (((AcqJuryItem *) hand->pdata[j])->ref, self->hand_uuids->pdata[j]) == 0;
  if (!same)
    {
      clear_list (self->hand_list);
      g_ptr_array_set_size (self->hand_uuids, 0);
      for (guint j = 0; j < hand->len; j++)
        {
          const AcqJuryItem *item = hand->pdata[j];

          gtk_list_box_append (self->hand_list, hand_row_new (self, item));
          g_ptr_array_add (self->hand_uuids, g_strdup (item->ref));
        }
    }
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->hand_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      const AcqJuryItem *item = hand->pdata[i];

      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), item->done);
      if (ADW_IS_ENTRY_ROW (row) && !gtk_widget_has_focus (row) &&
          gtk_widget_get_focus_child (row) == NULL)
        set_entry (ADW_ENTRY_ROW (row), item->label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hand_list), hand->len > 0);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self->hand_list));
}

static void
load_checklist (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryChecklist) list = acq_jury_checklist_compute (self->store,
                                                                  self->candidate_uuid, NULL,
                                                                  &error);
  g_autoptr (GPtrArray) hand = g_ptr_array_new ();
  g_autofree char *ready = NULL;

  if (list == NULL)
    {
      gtk_label_set_text (self->ready_label, error->message);
      return;
    }
  ready = acq_jury_ready_count_dup_text (list->n_done, list->n_items);
  gtk_label_set_text (self->ready_label, ready);
  clear_list (self->computed_list);
  for (guint i = 0; i < list->items->len; i++)
    {
      const AcqJuryItem *item = g_ptr_array_index (list->items, i);
      GtkWidget *row;

      if (item->kind == ACQ_JURY_ITEM_HAND)
        {
          g_ptr_array_add (hand, (gpointer) item);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   item->why != NULL ? item->why
                                   : !item->counts   ? _("Does not apply")
                                   : item->done      ? _("Done")
                                                     : _("To do"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), state_icon (item->done, item->counts));
      gtk_list_box_append (self->computed_list, row);
    }
  self->loading = TRUE;
  update_hand_list (self, hand);
  self->loading = FALSE;
}

static void
on_add_row_apply_cb (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = g_strstrip (g_strdup (entry_text (self->add_row)));
  g_autofree char *uuid = NULL;

  if (*label == '\0')
    return;
  if (!(uuid = acq_jury_hand_item_add (self->store, self->candidate_uuid, label, &error)))
    {
      acq_toast_show (GTK_WIDGET (self->hand_list), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  load_checklist (self);
}

/* Result and post-jury plan */

static void
on_result_changed_cb (AcqJuryWindow *self)
{
  if (!self->loading)
    self->result_dirty = TRUE;
}

static GtkStringList *
outcome_labels (gboolean blocs)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint n = blocs ? ACQ_N_JURY_BLOC_OUTCOMES : ACQ_N_JURY_OUTCOMES;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, blocs ? acq_jury_bloc_outcome_label (i)
                                          : acq_jury_outcome_label (i));
  return labels;
}

static AdwComboRow *
outcome_row_new (AcqJuryWindow *self, const char *title, gboolean bloc, guint selected)
{
  g_autoptr (GtkStringList) labels = outcome_labels (bloc);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (row), is_coach (self));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_result_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void on_plan_changed_cb (AcqJuryWindow *self);
static void on_plan_date_chosen_cb (AcqJuryWindow *self, const char *iso, AcqDateButton *button);

static void
load_plan (AcqJuryWindow *self, AcqJuryOutcome outcome)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryPlan) plan = acq_jury_plan_load (self->store, self->candidate_uuid, &error);
  gboolean coach = is_coach (self);

  if (plan == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->plan_list), error->message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group),
                          plan->stored || plan->items->len > 0 ||
                            outcome == ACQ_JURY_OUTCOME_PARTIAL ||
                            outcome == ACQ_JURY_OUTCOME_NONE);
  clear_list (self->plan_list);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const AcqJuryPlanItem *item = g_ptr_array_index (plan->items, i);
      g_autofree char *title = g_strdup_printf ("%s — %s", item->code ? item->code : "",
                                                item->title ? item->title : "");
      g_autofree char *date_name = g_strdup_printf (_("Target date for %s"),
                                                    item->code ? item->code : "");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *date = g_object_new (ACQ_TYPE_DATE_BUTTON, "title", date_name, "placeholder",
                                      _("No target date"), "valign", GTK_ALIGN_CENTER, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Still to obtain"));
      acq_date_button_set_date (ACQ_DATE_BUTTON (date), item->target_date);
      gtk_widget_set_sensitive (date, coach);
      g_object_set_data_full (G_OBJECT (date), "uuid", g_strdup (item->uuid), g_free);
      g_signal_connect_object (date, "date-chosen", G_CALLBACK (on_plan_date_chosen_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
      gtk_list_box_append (self->plan_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), plan->items->len > 0);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self->plan_list));
  self->loading = TRUE;
  gtk_check_button_set_active (self->complementary_check,
                               plan->asked & ACQ_JURY_ASKED_COMPLEMENTARY);
  gtk_check_button_set_active (self->training_check, plan->asked & ACQ_JURY_ASKED_TRAINING);
  gtk_check_button_set_active (self->experience_check, plan->asked & ACQ_JURY_ASKED_EXPERIENCE);
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->asked_row)) == NULL)
    set_entry (self->asked_row, plan->asked_text);
  acq_date_button_set_date (self->interview_button, plan->interview_date);
  self->loading = FALSE;
}

/* The plan as the fields hold it; @uuid's target date becomes @target when @uuid is set. */
static void
save_plan (AcqJuryWindow *self, const char *uuid, const char *target)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryPlan) plan = NULL;

  if (self->loading || !is_coach (self))
    return;
  if (!(plan = acq_jury_plan_load (self->store, self->candidate_uuid, &error)))
    goto fail;
  plan->asked = (gtk_check_button_get_active (self->complementary_check)
                   ? ACQ_JURY_ASKED_COMPLEMENTARY : 0) |
                (gtk_check_button_get_active (self->training_check)
                   ? ACQ_JURY_ASKED_TRAINING : 0) |
                (gtk_check_button_get_active (self->experience_check)
                   ? ACQ_JURY_ASKED_EXPERIENCE : 0);
  set_text (&plan->asked_text, entry_text (self->asked_row));
  set_text (&plan->interview_date, acq_date_button_get_date (self->interview_button));
  for (guint i = 0; uuid != NULL && i < plan->items->len; i++)
    {
      AcqJuryPlanItem *item = g_ptr_array_index (plan->items, i);

      if (g_strcmp0 (item->uuid, uuid) == 0)
        set_text (&item->target_date, target);
    }
  if (acq_jury_plan_save (self->store, plan, &error))
    return;
fail:
  acq_toast_show (GTK_WIDGET (self->plan_list), error->message);
}

static void
on_plan_changed_cb (AcqJuryWindow *self)
{
  save_plan (self, NULL, NULL);
}

static void
on_plan_date_chosen_cb (AcqJuryWindow *self, const char *iso, AcqDateButton *button)
{
  if (button == self->interview_button)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autoptr (GError) error = NULL;

      acq_date_button_set_date (button, iso);
      /* a day gone by is an interview held: its event moves the stage to Post-jury */
      if (iso == NULL || g_strcmp0 (iso, today) > 0 || !is_coach (self))
        save_plan (self, NULL, NULL);
      else if (!acq_jury_plan_record_interview (self->store, self->candidate_uuid, iso, &error))
        acq_toast_show (GTK_WIDGET (self->plan_list), error->message);
      else
        acq_toast_show (GTK_WIDGET (self->plan_list),
                        _("The entretien post-jury is recorded as held"));
    }
  else
    save_plan (self, g_object_get_data (G_OBJECT (button), "uuid"), iso);
}

static void
load_result (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryResult) result = acq_jury_result_load (self->store, self->candidate_uuid,
                                                           &error);

  if (result == NULL)
    {
      gtk_label_set_text (self->result_note_label, error->message);
      return;
    }
  self->loading = TRUE;
  clear_list (self->result_list);
  g_ptr_array_set_size (self->bloc_rows, 0);
  for (guint i = 0; i < result->blocs->len; i++)
    {
      const AcqJuryBlocResult *bloc = g_ptr_array_index (result->blocs, i);
      AdwComboRow *row = outcome_row_new (self, bloc->code, TRUE, bloc->outcome);

      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (bloc->bloc_uuid), g_free);
      gtk_list_box_append (self->result_list, GTK_WIDGET (row));
      g_ptr_array_add (self->bloc_rows, row);
    }
  self->outcome_row = outcome_row_new (self, _("Overall"), FALSE, result->outcome);
  gtk_list_box_append (self->result_list, GTK_WIDGET (self->outcome_row));
  acq_a11y_hide_decorative_images (GTK_WIDGET (self->result_list));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->remarks_view),
                            result->remarks ? result->remarks : "", -1);
  self->loading = FALSE;
  self->result_dirty = FALSE;
  load_plan (self, result->outcome);
}

static gboolean
save_result (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->remarks_view);
  GtkTextIter start, end;

  if (!(result = acq_jury_result_load (self->store, self->candidate_uuid, &error)))
    goto fail;
  for (guint i = 0; i < self->bloc_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->bloc_rows, i);

      acq_jury_result_set_bloc (result, g_object_get_data (G_OBJECT (row), "uuid"),
                                adw_combo_row_get_selected (row));
    }
  result->outcome = adw_combo_row_get_selected (self->outcome_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (result->remarks);
  result->remarks = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!acq_jury_result_save (self->store, result, &error))
    goto fail;
  self->result_dirty = FALSE;
  load_result (self);
  return TRUE;
fail:
  acq_toast_show (GTK_WIDGET (self->result_list), error->message);
  return FALSE;
}

static void
save_result_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);

  if (is_coach (self) && save_result (self))
    acq_toast_show (GTK_WIDGET (self->result_list), _("Result saved"));
}

/* Likely questions */

static void
on_note_changed_cb (AcqJuryWindow *self, GtkTextBuffer *buffer)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!acq_jury_question_set_note (self->store, self->candidate_uuid,
                                   g_object_get_data (G_OBJECT (buffer), "key"), note, &error))
    acq_toast_show (GTK_WIDGET (self->questions_list), error->message);
}

static GtkWidget *
question_row_new (AcqJuryWindow *self, const AcqJuryQuestion *question, guint n)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (question->text);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *name = g_strdup_printf (_("Notes for question %u"), n);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  _acq_jury_window_style_text_view (GTK_TEXT_VIEW (view), 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, question->text, -1);
  gtk_text_buffer_set_text (buffer, question->note ? question->note : "", -1);
  g_object_set_data_full (G_OBJECT (buffer), "key", g_strdup (question->key), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_note_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* A new draw; the notes typed so far are saved already. */
static void
draw_questions (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) drawn = acq_jury_drill (self->store, self->candidate_uuid, N_DRAWN,
                                                g_random_int (), &error);

  clear_list (self->questions_list);
  if (drawn == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->questions_list), error->message);
      return;
    }
  for (guint i = 0; i < drawn->len; i++)
    gtk_list_box_append (self->questions_list,
                         question_row_new (self, g_ptr_array_index (drawn, i), i + 1));
  gtk_widget_set_visible (GTK_WIDGET (self->questions_list), drawn->len > 0);
}

static void
draw_questions_action (GtkWidget *widget, const char *action, GVariant *param)
{
  draw_questions (ACQ_JURY_WINDOW (widget));
}

/* What the store says, again: another window, an import, the command line, or this one. */
static void
on_store_changed_cb (AcqJuryWindow *self)
{
  g_autoptr (AcqJurySession) s = acq_jury_session_load (self->store, self->candidate_uuid,
                                                        NULL);
  g_autofree char *signature = s != NULL ? session_signature (s) : NULL;

  if (s != NULL && !self->session_refused && g_strcmp0 (signature, self->session_shown) != 0)
    load_session (self);
  load_checklist (self);
  if (!self->result_dirty)
    load_result (self);
  _acq_jury_window_oral_load (self);
  _acq_jury_window_documents_load (self);
}

/* Rehearsal */

static gint64
clock_now (AcqJuryWindow *self)
{
  return (gint64) ((double) g_get_monotonic_time () * self->speed);
}

static gboolean
unflash_cb (gpointer data)
{
  AcqJuryWindow *self = data;

  gtk_widget_remove_css_class (GTK_WIDGET (self->left_label), "acq-jury-flash");
  self->flash_id = 0;
  return G_SOURCE_REMOVE;
}

static void
say (AcqJuryWindow *self, const char *status, gboolean flash)
{
  gtk_label_set_text (self->status_label, status);
  if (!flash)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (self->left_label), "acq-jury-flash");
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_id = g_timeout_add (FLASH_MS, unflash_cb, self);
}

static void
update_timer (AcqJuryWindow *self, gboolean moved)
{
  gint64 now = clock_now (self);
  g_autofree char *left = acq_jury_timer_format (acq_jury_timer_get_left (self->timer, now));
  /* TRANSLATORS: "Part 2 of 3: Entretien avec le jury" */
  g_autofree char *part = g_strdup_printf (_("Part %u of %u: %s"),
                                           acq_jury_timer_get_current (self->timer) + 1,
                                           acq_jury_timer_get_n_parts (self->timer),
                                           acq_jury_timer_get_name (self->timer));
  gboolean running = acq_jury_timer_get_running (self->timer);
  g_autofree char *message = NULL;

  gtk_label_set_text (self->part_label, part);
  gtk_label_set_text (self->left_label, left);
  gtk_button_set_label (self->start_button, running ? _("_Pause") : _("_Start"));
  switch (acq_jury_timer_poll (self->timer, now))
    {
    case ACQ_JURY_TIMER_ONE_MINUTE:
      message = g_strdup_printf (_("One minute left for “%s”."),
                                 acq_jury_timer_get_name (self->timer));
      say (self, message, TRUE);
      break;
    case ACQ_JURY_TIMER_TIME_UP:
      message = g_strdup_printf (_("Time is up for “%s”."), acq_jury_timer_get_name (self->timer));
      say (self, message, TRUE);
      break;
    case ACQ_JURY_TIMER_QUIET:
    default:
      if (moved)
        say (self, running ? _("Running") : _("Paused"), FALSE);
      break;
    }
}

static gboolean
tick_cb (gpointer data)
{
  update_timer (data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
rehearse_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parts = acq_jury_parts_list (self->store, self->candidate_uuid, &error);

  if (parts == NULL || parts->len == 0)
    {
      acq_toast_show (GTK_WIDGET (self->hand_list),
                      parts == NULL ? error->message : _("The épreuve has no part to time."));
      return;
    }
  acq_jury_timer_free (self->timer);
  self->timer = acq_jury_timer_new (parts);
  _acq_jury_window_oral_flush (self);
  self->card_index = 0;
  _acq_jury_window_oral_show_card (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "rehearse");
  update_timer (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* Saves the run, if a second was timed; says so if @say. */
static void
end_rehearsal (AcqJuryWindow *self, gboolean say)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autoptr (AcqJuryRehearsal) run = NULL;

  if (self->timer == NULL)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  run = acq_jury_timer_dup_run (self->timer, date, clock_now (self));
  g_clear_pointer (&self->timer, acq_jury_timer_free);
  if (run != NULL && !acq_jury_rehearsal_save (self->store, self->candidate_uuid, run, &error))
    g_warning ("The rehearsal could not be saved: %s", error->message);
  if (!say || run == NULL)
    return;
  if (error != NULL)
    acq_toast_show (GTK_WIDGET (self->hand_list), error->message);
  else
    acq_toast_show (GTK_WIDGET (self->hand_list), _("The rehearsal was saved"));
}

static void
leave_rehearsal_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);

  end_rehearsal (self, TRUE);
  gtk_stack_set_visible_child_name (self->mode_stack, "jury");
  gtk_widget_grab_focus (GTK_WIDGET (self->rehearse_button));
}

static void
toggle_timer_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);

  if (self->timer == NULL)
    return;
  acq_jury_timer_toggle (self->timer, clock_now (self));
  if (acq_jury_timer_get_running (self->timer) && self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  else if (!acq_jury_timer_get_running (self->timer))
    g_clear_handle_id (&self->tick_id, g_source_remove);
  update_timer (self, TRUE);
}

static void
move_part_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);
  int delta = g_strcmp0 (action, "jury.next-part") == 0 ? 1 : -1;

  if (self->timer != NULL && acq_jury_timer_move (self->timer, delta, clock_now (self)))
    update_timer (self, TRUE);
}

/* The fiche de préparation, or its large-print variant, to a PDF she chooses. */
static void
export_prep_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);

  acq_jury_prep_export_choose (GTK_WINDOW (self), GTK_WIDGET (self->hand_list), self->store,
                               self->candidate_uuid, self->candidate_name,
                               g_variant_get_boolean (param));
}

/* Alt+1, 2, 3: the pages, as a notebook's tabs. */
static void
show_page_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);

  if (self->timer == NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

/* The rehearsal's keys come before the focused button's: Space starts, not clicks. */
static gboolean
on_key_pressed_cb (AcqJuryWindow *self, guint keyval, guint keycode, GdkModifierType state)
{
  const char *action = NULL;

  if (self->timer == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_space: case GDK_KEY_KP_Space: action = "jury.toggle-timer"; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: action = "jury.previous-part"; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: action = "jury.next-part"; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: action = "jury.previous-card"; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: action = "jury.next-card"; break;
    case GDK_KEY_Escape: action = "jury.leave-rehearsal"; break;
    default: return FALSE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

/* Closing keeps the result typed and the run timed; a session text the store refuses is
 * shown with its reason first, and goes only on a second close. */
static gboolean
on_close_request_cb (AcqJuryWindow *self)
{
  end_rehearsal (self, FALSE);
  _acq_jury_window_oral_flush (self);
  if (self->session_refused && !self->close_warned)
    {
      self->close_warned = TRUE;
      gtk_stack_set_visible_child_name (self->mode_stack, "jury");
      adw_view_stack_set_visible_child_name (self->view_stack, "session");
      acq_toast_show (GTK_WIDGET (self->hand_list),
                      _("The session holds a text that cannot be saved: correct it, or close "
                        "again to leave it unsaved"));
      return TRUE;
    }
  if (self->result_dirty && is_coach (self) && !save_result (self))
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "jury");
      return TRUE; /* the reason is on a toast; nothing typed goes */
    }
  return FALSE;
}

static void
acq_jury_window_dispose (GObject *object)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (object);

  /* destroyed without a close request (the application quits): the run timed is kept */
  if (self->store != NULL)
    end_rehearsal (self, FALSE);
  _acq_jury_window_oral_flush (self);
  _acq_jury_window_documents_dispose (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_JURY_WINDOW);
  G_OBJECT_CLASS (acq_jury_window_parent_class)->dispose (object);
}

static void
acq_jury_window_finalize (GObject *object)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (object);

  g_clear_pointer (&self->timer, acq_jury_timer_free);
  _acq_jury_window_oral_finalize (self);
  g_clear_object (&self->store);
  g_free (self->candidate_uuid);
  g_free (self->candidate_name);
  g_free (self->session_shown);
  g_ptr_array_unref (self->hand_uuids);
  g_ptr_array_unref (self->bloc_rows);
  G_OBJECT_CLASS (acq_jury_window_parent_class)->finalize (object);
}

static void
acq_jury_window_class_init (AcqJuryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_jury_window_dispose;
  object_class->finalize = acq_jury_window_finalize;

  g_type_ensure (ACQ_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-jury-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AcqJuryWindow, name)
  BIND (accommodations_asked_row);
  BIND (accommodations_granted_row);
  BIND (add_list);
  BIND (add_row);
  BIND (asked_row);
  BIND (card_buttons);
  BIND (card_label);
  BIND (card_points_label);
  BIND (certifier_row);
  BIND (complementary_check);
  BIND (computed_list);
  BIND (convocation_attach_button);
  BIND (convocation_button);
  BIND (convocation_open_button);
  BIND (convocation_row);
  BIND (date_button);
  BIND (deposited_button);
  BIND (experience_check);
  BIND (fees_asked_row);
  BIND (fees_received_row);
  BIND (hand_list);
  BIND (interview_button);
  BIND (left_label);
  BIND (mode_stack);
  BIND (outline_list);
  BIND (part_label);
  BIND (place_row);
  BIND (plan_group);
  BIND (plan_list);
  BIND (questions_list);
  BIND (platform_row);
  BIND (readiness_list);
  BIND (ready_label);
  BIND (report_attach_button);
  BIND (report_open_button);
  BIND (report_row);
  BIND (rehearse_button);
  BIND (remarks_view);
  BIND (result_list);
  BIND (result_note_label);
  BIND (save_result_button);
  BIND (session_error_label);
  BIND (session_note_label);
  BIND (start_button);
  BIND (status_label);
  BIND (switcher_bar);
  BIND (switcher_title);
  BIND (time_row);
  BIND (training_check);
  BIND (view_stack);
  BIND (visio_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_add_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "jury.save-result", NULL, save_result_action);
  gtk_widget_class_install_action (widget_class, "jury.rehearse", NULL, rehearse_action);
  gtk_widget_class_install_action (widget_class, "jury.leave-rehearsal", NULL,
                                   leave_rehearsal_action);
  gtk_widget_class_install_action (widget_class, "jury.toggle-timer", NULL, toggle_timer_action);
  gtk_widget_class_install_action (widget_class, "jury.previous-part", NULL, move_part_action);
  gtk_widget_class_install_action (widget_class, "jury.next-part", NULL, move_part_action);
  gtk_widget_class_install_action (widget_class, "jury.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "jury.export-prep", "b", export_prep_action);
  gtk_widget_class_install_action (widget_class, "jury.draw-questions", NULL,
                                   draw_questions_action);
  _acq_jury_window_oral_class_init (widget_class);
  _acq_jury_window_documents_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "jury.rehearse",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "jury.show-page",
                                       "s", "session");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "jury.show-page",
                                       "s", "checklist");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "jury.show-page",
                                       "s", "questions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "jury.show-page",
                                       "s", "result");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "jury.show-page",
                                       "s", "oral");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
load_css_once (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/acquis/Acquis/acq-jury.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
acq_jury_window_init (AcqJuryWindow *self)
{
  g_autoptr (GtkStringList) platforms = gtk_string_list_new (NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();
  const char *speed = g_getenv ("ACQ_JURY_TIMER_SPEED");
  AdwEntryRow *session_rows[8];
  AcqDateButton *session_dates[3];
  GtkCheckButton *asked[3];

  self->loading = TRUE;
  self->hand_uuids = g_ptr_array_new_with_free_func (g_free);
  self->bloc_rows = g_ptr_array_new ();
  self->speed = speed != NULL && g_ascii_strtod (speed, NULL) > 0 ? g_ascii_strtod (speed, NULL)
                                                                   : 1.0;
  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _acq_jury_window_oral_init (self);
  _acq_jury_window_documents_init (self);
  for (guint i = 0; i < ACQ_N_JURY_PLATFORMS; i++)
    gtk_string_list_append (platforms, acq_jury_platform_label (i));
  adw_combo_row_set_model (self->platform_row, G_LIST_MODEL (platforms));

  session_rows[0] = self->time_row, session_rows[1] = self->place_row;
  session_rows[2] = self->visio_row, session_rows[3] = self->certifier_row;
  session_rows[4] = self->fees_asked_row, session_rows[5] = self->fees_received_row;
  session_rows[6] = self->accommodations_asked_row;
  session_rows[7] = self->accommodations_granted_row;
  for (guint i = 0; i < G_N_ELEMENTS (session_rows); i++)
    g_signal_connect_object (session_rows[i], "changed", G_CALLBACK (on_session_field_changed_cb),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->platform_row, "notify::selected",
                           G_CALLBACK (on_session_field_changed_cb), self, G_CONNECT_SWAPPED);
  session_dates[0] = self->date_button;
  session_dates[1] = self->convocation_button;
  session_dates[2] = self->deposited_button;
  for (guint i = 0; i < G_N_ELEMENTS (session_dates); i++)
    g_signal_connect_object (session_dates[i], "date-chosen",
                             G_CALLBACK (on_session_date_chosen_cb), self, G_CONNECT_SWAPPED);

  asked[0] = self->complementary_check;
  asked[1] = self->training_check;
  asked[2] = self->experience_check;
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    g_signal_connect_object (asked[i], "toggled", G_CALLBACK (on_plan_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->asked_row, "changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interview_button, "date-chosen",
                           G_CALLBACK (on_plan_date_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->remarks_view), "changed",
                           G_CALLBACK (on_result_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->left_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Time left"), -1);
}

/* The view switchers' buttons are named by their page's title; their icons repeat it. */
static void
hide_switcher_icons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    else
      hide_switcher_icons (child);
}

/* The role decides what may be changed here; the rest reads. */
static void
apply_role (AcqJuryWindow *self)
{
  gboolean coach = is_coach (self);
  AdwEntryRow *rows[] = { self->time_row, self->place_row, self->visio_row, self->certifier_row,
                          self->fees_asked_row, self->fees_received_row,
                          self->accommodations_asked_row, self->accommodations_granted_row,
                          self->asked_row };
  GtkWidget *widgets[] = { GTK_WIDGET (self->date_button), GTK_WIDGET (self->convocation_button),
                           GTK_WIDGET (self->deposited_button), GTK_WIDGET (self->platform_row),
                           GTK_WIDGET (self->complementary_check),
                           GTK_WIDGET (self->training_check),
                           GTK_WIDGET (self->experience_check),
                           GTK_WIDGET (self->interview_button) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_editable (GTK_EDITABLE (rows[i]), coach);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_set_sensitive (widgets[i], coach);
  gtk_text_view_set_editable (self->remarks_view, coach);
  gtk_text_view_set_cursor_visible (self->remarks_view, coach);
  gtk_widget_set_visible (GTK_WIDGET (self->save_result_button), coach);
  gtk_widget_set_visible (GTK_WIDGET (self->add_list), coach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "jury.save-result", coach);
  gtk_label_set_text (self->session_note_label,
                      coach ? _("Saved as you type. The candidate receives the session with your "
                                "next file.")
                            : _("Your accompagnatrice keeps the session; it comes with her "
                                "files."));
  _acq_jury_window_oral_apply_role (self);
  _acq_jury_window_documents_apply_role (self);
  gtk_label_set_text (self->result_note_label,
                      coach ? _("Enter the jury's decision per bloc. Saving moves the candidate "
                                "to the stage that follows.")
                            : _("Your accompagnatrice enters the jury's decision."));
}

/**
 * acq_jury_window_new:
 * @parent: the window it is over
 * @store: the store
 * @candidate: whose jury
 * @role: the coach keeps the session and the result; the candidate ticks the hand items
 *
 * Returns: (transfer none): the window, shown
 */
AcqJuryWindow *
acq_jury_window_new (GtkWindow *parent, AcqStore *store, AcqCandidate *candidate, AcqRole role)
{
  AcqJuryWindow *self;

  g_return_val_if_fail (ACQ_IS_STORE (store) && ACQ_IS_CANDIDATE (candidate), NULL);
  self = g_object_new (ACQ_TYPE_JURY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->candidate_uuid = g_strdup (acq_candidate_get_uuid (candidate));
  self->role = role;
  self->candidate_name = acq_candidate_dup_display_name (candidate);
  adw_view_switcher_title_set_subtitle (self->switcher_title, self->candidate_name);
  adw_view_switcher_title_set_title (self->switcher_title, _("Jury"));
  apply_role (self);
  self->loading = FALSE;
  load_session (self);
  load_checklist (self);
  load_result (self);
  _acq_jury_window_oral_load (self);
  _acq_jury_window_documents_load (self);
  draw_questions (self);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  hide_switcher_icons (GTK_WIDGET (self->switcher_title));
  hide_switcher_icons (GTK_WIDGET (self->switcher_bar));
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
