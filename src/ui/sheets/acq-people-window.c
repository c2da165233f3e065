/* acq-people-window.c — People Mentioned: the names a candidate writes about, and what the
 * outputs print instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three groups, read again on each change of the store: the names found in the sheets and not
 * answered yet (each with the replacement proposed, editable, and Replace or Leave as
 * Written), the names replaced (the replacement edited in place, Save; Remove with Undo), and
 * the names left as written (Remove with Undo: the name becomes a suggestion again). The
 * sheets' text is never changed: the outputs replace the names (sheets/acq-people.c).
 */
#define G_LOG_DOMAIN "acq-people-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "acq-people-window.h"
#include "acq-people.h"
#include "acq-spell-text.h"
#include "acq-toast.h"

typedef struct
{
  AcqSheetList       *list;
  AcqStore           *store;
  char               *candidate_uuid;
  AdwPreferencesPage *page;
  GPtrArray          *groups;  /* (element-type AdwPreferencesGroup) (unowned): on the page */
} People;

typedef struct
{
  AcqStore         *store;
  AcqPersonMention *mention;
} Removed;

static void rebuild (People *people);

static void
people_free (People *people)
{
  g_signal_handlers_disconnect_by_data (people->store, people);
  g_object_unref (people->list);
  g_object_unref (people->store);
  g_free (people->candidate_uuid);
  g_ptr_array_unref (people->groups);
  g_free (people);
}

static void
removed_free (Removed *removed)
{
  g_object_unref (removed->store);
  acq_person_mention_free (removed->mention);
  g_free (removed);
}

static gboolean
is_known_cb (const char *word, gssize length, gpointer user_data)
{
  return acq_spell_checker_check_word (user_data, word, length);
}

/* name → the titles of the sheets it is suggested in, in the list's order */
static GHashTable *
find_unanswered (People *people, GPtrArray *mentions, GPtrArray *order)
{
  GHashTable *where = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  AcqSpellChecker *checker = acq_spell_text_get_ready_checker ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people->list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (people->list), i);
      g_autofree char *title = acq_sheet_dup_display_title (sheet);

      for (int r = -1; r < ACQ_N_RUBRICS; r++)
        {
          const char *text = r < 0 ? acq_sheet_get_title (sheet) : acq_sheet_get_rubric (sheet, r);
          g_auto (GStrv) names = acq_people_find_unanswered (text, mentions,
                                                             checker ? is_known_cb : NULL,
                                                             checker);

          for (guint k = 0; names[k] != NULL; k++)
            {
              GPtrArray *titles = g_hash_table_lookup (where, names[k]);

              if (titles == NULL)
                {
                  titles = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (where, g_strdup (names[k]), titles);
                  g_ptr_array_add (order, g_strdup (names[k]));
                }
              if (!g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL))
                g_ptr_array_add (titles, g_strdup (title));
            }
        }
    }
  return where;
}

static void
save (People *people, GtkWidget *widget, AcqPersonMention *mention)
{
  g_autoptr (GError) error = NULL;

  if (!acq_person_mention_save (people->store, mention, &error))
    acq_toast_show (widget, error->message);
}

static void
on_answer_clicked_cb (GtkButton *button, People *people)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  gboolean accept = entry != NULL;
  g_autoptr (AcqPersonMention) mention = NULL;

  mention = acq_person_mention_new (people->candidate_uuid, name,
                                    accept ? gtk_editable_get_text (entry) : "",
                                    accept ? ACQ_PERSON_ACCEPTED : ACQ_PERSON_DISMISSED);
  save (people, GTK_WIDGET (button), mention);
}

static void
on_save_clicked_cb (GtkButton *button, People *people)
{
  AcqPersonMention *stored = g_object_get_data (G_OBJECT (button), "mention");
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "entry");
  g_autoptr (AcqPersonMention) mention = acq_person_mention_copy (stored);

  g_free (mention->replacement);
  mention->replacement = g_strdup (gtk_editable_get_text (entry));
  save (people, GTK_WIDGET (button), mention);
}

static void
undo_remove (gpointer data)
{
  Removed *removed = data;
  g_autoptr (GError) error = NULL;

  if (!acq_person_mention_save (removed->store, removed->mention, &error))
    g_warning ("Could not put the name back: %s", error->message);
}

static void
on_remove_clicked_cb (GtkButton *button, People *people)
{
  AcqPersonMention *stored = g_object_get_data (G_OBJECT (button), "mention");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  Removed *removed;

  if (!acq_person_mention_delete (people->store, stored, &error))
    {
      acq_toast_show (GTK_WIDGET (button), error->message);
      return;
    }
  removed = g_new0 (Removed, 1);
  removed->store = g_object_ref (people->store);
  removed->mention = acq_person_mention_copy (stored);
  /* TRANSLATORS: a person's name, removed from the list of the people mentioned */
  title = g_strdup_printf (_("“%s” removed from the list"), stored->name);
  acq_undo_toast_show (GTK_WIDGET (people->page), title, 0, undo_remove, NULL, removed,
                       (GDestroyNotify) removed_free);
}

static GtkWidget *
button_new (const char *label, const char *accessible, GCallback callback, People *people)
{
  /* no mnemonic: each row has the same buttons, and the name a screen reader hears is the
   * accessible one, "Replace Mme Martin" (a mnemonic button is named by its label alone) */
  GtkWidget *button = label ? gtk_button_new_with_label (label) : gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_signal_connect (button, "clicked", callback, people);
  return button;
}

static GtkWidget *
entry_new (const char *text, const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return entry;
}

static GtkWidget *
row_new (const char *name, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* a name is text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static AdwPreferencesGroup *
group_new (People *people, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (people->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (people->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_unanswered (People *people, const char *name, GPtrArray *titles)
{
  AdwPreferencesGroup *group = g_ptr_array_index (people->groups, 0);
  g_autofree char *replacement = acq_people_default_replacement (name);
  g_autofree char *joined = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row, *entry, *button;

  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv (" · ", (char **) titles->pdata);
  /* TRANSLATORS: the titles of the sheets a name is written in, separated by " · " */
  subtitle = g_strdup_printf (_("Sheets: %s"), joined);
  row = row_new (name, subtitle);
  label = g_strdup_printf (_("Replacement for %s"), name);
  entry = entry_new (replacement, label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Replace %s"), name);
  button = button_new (_("Replace"), label, G_CALLBACK (on_answer_clicked_cb), people);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (button), "entry", entry);
  /* Enter in the replacement replaces, as the button does */
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Leave %s as Written"), name);
  button = button_new (_("Leave as Written"), label, G_CALLBACK (on_answer_clicked_cb),
                       people);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
remove_button_new (People *people, const AcqPersonMention *mention)
{
  g_autofree char *label = g_strdup_printf (_("Remove %s from the List"), mention->name);
  GtkWidget *button = button_new (NULL, label, G_CALLBACK (on_remove_clicked_cb), people);

  gtk_button_set_icon_name (GTK_BUTTON (button), "user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "mention", acq_person_mention_copy (mention),
                          (GDestroyNotify) acq_person_mention_free);
  return button;
}

static void
add_listed (People *people, const AcqPersonMention *mention)
{
  gboolean accepted = mention->state == ACQ_PERSON_ACCEPTED;
  AdwPreferencesGroup *group = g_ptr_array_index (people->groups, accepted ? 1 : 2);
  GtkWidget *row = row_new (mention->name, accepted ? NULL : _("Left as written"));

  if (accepted)
    {
      g_autofree char *label = g_strdup_printf (_("Replacement for %s"), mention->name);
      GtkWidget *entry = entry_new (mention->replacement, label);
      GtkWidget *button;

      g_clear_pointer (&label, g_free);
      label = g_strdup_printf (_("Save the Replacement of %s"), mention->name);
      button = button_new (_("Save"), label, G_CALLBACK (on_save_clicked_cb), people);
      g_object_set_data_full (G_OBJECT (button), "mention", acq_person_mention_copy (mention),
                              (GDestroyNotify) acq_person_mention_free);
      g_object_set_data (G_OBJECT (button), "entry", entry);
      g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button_new (people, mention));
  adw_preferences_group_add (group, row);
}

static void
rebuild (People *people)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) where = NULL;

  for (guint i = 0; i < people->groups->len; i++)
    adw_preferences_page_remove (people->page, g_ptr_array_index (people->groups, i));
  g_ptr_array_set_size (people->groups, 0);
  group_new (people, _("Not Yet Answered"),
             _("Names in the sheets that look like a person’s. The dossier, the map and the "
               "fiche de préparation print the replacement; the sheets keep what you wrote."));
  group_new (people, _("Replaced"), NULL);
  group_new (people, _("Left as Written"), _("Not a person, or a name that may stay."));
  mentions = acq_person_mention_list (people->store, people->candidate_uuid, &error);
  if (mentions == NULL)
    {
      acq_toast_show (GTK_WIDGET (people->page), error->message);
      return;
    }
  where = find_unanswered (people, mentions, order);
  for (guint i = 0; i < order->len; i++)
    add_unanswered (people, g_ptr_array_index (order, i),
                    g_hash_table_lookup (where, g_ptr_array_index (order, i)));
  if (order->len == 0)
    adw_preferences_group_add (g_ptr_array_index (people->groups, 0),
                               row_new (_("Every name is answered"), NULL));
  for (guint i = 0; i < mentions->len; i++)
    add_listed (people, g_ptr_array_index (mentions, i));
  for (guint i = 1; i < people->groups->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (people->groups, i), FALSE);
  for (guint i = 0; i < mentions->len; i++)
    gtk_widget_set_visible (
      g_ptr_array_index (people->groups,
                         ((AcqPersonMention *) g_ptr_array_index (mentions, i))->state ==
                             ACQ_PERSON_ACCEPTED ? 1 : 2), TRUE);
}

/**
 * acq_people_window_show:
 * @parent: the window it belongs to
 * @list: the candidate's sheets
 *
 * Shows the people the candidate writes about: the names not answered yet, replaced, or left
 * as written.
 */
void
acq_people_window_show (GtkWindow *parent, AcqSheetList *list)
{
  People *people = g_new0 (People, 1);
  GtkWidget *window, *box, *overlay;
  GtkEventController *shortcuts;

  people->list = g_object_ref (list);
  people->store = g_object_ref (acq_sheet_list_get_store (list));
  people->candidate_uuid = g_strdup (acq_candidate_get_uuid (acq_sheet_list_get_candidate (list)));
  people->groups = g_ptr_array_new ();

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("People Mentioned"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  overlay = adw_toast_overlay_new ();
  people->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), overlay);
  gtk_widget_set_vexpand (overlay, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (people->page));
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "acq-people", people, (GDestroyNotify) people_free);

  /* Escape or Ctrl+W closes it, as other dialogs */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_w,
                                                                           GDK_CONTROL_MASK)),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  g_signal_connect_swapped (people->store, "changed", G_CALLBACK (rebuild), people);
  rebuild (people);
  gtk_window_present (GTK_WINDOW (window));
}
