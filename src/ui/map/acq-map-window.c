/* acq-map-window.c — a candidate's competence map in a window of its own: links made and undone
 * there are stored at once, and the map exported whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-map-export.h"
#include "acq-map-item.h"
#include "acq-map-view.h"
#include "acq-map-outline.h"
#include "acq-map-window.h"
#include "acq-search.h"
#include "acq-toast.h"

#define ZOOM_STEP 1.25

struct _AcqMapWindow
{
  AdwWindow       parent_instance;

  /* template children, alphabetical */
  GtkFlowBox     *legend_box;
  AcqMapView     *map_view;
  AcqMapOutline  *outline;
  GtkSearchBar   *search_bar;
  GtkWidget      *search_button;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkWidget      *zoom_box;
  GtkButton      *zoom_button;
  AdwWindowTitle *window_title;

  gboolean        view_chosen; /* the user chose the map or the outline */
  guint           view_id;     /* the idle that chooses it by the width */

  AcqSheetList   *sheets;
  GCancellable   *cancellable;
  char           *export_path; /* the file being exported to */
  guint           reload_id;
  char           *shown;     /* what the map shows of the sheets: see dup_shown() */
};

G_DEFINE_FINAL_TYPE (AcqMapWindow, acq_map_window, ADW_TYPE_WINDOW)

/* Narrower than this, the outline reads better than the map: it opens there. */
#define NARROW_WIDTH 600

enum
{
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A digest of what the map shows of the sheets — titles, review states, competences — and of
 * the blocs aimed at: a rubric typed in the editor (saved every second or so) changes none of
 * it, and must not lay the whole map out again. */
static char *
dup_shown (AcqMapWindow *self)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *sheets = G_LIST_MODEL (self->sheets);
  const char *const *blocs =
    acq_candidate_get_targeted_blocs (acq_sheet_list_get_candidate (self->sheets));
  guint n = g_list_model_get_n_items (sheets);

  for (guint i = 0; blocs != NULL && blocs[i] != NULL; i++)
    g_checksum_update (sum, (const guchar *) blocs[i], -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqSheet) sheet = g_list_model_get_item (sheets, i);
      const char *const *competences = acq_sheet_get_competences (sheet);
      g_autofree char *fields = g_strdup_printf ("\x1f%s\x1f%s\x1f%d", acq_sheet_get_uuid (sheet),
                                                 acq_sheet_get_title (sheet),
                                                 (int) acq_sheet_get_review_state (sheet));

      g_checksum_update (sum, (const guchar *) fields, -1);
      for (guint c = 0; competences != NULL && competences[c] != NULL; c++)
        g_checksum_update (sum, (const guchar *) competences[c], -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
reload (AcqMapWindow *self)
{
  AcqCandidate *candidate = acq_sheet_list_get_candidate (self->sheets);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMap) map = acq_map_load (acq_sheet_list_get_store (self->sheets),
                                         acq_candidate_get_uuid (candidate), &error);
  g_autofree char *name = acq_candidate_dup_display_name (candidate);

  if (map == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->map_view), error->message);
      return;
    }
  acq_map_set_title (map, name);
  acq_map_view_set_map (self->map_view, map);
  acq_map_outline_set_map (self->outline, map);
  g_free (self->shown);
  self->shown = dup_shown (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    g_signal_emit_by_name (self->search_entry, "search-changed");
}

static gboolean
reload_idle_cb (gpointer data)
{
  AcqMapWindow *self = data;

  g_autofree char *shown = dup_shown (self);

  self->reload_id = 0;
  if (g_strcmp0 (shown, self->shown) != 0)
    reload (self);
  return G_SOURCE_REMOVE;
}

/* Any change to the sheets that the map shows (here, in the editor, a review) shows on the
 * map, once per batch. */
static void
on_sheets_items_changed_cb (AcqMapWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

typedef struct
{
  AcqMapWindow *self;
  char         *sheet_uuid;
  char         *competence_uuid;
  gboolean      linked; /* what was done, to undo */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_object_unref (change->self);
  g_free (change->sheet_uuid);
  g_free (change->competence_uuid);
  g_free (change);
}

/* Links or unlinks, and stores the sheet at once. */
static gboolean
store_link (AcqMapWindow *self, const char *sheet_uuid, const char *competence_uuid,
            gboolean link, gboolean *back_to_draft)
{
  AcqSheet *sheet = acq_sheet_list_find (self->sheets, sheet_uuid);
  g_autoptr (GError) error = NULL;
  AcqReviewState before;

  if (sheet == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->map_view),
                      _("This sheet is no longer in the candidate’s sheets: it cannot be "
                        "linked."));
      return FALSE;
    }
  before = acq_sheet_get_review_state (sheet);
  if (link)
    acq_sheet_add_competence (sheet, competence_uuid);
  else
    acq_sheet_remove_competence (sheet, competence_uuid);
  if (!acq_sheet_list_save (self->sheets, sheet, &error))
    {
      acq_toast_show (GTK_WIDGET (self->map_view), error->message);
      reload (self);
      return FALSE;
    }
  if (back_to_draft != NULL)
    *back_to_draft = before != acq_sheet_get_review_state (sheet);
  return TRUE;
}

static void
undo_change (gpointer data)
{
  Change *change = data;

  store_link (change->self, change->sheet_uuid, change->competence_uuid, !change->linked, NULL);
}

static char *
dup_competence_code (AcqMapWindow *self, const char *competence_uuid)
{
  AcqMap *map = acq_map_view_get_map (self->map_view);
  guint competence = acq_map_find (map, ACQ_MAP_NODE_COMPETENCE, competence_uuid);

  return competence != ACQ_MAP_NO_NODE ? acq_map_dup_competence_code (map, competence)
                                       : g_strdup (_("a competence"));
}

static void
do_change_link (AcqMapWindow *self, const char *sheet_uuid, const char *competence_uuid,
                gboolean link)
{
  g_autofree char *code = dup_competence_code (self, competence_uuid);
  g_autofree char *title = NULL;
  gboolean back_to_draft = FALSE;
  Change *change;

  if (!store_link (self, sheet_uuid, competence_uuid, link, &back_to_draft))
    return;
  if (link)
    title = g_strdup_printf (back_to_draft ? _("Sheet linked to %s; it is back to draft")
                                           : _("Sheet linked to %s"), code);
  else
    title = g_strdup_printf (back_to_draft ? _("Sheet unlinked from %s; it is back to draft")
                                           : _("Sheet unlinked from %s"), code);
  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->sheet_uuid = g_strdup (sheet_uuid);
  change->competence_uuid = g_strdup (competence_uuid);
  change->linked = link;
  acq_undo_toast_show (GTK_WIDGET (self->map_view), title, 0, undo_change, NULL, change,
                       change_free);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog, const char *response, gpointer data)
{
  Change *change = data;

  if (g_strcmp0 (response, "change") == 0)
    do_change_link (change->self, change->sheet_uuid, change->competence_uuid, change->linked);
}

/* A validated sheet whose competences change goes back to draft, and Undo gives back the
 * links, not the validation (which only a new review gives): so ask first. */
static void
change_link (AcqMapWindow *self, const char *sheet_uuid, const char *competence_uuid,
             gboolean link)
{
  AcqSheet *sheet = acq_sheet_list_find (self->sheets, sheet_uuid);
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;
  Change *change;
  GtkWidget *dialog;

  if (sheet == NULL || acq_sheet_get_review_state (sheet) != ACQ_REVIEW_STATE_VALIDATED)
    {
      do_change_link (self, sheet_uuid, competence_uuid, link);
      return;
    }
  code = dup_competence_code (self, competence_uuid);
  body = g_strdup_printf (link ? _("“%s” is validated. Linking it to %s sends it back to draft: "
                                   "it will need a new review.")
                               : _("“%s” is validated. Unlinking it from %s sends it back to "
                                   "draft: it will need a new review."),
                          acq_sheet_get_title (sheet), code);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change a Validated Sheet?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", link ? _("_Link") : _("_Unlink"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->sheet_uuid = g_strdup (sheet_uuid);
  change->competence_uuid = g_strdup (competence_uuid);
  change->linked = link;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb), change,
                         (GClosureNotify) (void (*) (void)) change_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_map_view_link_cb (AcqMapWindow *self, const char *sheet_uuid, const char *competence_uuid)
{
  change_link (self, sheet_uuid, competence_uuid, TRUE);
}

static void
on_map_view_unlink_cb (AcqMapWindow *self, const char *sheet_uuid, const char *competence_uuid)
{
  change_link (self, sheet_uuid, competence_uuid, FALSE);
}

static void
on_map_view_open_sheet_cb (AcqMapWindow *self, const char *sheet_uuid)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, sheet_uuid);
}

static gboolean
map_shown (AcqMapWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "map") == 0;
}

/* Zoom and search act on the map: not while the outline is shown. */
static void
on_map_view_zoom_cb (AcqMapWindow *self)
{
  double zoom = acq_map_view_get_zoom (self->map_view);
  gboolean map = map_shown (self);
  g_autofree char *label = g_strdup_printf ("%.0f %%", zoom * 100);
  g_autofree char *name = g_strdup_printf (_("Zoom %.0f %%, Actual Size"), zoom * 100);

  gtk_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in",
                                 map && zoom < ACQ_MAP_VIEW_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out",
                                 map && zoom > ACQ_MAP_VIEW_MIN_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-one", map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-fit", map);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.search", map);
  gtk_widget_set_sensitive (self->search_button, map);
  if (!map)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Search: labels on the map, and the sheets' content through the full-text index. */

static void
on_search_entry_search_changed_cb (AcqMapWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *candidate_uuid = acq_candidate_get_uuid (acq_sheet_list_get_candidate (self->sheets));
  g_autoptr (GHashTable) sheet_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  if (*text != '\0')
    results = acq_search_sheets (acq_sheet_list_get_store (self->sheets), text,
                                 ACQ_SEARCH_MAX_RESULTS, &error);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      AcqSearchResult *result = g_ptr_array_index (results, i);

      if (g_strcmp0 (result->candidate_uuid, candidate_uuid) == 0)
        g_hash_table_add (sheet_uuids, g_strdup (result->sheet_uuid));
    }
  acq_map_view_set_search (self->map_view, text, sheet_uuids);
}

static void
on_search_entry_activate_cb (AcqMapWindow *self)
{
  if (!acq_map_view_focus_match (self->map_view))
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_search_entry_stop_search_cb (AcqMapWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

static void
search_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
zoom_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (widget);

  if (g_str_equal (action, "map.zoom-in"))
    acq_map_view_zoom_by (self->map_view, ZOOM_STEP);
  else if (g_str_equal (action, "map.zoom-out"))
    acq_map_view_zoom_by (self->map_view, 1 / ZOOM_STEP);
  else if (g_str_equal (action, "map.zoom-one"))
    acq_map_view_zoom_by (self->map_view, 1 / acq_map_view_get_zoom (self->map_view));
  else
    acq_map_view_zoom_fit (self->map_view);
}

/* Export */

/* Called even after the window went: its cancellable, cancelled then, says so. */
static void
on_export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  AcqMapWindow *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GFile) file = NULL;

  if (!acq_map_export_finish (ACQ_STORE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", TRUE);
  if (error != NULL)
    {
      g_clear_pointer (&self->export_path, g_free);
      acq_toast_show (GTK_WIDGET (self->map_view), error->message);
      return;
    }
  name = g_filename_display_basename (self->export_path);
  message = g_strdup_printf (_("Map exported to “%s”"), name);
  file = g_file_new_for_path (self->export_path);
  g_clear_pointer (&self->export_path, g_free);
  acq_file_toast_show (GTK_WIDGET (self->map_view), message, file);
}

/* The blocs folded now: the export draws them so. */
static GStrv
folded_blocs (AcqMapWindow *self)
{
  AcqMap *map = acq_map_view_get_map (self->map_view);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; map != NULL && i < acq_map_get_n_nodes (map); i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_BLOC && acq_map_get_node (map, i)->folded)
      g_strv_builder_add (builder, acq_map_get_node (map, i)->uuid);
  return g_strv_builder_end (builder);
}

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, AcqMapWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) folded = NULL;
  const char *extension = g_object_get_data (G_OBJECT (chooser), "extension");
  AcqCandidate *candidate = acq_sheet_list_get_candidate (self->sheets);
  AcqMapFormat format;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      path = g_file_get_path (file);
      if (path != NULL && !acq_map_format_for_path (path, &format))
        {
          char *named = g_strconcat (path, extension, NULL);

          g_free (path);
          path = named;
        }
      if (path == NULL)
        acq_toast_show (GTK_WIDGET (self->map_view),
                        _("The map can only be saved in a local folder: choose another."));
      else
        {
          name = acq_candidate_dup_display_name (candidate);
          folded = folded_blocs (self);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", FALSE);
          acq_map_export_async (acq_sheet_list_get_store (self->sheets),
                                acq_candidate_get_uuid (candidate), name,
                                (const char *const *) folded, path, self->cancellable,
                                on_export_done_cb, self);
          self->export_path = g_steal_pointer (&path);
        }
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (widget);
  AcqCandidate *candidate = acq_sheet_list_get_candidate (self->sheets);
  g_autofree char *name = acq_candidate_dup_display_name (candidate);
  g_autofree char *extension = g_strconcat (".", g_variant_get_string (param, NULL), NULL);
  g_autofree char *file_name = g_strdup_printf ("Carte des compétences - %s%s", name, extension);
  GtkFileChooserNative *chooser;

  if (acq_map_view_get_layout (self->map_view) == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export the Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "extension", g_steal_pointer (&extension), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The map or the outline */

static void
show_view (AcqMapWindow *self, const char *name)
{
  gboolean had_focus;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0)
    return;
  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->stack)) != NULL;
  /* the page not shown is hidden, not only unmapped: a screen reader would still list it */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, g_str_equal (name, "map")
                                                                       ? "outline" : "map"),
                          FALSE);
  on_map_view_zoom_cb (self);
  if (had_focus || gtk_window_get_focus (GTK_WINDOW (self)) == NULL)
    gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static gboolean
choose_view_cb (gpointer data)
{
  AcqMapWindow *self = data;

  self->view_id = 0;
  if (!self->view_chosen)
    show_view (self, gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH ? "outline" : "map");
  return G_SOURCE_REMOVE;
}

/* Until the user chooses, the width does: the outline when narrow. */
static void
acq_map_window_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (widget);
  const char *wanted = width < NARROW_WIDTH ? "outline" : "map";

  GTK_WIDGET_CLASS (acq_map_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (!self->view_chosen && self->view_id == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), wanted) != 0)
    self->view_id = g_idle_add (choose_view_cb, self);
}

static void
toggle_view_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (widget);
  gboolean map = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "map") == 0;

  g_object_set (self, "view", map ? "outline" : "map", NULL);
}

/* The legend: each level's shape and words, as on the nodes. */

static void
draw_legend_shape (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  AcqCoverageLevel level = GPOINTER_TO_UINT (data);
  GdkRGBA color;

  acq_map_item_get_level_color (level,
                                adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                &color);
  gdk_cairo_set_source_rgba (cr, &color);
  acq_map_draw_level_shape (cr, level, 1, 1, MIN (width, height) - 2);
}

static void
fill_legend (AcqMapWindow *self)
{
  for (guint level = 0; level < ACQ_N_COVERAGE_LEVELS; level++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *shape = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (shape), 16);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (shape), 16);
      gtk_widget_set_valign (shape, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (shape), draw_legend_shape,
                                      GUINT_TO_POINTER (level), NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (shape), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (box), shape);
      gtk_box_append (GTK_BOX (box), gtk_label_new (acq_coverage_level_label (level)));
      gtk_flow_box_append (self->legend_box, box);
    }
}

static void
acq_map_window_dispose (GObject *object)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->view_id, g_source_remove);
  if (self->sheets != NULL)
    g_signal_handlers_disconnect_by_data (self->sheets, self);
  g_clear_object (&self->sheets);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->export_path, g_free);
  g_clear_pointer (&self->shown, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_MAP_WINDOW);
  G_OBJECT_CLASS (acq_map_window_parent_class)->dispose (object);
}

static void
acq_map_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->stack != NULL ? gtk_stack_get_visible_child_name (self->stack)
                                                     : "map");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_map_window_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  AcqMapWindow *self = ACQ_MAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view_chosen = TRUE;
      show_view (self, g_strcmp0 (g_value_get_string (value), "outline") == 0 ? "outline" : "map");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_map_window_class_init (AcqMapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  object_class->dispose = acq_map_window_dispose;
  object_class->get_property = acq_map_window_get_property;
  object_class->set_property = acq_map_window_set_property;
  widget_class->size_allocate = acq_map_window_size_allocate;

  /**
   * AcqMapWindow:view:
   *
   * What the window shows: "map" or "outline". Until it is set, the outline when the window
   * is narrow, else the map.
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "map",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AcqMapWindow::open-sheet:
   * @sheet_uuid: a sheet to open in the main window
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ACQ_TYPE_MAP_VIEW);
  g_type_ensure (ACQ_TYPE_MAP_OUTLINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-map-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, AcqMapWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_map_view_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_view_open_sheet_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_view_unlink_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_view_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-one", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_action);
  gtk_widget_class_install_property_action (widget_class, "map.view", "view");
  gtk_widget_class_install_action (widget_class, "map.toggle-view", NULL, toggle_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "map.toggle-view", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK,
                                         "map.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK,
                                         "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "map.zoom-one",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "map.zoom-fit",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "map.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* as every other window of Acquis (the application's accelerator reaches its own windows
   * only) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_map_window_init (AcqMapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  acq_map_view_add_obstacle (self->map_view, self->zoom_box);
  fill_legend (self);
}

/**
 * acq_map_window_new:
 * @parent: the main window
 * @sheets: the candidate's sheets, as the main window holds them: links are stored through
 *   them, so that the candidate page and an open editor see them at once
 *
 * Returns: (transfer none): the window, shown, the map fitted to it and its centre focused
 */
AcqMapWindow *
acq_map_window_new (GtkWindow *parent, AcqSheetList *sheets)
{
  AcqMapWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (sheets), NULL);

  self = g_object_new (ACQ_TYPE_MAP_WINDOW, "transient-for", parent, NULL);
  self->sheets = g_object_ref (sheets);
  name = acq_candidate_dup_display_name (acq_sheet_list_get_candidate (sheets));
  adw_window_title_set_subtitle (self->window_title, name);
  g_signal_connect_object (sheets, "items-changed", G_CALLBACK (on_sheets_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  on_map_view_zoom_cb (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
  return self;
}
