/* acq-spell-text.c — French spell checking of a text view, off the typing path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key typed only marks where the text changed (two marks, moved at most): nothing is
 * checked while the user types. After a pause of ACQ_SPELL_PAUSE_MS, the words around the
 * changes are checked at low priority, a slice of ACQ_SPELL_SLICE_MS at a time, and stop as
 * soon as a key comes; the misspelt words carry a red wavy underline (a tag, never a change of
 * the text). The dictionary, a tenth of a second or more to load, loads once on a worker,
 * when there is a first text to check.
 *
 * The context menu (right click, Shift+F10 or the Menu key) offers, for a misspelt word under
 * the pointer or at the cursor, the dictionary's suggestions, "Add to My Words" (Enchant's own
 * list, kept for this user) and "Ignore" (until Acquis quits). A suggestion replaces the word
 * as one user action: one Undo puts it back, and autosave sees it as any edit.
 *
 * The switch is the "spell-check" setting (Preferences); without a French dictionary nothing
 * is underlined, and Preferences says why.
 */
#define G_LOG_DOMAIN "acq-spell-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "acq-application.h"
#include "acq-spell-text.h"

struct _AcqSpellText
{
  GObject             parent_instance;

  GtkTextView        *view;        /* (unowned): the view owns this object */
  GtkTextBuffer      *buffer;
  GtkTextTag         *tag;
  GtkTextMark        *dirty_start; /* NULL: nothing waits to be checked */
  GtkTextMark        *dirty_end;
  GtkTextMark        *typing;      /* (nullable): the start of the word being typed, left
                                    * unchecked until the cursor leaves it */
  GtkTextMark        *word_start;  /* the misspelt word the menu is about */
  GtkTextMark        *word_end;
  char               *word;
  GMenu              *menu;
  GSimpleActionGroup *actions;
  GSettings          *settings;
  gint64              last_change;
  guint               timeout_id;
  guint               idle_id;
  gboolean            enabled;
  gboolean            tagged;      /* some words carry the tag */
};

G_DEFINE_FINAL_TYPE (AcqSpellText, acq_spell_text, G_TYPE_OBJECT)

/* The process's checker (acq_spell_checker_get_default(), which the dossier's rule on people's
 * names shares), loaded on a worker; here, used once loaded. */
static gboolean checker_ready;
static gboolean checker_loading;
static GList *instances;          /* (element-type AcqSpellText) (unowned) */
static GPtrArray *pending_learn;  /* (element-type LearnItem): asked for before the load */

typedef struct
{
  AcqStore *store;               /* (nullable): words only */
  char     *certification_uuid;
  char     *words;               /* (nullable) */
} LearnItem;

static void recheck (AcqSpellText *self);

static void
learn_item_free (LearnItem *item)
{
  g_clear_object (&item->store);
  g_free (item->certification_uuid);
  g_free (item->words);
  g_free (item);
}

static void
learn_now (AcqStore *store, const char *certification_uuid)
{
  g_autoptr (GError) error = NULL;

  if (!acq_spell_checker_add_known_from_store (acq_spell_checker_get_default (), store,
                                               certification_uuid, &error))
    g_warning ("Could not read the words that spelling leaves alone: %s", error->message);
}

/**
 * acq_spell_text_get_checker:
 *
 * The application's checker, loaded now if the worker has not done it yet (it waits for it).
 *
 * Returns: (transfer none): the checker
 */
AcqSpellChecker *
acq_spell_text_get_checker (void)
{
  return acq_spell_checker_get_default ();
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  acq_spell_text_get_checker ();
  g_task_return_boolean (task, TRUE);
}

static void
on_checker_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  checker_ready = TRUE;
  checker_loading = FALSE;
  for (guint i = 0; pending_learn != NULL && i < pending_learn->len; i++)
    {
      LearnItem *item = g_ptr_array_index (pending_learn, i);

      if (item->store != NULL)
        learn_now (item->store, item->certification_uuid);
      if (item->words != NULL)
        acq_spell_checker_add_known_words (acq_spell_checker_get_default (), item->words);
    }
  g_clear_pointer (&pending_learn, g_ptr_array_unref);
  for (GList *l = instances; l != NULL; l = l->next)
    recheck (l->data);
}

static void
ensure_loading (void)
{
  g_autoptr (GTask) task = NULL;

  if (checker_ready || checker_loading)
    return;
  checker_loading = TRUE;
  task = g_task_new (NULL, NULL, on_checker_loaded_cb, NULL);
  g_task_set_name (task, "acq_spell_text_load");
  g_task_run_in_thread (task, load_thread);
}

/**
 * acq_spell_text_learn:
 * @store: the store
 * @certification_uuid: (nullable): a candidate's certification
 *
 * The wording of the certification and the names of the candidates in @store are never
 * flagged, in every view; the views already checked are checked again.
 */
void
acq_spell_text_learn (AcqStore *store, const char *certification_uuid)
{
  g_return_if_fail (ACQ_IS_STORE (store));
  if (!checker_ready)
    {
      LearnItem *item = g_new0 (LearnItem, 1);

      item->store = g_object_ref (store);
      item->certification_uuid = g_strdup (certification_uuid);
      if (pending_learn == NULL)
        pending_learn = g_ptr_array_new_with_free_func ((GDestroyNotify) learn_item_free);
      g_ptr_array_add (pending_learn, item);
      ensure_loading ();
      return;
    }
  learn_now (store, certification_uuid);
}

/**
 * acq_spell_text_learn_words:
 * @text: words never to flag (the names a candidate listed among the people she writes about)
 *
 * Every view is checked again once the dictionary has them.
 */
void
acq_spell_text_learn_words (const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (!checker_ready)
    {
      LearnItem *item = g_new0 (LearnItem, 1);

      item->words = g_strdup (text);
      if (pending_learn == NULL)
        pending_learn = g_ptr_array_new_with_free_func ((GDestroyNotify) learn_item_free);
      g_ptr_array_add (pending_learn, item);
      ensure_loading ();
      return;
    }
  acq_spell_checker_add_known_words (acq_spell_checker_get_default (), text);
  for (GList *l = instances; l != NULL; l = l->next)
    recheck (l->data);
}

/**
 * acq_spell_text_get_ready_checker:
 *
 * Returns: (nullable) (transfer none): the application's checker once loaded with a French
 *   dictionary, else %NULL (never waits for it)
 */
AcqSpellChecker *
acq_spell_text_get_ready_checker (void)
{
  AcqSpellChecker *checker;

  /* before the worker loaded it, asking would wait for the dictionary */
  if (!checker_ready)
    return NULL;
  checker = acq_spell_checker_get_default ();
  return acq_spell_checker_get_available (checker) ? checker : NULL;
}

static gboolean
checking (AcqSpellText *self)
{
  return self->enabled && acq_spell_text_get_ready_checker () != NULL;
}

/* What is waiting to be checked */

static void
clear_tags (AcqSpellText *self)
{
  GtkTextIter start, end;

  if (!self->tagged)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->tag, &start, &end);
  self->tagged = FALSE;
}

static void
clear_dirty (AcqSpellText *self)
{
  if (self->dirty_start == NULL)
    return;
  gtk_text_buffer_delete_mark (self->buffer, self->dirty_start);
  gtk_text_buffer_delete_mark (self->buffer, self->dirty_end);
  self->dirty_start = self->dirty_end = NULL;
}

/* Called on each change: only marks, no check. */
static void
mark_dirty (AcqSpellText *self, const GtkTextIter *start, const GtkTextIter *end)
{
  GtkTextIter iter;

  if (!self->enabled)
    return;
  if (self->dirty_start == NULL)
    {
      self->dirty_start = gtk_text_buffer_create_mark (self->buffer, NULL, start, TRUE);
      self->dirty_end = gtk_text_buffer_create_mark (self->buffer, NULL, end, FALSE);
    }
  else
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->dirty_start);
      if (gtk_text_iter_compare (start, &iter) < 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_start, start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->dirty_end);
      if (gtk_text_iter_compare (end, &iter) > 0)
        gtk_text_buffer_move_mark (self->buffer, self->dirty_end, end);
    }
  self->last_change = g_get_monotonic_time ();
  /* a key stops a check under way: it goes on after the next pause */
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

/* The words of [start, end) that carry the tag now, as offsets from start. */
static GArray *
tagged_ranges (AcqSpellText *self, const GtkTextIter *start, const GtkTextIter *end)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (AcqSpellRange));
  int base = gtk_text_iter_get_offset (start);
  GtkTextIter iter = *start;

  if (!self->tagged)
    return ranges;
  if (!gtk_text_iter_has_tag (&iter, self->tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, self->tag);
  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      AcqSpellRange range;

      range.start = gtk_text_iter_get_offset (&iter) - base;
      gtk_text_iter_forward_to_tag_toggle (&iter, self->tag);
      range.end = MIN (gtk_text_iter_get_offset (&iter), gtk_text_iter_get_offset (end)) - base;
      g_array_append_val (ranges, range);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, self->tag))
        break;
    }
  return ranges;
}

static gboolean
same_ranges (GArray *a, GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (AcqSpellRange)) == 0);
}

/* Checks [start, end), inside one paragraph, from a space or a line's start to a space or a
 * line's end. The tags change only where the words changed: a tag removed and put back would
 * lay the paragraph out and draw it again for nothing. */
static void
check_range (AcqSpellText *self, const GtkTextIter *start, const GtkTextIter *end)
{
  g_autofree char *text = gtk_text_iter_get_slice (start, end);
  g_autoptr (GArray) ranges = acq_spell_checker_find_misspelt (acq_spell_checker_get_default (),
                                                               text, -1);
  g_autoptr (GArray) before = tagged_ranges (self, start, end);
  GtkTextIter from, to, cursor;
  int at = 0;

  /* a word that ends at the cursor may be half typed: it waits for the cursor to leave it */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  if (ranges->len > 0 && gtk_widget_has_focus (GTK_WIDGET (self->view)) &&
      gtk_text_iter_get_offset (&cursor) - gtk_text_iter_get_offset (start) ==
        g_array_index (ranges, AcqSpellRange, ranges->len - 1).end)
    {
      from = *start;
      gtk_text_iter_forward_chars (&from, g_array_index (ranges, AcqSpellRange,
                                                         ranges->len - 1).start);
      if (self->typing == NULL)
        self->typing = gtk_text_buffer_create_mark (self->buffer, NULL, &from, TRUE);
      else
        gtk_text_buffer_move_mark (self->buffer, self->typing, &from);
      g_array_set_size (ranges, ranges->len - 1);
    }
  if (same_ranges (ranges, before))
    return;
  if (before->len > 0)
    gtk_text_buffer_remove_tag (self->buffer, self->tag, start, end);
  from = *start;
  for (guint i = 0; i < ranges->len; i++)
    {
      const AcqSpellRange *range = &g_array_index (ranges, AcqSpellRange, i);

      gtk_text_iter_forward_chars (&from, range->start - at);
      to = from;
      gtk_text_iter_forward_chars (&to, range->end - range->start);
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &from, &to);
      from = to;
      at = range->end;
      self->tagged = TRUE;
    }
}

static gboolean
is_space_cb (gunichar c, gpointer data)
{
  return g_unichar_isspace (c);
}

/* The space before @iter, or the start of its line: no word goes over a space. */
static void
back_to_space (GtkTextIter *iter)
{
  GtkTextIter limit = *iter;

  gtk_text_iter_set_line_offset (&limit, 0);
  if (!gtk_text_iter_starts_line (iter) &&
      !gtk_text_iter_backward_find_char (iter, is_space_cb, NULL, &limit))
    *iter = limit;
}

/* The space after @iter, or the end of its line. */
static void
forward_to_space (GtkTextIter *iter)
{
  GtkTextIter limit = *iter;

  if (!gtk_text_iter_ends_line (&limit))
    gtk_text_iter_forward_to_line_end (&limit);
  if (!gtk_text_iter_ends_line (iter) &&
      !gtk_text_iter_forward_find_char (iter, is_space_cb, NULL, &limit))
    *iter = limit;
}

/* One slice of the check: the words around what changed, from the space before the first
 * change to the space after the last, never the rest of a long paragraph; what is left waits
 * for the next turn of the main loop. */
static gboolean
check_slice_cb (gpointer data)
{
  AcqSpellText *self = data;
  gint64 deadline = g_get_monotonic_time () + ACQ_SPELL_SLICE_MS * 1000;
  GtkTextIter start, stop, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->dirty_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &stop, self->dirty_end);
  back_to_space (&start);
  forward_to_space (&stop);
  do
    {
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      if (gtk_text_iter_compare (&end, &stop) > 0)
        end = stop;
      check_range (self, &start, &end);
      if (gtk_text_iter_compare (&end, &stop) >= 0 || !gtk_text_iter_forward_line (&start))
        {
          self->idle_id = 0;
          clear_dirty (self);
          return G_SOURCE_REMOVE;
        }
    }
  while (g_get_monotonic_time () < deadline);
  gtk_text_buffer_move_mark (self->buffer, self->dirty_start, &start);
  return G_SOURCE_CONTINUE;
}

static gboolean
pause_cb (gpointer data)
{
  AcqSpellText *self = data;
  gint64 quiet_ms = (g_get_monotonic_time () - self->last_change) / 1000;

  self->timeout_id = 0;
  if (quiet_ms < ACQ_SPELL_PAUSE_MS)
    {
      /* the typing went on: wait for the rest of the pause */
      self->timeout_id = g_timeout_add (ACQ_SPELL_PAUSE_MS - quiet_ms, pause_cb, self);
      return G_SOURCE_REMOVE;
    }
  if (!checking (self) || self->dirty_start == NULL || self->idle_id != 0)
    return G_SOURCE_REMOVE;
  self->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_slice_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* The dictionary loads when there is a first text to check, not when Acquis starts. */
static void
schedule (AcqSpellText *self)
{
  if (self->dirty_start == NULL)
    return;
  ensure_loading ();
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (ACQ_SPELL_PAUSE_MS, pause_cb, self);
}

/* The whole text, again: a new dictionary, new words known, the switch turned on. */
static void
recheck (AcqSpellText *self)
{
  GtkTextIter start, end;

  if (!self->enabled || gtk_text_buffer_get_char_count (self->buffer) == 0)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  mark_dirty (self, &start, &end);
  schedule (self);
}

static void
on_insert_text_after_cb (AcqSpellText *self, GtkTextIter *location, const char *text, int length)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_dirty (self, &start, location);
  schedule (self);
}

/* The cursor left the word it was typing: that word is checked at the next pause. */
static void
on_cursor_moved_cb (AcqSpellText *self)
{
  GtkTextIter start, end, cursor;

  if (self->typing == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->typing);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  end = start;
  if (!gtk_text_iter_ends_word (&end))
    gtk_text_iter_forward_word_end (&end);
  if (gtk_text_iter_in_range (&cursor, &start, &end) || gtk_text_iter_equal (&cursor, &end))
    return;
  gtk_text_buffer_delete_mark (self->buffer, self->typing);
  self->typing = NULL;
  mark_dirty (self, &start, &end);
  schedule (self);
}

static void
on_delete_range_after_cb (AcqSpellText *self, GtkTextIter *start, GtkTextIter *end)
{
  mark_dirty (self, start, end);
  schedule (self);
}

/* The context menu */

static void
clear_word (AcqSpellText *self)
{
  g_clear_pointer (&self->word, g_free);
  if (self->word_start != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->word_start);
      gtk_text_buffer_delete_mark (self->buffer, self->word_end);
      self->word_start = self->word_end = NULL;
    }
}

static void
update_menu_at (AcqSpellText *self, const GtkTextIter *iter)
{
  g_autoptr (GArray) ranges = NULL;
  g_autoptr (GMenu) suggestions = NULL;
  g_autoptr (GMenu) choices = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) words = NULL;
  GtkTextIter start, end;
  int offset;

  g_menu_remove_all (self->menu);
  clear_word (self);
  if (!checking (self) || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  start = end = *iter;
  gtk_text_iter_set_line_offset (&start, 0);
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_iter_get_slice (&start, &end);
  offset = gtk_text_iter_get_line_offset (iter);
  ranges = acq_spell_checker_find_misspelt (acq_spell_checker_get_default (), text, -1);
  for (guint i = 0; i < ranges->len; i++)
    {
      const AcqSpellRange *range = &g_array_index (ranges, AcqSpellRange, i);
      GtkTextIter from = start, to = start;

      if (offset < range->start || offset > range->end)
        continue;
      gtk_text_iter_forward_chars (&from, range->start);
      gtk_text_iter_forward_chars (&to, range->end);
      self->word = gtk_text_iter_get_slice (&from, &to);
      self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &from, TRUE);
      self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &to, FALSE);
      break;
    }
  if (self->word == NULL)
    return;

  suggestions = g_menu_new ();
  words = acq_spell_checker_suggest (acq_spell_checker_get_default (), self->word, -1);
  for (guint i = 0; gtk_text_view_get_editable (self->view) && words[i] != NULL; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (words[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.replace",
                                               g_variant_new_string (words[i]));
      g_menu_append_item (suggestions, item);
    }
  if (words[0] == NULL)
    g_menu_append (suggestions, _("No Suggestions"), "spell.none");
  choices = g_menu_new ();
  g_menu_append (choices, _("_Add to My Words"), "spell.add");
  g_menu_append (choices, _("_Ignore"), "spell.ignore");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (suggestions));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (choices));
}

static void
on_click_pressed_cb (AcqSpellText *self, int n_press, double x, double y, GtkGesture *gesture)
{
  GtkTextIter iter, start, end;
  int bx, by;

  /* as GNOME Text Editor does: the cursor goes where the menu was asked for, unless the click
   * is in a selection, which the menu's Cut and Copy are about */
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_in_range (&iter, &start, &end))
    {
      update_menu_at (self, &iter);
      return;
    }
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  update_menu_at (self, &iter);
}

static gboolean
on_menu_key_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  AcqSpellText *self = data;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter,
                                    gtk_text_buffer_get_insert (self->buffer));
  update_menu_at (self, &iter);
  return gtk_widget_activate_action (widget, "menu.popup", NULL);
}

/* The word the menu is about, if it is still there as it was. */
static gboolean
get_word (AcqSpellText *self, GtkTextIter *start, GtkTextIter *end)
{
  g_autofree char *now = NULL;

  if (self->word == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->word_end);
  now = gtk_text_iter_get_slice (start, end);
  return g_strcmp0 (now, self->word) == 0;
}

static void
replace_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AcqSpellText *self = data;
  const char *replacement = g_variant_get_string (parameter, NULL);
  GtkTextIter start, end;

  if (!get_word (self, &start, &end))
    return;
  /* one user action: one Undo puts the word back */
  gtk_text_buffer_begin_user_action (self->buffer);
  if (gtk_text_buffer_delete_interactive (self->buffer, &start, &end,
                                          gtk_text_view_get_editable (self->view)))
    gtk_text_buffer_insert_interactive (self->buffer, &start, replacement, -1,
                                        gtk_text_view_get_editable (self->view));
  gtk_text_buffer_end_user_action (self->buffer);
  clear_word (self);
  g_menu_remove_all (self->menu);
}

static void
recheck_everywhere (void)
{
  for (GList *l = instances; l != NULL; l = l->next)
    recheck (l->data);
}

static void
add_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AcqSpellText *self = data;

  if (self->word == NULL)
    return;
  acq_spell_checker_add_to_personal (acq_spell_checker_get_default (), self->word);
  recheck_everywhere ();
}

static void
ignore_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AcqSpellText *self = data;

  if (self->word == NULL)
    return;
  acq_spell_checker_ignore (acq_spell_checker_get_default (), self->word);
  recheck_everywhere ();
}

static void
on_enabled_changed_cb (AcqSpellText *self)
{
  self->enabled = self->settings == NULL || g_settings_get_boolean (self->settings,
                                                                      "spell-check");
  if (!self->enabled)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      g_clear_handle_id (&self->idle_id, g_source_remove);
      clear_dirty (self);
      clear_tags (self);
      clear_word (self);
      g_menu_remove_all (self->menu);
      return;
    }
  recheck (self);
}

/* The application's settings; a program without them (a benchmark) checks spelling. */
static GSettings *
find_settings (void)
{
  GApplication *application = g_application_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (ACQ_IS_APPLICATION (application))
    return g_object_ref (acq_application_get_settings (ACQ_APPLICATION (application)));
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "spell-check"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
acq_spell_text_finalize (GObject *object)
{
  AcqSpellText *self = ACQ_SPELL_TEXT (object);

  instances = g_list_remove (instances, self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->word, g_free);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->settings);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (acq_spell_text_parent_class)->finalize (object);
}

static void
acq_spell_text_class_init (AcqSpellTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_spell_text_finalize;
}

static void
acq_spell_text_init (AcqSpellText *self)
{
  const GActionEntry entries[] = {
    { "replace", replace_activated_cb, "s", NULL, NULL },
    { "add", add_activated_cb, NULL, NULL, NULL },
    { "ignore", ignore_activated_cb, NULL, NULL, NULL },
    { "none", NULL, NULL, NULL, NULL },
  };

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  /* "No Suggestions" is a line to read, not a choice */
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")), FALSE);
}

/**
 * acq_spell_text_attach:
 * @view: a text view the user writes in
 *
 * Checks the spelling of what is written in @view, in French, as long as @view lives.
 *
 * Returns: (transfer none): the checker of @view, owned by it
 */
AcqSpellText *
acq_spell_text_attach (GtkTextView *view)
{
  AcqSpellText *self;
  GtkGesture *click;
  GtkEventController *keys;
  GtkShortcutTrigger *trigger;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (ACQ_TYPE_SPELL_TEXT, NULL);
  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  g_object_set_data_full (G_OBJECT (view), "acq-spell-text", self, g_object_unref);
  instances = g_list_prepend (instances, self);

  /* GNOME's red (palette red 3), wavy */
  self->tag = gtk_text_buffer_create_tag (self->buffer, NULL, "underline", PANGO_UNDERLINE_ERROR,
                                          "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1 },
                                          NULL);
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (on_insert_text_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range", G_CALLBACK (on_delete_range_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved_cb), self, G_CONNECT_SWAPPED);

  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
  /* the keys GtkTextView opens its menu with: the word at the cursor first */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_Menu, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (
                                                            on_menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), keys);

  self->settings = find_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::spell-check",
                             G_CALLBACK (on_enabled_changed_cb), self, G_CONNECT_SWAPPED);
  on_enabled_changed_cb (self);
  return self;
}
