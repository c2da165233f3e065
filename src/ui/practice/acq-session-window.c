/* acq-session-window.c — one session of the livret de suivi, to plan, record or read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window edits a copy of the session and writes it with acq_session_save(), which checks
 * it whole (a day of the calendar, an end after the start): a refusal is said as a sentence at
 * the top and the window stays open. Closing it saves what was typed; if that cannot be saved
 * the window stays open too, and offers to discard the changes, so that nothing typed goes
 * without the user saying so. A candidate reads the session and writes only the personal work
 * (the merge takes nothing else from her file).
 */
#define G_LOG_DOMAIN "acq-session-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-attendance.h"
#include "acq-candidate-document.h"
#include "acq-practice-date.h"
#include "acq-session-window.h"
#include "acq-toast.h"

struct _AcqSessionWindow
{
  AdwWindow          parent_instance;

  /* template children, alphabetical */
  GtkButton         *add_objective_button;
  AdwPreferencesGroup *attendance_group;
  AdwComboRow       *attendance_row;
  GtkCalendar       *calendar;
  GtkMenuButton     *date_button;
  AdwEntryRow       *date_row;
  GtkTextView       *difficulties_view;
  GtkButton         *discard_button;
  AdwEntryRow       *end_row;
  GtkLabel          *error_label;
  GtkSwitch         *held_switch;
  AdwComboRow       *kind_row;
  AdwComboRow       *mode_row;
  AdwPreferencesGroup *notice_group;
  GtkListBox        *objectives_list;
  GtkTextView       *personal_view;
  AdwEntryRow       *place_row;
  GtkTextView       *points_view;
  GtkLabel          *read_only_label;
  AdwActionRow      *scan_row;
  AdwEntryRow       *start_row;
  GtkLabel          *warning_label;

  AcqStore          *store;
  AcqSession        *session; /* as loaded or last saved */
  AcqRole            role;
  gboolean           loading;
  gboolean           dirty;   /* something was typed since */
  GCancellable      *cancellable;
};

/* The attendance row's choices, in order. */
enum
{
  ATTENDANCE_NONE,
  ATTENDANCE_SIGNED,
  ATTENDANCE_UNSIGNED,
};

G_DEFINE_FINAL_TYPE (AcqSessionWindow, acq_session_window, ADW_TYPE_WINDOW)

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The notices above the fields: a refusal of the store, or what a candidate may change. */
static void
update_notices (AcqSessionWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->notice_group),
                          gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ||
                            gtk_widget_get_visible (GTK_WIDGET (self->read_only_label)));
}

static void
show_error (AcqSessionWindow *self, const char *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  update_notices (self);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

/* The 1–3 h advice, as the times are typed. */
static void
update_warning (AcqSessionWindow *self)
{
  g_autoptr (AcqSession) probe = NULL;
  g_autofree char *warning = NULL;
  GDate date;
  char iso[11] = "";

  if (acq_practice_date_parse (entry_text (self->date_row), &date))
    g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  probe = acq_session_new (self->session->candidate_uuid, iso, entry_text (self->start_row),
                           entry_text (self->end_row), self->session->kind);
  warning = acq_session_dup_warning (probe);
  gtk_label_set_text (self->warning_label, warning ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
}

static void
on_field_changed_cb (AcqSessionWindow *self)
{
  if (self->session == NULL)
    return; /* the template is being built */
  gtk_widget_set_visible (GTK_WIDGET (self->place_row),
                          adw_combo_row_get_selected (self->mode_row) ==
                            ACQ_SESSION_MODE_IN_PERSON);
  update_warning (self);
  if (!self->loading)
    self->dirty = TRUE;
}

/* Objectives */

static void
renumber_objectives (AcqSessionWindow *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *name = NULL;
      g_autofree char *outcome = NULL;
      g_autofree char *remove = NULL;
      GtkWidget *dropdown;

      if (!GTK_IS_LIST_BOX_ROW (row) || g_object_get_data (G_OBJECT (row), "entry") == NULL)
        continue;
      n++;
      name = g_strdup_printf (_("Objective %u"), n);
      outcome = g_strdup_printf (_("Outcome of objective %u"), n);
      remove = g_strdup_printf (_("Remove objective %u"), n);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "entry"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      dropdown = g_object_get_data (G_OBJECT (row), "outcome");
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      outcome, -1);
      /* GTK 4.8 leaves the drop-down's own button unnamed */
      for (GtkWidget *inner = gtk_widget_get_first_child (dropdown); inner != NULL;
           inner = gtk_widget_get_next_sibling (inner))
        if (GTK_IS_BUTTON (inner))
          gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          outcome, -1);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "remove"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
    }
}

static void
on_remove_objective_clicked_cb (AcqSessionWindow *self, GtkButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->objectives_list, row);
  renumber_objectives (self);
  self->dirty = TRUE;
}

static GtkWidget *
add_objective_row (AcqSessionWindow *self, const AcqSessionObjective *objective)
{
  g_autoptr (GtkStringList) outcomes = gtk_string_list_new (NULL);
  gboolean coach = self->role == ACQ_ROLE_COACH;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dropdown;
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  for (guint i = 0; i < ACQ_N_OBJECTIVE_OUTCOMES; i++)
    gtk_string_list_append (outcomes, acq_objective_outcome_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (outcomes)), NULL);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What the session aims at"));
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Objective"));
  if (objective != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), objective->text);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), objective->outcome);
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (objective->uuid), g_free);
    }
  gtk_editable_set_editable (GTK_EDITABLE (entry), coach);
  gtk_widget_set_sensitive (dropdown, coach);
  gtk_widget_set_visible (remove, coach);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_objective_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), dropdown);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  g_object_set_data (G_OBJECT (row), "outcome", dropdown);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_list_box_append (self->objectives_list, row);
  acq_a11y_hide_decorative_images (row);
  renumber_objectives (self);
  return entry;
}

static void
add_objective_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSessionWindow *self = ACQ_SESSION_WINDOW (widget);

  gtk_widget_grab_focus (add_objective_row (self, NULL));
  self->dirty = TRUE;
}

/* Saving */

static AcqSession *
session_from_fields (AcqSessionWindow *self, GError **error)
{
  g_autoptr (AcqSession) session = acq_session_copy (self->session);
  g_autofree char *points = buffer_text (self->points_view);
  g_autofree char *difficulties = buffer_text (self->difficulties_view);
  g_autofree char *personal = buffer_text (self->personal_view);
  GDate date;
  char iso[11];

  if (!acq_practice_date_parse (entry_text (self->date_row), &date))
    {
      g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_INVALID,
                           _("The date is not a day of the calendar. Type it as 25/03/2026, or "
                             "pick it in the calendar."));
      return NULL;
    }
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  acq_session_set_text (&session->date, iso);
  acq_session_set_text (&session->start_time, entry_text (self->start_row));
  acq_session_set_text (&session->end_time, entry_text (self->end_row));
  session->held = gtk_switch_get_active (self->held_switch);
  session->kind = adw_combo_row_get_selected (self->kind_row);
  session->mode = adw_combo_row_get_selected (self->mode_row);
  acq_session_set_text (&session->place, session->mode == ACQ_SESSION_MODE_IN_PERSON
                                           ? entry_text (self->place_row) : "");
  acq_session_set_text (&session->points_worked, points);
  acq_session_set_text (&session->difficulties, difficulties);
  acq_session_set_text (&session->personal_work, personal);
  g_ptr_array_set_size (session->objectives, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "entry");
      g_autofree char *text = NULL;
      AcqSessionObjective *objective;

      if (entry == NULL)
        continue;
      text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      if (*text == '\0')
        continue; /* an objective added and left empty */
      objective = acq_session_add_objective (
        session, text,
        gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (row), "outcome")));
      if (g_object_get_data (G_OBJECT (row), "uuid") != NULL) /* else the new one's */
        acq_session_set_text (&objective->uuid, g_object_get_data (G_OBJECT (row), "uuid"));
    }
  return g_steal_pointer (&session);
}

static gboolean
save (AcqSessionWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = session_from_fields (self, &error);

  if (session == NULL || !acq_session_save (self->store, session, &error))
    {
      show_error (self, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->discard_button), TRUE);
      return FALSE;
    }
  acq_session_free (self->session);
  self->session = g_steal_pointer (&session);
  self->dirty = FALSE;
  show_error (self, NULL);
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSessionWindow *self = ACQ_SESSION_WINDOW (widget);

  if (save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSessionWindow *self = ACQ_SESSION_WINDOW (widget);

  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing keeps what was typed: saved, or the window stays open with the reason. */
static gboolean
on_close_request_cb (AcqSessionWindow *self)
{
  if (!self->dirty)
    return FALSE;
  return !save (self);
}

/* Loading */

static void
set_buffer (GtkTextView *view, const char *text, gboolean editable)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
  gtk_text_view_set_editable (view, editable);
  gtk_text_view_set_cursor_visible (view, editable);
}

/* The attendance of a session held and stored: the coach's, read and written at once. */
static void
load_attendance (AcqSessionWindow *self)
{
  g_autoptr (AcqAttendance) attendance = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  const char *scan = NULL;
  gboolean shown = self->role == ACQ_ROLE_COACH && self->session->held &&
                   self->session->uuid != NULL && self->session->created_at != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), shown);
  if (!shown)
    return;
  attendance = acq_attendance_load (self->store, self->session->uuid, NULL);
  self->loading = TRUE;
  adw_combo_row_set_selected (self->attendance_row,
                              attendance == NULL ? ATTENDANCE_NONE
                              : attendance->is_signed ? ATTENDANCE_SIGNED
                              : ATTENDANCE_UNSIGNED);
  self->loading = FALSE;
  if (attendance != NULL && attendance->document_uuid != NULL &&
      (documents = acq_candidate_document_list (self->store, self->session->candidate_uuid,
                                                NULL)) != NULL)
    for (guint i = 0; i < documents->len; i++)
      {
        const AcqCandidateDocument *document = g_ptr_array_index (documents, i);

        if (g_strcmp0 (document->uuid, attendance->document_uuid) == 0)
          scan = acq_candidate_document_get_display_title (document);
      }
  adw_action_row_set_subtitle (self->scan_row,
                               scan != NULL ? scan : _("None: attach it once signed"));
}

static void
on_attendance_row_selected_cb (AcqSessionWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttendance) attendance = NULL;
  guint selected = adw_combo_row_get_selected (self->attendance_row);
  gboolean ok;

  if (self->loading || self->session == NULL || self->session->uuid == NULL)
    return;
  attendance = acq_attendance_load (self->store, self->session->uuid, NULL);
  if (selected == ATTENDANCE_NONE)
    ok = acq_attendance_forget (self->store, self->session->uuid, &error);
  else
    ok = acq_attendance_record (self->store, self->session->uuid, selected == ATTENDANCE_SIGNED,
                                attendance ? attendance->document_uuid : NULL, &error);
  if (!ok)
    acq_toast_show (GTK_WIDGET (self->notice_group), error->message);
  load_attendance (self);
}

static void
on_scan_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSessionWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateDocument) document = NULL;

  document = acq_candidate_document_add_finish (ACQ_STORE (source), result, &error);
  if (document == NULL || self->session == NULL ||
      !acq_attendance_record (self->store, self->session->uuid, TRUE, document->uuid, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        acq_toast_show (GTK_WIDGET (self->notice_group), error->message);
      return;
    }
  load_attendance (self);
}

static void
on_scan_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqSessionWindow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->session != NULL)
    acq_candidate_document_add_async (self->store, self->session->candidate_uuid,
                                      ACQ_CANDIDATE_DOCUMENT_OTHER, ACQ_ROLE_COACH, file,
                                      self->cancellable, on_scan_added_cb, g_object_ref (self));
  g_object_unref (chooser);
}

static void
attach_scan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSessionWindow *self = ACQ_SESSION_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach the Signed Attendance Sheet"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_scan_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
load (AcqSessionWindow *self)
{
  AcqSession *s = self->session;
  gboolean coach = self->role == ACQ_ROLE_COACH;
  GDate date;

  self->loading = TRUE;
  if (acq_practice_date_parse (s->date, &date))
    {
      g_autofree char *text = acq_practice_date_to_text (&date);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), s->start_time ? s->start_time : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), s->end_time ? s->end_time : "");
  gtk_switch_set_active (self->held_switch, s->held);
  adw_combo_row_set_selected (self->kind_row, s->kind);
  adw_combo_row_set_selected (self->mode_row, s->mode);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), s->place ? s->place : "");
  for (guint i = 0; i < s->objectives->len; i++)
    add_objective_row (self, g_ptr_array_index (s->objectives, i));
  set_buffer (self->points_view, s->points_worked, coach);
  set_buffer (self->difficulties_view, s->difficulties, coach);
  set_buffer (self->personal_view, s->personal_work, TRUE);

  for (guint i = 0; i < 4; i++)
    {
      AdwEntryRow *rows[] = { self->date_row, self->start_row, self->end_row, self->place_row };
      gtk_editable_set_editable (GTK_EDITABLE (rows[i]), coach);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), coach);
  gtk_widget_set_sensitive (GTK_WIDGET (self->held_switch), coach);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), coach);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_row), coach);
  gtk_widget_set_visible (GTK_WIDGET (self->add_objective_button), coach);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.add-objective", coach);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), !coach);
  update_notices (self);
  on_field_changed_cb (self);
  /* the entry rows' pencils exist once the rows hold a text */
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  self->loading = FALSE;
  self->dirty = FALSE;
  load_attendance (self);
}

static void
on_buffer_changed_cb (AcqSessionWindow *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
acq_session_window_dispose (GObject *object)
{
  AcqSessionWindow *self = ACQ_SESSION_WINDOW (object);

  /* destroyed without a close request (the application quits): what was typed is kept if the
   * store takes it */
  if (self->dirty && self->store != NULL && self->session != NULL && !save (self))
    g_warning ("A session's changes could not be saved as its window went");
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_SESSION_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->session, acq_session_free);
  G_OBJECT_CLASS (acq_session_window_parent_class)->dispose (object);
}

static void
acq_session_window_class_init (AcqSessionWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_session_window_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-session-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, add_objective_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, attendance_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, difficulties_view);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, discard_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, end_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, held_switch);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, notice_group);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, objectives_list);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, personal_view);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, points_view);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, scan_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSessionWindow, warning_label);
  gtk_widget_class_bind_template_callback (widget_class, on_attendance_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.attach-scan", NULL,
                                   attach_scan_action);
  gtk_widget_class_install_action (widget_class, "session.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "session.add-objective", NULL,
                                   add_objective_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_session_window_init (AcqSessionWindow *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) modes = gtk_string_list_new (NULL);
  const char *attendance[] = { _("Not recorded yet"), _("Recorded, signed"),
                               _("Recorded, not signed"), NULL };

  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr (GtkStringList) choices = gtk_string_list_new (attendance);

    adw_combo_row_set_model (self->attendance_row, G_LIST_MODEL (choices));
  }
  for (guint i = 0; i < ACQ_N_SESSION_KINDS; i++)
    gtk_string_list_append (kinds, acq_session_kind_label (i));
  for (guint i = 0; i < ACQ_N_SESSION_MODES; i++)
    gtk_string_list_append (modes, acq_session_mode_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  acq_practice_date_bind (self->date_row, self->calendar);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  {
    GtkTextView *views[] = { self->points_view, self->difficulties_view, self->personal_view };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                               G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  }
}

/**
 * acq_session_window_new:
 * @parent: the window it is over
 * @store: where the session is written
 * @session: the session to edit (a copy is taken), new or stored
 * @role: the coach edits it all; the candidate only the personal work
 *
 * Returns: (transfer none): the window, shown
 */
AcqSessionWindow *
acq_session_window_new (GtkWindow *parent, AcqStore *store, const AcqSession *session,
                        AcqRole role)
{
  AcqSessionWindow *self;

  g_return_val_if_fail (ACQ_IS_STORE (store) && session != NULL, NULL);
  self = g_object_new (ACQ_TYPE_SESSION_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->session = acq_session_copy (session);
  self->role = role;
  load (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
