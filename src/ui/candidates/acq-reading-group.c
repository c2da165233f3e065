/* acq-reading-group.c — a candidate's reading style for the printed outputs, on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accommodations above it say in words what the candidate needs; this group says it to
 * the outputs: large print on or off, the font, the size and the line spacing, saved as they
 * change (acq_reading_style_save(), which writes nothing when nothing changed). Both roles set
 * it: the candidate knows what she reads best, her accompagnatrice prints for her. The fonts
 * offered are those installed here; a family chosen on another machine and missing here stays
 * chosen, and says that it prints in the fallback sans. The group reads the store again when
 * it says it changed (an import), as the other groups of the page do.
 */
#define G_LOG_DOMAIN "acq-reading-group"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-reading-group.h"
#include "acq-reading-style.h"

struct _AcqReadingGroup
{
  AdwPreferencesGroup parent_instance;

  /* template children, alphabetical */
  AdwComboRow        *font_row;
  GtkSwitch          *large_print_switch;
  GtkSpinButton      *size_spin;
  AdwActionRow       *size_row;
  GtkSpinButton      *spacing_spin;
  AdwActionRow       *spacing_row;

  AcqStore           *store;
  char               *candidate_uuid;
  GPtrArray          *families; /* char *, the families of font_row's items, in order */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (AcqReadingGroup, acq_reading_group, ADW_TYPE_PREFERENCES_GROUP)

static void
update_sensitivity (AcqReadingGroup *self)
{
  gboolean on = gtk_switch_get_active (self->large_print_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->font_row), on);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), on);
  gtk_widget_set_sensitive (GTK_WIDGET (self->spacing_row), on);
}

/* The installed families, and @kept when it is not one of them. */
static void
fill_families (AcqReadingGroup *self, const char *kept)
{
  g_auto (GStrv) installed = acq_reading_style_list_families ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->families, 0);
  for (guint i = 0; installed[i] != NULL; i++)
    {
      g_ptr_array_add (self->families, g_strdup (installed[i]));
      gtk_string_list_append (labels, installed[i]);
    }
  if (kept != NULL && *kept != '\0' && !g_strv_contains ((const char *const *) installed, kept))
    {
      g_autofree char *label =
        /* Translators: a font chosen on another computer; %s is its name */
        g_strdup_printf (_("%s (not installed: printed in a standard sans)"), kept);

      g_ptr_array_add (self->families, g_strdup (kept));
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->font_row, G_LIST_MODEL (labels));
}

static gboolean
find_family (AcqReadingGroup *self, const char *family, guint *position)
{
  if (family == NULL || *family == '\0')
    family = ACQ_READING_DEFAULT_FAMILY;
  for (guint i = 0; i < self->families->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->families, i), family) == 0)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

/* @fresh: another candidate is shown; else the store changed, and a style switched off keeps
 * the rows as they were, so that switching it on again brings them back. */
static void
reload (AcqReadingGroup *self, gboolean fresh)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqReadingStyle) style = NULL;

  if (self->store == NULL || self->candidate_uuid == NULL)
    return;
  style = acq_reading_style_load (self->store, self->candidate_uuid, &error);
  if (error != NULL)
    g_warning ("Cannot read the reading style: %s", error->message);
  self->loading = TRUE;
  gtk_switch_set_active (self->large_print_switch, style != NULL);
  if (style != NULL || fresh)
    {
      const char *family = style != NULL ? style->family : NULL;
      guint position = 0;

      /* the fonts are listed once per candidate, and again for a family not in the list */
      if (fresh || !find_family (self, family, &position))
        fill_families (self, family);
      find_family (self, family, &position);
      adw_combo_row_set_selected (self->font_row, position);
      gtk_spin_button_set_value (self->size_spin,
                                 style != NULL ? style->size : ACQ_READING_DEFAULT_SIZE);
      gtk_spin_button_set_value (self->spacing_spin,
                                 style != NULL ? style->spacing : ACQ_READING_DEFAULT_SPACING);
    }
  self->loading = FALSE;
  update_sensitivity (self);
}

static void
save (AcqReadingGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqReadingStyle) style = NULL;
  guint selected = adw_combo_row_get_selected (self->font_row);

  update_sensitivity (self);
  if (self->loading || self->store == NULL || self->candidate_uuid == NULL)
    return;
  if (gtk_switch_get_active (self->large_print_switch))
    style = acq_reading_style_new (selected < self->families->len
                                   ? g_ptr_array_index (self->families, selected) : NULL,
                                   gtk_spin_button_get_value (self->size_spin),
                                   gtk_spin_button_get_value (self->spacing_spin));
  if (!acq_reading_style_save (self->store, self->candidate_uuid, style, &error))
    g_warning ("Cannot save the reading style: %s", error->message);
}

static void
on_large_print_switch_active_changed_cb (AcqReadingGroup *self)
{
  save (self);
}

static void
on_font_row_selected_changed_cb (AcqReadingGroup *self)
{
  save (self);
}

static void
on_size_spin_value_changed_cb (AcqReadingGroup *self)
{
  save (self);
}

static void
on_spacing_spin_value_changed_cb (AcqReadingGroup *self)
{
  save (self);
}

static void
on_store_changed_cb (AcqReadingGroup *self)
{
  reload (self, FALSE);
}

static void
acq_reading_group_dispose (GObject *object)
{
  AcqReadingGroup *self = ACQ_READING_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_READING_GROUP);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_pointer (&self->families, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_reading_group_parent_class)->dispose (object);
}

static void
acq_reading_group_class_init (AcqReadingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_reading_group_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-reading-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, font_row);
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, size_spin);
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, size_row);
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, AcqReadingGroup, spacing_row);
  gtk_widget_class_bind_template_callback (widget_class, on_font_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_large_print_switch_active_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spacing_spin_value_changed_cb);
}

static void
acq_reading_group_init (AcqReadingGroup *self)
{
  self->families = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the fonts are listed when a candidate is shown, not at start */
  update_sensitivity (self);
}

/**
 * acq_reading_group_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate_uuid: (nullable): whose reading style to show
 */
void
acq_reading_group_set_candidate (AcqReadingGroup *self, AcqStore *store,
                                 const char *candidate_uuid)
{
  g_return_if_fail (ACQ_IS_READING_GROUP (self));

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
  reload (self, TRUE);
}
