/* acq-dossier-window.c — the candidate's Dossier Professionnel as it will print, and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "acq-dossier-rules.h"
#include "acq-dossier-window.h"
#include "acq-toast.h"

/* Pages are drawn a little larger than the PDF's points, about a screen's 96 dpi. */
#define PREVIEW_SCALE (96.0 / 72.0)

struct _AcqDossierWindow
{
  AdwWindow       parent_instance;

  /* template children, alphabetical */
  AdwStatusPage  *failed_page;
  GtkListBox     *issues_list;
  GtkBox         *pages_box;
  GtkStack       *preview_stack;
  GtkProgressBar *progress_bar;
  AdwWindowTitle *window_title;

  AcqStore       *store;
  AcqCandidate   *candidate;
  GCancellable   *cancellable;
  char           *dir;  /* a private temporary folder for the PDF */
  char           *path; /* the PDF, once written */
};

G_DEFINE_FINAL_TYPE (AcqDossierWindow, acq_dossier_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GBytes *pixels;
  int     width;
  int     height;
  int     stride;
} PageImage;

static void
page_image_free (gpointer data)
{
  PageImage *image = data;

  g_bytes_unref (image->pixels);
  g_free (image);
}

/* On a worker thread: the pages drawn by poppler into images the main thread only shows. */
static void
render_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GFile) file = g_file_new_for_path (task_data);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr (GError) error = NULL;
  /* poppler-glib 22.12 declares no autoptr cleanups: unref by hand */
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (page_image_free);
  int n;

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n && !g_cancellable_is_cancelled (cancellable); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      PageImage *image = g_new0 (PageImage, 1);
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &width, &height);
      image->width = (int) (width * PREVIEW_SCALE);
      image->height = (int) (height * PREVIEW_SCALE);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, image->width, image->height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
      poppler_page_render (page, cr);
      g_object_unref (page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      image->stride = cairo_image_surface_get_stride (surface);
      image->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                   (gsize) image->stride * image->height);
      cairo_surface_destroy (surface);
      g_ptr_array_add (pages, image);
    }
  g_object_unref (document);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&pages), (GDestroyNotify) g_ptr_array_unref);
}

static void
show_failure (AcqDossierWindow *self, const char *message)
{
  adw_status_page_set_description (self->failed_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "failed");
}

static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = g_task_propagate_pointer (G_TASK (result), &error);
  AcqDossierWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ACQ_DOSSIER_WINDOW (source);
  if (pages == NULL)
    {
      show_failure (self, error->message);
      return;
    }
  for (guint i = 0; i < pages->len; i++)
    {
      PageImage *image = g_ptr_array_index (pages, i);
      /* cairo's ARGB32 is premultiplied and native-endian: GDK's default memory format */
      g_autoptr (GdkTexture) texture = gdk_memory_texture_new (
        image->width, image->height, GDK_MEMORY_DEFAULT, image->pixels, image->stride);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *name = g_strdup_printf (_("Page %u of %u"), i + 1, pages->len);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_box_append (self->pages_box, picture);
    }
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.open-viewer", TRUE);
}

static void
on_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AcqDossierWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;

  if (!acq_dossier_write_finish (ACQ_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error->message);
      g_object_unref (self);
      return;
    }
  task = g_task_new (self, self->cancellable, on_rendered_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, render_thread);
  g_object_unref (self);
}

static void
on_progress_cb (double fraction, gpointer user_data)
{
  AcqDossierWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

/* The rules, errors first: each says what to fix, and a click opens the sheet concerned. */
static void
show_issues (AcqDossierWindow *self)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = acq_dossier_check (self->store,
                                                    acq_candidate_get_uuid (self->candidate),
                                                    ACQ_DOSSIER_MODE_FINAL, layout, &error);

  if (issues == NULL)
    {
      acq_toast_show (GTK_WIDGET (self->issues_list), error->message);
      return;
    }
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

static void
on_export_response_cb (GtkNativeDialog *chooser, int response, AcqDossierWindow *self)
{
  g_autoptr (GFile) target = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      source = g_file_new_for_path (self->path);
      if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        acq_toast_show (GTK_WIDGET (self->issues_list), error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autofree char *name = acq_candidate_dup_display_name (self->candidate);
  g_autofree char *file_name = g_strdup_printf ("Dossier professionnel - %s.pdf", name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Dossier"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_viewer_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (widget);
  g_autoptr (GFile) file = g_file_new_for_path (self->path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/**
 * acq_dossier_window_new:
 * @parent: the main window
 * @store: the store
 * @candidate: whose dossier
 *
 * Lays the dossier out on a worker thread (draft mode: sheets not validated carry the
 * BROUILLON watermark), shows its pages as they will print and the rules still to meet.
 *
 * Returns: (transfer none): the window, shown
 */
AcqDossierWindow *
acq_dossier_window_new (GtkWindow *parent, AcqStore *store, AcqCandidate *candidate)
{
  AcqDossierWindow *self = g_object_new (ACQ_TYPE_DOSSIER_WINDOW, "transient-for", parent, NULL);
  g_autofree char *name = acq_candidate_dup_display_name (candidate);
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  self->candidate = g_object_ref (candidate);
  adw_window_title_set_subtitle (self->window_title, name);
  show_issues (self);
  self->dir = g_dir_make_tmp ("acquis-dossier-XXXXXX", &error);
  if (self->dir == NULL)
    show_failure (self, error->message);
  else
    {
      self->path = g_build_filename (self->dir, "dossier.pdf", NULL);
      acq_dossier_write_async (store, acq_candidate_get_uuid (candidate), self->path,
                               ACQ_DOSSIER_MODE_DRAFT, on_progress_cb, self, self->cancellable,
                               on_written_cb, g_object_ref (self));
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
acq_dossier_window_dispose (GObject *object)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_DOSSIER_WINDOW);
  G_OBJECT_CLASS (acq_dossier_window_parent_class)->dispose (object);
}

/* The temporary PDF goes with the window: it holds personal data. */
static void
acq_dossier_window_finalize (GObject *object)
{
  AcqDossierWindow *self = ACQ_DOSSIER_WINDOW (object);

  if (self->path != NULL)
    g_unlink (self->path);
  if (self->dir != NULL)
    g_rmdir (self->dir);
  g_free (self->path);
  g_free (self->dir);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->candidate);
  G_OBJECT_CLASS (acq_dossier_window_parent_class)->finalize (object);
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

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, issues_list);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, pages_box);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AcqDossierWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_issues_list_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "dossier.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dossier.open-viewer", NULL,
                                   open_viewer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acq_dossier_window_init (AcqDossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.open-viewer", FALSE);
}
