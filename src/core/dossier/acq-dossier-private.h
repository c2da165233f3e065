/* acq-dossier-private.h — what the parts of the dossier generator share: the data read from
 * the store, and the writer that lays pages out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "acq-attachment.h"
#include "acq-coverage.h"
#include "acq-dossier-rules.h"
#include "acq-dossier.h"
#include "acq-dp-layout.h"
#include "acq-sheet.h"

G_BEGIN_DECLS

typedef struct _AcqDossierBloc AcqDossierBloc;

/* One sheet as an example of the dossier. */
typedef struct
{
  AcqSheet       *sheet;
  AcqDossierBloc *bloc;         /* the targeted bloc it is printed in */
  char           *period;       /* "du … au …", "" if there is no start */
  GStrv           competences;  /* labels of the competences it demonstrates */
  AcqDpExample    example;      /* borrows the strings above and the sheet's */
  gboolean        validated;
  char           *dest;         /* name of its destination in the PDF */
} AcqDossierExample;

struct _AcqDossierBloc
{
  const AcqCoverageBloc *bloc;  /* in the data's coverage */
  GPtrArray             *examples; /* (element-type AcqDossierExample): borrowed */
  char                  *dest;
};

/* A document attached to an included sheet, printed after the list of documents. */
typedef struct
{
  AcqAttachment           *attachment;
  const AcqDossierExample *example;
  guint                    number;    /* "Annexe n° 3" */
  char                    *path;      /* of the stored copy */
  char                    *dest;
  PopplerDocument         *document;  /* a PDF that opened, else NULL */
  guint                    n_pages;   /* pages it takes in the dossier, at least 1 */
  char                    *refusal;   /* why it is not drawn (too large), else NULL */
} AcqDossierAnnex;

typedef struct
{
  AcqDossierMode  mode;
  AcqCandidate   *candidate;
  char           *rncp;           /* NULL: no certification */
  char           *certification;  /* its title */
  AcqCoverage    *coverage;
  GPtrArray      *blocs;          /* (element-type AcqDossierBloc): the targeted ones */
  GPtrArray      *examples;       /* (element-type AcqDossierExample): printed, in order */
  GPtrArray      *left_out;       /* (element-type AcqSheet): sheets not printed */
  GPtrArray      *annexes;        /* (element-type AcqDossierAnnex) */
  char           *place;          /* the town for "Fait à", NULL if unknown */
  GDateTime      *generated_at;
} AcqDossierData;

/* acq-dossier-data.c */
AcqDossierData *_acq_dossier_data_load  (AcqStore        *store,
                                         const char      *candidate_uuid,
                                         AcqDossierMode   mode,
                                         GError         **error);
void            _acq_dossier_data_free  (AcqDossierData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDossierData, _acq_dossier_data_free)
char           *_acq_dossier_full_name  (AcqCandidate    *candidate);

/* acq-dossier-rules.c */
GPtrArray      *_acq_dossier_data_check (AcqDossierData  *data,
                                         AcqDpLayout     *layout);

/* --- The writer (acq-dossier.c) ------------------------------------------------------- */

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

typedef struct
{
  AcqDossierData        *data;
  AcqDpLayout           *layout;
  PangoContext          *context;    /* the layout's: same fonts, same metrics */
  PangoFontDescription  *fonts[ACQ_DOSSIER_N_TEXTS];
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
  GHashTable            *kept_layouts; /* see _acq_dossier_kept_layout() */
  GPtrArray             *targets;    /* (element-type AcqDossierTarget), in order */
  GHashTable            *by_dest;    /* dest → AcqDossierTarget */
  /* progress */
  AcqDossierProgressFunc progress_func;
  gpointer               progress_data;
  guint                  units_done;
  guint                  units_total;
  GCancellable          *cancellable;
} AcqDossierWriter;

void   _acq_dossier_new_page       (AcqDossierWriter *w);
void   _acq_dossier_set_section    (AcqDossierWriter *w,
                                    const char       *section);
void   _acq_dossier_mark           (AcqDossierWriter *w,
                                    const char       *dest);
double _acq_dossier_flow           (AcqDossierWriter *w,
                                    AcqDossierText    style,
                                    const char       *text,
                                    double            indent,
                                    double            space_after);
double _acq_dossier_flow_labelled  (AcqDossierWriter *w,
                                    const char       *label,
                                    const char       *value,
                                    double            space_after);
double _acq_dossier_text_height    (AcqDossierWriter *w,
                                    AcqDossierText    style,
                                    const char       *text,
                                    double            width);
void   _acq_dossier_need           (AcqDossierWriter *w,
                                    double            height);
void   _acq_dossier_space          (AcqDossierWriter *w,
                                    double            height);
PangoLayout *_acq_dossier_layout   (AcqDossierWriter *w,
                                    AcqDossierText    style,
                                    const char       *text,
                                    double            width);
PangoLayout *_acq_dossier_kept_layout (AcqDossierWriter *w,
                                       AcqDossierText    style,
                                       const char       *text,
                                       double            width,
                                       guint             variant,
                                       gboolean         *is_new);
void   _acq_dossier_show_layout    (AcqDossierWriter *w,
                                    AcqDossierText    style,
                                    PangoLayout      *layout,
                                    double            x,
                                    double            y);
void   _acq_dossier_step           (AcqDossierWriter *w);

/* acq-dossier-pages.c: the sections, each starting on a new page */
void   _acq_dossier_add_targets    (AcqDossierWriter *w);
void   _acq_dossier_cover          (AcqDossierWriter *w);
void   _acq_dossier_contents       (AcqDossierWriter *w);
void   _acq_dossier_bloc           (AcqDossierWriter *w,
                                    AcqDossierBloc   *bloc);
void   _acq_dossier_titles         (AcqDossierWriter *w);
void   _acq_dossier_declaration    (AcqDossierWriter *w);
void   _acq_dossier_documents      (AcqDossierWriter *w);

/* acq-dossier-annex.c */
void   _acq_dossier_annex_open     (AcqDossierAnnex  *annex);
cairo_surface_t *_acq_dossier_annex_load_image (const char *mime_type,
                                                GBytes     *contents,
                                                char      **refusal);
void   _acq_dossier_annex          (AcqDossierWriter *w,
                                    AcqDossierAnnex  *annex);

G_END_DECLS
