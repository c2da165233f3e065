/* acq-dossier-writer.h — the dossier's typesetting, for every printed document of Acquis: A4
 * pages with the running header and footer, styles of text, text that flows from page to
 * page, two passes (one counts the pages, one draws), written through acq-output-file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "acq-candidate.h"
#include "acq-dossier.h"
#include "acq-dp-layout.h"
#include "acq-reading-style.h"

G_BEGIN_DECLS

typedef struct _AcqDossierData AcqDossierData;

typedef enum
{
  ACQ_DOSSIER_TEXT_COVER,     /* the big title of the cover */
  ACQ_DOSSIER_TEXT_SECTION,   /* a section's title */
  ACQ_DOSSIER_TEXT_HEADING,   /* a heading inside a section */
  ACQ_DOSSIER_TEXT_BODY,
  ACQ_DOSSIER_TEXT_STRONG,    /* body, bold */
  ACQ_DOSSIER_TEXT_NOTE,      /* italic, grey */
  ACQ_DOSSIER_TEXT_SMALL,     /* running header and footer, captions */
  ACQ_DOSSIER_TEXT_WATERMARK,
  ACQ_DOSSIER_N_TEXTS
} AcqDossierText;

/* A place the table of contents and the outline lead to. */
typedef struct
{
  int   level;   /* 0: section, 1: bloc or annex, 2: example */
  char *title;
  char *dest;    /* NULL: a label of the contents without a page */
  gboolean in_toc; /* FALSE: in the outline only */
  gboolean strong; /* in bold in the contents */
  guint page;    /* from 1, found by the first pass */
} AcqDossierTarget;

typedef struct _AcqDossierWriter AcqDossierWriter;

/**
 * AcqDossierPagesFunc:
 * @w: the writer
 * @user_data: the data given with it
 *
 * Lays out every page of the document, from the first: called twice, by the pass that
 * counts the pages and by the one that draws them, and must do the same both times.
 *
 * Returns: %FALSE if the work was cancelled
 */
typedef gboolean (*AcqDossierPagesFunc) (AcqDossierWriter *w, gpointer user_data);

struct _AcqDossierWriter
{
  AcqDossierData        *data;       /* the dossier's; NULL for another document */
  AcqDpLayout           *layout;
  PangoContext          *context;    /* the layout's: same fonts, same metrics */
  PangoFontDescription  *fonts[ACQ_DOSSIER_N_TEXTS];
  double                 spacing[ACQ_DOSSIER_N_TEXTS]; /* times the line height */
  char                  *reading_family; /* the reading style's, installed; NULL without */
  cairo_surface_t       *surface;    /* NULL in the first pass, which only counts pages */
  cairo_t               *cr;
  guint                  page;       /* the page being laid out, from 1 */
  guint                  n_pages;    /* known from the second pass on */
  double                 y;          /* from the top of the content area */
  char                  *section;    /* in the running header */
  gboolean               watermark;  /* "BROUILLON" on the pages started now */
  gboolean               bare;       /* no running header nor footer on pages started now */
  /* drawn on many pages, laid out once: the name and the dossier in the running bands, the
   * section while it lasts, the watermark */
  PangoLayout           *band_name;
  PangoLayout           *band_footer;
  PangoLayout           *band_section;
  char                  *band_section_text;
  cairo_surface_t       *watermark_picture;
  /* what the document says of itself: set by the caller before acq_dossier_writer_run() */
  char                  *band_left_text;   /* left of the running header */
  char                  *band_footer_text; /* left of the footer */
  char                  *meta_title;
  char                  *meta_author;
  char                  *meta_subject;
  GDateTime             *meta_date;
  const char            *what;             /* "dossier", "livret", for the error messages */
  AcqDossierPagesFunc    pages_func;
  gpointer               pages_data;
  GHashTable            *kept_layouts; /* see _acq_dossier_kept_layout() */
  GPtrArray             *targets;    /* (element-type AcqDossierTarget), in order */
  GHashTable            *by_dest;    /* dest → AcqDossierTarget */
  /* progress */
  AcqDossierProgressFunc progress_func;
  gpointer               progress_data;
  guint                  units_done;
  guint                  units_total;
  GCancellable          *cancellable;
};

void   acq_dossier_writer_init           (AcqDossierWriter *w,
                                          AcqDpLayout      *layout);
void   acq_dossier_writer_clear          (AcqDossierWriter *w);
void   acq_dossier_writer_set_reading_style (AcqDossierWriter      *w,
                                             const AcqReadingStyle *style);
gboolean acq_dossier_writer_use_candidate_style (AcqDossierWriter *w,
                                                 AcqStore         *store,
                                                 const char       *candidate_uuid,
                                                 gboolean          always,
                                                 GError          **error);
gboolean acq_dossier_writer_run          (AcqDossierWriter *w,
                                          const char       *path,
                                          GError          **error);
void   acq_dossier_writer_new_page       (AcqDossierWriter *w);
void   acq_dossier_writer_set_section    (AcqDossierWriter *w,
                                          const char       *section);
double acq_dossier_writer_flow           (AcqDossierWriter *w,
                                          AcqDossierText    style,
                                          const char       *text,
                                          double            indent,
                                          double            space_after);
double acq_dossier_writer_flow_labelled  (AcqDossierWriter *w,
                                          const char       *label,
                                          const char       *value,
                                          double            space_after);
double acq_dossier_writer_text_height    (AcqDossierWriter *w,
                                          AcqDossierText    style,
                                          const char       *text,
                                          double            width);
void   acq_dossier_writer_need           (AcqDossierWriter *w,
                                          double            height);
void   acq_dossier_writer_space          (AcqDossierWriter *w,
                                          double            height);
PangoLayout *acq_dossier_writer_layout (AcqDossierWriter *w,
                                          AcqDossierText    style,
                                          const char       *text,
                                          double            width);
void   acq_dossier_writer_show_layout    (AcqDossierWriter *w,
                                          AcqDossierText    style,
                                          PangoLayout      *layout,
                                          double            x,
                                          double            y);

char            *acq_dossier_full_name   (AcqCandidate     *candidate);
cairo_surface_t *acq_dossier_load_image  (const char       *mime_type,
                                          GBytes           *contents,
                                          char            **refusal);

G_END_DECLS
