/* acq-pango.c — the one Pango context recipe for text that must measure the same everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dossier and the mind map lay out French text off screen and draw it on PDF, PNG and
 * SVG surfaces; both measure with this context, so it sits on the floor they share rather
 * than in either of them.
 */
#define G_LOG_DOMAIN "acq-pango"

#include "config.h"

#include <pango/pangocairo.h>

#include "acq-pango.h"

/**
 * acq_pango_context_new:
 *
 * Metrics must not depend on a screen: no hinting, no rounding of glyph positions, 72 dpi so
 * that one Pango point is one PDF point; a PDF, PNG or SVG surface then gives the same sizes,
 * from one run to the next. The dossier and the mind map measure their text with it.
 *
 * Returns: (transfer full): a context for French text, holding its own font map
 */
PangoContext *
acq_pango_context_new (void)
{
  g_autoptr (PangoFontMap) font_map = pango_cairo_font_map_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (font_map), 72.0);
  context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("fr-fr"));
  return context;
}
