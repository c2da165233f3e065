/* acq-a11y.c — what screen readers need that the widgets do not give by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-a11y"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "acq-a11y.h"

/**
 * acq_a11y_hide_decorative_images:
 * @root: a widget
 *
 * libadwaita 1.2's entry and combo rows, and GTK's drop-downs, show an unnamed icon (the
 * pencil, the drop-down arrow) that screen readers announce as an unlabelled image. They only repeat what the
 * row's role already says, so they are marked hidden from assistive technologies, and kept
 * so when the row shows them again.
 */
static gboolean
hide_again_cb (gpointer data)
{
  g_autoptr (GtkWidget) image = g_weak_ref_get (data);

  if (image != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Showing a widget marks it not hidden (GTK 4.8), after "notify::visible": the pencil an
 * entry row shows again after an edit is hidden again once GTK is done. */
static void
on_decorative_image_visible_cb (GtkWidget *image)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, image);
  g_idle_add_full (G_PRIORITY_DEFAULT, hide_again_cb, ref, weak_ref_free);
}

void
acq_a11y_hide_decorative_images (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && (gtk_widget_get_ancestor (child, ADW_TYPE_ENTRY_ROW) != NULL ||
                                   gtk_widget_get_ancestor (child, ADW_TYPE_COMBO_ROW) != NULL ||
                                   gtk_widget_get_ancestor (child, GTK_TYPE_DROP_DOWN) != NULL))
        {
          gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          if (g_object_get_data (G_OBJECT (child), "acq-a11y-decorative") == NULL)
            {
              g_object_set_data (G_OBJECT (child), "acq-a11y-decorative", GINT_TO_POINTER (1));
              g_signal_connect (child, "notify::visible",
                                G_CALLBACK (on_decorative_image_visible_cb), NULL);
            }
        }
      else
        acq_a11y_hide_decorative_images (child);
    }
}

static void
update_stack_pages (GtkStack *stack)
{
  GtkWidget *visible = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                 child != visible, -1);
}

/**
 * acq_a11y_track_stack:
 * @stack: a stack
 *
 * GTK 4.8 shows the pages of a stack that are not on screen to assistive technologies as if
 * they were: a screen reader would read the "no results" page under the list of results.
 * The pages not shown are marked hidden, and kept so as the stack changes page.
 */
void
acq_a11y_track_stack (GtkStack *stack)
{
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_stack_pages), NULL);
  update_stack_pages (stack);
}

static gboolean
name_button_hook (GSignalInvocationHint *hint, guint n_values, const GValue *values,
                  gpointer data)
{
  GtkButton *button = g_value_get_object (&values[0]);
  const char *label = GTK_IS_BUTTON (button) ? gtk_button_get_label (button) : NULL;

  /* the label it shows names it already, without the underscore */
  if (label != NULL && gtk_button_get_use_underline (button) && strchr (label, '_') != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  return TRUE; /* stay installed */
}

/**
 * acq_a11y_name_mnemonic_buttons:
 *
 * GTK 4.8 names a button whose label has a mnemonic twice, the underscore kept: "_Resolve
 * Resolve" — its label property, as typed, then the label it shows, which the mnemonic makes
 * the button's "labelled by". Our own buttons, libadwaita's message dialogs and toasts all have
 * such labels, and the dialogs' and toasts' buttons are not ours to reach. So, once for the
 * application, every such button loses its label property when it is mapped: the label it
 * shows, "Resolve", names it alone.
 */
void
acq_a11y_name_mnemonic_buttons (void)
{
  /* the signal exists once the class is made; the class stays for the application's life */
  g_type_class_ref (GTK_TYPE_BUTTON);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, name_button_hook,
                              NULL, NULL);
}
