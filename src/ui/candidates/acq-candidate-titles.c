/* acq-candidate-titles.c — the titles, diplomas and CQP a candidate holds, as her dossier
 * lists them: added, typed in, dated, proved by a document, removed with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code, as the candidate's documents are: a group whose boxes come from the store,
 * one boxed list per title (its intitulé, the awarding body, the date, the proof). What she
 * types is saved as she types (acq-autosave), only the titles she changed; the date is saved
 * when chosen. The proof is one of her candidate documents, imported on a worker as the
 * others are, then named by the title. A removed title comes back with Undo from the copy
 * kept by the toast. A change from elsewhere (an exchange file, another window) is read again
 * on the store's "changed", unless she is typing in the group: the boxes are not rebuilt
 * under her keys, nor for the group's own saves.
 */
#define G_LOG_DOMAIN "acq-candidate-titles"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-autosave.h"
#include "acq-candidate-document.h"
#include "acq-candidate-title.h"
#include "acq-candidate-titles.h"
#include "acq-date-button.h"
#include "acq-document-open.h"
#include "acq-review.h"
#include "acq-toast.h"

typedef struct
{
  AcqCandidateTitles *self;
  AcqCandidateTitle  *title;
  gboolean            dirty;
  /* named after the title, renamed as she types it; the box's, alive while the entry is */
  GtkWidget          *list;
  GtkWidget          *remove_button;
  GtkWidget          *open_button;  /* (nullable) */
  GtkWidget          *attach_button;
} Entry;

struct _AcqCandidateTitles
{
  AdwPreferencesGroup parent_instance;

  GtkBox       *titles_box;
  AcqStore     *store;
  AcqCandidate *candidate;
  AcqRole       role;
  GPtrArray    *entries; /* (element-type Entry) */
  AcqAutosave  *autosave;
  GCancellable *cancellable;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (AcqCandidateTitles, acq_candidate_titles, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_titles (AcqCandidateTitles *self);

static void
entry_free (Entry *entry)
{
  acq_candidate_title_free (entry->title);
  g_free (entry);
}

/* The name a control gives for its title, for the screen reader: "Remove “CAP”". */
static char *
title_name (const AcqCandidateTitle *title)
{
  return g_strdup (*title->title != '\0' ? title->title : _("New title"));
}

static void
save_changed (gpointer user_data)
{
  AcqCandidateTitles *self = user_data;

  for (guint i = 0; self->store != NULL && i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr (GError) error = NULL;

      if (!entry->dirty)
        continue;
      /* refused (too long, not a date): the text stays in its field, the toast says why */
      if (acq_candidate_title_save (self->store, entry->title, &error))
        entry->dirty = FALSE;
      else
        acq_toast_show (GTK_WIDGET (self), error->message);
    }
}

/**
 * acq_candidate_titles_save_now:
 * @self: the group
 *
 * Saves what is waiting for the autosave's pause, as the page does before it shows another
 * candidate.
 */
void
acq_candidate_titles_save_now (AcqCandidateTitles *self)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_TITLES (self));
  acq_autosave_flush (self->autosave);
}

static void
name_control (GtkWidget *widget, const char *format, const char *name)
{
  g_autofree char *label = NULL;

  if (widget == NULL)
    return;
  label = g_strdup_printf (format, name);
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Every control of a title says which title it acts on: "Remove “CAP”". */
static void
name_controls (Entry *entry)
{
  g_autofree char *name = title_name (entry->title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  /* TRANSLATORS: %s is a title or diploma */
  name_control (entry->remove_button, _("Remove “%s”"), name);
  /* TRANSLATORS: %s is a title or diploma */
  name_control (entry->open_button, _("Open the proof of “%s”"), name);
  /* TRANSLATORS: %s is a title or diploma */
  name_control (entry->attach_button, _("Attach a proof of “%s”"), name);
}

static void
on_text_changed_cb (Entry *entry, GtkEditable *editable)
{
  AcqCandidateTitles *self = entry->self;
  char **field = g_object_get_data (G_OBJECT (editable), "field") == GINT_TO_POINTER (1)
                 ? &entry->title->organisation : &entry->title->title;

  if (self->loading)
    return;
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (editable));
  if (field == &entry->title->title)
    name_controls (entry);
  entry->dirty = TRUE;
  acq_autosave_changed (self->autosave);
}

static void
on_date_chosen_cb (Entry *entry, const char *iso, AcqDateButton *button)
{
  g_free (entry->title->date);
  entry->title->date = g_strdup (iso != NULL ? iso : "");
  acq_date_button_set_date (button, iso);
  entry->dirty = TRUE;
  acq_autosave_changed (entry->self->autosave);
  acq_autosave_flush (entry->self->autosave);
}

typedef struct
{
  AcqCandidateTitles *self;
  AcqCandidateTitle  *title;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_object_unref (removed->self);
  acq_candidate_title_free (removed->title);
  g_free (removed);
}

static void
undo_remove (gpointer data)
{
  Removed *removed = data;
  g_autoptr (GError) error = NULL;

  if (removed->self->store == NULL)
    return;
  if (!acq_candidate_title_save (removed->self->store, removed->title, &error))
    acq_toast_show (GTK_WIDGET (removed->self), error->message);
  load_titles (removed->self);
}

static void
on_remove_clicked_cb (Entry *entry, GtkButton *button)
{
  AcqCandidateTitles *self = entry->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = title_name (entry->title);
  g_autofree char *message = NULL;
  Removed *removed;

  acq_autosave_flush (self->autosave);
  removed = g_new0 (Removed, 1);
  removed->self = g_object_ref (self);
  removed->title = acq_candidate_title_copy (entry->title);
  if (!acq_candidate_title_delete (self->store, entry->title->uuid, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      removed_free (removed);
      return;
    }
  /* TRANSLATORS: %s is the title or diploma removed */
  message = g_strdup_printf (_("“%s” removed"), name);
  acq_undo_toast_show (GTK_WIDGET (self), message, 0, undo_remove, NULL, removed, removed_free);
  load_titles (self);
}

/* --- The proof -------------------------------------------------------------------------- */

static AcqCandidateDocument *
find_document (AcqCandidateTitles *self, const char *uuid)
{
  g_autoptr (GPtrArray) documents = NULL;

  if (uuid == NULL || self->candidate == NULL)
    return NULL;
  documents = acq_candidate_document_list (self->store, acq_candidate_get_uuid (self->candidate),
                                           NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      AcqCandidateDocument *document = g_ptr_array_index (documents, i);

      if (g_strcmp0 (document->uuid, uuid) == 0)
        return acq_candidate_document_copy (document);
    }
  return NULL;
}

static void
on_open_clicked_cb (Entry *entry, GtkButton *button)
{
  AcqCandidateTitles *self = entry->self;
  g_autoptr (AcqCandidateDocument) document = find_document (self, entry->title->document_uuid);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (document == NULL)
    return;
  path = acq_candidate_document_get_path (self->store, document, &error);
  if (path == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  else
    acq_document_open_copy (GTK_WIDGET (self), self->store, path, document->file_name,
                            document->candidate_uuid);
}

typedef struct
{
  AcqCandidateTitles *self;
  char               *uuid;
} Attaching;

static void
attaching_free (Attaching *attaching)
{
  g_object_unref (attaching->self);
  g_free (attaching->uuid);
  g_free (attaching);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attaching, attaching_free)

static void
on_document_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Attaching) attaching = user_data;
  AcqCandidateTitles *self = attaching->self;
  g_autoptr (AcqCandidateDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = acq_candidate_document_add_finish (ACQ_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->autosave == NULL)
    return;
  if (document == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->title->uuid, attaching->uuid) != 0)
        continue;
      g_free (entry->title->document_uuid);
      entry->title->document_uuid = g_strdup (document->uuid);
      entry->dirty = TRUE;
      acq_autosave_changed (self->autosave);
      acq_autosave_flush (self->autosave);
    }
  load_titles (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser, int response, Attaching *attaching)
{
  AcqCandidateTitles *self = attaching->self;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->candidate != NULL && self->store != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      acq_candidate_document_add_async (self->store, acq_candidate_get_uuid (self->candidate),
                                        ACQ_CANDIDATE_DOCUMENT_OTHER, self->role, file,
                                        self->cancellable, on_document_added_cb,
                                        g_steal_pointer (&attaching));
    }
  g_clear_pointer (&attaching, attaching_free);
  g_object_unref (chooser);
}

static void
on_attach_clicked_cb (Entry *entry, GtkButton *button)
{
  AcqCandidateTitles *self = entry->self;
  GtkFileChooserNative *chooser = acq_document_chooser_new (GTK_WIDGET (self),
                                                            _("Attach a Proof"), FALSE);
  Attaching *attaching = g_new0 (Attaching, 1);

  attaching->self = g_object_ref (self);
  attaching->uuid = g_strdup (entry->title->uuid);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), attaching);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- The rows --------------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon, GCallback callback, Entry *entry)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, entry);
  return button;
}

static GtkWidget *
text_row (Entry *entry, const char *title, const char *text, int field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_object_set_data (G_OBJECT (row), "field", GINT_TO_POINTER (field));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_text_changed_cb), entry);
  return row;
}

static GtkWidget *
date_row (Entry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = g_object_new (ACQ_TYPE_DATE_BUTTON, "title", _("Date awarded"),
                                    "placeholder", "—", NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  acq_date_button_set_date (ACQ_DATE_BUTTON (button),
                            *entry->title->date != '\0' ? entry->title->date : NULL);
  g_signal_connect_swapped (button, "date-chosen", G_CALLBACK (on_date_chosen_cb), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
proof_row (AcqCandidateTitles *self, Entry *entry)
{
  g_autoptr (AcqCandidateDocument) document = find_document (self, entry->title->document_uuid);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Proof"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               document != NULL
                               ? acq_candidate_document_get_display_title (document)
                               : _("No document attached"));
  if (document != NULL)
    {
      entry->open_button = icon_button ("document-open-symbolic",
                                        G_CALLBACK (on_open_clicked_cb), entry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry->open_button);
    }
  entry->attach_button = icon_button ("mail-attachment-symbolic",
                                      G_CALLBACK (on_attach_clicked_cb), entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry->attach_button);
  return row;
}

static GtkWidget *
title_box (AcqCandidateTitles *self, Entry *entry)
{
  GtkWidget *title = text_row (entry, _("_Title or diploma"), entry->title->title, 0);

  entry->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (entry->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (entry->list, "boxed-list");
  entry->remove_button = icon_button ("user-trash-symbolic", G_CALLBACK (on_remove_clicked_cb),
                                      entry);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (title), entry->remove_button);
  gtk_list_box_append (GTK_LIST_BOX (entry->list), title);
  gtk_list_box_append (GTK_LIST_BOX (entry->list),
                       text_row (entry, _("_Awarding body"), entry->title->organisation, 1));
  gtk_list_box_append (GTK_LIST_BOX (entry->list), date_row (entry));
  gtk_list_box_append (GTK_LIST_BOX (entry->list), proof_row (self, entry));
  name_controls (entry);
  g_object_set_data (G_OBJECT (entry->list), "title-row", title);
  return entry->list;
}

static void
clear_titles (AcqCandidateTitles *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->titles_box))) != NULL)
    gtk_box_remove (self->titles_box, child);
  g_ptr_array_set_size (self->entries, 0);
}

static void
load_titles (AcqCandidateTitles *self)
{
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GError) error = NULL;

  acq_autosave_flush (self->autosave);
  clear_titles (self);
  if (self->candidate != NULL && self->store != NULL)
    titles = acq_candidate_title_list (self->store, acq_candidate_get_uuid (self->candidate),
                                       &error);
  if (error != NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  self->loading = TRUE;
  for (guint i = 0; titles != NULL && i < titles->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->self = self;
      entry->title = g_steal_pointer (&g_ptr_array_index (titles, i));
      g_ptr_array_add (self->entries, entry);
      gtk_box_append (self->titles_box, title_box (self, entry));
    }
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->titles_box), self->entries->len > 0);
}

static void
add_title_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqCandidateTitles *self = ACQ_CANDIDATE_TITLES (widget);
  g_autoptr (AcqCandidateTitle) added = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *last;

  if (self->candidate == NULL || self->store == NULL)
    return;
  acq_autosave_flush (self->autosave);
  added = acq_candidate_title_add (self->store, acq_candidate_get_uuid (self->candidate), "", "",
                                   "", &error);
  if (added == NULL)
    {
      acq_toast_show (widget, error->message);
      return;
    }
  load_titles (self);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->titles_box));
  if (last != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (last), "title-row"));
}

static gboolean
same_title (const AcqCandidateTitle *a, const AcqCandidateTitle *b)
{
  return g_strcmp0 (a->uuid, b->uuid) == 0 && a->position == b->position &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->organisation, b->organisation) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->document_uuid, b->document_uuid) == 0;
}

static void
on_store_changed_cb (AcqCandidateTitles *self)
{
  g_autoptr (GPtrArray) titles = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean same;

  if (self->candidate == NULL || acq_autosave_pending (self->autosave))
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->titles_box)))
    return;
  titles = acq_candidate_title_list (self->store, acq_candidate_get_uuid (self->candidate),
                                     NULL);
  if (titles == NULL)
    return;
  same = titles->len == self->entries->len;
  for (guint i = 0; same && i < titles->len; i++)
    same = same_title (g_ptr_array_index (titles, i),
                       ((Entry *) g_ptr_array_index (self->entries, i))->title);
  if (!same)
    load_titles (self);
}

/**
 * acq_candidate_titles_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate: (nullable): whose titles to show
 */
void
acq_candidate_titles_set_candidate (AcqCandidateTitles *self, AcqStore *store,
                                    AcqCandidate *candidate)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_TITLES (self));

  acq_autosave_flush (self->autosave);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (store == NULL)
    candidate = NULL;
  g_set_object (&self->candidate, candidate);
  load_titles (self);
}

static void
acq_candidate_titles_dispose (GObject *object)
{
  AcqCandidateTitles *self = ACQ_CANDIDATE_TITLES (object);

  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (self->titles_box != NULL)
    clear_titles (self);
  g_clear_object (&self->store);
  g_clear_object (&self->candidate);
  G_OBJECT_CLASS (acq_candidate_titles_parent_class)->dispose (object);
}

static void
acq_candidate_titles_finalize (GObject *object)
{
  AcqCandidateTitles *self = ACQ_CANDIDATE_TITLES (object);

  g_ptr_array_unref (self->entries);
  G_OBJECT_CLASS (acq_candidate_titles_parent_class)->finalize (object);
}

static void
acq_candidate_titles_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  AcqCandidateTitles *self = ACQ_CANDIDATE_TITLES (object);

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
acq_candidate_titles_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  AcqCandidateTitles *self = ACQ_CANDIDATE_TITLES (object);

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
acq_candidate_titles_class_init (AcqCandidateTitlesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acq_candidate_titles_dispose;
  object_class->finalize = acq_candidate_titles_finalize;
  object_class->get_property = acq_candidate_titles_get_property;
  object_class->set_property = acq_candidate_titles_set_property;

  /**
   * AcqCandidateTitles:role:
   *
   * Who attaches a proof here: the document keeps it, and the exchange's merge with it.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_CANDIDATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "candidate-titles.add", NULL,
                                   add_title_action);
}

static void
acq_candidate_titles_init (AcqCandidateTitles *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add a _Title"));

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->autosave = acq_autosave_new (save_changed, self);
  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _("Titles, Diplomas and CQP"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _("The titles, diplomas, CQP and training certificates the candidate holds: the dossier "
      "lists them in its table. A scan of each can be attached as a proof."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "candidate-titles.add");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Title"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  self->titles_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_visible (GTK_WIDGET (self->titles_box), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->titles_box));
}
