/* acq-dossier-thumb.c — a small picture of one page, drawn the first time it is seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thumbnail is a GdkPaintable with the page's proportions. Until its texture comes it draws
 * a blank page and, the first time GTK draws it (it scrolled into the strip), says it is
 * "wanted": only the thumbnails on screen are ever drawn by poppler.
 */
#define G_LOG_DOMAIN "acq-dossier-thumb"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-dossier-thumb.h"

struct _AcqDossierThumb
{
  GObject     parent_instance;

  guint       page;
  char       *label;
  int         width;  /* pixels */
  int         height;
  double      scale;  /* pixels per point */
  GdkTexture *texture;
  guint       wanted_idle;
};

static void acq_dossier_thumb_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AcqDossierThumb, acq_dossier_thumb, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      acq_dossier_thumb_paintable_init))

enum
{
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_WANTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Emitted from an idle: GTK is drawing, and the answer changes what it draws. */
static gboolean
emit_wanted_cb (gpointer user_data)
{
  AcqDossierThumb *self = user_data;

  self->wanted_idle = 0;
  if (self->texture == NULL)
    g_signal_emit (self, signals[SIGNAL_WANTED], 0);
  return G_SOURCE_REMOVE;
}

static void
acq_dossier_thumb_snapshot (GdkPaintable *paintable, GdkSnapshot *snapshot, double width,
                            double height)
{
  AcqDossierThumb *self = ACQ_DOSSIER_THUMB (paintable);
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height);
  GdkRGBA white = { 1, 1, 1, 1 };

  if (self->texture != NULL)
    {
      gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture, &rect);
      return;
    }
  gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &white, &rect);
  if (self->wanted_idle == 0)
    self->wanted_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, emit_wanted_cb,
                                         g_object_ref (self), g_object_unref);
}

static int
acq_dossier_thumb_get_intrinsic_width (GdkPaintable *paintable)
{
  return ACQ_DOSSIER_THUMB (paintable)->width;
}

static int
acq_dossier_thumb_get_intrinsic_height (GdkPaintable *paintable)
{
  return ACQ_DOSSIER_THUMB (paintable)->height;
}

static void
acq_dossier_thumb_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = acq_dossier_thumb_snapshot;
  iface->get_intrinsic_width = acq_dossier_thumb_get_intrinsic_width;
  iface->get_intrinsic_height = acq_dossier_thumb_get_intrinsic_height;
}

/**
 * acq_dossier_thumb_new:
 * @page: from 0
 * @width: the page's width, in points
 * @height: its height
 *
 * Returns: (transfer full): a blank thumbnail of the page's proportions
 */
AcqDossierThumb *
acq_dossier_thumb_new (guint page, double width, double height)
{
  AcqDossierThumb *self = g_object_new (ACQ_TYPE_DOSSIER_THUMB, NULL);

  self->page = page;
  self->label = g_strdup_printf (_("Page %u"), page + 1);
  self->scale = ACQ_DOSSIER_THUMB_WIDTH / MAX (width, 1);
  self->width = ACQ_DOSSIER_THUMB_WIDTH;
  self->height = MAX (1, (int) (height * self->scale + 0.5));
  return self;
}

guint
acq_dossier_thumb_get_page (AcqDossierThumb *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_THUMB (self), 0);
  return self->page;
}

/* The scale to draw it at, in pixels per point, before the screen's scale factor. */
double
acq_dossier_thumb_get_scale (AcqDossierThumb *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_THUMB (self), 1.0);
  return self->scale;
}

gboolean
acq_dossier_thumb_has_texture (AcqDossierThumb *self)
{
  g_return_val_if_fail (ACQ_IS_DOSSIER_THUMB (self), FALSE);
  return self->texture != NULL;
}

/**
 * acq_dossier_thumb_set_texture:
 * @self: the thumbnail
 * @texture: (nullable): the page drawn; %NULL forgets it (to keep memory bounded), and the
 *   thumbnail is wanted again when next seen
 */
void
acq_dossier_thumb_set_texture (AcqDossierThumb *self, GdkTexture *texture)
{
  g_return_if_fail (ACQ_IS_DOSSIER_THUMB (self));
  if (g_set_object (&self->texture, texture))
    gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

static void
acq_dossier_thumb_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  AcqDossierThumb *self = ACQ_DOSSIER_THUMB (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_dossier_thumb_finalize (GObject *object)
{
  AcqDossierThumb *self = ACQ_DOSSIER_THUMB (object);

  g_clear_object (&self->texture);
  g_free (self->label);
  G_OBJECT_CLASS (acq_dossier_thumb_parent_class)->finalize (object);
}

static void
acq_dossier_thumb_class_init (AcqDossierThumbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = acq_dossier_thumb_get_property;
  object_class->finalize = acq_dossier_thumb_finalize;

  /* "Page 3", under it */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AcqDossierThumb::wanted:
   *
   * The thumbnail was drawn blank: its texture is wanted.
   */
  signals[SIGNAL_WANTED] = g_signal_new ("wanted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
acq_dossier_thumb_init (AcqDossierThumb *self)
{
}
