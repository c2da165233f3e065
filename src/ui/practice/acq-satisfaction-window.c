/* acq-satisfaction-window.c — a candidate's satisfaction questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for both roles, kept small. The candidate fills in hers, in her own copy: each
 * question scored from 1 to 5 (or left blank), a comment, the day; her answers go back to her
 * accompagnatrice in the .acquis exchange. The accompagnatrice sees the questionnaires received
 * for the candidate (the candidate's are read-only for her: the core refuses to change them),
 * types in a paper one, which is hers, and rewords, adds or retires the questions asked.
 */
#define G_LOG_DOMAIN "acq-satisfaction-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-practice-date.h"
#include "acq-satisfaction-window.h"
#include "acq-text.h"
#include "acq-toast.h"

struct _AcqSatisfactionWindow
{
  AdwWindow                parent_instance;

  /* template children, alphabetical */
  AdwPreferencesGroup     *answers_group;
  GtkTextView             *comment_view;
  AdwEntryRow             *date_row;
  GtkLabel                *error_label;
  AdwPreferencesGroup     *form_group;
  AdwPreferencesGroup     *questions_group;
  AdwToastOverlay         *toast_overlay;

  AcqStore                *store;
  char                    *candidate_uuid;
  AcqRole                  role;
  AcqSatisfactionResponse *response;   /* the one in the form */
  GPtrArray               *score_rows; /* AdwComboRow, one per score of the response */
  GPtrArray               *responses;  /* AcqSatisfactionResponse, as listed */
  GPtrArray               *extra_rows; /* GtkWidget, in the answers and questions groups */
};

G_DEFINE_FINAL_TYPE (AcqSatisfactionWindow, acq_satisfaction_window, ADW_TYPE_WINDOW)

static void reload_lists (AcqSatisfactionWindow *self);

static GtkWidget *
toast_widget (AcqSatisfactionWindow *self)
{
  return adw_toast_overlay_get_child (self->toast_overlay);
}

static void
show_error (AcqSatisfactionWindow *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Shows @response in the form (the window takes it). */
static void
load_form (AcqSatisfactionWindow *self, AcqSatisfactionResponse *response)
{
  g_autofree char *day = NULL;
  GDate date;

  for (guint i = 0; i < self->score_rows->len; i++)
    adw_preferences_group_remove (self->form_group, g_ptr_array_index (self->score_rows, i));
  g_ptr_array_set_size (self->score_rows, 0);
  g_clear_pointer (&self->response, acq_satisfaction_response_free);
  self->response = response;
  for (guint i = 0; i < response->scores->len; i++)
    {
      const AcqSatisfactionScore *score = g_ptr_array_index (response->scores, i);
      const char *choices[] = { _("No answer"), _("1 — Not at all satisfied"), "2", "3", "4",
                                _("5 — Very satisfied"), NULL };
      g_autoptr (GtkStringList) model = gtk_string_list_new (choices);
      g_autofree char *title = g_markup_escape_text (score->question_text, -1);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), CLAMP (score->score, 0, 5));
      adw_preferences_group_add (self->form_group, row);
      g_ptr_array_add (self->score_rows, row);
    }
  if (response->answered_on != NULL && acq_practice_date_parse (response->answered_on, &date))
    day = acq_practice_date_to_text (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day != NULL ? day : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view),
                            response->comment != NULL ? response->comment : "", -1);
  show_error (self, NULL);
}

static void
new_form (AcqSatisfactionWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = today_iso ();
  AcqSatisfactionResponse *response =
    acq_satisfaction_response_new (self->store, self->candidate_uuid, self->role, today, &error);

  if (response == NULL)
    acq_toast_show (toast_widget (self), error->message);
  else
    load_form (self, response);
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSatisfactionWindow *self = ACQ_SATISFACTION_WINDOW (widget);
  AcqSatisfactionResponse *response = self->response;
  g_autoptr (GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;
  GDate date;

  if (response == NULL)
    return;
  if (!acq_practice_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      show_error (self, _("The day of the answers is not a day of the calendar. Type it as "
                          "25/03/2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  g_free (response->answered_on);
  response->answered_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                           g_date_get_month (&date), g_date_get_day (&date));
  for (guint i = 0; i < self->score_rows->len && i < response->scores->len; i++)
    ((AcqSatisfactionScore *) response->scores->pdata[i])->score =
      adw_combo_row_get_selected (g_ptr_array_index (self->score_rows, i));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (response->comment);
  response->comment = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!acq_satisfaction_response_save (self->store, response, self->role, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  acq_toast_show (toast_widget (self), _("Questionnaire saved"));
  reload_lists (self);
}

static void
clear_extra_rows (AcqSatisfactionWindow *self)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->extra_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->extra_rows, 0);
}

static char *
dup_scores (const AcqSatisfactionResponse *response)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < response->scores->len; i++)
    {
      const AcqSatisfactionScore *score = g_ptr_array_index (response->scores, i);

      if (i > 0)
        g_string_append (text, " · ");
      if (score->score > 0)
        g_string_append_printf (text, "%d", score->score);
      else
        g_string_append (text, "–");
    }
  if (!acq_text_is_blank (response->comment))
    g_string_append_printf (text, " — %s", response->comment);
  return g_string_free (text, FALSE);
}

static void
on_answer_activated_cb (AcqSatisfactionWindow *self, AdwActionRow *row)
{
  const AcqSatisfactionResponse *response = g_object_get_data (G_OBJECT (row), "response");
  AcqSatisfactionResponse *copy = g_new0 (AcqSatisfactionResponse, 1);

  copy->uuid = g_strdup (response->uuid);
  copy->candidate_uuid = g_strdup (response->candidate_uuid);
  copy->author = response->author;
  copy->answered_on = g_strdup (response->answered_on);
  copy->comment = g_strdup (response->comment);
  copy->scores = g_ptr_array_ref (response->scores);
  load_form (self, copy);
}

static void
add_answer_row (AcqSatisfactionWindow *self, const AcqSatisfactionResponse *response)
{
  g_autofree char *scores = dup_scores (response);
  g_autofree char *subtitle = g_markup_escape_text (scores, -1);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GDate date;

  if (acq_practice_date_parse (response->answered_on, &date))
    day = acq_practice_date_label (&date);
  title = g_strdup_printf (response->author == ACQ_ROLE_CANDIDATE
                           /* TRANSLATORS: a questionnaire: the day, who filled it in */
                           ? _("%s, by the candidate") : _("%s, typed in from paper"),
                           day != NULL ? day : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  /* the candidate's answers are hers: shown, not edited */
  if (response->author == self->role)
    {
      g_object_set_data (G_OBJECT (row), "response", (gpointer) response);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_answer_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }
  adw_preferences_group_add (self->answers_group, row);
  g_ptr_array_add (self->extra_rows, row);
}

static void
on_question_applied_cb (AcqSatisfactionWindow *self, AdwEntryRow *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");
  g_autoptr (GError) error = NULL;

  if (!acq_satisfaction_set_question (self->store, uuid,
                                      gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      acq_toast_show (toast_widget (self), error->message);
      return;
    }
  if (self->response != NULL && self->response->uuid == NULL)
    new_form (self);
  reload_lists (self);
}

typedef struct
{
  AcqStore *store;
  char     *uuid;
  char     *text;
} Retired;

static void
retired_free (gpointer data)
{
  Retired *retired = data;

  g_object_unref (retired->store);
  g_free (retired->uuid);
  g_free (retired->text);
  g_free (retired);
}

static void
undo_retire (gpointer data)
{
  Retired *retired = data;

  acq_satisfaction_set_question (retired->store, retired->uuid, retired->text, NULL);
}

static void
on_retire_clicked_cb (AcqSatisfactionWindow *self, GtkButton *button)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "row");
  g_autoptr (GError) error = NULL;
  Retired *retired = g_new0 (Retired, 1);

  retired->store = g_object_ref (self->store);
  retired->uuid = g_strdup (g_object_get_data (G_OBJECT (row), "uuid"));
  retired->text = g_strdup (g_object_get_data (G_OBJECT (row), "text"));
  if (!acq_satisfaction_retire_question (self->store, retired->uuid, &error))
    {
      acq_toast_show (toast_widget (self), error->message);
      retired_free (retired);
      return;
    }
  acq_undo_toast_show (toast_widget (self), _("Question no longer asked"), 0, undo_retire, NULL,
                       retired, retired_free);
  if (self->response != NULL && self->response->uuid == NULL)
    new_form (self);
  reload_lists (self);
}

static void
add_question_row (AcqSatisfactionWindow *self, const AcqSatisfactionQuestion *question)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (question != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Question %u"), question->position);
      g_autofree char *label = g_strdup_printf (_("Stop Asking Question %u"), question->position);
      GtkWidget *retire = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (row), question->text);
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (question->uuid), g_free);
      g_object_set_data_full (G_OBJECT (row), "text", g_strdup (question->text), g_free);
      gtk_widget_set_valign (retire, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (retire, "flat");
      gtk_widget_set_tooltip_text (retire, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (retire), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (retire), "row", row);
      g_signal_connect_object (retire, "clicked", G_CALLBACK (on_retire_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), retire);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add a Question"));
  g_signal_connect_object (row, "apply", G_CALLBACK (on_question_applied_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->questions_group, row);
  g_ptr_array_add (self->extra_rows, row);
}

/* The questionnaires received and the questions asked: the coach's part of the window. */
static void
reload_lists (AcqSatisfactionWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) questions = NULL;

  clear_extra_rows (self);
  if (self->role != ACQ_ROLE_COACH)
    return;
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  if (!(self->responses = acq_satisfaction_list_responses (self->store, self->candidate_uuid,
                                                           &error)) ||
      !(questions = acq_satisfaction_list_questions (self->store, &error)))
    {
      acq_toast_show (toast_widget (self), error->message);
      return;
    }
  for (guint i = 0; i < self->responses->len; i++)
    add_answer_row (self, g_ptr_array_index (self->responses, i));
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), self->responses->len > 0);
  for (guint i = 0; i < questions->len; i++)
    add_question_row (self, g_ptr_array_index (questions, i));
  add_question_row (self, NULL);
}

static void
acq_satisfaction_window_dispose (GObject *object)
{
  AcqSatisfactionWindow *self = ACQ_SATISFACTION_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_SATISFACTION_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_pointer (&self->response, acq_satisfaction_response_free);
  g_clear_pointer (&self->score_rows, g_ptr_array_unref);
  g_clear_pointer (&self->responses, g_ptr_array_unref);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_satisfaction_window_parent_class)->dispose (object);
}

static void
acq_satisfaction_window_class_init (AcqSatisfactionWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_satisfaction_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-satisfaction-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, answers_group);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, comment_view);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, form_group);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, questions_group);
  gtk_widget_class_bind_template_child (widget_class, AcqSatisfactionWindow, toast_overlay);
  gtk_widget_class_install_action (widget_class, "satisfaction.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "satisfaction.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_satisfaction_window_init (AcqSatisfactionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->score_rows = g_ptr_array_new ();
  self->extra_rows = g_ptr_array_new ();
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
}

/**
 * acq_satisfaction_window_new:
 * @parent: the main window
 * @store: the store
 * @candidate_uuid: whose accompaniment
 * @role: who uses Acquis: the candidate sees her own questionnaire; the accompagnatrice a new
 *   paper one, the questionnaires received and the questions
 *
 * Returns: (transfer none): the window, shown
 */
AcqSatisfactionWindow *
acq_satisfaction_window_new (GtkWindow *parent, AcqStore *store, const char *candidate_uuid,
                             AcqRole role)
{
  AcqSatisfactionWindow *self;

  g_return_val_if_fail (ACQ_IS_STORE (store) && candidate_uuid != NULL, NULL);
  self = g_object_new (ACQ_TYPE_SATISFACTION_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->candidate_uuid = g_strdup (candidate_uuid);
  self->role = role;
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), role == ACQ_ROLE_COACH);
  if (role == ACQ_ROLE_COACH)
    gtk_window_set_title (GTK_WINDOW (self), _("Satisfaction — Paper Questionnaire"));
  else
    {
      /* hers, the latest she filled in, to change; or a new one */
      g_autoptr (GPtrArray) responses = acq_satisfaction_list_responses (store, candidate_uuid,
                                                                         NULL);

      for (guint i = responses != NULL ? responses->len : 0; i > 0; i--)
        {
          AcqSatisfactionResponse *response = g_ptr_array_index (responses, i - 1);

          if (response->author == ACQ_ROLE_CANDIDATE)
            {
              load_form (self, g_ptr_array_steal_index (responses, i - 1));
              break;
            }
        }
    }
  if (self->response == NULL)
    new_form (self);
  reload_lists (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
