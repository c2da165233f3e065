/* acq-livret-group.c — a candidate's livret de suivi on their page: the hours and the sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hours are those of acq_session_hours_get(): held, planned from now on, against the plan
 * of the quote (session_plan). Over the plan, a sentence says so: the bar's colour alone would
 * not reach everyone. As the parcours group does, the group reads the store again when it says
 * it changed (a session saved in its window, deleted, imported) and builds its rows again only
 * when what they show differs.
 */
#define G_LOG_DOMAIN "acq-livret-group"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "acq-livret-group.h"
#include "acq-practice-date.h"
#include "acq-practice-document.h"
#include "acq-session.h"
#include "acq-session-window.h"
#include "acq-toast.h"

struct _AcqLivretGroup
{
  AdwPreferencesGroup parent_instance;

  /* template children, alphabetical */
  GtkLevelBar        *hours_bar;
  GtkLabel           *hours_label;
  GtkLabel           *over_label;
  GtkButton          *plan_button;
  GtkSpinButton      *planned_spin;
  GtkListBox         *sessions_list;

  AcqStore           *store;
  char               *candidate_uuid;
  GPtrArray          *sessions;  /* AcqSession, as shown */
  char               *signature; /* what the rows show */
  AcqRole             role;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (AcqLivretGroup, acq_livret_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload (AcqLivretGroup *self);

/* "2 h", "1 h 30", "45 min" */
static char *
format_minutes (guint minutes)
{
  if (minutes < 60)
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (_("%u h"), minutes / 60);
  return g_strdup_printf (_("%u h %02u"), minutes / 60, minutes % 60);
}

static void
show_hours (AcqLivretGroup *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now (acq_session_get_time_zone ());
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;
  g_autofree char *ahead = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *over = NULL;
  AcqSessionHours hours;
  double max;

  if (self->store == NULL || self->candidate_uuid == NULL)
    return;
  if (!acq_session_hours_get (self->store, self->candidate_uuid, now, &hours, &error))
    {
      gtk_label_set_text (self->hours_label, error->message);
      return;
    }
  held = format_minutes (hours.held_minutes);
  ahead = format_minutes (hours.ahead_minutes);
  plan = format_minutes (hours.planned_minutes);
  if (hours.ahead_minutes > 0)
    /* Translators: the hours of the livret: held, planned ahead, and the plan of the quote */
    text = g_strdup_printf (_("%s held, %s planned ahead, of %s planned"), held, ahead, plan);
  else
    /* Translators: the hours of the livret: held, and the plan of the quote */
    text = g_strdup_printf (_("%s held, nothing planned ahead, of %s planned"), held, plan);
  if (!hours.has_plan)
    {
      char *with = g_strdup_printf (_("%s (the advised plan, until the quote's is set)"), text);
      g_free (text);
      text = with;
    }
  gtk_label_set_text (self->hours_label, text);
  max = MAX (hours.planned_minutes, hours.held_minutes) / 60.0;
  gtk_level_bar_set_max_value (self->hours_bar, MAX (max, 1));
  gtk_level_bar_set_value (self->hours_bar, hours.held_minutes / 60.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hours_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
  if (acq_session_hours_is_over_plan (&hours) && self->role != ACQ_ROLE_COACH)
    over = g_strdup_printf (_("Over the plan: %s held for %s planned."), held, plan);
  else if (acq_session_hours_is_over_plan (&hours))
    over = g_strdup_printf (_("Over the plan: %s held for %s planned. Review the planned hours "
                              "with the candidate, or make a new quote."), held, plan);
  else if (acq_session_hours_will_be_over_plan (&hours))
    over = g_strdup_printf (_("The sessions planned go over the plan of %s: move some, or "
                              "review the planned hours."), plan);
  gtk_label_set_text (self->over_label, over ? over : "");
  gtk_widget_set_visible (GTK_WIDGET (self->over_label), over != NULL);
  if (over != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->hours_bar), "over-plan");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->hours_bar), "over-plan");
  self->loading = TRUE;
  gtk_spin_button_set_value (self->planned_spin, hours.planned_minutes / 60.0);
  self->loading = FALSE;
}

static void
on_planned_spin_value_changed_cb (AcqLivretGroup *self)
{
  g_autoptr (GError) error = NULL;
  guint minutes = (guint) lround (gtk_spin_button_get_value (self->planned_spin) * 60);

  if (self->loading || self->store == NULL || self->candidate_uuid == NULL)
    return;
  if (!acq_session_set_planned_minutes (self->store, self->candidate_uuid, minutes, &error))
    acq_toast_show (GTK_WIDGET (self), error->message);
  show_hours (self);
}

/* Rows */

static char *
session_title (const AcqSession *session)
{
  GDate date;
  g_autofree char *day = NULL;

  if (!acq_practice_date_parse (session->date, &date))
    return g_strdup (session->date);
  day = acq_practice_date_label (&date);
  /* Translators: a session: its day, its start and end times */
  return g_strdup_printf (_("%s, %s–%s"), day, session->start_time, session->end_time);
}

static char *
session_subtitle (const AcqSession *session)
{
  g_autofree char *length = format_minutes (acq_session_get_minutes (session));
  GString *out = g_string_new (NULL);
  guint reached = 0;

  g_string_append_printf (out, "%s · %s · %s · %s",
                          session->held ? _("Held") : _("Planned"),
                          acq_session_kind_label (session->kind),
                          acq_session_mode_label (session->mode), length);
  for (guint i = 0; i < session->objectives->len; i++)
    if (((AcqSessionObjective *) g_ptr_array_index (session->objectives, i))->outcome ==
        ACQ_OBJECTIVE_REACHED)
      reached++;
  if (session->objectives->len > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " · %u of %u objective reached",
                                              " · %u of %u objectives reached",
                                              session->objectives->len),
                            reached, session->objectives->len);
  return g_string_free (out, FALSE);
}

static void
on_delete_clicked_cb (AcqLivretGroup *self, GtkButton *button)
{
  const AcqSession *session = g_object_get_data (G_OBJECT (button), "session");
  g_autoptr (GError) error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;

  if (session == NULL || !acq_session_delete (self->store, session->uuid, &error))
    {
      if (error != NULL)
        acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  what = session_title (session);
  title = g_strdup_printf (_("Session of %s deleted"), what);
  acq_undelete_toast_show (GTK_WIDGET (self), title, 0, self->store, session->uuid,
                           acq_session_undelete, NULL);
  reload (self);
}

/* The attendance sheet of a session held: one page, written at once into the file chosen. */
static void
on_attendance_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqLivretGroup *self)
{
  const char *date = g_object_get_data (G_OBJECT (chooser), "date");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  if (path != NULL && self->store != NULL && self->candidate_uuid != NULL)
    {
      if (acq_practice_document_write (self->store, ACQ_PRACTICE_DOCUMENT_ATTENDANCE,
                                       self->candidate_uuid, date, path, &error))
        acq_file_toast_show (GTK_WIDGET (self), _("Attendance sheet printed"), file);
      else
        acq_toast_show (GTK_WIDGET (self), error->message);
    }
  g_object_unref (chooser);
}

static void
on_print_clicked_cb (AcqLivretGroup *self, GtkButton *button)
{
  const AcqSession *session = g_object_get_data (G_OBJECT (button), "session");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (session == NULL)
    return;
  name = g_strdup_printf ("Feuille de présence - %s.pdf", session->date);
  chooser = gtk_file_chooser_native_new (_("Print the Attendance Sheet"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Print"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "date", g_strdup (session->date), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_attendance_chooser_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A flat button at the end of a session's row, named for the screen reader with the session. */
static void
add_row_button (AcqLivretGroup *self, GtkWidget *row, const AcqSession *session,
                const char *icon, const char *tooltip, const char *name, GCallback clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data (G_OBJECT (button), "session", (gpointer) session);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
create_row (AcqLivretGroup *self, const AcqSession *session)
{
  g_autofree char *title = session_title (session);
  g_autofree char *subtitle = session_subtitle (session);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (session->held ? "object-select-symbolic"
                                                                : "alarm-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (self->role == ACQ_ROLE_COACH && session->held)
    {
      g_autofree char *name = g_strdup_printf (_("Print the attendance sheet of %s"), title);
      add_row_button (self, row, session, "document-print-symbolic",
                      _("Print the Attendance Sheet"), name, G_CALLBACK (on_print_clicked_cb));
    }
  if (self->role == ACQ_ROLE_COACH)
    {
      g_autofree char *name = g_strdup_printf (_("Delete the session of %s"), title);
      add_row_button (self, row, session, "user-trash-symbolic", _("Delete"), name,
                      G_CALLBACK (on_delete_clicked_cb));
    }
  {
    GtkWidget *chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
    gtk_accessible_update_state (GTK_ACCESSIBLE (chevron), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron);
  }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "session", (gpointer) session);
  return row;
}

static char *
signature_of (AcqLivretGroup *self, GPtrArray *sessions)
{
  GString *out = g_string_new (self->role == ACQ_ROLE_COACH ? "c" : "r");

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const AcqSession *s = g_ptr_array_index (sessions, i);

      g_string_append_printf (out, "\x1f%s\x1e%s", s->uuid, s->updated_at);
    }
  return g_string_free (out, FALSE);
}

static void
reload (AcqLivretGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *signature = NULL;
  GtkWidget *child;

  show_hours (self);
  if (self->store != NULL && self->candidate_uuid != NULL &&
      (sessions = acq_session_list (self->store, self->candidate_uuid, &error)) == NULL)
    {
      g_warning ("Could not read the livret: %s", error->message);
      return;
    }
  signature = signature_of (self, sessions);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, child);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  self->sessions = sessions ? g_steal_pointer (&sessions)
                            : g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  for (guint i = 0; i < self->sessions->len; i++)
    gtk_list_box_append (self->sessions_list,
                         create_row (self, g_ptr_array_index (self->sessions, i)));
}

static void
on_store_changed_cb (AcqLivretGroup *self)
{
  reload (self);
}

static void
open_session (AcqLivretGroup *self, const AcqSession *session)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  acq_session_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, session,
                          self->role);
}

static void
on_sessions_list_row_activated_cb (AcqLivretGroup *self, GtkListBoxRow *row)
{
  const AcqSession *session = g_object_get_data (G_OBJECT (row), "session");

  if (session != NULL && self->store != NULL)
    open_session (self, session);
}

/* A new session is planned a week from today, 14:00 to 16:00, until the coach says when. */
static void
plan_session_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqLivretGroup *self = ACQ_LIVRET_GROUP (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now (acq_session_get_time_zone ());
  g_autoptr (GDateTime) day = g_date_time_add_days (now, 7);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr (AcqSession) session = NULL;

  if (self->store == NULL || self->candidate_uuid == NULL || self->role != ACQ_ROLE_COACH)
    return;
  session = acq_session_new (self->candidate_uuid, iso, "14:00", "16:00",
                             ACQ_SESSION_KIND_ACCOMPANIMENT);
  open_session (self, session);
}

static void
acq_livret_group_dispose (GObject *object)
{
  AcqLivretGroup *self = ACQ_LIVRET_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_LIVRET_GROUP);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  G_OBJECT_CLASS (acq_livret_group_parent_class)->dispose (object);
}

static void
acq_livret_group_class_init (AcqLivretGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_livret_group_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-livret-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, hours_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, hours_label);
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, over_label);
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, plan_button);
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, planned_spin);
  gtk_widget_class_bind_template_child (widget_class, AcqLivretGroup, sessions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_planned_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_list_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "livret.plan-session", NULL,
                                   plan_session_action);
}

static void
acq_livret_group_init (AcqLivretGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No session yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->sessions_list, placeholder);
  /* the bar's own offsets would colour it by thirds; only over the plan changes it */
  gtk_level_bar_remove_offset_value (self->hours_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->hours_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->hours_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  self->role = ACQ_ROLE_COACH;
}

/**
 * acq_livret_group_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate_uuid: (nullable): whose livret to show
 */
void
acq_livret_group_set_candidate (AcqLivretGroup *self, AcqStore *store,
                                const char *candidate_uuid)
{
  g_return_if_fail (ACQ_IS_LIVRET_GROUP (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  g_free (self->candidate_uuid);
  self->candidate_uuid = g_strdup (candidate_uuid);
  g_clear_pointer (&self->signature, g_free);
  reload (self);
}

/**
 * acq_livret_group_set_role:
 * @self: the group
 * @role: the coach keeps the livret; the candidate reads it and writes her personal work
 */
void
acq_livret_group_set_role (AcqLivretGroup *self, AcqRole role)
{
  g_return_if_fail (ACQ_IS_LIVRET_GROUP (self));
  self->role = role;
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), role == ACQ_ROLE_COACH);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "livret.plan-session",
                                 role == ACQ_ROLE_COACH);
  gtk_widget_set_sensitive (GTK_WIDGET (self->planned_spin), role == ACQ_ROLE_COACH);
  g_clear_pointer (&self->signature, g_free);
  reload (self);
}
