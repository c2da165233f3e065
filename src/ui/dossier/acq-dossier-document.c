/* acq-dossier-document.c — a PDF read by poppler on worker threads, one job at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PopplerDocument must not be used by two threads at once. The jobs (drawing a page,
 * searching one) wait in queues on the main thread, by priority, and run one at a time on a
 * worker: the page on screen goes before the thumbnails, which go before the search, and a
 * job whose page scrolled away is dropped before it starts.
 */
#define G_LOG_DOMAIN "acq-dossier-document"

#include "config.h"

#include <poppler.h>

#include "acq-dossier-document.h"

struct _AcqDossierDocument
{
  GObject          parent_instance;

  char            *path;
  PopplerDocument *document; /* used by the running job only */
  GArray          *sizes;    /* (element-type graphene_size_t) in points */
  GQueue           queues[ACQ_DOSSIER_N_PRIORITIES]; /* (element-type GTask) waiting */
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (AcqDossierDocument, acq_dossier_document, G_TYPE_OBJECT)

typedef enum
{
  JOB_RENDER,
  JOB_FIND,
} JobKind;

typedef struct
{
  JobKind     kind;
  guint       page;
  double      scale;
  char       *text;
  GdkTexture *texture; /* the results, set by the worker */
  GArray     *matches;
  GError     *error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_clear_object (&job->texture);
  g_clear_pointer (&job->matches, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

/* --- Loading ---------------------------------------------------------------------------- */

static PopplerDocument *
open_document (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  return poppler_document_new_from_file (uri, NULL, error);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = open_document (task_data, &error);
  AcqDossierDocument *self;
  int n;

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self = g_object_new (ACQ_TYPE_DOSSIER_DOCUMENT, NULL);
  self->path = g_strdup (task_data);
  self->document = document;
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width, height;
      graphene_size_t size;

      poppler_page_get_size (page, &width, &height);
      graphene_size_init (&size, (float) width, (float) height);
      g_array_append_val (self->sizes, size);
      g_object_unref (page);
    }
  g_task_return_pointer (task, self, g_object_unref);
}

/**
 * acq_dossier_document_load_async:
 * @path: a PDF file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the file is read
 * @user_data: data for @callback
 *
 * Reads the PDF and the size of its pages on a worker thread.
 */
void
acq_dossier_document_load_async (const char *path, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, acq_dossier_document_load_async);
  g_task_set_name (task, "[acquis] load dossier");
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

/**
 * acq_dossier_document_load_finish:
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: (transfer full): the document, or %NULL
 */
AcqDossierDocument *
acq_dossier_document_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
acq_dossier_document_get_path (AcqDossierDocument *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_DOCUMENT (self), NULL);
  return self->path;
}

guint
acq_dossier_document_get_n_pages (AcqDossierDocument *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_DOCUMENT (self), 0);
  return self->sizes->len;
}

/**
 * acq_dossier_document_get_page_size:
 * @self: the document
 * @page: from 0
 * @width: (out): in points
 * @height: (out): in points
 */
void
acq_dossier_document_get_page_size (AcqDossierDocument *self, guint page, double *width,
                                    double *height)
{
  const graphene_size_t *size;

  g_return_if_fail (ACQ_IS_DOSSIER_DOCUMENT (self));
  g_return_if_fail (page < self->sizes->len);
  size = &g_array_index (self->sizes, graphene_size_t, page);
  *width = size->width;
  *height = size->height;
}

/* --- The jobs --------------------------------------------------------------------------- */

static GdkTexture *
render_page (PopplerPage *page, double scale)
{
  double width, height;
  int pixel_width, pixel_height, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) pixels = NULL;

  poppler_page_get_size (page, &width, &height);
  pixel_width = MAX (1, (int) (width * scale + 0.5));
  pixel_height = MAX (1, (int) (height * scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* the surface's memory becomes the texture's, without a copy */
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) stride * pixel_height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);
  /* cairo's ARGB32 is premultiplied and native-endian: GDK's default memory format */
  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, pixels, stride);
}

/* The matches as rectangles in points from the top left corner of the page (poppler counts
 * from the bottom). */
static GArray *
find_on_page (PopplerPage *page, const char *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GList *found = poppler_page_find_text_with_options (page, text,
                                                      POPPLER_FIND_IGNORE_DIACRITICS);
  double width, height;

  poppler_page_get_size (page, &width, &height);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      graphene_rect_t rect;

      graphene_rect_init (&rect, (float) MIN (r->x1, r->x2), (float) (height - MAX (r->y1, r->y2)),
                          (float) ABS (r->x2 - r->x1), (float) ABS (r->y2 - r->y1));
      g_array_append_val (matches, rect);
      poppler_rectangle_free (r);
    }
  g_list_free (found);
  return matches;
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AcqDossierDocument *self = source;
  Job *job = task_data;
  PopplerPage *page = poppler_document_get_page (self->document, (int) job->page);

  if (page == NULL)
    job->error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No page %u", job->page + 1);
  else if (job->kind == JOB_RENDER)
    job->texture = render_page (page, job->scale);
  else
    job->matches = find_on_page (page, job->text);
  g_clear_object (&page);
  g_task_return_boolean (task, TRUE);
}

static void pump (AcqDossierDocument *self);

static void
on_job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AcqDossierDocument *self = ACQ_DOSSIER_DOCUMENT (source);
  g_autoptr (GTask) outer = user_data;
  Job *job = g_task_get_task_data (outer);

  self->running = FALSE;
  if (job->error != NULL)
    g_task_return_error (outer, g_steal_pointer (&job->error));
  else if (job->kind == JOB_RENDER)
    g_task_return_pointer (outer, g_steal_pointer (&job->texture), g_object_unref);
  else
    g_task_return_pointer (outer, g_steal_pointer (&job->matches),
                           (GDestroyNotify) g_array_unref);
  pump (self);
}

/* Starts the most urgent job still wanted, if none runs. */
static void
pump (AcqDossierDocument *self)
{
  while (!self->running)
    {
      GTask *outer = NULL;
      g_autoptr (GTask) inner = NULL;

      for (guint p = 0; p < ACQ_DOSSIER_N_PRIORITIES && outer == NULL; p++)
        outer = g_queue_pop_head (&self->queues[p]);
      if (outer == NULL)
        return;
      if (g_task_return_error_if_cancelled (outer))
        {
          g_object_unref (outer);
          continue;
        }
      self->running = TRUE;
      inner = g_task_new (self, NULL, on_job_done_cb, outer);
      g_task_set_name (inner, "[acquis] dossier page");
      g_task_set_task_data (inner, g_task_get_task_data (outer), NULL);
      g_task_run_in_thread (inner, job_thread);
    }
}

static void
queue_job (AcqDossierDocument *self, Job *job, AcqDossierPriority priority,
           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data,
           gpointer source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_queue_push_tail (&self->queues[MIN (priority, ACQ_DOSSIER_N_PRIORITIES - 1)], task);
  pump (self);
}

/**
 * acq_dossier_document_render_async:
 * @self: the document
 * @page: from 0
 * @scale: pixels per point
 * @priority: how urgent it is
 * @cancellable: (nullable): cancel it while it waits, when the page is no longer wanted
 * @callback: called with the texture
 * @user_data: data for @callback
 *
 * Draws a page, on a white background, on a worker thread.
 */
void
acq_dossier_document_render_async (AcqDossierDocument *self, guint page, double scale,
                                   AcqDossierPriority priority, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  Job *job;

  g_return_if_fail (ACQ_IS_DOSSIER_DOCUMENT (self));
  g_return_if_fail (scale > 0);
  job = g_new0 (Job, 1);
  job->kind = JOB_RENDER;
  job->page = page;
  job->scale = scale;
  queue_job (self, job, priority, cancellable, callback, user_data,
             acq_dossier_document_render_async);
}

/**
 * acq_dossier_document_render_finish:
 * @self: the document
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: (transfer full): the page drawn
 */
GdkTexture *
acq_dossier_document_render_finish (AcqDossierDocument *self, GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * acq_dossier_document_find_async:
 * @self: the document
 * @page: from 0
 * @text: what to look for, whatever the case and the accents
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the matches
 * @user_data: data for @callback
 *
 * Searches one page, after the pages to draw.
 */
void
acq_dossier_document_find_async (AcqDossierDocument *self, guint page, const char *text,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  Job *job;

  g_return_if_fail (ACQ_IS_DOSSIER_DOCUMENT (self));
  g_return_if_fail (text != NULL);
  job = g_new0 (Job, 1);
  job->kind = JOB_FIND;
  job->page = page;
  job->text = g_strdup (text);
  queue_job (self, job, ACQ_DOSSIER_PRIORITY_BACKGROUND, cancellable, callback, user_data,
             acq_dossier_document_find_async);
}

/**
 * acq_dossier_document_find_finish:
 * @self: the document
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the matches, in points from the
 *   top left corner of the page, in reading order
 */
GArray *
acq_dossier_document_find_finish (AcqDossierDocument *self, GAsyncResult *result,
                                  GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
acq_dossier_document_finalize (GObject *object)
{
  AcqDossierDocument *self = ACQ_DOSSIER_DOCUMENT (object);

  /* a waiting task holds the document: there is none left by now */
  g_clear_object (&self->document);
  g_array_unref (self->sizes);
  g_free (self->path);
  G_OBJECT_CLASS (acq_dossier_document_parent_class)->finalize (object);
}

static void
acq_dossier_document_class_init (AcqDossierDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_dossier_document_finalize;
}

static void
acq_dossier_document_init (AcqDossierDocument *self)
{
  self->sizes = g_array_new (FALSE, FALSE, sizeof (graphene_size_t));
  for (guint p = 0; p < ACQ_DOSSIER_N_PRIORITIES; p++)
    g_queue_init (&self->queues[p]);
}
