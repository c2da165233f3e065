/* acq-certification-import-window.c — find a certification in France Compétences' export,
 * check and correct how its competences were split, store it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export (more than 100 MB) is only ever read as a stream, on workers: the list keeps one
 * line per fiche (number, title, state, number of blocs), the chosen fiche is read whole. Its
 * store is opened on the worker that saves, as every slow job opens its own.
 */
#define G_LOG_DOMAIN "acq-certification-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-certification-import-window.h"
#include "acq-referential.h"
#include "acq-text.h"
#include "acq-toast.h"

/* So many rows at most in the list: a search narrows the rest. */
#define MAX_ROWS 200
/* A bloc with fewer or more competences than this was probably split wrong. */
#define MIN_PLAUSIBLE 2
#define MAX_PLAUSIBLE 20

typedef struct
{
  char    *number;
  char    *title;
  char    *folded; /* number and title, for the search */
  gboolean active;
  guint    n_blocs;
} Summary;

typedef struct
{
  AdwPreferencesGroup *group;
  GPtrArray           *rows;    /* (element-type AdwEntryRow): the competences, in order */
  GtkWidget           *warning; /* a label in the group's description */
  const AcqBlocDef    *bloc;
} BlocView;

struct _AcqCertificationImportWindow
{
  AdwWindow       parent_instance;

  /* template children, alphabetical */
  GtkButton      *add_button;
  GtkButton      *back_button;
  GtkBox         *blocs_box;
  GtkLabel       *count_label;
  GtkLabel       *fiche_label;
  GtkScrolledWindow *fiche_scroll;
  GtkLabel       *fiche_status_label;
  GtkListBox     *fiches_list;
  GtkButton      *open_button;
  GtkProgressBar *progress_bar;
  GtkBox         *progress_box;
  GtkLabel       *progress_label;
  AdwStatusPage  *reading_page;
  GtkSpinner     *reading_spinner;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwWindowTitle *window_title;

  char           *data_dir;
  char           *path;         /* the export open */
  GPtrArray      *summaries;    /* (element-type Summary) */
  GCancellable   *cancellable;  /* the job under way: listing, reading or saving */
  guint           pulse_id;
  gint            n_read;       /* fiches listed so far, written by the worker */
  AcqFiche       *fiche;        /* the fiche shown */
  GPtrArray      *bloc_views;   /* (element-type BlocView) */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AcqCertificationImportWindow, acq_certification_import_window,
                     ADW_TYPE_WINDOW)

static void
summary_free (gpointer data)
{
  Summary *summary = data;

  g_free (summary->number);
  g_free (summary->title);
  g_free (summary->folded);
  g_free (summary);
}

static void
bloc_view_free (gpointer data)
{
  BlocView *view = data;

  g_ptr_array_unref (view->rows);
  g_free (view);
}

static char *
describe_summary (const Summary *summary)
{
  const char *state = summary->active ? _("active") : _("inactive");
  g_autofree char *blocs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bloc", "%u blocs",
                                                         summary->n_blocs),
                                            summary->n_blocs);

  return g_strdup_printf ("%s · %s · %s", summary->number, state, blocs);
}

/* The list */

static void
update_list (AcqCertificationImportWindow *self)
{
  g_autofree char *query = acq_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkWidget *child;
  guint n_matches = 0;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fiches_list))) != NULL)
    gtk_list_box_remove (self->fiches_list, child);
  for (guint i = 0; self->summaries != NULL && i < self->summaries->len; i++)
    {
      const Summary *summary = g_ptr_array_index (self->summaries, i);
      GtkWidget *row, *go;
      g_autofree char *subtitle = NULL;

      if (!acq_text_matches (summary->folded, query))
        continue;
      if (n_matches++ >= MAX_ROWS)
        continue;
      subtitle = describe_summary (summary);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      go = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      g_object_set_data (G_OBJECT (row), "summary", (gpointer) summary);
      gtk_list_box_append (self->fiches_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fiches_list), n_matches > 0);
  if (self->summaries == NULL)
    count = g_strdup ("");
  else if (n_matches == 0)
    count = g_strdup (_("No certification of the export matches the search."));
  else if (n_matches > MAX_ROWS)
    count = g_strdup_printf (_("%u certifications match: the first %u are shown, type more to "
                               "narrow the list."), n_matches, MAX_ROWS);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification of %u.",
                                          "%u certifications of %u.", n_matches),
                             n_matches, self->summaries->len);
  gtk_label_set_text (self->count_label, count);
}

static void
on_search_entry_search_changed_cb (AcqCertificationImportWindow *self)
{
  update_list (self);
}

static gboolean
collect_summary (AcqFiche *fiche, gpointer data)
{
  GTask *task = data;
  AcqCertificationImportWindow *self = g_task_get_source_object (task);
  GPtrArray *summaries = g_task_get_task_data (task);
  Summary *summary = g_new0 (Summary, 1);
  g_autofree char *key = NULL;

  summary->number = g_strdup (fiche->number);
  summary->title = g_strdup (fiche->title != NULL ? fiche->title : "");
  summary->active = fiche->active;
  summary->n_blocs = fiche->blocs->len;
  key = g_strconcat (summary->number, " ", summary->title, NULL);
  summary->folded = acq_text_fold (key);
  g_ptr_array_add (summaries, summary);
  g_atomic_int_set (&self->n_read, summaries->len);
  return TRUE;
}

static void
list_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  const char *path = g_object_get_data (G_OBJECT (task), "path");

  stream = acq_referential_open_export (path, &error);
  if (stream == NULL || !acq_referential_list (stream, collect_summary, task, cancellable,
                                               &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_cb (gpointer data)
{
  AcqCertificationImportWindow *self = data;
  guint n = g_atomic_int_get (&self->n_read);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Reading the export: %u certification "
                                                        "so far…",
                                                        "Reading the export: %u certifications "
                                                        "so far…", n),
                                           n);

  gtk_progress_bar_pulse (self->progress_bar);
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (AcqCertificationImportWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), FALSE);
}

static void
on_listed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AcqCertificationImportWindow) self = data;
  g_autoptr (GError) error = NULL;
  GPtrArray *summaries = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_pulse (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  if (error != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      acq_toast_show (GTK_WIDGET (self->stack), error->message);
      return;
    }
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  self->summaries = g_ptr_array_ref (summaries);
  update_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
restart_cancellable (AcqCertificationImportWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
list_export (AcqCertificationImportWindow *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (file);

  restart_cancellable (self);
  g_free (self->path);
  self->path = g_file_get_path (file);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  adw_window_title_set_subtitle (self->window_title, basename);
  update_list (self);
  g_atomic_int_set (&self->n_read, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "list");
  pulse_cb (self);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, pulse_cb, self);

  task = g_task_new (self, self->cancellable, on_listed_cb, g_object_ref (self));
  g_task_set_task_data (task, g_ptr_array_new_with_free_func (summary_free),
                        (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (self->path), g_free);
  g_task_run_in_thread (task, list_thread);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response,
                        AcqCertificationImportWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (file != NULL && path == NULL)
    acq_toast_show (GTK_WIDGET (self->stack),
                    _("The export must be a file on this computer: download it first."));
  else if (file != NULL)
    list_export (self, file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("France Compétences export (XML or zip)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_suffix (filter, "zip");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "application/zip");
  self->chooser = gtk_file_chooser_native_new (_("Open an Export File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (widget);

  restart_cancellable (self);
  stop_pulse (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  if (self->summaries == NULL)
    gtk_stack_set_visible_child_name (self->stack, "start");
}

/* The fiche: each bloc's competences as split, editable, beside the export's text */

static void
update_bloc_warning (BlocView *view)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < view->rows->len; i++)
    {
      const char *line = gtk_editable_get_text (g_ptr_array_index (view->rows, i));
      g_autofree char *stripped = g_strstrip (g_strdup (line));

      n += *stripped != '\0';
    }
  if (n == 0)
    text = g_strdup (_("⚠ No competence: a bloc needs at least one."));
  else if (n < MIN_PLAUSIBLE)
    text = g_strdup (_("⚠ Only one competence: check against the export’s text that it was not "
                       "several run together."));
  else if (n > MAX_PLAUSIBLE)
    text = g_strdup_printf (_("⚠ %u competences: check that headings or sentences were not "
                              "taken for competences."), n);
  gtk_label_set_text (GTK_LABEL (view->warning), text != NULL ? text : "");
  gtk_widget_set_visible (view->warning, text != NULL);
}

static void
renumber_rows (BlocView *view)
{
  for (guint i = 0; i < view->rows->len; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Competence %u"), i + 1);
      GtkWidget *row = g_ptr_array_index (view->rows, i);
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");
      g_autofree char *label = g_strdup_printf (_("Remove competence %u of %s"), i + 1,
                                                view->bloc->code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  update_bloc_warning (view);
}

static void
on_remove_clicked_cb (GtkButton *button, BlocView *view)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  g_ptr_array_remove (view->rows, row);
  adw_preferences_group_remove (view->group, row);
  renumber_rows (view);
}

static void
on_competence_changed_cb (GtkEditable *editable, BlocView *view)
{
  update_bloc_warning (view);
}

static GtkWidget *
add_competence_row (BlocView *view, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Not a competence: remove this line"));
  gtk_widget_add_css_class (remove, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), view);
  g_signal_connect (row, "changed", G_CALLBACK (on_competence_changed_cb), view);
  g_ptr_array_add (view->rows, row);
  adw_preferences_group_add (view->group, row);
  acq_a11y_hide_decorative_images (row);
  return row;
}

static void
on_add_clicked_cb (GtkButton *button, BlocView *view)
{
  GtkWidget *row = add_competence_row (view, "");

  renumber_rows (view);
  gtk_widget_grab_focus (row);
}

static void
clear_fiche (AcqCertificationImportWindow *self)
{
  for (guint i = 0; self->bloc_views != NULL && i < self->bloc_views->len; i++)
    {
      BlocView *view = g_ptr_array_index (self->bloc_views, i);

      gtk_box_remove (self->blocs_box, GTK_WIDGET (view->group));
    }
  g_clear_pointer (&self->bloc_views, g_ptr_array_unref);
  g_clear_pointer (&self->fiche, acq_fiche_free);
}

/* The expander's arrow only repeats what its state says. */
static void
hide_arrow (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    else if (!GTK_IS_LIST_BOX_ROW (child) || ADW_IS_PREFERENCES_ROW (child))
      hide_arrow (child);
}

static void
show_bloc (AcqCertificationImportWindow *self, const AcqBlocDef *bloc)
{
  BlocView *view = g_new0 (BlocView, 1);
  g_autofree char *title = g_strdup_printf ("%s — %s", bloc->code, bloc->title);
  g_autofree char *add_label = g_strdup_printf (_("Add a competence to %s"), bloc->code);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *original = gtk_label_new (bloc->competences_text);
  GtkWidget *original_row = gtk_list_box_row_new ();
  g_autofree char *original_name = g_strdup_printf (_("Text of the export for %s"), bloc->code);

  view->bloc = bloc;
  view->rows = g_ptr_array_new ();
  view->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (view->group, title);
  gtk_widget_set_tooltip_text (add, _("Add a Competence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label,
                                  -1);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (view->group, add);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), view);

  /* the export's text, for the reader to compare, above the lines split from it */
  view->warning = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (view->warning), TRUE);
  gtk_label_set_xalign (GTK_LABEL (view->warning), 0);
  gtk_widget_add_css_class (view->warning, "warning");
  gtk_box_append (GTK_BOX (header), view->warning);
  adw_preferences_group_add (view->group, header);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Text of the export"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("The competences below were split from it"));
  gtk_label_set_wrap (GTK_LABEL (original), TRUE);
  gtk_label_set_xalign (GTK_LABEL (original), 0);
  gtk_label_set_selectable (GTK_LABEL (original), TRUE);
  gtk_widget_set_margin_start (original, 12);
  gtk_widget_set_margin_end (original, 12);
  gtk_widget_set_margin_top (original, 12);
  gtk_widget_set_margin_bottom (original, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (original_row), original);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (original_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (original_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  original_name, -1);
  /* libadwaita 1.2 leaves the expander row itself unnamed */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  original_name, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), original_row);
  adw_preferences_group_add (view->group, expander);
  hide_arrow (expander);

  for (guint c = 0; c < bloc->competences->len; c++)
    add_competence_row (view, g_ptr_array_index (bloc->competences, c));
  renumber_rows (view);
  g_ptr_array_add (self->bloc_views, view);
  gtk_box_append (self->blocs_box, GTK_WIDGET (view->group));
  acq_a11y_hide_decorative_images (GTK_WIDGET (view->group));
}

static void
set_stored (AcqCertificationImportWindow *self, gboolean stored)
{
  gtk_label_set_text (self->fiche_status_label,
                      stored
                      ? _("Acquis already has this certification: adding it again replaces "
                          "its wording with the one below; candidates’ links are kept.")
                      : _("Check each bloc against the export’s text, correct the lines, "
                          "then add the certification to Acquis."));
}

typedef struct
{
  AcqFiche *fiche;
  gboolean  stored;
} Read;

static void
read_free (gpointer data)
{
  Read *read = data;

  g_clear_pointer (&read->fiche, acq_fiche_free);
  g_free (read);
}

static void
read_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AcqCertificationImportWindow *self = source;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqFiche) stored = NULL;
  Read *read = g_new0 (Read, 1);

  const char *path = g_object_get_data (G_OBJECT (task), "path");

  read->fiche = acq_referential_read_fiche_file (path, task_data, cancellable, &error);
  if (read->fiche != NULL && (store = acq_store_open (self->data_dir, &error)) != NULL)
    {
      stored = acq_referential_load (store, read->fiche->number, &error);
      read->stored = stored != NULL;
      if (g_error_matches (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND))
        g_clear_error (&error);
    }
  if (error != NULL)
    {
      read_free (read);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, read, read_free);
}

static void
on_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AcqCertificationImportWindow) self = data;
  g_autoptr (GError) error = NULL;
  Read *read = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *heading = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->reading_spinner);
  if (read == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
      acq_toast_show (GTK_WIDGET (self->stack), error->message);
      return;
    }
  clear_fiche (self);
  self->fiche = g_steal_pointer (&read->fiche);
  self->bloc_views = g_ptr_array_new_with_free_func (bloc_view_free);
  heading = acq_fiche_dup_name (self->fiche);
  gtk_label_set_text (self->fiche_label, heading);
  set_stored (self, read->stored);
  for (guint b = 0; b < self->fiche->blocs->len; b++)
    show_bloc (self, g_ptr_array_index (self->fiche->blocs, b));
  read_free (read);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "fiche");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->fiche_scroll), 0);
}

static void
on_fiches_list_row_activated_cb (AcqCertificationImportWindow *self, GtkListBoxRow *row)
{
  const Summary *summary = g_object_get_data (G_OBJECT (row), "summary");
  g_autoptr (GTask) task = NULL;

  if (summary == NULL || self->path == NULL)
    return;
  restart_cancellable (self);
  adw_status_page_set_description (self->reading_page, summary->title);
  gtk_spinner_start (self->reading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  task = g_task_new (self, self->cancellable, on_read_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (summary->number), g_free);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (self->path), g_free);
  g_task_run_in_thread (task, read_thread);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (widget);

  restart_cancellable (self);
  gtk_spinner_stop (self->reading_spinner);
  clear_fiche (self);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, self->path != NULL ? "list" : "start");
}

/* Saving: the fiche as the user corrected it */

static AcqFiche *
dup_corrected_fiche (AcqCertificationImportWindow *self)
{
  AcqFiche *fiche = acq_fiche_copy (self->fiche);

  for (guint b = 0; b < fiche->blocs->len; b++)
    {
      AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, b);
      BlocView *view = g_ptr_array_index (self->bloc_views, b);

      g_ptr_array_set_size (bloc->competences, 0);
      for (guint i = 0; i < view->rows->len; i++)
        {
          const char *line = gtk_editable_get_text (g_ptr_array_index (view->rows, i));
          char *stripped = g_strstrip (g_strdup (line));

          if (*stripped != '\0')
            g_ptr_array_add (bloc->competences, stripped);
          else
            g_free (stripped);
        }
    }
  return fiche;
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AcqCertificationImportWindow *self = source;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (self->data_dir, &error);
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);

  if (store == NULL || !acq_referential_import_fiche_full (store, task_data, unmatched, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&unmatched), (GDestroyNotify) g_ptr_array_unref);
}

/* Over an older version, the competences it worded that this one no longer does: the sheets
 * linking them keep them, and the user is told which, to link those sheets again. */
static void
show_unmatched (AcqCertificationImportWindow *self, GPtrArray *unmatched)
{
  g_autoptr (GString) body = g_string_new (_("The sheets that link them keep them. Link those "
                                             "sheets to the new wording when you review them."));
  AdwMessageDialog *dialog;

  g_string_append_c (body, '\n');
  for (guint i = 0; i < unmatched->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (unmatched, i), "\t", 2);

      g_string_append_printf (body, "\n• %s — %s", parts[0], parts[1] != NULL ? parts[1] : "");
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Competences Not in the New Version"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AcqCertificationImportWindow) self = data;
  g_autoptr (GError) error = NULL;
  const AcqFiche *fiche = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;
  g_autoptr (GPtrArray) unmatched = g_task_propagate_pointer (G_TASK (result), &error);

  if (unmatched == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
          acq_toast_show (GTK_WIDGET (self->stack), error->message);
        }
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  set_stored (self, TRUE);
  message = g_strdup_printf (_("%s added to Acquis: choose it for a candidate on their page."),
                             fiche->number);
  acq_toast_show (GTK_WIDGET (self->stack), message);
  if (unmatched->len > 0)
    show_unmatched (self, unmatched);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (widget);
  g_autoptr (GTask) task = NULL;

  if (self->fiche == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  task = g_task_new (self, self->cancellable, on_saved_cb, g_object_ref (self));
  g_task_set_task_data (task, dup_corrected_fiche (self), (GDestroyNotify) acq_fiche_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * acq_certification_import_window_new:
 * @parent: the main window
 * @data_dir: the data folder the certification is stored in
 *
 * Returns: (transfer none): the window, shown, waiting for an export file
 */
AcqCertificationImportWindow *
acq_certification_import_window_new (GtkWindow *parent, const char *data_dir)
{
  AcqCertificationImportWindow *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (ACQ_TYPE_CERTIFICATION_IMPORT_WINDOW, "transient-for", parent, NULL);
  self->data_dir = g_strdup (data_dir);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * acq_certification_import_window_open:
 * @self: the window
 * @file: an export of France Compétences (XML, or the zip it ships), dropped or chosen
 *
 * Lists the fiches of @file, as if the user had chosen it.
 */
void
acq_certification_import_window_open (AcqCertificationImportWindow *self, GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ACQ_IS_CERTIFICATION_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    acq_toast_show (GTK_WIDGET (self->stack),
                    _("The export must be a file on this computer: download it first."));
  else
    list_export (self, file);
}

static void
acq_certification_import_window_dispose (GObject *object)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  clear_fiche (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_CERTIFICATION_IMPORT_WINDOW);
  G_OBJECT_CLASS (acq_certification_import_window_parent_class)->dispose (object);
}

static void
acq_certification_import_window_finalize (GObject *object)
{
  AcqCertificationImportWindow *self = ACQ_CERTIFICATION_IMPORT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_free (self->data_dir);
  g_free (self->path);
  G_OBJECT_CLASS (acq_certification_import_window_parent_class)->finalize (object);
}

static void
acq_certification_import_window_class_init (AcqCertificationImportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_certification_import_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = acq_certification_import_window_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-certification-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, blocs_box);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, fiche_label);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, fiche_scroll);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow,
                                        fiche_status_label);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, fiches_list);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow,
                                        progress_label);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, reading_page);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow,
                                        reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AcqCertificationImportWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_fiches_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_install_action (widget_class, "import.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.back",
                                       NULL);
}

static void
acq_certification_import_window_init (AcqCertificationImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
