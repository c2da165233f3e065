/* acq-people-text.c — the people's names in a text view: those the outputs replace, those
 * not answered yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As acq-spell-text does, off the typing path: a key only restarts a pause; after
 * ACQ_SPELL_PAUSE_MS the text is searched for names (sheets/acq-people.c) at low priority, and
 * tags, never changes of the text, mark them: a name the outputs replace on a soft blue with a
 * plain underline, a name not answered yet on a soft yellow with a double one (two cues, not a
 * colour alone). The context menu of a name not answered offers to replace it with the
 * replacement proposed, or to leave it as written; the People Mentioned window edits the
 * replacements. The list is the candidate's, read again on the store's changes; the names in
 * it are never flagged as misspelt.
 */
#define G_LOG_DOMAIN "acq-people-text"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-people-text.h"
#include "acq-spell-text.h"
#include "acq-toast.h"

struct _AcqPeopleText
{
  GObject             parent_instance;

  GtkTextView        *view;        /* (unowned): the view owns this object */
  GtkTextBuffer      *buffer;
  GtkTextTag         *replaced_tag;
  GtkTextTag         *suggested_tag;
  AcqStore           *store;
  char               *candidate_uuid;
  GPtrArray          *mentions;    /* (element-type AcqPersonMention): the candidate's list */
  GPtrArray          *matches;     /* (element-type AcqPersonMatch): as last tagged */
  GMenu              *menu;
  GSimpleActionGroup *actions;
  char               *menu_name;   /* the name the menu is about */
  guint               timeout_id;
  guint               idle_id;
  guint               retries;     /* searches made before the dictionary was loaded */
};

G_DEFINE_FINAL_TYPE (AcqPeopleText, acq_people_text, G_TYPE_OBJECT)

#define MAX_RETRIES 10

static gboolean
is_known_cb (const char *word, gssize length, gpointer user_data)
{
  return acq_spell_checker_check_word (user_data, word, length);
}

static gboolean
same_matches (GPtrArray *a, GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const AcqPersonMatch *ma = g_ptr_array_index (a, i);
      const AcqPersonMatch *mb = g_ptr_array_index (b, i);

      if (ma->start != mb->start || ma->end != mb->end || ma->kind != mb->kind)
        return FALSE;
    }
  return TRUE;
}

static gboolean pause_cb (gpointer data);

static gboolean
tag_cb (gpointer data)
{
  AcqPeopleText *self = data;
  AcqSpellChecker *checker = acq_spell_text_get_ready_checker ();
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  GtkTextIter start, end;

  self->idle_id = 0;
  /* the dictionary loads on a worker: until it is there only the titled names are found, and
   * the text is searched again a little later, a few times at most (none may be installed) */
  if (checker == NULL && self->retries < MAX_RETRIES && self->timeout_id == 0)
    {
      self->retries++;
      self->timeout_id = g_timeout_add_seconds (1, pause_cb, self);
    }
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  matches = acq_people_find (text, self->mentions, checker ? is_known_cb : NULL, checker);
  if (same_matches (matches, self->matches))
    return G_SOURCE_REMOVE;
  gtk_text_buffer_remove_tag (self->buffer, self->replaced_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->suggested_tag, &start, &end);
  for (guint i = 0; i < matches->len; i++)
    {
      const AcqPersonMatch *match = g_ptr_array_index (matches, i);
      GtkTextIter from, to;

      if (match->kind == ACQ_PERSON_MATCH_DISMISSED)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, match->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, match->end);
      gtk_text_buffer_apply_tag (self->buffer,
                                 match->kind == ACQ_PERSON_MATCH_REPLACED ? self->replaced_tag
                                                                          : self->suggested_tag,
                                 &from, &to);
    }
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_steal_pointer (&matches);
  return G_SOURCE_REMOVE;
}

static gboolean
pause_cb (gpointer data)
{
  AcqPeopleText *self = data;

  self->timeout_id = 0;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, tag_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Called on each change: only the pause starts again. */
static void
schedule (AcqPeopleText *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->timeout_id = g_timeout_add (ACQ_SPELL_PAUSE_MS, pause_cb, self);
}

static void
on_changed_cb (AcqPeopleText *self)
{
  schedule (self);
}

/* Whether two lists read from the store say the same: a save of the sheet (each pause in the
 * typing) changes the store, not the people. */
static gboolean
same_mentions (GPtrArray *a, GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const AcqPersonMention *ma = g_ptr_array_index (a, i);
      const AcqPersonMention *mb = g_ptr_array_index (b, i);

      if (g_strcmp0 (ma->uuid, mb->uuid) != 0 || g_strcmp0 (ma->name, mb->name) != 0 ||
          g_strcmp0 (ma->replacement, mb->replacement) != 0 || ma->state != mb->state)
        return FALSE;
    }
  return TRUE;
}

static void
reload (AcqPeopleText *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  if (self->store == NULL || self->candidate_uuid == NULL)
    return;
  mentions = acq_person_mention_list (self->store, self->candidate_uuid, &error);
  if (mentions == NULL)
    {
      g_warning ("Could not read the people mentioned: %s", error->message);
      return;
    }
  /* nothing to learn nor to mark again: the spelling of every view is not checked anew */
  if (same_mentions (mentions, self->mentions))
    return;
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  self->mentions = g_steal_pointer (&mentions);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  /* a name listed is a name, not a misspelling */
  for (guint i = 0; i < self->mentions->len; i++)
    g_string_append_printf (names, "%s ",
                            ((AcqPersonMention *) g_ptr_array_index (self->mentions, i))->name);
  acq_spell_text_learn_words (names->str);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, tag_cb, self, NULL);
}

/* The context menu */

/* The match at the cursor, if the text still reads as it did when it was found. */
static const AcqPersonMatch *
match_at_cursor (AcqPeopleText *self)
{
  GtkTextIter cursor, from, to;
  int offset;

  if (self->matches == NULL)
    return NULL;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < self->matches->len; i++)
    {
      const AcqPersonMatch *match = g_ptr_array_index (self->matches, i);
      g_autofree char *now = NULL;

      if (offset < match->start || offset > match->end)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, match->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, match->end);
      now = gtk_text_iter_get_slice (&from, &to);
      return g_strcmp0 (now, match->name) == 0 ? match : NULL;
    }
  return NULL;
}

static void
update_menu (AcqPeopleText *self)
{
  const AcqPersonMatch *match = match_at_cursor (self);
  g_autofree char *replacement = NULL;
  g_autofree char *label = NULL;

  if (match == NULL && self->menu_name == NULL)
    return;
  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->menu_name, g_free);
  if (match == NULL || match->kind == ACQ_PERSON_MATCH_DISMISSED)
    return;
  self->menu_name = g_strdup (match->name);
  if (match->kind == ACQ_PERSON_MATCH_SUGGESTED)
    {
      replacement = acq_people_default_replacement (match->name);
      /* TRANSLATORS: a person's name as written, then what the dossier prints instead */
      label = g_strdup_printf (_("Replace “%s” With “%s”"), match->name, replacement);
      g_menu_append (self->menu, label, "people.accept");
      g_clear_pointer (&label, g_free);
      label = g_strdup_printf (_("Leave “%s” as Written"), match->name);
      g_menu_append (self->menu, label, "people.dismiss");
    }
  else
    {
      /* TRANSLATORS: what the dossier prints instead of the name under the cursor */
      label = g_strdup_printf (_("Printed as “%s”"), match->mention->replacement);
      g_menu_append (self->menu, label, "people.none");
    }
  g_menu_append (self->menu, _("People Mentioned…"), "sheet.people");
}

static void
answer (AcqPeopleText *self, AcqPersonState state)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqPersonMention) mention = NULL;

  if (self->menu_name == NULL || self->store == NULL)
    return;
  mention = acq_person_mention_new (self->candidate_uuid, self->menu_name, NULL, state);
  if (!acq_person_mention_save (self->store, mention, &error))
    acq_toast_show (GTK_WIDGET (self->view), error->message);
  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->menu_name, g_free);
  reload (self);
}

static void
accept_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  answer (data, ACQ_PERSON_ACCEPTED);
}

static void
dismiss_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  answer (data, ACQ_PERSON_DISMISSED);
}

static void
acq_people_text_finalize (GObject *object)
{
  AcqPeopleText *self = ACQ_PEOPLE_TEXT (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->menu_name, g_free);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_object (&self->buffer);
  G_OBJECT_CLASS (acq_people_text_parent_class)->finalize (object);
}

static void
acq_people_text_class_init (AcqPeopleTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_people_text_finalize;
}

static void
acq_people_text_init (AcqPeopleText *self)
{
  const GActionEntry entries[] = {
    { "accept", accept_activated_cb, NULL, NULL, NULL },
    { "dismiss", dismiss_activated_cb, NULL, NULL, NULL },
    { "none", NULL, NULL, NULL, NULL },
  };

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  /* "Printed as …" is a line to read, not a choice */
  g_simple_action_set_enabled (
    G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "none")), FALSE);
}

/**
 * acq_people_text_attach:
 * @view: a rubric's text view; its spelling already attached (acq_spell_text_attach()), whose
 *   menu this one goes before
 *
 * Returns: (transfer none): the names' marks of @view, owned by it
 */
AcqPeopleText *
acq_people_text_attach (GtkTextView *view)
{
  AcqPeopleText *self;
  GMenuModel *spelling;
  g_autoptr (GMenu) menu = g_menu_new ();

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  self = g_object_new (ACQ_TYPE_PEOPLE_TEXT, NULL);
  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  g_object_set_data_full (G_OBJECT (view), "acq-people-text", self, g_object_unref);
  self->replaced_tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                   "background-rgba",
                                                   &(GdkRGBA) { 0.21, 0.52, 0.89, 0.15 },
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   NULL);
  self->suggested_tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                    "background-rgba",
                                                    &(GdkRGBA) { 0.96, 0.83, 0.18, 0.25 },
                                                    "underline", PANGO_UNDERLINE_DOUBLE,
                                                    NULL);
  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::cursor-position", G_CALLBACK (update_menu),
                           self, G_CONNECT_SWAPPED);
  spelling = gtk_text_view_get_extra_menu (view);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (self->menu));
  if (spelling != NULL)
    g_menu_append_section (menu, NULL, spelling);
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "people", G_ACTION_GROUP (self->actions));
  return self;
}

/**
 * acq_people_text_set_candidate:
 * @self: the names' marks of a view
 * @store: (nullable): the store
 * @candidate_uuid: (nullable): whose list the names are looked up in
 */
void
acq_people_text_set_candidate (AcqPeopleText *self, AcqStore *store, const char *candidate_uuid)
{
  g_return_if_fail (ACQ_IS_PEOPLE_TEXT (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_free (self->candidate_uuid);
  self->candidate_uuid = g_strdup (candidate_uuid);
  /* another candidate's list: read and marked anew, even if it reads the same */
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}
