/* acq-candidate-row.c — one candidate in the sidebar: name, stage, marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-candidate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate-row.h"
#include "acq-jury-checklist.h"
#include "acq-today.h"

/* What every row of one factory shares: the next deadline of each candidate and the count of
 * their jury checklist, read on the window's worker (acq-window-today.c) and handed here
 * whole, and the rows alive, to show them when they arrive. Counted: the rows and the factory
 * may go in either order. */
typedef struct
{
  GHashTable *deadlines;  /* candidate uuid → AcqDeadline, or NULL until read */
  GHashTable *jury_ready; /* candidate uuid → AcqJuryReadyCount, or NULL until read */
  GDate       today;
  GHashTable *rows;       /* AcqCandidateRow set */
} RowShared;

static void
row_shared_clear (RowShared *shared)
{
  g_clear_pointer (&shared->deadlines, g_hash_table_unref);
  g_clear_pointer (&shared->jury_ready, g_hash_table_unref);
  g_clear_pointer (&shared->rows, g_hash_table_unref);
}

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
  GtkWidget    *overdue_label;        /* NULL until a row needs it */

  RowShared    *shared;
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

/* An overdue deadline: a badge whose meaning is spoken, not only seen in red. */
static void
show_overdue (AcqCandidateRow *self, const AcqDeadline *deadline)
{
  gboolean overdue = deadline != NULL && deadline->severity == ACQ_DEADLINE_OVERDUE;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;

  if (self->overdue_label == NULL && !overdue)
    return;
  if (self->overdue_label == NULL)
    {
      /* Translators: the sidebar's narrow badge of a candidate with a deadline overdue */
      self->overdue_label = gtk_label_new (_("Overdue"));
      gtk_widget_add_css_class (self->overdue_label, "overdue-badge");
      gtk_widget_set_valign (self->overdue_label, GTK_ALIGN_CENTER);
      gtk_box_insert_child_after (GTK_BOX (self->box), self->overdue_label,
                                  GTK_WIDGET (self->label));
    }
  gtk_widget_set_visible (self->overdue_label, overdue);
  if (!overdue)
    return;
  when = acq_today_format_due (&deadline->due, &self->shared->today);
  /* TRANSLATORS: what a screen reader says of the overdue badge: what, and how late */
  name = g_strdup_printf (_("Deadline overdue: %s, %s"), acq_today_deadline_title (deadline),
                          when);
  gtk_widget_set_tooltip_text (self->overdue_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->overdue_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update (AcqCandidateRow *self)
{
  g_autofree char *name = acq_candidate_dup_display_name (self->candidate);
  g_autofree char *subtitle = acq_candidate_dup_subtitle (self->candidate);
  const char *uuid = acq_candidate_get_uuid (self->candidate);
  const AcqDeadline *deadline = NULL;
  const AcqJuryReadyCount *ready = NULL;
  g_autoptr (GString) lines = g_string_new (subtitle);
  g_autofree char *markup = NULL;

  if (self->shared->deadlines != NULL)
    deadline = g_hash_table_lookup (self->shared->deadlines, uuid);
  if (self->shared->jury_ready != NULL)
    ready = g_hash_table_lookup (self->shared->jury_ready, uuid);
  /* under the stage, where it is read with it; the label is what a screen reader says */
  if (ready != NULL &&
      acq_jury_ready_count_applies (ready, acq_candidate_get_stage (self->candidate)))
    {
      g_autofree char *text = acq_jury_ready_count_dup_text (ready->n_done, ready->n_items);

      g_string_append_printf (lines, "\n%s", text);
    }
  if (deadline != NULL)
    {
      g_autofree char *next = acq_today_dup_deadline_short (deadline);

      g_string_append_printf (lines, "\n%s", next);
    }
  markup = g_markup_printf_escaped ("%s\n<span size=\"small\" alpha=\"60%%\">%s</span>", name,
                                    lines->str);
  gtk_label_set_markup (self->label, markup);
  show_overdue (self, deadline);
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

  if (self->shared != NULL)
    {
      g_hash_table_remove (self->shared->rows, self);
      g_rc_box_release_full (g_steal_pointer (&self->shared), (GDestroyNotify) row_shared_clear);
    }
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
on_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RowShared *shared)
{
  AcqCandidateRow *row = g_object_new (ACQ_TYPE_CANDIDATE_ROW, NULL);

  row->shared = g_rc_box_acquire (shared);
  g_hash_table_add (shared->rows, row);
  gtk_list_item_set_child (item, GTK_WIDGET (row));
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

static void
release_shared (gpointer shared, GClosure *closure)
{
  g_rc_box_release_full (shared, (GDestroyNotify) row_shared_clear);
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
  RowShared *shared = g_rc_box_new0 (RowShared);

  shared->rows = g_hash_table_new (NULL, NULL);
  g_date_clear (&shared->today, 1);
  /* the closure holds the factory's reference */
  g_object_set_data (G_OBJECT (factory), "acq-row-shared", shared);
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_setup_cb), shared,
                         (GClosureNotify) release_shared, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  return factory;
}

/**
 * acq_candidate_row_factory_set_caseload:
 * @factory: a factory from acq_candidate_row_factory_new()
 * @deadlines: (element-type utf8 AcqDeadline): candidate uuid → their next deadline
 * @jury_ready: (nullable) (element-type utf8 AcqJuryReadyCount): candidate uuid → the count of
 *   their jury checklist
 * @today: the day they were computed for
 *
 * Each row shows under the stage "Ready for the jury: 7 of 9" when the jury concerns its
 * candidate, then the next deadline, and a badge when it is overdue. The tables are read on a
 * worker and handed here whole: no row reads the store.
 */
void
acq_candidate_row_factory_set_caseload (GtkListItemFactory *factory, GHashTable *deadlines,
                                        GHashTable *jury_ready, const GDate *today)
{
  RowShared *shared = g_object_get_data (G_OBJECT (factory), "acq-row-shared");
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (shared != NULL);
  g_clear_pointer (&shared->deadlines, g_hash_table_unref);
  shared->deadlines = deadlines ? g_hash_table_ref (deadlines) : NULL;
  g_clear_pointer (&shared->jury_ready, g_hash_table_unref);
  shared->jury_ready = jury_ready ? g_hash_table_ref (jury_ready) : NULL;
  shared->today = *today;
  g_hash_table_iter_init (&iter, shared->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (ACQ_CANDIDATE_ROW (row)->candidate != NULL)
      update (row);
}
