/* acq-jury-window-oral.c — the jury window's oral: the outline cards and the readiness marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline has a card per targeted bloc, drafted by the core from the validated examples
 * the first time the window opens on a candidate who has none; both roles write them (the
 * merge lets the candidate's come through). What is typed is the user's: it is saved after
 * a short pause (AcqAutosave), flushed on closing, and a reload from the store never writes
 * over a card being typed or not saved yet.
 *
 * The readiness marks are the accompagnatrice's, after a soutenance blanche: prêt or à
 * retravailler per competence of the targeted blocs, with a remark; the candidate reads them.
 *
 * While rehearsing, the current card shows under the clock; Up and Down move between cards
 * as Left and Right move between the parts.
 */
#define G_LOG_DOMAIN "acq-jury-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-jury-window-private.h"
#include "acq-toast.h"

/* Outline ------------------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
row_is_being_typed (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, row);
}

static void
on_card_changed_cb (AcqJuryWindow *self)
{
  if (!self->loading)
    acq_autosave_changed (self->outline_autosave);
}

/* Writes the cards whose text differs from what was last read or saved. */
static void
save_outline (gpointer data)
{
  AcqJuryWindow *self = data;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list));

  for (guint i = 0; row != NULL && i < self->cards->len;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      AcqJuryCard *card = g_ptr_array_index (self->cards, i);
      GtkTextBuffer *title_buffer = g_object_get_data (G_OBJECT (row), "title");
      GtkTextBuffer *points = g_object_get_data (G_OBJECT (row), "points");
      g_autofree char *title = buffer_text (title_buffer);
      g_autofree char *text = buffer_text (points);
      g_autofree char *old_title = NULL;
      g_autofree char *old_points = NULL;
      g_autoptr (GError) error = NULL;

      if (g_strcmp0 (card->title, title) == 0 &&
          g_strcmp0 (card->key_points, text) == 0)
        continue;
      old_title = g_steal_pointer (&card->title);
      old_points = g_steal_pointer (&card->key_points);
      card->title = g_steal_pointer (&title);
      card->key_points = g_strdup (text);
      if (!acq_jury_card_save (self->store, self->candidate_uuid, card, &error))
        {
          /* kept in the fields; tried again at the next change */
          g_free (card->title);
          g_free (card->key_points);
          card->title = g_steal_pointer (&old_title);
          card->key_points = g_steal_pointer (&old_points);
          acq_toast_show (GTK_WIDGET (self->outline_list), error->message);
        }
    }
}

/* A card's title is one line that wraps, where an entry would scroll "RNCP37274BC01 —
 * Accompagner les personnes dans leur parcours…" out of sight: a line break pasted into it
 * becomes a space, and Enter goes on to the key points. */
static void
on_title_insert_text_cb (GtkTextBuffer *buffer, GtkTextIter *location, const char *text,
                         int len, gpointer data)
{
  g_autofree char *flat = NULL;

  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL)
    return;
  flat = g_strndup (text, len);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, on_title_insert_text_cb, data);
  gtk_text_buffer_insert (buffer, location, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, on_title_insert_text_cb, data);
}

static gboolean
on_title_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                         GdkModifierType state, GtkWidget *points)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_widget_grab_focus (points);
  return TRUE;
}

/* GTK 4.8's text view asks for the height of its lines as wrapped at its first width, and
 * does not ask again once they are wrapped at the width it is given: the title showed one line
 * of two. Measured again once its lines are laid out (the text view lays them out in idles of
 * a higher priority), it shows them all. */
static gboolean
resize_title_cb (gpointer title)
{
  gtk_widget_queue_resize (title);
  return G_SOURCE_REMOVE;
}

static void
on_title_map_cb (GtkWidget *title)
{
  g_idle_add_full (G_PRIORITY_LOW, resize_title_cb, g_object_ref (title), g_object_unref);
}

static GtkWidget *
card_row_new (AcqJuryWindow *self, const AcqJuryCard *card, guint n)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_text_view_new ();
  GtkTextBuffer *title_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (title));
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *title_name = g_strdup_printf (_("Title of card %u"), n);
  g_autofree char *points_name = g_strdup_printf (_("Key points of card %u"), n);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  _acq_jury_window_style_text_view (GTK_TEXT_VIEW (title), -1);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (title), FALSE);
  gtk_widget_add_css_class (title, "heading");
  g_signal_connect (title_buffer, "insert-text", G_CALLBACK (on_title_insert_text_cb), NULL);
  gtk_text_buffer_set_text (title_buffer, card->title ? card->title : "", -1);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_title_key_pressed_cb), view, 0);
  gtk_widget_add_controller (title, keys);
  g_signal_connect (title, "map", G_CALLBACK (on_title_map_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title_name, -1);
  _acq_jury_window_style_text_view (GTK_TEXT_VIEW (view), 72);
  /* Tab goes on to the next card, as it does out of the title */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  points_name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("One point per line"), -1);
  gtk_text_buffer_set_text (buffer, card->key_points ? card->key_points : "", -1);
  g_signal_connect_object (title_buffer, "changed", G_CALLBACK (on_card_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_card_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "title", title_buffer);
  g_object_set_data (G_OBJECT (row), "points", buffer);
  return row;
}

static gboolean
same_cards (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (((AcqJuryCard *) a->pdata[i])->uuid, ((AcqJuryCard *) b->pdata[i])->uuid) != 0)
      return FALSE;
  return TRUE;
}

/* The cards from the store: in place when they are the same ones, but for a row being typed. */
static void
load_outline (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cards = NULL;
  GtkWidget *row;
  guint i = 0;

  if (acq_autosave_pending (self->outline_autosave))
    return;
  if (!(cards = acq_jury_cards_list (self->store, self->candidate_uuid, &error)))
    {
      acq_toast_show (GTK_WIDGET (self->outline_list), error->message);
      return;
    }
  self->loading = TRUE;
  if (!same_cards (cards, self->cards))
    {
      clear_list (self->outline_list);
      for (guint j = 0; j < cards->len; j++)
        gtk_list_box_append (self->outline_list, card_row_new (self, cards->pdata[j], j + 1));
    }
  else
    for (row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list)); row != NULL;
         row = gtk_widget_get_next_sibling (row), i++)
      {
        AcqJuryCard *card = cards->pdata[i];
        GtkTextBuffer *title_buffer = g_object_get_data (G_OBJECT (row), "title");
        GtkTextBuffer *points = g_object_get_data (G_OBJECT (row), "points");
        g_autofree char *title = buffer_text (title_buffer);
        g_autofree char *text = buffer_text (points);

        if (row_is_being_typed (row))
          {
            /* what the row shows is what will be saved: keep its text, take the rest */
            AcqJuryCard *shown = self->cards->pdata[i];

            g_free (card->title);
            g_free (card->key_points);
            card->title = g_strdup (shown->title);
            card->key_points = g_strdup (shown->key_points);
            continue;
          }
        if (g_strcmp0 (title, card->title) != 0)
          gtk_text_buffer_set_text (title_buffer, card->title ? card->title : "", -1);
        if (g_strcmp0 (text, card->key_points) != 0)
          gtk_text_buffer_set_text (points, card->key_points ? card->key_points : "", -1);
      }
  g_ptr_array_unref (self->cards);
  self->cards = g_steal_pointer (&cards);
  gtk_widget_set_visible (GTK_WIDGET (self->outline_list), self->cards->len > 0);
  self->loading = FALSE;
  if (self->timer != NULL)
    _acq_jury_window_oral_show_card (self);
}

/* Readiness ----------------------------------------------------------------------------- */

static char *
competence_name (const AcqJuryCompetence *competence)
{
  /* TRANSLATORS: "RNCP37274BC03, competence 2" */
  return g_strdup_printf (_("%s, competence %u"), competence->bloc_code, competence->position);
}

static AcqJuryReadiness
row_state (GtkWidget *row)
{
  if (gtk_toggle_button_get_active (g_object_get_data (G_OBJECT (row), "ready")))
    return ACQ_JURY_READINESS_READY;
  if (gtk_toggle_button_get_active (g_object_get_data (G_OBJECT (row), "rework")))
    return ACQ_JURY_READINESS_REWORK;
  return ACQ_JURY_READINESS_UNKNOWN;
}

/* Writes the marks that differ from what was last read or saved. */
static void
save_readiness (gpointer data)
{
  AcqJuryWindow *self = data;

  if (!_acq_jury_window_is_coach (self))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *remark = g_strstrip (g_strdup (
        gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "remark"))));
      AcqJuryReadiness state = row_state (row);

      if (state == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "saved-state")) &&
          g_strcmp0 (remark, g_object_get_data (G_OBJECT (row), "saved-remark")) == 0)
        continue;
      if (!acq_jury_readiness_set (self->store, self->candidate_uuid,
                                   g_object_get_data (G_OBJECT (row), "uuid"), state, remark,
                                   &error))
        {
          acq_toast_show (GTK_WIDGET (self->readiness_list), error->message);
          continue;
        }
      g_object_set_data (G_OBJECT (row), "saved-state", GUINT_TO_POINTER (state));
      g_object_set_data_full (G_OBJECT (row), "saved-remark", g_steal_pointer (&remark), g_free);
    }
}

static void
on_readiness_toggled_cb (AcqJuryWindow *self, GtkToggleButton *button)
{
  if (self->loading || !gtk_toggle_button_get_active (button))
    return;
  acq_autosave_changed (self->readiness_autosave);
  acq_autosave_flush (self->readiness_autosave);
}

static void
on_remark_changed_cb (AcqJuryWindow *self)
{
  if (!self->loading)
    acq_autosave_changed (self->readiness_autosave);
}

static GtkWidget *
state_button_new (AcqJuryWindow *self, const char *label, const char *format, const char *name,
                  GtkWidget *group)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);
  g_autofree char *accessible = g_strdup_printf (format, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_readiness_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
readiness_row_new (AcqJuryWindow *self, const AcqJuryCompetence *competence)
{
  g_autofree char *name = competence_name (competence);
  g_autofree char *remark_name = g_strdup_printf (_("Remark on %s"), name);
  g_autofree char *heading = g_strdup_printf ("%s — %s", name, competence->label);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *states = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *ready = state_button_new (self, _("Ready"), _("Ready: %s"), name, NULL);
  GtkWidget *rework = state_button_new (self, _("To Rework"), _("To rework: %s"), name, ready);

  gtk_widget_add_css_class (ready, "acq-jury-ready");
  gtk_widget_add_css_class (rework, "acq-jury-rework");
  GtkWidget *remark = gtk_entry_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (states, "linked");
  gtk_widget_set_halign (states, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (states), ready);
  gtk_box_append (GTK_BOX (states), rework);
  gtk_entry_set_placeholder_text (GTK_ENTRY (remark), _("Remark"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remark_name, -1);
  g_signal_connect_object (remark, "changed", G_CALLBACK (on_remark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), states);
  gtk_box_append (GTK_BOX (box), remark);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (competence->uuid), g_free);
  g_object_set_data (G_OBJECT (row), "ready", ready);
  g_object_set_data (G_OBJECT (row), "rework", rework);
  g_object_set_data (G_OBJECT (row), "remark", remark);
  return row;
}

static void
apply_readiness_role (AcqJuryWindow *self)
{
  gboolean coach = _acq_jury_window_is_coach (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "ready"), coach);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "rework"), coach);
      gtk_editable_set_editable (g_object_get_data (G_OBJECT (row), "remark"), coach);
    }
}

static void
load_readiness (AcqJuryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) marks = NULL;
  g_autoptr (GPtrArray) competences = NULL;
  gboolean same;

  if (acq_autosave_pending (self->readiness_autosave))
    return;
  if (!(competences = acq_jury_competences_list (self->store, self->candidate_uuid, &error)) ||
      !(marks = acq_jury_readiness_get (self->store, self->candidate_uuid, &error)))
    {
      acq_toast_show (GTK_WIDGET (self->readiness_list), error->message);
      return;
    }
  self->loading = TRUE;
  same = competences->len == self->competences->len;
  for (guint i = 0; same && i < competences->len; i++)
    same = g_strcmp0 (((AcqJuryCompetence *) competences->pdata[i])->uuid,
                      ((AcqJuryCompetence *) self->competences->pdata[i])->uuid) == 0;
  if (!same)
    {
      clear_list (self->readiness_list);
      for (guint i = 0; i < competences->len; i++)
        gtk_list_box_append (self->readiness_list, readiness_row_new (self, competences->pdata[i]));
      g_ptr_array_unref (self->competences);
      self->competences = g_steal_pointer (&competences);
      apply_readiness_role (self);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->readiness_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const AcqJuryReadinessMark *mark = g_hash_table_lookup (marks,
                                                              g_object_get_data (G_OBJECT (row),
                                                                                 "uuid"));
      AcqJuryReadiness state = mark != NULL ? mark->state : ACQ_JURY_READINESS_UNKNOWN;
      const char *remark = mark != NULL && mark->remark != NULL ? mark->remark : "";
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "remark");

      gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (row), "ready"),
                                    state == ACQ_JURY_READINESS_READY);
      gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (row), "rework"),
                                    state == ACQ_JURY_READINESS_REWORK);
      if (!row_is_being_typed (row) && g_strcmp0 (gtk_editable_get_text (entry), remark) != 0)
        gtk_editable_set_text (entry, remark);
      g_object_set_data (G_OBJECT (row), "saved-state", GUINT_TO_POINTER (state));
      g_object_set_data_full (G_OBJECT (row), "saved-remark", g_strdup (remark), g_free);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->readiness_list), self->competences->len > 0);
  self->loading = FALSE;
}

/* Rehearsal ----------------------------------------------------------------------------- */

void
_acq_jury_window_oral_show_card (AcqJuryWindow *self)
{
  const AcqJuryCard *card;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->card_label), self->cards->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->card_points_label), self->cards->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->card_buttons), self->cards->len > 1);
  if (self->cards->len == 0)
    return;
  self->card_index = MIN (self->card_index, self->cards->len - 1);
  card = g_ptr_array_index (self->cards, self->card_index);
  /* TRANSLATORS: "Card 1 of 3: RNCP37274BC01 — Accueillir…" */
  title = g_strdup_printf (_("Card %u of %u: %s"), self->card_index + 1, self->cards->len,
                           card->title ? card->title : "");
  gtk_label_set_text (self->card_label, title);
  gtk_label_set_text (self->card_points_label, card->key_points ? card->key_points : "");
  gtk_widget_set_visible (GTK_WIDGET (self->card_points_label),
                          card->key_points != NULL && *card->key_points != '\0');
}

static void
move_card_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqJuryWindow *self = ACQ_JURY_WINDOW (widget);
  gboolean next = g_strcmp0 (action, "jury.next-card") == 0;

  if (self->timer == NULL || self->cards->len == 0)
    return;
  if (next && self->card_index + 1 < self->cards->len)
    self->card_index++;
  else if (!next && self->card_index > 0)
    self->card_index--;
  _acq_jury_window_oral_show_card (self);
}

/* The window's ------------------------------------------------------------------------- */

void
_acq_jury_window_oral_init (AcqJuryWindow *self)
{
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_card_free);
  self->competences = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_competence_free);
  self->outline_autosave = acq_autosave_new (save_outline, self);
  self->readiness_autosave = acq_autosave_new (save_readiness, self);
}

/* What is typed and not saved yet goes to the store now. */
void
_acq_jury_window_oral_flush (AcqJuryWindow *self)
{
  if (self->store == NULL)
    return;
  acq_autosave_flush (self->outline_autosave);
  acq_autosave_flush (self->readiness_autosave);
}

void
_acq_jury_window_oral_finalize (AcqJuryWindow *self)
{
  g_clear_pointer (&self->outline_autosave, acq_autosave_free);
  g_clear_pointer (&self->readiness_autosave, acq_autosave_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->competences, g_ptr_array_unref);
}

void
_acq_jury_window_oral_apply_role (AcqJuryWindow *self)
{
  apply_readiness_role (self);
}

/* The first time, an empty outline is drafted from the validated examples. */
void
_acq_jury_window_oral_load (AcqJuryWindow *self)
{
  if (self->cards->len == 0)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) cards = acq_jury_cards_list (self->store, self->candidate_uuid,
                                                         &error);

      if (cards != NULL && cards->len == 0 &&
          !acq_jury_cards_draft (self->store, self->candidate_uuid, &error))
        acq_toast_show (GTK_WIDGET (self->outline_list), error->message);
    }
  load_outline (self);
  load_readiness (self);
}

void
_acq_jury_window_oral_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "jury.previous-card", NULL, move_card_action);
  gtk_widget_class_install_action (widget_class, "jury.next-card", NULL, move_card_action);
}
