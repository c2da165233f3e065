/* acq-rubric-view.c — one rubric of an example: its guidance, its text, its comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-rubric-view"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-toast.h"
#include "acq-anchor.h"
#include "acq-comment.h"
#include "acq-people-text.h"
#include "acq-review.h"
#include "acq-rubric-view.h"
#include "acq-spell-text.h"
#include "acq-text.h"

struct _AcqRubricView
{
  GtkBox        parent_instance;

  /* template children, alphabetical */
  GtkButton    *add_comment_button;
  GtkMenuButton *comment_button;
  GtkPopover   *comment_popover;
  GtkTextView  *comment_view;
  GtkListBox   *comments_list;
  GtkLabel     *count_label;
  GtkExpander  *examples_expander;
  GtkLabel     *examples_label;
  GtkLabel     *heading_label;
  GtkLabel     *prompt_label;
  GtkLabel     *quote_label;
  GtkTextView  *text_view;

  AcqPeopleText *people;      /* (unowned): the text view's */
  AcqRubric     rubric;
  AcqRole       role; /* who writes the comments: bound from the window's */
  AcqSheetList *list;
  AcqSheet     *sheet;
  GPtrArray    *comments;      /* AcqComment of this rubric, threads first then replies */
  GHashTable   *moved;         /* AcqComment * whose anchor changed and is not stored yet */
  GtkTextTag   *anchor_tag;
  char         *text;          /* the buffer's text, kept to spare copies on each key */
  gboolean      tagged;        /* some words carry the commented tag */
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (AcqRubricView, acq_rubric_view, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static void rebuild_comments (AcqRubricView *self);

AcqRubricView *
acq_rubric_view_new (AcqRubric rubric)
{
  AcqRubricView *self = g_object_new (ACQ_TYPE_RUBRIC_VIEW, NULL);

  self->rubric = rubric;
  gtk_label_set_text (self->heading_label, acq_rubric_label (rubric));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, acq_rubric_label (rubric), -1);
  return self;
}

AcqRubric
acq_rubric_view_get_rubric (AcqRubricView *self)
{
  g_return_val_if_fail (ACQ_IS_RUBRIC_VIEW (self), 0);
  return self->rubric;
}

/**
 * acq_rubric_view_set_guidance:
 * @self: the view
 * @guidance: what the jury looks for, per rubric
 *
 * Shows the rubric's heading as the dossier words it and the prompt under it.
 */
void
acq_rubric_view_set_guidance (AcqRubricView *self, AcqGuidance *guidance)
{
  const char *title = acq_guidance_get_rubric_title (guidance, self->rubric);
  g_autofree char *heading = g_strdup_printf ("%d. %s", self->rubric + 1, title);

  const char *const *examples = acq_guidance_get_rubric_examples (guidance, self->rubric);
  g_autoptr (GString) points = g_string_new (NULL);

  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->prompt_label, acq_guidance_get_rubric_prompt (guidance, self->rubric));
  /* the points a good answer covers, one bullet each, folded until asked for */
  for (guint i = 0; examples != NULL && examples[i] != NULL; i++)
    g_string_append_printf (points, "%s• %s", i > 0 ? "\n" : "", examples[i]);
  gtk_label_set_text (self->examples_label, points->str);
  gtk_widget_set_visible (GTK_WIDGET (self->examples_expander), points->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  acq_guidance_get_rubric_prompt (guidance, self->rubric), -1);
}

static void
update_count (AcqRubricView *self)
{
  guint words = acq_text_count_words (self->text);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                                         words), words);

  gtk_label_set_text (self->count_label, label);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_buffer_changed_cb (AcqRubricView *self, GtkTextBuffer *buffer)
{
  g_free (self->text);
  self->text = buffer_text (buffer);
  update_count (self);
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_selection_changed_cb (AcqRubricView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_set_sensitive (GTK_WIDGET (self->comment_button),
                            self->sheet != NULL && gtk_text_buffer_get_has_selection (buffer));
}

void
acq_rubric_view_set_text (AcqRubricView *self, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int cursor;

  g_return_if_fail (ACQ_IS_RUBRIC_VIEW (self));
  if (g_strcmp0 (self->text, text) == 0)
    return;
  /* a text read again from the store keeps the cursor where it was, as far as it goes */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&iter);
  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  self->loading = FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
  acq_rubric_view_refresh_anchors (self);
}

char *
acq_rubric_view_dup_text (AcqRubricView *self)
{
  g_return_val_if_fail (ACQ_IS_RUBRIC_VIEW (self), NULL);
  return g_strdup (self->text ? self->text : "");
}

/* Anchors: the commented words are found again after each pause in the typing */

static gboolean
is_thread (const AcqComment *comment)
{
  return comment->parent_uuid == NULL;
}

/**
 * acq_rubric_view_refresh_anchors:
 * @self: the view
 *
 * Finds the words each open comment is about in the text as it is now and highlights them. A
 * comment whose words were deleted becomes a comment on the whole rubric: never lost.
 */
void
acq_rubric_view_refresh_anchors (AcqRubricView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  /* Removing a tag from the whole buffer redraws all its text: only when there is one. */
  if (self->tagged)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->anchor_tag, &start, &end);
      self->tagged = FALSE;
    }
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      AcqComment *comment = g_ptr_array_index (self->comments, i);
      g_autoptr (AcqAnchor) anchor = NULL;
      int from, to;

      if (!is_thread (comment) || comment->quote == NULL)
        continue;
      anchor = acq_anchor_new_from_parts (comment->quote, comment->prefix, comment->suffix,
                                          comment->anchor_start, comment->anchor_end);
      if (!acq_anchor_resolve (anchor, self->text ? self->text : "", &from, &to))
        {
          acq_comment_set_anchor (comment, NULL, 0, 0, NULL, NULL);
          g_hash_table_add (self->moved, comment);
          continue;
        }
      if (from != comment->anchor_start || to != comment->anchor_end)
        {
          g_autoptr (AcqAnchor) now = acq_anchor_new (self->text, from, to);
          acq_comment_set_anchor (comment, acq_anchor_get_quote (now), from, to,
                                  acq_anchor_get_prefix (now), acq_anchor_get_suffix (now));
          g_hash_table_add (self->moved, comment);
        }
      if (!comment->resolved)
        {
          gtk_text_buffer_get_iter_at_offset (buffer, &start, from);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, to);
          gtk_text_buffer_apply_tag (buffer, self->anchor_tag, &start, &end);
          self->tagged = TRUE;
        }
    }
  if (g_hash_table_size (self->moved) > 0)
    rebuild_comments (self);
}

/**
 * acq_rubric_view_store_anchors:
 * @self: the view
 *
 * Stores where the comments' words now are, once the text they point into is stored.
 */
void
acq_rubric_view_store_anchors (AcqRubricView *self)
{
  AcqStore *store;
  GHashTableIter iter;
  gpointer comment;

  if (self->list == NULL || g_hash_table_size (self->moved) == 0)
    return;
  acq_rubric_view_refresh_anchors (self);
  store = acq_sheet_list_get_store (self->list);
  g_hash_table_iter_init (&iter, self->moved);
  while (g_hash_table_iter_next (&iter, &comment, NULL))
    {
      g_autoptr (GError) error = NULL;
      if (!acq_comment_update_anchor (store, comment, &error))
        g_warning ("Could not store where a comment points: %s", error->message);
    }
  g_hash_table_remove_all (self->moved);
}

/* Comments */

static void
load_comments (AcqRubricView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_hash_table_remove_all (self->moved);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_comment_free);
  if (self->sheet == NULL)
    return;
  all = acq_comment_list (acq_sheet_list_get_store (self->list),
                          acq_sheet_get_uuid (self->sheet), &error);
  if (all == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      AcqComment *comment = g_ptr_array_index (all, i);
      if (comment->rubric == self->rubric)
        g_ptr_array_add (self->comments, acq_comment_copy (comment));
    }
}

static char *
format_meta (const AcqComment *comment)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (comment->created_at, NULL);
  g_autoptr (GDateTime) local = when ? g_date_time_to_local (when) : NULL;
  g_autofree char *date = local ? g_date_time_format (local, "%-d %b %Y, %H:%M") : g_strdup ("");

  /* TRANSLATORS: who wrote a comment, and when */
  return g_strdup_printf (_("%s · %s"), acq_role_label (comment->author_role), date);
}

static GtkWidget *
comment_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static AcqComment *
find_comment (AcqRubricView *self, const char *uuid)
{
  for (guint i = 0; i < self->comments->len; i++)
    if (g_strcmp0 (((AcqComment *) g_ptr_array_index (self->comments, i))->uuid, uuid) == 0)
      return g_ptr_array_index (self->comments, i);
  return NULL;
}

static void
on_resolve_clicked_cb (AcqRubricView *self, GtkButton *button)
{
  AcqComment *comment = find_comment (self, g_object_get_data (G_OBJECT (button), "uuid"));
  g_autoptr (GError) error = NULL;

  if (comment == NULL)
    return;
  if (!acq_comment_set_resolved (acq_sheet_list_get_store (self->list), comment,
                                 !comment->resolved, &error))
    acq_toast_show (GTK_WIDGET (self), error->message);
  rebuild_comments (self);
  acq_rubric_view_refresh_anchors (self);
}

static void
on_reply_activate_cb (AcqRubricView *self, GtkEntry *entry)
{
  AcqComment *comment = find_comment (self, g_object_get_data (G_OBJECT (entry), "uuid"));
  const char *body = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr (GError) error = NULL;
  AcqComment *reply;

  if (comment == NULL || *body == '\0')
    return;
  reply = acq_comment_reply (acq_sheet_list_get_store (self->list), comment, self->role, body,
                             &error);
  if (reply == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  g_ptr_array_add (self->comments, reply);
  rebuild_comments (self);
}

static GtkWidget *
thread_row (AcqRubricView *self, AcqComment *thread)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *reply = gtk_entry_new ();
  GtkWidget *resolve = gtk_button_new_with_mnemonic (thread->resolved ? _("_Reopen")
                                                                       : _("_Resolve"));
  g_autofree char *quote = thread->quote
    ? g_strdup_printf (_("On “%s”"), thread->quote) : g_strdup (_("On the whole rubric"));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), comment_label (quote, "comment-quote"));
  for (guint i = 0; i < self->comments->len; i++)
    {
      AcqComment *c = g_ptr_array_index (self->comments, i);
      g_autofree char *meta = NULL;

      if (c != thread && g_strcmp0 (c->parent_uuid, thread->uuid) != 0)
        continue;
      meta = format_meta (c);
      gtk_box_append (GTK_BOX (box), comment_label (c->body, NULL));
      gtk_box_append (GTK_BOX (box), comment_label (meta, "dim-label"));
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (reply), _("Answer…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reply), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Answer"), -1);
  gtk_widget_set_hexpand (reply, TRUE);
  g_object_set_data_full (G_OBJECT (reply), "uuid", g_strdup (thread->uuid), g_free);
  g_object_set_data_full (G_OBJECT (resolve), "uuid", g_strdup (thread->uuid), g_free);
  g_signal_connect_object (reply, "activate", G_CALLBACK (on_reply_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (resolve, "clicked", G_CALLBACK (on_resolve_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (actions), reply);
  gtk_box_append (GTK_BOX (actions), resolve);
  gtk_box_append (GTK_BOX (box), actions);
  if (thread->resolved)
    gtk_widget_add_css_class (box, "resolved-comment");
  return box;
}

static void
rebuild_comments (AcqRubricView *self)
{
  GtkWidget *child;
  guint threads = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comments_list))) != NULL)
    gtk_list_box_remove (self->comments_list, child);
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      AcqComment *comment = g_ptr_array_index (self->comments, i);

      if (!is_thread (comment))
        continue;
      gtk_list_box_append (self->comments_list, thread_row (self, comment));
      threads++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comments_list), threads > 0);
}

static void
on_comment_popover_show_cb (AcqRubricView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *quote = NULL;
  g_autofree char *label = NULL;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  quote = gtk_text_iter_get_text (&start, &end);
  label = g_strdup_printf (_("On “%s”"), quote);
  gtk_label_set_text (self->quote_label, label);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), "", -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

/* The comment keeps the selected words, where they were, and a few words around them, so that
 * it stays on the same words whatever is typed before or inside them. */
static void
on_add_comment_button_clicked_cb (AcqRubricView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *body = buffer_text (gtk_text_view_get_buffer (self->comment_view));
  g_autoptr (AcqComment) comment = NULL;
  g_autoptr (AcqAnchor) anchor = NULL;
  g_autoptr (GError) error = NULL;
  GtkTextIter start, end;

  g_strstrip (body);
  if (*body == '\0' || self->sheet == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  anchor = acq_anchor_new (self->text, gtk_text_iter_get_offset (&start),
                           gtk_text_iter_get_offset (&end));
  comment = acq_comment_new (acq_sheet_get_uuid (self->sheet), self->rubric, self->role, body);
  acq_comment_set_anchor (comment, acq_anchor_get_quote (anchor), acq_anchor_get_start (anchor),
                          acq_anchor_get_end (anchor), acq_anchor_get_prefix (anchor),
                          acq_anchor_get_suffix (anchor));
  if (!acq_comment_insert (acq_sheet_list_get_store (self->list), comment, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_popover_popdown (self->comment_popover);
  g_ptr_array_add (self->comments, g_steal_pointer (&comment));
  rebuild_comments (self);
  acq_rubric_view_refresh_anchors (self);
}

/**
 * acq_rubric_view_set_sheet:
 * @self: the view
 * @list: the candidate's sheets
 * @sheet: the sheet whose rubric this is
 *
 * Loads the rubric's comments; the text comes with acq_rubric_view_set_text().
 */
void
acq_rubric_view_set_sheet (AcqRubricView *self, AcqSheetList *list, AcqSheet *sheet)
{
  g_return_if_fail (ACQ_IS_RUBRIC_VIEW (self));
  g_set_object (&self->list, list);
  g_set_object (&self->sheet, sheet);
  g_clear_pointer (&self->text, g_free);
  acq_people_text_set_candidate (
    self->people, list ? acq_sheet_list_get_store (list) : NULL,
    list ? acq_candidate_get_uuid (acq_sheet_list_get_candidate (list)) : NULL);
  load_comments (self);
  rebuild_comments (self);
}

static void
acq_rubric_view_dispose (GObject *object)
{
  AcqRubricView *self = ACQ_RUBRIC_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_RUBRIC_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->moved, g_hash_table_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  G_OBJECT_CLASS (acq_rubric_view_parent_class)->dispose (object);
}

static void
acq_rubric_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqRubricView *self = ACQ_RUBRIC_VIEW (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_rubric_view_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  AcqRubricView *self = ACQ_RUBRIC_VIEW (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      if (self->role != (AcqRole) g_value_get_enum (value))
        {
          self->role = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_rubric_view_class_init (AcqRubricViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_rubric_view_dispose;
  object_class->get_property = acq_rubric_view_get_property;
  object_class->set_property = acq_rubric_view_set_property;

  /**
   * AcqRubricView:role:
   *
   * Who uses Acquis: the author of the comments written here.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_CANDIDATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AcqRubricView::changed:
   *
   * The text was edited by the user (not when it is set with acq_rubric_view_set_text()).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-rubric-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, add_comment_button);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, comment_button);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, comment_popover);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, comment_view);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, comments_list);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, examples_expander);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, examples_label);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, quote_label);
  gtk_widget_class_bind_template_child (widget_class, AcqRubricView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_add_comment_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_comment_popover_show_cb);
}

static void
acq_rubric_view_init (AcqRubricView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->moved = g_hash_table_new (NULL, NULL);
  self->anchor_tag = gtk_text_buffer_create_tag (buffer, "commented", "underline",
                                                 PANGO_UNDERLINE_DOUBLE, "background-rgba",
                                                 &(GdkRGBA) { 0.96, 0.83, 0.18, 0.35 }, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment the Selection"), -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* French spelling in the rubric and in the comment written about it */
  acq_spell_text_attach (self->text_view);
  acq_spell_text_attach (self->comment_view);
  /* the names the outputs replace, and those not answered yet (after spelling: its menu) */
  self->people = acq_people_text_attach (self->text_view);
  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
}
