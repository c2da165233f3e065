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
#include "acq-dossier-writer.h"
#include "acq-dp-layout.h"
#include "acq-people.h"
#include "acq-sheet.h"

G_BEGIN_DECLS

typedef struct _AcqDossierBloc AcqDossierBloc;

/* One sheet as an example of the dossier. */
typedef struct
{
  AcqSheet       *sheet;
  AcqDossierBloc *bloc;         /* the targeted bloc it is printed in */
  char           *period;       /* "Du … au …", "" if there is no start */
  char           *unit;         /* "Activité-type n° 1 — …", printed above its title */
  GStrv           competences;  /* labels of the competences it demonstrates */
  AcqDpExample    example;      /* borrows the strings above and the sheet's */
  char           *title;        /* the sheet's title, the people's names replaced */
  char           *rubrics[ACQ_N_RUBRICS]; /* its rubrics, the names replaced */
  GStrv           unanswered;   /* the names suggested in it and not answered yet */
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
  gboolean                 required;  /* an annex the referential asks for, listed under
                                       * "Annexes", not a document of the practice */
} AcqDossierAnnex;

struct _AcqDossierData
{
  AcqDossierMode  mode;
  AcqCandidate   *candidate;
  char           *rncp;           /* NULL: no certification */
  char           *certification;  /* its title */
  char           *abrege_code;    /* (nullable): its kind, "TP" for a titre professionnel */
  gboolean        activity_types; /* a titre professionnel: its blocs are activités-types */
  AcqCoverage    *coverage;
  GPtrArray      *blocs;          /* (element-type AcqDossierBloc): the targeted ones */
  GPtrArray      *examples;       /* (element-type AcqDossierExample): printed, in order */
  GPtrArray      *left_out;       /* (element-type AcqSheet): sheets not printed */
  GPtrArray      *annexes;        /* (element-type AcqDossierAnnex): the practice's documents,
                                   * then the annexes the referential asks for */
  guint           n_required;     /* of which annexes the referential asks for */
  GPtrArray      *titles;         /* (element-type AcqCandidateTitle): hers, in her order */
  GPtrArray      *people;         /* (element-type AcqPersonMention): the candidate's list */
  char           *place;          /* the town for "Fait à", NULL if unknown */
  gboolean        dated;          /* the declaration carries generated_at */
  GDateTime      *generated_at;
};

/* acq-dossier-data.c */
AcqDossierData *_acq_dossier_data_load  (AcqStore        *store,
                                         const char      *candidate_uuid,
                                         AcqDossierMode   mode,
                                         GError         **error);
void            _acq_dossier_data_free  (AcqDossierData  *data);
char           *_acq_dossier_unit_kind  (AcqDossierData  *data,
                                         int              position);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDossierData, _acq_dossier_data_free)

/* acq-dossier-rules.c */
GPtrArray      *_acq_dossier_data_check (AcqDossierData  *data,
                                         AcqDpLayout     *layout);

/* acq-dossier.c: what the writer keeps to the dossier (the rest is in acq-dossier-writer.h) */
void   _acq_dossier_mark           (AcqDossierWriter *w,
                                    const char       *dest);
PangoLayout *_acq_dossier_kept_layout (AcqDossierWriter *w,
                                       AcqDossierText    style,
                                       const char       *text,
                                       double            width,
                                       guint             variant,
                                       gboolean         *is_new);
void   _acq_dossier_step           (AcqDossierWriter *w);

/* acq-dossier-pages.c: the sections, each starting on a new page */
void   _acq_dossier_add_targets    (AcqDossierWriter *w);
void   _acq_dossier_cover          (AcqDossierWriter *w);
void   _acq_dossier_presentation   (AcqDossierWriter *w);
void   _acq_dossier_contents       (AcqDossierWriter *w);
void   _acq_dossier_bloc           (AcqDossierWriter *w,
                                    AcqDossierBloc   *bloc);
void   _acq_dossier_titles         (AcqDossierWriter *w);
void   _acq_dossier_required_annexes (AcqDossierWriter *w);
void   _acq_dossier_declaration    (AcqDossierWriter *w);
void   _acq_dossier_documents      (AcqDossierWriter *w);

/* acq-dossier-annex.c */
void   _acq_dossier_annex_open     (AcqDossierAnnex  *annex);
void   _acq_dossier_annex          (AcqDossierWriter *w,
                                    AcqDossierAnnex  *annex);

G_END_DECLS
