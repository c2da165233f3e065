/* acq-yearly-review-window.c — the Qualiopi yearly review: its year, its improvement actions,
 * its export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are the data's (quality/acq-yearly-review.c): the window only asks which year,
 * keeps the one text the accompagnatrice writes for it (saved as typed, and before the year
 * changes or the window closes), and writes the review where she chooses, on a worker with a
 * connection of its own; a toast says where it went, with Open, or why not.
 */
#define G_LOG_DOMAIN "acq-yearly-review-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-autosave.h"
#include "acq-toast.h"
#include "acq-yearly-review-window.h"
#include "acq-yearly-review.h"

struct _AcqYearlyReviewWindow
{
  AdwWindow        parent_instance;

  /* template children, alphabetical */
  GtkTextView     *improvements_view;
  AdwToastOverlay *toast_overlay;
  GtkSpinButton   *year_spin;

  AcqStore        *store;
  int              year;      /* whose text the view holds */
  AcqAutosave     *autosave;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (AcqYearlyReviewWindow, acq_yearly_review_window, ADW_TYPE_WINDOW)

typedef struct
{
  GtkWidget *toast_widget;
  char      *path;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->toast_widget);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static GtkWidget *
toast_widget (AcqYearlyReviewWindow *self)
{
  return adw_toast_overlay_get_child (self->toast_overlay);
}

static void
save_improvements (gpointer user_data)
{
  AcqYearlyReviewWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->improvements_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!acq_yearly_review_set_improvements (self->store, self->year, text, &error))
    acq_toast_show (toast_widget (self), error->message);
}

static void
load_year (AcqYearlyReviewWindow *self, int year)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  acq_autosave_flush (self->autosave);
  self->year = year;
  text = acq_yearly_review_get_improvements (self->store, year, &error);
  if (text == NULL)
    {
      acq_toast_show (toast_widget (self), error->message);
      return;
    }
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->improvements_view), text, -1);
  self->loading = FALSE;
}

static void
on_year_spin_value_changed_cb (AcqYearlyReviewWindow *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (year != self->year)
    load_year (self, year);
}

static void
on_improvements_changed_cb (AcqYearlyReviewWindow *self)
{
  if (!self->loading)
    acq_autosave_changed (self->autosave);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Export) export = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GFile) file = NULL;

  if (!acq_yearly_review_write_finish (ACQ_STORE (source), result, &error))
    {
      acq_toast_show (export->toast_widget, error->message);
      return;
    }
  name = g_filename_display_basename (export->path);
  /* TRANSLATORS: a toast, with Open and Show in Files */
  message = g_strdup_printf (_("Yearly review written to “%s”"), name);
  file = g_file_new_for_path (export->path);
  acq_file_toast_show (export->toast_widget, message, file);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqYearlyReviewWindow *self)
{
  const char *suffix = g_object_get_data (G_OBJECT (chooser), "suffix");
  g_autoptr (GFile) file = NULL;
  g_autoptr (Export) export = NULL;
  g_autofree char *lower = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      g_object_unref (chooser);
      return;
    }
  export = g_new0 (Export, 1);
  export->toast_widget = g_object_ref (toast_widget (self));
  export->path = g_file_get_path (file);
  g_object_unref (chooser);
  if (export->path == NULL)
    {
      acq_toast_show (export->toast_widget,
                      _("The review can only be saved in a local folder: choose another."));
      return;
    }
  lower = g_ascii_strdown (export->path, -1);
  if (!g_str_has_suffix (lower, suffix))
    {
      char *named = g_strconcat (export->path, suffix, NULL);

      g_free (export->path);
      export->path = named;
    }
  /* the text as typed goes into the review */
  acq_autosave_flush (self->autosave);
  acq_yearly_review_write_async (self->store, self->year, export->path, NULL, on_exported_cb,
                                 export);
  export = NULL; /* the callback frees it */
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqYearlyReviewWindow *self = ACQ_YEARLY_REVIEW_WINDOW (widget);
  gboolean csv = g_strcmp0 (g_variant_get_string (param, NULL), "csv") == 0;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = g_strdup_printf ("Bilan annuel Qualiopi %d.%s", self->year,
                                                csv ? "csv" : "pdf");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Yearly Review"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, csv ? _("Spreadsheet (.csv)") : _("PDF document (.pdf)"));
  gtk_file_filter_add_pattern (filter, csv ? "*.csv" : "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "suffix", (gpointer) (csv ? ".csv" : ".pdf"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_close_request_cb (GtkWindow *window)
{
  acq_autosave_flush (ACQ_YEARLY_REVIEW_WINDOW (window)->autosave);
  return FALSE;
}

static void
acq_yearly_review_window_dispose (GObject *object)
{
  AcqYearlyReviewWindow *self = ACQ_YEARLY_REVIEW_WINDOW (object);

  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_YEARLY_REVIEW_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (acq_yearly_review_window_parent_class)->dispose (object);
}

static void
acq_yearly_review_window_class_init (AcqYearlyReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_yearly_review_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request_cb;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-yearly-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqYearlyReviewWindow, improvements_view);
  gtk_widget_class_bind_template_child (widget_class, AcqYearlyReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AcqYearlyReviewWindow, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);
  gtk_widget_class_install_action (widget_class, "review.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
acq_yearly_review_window_init (AcqYearlyReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = acq_autosave_new (save_improvements, self);
  g_signal_connect_object (gtk_text_view_get_buffer (self->improvements_view), "changed",
                           G_CALLBACK (on_improvements_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * acq_yearly_review_window_new:
 * @parent: the main window
 * @store: the store
 *
 * Returns: (transfer none): the window, shown, on the year that ended last (the review is
 *   made once a year is over; the spin button goes to the year running)
 */
AcqYearlyReviewWindow *
acq_yearly_review_window_new (GtkWindow *parent, AcqStore *store)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  AcqYearlyReviewWindow *self;
  int year = g_date_time_get_year (now) - 1;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  self = g_object_new (ACQ_TYPE_YEARLY_REVIEW_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_year (self, year);
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
