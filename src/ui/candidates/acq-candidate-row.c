/* acq-candidate-row.c — one candidate in the sidebar: name, stage, marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-candidate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate-row.h"

/* Built in code rather than from a template, with as few widgets as possible (one label for
 * both lines; the marks made only for the rows that show one): the sidebar makes a few dozen
 * rows before the window shows, and the start-up benchmark measured them as its largest cost. */
struct _AcqCandidateRow
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkLabel     *label;
  GtkWidget    *comments_label;       /* NULL until a row needs it */
  GtkWidget    *review_label;         /* NULL until a row needs it */
  GtkWidget    *accommodations_image; /* NULL until a row needs it */
  GtkWidget    *archived_image;       /* NULL until a row needs it */

  AcqCandidate *candidate;
  gulong        notify_id;
};

G_DEFINE_FINAL_TYPE (AcqCandidateRow, acq_candidate_row, GTK_TYPE_WIDGET)

static void
show_mark (AcqCandidateRow *self, GtkWidget **image, gboolean shown, const char *icon_name,
           const char *description)
{
  if (*image == NULL && !shown)
    return;
  if (*image == NULL)
    {
      *image = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_tooltip_text (*image, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      gtk_box_append (GTK_BOX (self->box), *image);
    }
  gtk_widget_set_visible (*image, shown);
}

static void
show_open_comments (AcqCandidateRow *self, guint count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *name = NULL;

  if (self->comments_label == NULL && count == 0)
    return;
  if (self->comments_label == NULL)
    {
      self->comments_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->comments_label, "open-comments");
      gtk_widget_set_valign (self->comments_label, GTK_ALIGN_CENTER);
      /* after the count to review, whichever came first */
      gtk_box_insert_child_after (GTK_BOX (self->box), self->comments_label,
                                  self->review_label != NULL ? self->review_label
                                                             : GTK_WIDGET (self->label));
    }
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment", "%u open comments",
                                       count), count);
  gtk_label_set_text (GTK_LABEL (self->comments_label), text);
  gtk_widget_set_tooltip_text (self->comments_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comments_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (self->comments_label, count > 0);
}

/* Sheets waiting for a review: the accompagnatrice's next reading, before the comments. */
static void
show_to_review (AcqCandidateRow *self, guint count)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (self->review_label == NULL && count == 0)
    return;
  if (self->review_label == NULL)
    {
      self->review_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->review_label, "to-review-count");
      gtk_widget_set_valign (self->review_label, GTK_ALIGN_CENTER);
      gtk_box_insert_child_after (GTK_BOX (self->box), self->review_label,
                                  GTK_WIDGET (self->label));
    }
  /* Translators: the number of sheets waiting for a review, in the sidebar's narrow badge */
  text = g_strdup_printf (_("%u to review"), count);
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet waits for a review",
                                       "%u sheets wait for a review", count), count);
  gtk_label_set_text (GTK_LABEL (self->review_label), text);
  gtk_widget_set_tooltip_text (self->review_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (self->review_label, count > 0);
}

static void
update (AcqCandidateRow *self)
{
  g_autofree char *name = acq_candidate_dup_display_name (self->candidate);
  g_autofree char *subtitle = acq_candidate_dup_subtitle (self->candidate);
  g_autofree char *markup =
    g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"60%%\">%s</span>", name,
                             subtitle);

  gtk_label_set_markup (self->label, markup);
  show_open_comments (self, acq_candidate_get_open_comments (self->candidate));
  show_to_review (self, acq_candidate_get_to_review (self->candidate));
  show_mark (self, &self->accommodations_image,
             *acq_candidate_get_text (self->candidate, ACQ_CANDIDATE_ACCOMMODATIONS) != '\0',
             "preferences-desktop-accessibility-symbolic", _("Needs accommodations"));
  show_mark (self, &self->archived_image, acq_candidate_get_archived (self->candidate),
             "folder-symbolic", _("Archived"));
}

static void
acq_candidate_row_init (AcqCandidateRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->label));
}

static void
acq_candidate_row_dispose (GObject *object)
{
  AcqCandidateRow *self = ACQ_CANDIDATE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (acq_candidate_row_parent_class)->dispose (object);
}

static void
acq_candidate_row_class_init (AcqCandidateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_candidate_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "candidaterow");
}

static void
bind (AcqCandidateRow *self, AcqCandidate *candidate)
{
  self->candidate = g_object_ref (candidate);
  self->notify_id = g_signal_connect_swapped (candidate, "notify", G_CALLBACK (update), self);
  update (self);
}

static void
unbind (AcqCandidateRow *self)
{
  if (self->candidate != NULL)
    g_clear_signal_handler (&self->notify_id, self->candidate);
  g_clear_object (&self->candidate);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_list_item_set_child (item, g_object_new (ACQ_TYPE_CANDIDATE_ROW, NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  bind (ACQ_CANDIDATE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  unbind (ACQ_CANDIDATE_ROW (gtk_list_item_get_child (item)));
}

/**
 * acq_candidate_row_factory_new:
 *
 * Returns: (transfer full): a factory that shows #AcqCandidate items as rows
 */
GtkListItemFactory *
acq_candidate_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  return factory;
}
