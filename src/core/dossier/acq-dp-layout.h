/* acq-dp-layout.h — the page metric of the Dossier Professionnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* The DP page, in PostScript points (1/72 inch): A4 portrait. */
#define ACQ_DP_PAGE_WIDTH    595.28
#define ACQ_DP_PAGE_HEIGHT   841.89
#define ACQ_DP_MARGIN_TOP    56.69 /* 20 mm */
#define ACQ_DP_MARGIN_BOTTOM 56.69 /* 20 mm */
#define ACQ_DP_MARGIN_LEFT   70.87 /* 25 mm, room for binding */
#define ACQ_DP_MARGIN_RIGHT  56.69 /* 20 mm */
/* Bands inside the margins for the running header (candidate, bloc) and the footer
 * ("page X / Y"); the dossier generator draws them, the example's text never enters them. */
#define ACQ_DP_HEADER_HEIGHT 28.35 /* 10 mm */
#define ACQ_DP_FOOTER_HEIGHT 28.35 /* 10 mm */

#define ACQ_DP_CONTENT_X      ACQ_DP_MARGIN_LEFT
#define ACQ_DP_CONTENT_Y      (ACQ_DP_MARGIN_TOP + ACQ_DP_HEADER_HEIGHT)
#define ACQ_DP_CONTENT_WIDTH  (ACQ_DP_PAGE_WIDTH - ACQ_DP_MARGIN_LEFT - ACQ_DP_MARGIN_RIGHT)
#define ACQ_DP_CONTENT_HEIGHT \
  (ACQ_DP_PAGE_HEIGHT - ACQ_DP_MARGIN_TOP - ACQ_DP_MARGIN_BOTTOM - ACQ_DP_HEADER_HEIGHT - \
   ACQ_DP_FOOTER_HEIGHT)

/* Fonts: DejaVu Sans (Debian package fonts-dejavu-core) for the text, a sans like the
 * ministry's own template, that also covers Arabic, Hebrew and monochrome emoji; Cantarell
 * (fonts-cantarell) for headings. */
#define ACQ_DP_BODY_FONT     "DejaVu Sans"
#define ACQ_DP_HEADING_FONT  "Cantarell"
#define ACQ_DP_BODY_SIZE     10.0 /* points */
#define ACQ_DP_BODY_SPACING  1.2  /* baseline to baseline, times the line height */
#define ACQ_DP_HEADING_SIZE  12.0
#define ACQ_DP_TITLE_SIZE    15.0

/* The ministry's rule: an example of professional practice takes at most three pages. */
#define ACQ_DP_MAX_EXAMPLE_PAGES 3
#define ACQ_DP_N_RUBRICS         5

/**
 * AcqDpExample:
 * @number: the example's number within its bloc ("Exemple n° 2"); 0 is shown as 1 (all
 *   digits have the same width, so the number never changes the page count)
 * @unit: (nullable): the activité-type or bloc it illustrates, printed above its title
 *   ("Activité-type n° 1 — Accueillir…")
 * @title: (nullable): the example's title
 * @organisation: (nullable): company, body or association (rubric 4)
 * @department: (nullable): site, workshop or department (rubric 4)
 * @period: (nullable): the period, already worded ("Du 3 janvier 2022 au 30 juin 2023")
 * @competences: (nullable) (array zero-terminated=1): the competences the example
 *   demonstrates, listed under its title
 * @rubrics: (nullable): the texts of the five rubrics, in the DP's order; rubric 4 is the
 *   free text printed after the organisation, department and period
 *
 * One *exemple de pratique professionnelle*, as plain strings: the editor fills it from the
 * widgets, the dossier generator from the store.
 */
typedef struct
{
  guint              number;
  const char        *unit;
  const char        *title;
  const char        *organisation;
  const char        *department;
  const char        *period;
  const char *const *competences;
  const char        *rubrics[ACQ_DP_N_RUBRICS];
} AcqDpExample;

/**
 * AcqDpMeasure:
 * @pages: pages taken, as a fraction (2.4: two full pages and 40 % of a third)
 * @n_pages: pages started (3 for 2.4)
 * @rubric_lines: lines of text of each rubric (the context fields count in rubric 4)
 * @rubric_first_page: the page (from 0) on which each rubric's heading stands
 * @total_lines: lines of the whole example, title and headings included
 */
typedef struct
{
  double pages;
  guint  n_pages;
  guint  rubric_lines[ACQ_DP_N_RUBRICS];
  guint  rubric_first_page[ACQ_DP_N_RUBRICS];
  guint  total_lines;
} AcqDpMeasure;

/**
 * AcqDpPageFunc:
 * @cr: the cairo context given to acq_dp_layout_render_example()
 * @page: the page about to be drawn, from 0
 * @user_data: the data given with the function
 *
 * Called before the example's text is drawn on each of its pages. For a page after the
 * first, the caller finishes the previous one (cairo_show_page()); on every page it may
 * draw the running header and footer, outside the content area.
 */
typedef void (*AcqDpPageFunc) (cairo_t *cr, guint page, gpointer user_data);

#define ACQ_TYPE_DP_LAYOUT (acq_dp_layout_get_type ())

G_DECLARE_FINAL_TYPE (AcqDpLayout, acq_dp_layout, ACQ, DP_LAYOUT, GObject)

PangoFontDescription *acq_dp_font_new           (const char         *family,
                                                 PangoWeight         weight,
                                                 PangoStyle          slant,
                                                 double              size);

AcqDpLayout *acq_dp_layout_new                  (void);
double       acq_dp_layout_measure_example      (AcqDpLayout        *self,
                                                 const AcqDpExample *example);
double       acq_dp_layout_measure_example_full (AcqDpLayout        *self,
                                                 const AcqDpExample *example,
                                                 AcqDpMeasure       *measure);
guint        acq_dp_layout_render_example       (AcqDpLayout        *self,
                                                 const AcqDpExample *example,
                                                 cairo_t            *cr,
                                                 AcqDpPageFunc       page_func,
                                                 gpointer            user_data);
double       acq_dp_layout_get_body_line_height (AcqDpLayout        *self);
char       **acq_dp_layout_get_missing_fonts    (AcqDpLayout        *self);
const char  *acq_dp_layout_get_rubric_heading   (guint               rubric);
char        *acq_dp_layout_typeset              (const char         *text);

G_END_DECLS
