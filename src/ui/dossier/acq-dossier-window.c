/* acq-dossier-window.c — the candidate's Dossier Professionnel as it will print, and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dossier is written to a private temporary file on a worker (acq_dossier_write_async),
 * then shown by AcqDossierView. A change in the store makes it again a second later; the new
 * file replaces the old one on screen only once it is read, at the same place.
 */
#define G_LOG_DOMAIN "acq-dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "acq-dossier-document.h"
#include "acq-dossier-print.h"
#include "acq-dossier-rules.h"
#include "acq-dossier-thumb.h"
#include "acq-dossier-view.h"
#include "acq-dossier-window.h"
#include "acq-output-file.h"
#include "acq-toast.h"

/* How long the store stays quiet before the dossier is made again. */
#define REGENERATE_DELAY_MS 1000
/* Thumbnails kept drawn; those seen longest ago are drawn again when seen again. */
#define THUMBS_KEPT 150
#define ZOOM_STEP 1.2

struct _AcqDossierWindow
{
  AdwWindow           parent_instance;

  /* template children, alphabetical */
  AdwStatusPage      *failed_page;
  GtkSearchEntry     *find_entry;
  AdwFlap            *flap;
  GtkListBox         *issues_list;
  GtkLabel           *match_label;
  GtkLabel           *n_pages_label;
  GtkEntry           *page_entry;
  GtkActionBar       *page_bar;
  GtkStack           *preview_stack;
  GtkProgressBar     *progress_bar;
  GtkSearchBar       *search_bar;
  GtkListView        *thumbnails_list;
  GtkProgressBar     *update_progress;
  GtkRevealer        *update_revealer;
  AcqDossierView     *view;
  AdwWindowTitle     *window_title;
  GtkMenuButton      *zoom_button;

  AcqStore           *store;
  AcqCandidate       *candidate;
  char               *dir;        /* a private temporary folder for the PDFs */
  char               *path;       /* the PDF shown */
  guint               serial;     /* of the latest generation asked for */
  GCancellable       *generation; /* the generation under way, if any */
  guint               regenerate_id;

  GListStore         *thumbs;     /* (element-type AcqDossierThumb) */
  GtkSingleSelection *selection;
  GCancellable       *thumbs_cancellable;
  GQueue              thumbs_drawn;

  GFile              *final_file; /* where the final dossier or reading copy is written */

  char               *find_text;
  GCancellable       *find_cancellable;
  GArray             *match_counts; /* (element-type guint) per page, G_MAXUINT: not searched */
  guint               pages_searched;
  int                 match_page;   /* the match shown, -1 for none */
  guint               match_index;
};

G_DEFINE_FINAL_TYPE (AcqDossierWindow, acq_dossier_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_find (AcqDossierWindow *self);
static void start_generation (AcqDossierWindow *self);

static void
toast (AcqDossierWindow *self, const char *message)
{
  acq_toast_show (GTK_WIDGET (self->issues_list), message);
}

/* A file written for the user: said with Open and Show in Files. */
static void
exported (AcqDossierWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Dossier exported to “%s”"), name);

  acq_file_toast_show (GTK_WIDGET (self->issues_list), message, file);
}

static gboolean
has_document (AcqDossierWindow *self)
{
  return acq_dossier_view_get_document (self->view) != NULL;
}

static void
actions_update (AcqDossierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = has_document (self);
  guint n = acq_dossier_view_get_n_pages (self->view);
  guint page = acq_dossier_view_get_current_page (self->view);
  double zoom = acq_dossier_view_get_zoom (self->view);
  gboolean has_matches = self->match_page >= 0;

  gtk_widget_action_set_enabled (widget, "dossier.export", shown);
  gtk_widget_action_set_enabled (widget, "dossier.print", shown);
  gtk_widget_action_set_enabled (widget, "dossier.open-viewer", shown);
  gtk_widget_action_set_enabled (widget, "dossier.cancel", self->generation != NULL);
  gtk_widget_action_set_enabled (widget, "dossier.previous-page", shown && page > 0);
  gtk_widget_action_set_enabled (widget, "dossier.first-page", shown && page > 0);
  gtk_widget_action_set_enabled (widget, "dossier.next-page", shown && page + 1 < n);
  gtk_widget_action_set_enabled (widget, "dossier.last-page", shown && page + 1 < n);
  gtk_widget_action_set_enabled (widget, "dossier.zoom-in",
                                 shown && zoom < ACQ_DOSSIER_ZOOM_MAX - 1e-3);
  gtk_widget_action_set_enabled (widget, "dossier.zoom-out",
                                 shown && zoom > ACQ_DOSSIER_ZOOM_MIN + 1e-3);
  gtk_widget_action_set_enabled (widget, "dossier.zoom-reset", shown);
  gtk_widget_action_set_enabled (widget, "dossier.fit", shown);
  gtk_widget_action_set_enabled (widget, "dossier.find-next", has_matches);
  gtk_widget_action_set_enabled (widget, "dossier.find-previous", has_matches);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page_entry), shown);
}

/* --- The rules ----------------------------------------------------------------------------- */

/* The rules, errors first: each says what to fix, and a click opens the sheet concerned. */
static void
show_issues (AcqDossierWindow *self)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = acq_dossier_check (self->store,
                                                    acq_candidate_get_uuid (self->candidate),
                                                    ACQ_DOSSIER_MODE_FINAL, layout, &error);
  GtkWidget *child;

  if (issues == NULL)
    {
      toast (self, error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issues_list))) != NULL)
    gtk_list_box_remove (self->issues_list, child);
  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);
      gboolean is_error = issue->severity == ACQ_DOSSIER_SEVERITY_ERROR;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                               : "dialog-information-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   is_error ? _("To fix before the final dossier")
                                            : _("Worth knowing"));
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (icon, is_error ? "error" : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (issue->sheet_uuid != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "sheet-uuid", g_strdup (issue->sheet_uuid),
                                  g_free);
        }
      gtk_list_box_append (self->issues_list, row);
    }
  if (issues->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Every rule of the dossier is met: the final dossier can "
                                       "be made."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->issues_list, row);
    }
}

static void
on_issues_list_row_activated_cb (AcqDossierWindow *self, GtkListBoxRow *row)
{
  const char *sheet_uuid = g_object_get_data (G_OBJECT (row), "sheet-uuid");

  if (sheet_uuid != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, sheet_uuid);
}

/* --- Thumbnails ---------------------------------------------------------------------------- */

static void
on_thumb_rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqDossierThumb) thumb = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture =
    acq_dossier_document_render_finish (ACQ_DOSSIER_DOCUMENT (source), result, &error);
  AcqDossierWindow *self;

  if (texture == NULL)
    return; /* cancelled: another document, or the window closed */
  self = g_object_get_data (G_OBJECT (thumb), "window");
  acq_dossier_thumb_set_texture (thumb, texture);
  g_queue_push_tail (&self->thumbs_drawn, g_object_ref (thumb));
  while (self->thumbs_drawn.length > THUMBS_KEPT)
    {
      g_autoptr (AcqDossierThumb) oldest = g_queue_pop_head (&self->thumbs_drawn);
      acq_dossier_thumb_set_texture (oldest, NULL);
    }
}

static void
on_thumb_wanted_cb (AcqDossierThumb *thumb, AcqDossierWindow *self)
{
  AcqDossierDocument *document = acq_dossier_view_get_document (self->view);
  double scale = acq_dossier_thumb_get_scale (thumb) *
                 gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (document == NULL || g_object_get_data (G_OBJECT (thumb), "asked") != NULL)
    return;
  g_object_set_data (G_OBJECT (thumb), "asked", GINT_TO_POINTER (TRUE));
  acq_dossier_document_render_async (document, acq_dossier_thumb_get_page (thumb), scale,
                                     ACQ_DOSSIER_PRIORITY_NEAR, self->thumbs_cancellable,
                                     on_thumb_rendered_cb, g_object_ref (thumb));
}

static void
fill_thumbnails (AcqDossierWindow *self, AcqDossierDocument *document)
{
  guint n = acq_dossier_document_get_n_pages (document);
  g_autoptr (GPtrArray) thumbs = g_ptr_array_new_with_free_func (g_object_unref);

  g_cancellable_cancel (self->thumbs_cancellable);
  g_object_unref (self->thumbs_cancellable);
  self->thumbs_cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->thumbs_drawn, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      double width, height;
      AcqDossierThumb *thumb;

      acq_dossier_document_get_page_size (document, i, &width, &height);
      thumb = acq_dossier_thumb_new (i, width, height);
      g_object_set_data (G_OBJECT (thumb), "window", self);
      g_signal_connect_object (thumb, "wanted", G_CALLBACK (on_thumb_wanted_cb), self, 0);
      g_ptr_array_add (thumbs, thumb);
    }
  g_list_store_splice (self->thumbs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->thumbs)),
                       thumbs->pdata, thumbs->len);
}

static void
on_thumbnails_list_activate_cb (AcqDossierWindow *self, guint position)
{
  acq_dossier_view_go_to_page (self->view, position);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* --- Pages, zoom --------------------------------------------------------------------------- */

static void
on_view_current_page_cb (AcqDossierWindow *self)
{
  guint page = acq_dossier_view_get_current_page (self->view);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);

  if (has_document (self))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  if (page < g_list_model_get_n_items (G_LIST_MODEL (self->thumbs)))
    {
      gtk_single_selection_set_selected (self->selection, page);
      gtk_widget_activate_action (GTK_WIDGET (self->thumbnails_list), "list.scroll-to-item",
                                  "u", page);
    }
  actions_update (self);
}

static void
on_view_n_pages_cb (AcqDossierWindow *self)
{
  g_autofree char *text =
    g_strdup_printf (_("of %u"), acq_dossier_view_get_n_pages (self->view));

  gtk_label_set_text (self->n_pages_label, text);
  actions_update (self);
}

static void
on_view_zoom_cb (AcqDossierWindow *self)
{
  int percent = (int) (acq_dossier_view_get_zoom (self->view) * 100 + 0.5);
  /* French writes "100 %", with a no-break space */
  g_autofree char *text = g_strdup_printf (C_ ("zoom", "%d%%"), percent);
  g_autofree char *name = g_strdup_printf (_("Zoom: %d%%"), percent);

  gtk_menu_button_set_label (self->zoom_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  actions_update (self);
}

static void
on_page_entry_activate_cb (AcqDossierWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXUINT, &number, NULL))
    acq_dossier_view_go_to_page (self->view, (guint) number - 1);
  on_view_current_page_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
page_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  guint page = acq_dossier_view_get_current_page (self->view);
  guint n = acq_dossier_view_get_n_pages (self->view);

  if (g_str_equal (action, "dossier.previous-page"))
    page = page > 0 ? page - 1 : 0;
  else if (g_str_equal (action, "dossier.next-page"))
    page = page + 1;
  else if (g_str_equal (action, "dossier.first-page"))
    page = 0;
  else
    page = n > 0 ? n - 1 : 0;
  acq_dossier_view_go_to_page (self->view, page);
}

/* Ctrl+scroll zooms, as in a document viewer: a wheel notch is a step of the zoom buttons. */
static gboolean
on_view_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy,
                   AcqDossierWindow *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return GDK_EVENT_PROPAGATE;
  acq_dossier_view_set_zoom (self->view,
                             acq_dossier_view_get_zoom (self->view) * pow (ZOOM_STEP, -dy));
  return GDK_EVENT_STOP;
}

static void
zoom_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  double zoom = acq_dossier_view_get_zoom (self->view);

  if (g_str_equal (action, "dossier.zoom-in"))
    zoom *= ZOOM_STEP;
  else if (g_str_equal (action, "dossier.zoom-out"))
    zoom /= ZOOM_STEP;
  else
    zoom = 1.0;
  acq_dossier_view_set_zoom (self->view, zoom);
}

static void
fit_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  const char *fit = g_variant_get_string (param, NULL);

  acq_dossier_view_set_fit (self->view, g_str_equal (fit, "page") ? ACQ_DOSSIER_FIT_PAGE
                                                                  : ACQ_DOSSIER_FIT_WIDTH);
}

static void
toggle_sidebar_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* --- Find ---------------------------------------------------------------------------------- */

static guint
matches_before (AcqDossierWindow *self, guint page)
{
  guint total = 0;

  for (guint i = 0; i < page && i < self->match_counts->len; i++)
    {
      guint count = g_array_index (self->match_counts, guint, i);
      total += count == G_MAXUINT ? 0 : count;
    }
  return total;
}

static void
update_match_label (AcqDossierWindow *self)
{
  guint total = matches_before (self, self->match_counts->len);
  gboolean done = self->pages_searched == self->match_counts->len;
  g_autofree char *text = NULL;

  if (self->find_text == NULL)
    text = g_strdup ("");
  else if (!done)
    text = g_strdup_printf (ngettext ("%u found…", "%u found…", total), total);
  else if (total == 0)
    text = g_strdup (_("No matches"));
  else if (self->match_page >= 0)
    text = g_strdup_printf (_("%u of %u"),
                            matches_before (self, (guint) self->match_page) + self->match_index + 1,
                            total);
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", total), total);
  gtk_label_set_text (self->match_label, text);
  actions_update (self);
}

static void
show_match (AcqDossierWindow *self, guint page, guint index)
{
  self->match_page = (int) page;
  self->match_index = index;
  acq_dossier_view_show_match (self->view, page, index);
  update_match_label (self);
}

/* Moves to the next (or previous) match, across pages, round the end. */
static void
step_match (AcqDossierWindow *self, gboolean forward)
{
  guint n = self->match_counts->len;
  guint page = self->match_page >= 0 ? (guint) self->match_page
                                     : acq_dossier_view_get_current_page (self->view);
  int index = self->match_page >= 0 ? (int) self->match_index + (forward ? 1 : -1)
                                    : (forward ? 0 : -1);

  for (guint tries = 0; tries <= n; tries++)
    {
      guint count = page < n ? g_array_index (self->match_counts, guint, page) : 0;

      if (count == G_MAXUINT)
        count = 0;
      if (index < 0)
        index = (int) count - 1;
      if (index >= 0 && (guint) index < count)
        {
          show_match (self, page, (guint) index);
          return;
        }
      page = forward ? (page + 1) % n : (page + n - 1) % n;
      index = forward ? 0 : -1;
    }
}

typedef struct
{
  AcqDossierWindow *self;
  guint             page;
} FindData;

static void
on_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FindData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) matches =
    acq_dossier_document_find_finish (ACQ_DOSSIER_DOCUMENT (source), result, &error);
  AcqDossierWindow *self = data->self;
  guint page = data->page;

  g_free (data);
  if (matches == NULL)
    return; /* cancelled: another search, another document, or the window closed */
  g_array_index (self->match_counts, guint, page) = matches->len;
  self->pages_searched++;
  acq_dossier_view_set_matches (self->view, page, matches);
  /* the first match from the page on screen is shown as soon as it is found */
  if (self->match_page < 0 && matches->len > 0)
    show_match (self, page, 0);
  else
    update_match_label (self);
}

static void
stop_find (AcqDossierWindow *self)
{
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->find_text, g_free);
  g_array_set_size (self->match_counts, 0);
  self->pages_searched = 0;
  self->match_page = -1;
  acq_dossier_view_clear_matches (self->view);
}

/* Every page is searched, from the one on screen round to the one before it, after the
 * pages to draw. */
static void
start_find (AcqDossierWindow *self)
{
  g_autofree char *text =
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  AcqDossierDocument *document = acq_dossier_view_get_document (self->view);
  guint n, first;

  stop_find (self);
  g_strstrip (text);
  if (*text == '\0' || document == NULL)
    {
      update_match_label (self);
      return;
    }
  self->find_text = g_steal_pointer (&text);
  self->find_cancellable = g_cancellable_new ();
  n = acq_dossier_document_get_n_pages (document);
  g_array_set_size (self->match_counts, n);
  for (guint i = 0; i < n; i++)
    g_array_index (self->match_counts, guint, i) = G_MAXUINT;
  first = acq_dossier_view_get_current_page (self->view);
  for (guint i = 0; i < n; i++)
    {
      FindData *data = g_new0 (FindData, 1);

      data->self = self;
      data->page = (first + i) % n;
      acq_dossier_document_find_async (document, data->page, self->find_text,
                                       self->find_cancellable, on_found_cb, data);
    }
  update_match_label (self);
}

static void
on_find_entry_search_changed_cb (AcqDossierWindow *self)
{
  start_find (self);
}

static void
on_find_entry_activate_cb (AcqDossierWindow *self)
{
  if (self->match_page >= 0)
    step_match (self, TRUE);
}

static void
on_find_entry_previous_match_cb (AcqDossierWindow *self)
{
  if (self->match_page >= 0)
    step_match (self, FALSE);
}

static void
find_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);

  if (g_str_equal (action, "dossier.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
    }
  else
    step_match (self, g_str_equal (action, "dossier.find-next"));
}

static void
on_search_mode_cb (AcqDossierWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      stop_find (self);
      update_match_label (self);
    }
}

/* --- Making the dossier -------------------------------------------------------------------- */

static void
show_failure (AcqDossierWindow *self, const char *title, const char *message)
{
  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "failed");
  gtk_widget_set_visible (GTK_WIDGET (self->page_bar), FALSE);
}

static void
generation_ended (AcqDossierWindow *self)
{
  g_clear_object (&self->generation);
  gtk_revealer_set_reveal_child (self->update_revealer, FALSE);
  actions_update (self);
}

typedef struct
{
  AcqDossierWindow *self;
  guint             serial;
  char             *path;
} Generation;

static void
generation_free (Generation *generation)
{
  g_object_unref (generation->self);
  g_free (generation->path);
  g_free (generation);
}

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Generation *generation = user_data;
  AcqDossierWindow *self = generation->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqDossierDocument) document = acq_dossier_document_load_finish (result, &error);

  if (generation->serial != self->serial)
    {
      g_unlink (generation->path);
      generation_free (generation);
      return;
    }
  generation_ended (self);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("The Dossier Could Not Be Made"), error->message);
      generation_free (generation);
      return;
    }
  /* the file shown before is no longer needed: it holds personal data */
  if (self->path != NULL)
    g_unlink (self->path);
  g_free (self->path);
  self->path = g_steal_pointer (&generation->path);
  acq_dossier_view_set_document (self->view, document);
  fill_thumbnails (self, document);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  gtk_widget_set_visible (GTK_WIDGET (self->page_bar), TRUE);
  on_view_current_page_cb (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    start_find (self);
  actions_update (self);
  generation_free (generation);
}

static void
on_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Generation *generation = user_data;
  AcqDossierWindow *self = generation->self;
  g_autoptr (GError) error = NULL;

  if (!acq_dossier_write_finish (ACQ_STORE (source), result, &error))
    {
      if (generation->serial == self->serial)
        {
          gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

          generation_ended (self);
          if (!cancelled)
            show_failure (self, _("The Dossier Could Not Be Made"), error->message);
          else if (!has_document (self))
            show_failure (self, _("The Dossier Was Not Made"),
                          _("Making it was cancelled. It takes a few seconds for a long "
                            "dossier."));
          else
            toast (self, _("The preview was not updated: it shows the dossier before the "
                           "latest changes."));
        }
      g_unlink (generation->path);
      generation_free (generation);
      return;
    }
  if (generation->serial != self->serial)
    {
      g_unlink (generation->path);
      generation_free (generation);
      return;
    }
  acq_dossier_document_load_async (generation->path, self->generation, on_loaded_cb,
                                   generation);
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  AcqDossierWindow *self = user_data;

  fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_fraction (self->update_progress, fraction);
}

/* Writes the draft dossier (sheets not validated carry the BROUILLON watermark) to a new
 * file; the one shown stays until the new one is read. A generation under way is dropped. */
static void
start_generation (AcqDossierWindow *self)
{
  Generation *generation;

  g_clear_handle_id (&self->regenerate_id, g_source_remove);
  if (self->generation != NULL)
    g_cancellable_cancel (self->generation);
  g_clear_object (&self->generation);
  if (self->dir == NULL)
    return;
  self->generation = g_cancellable_new ();
  generation = g_new0 (Generation, 1);
  generation->self = g_object_ref (self);
  generation->serial = ++self->serial;
  generation->path = g_strdup_printf ("%s/dossier-%u.pdf", self->dir, generation->serial);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_fraction (self->update_progress, 0);
  if (has_document (self))
    gtk_revealer_set_reveal_child (self->update_revealer, TRUE);
  else
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "working");
      gtk_widget_set_visible (GTK_WIDGET (self->page_bar), FALSE);
    }
  acq_dossier_write_async (self->store, acq_candidate_get_uuid (self->candidate),
                           generation->path, ACQ_DOSSIER_MODE_DRAFT, on_progress_cb, self,
                           self->generation, on_written_cb, generation);
  actions_update (self);
}

static gboolean
regenerate_cb (gpointer user_data)
{
  AcqDossierWindow *self = user_data;

  self->regenerate_id = 0;
  show_issues (self);
  start_generation (self);
  return G_SOURCE_REMOVE;
}

/* Something was saved: the dossier is made again once the store has been quiet a moment, so
 * that typing in a sheet does not make it at every autosave. */
static void
on_store_changed_cb (AcqDossierWindow *self)
{
  g_clear_handle_id (&self->regenerate_id, g_source_remove);
  self->regenerate_id = g_timeout_add (REGENERATE_DELAY_MS, regenerate_cb, self);
}

static void
regenerate_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);

  show_issues (self);
  start_generation (self);
}

static void
cancel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);

  if (self->generation != NULL)
    g_cancellable_cancel (self->generation);
}

/* --- Export, print, open ------------------------------------------------------------------- */

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, AcqDossierWindow *self)
{
  g_autoptr (GFile) target = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->path != NULL &&
      (target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (target)) == NULL)
    toast (self, _("The dossier can only be saved in a local folder: choose another."));
  else if (path != NULL && !acq_output_file_copy (self->path, path, &error))
    toast (self, error->message);
  else if (path != NULL)
    exported (self, target);
  g_object_unref (chooser);
}

static char *
dossier_file_name (AcqDossierWindow *self)
{
  g_autofree char *name = acq_candidate_dup_display_name (self->candidate);

  return g_strdup_printf ("Dossier professionnel - %s.pdf", name);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autofree char *file_name = dossier_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Dossier"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The final dossier: the validated sheets only, without the watermark, written straight to
 * the chosen file; refused with the list of what is missing while a rule fails. */

static void
show_message (AcqDossierWindow *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_final_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqDossierWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (acq_dossier_write_finish (ACQ_STORE (source), result, &error))
    exported (self, self->final_file);
  else
    show_message (self, _("The Final Dossier Was Not Exported"), error->message);
}

static void
on_export_final_response_cb (GtkNativeDialog *chooser, int response, AcqDossierWindow *self)
{
  g_autoptr (GFile) target = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (target);
    }
  if (path != NULL)
    g_set_object (&self->final_file, target);
  if (path != NULL)
    {
      const char *dated = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                       "date-declaration");
      AcqDossierOptions options = {
        .mode = ACQ_DOSSIER_MODE_FINAL,
        .dated = g_strcmp0 (dated, "true") == 0,
      };

      acq_dossier_write_with_options_async (self->store,
                                            acq_candidate_get_uuid (self->candidate), path,
                                            &options, NULL, NULL, NULL, on_final_written_cb,
                                            g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
export_final_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = acq_dossier_check (self->store,
                                                    acq_candidate_get_uuid (self->candidate),
                                                    ACQ_DOSSIER_MODE_FINAL, layout, &error);
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;

  if (issues == NULL)
    {
      show_message (self, _("The Final Dossier Was Not Exported"), error->message);
      return;
    }
  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == ACQ_DOSSIER_SEVERITY_ERROR)
        g_string_append_printf (missing, "%s• %s", missing->len > 0 ? "\n" : "",
                                issue->message);
    }
  if (missing->len > 0)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s",
                                               _("The jury’s dossier holds validated sheets "
                                                 "only, and these rules are not met yet:"),
                                               missing->str);

      show_message (self, _("The Final Dossier Is Not Ready"), body);
      return;
    }
  name = acq_candidate_dup_display_name (self->candidate);
  file_name = g_strdup_printf ("Dossier professionnel - %s - final.pdf", name);
  chooser = gtk_file_chooser_native_new (_("Export the Final Dossier"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  /* The model leaves the declaration's date to the signer: printing it is the candidate's
   * choice, a check box of the chooser (the portal's dialog shows it too). */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "date-declaration",
                               _("Date the declaration with today’s date"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "date-declaration", "false");
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_final_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The reading copy: the draft in the candidate's reading style (their page's Reading
 * Outputs), written on a worker straight to the chosen file; the dossier shown here, the
 * one to hand in, keeps the model's layout. */

static void
on_reading_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqDossierWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (acq_dossier_write_finish (ACQ_STORE (source), result, &error))
    exported (self, self->final_file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("The Reading Copy Was Not Exported"), error->message);
}

static void
on_export_reading_response_cb (GtkNativeDialog *chooser, int response, AcqDossierWindow *self)
{
  g_autoptr (GFile) target = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (target);
    }
  if (path != NULL)
    {
      AcqDossierOptions options = { .mode = ACQ_DOSSIER_MODE_READING };

      g_set_object (&self->final_file, target);
      acq_dossier_write_with_options_async (self->store,
                                            acq_candidate_get_uuid (self->candidate), path,
                                            &options, NULL, NULL, NULL, on_reading_written_cb,
                                            g_object_ref (self));
    }
  else if (target != NULL)
    toast (self, _("The dossier can only be saved in a local folder: choose another."));
  g_object_unref (chooser);
}

static void
export_reading_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autofree char *name = acq_candidate_dup_display_name (self->candidate);
  g_autofree char *file_name = g_strdup_printf ("Dossier professionnel - %s - lecture.pdf",
                                                name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export a Reading Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_reading_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autofree char *job_name = dossier_file_name (self);
  g_autoptr (GError) error = NULL;

  if (self->path != NULL && !acq_dossier_print (GTK_WINDOW (self), self->path, job_name, &error))
    toast (self, error->message);
}

static void
open_viewer_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autoptr (GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->path == NULL)
    return;
  file = g_file_new_for_path (self->path);
  uri = g_file_get_uri (file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* --- The window ---------------------------------------------------------------------------- */

/**
 * acq_dossier_window_new:
 * @parent: the main window
 * @store: the store
 * @candidate: whose dossier
 *
 * Lays the dossier out on a worker thread (draft mode: sheets not validated carry the
 * BROUILLON watermark), shows its pages as they will print and the rules still to meet, and
 * makes it again whenever the store changes.
 *
 * Returns: (transfer none): the window, shown
 */
AcqDossierWindow *
acq_dossier_window_new (GtkWindow *parent, AcqStore *store, AcqCandidate *candidate)
{
  AcqDossierWindow *self = g_object_new (ACQ_TYPE_DOSSIER_WINDOW, "transient-for", parent, NULL);
  g_autofree char *name = acq_candidate_dup_display_name (candidate);
  g_autofree char *prefix = NULL;
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  self->candidate = g_object_ref (candidate);
  adw_window_title_set_subtitle (self->window_title, name);
  show_issues (self);
  prefix = g_strconcat ("dossier-", acq_candidate_get_uuid (candidate), NULL);
  self->dir = acq_store_make_temp (acq_store_get_data_dir (store), prefix, TRUE, &error);
  if (self->dir == NULL)
    show_failure (self, _("The Dossier Could Not Be Made"), error->message);
  else
    start_generation (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
acq_dossier_window_dispose (GObject *object)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->regenerate_id, g_source_remove);
  if (self->generation != NULL)
    g_cancellable_cancel (self->generation);
  /* a generation still under way holds the window: it must find it out of date */
  self->serial++;
  stop_find (self);
  g_cancellable_cancel (self->thumbs_cancellable);
  g_queue_clear_full (&self->thumbs_drawn, g_object_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_DOSSIER_WINDOW);
  G_OBJECT_CLASS (acq_dossier_window_parent_class)->dispose (object);
}

/* The temporary PDFs go with the window, their folder too: they hold personal data. */
static void
acq_dossier_window_finalize (GObject *object)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (object);

  if (self->dir != NULL && self->store != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->dir);
      acq_store_remove_temp (acq_store_get_data_dir (self->store), base);
    }
  g_free (self->path);
  g_free (self->dir);
  g_clear_object (&self->generation);
  g_clear_object (&self->thumbs_cancellable);
  g_clear_object (&self->thumbs);
  g_clear_object (&self->selection);
  g_array_unref (self->match_counts);
  g_clear_object (&self->store);
  g_clear_object (&self->final_file);
  g_clear_object (&self->candidate);
  G_OBJECT_CLASS (acq_dossier_window_parent_class)->finalize (object);
}

static void
add_page_binding (GtkWidgetClass *widget_class, guint keyval, GdkModifierType mods,
                  const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
acq_dossier_window_class_init (AcqDossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_dossier_window_dispose;
  object_class->finalize = acq_dossier_window_finalize;

  /**
   * AcqDossierWindow::open-sheet:
   * @sheet_uuid: the sheet a rule is about
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ACQ_TYPE_DOSSIER_VIEW);
  g_type_ensure (ACQ_TYPE_DOSSIER_THUMB);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, issues_list);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, page_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, thumbnails_list);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, update_progress);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, update_revealer);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, view);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, zoom_button);
  gtk_widget_class_bind_template_callback (widget_class, on_find_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_find_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_issues_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnails_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "dossier.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dossier.export-final", NULL,
                                   export_final_action);
  gtk_widget_class_install_action (widget_class, "dossier.export-reading", NULL,
                                   export_reading_action);
  gtk_widget_class_install_action (widget_class, "dossier.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "dossier.open-viewer", NULL,
                                   open_viewer_action);
  gtk_widget_class_install_action (widget_class, "dossier.regenerate", NULL, regenerate_action);
  gtk_widget_class_install_action (widget_class, "dossier.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dossier.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "dossier.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "dossier.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "dossier.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "dossier.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "dossier.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "dossier.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "dossier.fit", "s", fit_action);
  gtk_widget_class_install_action (widget_class, "dossier.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "dossier.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "dossier.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "dossier.toggle-sidebar", NULL,
                                   toggle_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* as every other window of Acquis (the application's accelerator reaches its own windows
   * only) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  add_page_binding (widget_class, GDK_KEY_Page_Up, 0, "dossier.previous-page");
  add_page_binding (widget_class, GDK_KEY_Page_Down, 0, "dossier.next-page");
  add_page_binding (widget_class, GDK_KEY_Home, 0, "dossier.first-page");
  add_page_binding (widget_class, GDK_KEY_End, 0, "dossier.last-page");
  add_page_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "dossier.zoom-in");
  add_page_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "dossier.zoom-in");
  add_page_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "dossier.zoom-in");
  add_page_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "dossier.zoom-out");
  add_page_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "dossier.zoom-out");
  add_page_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "dossier.zoom-reset");
  add_page_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dossier.find");
  add_page_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "dossier.find-next");
  add_page_binding (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                    "dossier.find-previous");
  add_page_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "dossier.print");
  add_page_binding (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "dossier.regenerate");
  add_page_binding (widget_class, GDK_KEY_F9, 0, "dossier.toggle-sidebar");
}

static void
acq_dossier_window_init (AcqDossierWindow *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->thumbs_cancellable = g_cancellable_new ();
  self->match_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->match_page = -1;
  g_queue_init (&self->thumbs_drawn);
  self->thumbs = g_list_store_new (ACQ_TYPE_DOSSIER_THUMB);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->thumbs)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_list_view_set_model (self->thumbnails_list, GTK_SELECTION_MODEL (self->selection));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::current-page",
                           G_CALLBACK (on_view_current_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::n-pages", G_CALLBACK (on_view_n_pages_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (on_view_zoom_cb), self,
                           G_CONNECT_SWAPPED);
  on_view_zoom_cb (self);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_view_scroll_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), scroll);
  gtk_widget_set_visible (GTK_WIDGET (self->page_bar), FALSE);
  actions_update (self);
}
