/* acq-jury-checklist.h — what is ready for the jury and what is not, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-candidate.h"
#include "acq-dp-layout.h"
#include "acq-store.h"

G_BEGIN_DECLS

typedef enum
{
  ACQ_JURY_ITEM_EXAMPLES,       /* one per targeted bloc: one to three validated examples */
  ACQ_JURY_ITEM_RULES,          /* the final dossier passes every rule of the DP */
  ACQ_JURY_ITEM_EXPORTED,       /* a final PDF was exported after the last change */
  ACQ_JURY_ITEM_CONVOCATION,    /* the convocation was received */
  ACQ_JURY_ITEM_DEPOSITED,      /* the dossier was deposited */
  ACQ_JURY_ITEM_MOCK_JURY,      /* a soutenance blanche was held, or a rehearsal run */
  ACQ_JURY_ITEM_ACCOMMODATIONS, /* the recorded accommodations were asked of the certifier */
  ACQ_JURY_ITEM_HAND,           /* one per hand item */
} AcqJuryItemKind;

typedef struct
{
  AcqJuryItemKind kind;
  char           *label;   /* what is checked */
  gboolean        done;
  gboolean        counts;  /* FALSE for what does not apply (shown as information) */
  char           *why;     /* why it is not done; %NULL when done or when it does not count */
  char           *ref;     /* the bloc's uuid, or the hand item's */
} AcqJuryItem;

typedef struct
{
  char      *candidate_uuid;
  GPtrArray *items;   /* AcqJuryItem, in the order above */
  guint      n_done;  /* of the items that count */
  guint      n_items;
} AcqJuryChecklist;

typedef struct
{
  guint    n_done;
  guint    n_items;
  gboolean dated;   /* the jury's session has a day */
} AcqJuryReadyCount;

AcqJuryChecklist *acq_jury_checklist_compute     (AcqStore         *store,
                                                  const char       *candidate_uuid,
                                                  AcqDpLayout      *layout,
                                                  GError          **error);
void              acq_jury_checklist_free        (AcqJuryChecklist *checklist);
GHashTable       *acq_jury_checklist_count_all   (AcqStore         *store,
                                                  GError          **error);
char             *acq_jury_ready_count_dup_text  (guint             n_done,
                                                  guint             n_items);
gboolean          acq_jury_ready_count_applies   (const AcqJuryReadyCount *count,
                                                  AcqStage          stage);
int               acq_jury_ready_count_compare   (const AcqJuryReadyCount *a,
                                                  const AcqJuryReadyCount *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryChecklist, acq_jury_checklist_free)

G_END_DECLS
