/* acq-dossier-view.c — the pages of a PDF one under the other, drawn as they come into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view scrolls itself (GtkScrollable): it knows every page's place from the sizes the
 * document read, and only asks for the pages on screen, then those a screen above and below,
 * to be drawn on a worker. The textures are kept in a cache bounded in bytes; a page drawn
 * for another zoom is shown stretched until its new texture comes.
 */
#define G_LOG_DOMAIN "acq-dossier-view"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-dossier-view.h"

#define GAP 18.0            /* pixels around and between the pages */
#define CACHE_BYTES (96u << 20)

typedef struct
{
  GdkTexture *texture;
  double      scale;
  gsize       bytes;
  guint64     used;         /* the draw that last showed it, for the least recently used */
} CacheEntry;

typedef struct
{
  GCancellable *cancellable;
  double        scale;
} Request;

struct _AcqDossierView
{
  GtkWidget           parent_instance;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;

  AcqDossierDocument *document;
  GArray             *tops;       /* (element-type double): each page's top, in pixels */
  double              content_width;
  double              content_height;
  double              zoom;       /* 1: 96 dpi */
  AcqDossierFit       fit;
  guint               current_page;
  gboolean            going_to;   /* the scroll is ours: the current page is already set */

  GHashTable         *cache;      /* page → CacheEntry */
  gsize               cache_bytes;
  guint64             draws;
  GHashTable         *requests;   /* page → Request */

  GPtrArray          *matches;    /* page → GArray of graphene_rect_t, or NULL */
  int                 match_page; /* the match shown, -1 for none */
  guint               match_index;
};

static void acq_dossier_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AcqDossierView, acq_dossier_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      acq_dossier_view_scrollable_init))

enum
{
  PROP_0,
  PROP_N_PAGES,
  PROP_CURRENT_PAGE,
  PROP_ZOOM,
  PROP_FIT,
  N_PROPS,
  /* GtkScrollable's */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_PAGE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cache_entry_free (CacheEntry *entry)
{
  g_object_unref (entry->texture);
  g_free (entry);
}

static void
matches_free (gpointer matches)
{
  if (matches != NULL)
    g_array_unref (matches);
}

static void
request_free (Request *request)
{
  g_cancellable_cancel (request->cancellable);
  g_object_unref (request->cancellable);
  g_free (request);
}

/* --- Geometry ----------------------------------------------------------------------------- */

static guint
n_pages (AcqDossierView *self)
{
  return self->document != NULL ? acq_dossier_document_get_n_pages (self->document) : 0;
}

static double
pixels_per_point (AcqDossierView *self)
{
  return self->zoom * ACQ_DOSSIER_POINTS_TO_PIXELS;
}

static void
page_rect (AcqDossierView *self, guint page, graphene_rect_t *rect)
{
  double width, height, scale = pixels_per_point (self);

  acq_dossier_document_get_page_size (self->document, page, &width, &height);
  graphene_rect_init (rect, (float) ((self->content_width - width * scale) / 2),
                      (float) g_array_index (self->tops, double, page), (float) (width * scale),
                      (float) (height * scale));
}

static void
largest_page (AcqDossierView *self, double *width, double *height)
{
  *width = *height = 0;
  for (guint i = 0; i < n_pages (self); i++)
    {
      double w, h;

      acq_dossier_document_get_page_size (self->document, i, &w, &h);
      *width = MAX (*width, w);
      *height = MAX (*height, h);
    }
}

static void
lay_out (AcqDossierView *self)
{
  double scale = pixels_per_point (self), y = GAP, widest = 0;

  g_array_set_size (self->tops, 0);
  for (guint i = 0; i < n_pages (self); i++)
    {
      double width, height;

      acq_dossier_document_get_page_size (self->document, i, &width, &height);
      g_array_append_val (self->tops, y);
      y += height * scale + GAP;
      widest = MAX (widest, width * scale);
    }
  self->content_height = y;
  self->content_width = MAX (widest + 2 * GAP, gtk_widget_get_width (GTK_WIDGET (self)));
}

/* The page whose part on screen is the tallest. */
static guint
most_visible_page (AcqDossierView *self)
{
  double top = gtk_adjustment_get_value (self->vadjustment);
  double bottom = top + gtk_adjustment_get_page_size (self->vadjustment);
  double best = -1;
  guint found = 0;

  for (guint i = 0; i < n_pages (self); i++)
    {
      graphene_rect_t rect;
      double seen;

      page_rect (self, i, &rect);
      if (rect.origin.y > bottom)
        break;
      seen = MIN (bottom, rect.origin.y + rect.size.height) - MAX (top, rect.origin.y);
      if (seen > best + 0.5)
        {
          best = seen;
          found = i;
        }
    }
  return found;
}

/* A screen reader says where the view is. */
static void
describe_page (AcqDossierView *self)
{
  g_autofree char *text = NULL;

  if (n_pages (self) > 0)
    text = g_strdup_printf (_("Page %u of %u"), self->current_page + 1, n_pages (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

static void
set_current_page (AcqDossierView *self, guint page)
{
  if (self->current_page == page)
    return;
  self->current_page = page;
  describe_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

/* Where the top of the screen is: a page, and how far down it (a fraction of its height). */
static void
get_anchor (AcqDossierView *self, guint *page, double *fraction)
{
  double top = gtk_adjustment_get_value (self->vadjustment);

  *page = 0;
  *fraction = 0;
  for (guint i = 0; i < self->tops->len; i++)
    {
      graphene_rect_t rect;

      page_rect (self, i, &rect);
      if (rect.origin.y + rect.size.height + GAP <= top && i + 1 < self->tops->len)
        continue;
      *page = i;
      *fraction = (top - rect.origin.y) / rect.size.height;
      return;
    }
}

static void
configure_adjustments (AcqDossierView *self, double vvalue, double hfraction)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (hfraction * self->content_width - width / 2.0, 0,
                                   MAX (0, self->content_width - width)),
                            0, self->content_width, 40, width * 0.9, width);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (vvalue, 0, MAX (0, self->content_height - height)), 0,
                            self->content_height, 40, height * 0.9, height);
}

/* Lays the pages out again (new zoom, new document, new size), the same point of the same
 * page staying at the top of the screen. */
static void
relayout_keeping_place (AcqDossierView *self, guint page, double fraction)
{
  double hfraction = 0.5;
  double vvalue = 0;

  if (self->content_width > 0)
    hfraction = (gtk_adjustment_get_value (self->hadjustment) +
                 gtk_adjustment_get_page_size (self->hadjustment) / 2) / self->content_width;
  lay_out (self);
  if (n_pages (self) > 0)
    {
      graphene_rect_t rect;

      page = MIN (page, n_pages (self) - 1);
      page_rect (self, page, &rect);
      vvalue = rect.origin.y + fraction * rect.size.height;
    }
  self->going_to = TRUE;
  configure_adjustments (self, vvalue, hfraction);
  self->going_to = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
fitted_zoom (AcqDossierView *self)
{
  double width, height, zoom;
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self));

  largest_page (self, &width, &height);
  if (width <= 0 || view_width <= 0)
    return self->zoom;
  zoom = (view_width - 2 * GAP) / (width * ACQ_DOSSIER_POINTS_TO_PIXELS);
  if (self->fit == ACQ_DOSSIER_FIT_PAGE)
    zoom = MIN (zoom, (view_height - 2 * GAP) / (height * ACQ_DOSSIER_POINTS_TO_PIXELS));
  return CLAMP (zoom, ACQ_DOSSIER_ZOOM_MIN, ACQ_DOSSIER_ZOOM_MAX);
}

static void
change_zoom (AcqDossierView *self, double zoom)
{
  guint page;
  double fraction;

  zoom = CLAMP (zoom, ACQ_DOSSIER_ZOOM_MIN, ACQ_DOSSIER_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-4))
    return;
  get_anchor (self, &page, &fraction);
  self->zoom = zoom;
  relayout_keeping_place (self, page, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* --- Pages drawn on a worker -------------------------------------------------------------- */

static double
texture_scale (AcqDossierView *self)
{
  return pixels_per_point (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
is_sharp (CacheEntry *entry, double scale)
{
  return entry != NULL && G_APPROX_VALUE (entry->scale, scale, scale * 0.01);
}

static void
visible_range (AcqDossierView *self, double margin, guint *first, guint *last)
{
  double top = gtk_adjustment_get_value (self->vadjustment) - margin;
  double bottom = gtk_adjustment_get_value (self->vadjustment) +
                  gtk_adjustment_get_page_size (self->vadjustment) + margin;

  *first = G_MAXUINT;
  *last = 0;
  for (guint i = 0; i < n_pages (self); i++)
    {
      graphene_rect_t rect;

      page_rect (self, i, &rect);
      if (rect.origin.y > bottom)
        break;
      if (rect.origin.y + rect.size.height < top)
        continue;
      *first = MIN (*first, i);
      *last = i;
    }
}

/* Drops the least recently shown textures over the budget, never one in @first..@last. */
static void
trim_cache (AcqDossierView *self, guint first, guint last)
{
  while (self->cache_bytes > CACHE_BYTES)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest = NULL;
      guint64 oldest_use = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          CacheEntry *entry = value;
          guint page = GPOINTER_TO_UINT (key);

          if ((page < first || page > last) && entry->used < oldest_use)
            {
              oldest = key;
              oldest_use = entry->used;
            }
        }
      if (oldest == NULL)
        return;
      self->cache_bytes -= ((CacheEntry *) g_hash_table_lookup (self->cache, oldest))->bytes;
      g_hash_table_remove (self->cache, oldest);
    }
}

typedef struct
{
  AcqDossierView *self; /* weak: the request is cancelled before the view goes */
  guint           page;
  double          scale;
} RenderData;

static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RenderData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture =
    acq_dossier_document_render_finish (ACQ_DOSSIER_DOCUMENT (source), result, &error);
  AcqDossierView *self = data->self;
  CacheEntry *entry;

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Page %u could not be drawn: %s", data->page + 1, error->message);
      g_free (data);
      return;
    }
  if (source != G_OBJECT (self->document))
    {
      g_free (data);
      return;
    }
  g_hash_table_remove (self->requests, GUINT_TO_POINTER (data->page));
  entry = g_new0 (CacheEntry, 1);
  entry->texture = g_steal_pointer (&texture);
  entry->scale = data->scale;
  entry->bytes = (gsize) gdk_texture_get_width (entry->texture) *
                 gdk_texture_get_height (entry->texture) * 4;
  entry->used = self->draws;
  {
    CacheEntry *old = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (data->page));
    if (old != NULL)
      self->cache_bytes -= old->bytes;
  }
  g_hash_table_replace (self->cache, GUINT_TO_POINTER (data->page), entry);
  self->cache_bytes += entry->bytes;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_PAGE_READY], 0, data->page);
  g_free (data);
}

static void
request_page (AcqDossierView *self, guint page, double scale, AcqDossierPriority priority)
{
  Request *request = g_hash_table_lookup (self->requests, GUINT_TO_POINTER (page));
  RenderData *data;

  if (request != NULL && G_APPROX_VALUE (request->scale, scale, scale * 0.01))
    return;
  request = g_new0 (Request, 1);
  request->cancellable = g_cancellable_new ();
  request->scale = scale;
  g_hash_table_replace (self->requests, GUINT_TO_POINTER (page), request);
  data = g_new0 (RenderData, 1);
  data->self = self;
  data->page = page;
  data->scale = scale;
  acq_dossier_document_render_async (self->document, page, scale, priority,
                                     request->cancellable, on_rendered_cb, data);
}

/* Asks for the pages on screen, then for those a screen away; forgets the others. */
static void
update_requests (AcqDossierView *self)
{
  double scale = texture_scale (self);
  double screen = gtk_adjustment_get_page_size (self->vadjustment);
  guint first, last, near_first, near_last;
  GHashTableIter iter;
  gpointer key;

  if (n_pages (self) == 0 || screen <= 0)
    return;
  visible_range (self, 0, &first, &last);
  visible_range (self, screen, &near_first, &near_last);
  if (first == G_MAXUINT)
    return;
  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint page = GPOINTER_TO_UINT (key);
      if (page < near_first || page > near_last)
        g_hash_table_iter_remove (&iter);
    }
  for (guint i = first; i <= last; i++)
    if (!is_sharp (g_hash_table_lookup (self->cache, GUINT_TO_POINTER (i)), scale))
      request_page (self, i, scale, ACQ_DOSSIER_PRIORITY_VISIBLE);
  for (guint i = near_first; i <= near_last; i++)
    if ((i < first || i > last) &&
        !is_sharp (g_hash_table_lookup (self->cache, GUINT_TO_POINTER (i)), scale))
      request_page (self, i, scale, ACQ_DOSSIER_PRIORITY_NEAR);
  trim_cache (self, near_first, near_last);
}

/* --- Drawing ------------------------------------------------------------------------------ */

static void
draw_matches (AcqDossierView *self, GtkSnapshot *snapshot, guint page,
              const graphene_rect_t *rect)
{
  GArray *matches = page < self->matches->len ? g_ptr_array_index (self->matches, page) : NULL;
  double scale = pixels_per_point (self);
  GdkRGBA all = { 1.0, 0.8, 0.0, 0.35 };
  GdkRGBA shown = { 0.95, 0.45, 0.0, 0.55 };

  if (matches == NULL)
    return;
  for (guint m = 0; m < matches->len; m++)
    {
      const graphene_rect_t *match = &g_array_index (matches, graphene_rect_t, m);
      graphene_rect_t box = GRAPHENE_RECT_INIT (
        rect->origin.x + match->origin.x * scale - 1, rect->origin.y + match->origin.y * scale - 1,
        match->size.width * scale + 2, match->size.height * scale + 2);
      gboolean is_shown = self->match_page == (int) page && self->match_index == m;

      gtk_snapshot_append_color (snapshot, is_shown ? &shown : &all, &box);
    }
}

static void
acq_dossier_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA shadow = { 0, 0, 0, 0.3 };
  guint first, last;

  if (n_pages (self) == 0)
    return;
  self->draws++;
  visible_range (self, 0, &first, &last);
  if (first == G_MAXUINT)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (
                            (float) -gtk_adjustment_get_value (self->hadjustment),
                            (float) -gtk_adjustment_get_value (self->vadjustment)));
  for (guint i = first; i <= last; i++)
    {
      CacheEntry *entry = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (i));
      graphene_rect_t rect;
      GskRoundedRect outline;

      page_rect (self, i, &rect);
      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 4);
      gtk_snapshot_append_color (snapshot, &white, &rect);
      if (entry != NULL)
        {
          entry->used = self->draws;
          gtk_snapshot_append_texture (snapshot, entry->texture, &rect);
        }
      draw_matches (self, snapshot, i, &rect);
    }
  gtk_snapshot_restore (snapshot);
}

static void
acq_dossier_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                          int *minimum, int *natural, int *minimum_baseline,
                          int *natural_baseline)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (widget);

  *minimum = 0;
  *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? self->content_width
                                                              : self->content_height);
}

static void
acq_dossier_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (widget);
  guint page;
  double fraction;

  get_anchor (self, &page, &fraction);
  if (self->fit != ACQ_DOSSIER_FIT_NONE && n_pages (self) > 0)
    {
      double zoom = fitted_zoom (self);

      if (!G_APPROX_VALUE (zoom, self->zoom, 1e-4))
        {
          self->zoom = zoom;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
        }
    }
  relayout_keeping_place (self, page, fraction);
  update_requests (self);
}

static void
on_adjustment_value_changed_cb (AcqDossierView *self)
{
  if (!self->going_to && n_pages (self) > 0)
    set_current_page (self, most_visible_page (self));
  update_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (AcqDossierView *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* --- Public ------------------------------------------------------------------------------- */

GtkWidget *
acq_dossier_view_new (void)
{
  return g_object_new (ACQ_TYPE_DOSSIER_VIEW, NULL);
}

/**
 * acq_dossier_view_set_document:
 * @self: the view
 * @document: (nullable): the pages to show
 *
 * Shows another document. When it replaces one (the dossier made again after a change), the
 * same point of the same page stays at the top of the screen, and the zoom stays.
 */
void
acq_dossier_view_set_document (AcqDossierView *self, AcqDossierDocument *document)
{
  guint page = 0;
  double fraction;

  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  /* a first document shows from its very top, the gap above the first page included */
  fraction = -1;
  if (self->document != NULL)
    get_anchor (self, &page, &fraction);
  g_hash_table_remove_all (self->requests);
  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
  acq_dossier_view_clear_matches (self);
  g_set_object (&self->document, document);
  if (self->fit != ACQ_DOSSIER_FIT_NONE && n_pages (self) > 0)
    self->zoom = fitted_zoom (self);
  relayout_keeping_place (self, page, fraction);
  if (n_pages (self) > 0)
    self->current_page = MIN (self->current_page, n_pages (self) - 1);
  describe_page (self);
  update_requests (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

AcqDossierDocument *
acq_dossier_view_get_document (AcqDossierView *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_VIEW (self), NULL);
  return self->document;
}

guint
acq_dossier_view_get_n_pages (AcqDossierView *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_VIEW (self), 0);
  return n_pages (self);
}

/**
 * acq_dossier_view_get_current_page:
 * @self: the view
 *
 * Returns: the page most seen, or the last one gone to, from 0
 */
guint
acq_dossier_view_get_current_page (AcqDossierView *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_VIEW (self), 0);
  return self->current_page;
}

/**
 * acq_dossier_view_go_to_page:
 * @self: the view
 * @page: from 0; past the end means the last page
 *
 * Scrolls the top of @page to the top of the screen, or as near as the end allows.
 */
void
acq_dossier_view_go_to_page (AcqDossierView *self, guint page)
{
  graphene_rect_t rect;

  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  if (n_pages (self) == 0)
    return;
  page = MIN (page, n_pages (self) - 1);
  page_rect (self, page, &rect);
  set_current_page (self, page);
  self->going_to = TRUE;
  gtk_adjustment_set_value (self->vadjustment, rect.origin.y - GAP / 2);
  self->going_to = FALSE;
}

double
acq_dossier_view_get_zoom (AcqDossierView *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_VIEW (self), 1.0);
  return self->zoom;
}

/**
 * acq_dossier_view_set_zoom:
 * @self: the view
 * @zoom: 1 shows pages at 96 dpi; clamped to %ACQ_DOSSIER_ZOOM_MIN…%ACQ_DOSSIER_ZOOM_MAX
 *
 * Zooms, and stops fitting the pages to the window.
 */
void
acq_dossier_view_set_zoom (AcqDossierView *self, double zoom)
{
  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  acq_dossier_view_set_fit (self, ACQ_DOSSIER_FIT_NONE);
  change_zoom (self, zoom);
  update_requests (self);
}

AcqDossierFit
acq_dossier_view_get_fit (AcqDossierView *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_VIEW (self), ACQ_DOSSIER_FIT_NONE);
  return self->fit;
}

void
acq_dossier_view_set_fit (AcqDossierView *self, AcqDossierFit fit)
{
  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  if (self->fit == fit)
    return;
  self->fit = fit;
  if (fit != ACQ_DOSSIER_FIT_NONE && n_pages (self) > 0)
    {
      change_zoom (self, fitted_zoom (self));
      update_requests (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
}

/**
 * acq_dossier_view_set_matches:
 * @self: the view
 * @page: from 0
 * @matches: (element-type graphene_rect_t) (transfer none): what a search found on @page,
 *   in points from the top left corner
 *
 * Highlights the matches of a search on a page.
 */
void
acq_dossier_view_set_matches (AcqDossierView *self, guint page, GArray *matches)
{
  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  if (page >= self->matches->len)
    g_ptr_array_set_size (self->matches, page + 1);
  g_clear_pointer (&g_ptr_array_index (self->matches, page), g_array_unref);
  g_ptr_array_index (self->matches, page) = matches != NULL ? g_array_ref (matches) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
acq_dossier_view_clear_matches (AcqDossierView *self)
{
  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  g_ptr_array_set_size (self->matches, 0);
  self->match_page = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * acq_dossier_view_show_match:
 * @self: the view
 * @page: from 0
 * @index: among the matches given for @page
 *
 * Marks one match as the one shown, and scrolls it to the middle of the screen unless it is
 * on screen already.
 */
void
acq_dossier_view_show_match (AcqDossierView *self, guint page, guint index)
{
  GArray *matches;
  const graphene_rect_t *match;
  graphene_rect_t rect;
  double scale = pixels_per_point (self), top, left, screen, screen_width;

  g_return_if_fail (ACQ_IS_DOSSIER_VIEW (self));
  matches = page < self->matches->len ? g_ptr_array_index (self->matches, page) : NULL;
  g_return_if_fail (matches != NULL && index < matches->len);
  self->match_page = (int) page;
  self->match_index = index;
  match = &g_array_index (matches, graphene_rect_t, index);
  page_rect (self, page, &rect);
  top = rect.origin.y + match->origin.y * scale;
  left = rect.origin.x + match->origin.x * scale;
  screen = gtk_adjustment_get_page_size (self->vadjustment);
  screen_width = gtk_adjustment_get_page_size (self->hadjustment);
  set_current_page (self, page);
  self->going_to = TRUE;
  if (top < gtk_adjustment_get_value (self->vadjustment) ||
      top + match->size.height * scale > gtk_adjustment_get_value (self->vadjustment) + screen)
    gtk_adjustment_set_value (self->vadjustment, top - screen / 2);
  if (left < gtk_adjustment_get_value (self->hadjustment) ||
      left + match->size.width * scale >
        gtk_adjustment_get_value (self->hadjustment) + screen_width)
    gtk_adjustment_set_value (self->hadjustment, left - screen_width / 2);
  self->going_to = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- Keyboard ----------------------------------------------------------------------------- */

static void
scroll_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (widget);
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) +
                                                   dy * gtk_adjustment_get_step_increment (
                                                          self->vadjustment));
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                                                   dx * gtk_adjustment_get_step_increment (
                                                          self->hadjustment));
}

/* Page Up and Down go to the previous and next page, Home and End to the first and last,
 * before the scrolled window turns them into a screen's scroll. */
static void
step_page_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (widget);
  gint64 page = (gint64) self->current_page + g_variant_get_int32 (param);

  acq_dossier_view_go_to_page (self, (guint) CLAMP (page, 0, G_MAXUINT));
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
acq_dossier_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, n_pages (self));
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, self->current_page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT:
      g_value_set_int (value, self->fit);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_dossier_view_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      acq_dossier_view_go_to_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      acq_dossier_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT:
      acq_dossier_view_set_fit (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_dossier_view_dispose (GObject *object)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (object);

  /* cancelled requests still come back: they must not find the view gone */
  g_hash_table_remove_all (self->requests);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (acq_dossier_view_parent_class)->dispose (object);
}

static void
acq_dossier_view_finalize (GObject *object)
{
  AcqDossierView *self = ACQ_DOSSIER_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb,
                                          self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb,
                                          self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_hash_table_unref (self->requests);
  g_hash_table_unref (self->cache);
  g_ptr_array_unref (self->matches);
  g_array_unref (self->tops);
  G_OBJECT_CLASS (acq_dossier_view_parent_class)->finalize (object);
}

static void
acq_dossier_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
add_scroll_binding (GtkWidgetClass *widget_class, guint keyval, int dx, int dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "view.scroll", "(ii)", dx, dy);
}

static void
acq_dossier_view_class_init (AcqDossierViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = acq_dossier_view_get_property;
  object_class->set_property = acq_dossier_view_set_property;
  object_class->dispose = acq_dossier_view_dispose;
  object_class->finalize = acq_dossier_view_finalize;
  widget_class->snapshot = acq_dossier_view_snapshot;
  widget_class->measure = acq_dossier_view_measure;
  widget_class->size_allocate = acq_dossier_view_size_allocate;

  properties[PROP_N_PAGES] = g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ACQ_DOSSIER_ZOOM_MIN, ACQ_DOSSIER_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] =
    g_param_spec_int ("fit", NULL, NULL, ACQ_DOSSIER_FIT_NONE, ACQ_DOSSIER_FIT_PAGE,
                      ACQ_DOSSIER_FIT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * AcqDossierView::page-ready:
   * @page: from 0
   *
   * A page's texture came from the worker and is about to be shown.
   */
  signals[SIGNAL_PAGE_READY] = g_signal_new ("page-ready", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "view.scroll", "(ii)", scroll_action);
  add_scroll_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, 1);
  add_scroll_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_scroll_binding (widget_class, GDK_KEY_Right, 1, 0);
  gtk_widget_class_install_action (widget_class, "view.step-page", "i", step_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "view.step-page", "i",
                                       -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "view.step-page",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "view.step-page", "i",
                                       G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "view.step-page", "i",
                                       G_MAXINT32);
  gtk_widget_class_set_css_name (widget_class, "acq-dossier-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
acq_dossier_view_init (AcqDossierView *self)
{
  self->zoom = 1.0;
  self->fit = ACQ_DOSSIER_FIT_WIDTH;
  self->match_page = -1;
  self->tops = g_array_new (FALSE, FALSE, sizeof (double));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cache_entry_free);
  self->requests = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) request_free);
  self->matches = g_ptr_array_new_with_free_func (matches_free);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
