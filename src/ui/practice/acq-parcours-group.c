/* acq-parcours-group.c — a candidate's dated parcours, on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events are read from the store each time it says it changed (AcqStore::changed): an
 * event added here, the stage set in the row above (acq-candidate-list.c records its event),
 * an import. The rows are built again only when what they show differs, so that a save of the
 * page while the user types does not move the focus. After a change the group emits
 * AcqParcoursGroup::changed: the stage may have followed, and the page reads it again.
 */
#define G_LOG_DOMAIN "acq-parcours-group"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-parcours.h"
#include "acq-parcours-event-dialog.h"
#include "acq-parcours-group.h"
#include "acq-practice-date.h"
#include "acq-toast.h"

struct _AcqParcoursGroup
{
  AdwPreferencesGroup parent_instance;

  /* template children, alphabetical */
  GtkButton          *add_button;
  GtkListBox         *events_list;

  AcqStore           *store;
  char               *candidate_uuid;
  GPtrArray          *events;    /* AcqParcoursEvent, as shown */
  char               *signature; /* what the rows show, to build them only when it changes */
  gboolean            editable;
};

G_DEFINE_FINAL_TYPE (AcqParcoursGroup, acq_parcours_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (AcqParcoursGroup *self);

static char *
event_title (const AcqParcoursEvent *event)
{
  if (event->kind == ACQ_PARCOURS_ADMISSIBILITY_DECIDED &&
      event->decision != ACQ_PARCOURS_DECISION_NONE)
    return g_strdup_printf ("%s — %s", acq_parcours_kind_label (event->kind),
                            acq_parcours_decision_label (event->decision));
  return g_strdup (acq_parcours_kind_label (event->kind));
}

static char *
event_subtitle (const AcqParcoursEvent *event)
{
  g_autofree char *day = acq_practice_date_label (&event->date);
  GString *subtitle = g_string_new (NULL);

  /* Translators: an event of the parcours still to come, on that day */
  g_string_append_printf (subtitle, event->planned ? _("Planned for %s") : "%s", day);
  if (event->note[0] != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (event->note, "\n", 2);

      g_string_append_printf (subtitle, " · %s", lines[0]);
    }
  return g_string_free (subtitle, FALSE);
}

static void
on_delete_clicked_cb (AcqParcoursGroup *self, GtkButton *button)
{
  const AcqParcoursEvent *event = g_object_get_data (G_OBJECT (button), "event");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;

  if (event == NULL || !acq_parcours_delete (self->store, event->uuid, &error))
    {
      if (error != NULL)
        acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  what = event_title (event);
  title = g_strdup_printf (_("“%s” deleted"), what);
  acq_undelete_toast_show (GTK_WIDGET (self), title, 0, self->store, event->uuid,
                           acq_parcours_undelete, NULL);
  reload (self);
}

static GtkWidget *
create_row (AcqParcoursGroup *self, const AcqParcoursEvent *event)
{
  g_autofree char *title = event_title (event);
  g_autofree char *subtitle = event_subtitle (event);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  icon = gtk_image_new_from_icon_name (event->planned ? "alarm-symbolic"
                                                      : "object-select-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (self->editable)
    {
      g_autofree char *name = g_strdup_printf (_("Delete “%s”"), title);
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data (G_OBJECT (button), "event", (gpointer) event);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  g_object_set_data (G_OBJECT (row), "event", (gpointer) event);
  return row;
}

static char *
signature_of (AcqParcoursGroup *self, GPtrArray *events)
{
  GString *out = g_string_new (self->editable ? "e" : "r");

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const AcqParcoursEvent *e = g_ptr_array_index (events, i);

      g_string_append_printf (out, "\x1f%s\x1e%d\x1e%u\x1e%d\x1e%d\x1e%s", e->uuid, e->kind,
                              g_date_get_julian (&e->date), e->planned, e->decision, e->note);
    }
  return g_string_free (out, FALSE);
}

static void
reload (AcqParcoursGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *signature = NULL;
  GtkWidget *child;
  gboolean first;

  if (self->store != NULL && self->candidate_uuid != NULL &&
      (events = acq_parcours_list (self->store, self->candidate_uuid, &error)) == NULL)
    {
      g_warning ("Could not read the parcours: %s", error->message);
      return;
    }
  signature = signature_of (self, events);
  if (g_strcmp0 (signature, self->signature) == 0)
    return;
  first = self->signature == NULL;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->events_list))) != NULL)
    gtk_list_box_remove (self->events_list, child);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events ? g_steal_pointer (&events)
                        : g_ptr_array_new_with_free_func ((GDestroyNotify) acq_parcours_event_free);
  for (guint i = 0; i < self->events->len; i++)
    gtk_list_box_append (self->events_list, create_row (self, g_ptr_array_index (self->events, i)));
  if (!first)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_store_changed_cb (AcqParcoursGroup *self)
{
  reload (self);
}

static void
open_dialog (AcqParcoursGroup *self, const AcqParcoursEvent *event)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || !self->editable)
    return;
  acq_parcours_event_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 self->candidate_uuid, event);
}

static void
on_events_list_row_activated_cb (AcqParcoursGroup *self, GtkListBoxRow *row)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "event"));
}

static void
add_action (GtkWidget *widget, const char *action, GVariant *param)
{
  open_dialog (ACQ_PARCOURS_GROUP (widget), NULL);
}

static void
acq_parcours_group_dispose (GObject *object)
{
  AcqParcoursGroup *self = ACQ_PARCOURS_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_PARCOURS_GROUP);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  G_OBJECT_CLASS (acq_parcours_group_parent_class)->dispose (object);
}

static void
acq_parcours_group_class_init (AcqParcoursGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_parcours_group_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-parcours-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, AcqParcoursGroup, events_list);
  gtk_widget_class_bind_template_callback (widget_class, on_events_list_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "parcours.add", NULL, add_action);

  /**
   * AcqParcoursGroup::changed:
   *
   * The parcours changed, here or elsewhere: the candidate's stage may have followed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
acq_parcours_group_init (AcqParcoursGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No event yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->events_list, placeholder);
  self->editable = TRUE;
}

/**
 * acq_parcours_group_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate_uuid: (nullable): whose parcours to show
 */
void
acq_parcours_group_set_candidate (AcqParcoursGroup *self, AcqStore *store,
                                  const char *candidate_uuid)
{
  g_return_if_fail (ACQ_IS_PARCOURS_GROUP (self));

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
 * acq_parcours_group_set_editable:
 * @self: the group
 * @editable: %FALSE for the candidate, who reads their parcours
 */
void
acq_parcours_group_set_editable (AcqParcoursGroup *self, gboolean editable)
{
  g_return_if_fail (ACQ_IS_PARCOURS_GROUP (self));
  self->editable = editable;
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parcours.add", editable);
  g_clear_pointer (&self->signature, g_free);
  reload (self);
}
