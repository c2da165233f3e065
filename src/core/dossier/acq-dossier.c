/* acq-dossier.c — the Dossier Professionnel of one candidate, written as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dossier is laid out twice with the same code: a first pass draws nothing and finds on
 * which page every section, bloc, example and annex starts; the second draws on a cairo PDF
 * surface, with the table of contents, the running footer ("page X / Y") and the outline
 * that the first pass made possible. The examples are drawn by AcqDpLayout, which the
 * editor's page estimate also uses, so that the estimate and the PDF agree.
 */
#define G_LOG_DOMAIN "acq-dossier"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "acq-dossier-private.h"
#include "acq-dp-layout-private.h"
#include "acq-sql-private.h"
#include "acq-output-file.h"

G_DEFINE_QUARK (acq-dossier-error-quark, acq_dossier_error)

#define FIT_EPSILON 0.01
/* The watermark follows the page's diagonal: atan (841.89 / 595.28), in radians. */
#define WATERMARK_ANGLE 0.95532

typedef struct
{
  const char *family;
  PangoWeight weight;
  PangoStyle  slant;
  double      size;
  double      spacing;
  double      rgb[3];
} TextSpec;

#define INK   { 0.0, 0.0, 0.0 }
#define BLUE  { 0.09, 0.20, 0.36 }
#define GREY  { 0.35, 0.35, 0.35 }

static const TextSpec text_specs[ACQ_DOSSIER_N_TEXTS] = {
  [ACQ_DOSSIER_TEXT_COVER] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 26,
                               1.15, BLUE },
  [ACQ_DOSSIER_TEXT_SECTION] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                 17, 1.15, BLUE },
  [ACQ_DOSSIER_TEXT_HEADING] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                 ACQ_DP_HEADING_SIZE, 1.15, BLUE },
  [ACQ_DOSSIER_TEXT_BODY] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                              ACQ_DP_BODY_SIZE, ACQ_DP_BODY_SPACING, INK },
  [ACQ_DOSSIER_TEXT_STRONG] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                ACQ_DP_BODY_SIZE, ACQ_DP_BODY_SPACING, INK },
  [ACQ_DOSSIER_TEXT_NOTE] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 9,
                              1.2, GREY },
  [ACQ_DOSSIER_TEXT_SMALL] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 8,
                               1.2, GREY },
  [ACQ_DOSSIER_TEXT_WATERMARK] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                                   110, 1.0, { 0.80, 0.12, 0.12 } },
};

/* --- Text ----------------------------------------------------------------------------- */

/**
 * acq_dossier_writer_layout:
 * @w: the writer
 * @style: the text style
 * @text: text, already typeset
 * @width: the width to wrap it in, in points; 0 for no wrapping
 *
 * Returns: (transfer full): the laid-out text
 */
PangoLayout *
acq_dossier_writer_layout (AcqDossierWriter *w, AcqDossierText style, const char *text,
                           double width)
{
  PangoLayout *layout = pango_layout_new (w->context);

  pango_layout_set_font_description (layout, w->fonts[style]);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* a 300-character word is cut rather than pushed out of the page */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* the dossier is French: a name in Arabic or Hebrew is written right to left, but it stays
   * aligned on the left like the rest of the form */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * _acq_dossier_kept_layout:
 * @w: the writer
 * @style: the text style
 * @text: text, already typeset
 * @width: the width to wrap it in, in points; 0 for no wrapping
 * @variant: what the caller changes in the layout it gets new (0: nothing)
 * @is_new: (out): whether the layout was just made, for the caller to change it
 *
 * The layout of @text made by the first pass is kept for the second: the text of the pages
 * around the examples is shaped once too.
 *
 * Returns: (transfer full): the laid-out text
 */
PangoLayout *
_acq_dossier_kept_layout (AcqDossierWriter *w, AcqDossierText style, const char *text,
                          double width, guint variant, gboolean *is_new)
{
  g_autofree char *key = g_strdup_printf ("%d:%d:%u:%s", style, (int) (width * PANGO_SCALE),
                                          variant, text);
  PangoLayout *layout = g_hash_table_lookup (w->kept_layouts, key);

  *is_new = layout == NULL;
  if (layout == NULL)
    {
      layout = acq_dossier_writer_layout (w, style, text, width);
      g_hash_table_insert (w->kept_layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static void
set_color (AcqDossierWriter *w, AcqDossierText style)
{
  const double *rgb = text_specs[style].rgb;

  cairo_set_source_rgb (w->cr, rgb[0], rgb[1], rgb[2]);
}

/**
 * acq_dossier_writer_show_layout:
 * @w: the writer
 * @style: the style @layout was made with, for its colour
 * @layout: the text
 * @x: from the left of the content area
 * @y: from the top of the content area
 *
 * Draws @layout whole, on the current page, in the second pass only.
 */
void
acq_dossier_writer_show_layout (AcqDossierWriter *w, AcqDossierText style, PangoLayout *layout,
                                double x, double y)
{
  if (w->cr == NULL)
    return;
  cairo_save (w->cr);
  set_color (w, style);
  cairo_move_to (w->cr, ACQ_DP_CONTENT_X + x, ACQ_DP_CONTENT_Y + y);
  pango_cairo_show_layout (w->cr, layout);
  cairo_restore (w->cr);
}

/* Places @layout line by line from the cursor, @indent points from the left, turning the page
 * between two lines when the next does not fit. The leading is added to every line, half
 * above and half below, as the examples do. */
static double
flow_layout (AcqDossierWriter *w, AcqDossierText style, PangoLayout *layout, double indent)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double spacing = w->spacing[style];
  double start = w->y;
  guint start_page = w->page;

  do
    {
      PangoRectangle logical;
      double natural, ascent, height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      natural = (double) logical.height / PANGO_SCALE;
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      height = natural * spacing;
      if (w->y > 0 && w->y + height > ACQ_DP_CONTENT_HEIGHT + FIT_EPSILON)
        acq_dossier_writer_new_page (w);
      if (w->cr != NULL)
        {
          set_color (w, style);
          cairo_move_to (w->cr, ACQ_DP_CONTENT_X + indent + (double) logical.x / PANGO_SCALE,
                         ACQ_DP_CONTENT_Y + w->y + ascent + natural * (spacing - 1) / 2);
          pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
        }
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return w->page == start_page ? w->y - start : w->y;
}

/**
 * acq_dossier_writer_flow:
 * @w: the writer
 * @style: the text style
 * @text: text, already typeset (acq_dp_layout_typeset()); "\n" breaks lines
 * @indent: from the left of the content area, in points
 * @space_after: space left under it
 *
 * Prints a paragraph at the cursor, over as many pages as it needs.
 *
 * Returns: the height it took on its last page
 */
double
acq_dossier_writer_flow (AcqDossierWriter *w, AcqDossierText style, const char *text, double indent,
                         double space_after)
{
  gboolean bullet = g_str_has_prefix (text, "• ");
  gboolean is_new;
  g_autoptr (PangoLayout) layout =
    _acq_dossier_kept_layout (w, style, text, ACQ_DP_CONTENT_WIDTH - indent, bullet, &is_new);
  double height;

  /* a bullet ("• ") hangs: the following lines align with the text, not with it */
  if (bullet && is_new)
    {
      PangoRectangle bullet;

      pango_layout_index_to_pos (layout, strlen ("• "), &bullet);
      pango_layout_set_indent (layout, -bullet.x);
    }
  height = flow_layout (w, style, layout, indent);
  acq_dossier_writer_space (w, space_after);
  return height + space_after;
}

/**
 * acq_dossier_writer_flow_labelled:
 * @w: the writer
 * @label: a label, printed in bold
 * @value: its value, already typeset
 * @space_after: space left under it
 *
 * Prints "label : value" in the body style.
 *
 * Returns: the height it took on its last page
 */
double
acq_dossier_writer_flow_labelled (AcqDossierWriter *w, const char *label, const char *value,
                                  double space_after)
{
  g_autofree char *text = g_strconcat (label, "\u00A0: ", value, NULL);
  gboolean is_new;
  /* the variant is the length of the bold label, after the 1 of a bullet */
  g_autoptr (PangoLayout) layout =
    _acq_dossier_kept_layout (w, ACQ_DOSSIER_TEXT_BODY, text, ACQ_DP_CONTENT_WIDTH,
                              2 + strlen (label), &is_new);
  double height;

  if (is_new)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = strlen (label);
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  height = flow_layout (w, ACQ_DOSSIER_TEXT_BODY, layout, 0);
  acq_dossier_writer_space (w, space_after);
  return height + space_after;
}

/**
 * acq_dossier_writer_text_height:
 * @w: the writer
 * @style: the text style
 * @text: text, already typeset
 * @width: the width it is wrapped in
 *
 * Returns: the height acq_dossier_writer_flow() gives @text, if it fits on one page
 */
double
acq_dossier_writer_text_height (AcqDossierWriter *w, AcqDossierText style, const char *text,
                                double width)
{
  gboolean is_new;
  g_autoptr (PangoLayout) layout = _acq_dossier_kept_layout (w, style, text, width, 0, &is_new);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double height = 0;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height += (double) logical.height / PANGO_SCALE * w->spacing[style];
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return height;
}

/**
 * acq_dossier_writer_need:
 * @w: the writer
 * @height: room wanted
 *
 * Turns the page unless @height fits under the cursor: a heading never ends a page.
 */
void
acq_dossier_writer_need (AcqDossierWriter *w, double height)
{
  if (w->y > 0 && w->y + height > ACQ_DP_CONTENT_HEIGHT + FIT_EPSILON)
    acq_dossier_writer_new_page (w);
}

/**
 * acq_dossier_writer_space:
 * @w: the writer
 * @height: vertical space
 *
 * Moves the cursor down; the space is dropped at the top of a page.
 */
void
acq_dossier_writer_space (AcqDossierWriter *w, double height)
{
  if (w->y > 0)
    w->y = MIN (w->y + height, ACQ_DP_CONTENT_HEIGHT);
}

/* --- Pages ---------------------------------------------------------------------------- */

/* The watermark is drawn once, into a recording surface that every page paints: the PDF
 * holds its outline once, as a form that each page refers to, instead of once per page. */
static void
draw_watermark (AcqDossierWriter *w)
{
  if (w->watermark_picture == NULL)
    {
      const double *rgb = text_specs[ACQ_DOSSIER_TEXT_WATERMARK].rgb;
      cairo_rectangle_t page = { 0, 0, ACQ_DP_PAGE_WIDTH, ACQ_DP_PAGE_HEIGHT };
      g_autoptr (PangoLayout) layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_WATERMARK,
                                                                  "BROUILLON", 0);
      PangoRectangle logical;
      cairo_t *cr;

      w->watermark_picture = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &page);
      cr = cairo_create (w->watermark_picture);
      pango_layout_get_extents (layout, NULL, &logical);
      cairo_translate (cr, ACQ_DP_PAGE_WIDTH / 2, ACQ_DP_PAGE_HEIGHT / 2);
      cairo_rotate (cr, -WATERMARK_ANGLE);
      cairo_move_to (cr, -(double) logical.width / PANGO_SCALE / 2,
                     -(double) logical.height / PANGO_SCALE / 2);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.13);
      /* as a shape, not as text: its letters would mix with the lines of the text when it
       * is copied or searched */
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
  cairo_save (w->cr);
  cairo_set_source_surface (w->cr, w->watermark_picture, 0, 0);
  cairo_paint (w->cr);
  cairo_restore (w->cr);
}

/* One line of the header or the footer: @text ellipsized to @width, aligned right if asked. */
static PangoLayout *
band_layout (AcqDossierWriter *w, const char *text, double width, gboolean right)
{
  PangoLayout *layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_SMALL, text, width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
}

/* Draws a band's @layout at @x, its baseline at @baseline (page coordinates). */
static void
band_text (AcqDossierWriter *w, PangoLayout *layout, double x, double baseline)
{
  set_color (w, ACQ_DOSSIER_TEXT_SMALL);
  cairo_move_to (w->cr, x, baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  pango_cairo_show_layout (w->cr, layout);
}

static void
band_rule (AcqDossierWriter *w, double y)
{
  cairo_set_source_rgb (w->cr, 0.70, 0.74, 0.80);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, ACQ_DP_CONTENT_X, y);
  cairo_line_to (w->cr, ACQ_DP_CONTENT_X + ACQ_DP_CONTENT_WIDTH, y);
  cairo_stroke (w->cr);
}

/* The running header (the candidate, the section) and the footer (the dossier, the page). */
static void
draw_bands (AcqDossierWriter *w)
{
  const char *section = w->section != NULL ? w->section : "";
  g_autofree char *page_text = g_strdup_printf ("page %u / %u", w->page, w->n_pages);
  double half = ACQ_DP_CONTENT_WIDTH / 2 - 6;
  double header_base = ACQ_DP_MARGIN_TOP + ACQ_DP_HEADER_HEIGHT - 10;
  double footer_base = ACQ_DP_PAGE_HEIGHT - ACQ_DP_MARGIN_BOTTOM - ACQ_DP_FOOTER_HEIGHT + 18;
  g_autoptr (PangoLayout) page = band_layout (w, page_text, 80, TRUE);

  if (w->band_name == NULL)
    {
      g_autofree char *typeset_name = acq_dp_layout_typeset (w->band_left_text ?: "");

      w->band_name = band_layout (w, typeset_name, half, FALSE);
      w->band_footer = band_layout (w, w->band_footer_text ?: "", ACQ_DP_CONTENT_WIDTH - 80,
                                    FALSE);
    }
  if (w->band_section == NULL || g_strcmp0 (w->band_section_text, section) != 0)
    {
      g_clear_object (&w->band_section);
      g_free (w->band_section_text);
      w->band_section = band_layout (w, section, half, TRUE);
      w->band_section_text = g_strdup (section);
    }
  cairo_save (w->cr);
  band_text (w, w->band_name, ACQ_DP_CONTENT_X, header_base);
  band_text (w, w->band_section, ACQ_DP_CONTENT_X + half + 12, header_base);
  band_rule (w, header_base + 5);
  band_rule (w, footer_base - 11);
  band_text (w, w->band_footer, ACQ_DP_CONTENT_X, footer_base);
  band_text (w, page, ACQ_DP_CONTENT_X + ACQ_DP_CONTENT_WIDTH - 80, footer_base);
  cairo_restore (w->cr);
}

/**
 * acq_dossier_writer_new_page:
 * @w: the writer
 *
 * Ends the current page and starts the next, with its running header and footer (unless
 * @w->bare) and the watermark (if @w->watermark). The cursor goes to the top of the content
 * area.
 */
void
acq_dossier_writer_new_page (AcqDossierWriter *w)
{
  if (w->cr != NULL && w->page > 0)
    cairo_show_page (w->cr);
  w->page++;
  w->y = 0;
  if (w->cr == NULL)
    return;
  if (w->watermark)
    draw_watermark (w);
  if (!w->bare)
    draw_bands (w);
}

/**
 * acq_dossier_writer_set_section:
 * @w: the writer
 * @section: the section in the running header of the pages started from now on
 */
void
acq_dossier_writer_set_section (AcqDossierWriter *w, const char *section)
{
  g_free (w->section);
  w->section = g_strdup (section);
}

/**
 * _acq_dossier_mark:
 * @w: the writer
 * @dest: the destination of a target
 *
 * The target @dest starts here: the first pass notes the page, the second puts the PDF
 * destination that the contents, the outline and the list of documents link to.
 */
void
_acq_dossier_mark (AcqDossierWriter *w, const char *dest)
{
  AcqDossierTarget *target = g_hash_table_lookup (w->by_dest, dest);
  g_autofree char *attributes = NULL;

  g_return_if_fail (target != NULL);
  if (w->cr == NULL)
    {
      target->page = w->page;
      return;
    }
  /* both passes run the same code: a difference is a bug of the layout */
  if (target->page != w->page)
    g_critical ("“%s” moved from page %u to page %u", dest, target->page, w->page);
  /* whole points: cairo 1.16 parses tag numbers with the locale's decimal separator */
  attributes = g_strdup_printf ("name='%s' x=0 y=%d", dest,
                                (int) MAX (0, ACQ_DP_CONTENT_Y + w->y - 12));
  cairo_tag_begin (w->cr, CAIRO_TAG_DEST, attributes);
  cairo_tag_end (w->cr, CAIRO_TAG_DEST);
}

/**
 * _acq_dossier_step:
 * @w: the writer
 *
 * One unit of work done: reports the progress.
 */
void
_acq_dossier_step (AcqDossierWriter *w)
{
  w->units_done = MIN (w->units_done + 1, w->units_total);
  if (w->progress_func != NULL && w->units_total > 0)
    w->progress_func ((double) w->units_done / w->units_total, w->progress_data);
}

/* --- Examples ------------------------------------------------------------------------- */

typedef struct
{
  AcqDossierWriter  *w;
  AcqDossierExample *example;
} ExamplePages;

static void
example_page_cb (cairo_t *cr, guint page, gpointer user_data)
{
  ExamplePages *pages = user_data;

  acq_dossier_writer_new_page (pages->w);
  if (page == 0)
    _acq_dossier_mark (pages->w, pages->example->dest);
}

/* The example's pages, drawn by the layout the editor's estimate uses. */
static void
write_example (AcqDossierWriter *w, AcqDossierExample *example)
{
  ExamplePages pages = { w, example };
  g_autofree char *section = g_strdup_printf ("Bloc %d · Exemple n°\u00A0%u",
                                              example->bloc->bloc->position,
                                              example->example.number);

  acq_dossier_writer_set_section (w, section);
  w->watermark = !example->validated;
  if (w->cr != NULL)
    acq_dp_layout_render_example (w->layout, &example->example, w->cr, example_page_cb, &pages);
  else
    {
      AcqDpMeasure measure;

      acq_dp_layout_measure_example_full (w->layout, &example->example, &measure);
      for (guint page = 0; page < measure.n_pages; page++)
        example_page_cb (NULL, page, &pages);
    }
  w->watermark = FALSE;
  _acq_dossier_step (w);
}

/* --- The document --------------------------------------------------------------------- */

static gboolean
write_pages (AcqDossierWriter *w, gpointer user_data)
{
  AcqDossierData *data = w->data;

  w->page = 0;
  _acq_dossier_cover (w);
  _acq_dossier_presentation (w);
  _acq_dossier_contents (w);
  _acq_dossier_step (w);
  for (guint b = 0; b < data->blocs->len; b++)
    {
      AcqDossierBloc *bloc = g_ptr_array_index (data->blocs, b);

      _acq_dossier_bloc (w, bloc);
      for (guint e = 0; e < bloc->examples->len; e++)
        {
          if (g_cancellable_is_cancelled (w->cancellable))
            return FALSE;
          write_example (w, g_ptr_array_index (bloc->examples, e));
        }
    }
  _acq_dossier_titles (w);
  _acq_dossier_declaration (w);
  _acq_dossier_documents (w);
  _acq_dossier_step (w);
  /* the practice's documents, then the annexes the referential asks for under their list */
  for (guint a = 0; a < data->annexes->len; a++)
    {
      AcqDossierAnnex *annex = g_ptr_array_index (data->annexes, a);

      if (g_cancellable_is_cancelled (w->cancellable))
        return FALSE;
      if (annex->required && a == data->annexes->len - data->n_required)
        _acq_dossier_required_annexes (w);
      _acq_dossier_annex (w, annex);
    }
  return !g_cancellable_is_cancelled (w->cancellable);
}

static void
target_free (AcqDossierTarget *target)
{
  g_free (target->title);
  g_free (target->dest);
  g_free (target);
}

/**
 * acq_dossier_writer_init:
 * @w: a writer to set up
 * @layout: the page metric and fonts (acq_dp_layout_new())
 *
 * Readies @w for a document; the caller then sets what the document says of itself (the
 * bands' and metadata's texts) and its pages_func, and calls acq_dossier_writer_run().
 */
void
acq_dossier_writer_init (AcqDossierWriter *w, AcqDpLayout *layout)
{
  memset (w, 0, sizeof *w);
  w->what = "document";
  w->layout = g_object_ref (layout);
  w->context = _acq_dp_layout_get_context (layout);
  for (int i = 0; i < ACQ_DOSSIER_N_TEXTS; i++)
    {
      w->fonts[i] = acq_dp_font_new (text_specs[i].family, text_specs[i].weight,
                                      text_specs[i].slant, text_specs[i].size);
      w->spacing[i] = text_specs[i].spacing;
    }
  w->kept_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  w->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  w->by_dest = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * acq_dossier_writer_set_reading_style:
 * @w: a writer set up by acq_dossier_writer_init(), that has laid out nothing yet
 * @style: (nullable): a candidate's reading style; %NULL keeps the document's own
 *
 * Sets the whole document in @style, the one mechanism of every large-print output (the
 * fiche de préparation, the livret, the reading copy of the dossier): every text in the
 * style's family (the fallback sans when it is not installed), the body at its size and line
 * spacing, the headings and notes at the same distance from the body as in the document's own
 * style, so that its hierarchy stays. The running bands keep their size, as their height on
 * the page is fixed, but take the family; the watermark keeps its own. The examples of a
 * dossier, drawn by @w's #AcqDpLayout, follow the same style.
 */
void
acq_dossier_writer_set_reading_style (AcqDossierWriter *w, const AcqReadingStyle *style)
{
  g_return_if_fail (w != NULL);

  if (style == NULL)
    return;
  g_free (w->reading_family);
  w->reading_family = acq_reading_style_resolve_family (style->family);
  for (int i = 0; i < ACQ_DOSSIER_N_TEXTS; i++)
    {
      gboolean fixed = i == ACQ_DOSSIER_TEXT_SMALL || i == ACQ_DOSSIER_TEXT_WATERMARK;
      gboolean title = i == ACQ_DOSSIER_TEXT_COVER || i == ACQ_DOSSIER_TEXT_SECTION ||
                       i == ACQ_DOSSIER_TEXT_HEADING;
      double size = fixed ? text_specs[i].size
                          : style->size + text_specs[i].size - ACQ_DP_BODY_SIZE;

      if (i == ACQ_DOSSIER_TEXT_WATERMARK)
        continue;
      pango_font_description_free (w->fonts[i]);
      /* static in the description: w->reading_family lives as long as the fonts */
      w->fonts[i] = acq_dp_font_new (w->reading_family, text_specs[i].weight,
                                      text_specs[i].slant, size);
      w->spacing[i] = fixed || title ? text_specs[i].spacing
                                     : MAX (text_specs[i].spacing, style->spacing);
    }
  g_hash_table_remove_all (w->kept_layouts);
  _acq_dp_layout_set_reading_style (w->layout, w->reading_family, style->size, style->spacing);
}

/**
 * acq_dossier_writer_use_candidate_style:
 * @w: a writer set up by acq_dossier_writer_init(), that has laid out nothing yet
 * @store: the store
 * @candidate_uuid: the candidate the document is for
 * @always: set the default large print (%ACQ_READING_DEFAULT_SIZE points spaced
 *   %ACQ_READING_DEFAULT_SPACING) when the candidate has no reading style
 * @error: where to put an error
 *
 * Sets @w in the candidate's reading style (acq_reading_style_load()), if they have one: what
 * every output printed for a candidate calls, so that one setting reaches them all.
 *
 * Returns: %FALSE if the store could not be read
 */
gboolean
acq_dossier_writer_use_candidate_style (AcqDossierWriter *w, AcqStore *store,
                                        const char *candidate_uuid, gboolean always,
                                        GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (AcqReadingStyle) style = NULL;

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);

  style = acq_reading_style_load (store, candidate_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (style == NULL && always)
    style = acq_reading_style_new (NULL, ACQ_READING_DEFAULT_SIZE, ACQ_READING_DEFAULT_SPACING);
  acq_dossier_writer_set_reading_style (w, style);
  return TRUE;
}

/**
 * acq_dossier_writer_clear:
 * @w: a writer
 *
 * Frees what @w holds (not @w itself).
 */
void
acq_dossier_writer_clear (AcqDossierWriter *w)
{
  g_clear_pointer (&w->band_left_text, g_free);
  g_clear_pointer (&w->band_footer_text, g_free);
  g_clear_pointer (&w->meta_title, g_free);
  g_clear_pointer (&w->meta_author, g_free);
  g_clear_pointer (&w->meta_subject, g_free);
  g_clear_pointer (&w->meta_date, g_date_time_unref);
  for (int i = 0; i < ACQ_DOSSIER_N_TEXTS; i++)
    pango_font_description_free (w->fonts[i]);
  g_clear_pointer (&w->reading_family, g_free);
  g_clear_pointer (&w->cr, cairo_destroy);
  g_clear_pointer (&w->surface, cairo_surface_destroy);
  g_clear_pointer (&w->by_dest, g_hash_table_unref);
  g_clear_pointer (&w->targets, g_ptr_array_unref);
  g_clear_pointer (&w->section, g_free);
  g_clear_object (&w->band_name);
  g_clear_object (&w->band_footer);
  g_clear_object (&w->band_section);
  g_clear_pointer (&w->band_section_text, g_free);
  g_clear_pointer (&w->watermark_picture, cairo_surface_destroy);
  g_clear_pointer (&w->kept_layouts, g_hash_table_unref);
  g_clear_object (&w->layout);
}

/* The outline: the sections at the top, the examples under their bloc, the practice's
 * documents under their list and the annexes the referential asks for under "Annexes". A
 * target without destination (a label of the contents) ends a branch. */
static void
add_outline (AcqDossierWriter *w)
{
  int ids[3] = { 0, 0, 0 };

  for (guint i = 0; i < w->targets->len; i++)
    {
      AcqDossierTarget *target = g_ptr_array_index (w->targets, i);
      int level = CLAMP (target->level, 0, 2);
      int parent = CAIRO_PDF_OUTLINE_ROOT;
      g_autofree char *link = NULL;

      for (int l = level - 1; l >= 0; l--)
        if (ids[l] > 0)
          {
            parent = ids[l];
            break;
          }
      for (int l = level; l < 3; l++)
        ids[l] = 0;
      if (target->dest == NULL)
        continue;
      link = g_strdup_printf ("dest='%s'", target->dest);
      ids[level] = cairo_pdf_surface_add_outline (w->surface, parent, target->title, link,
                                                  level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

static void
set_metadata (AcqDossierWriter *w)
{
  g_autofree char *date = NULL;

  if (w->meta_title != NULL)
    cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_TITLE, w->meta_title);
  if (w->meta_author != NULL)
    cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_AUTHOR, w->meta_author);
  if (w->meta_subject != NULL)
    cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_SUBJECT, w->meta_subject);
  cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Acquis " PACKAGE_VERSION);
  if (w->meta_date != NULL)
    {
      date = g_date_time_format (w->meta_date, "%Y-%m-%dT%H:%M:%S%:z");
      cairo_pdf_surface_set_metadata (w->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }
}

/* What the dossier says of itself, in its bands and metadata. */
static void
describe_dossier (AcqDossierWriter *w)
{
  AcqDossierData *data = w->data;
  g_autofree char *name = acq_dossier_full_name (data->candidate);

  w->what = "dossier";
  w->band_left_text = g_strdup (name);
  w->band_footer_text = data->certification != NULL
                        ? g_strdup_printf ("Dossier Professionnel — %s", data->certification)
                        : g_strdup ("Dossier Professionnel");
  w->meta_title = g_strdup_printf ("Dossier Professionnel — %s", name);
  w->meta_author = g_steal_pointer (&name);
  w->meta_subject = data->certification != NULL
                    ? g_strdup_printf ("Titre professionnel %s (%s) — Validation des acquis de "
                                       "l’expérience", data->certification, data->rncp)
                    : g_strdup ("Validation des acquis de l’expérience");
  w->meta_date = g_date_time_ref (data->generated_at);
}

/* --- The file ------------------------------------------------------------------------- */

/* cairo writes the file in pieces of a few bytes: they are gathered before they reach the
 * system, a write() each would cost more than the drawing. */
#define OUTPUT_BUFFER_SIZE (64 * 1024)

typedef struct
{
  int      fd;
  int      saved_errno;
  gboolean discard; /* abandoned: what cairo still writes goes nowhere */
  guchar  *buffer;  /* OUTPUT_BUFFER_SIZE bytes */
  gsize    buffered;
} Output;

static gboolean
output_write_all (Output *out, const guchar *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = write (out->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          out->saved_errno = n < 0 ? errno : EIO;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Writes what is gathered; FALSE (and out->saved_errno) if the system refused it. */
static gboolean
output_flush (Output *out)
{
  gsize length = out->buffered;

  out->buffered = 0;
  return out->discard || output_write_all (out, out->buffer, length);
}

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Output *out = closure;

  if (out->discard)
    return CAIRO_STATUS_SUCCESS;
  if (out->buffered + length > OUTPUT_BUFFER_SIZE && !output_flush (out))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= OUTPUT_BUFFER_SIZE)
    return output_write_all (out, data, length) ? CAIRO_STATUS_SUCCESS
                                                : CAIRO_STATUS_WRITE_ERROR;
  memcpy (out->buffer + out->buffered, data, length);
  out->buffered += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_WRITE,
               _("The PDF could not be written to “%s”: %s. Check that the folder exists, "
                 "that you may write in it and that the disk is not full."),
               path, g_strerror (saved_errno));
}

/* The second pass, on a PDF surface writing to @out. */
static gboolean
draw_document (AcqDossierWriter *w, Output *out, const char *path, GError **error)
{
  cairo_status_t status;

  w->surface = cairo_pdf_surface_create_for_stream (write_cb, out, ACQ_DP_PAGE_WIDTH,
                                                    ACQ_DP_PAGE_HEIGHT);
  w->cr = cairo_create (w->surface);
  set_metadata (w);
  add_outline (w);
  /* cairo 1.16 gives every link a structure element, and writes those only under a
   * structure root: without one, the file refers to objects it does not hold. */
  cairo_tag_begin (w->cr, "Document", NULL);
  if (!w->pages_func (w, w->pages_data))
    out->discard = TRUE;
  cairo_tag_end (w->cr, "Document");
  cairo_destroy (g_steal_pointer (&w->cr));
  cairo_surface_finish (w->surface);
  if (out->discard)
    return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
  status = cairo_surface_status (w->surface);
  if (status == CAIRO_STATUS_SUCCESS && !output_flush (out))
    status = CAIRO_STATUS_WRITE_ERROR;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    set_write_error (error, path, out->saved_errno);
  else if (status != CAIRO_STATUS_SUCCESS)
    g_set_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_FAILED,
                 _("The PDF could not be drawn (%s). Close other programs and try again."),
                 cairo_status_to_string (status));
  return status == CAIRO_STATUS_SUCCESS;
}

/* Writes into a private ".part" file beside @path, renamed over it once complete: a cancelled
 * or failed generation leaves the previous dossier as it was. */
static gboolean
write_file (AcqDossierWriter *w, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree guchar *buffer = g_malloc (OUTPUT_BUFFER_SIZE);
  Output out = { -1, 0, FALSE, buffer, 0 };

  out.fd = acq_output_file_open (path, &tmp);
  if (out.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  if (!draw_document (w, &out, path, error))
    {
      acq_output_file_abandon (out.fd, tmp);
      return FALSE;
    }
  if (!acq_output_file_commit (out.fd, tmp, path))
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_dossier_writer_run:
 * @w: a writer set up by acq_dossier_writer_init(), with its pages_func
 * @path: the PDF file to write; replaced only once the new one is complete
 * @error: where to put an error: %ACQ_DOSSIER_ERROR_WRITE, %ACQ_DOSSIER_ERROR_FAILED, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Lays the document out twice: a first pass that draws nothing finds the number of pages
 * (and where each target starts), the second draws it into a PDF through acq-output-file.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_dossier_writer_run (AcqDossierWriter *w, const char *path, GError **error)
{
  g_return_val_if_fail (w->pages_func != NULL, FALSE);

  /* first pass: the pages of everything, drawing nothing */
  w->pages_func (w, w->pages_data);
  w->n_pages = w->page;
  w->page = 0;
  return !g_cancellable_set_error_if_cancelled (w->cancellable, error) &&
         write_file (w, path, error);
}

static char *
describe_missing (GPtrArray *issues)
{
  GString *text = g_string_new (_("The final dossier cannot be made yet:"));

  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == ACQ_DOSSIER_SEVERITY_ERROR ||
          issue->rule == ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED)
        g_string_append_printf (text, "\n• %s", issue->message);
    }
  return g_string_free (text, FALSE);
}

static gboolean
check_final (AcqDossierData *data, AcqDpLayout *layout, GError **error)
{
  g_autoptr (GPtrArray) issues = _acq_dossier_data_check (data, layout);
  g_autofree char *message = NULL;

  if (!acq_dossier_has_errors (issues))
    return TRUE;
  message = describe_missing (issues);
  g_set_error_literal (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_READY, message);
  return FALSE;
}

/* The steps of one pass: the sections (2), each example, each page of the annexes; and 2
 * more for the end of the file, where cairo subsets and writes the fonts. */
static guint
count_units (AcqDossierData *data)
{
  guint units = 4 + data->examples->len;

  for (guint a = 0; a < data->annexes->len; a++)
    units += ((AcqDossierAnnex *) g_ptr_array_index (data->annexes, a))->n_pages;
  return units;
}

static void
prepare_progress_cb (guint done, guint total, gpointer user_data)
{
  AcqDossierWriter *w = user_data;
  guint units = (guint) ((guint64) done * w->data->examples->len / total);

  while (w->units_done < units)
    _acq_dossier_step (w);
}

/* Every paragraph of the examples, shaped on all the processors before the first pass. */
static void
prepare_examples (AcqDossierWriter *w)
{
  GPtrArray *examples = w->data->examples;
  g_autofree const AcqDpExample **list = g_new (const AcqDpExample *, examples->len + 1);

  for (guint e = 0; e < examples->len; e++)
    list[e] = &((AcqDossierExample *) g_ptr_array_index (examples, e))->example;
  _acq_dp_layout_prepare_examples (w->layout, list, examples->len, w->cancellable,
                                   prepare_progress_cb, w);
  while (w->units_done < examples->len)
    _acq_dossier_step (w);
}

/* The jury's checklist (jury/acq-jury-checklist.c) asks whether the final dossier was
 * exported after the last edit. The file is written: a failure to note it only makes the
 * checklist ask for an export again. */
static void
record_export (AcqStore *store, const char *candidate_uuid, const char *loaded_at)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = acq_store_new_uuid ();
  sqlite3_stmt *stmt = acq_store_prepare (store,
                                          "INSERT INTO dossier_export (uuid, candidate_uuid,"
                                          " final, exported_at) VALUES (?1, ?2, 1, ?3)", &error);

  if (stmt != NULL)
    {
      _acq_sql_bind_text (stmt, 1, uuid);
      _acq_sql_bind_text (stmt, 2, candidate_uuid);
      _acq_sql_bind_text (stmt, 3, loaded_at);
      acq_store_step_done (store, stmt, &error);
    }
  if (error != NULL)
    g_warning ("Could not note the export of the dossier: %s", error->message);
}

/**
 * acq_dossier_write:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF file to write; replaced only once the new one is complete
 * @mode: a draft, or the final dossier
 * @progress_func: (scope call) (nullable): called as the work goes on
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error
 *
 * Writes the Dossier Professionnel of a candidate, in French, as an A4 PDF:
 *
 * - a cover page: birth name, usage name, first name, address, the title aimed at with its
 *   RNCP code, and the access route, "Validation des acquis de l'expérience";
 * - the table of contents, with page numbers and links;
 * - for each targeted bloc, in order: a page that presents it, then its examples of
 *   professional practice (one per sheet of the bloc, see #AcqDpLayout);
 * - the table of titles, diplomas and training certificates the candidate entered
 *   (acq-candidate-title), or empty rows to fill in by hand when she entered none;
 * - the déclaration sur l'honneur: the place is the town of the address's last line, the
 *   date left blank for the signer (see acq_dossier_write_with_options() to print it), then
 *   a box to sign;
 * - the list of documents illustrating the practice (the attachments of the printed
 *   sheets), then the documents themselves: PDF pages drawn as vectors, images scaled to fit;
 * - when some documents are marked as annexes the referential asks for, their own list,
 *   "Annexes", then their pages.
 *
 * Every page but the cover has a running header with the candidate's name and the section,
 * and "page X / Y" at the bottom. The PDF has its metadata (title, author, subject, creator,
 * date) and an outline with one entry per section, bloc, example and annex; all its fonts
 * are embedded.
 *
 * In %ACQ_DOSSIER_MODE_DRAFT, the sheets not validated are printed with a "BROUILLON"
 * watermark. In %ACQ_DOSSIER_MODE_FINAL only the validated sheets are printed, and the
 * dossier is refused with %ACQ_DOSSIER_ERROR_NOT_READY, listing what is missing, while a
 * rule of acq_dossier_check() fails. %ACQ_DOSSIER_MODE_READING prints what a draft does in
 * the candidate's reading style (acq_dossier_writer_set_reading_style()).
 *
 * This is slow for a large dossier: from an interface, use acq_dossier_write_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_dossier_write (AcqStore *store, const char *candidate_uuid, const char *output_path,
                   AcqDossierMode mode, AcqDossierProgressFunc progress_func,
                   gpointer progress_data, GCancellable *cancellable, GError **error)
{
  AcqDossierOptions options = { .mode = mode };

  return acq_dossier_write_with_options (store, candidate_uuid, output_path, &options,
                                         progress_func, progress_data, cancellable, error);
}

/**
 * acq_dossier_write_with_options:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF file to write; replaced only once the new one is complete
 * @options: the mode, and whether the declaration is dated
 * @progress_func: (scope call) (nullable): called as the work goes on
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error
 *
 * Does what acq_dossier_write() does. The model leaves the declaration's date to the signer;
 * with @options->dated, it is the day of generation (SOURCE_DATE_EPOCH, if set, fixes it).
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_dossier_write_with_options (AcqStore *store, const char *candidate_uuid,
                                const char *output_path, const AcqDossierOptions *options,
                                AcqDossierProgressFunc progress_func, gpointer progress_data,
                                GCancellable *cancellable, GError **error)
{
  AcqDossierMode mode;
  g_autoptr (AcqDossierData) data = NULL;
  g_autoptr (AcqDpLayout) layout = NULL;
  g_autofree char *loaded_at = NULL;
  AcqDossierWriter w;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  mode = options->mode;
  /* the dossier is as of now: an edit while it is written comes after it */
  loaded_at = acq_store_now ();
  data = _acq_dossier_data_load (store, candidate_uuid, mode, error);
  if (data == NULL)
    return FALSE;
  data->dated = options->dated;
  layout = acq_dp_layout_new ();
  /* the first pass measures every paragraph, the second draws the same: shaped once */
  _acq_dp_layout_keep_layouts (layout);
  acq_dossier_writer_init (&w, layout);
  if (mode == ACQ_DOSSIER_MODE_READING)
    {
      if (!acq_dossier_writer_use_candidate_style (&w, store, candidate_uuid, TRUE, error))
        {
          acq_dossier_writer_clear (&w);
          return FALSE;
        }
    }
  w.data = data;
  w.pages_func = write_pages;
  describe_dossier (&w);
  w.progress_func = progress_func;
  w.progress_data = progress_data;
  w.cancellable = cancellable;
  /* shaping the examples ahead weighs as much as a pass over them */
  w.units_total = 2 * count_units (data) + data->examples->len;
  prepare_examples (&w);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (mode == ACQ_DOSSIER_MODE_FINAL && !check_final (data, layout, error)))
    {
      acq_dossier_writer_clear (&w);
      return FALSE;
    }
  for (guint a = 0; a < data->annexes->len; a++)
    _acq_dossier_annex_open (g_ptr_array_index (data->annexes, a));
  _acq_dossier_add_targets (&w);

  ok = acq_dossier_writer_run (&w, output_path, error);
  acq_dossier_writer_clear (&w);
  if (ok && mode == ACQ_DOSSIER_MODE_FINAL)
    record_export (store, candidate_uuid, loaded_at);
  if (ok && progress_func != NULL)
    progress_func (1.0, progress_data);
  return ok;
}

/* --- In a thread ---------------------------------------------------------------------- */

typedef struct
{
  char                  *data_dir;
  char                  *candidate_uuid;
  char                  *output_path;
  AcqDossierOptions      options;
  AcqDossierProgressFunc progress_func;
  gpointer               progress_data;
  GMutex                 lock;
  double                 fraction;  /* the latest, under the lock */
  gboolean               scheduled; /* a report is on its way to the caller's context */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->data_dir);
  g_free (job->candidate_uuid);
  g_free (job->output_path);
  g_mutex_clear (&job->lock);
  g_free (job);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&job->lock);
  fraction = job->fraction;
  job->scheduled = FALSE;
  g_mutex_unlock (&job->lock);
  if (!g_task_get_completed (task))
    job->progress_func (fraction, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: keeps the latest fraction and sends at most one report at a time to the
 * caller's main context, so that a slow interface is not flooded. */
static void
thread_progress_cb (double fraction, gpointer user_data)
{
  GTask *task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  schedule = !job->scheduled;
  job->scheduled = TRUE;
  g_mutex_unlock (&job->lock);
  if (schedule)
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                deliver_progress_cb, g_object_ref (task), g_object_unref);
}

static void
write_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (job->data_dir, &error);

  if (store == NULL ||
      !acq_dossier_write_with_options (store, job->candidate_uuid, job->output_path,
                                       &job->options,
                                       job->progress_func != NULL ? thread_progress_cb : NULL,
                                       task, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * acq_dossier_write_async:
 * @store: the store; the work is done on a connection of its own to the same data folder
 * @candidate_uuid: the candidate
 * @output_path: the PDF file to write
 * @mode: a draft, or the final dossier
 * @progress_func: (scope notified) (nullable): called in the thread-default main context of
 *   the caller as the work goes on, never after @callback
 * @progress_data: data for @progress_func; it must live until @callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or not
 * @user_data: data for @callback
 *
 * Does what acq_dossier_write() does, in a worker thread with its own store connection.
 */
void
acq_dossier_write_async (AcqStore *store, const char *candidate_uuid, const char *output_path,
                         AcqDossierMode mode, AcqDossierProgressFunc progress_func,
                         gpointer progress_data, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  AcqDossierOptions options = { .mode = mode };

  acq_dossier_write_with_options_async (store, candidate_uuid, output_path, &options,
                                        progress_func, progress_data, cancellable, callback,
                                        user_data);
}

/**
 * acq_dossier_write_with_options_async:
 * @store: the store; the work is done on a connection of its own to the same data folder
 * @candidate_uuid: the candidate
 * @output_path: the PDF file to write
 * @options: the mode, and whether the declaration is dated; copied
 * @progress_func: (scope notified) (nullable): called in the thread-default main context of
 *   the caller as the work goes on, never after @callback
 * @progress_data: data for @progress_func; it must live until @callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or not; finish with acq_dossier_write_finish()
 * @user_data: data for @callback
 *
 * Does what acq_dossier_write_with_options() does, in a worker thread with its own store
 * connection.
 */
void
acq_dossier_write_with_options_async (AcqStore *store, const char *candidate_uuid,
                                      const char *output_path, const AcqDossierOptions *options,
                                      AcqDossierProgressFunc progress_func,
                                      gpointer progress_data, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (candidate_uuid != NULL);
  g_return_if_fail (output_path != NULL);
  g_return_if_fail (options != NULL);

  job = g_new0 (WriteJob, 1);
  job->data_dir = g_strdup (acq_store_get_data_dir (store));
  job->candidate_uuid = g_strdup (candidate_uuid);
  job->output_path = g_strdup (output_path);
  job->options = *options;
  job->progress_func = progress_func;
  job->progress_data = progress_data;
  g_mutex_init (&job->lock);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_dossier_write_async);
  g_task_set_name (task, "[acquis] write dossier");
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * acq_dossier_write_finish:
 * @store: the store given to acq_dossier_write_async() or
 *   acq_dossier_write_with_options_async()
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_dossier_write_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == acq_dossier_write_async,
                        FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
