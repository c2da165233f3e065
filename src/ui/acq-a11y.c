/* acq-a11y.c — what screen readers need that the widgets do not give by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-a11y"

#include "config.h"

#include <adwaita.h>

#include "acq-a11y.h"

/**
 * acq_a11y_hide_decorative_images:
 * @root: a widget
 *
 * libadwaita 1.2's entry and combo rows show an unnamed icon (the pencil, the drop-down
 * arrow) that screen readers announce as an unlabelled image. They only repeat what the
 * row's role already says, so they are marked hidden from assistive technologies.
 */
void
acq_a11y_hide_decorative_images (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && (gtk_widget_get_ancestor (child, ADW_TYPE_ENTRY_ROW) != NULL ||
                                   gtk_widget_get_ancestor (child, ADW_TYPE_COMBO_ROW) != NULL))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
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
