/* acq-conflict-window.c — a rubric changed on both sides: the two texts, and the user's choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-conflict-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-conflict-window.h"
#include "acq-diff.h"
#include "acq-package.h"

struct _AcqConflictWindow
{
  AdwWindow       parent_instance;

  /* template children, alphabetical */
  GtkButton      *blend_button;
  GtkTextView    *blend_view;
  GtkLabel       *error_label;
  GtkLabel       *heading_label;
  GtkButton      *mine_button;
  GtkTextView    *mine_view;
  GtkButton      *theirs_button;
  GtkTextView    *theirs_view;
  AdwWindowTitle *window_title;

  AcqStore       *store;
  GPtrArray      *conflicts; /* of AcqConflict, the first one shown */
};

G_DEFINE_FINAL_TYPE (AcqConflictWindow, acq_conflict_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each side shows its own text whole; the words the other side does not have are marked,
 * by an underline as well as a colour, so that they read without colour too. */
static void
show_side (GtkTextView *view, GPtrArray *spans, AcqDiffOp own, const char *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < spans->len; i++)
    {
      AcqDiffSpan *span = g_ptr_array_index (spans, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (span->op == ACQ_DIFF_EQUAL)
        gtk_text_buffer_insert (buffer, &end, span->text, -1);
      else if (span->op == own)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, span->text, -1, tag, NULL);
    }
}

static void
fill (AcqConflictWindow *self)
{
  AcqConflict *conflict = g_ptr_array_index (self->conflicts, 0);
  g_autoptr (GPtrArray) spans = acq_diff_words (conflict->mine ? conflict->mine : "",
                                                conflict->theirs ? conflict->theirs : "");
  g_autofree char *heading = g_strdup_printf ("%s — %s", acq_rubric_label (conflict->rubric),
                                              conflict->sheet_title);
  g_autofree char *count = g_strdup_printf (_("Conflict 1 of %u"), self->conflicts->len);

  gtk_label_set_text (self->heading_label, heading);
  adw_window_title_set_subtitle (self->window_title, count);
  show_side (self->mine_view, spans, ACQ_DIFF_DELETED, "only-here");
  show_side (self->theirs_view, spans, ACQ_DIFF_INSERTED, "only-there");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->blend_view),
                            conflict->mine ? conflict->mine : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Reads the conflicts again; closes the window once there are none left. */
static gboolean
reload (AcqConflictWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = acq_conflict_list (self->store, NULL, &error);

  if (conflicts == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  if (self->conflicts->len == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  fill (self);
  return TRUE;
}

static void
resolve (AcqConflictWindow *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqConflictWindow) hold = g_object_ref (self);
  AcqConflict *conflict;
  guint left;

  if (self->conflicts == NULL || self->conflicts->len == 0)
    return;
  conflict = g_ptr_array_index (self->conflicts, 0);
  if (!acq_conflict_resolve (self->store, conflict->uuid, text, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  left = self->conflicts->len - 1;
  g_signal_emit (self, signals[SIGNAL_RESOLVED], 0, left);
  if (reload (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->blend_view));
}

static void
on_mine_button_clicked_cb (AcqConflictWindow *self)
{
  AcqConflict *conflict = g_ptr_array_index (self->conflicts, 0);

  resolve (self, conflict->mine ? conflict->mine : "");
}

static void
on_theirs_button_clicked_cb (AcqConflictWindow *self)
{
  AcqConflict *conflict = g_ptr_array_index (self->conflicts, 0);

  resolve (self, conflict->theirs ? conflict->theirs : "");
}

static void
on_blend_button_clicked_cb (AcqConflictWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->blend_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  resolve (self, text);
}

/**
 * acq_conflict_window_new:
 * @parent: the main window
 * @store: the store, which keeps the conflicts
 *
 * Shows the conflicts of every candidate one after the other; each one settled emits
 * #AcqConflictWindow::resolved. The window closes when none is left.
 *
 * Returns: (transfer none) (nullable): the window, shown, or %NULL if there is no conflict
 */
AcqConflictWindow *
acq_conflict_window_new (GtkWindow *parent, AcqStore *store)
{
  AcqConflictWindow *self;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  self = g_object_new (ACQ_TYPE_CONFLICT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* GTK owns the window: once destroyed for want of conflicts, it is not to be touched */
  g_object_ref (self);
  if (!reload (self) && self->store == NULL)
    {
      g_object_unref (self);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (self));
  g_object_unref (self);
  return self;
}

static void
acq_conflict_window_dispose (GObject *object)
{
  AcqConflictWindow *self = ACQ_CONFLICT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_CONFLICT_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_conflict_window_parent_class)->dispose (object);
}


static void
acq_conflict_window_class_init (AcqConflictWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_conflict_window_dispose;

  /**
   * AcqConflictWindow::resolved:
   * @left: how many conflicts are still to resolve
   *
   * A conflict was settled: its rubric now holds the text chosen.
   */
  signals[SIGNAL_RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-conflict-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, blend_button);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, blend_view);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, mine_button);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, mine_view);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, theirs_view);
  gtk_widget_class_bind_template_child (widget_class, AcqConflictWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_blend_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mine_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_theirs_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acq_conflict_window_init (AcqConflictWindow *self)
{
  GtkTextBuffer *mine, *theirs;

  gtk_widget_init_template (GTK_WIDGET (self));
  mine = gtk_text_view_get_buffer (self->mine_view);
  theirs = gtk_text_view_get_buffer (self->theirs_view);
  gtk_text_buffer_create_tag (mine, "only-here", "underline", PANGO_UNDERLINE_DOUBLE,
                              "background-rgba", &(GdkRGBA) { 0.96, 0.76, 0.07, 0.3 }, NULL);
  gtk_text_buffer_create_tag (theirs, "only-there", "underline", PANGO_UNDERLINE_SINGLE,
                              "background-rgba", &(GdkRGBA) { 0.2, 0.82, 0.48, 0.3 }, NULL);
}
