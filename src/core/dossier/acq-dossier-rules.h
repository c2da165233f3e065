/* acq-dossier-rules.h — the rules of the Dossier Professionnel, checked before it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-dossier.h"
#include "acq-dp-layout.h"

G_BEGIN_DECLS

typedef enum
{
  ACQ_DOSSIER_SEVERITY_ERROR,   /* the dossier breaks a rule of the DP: no final dossier */
  ACQ_DOSSIER_SEVERITY_WARNING, /* worth knowing, does not stop the final dossier */
} AcqDossierSeverity;

/* Which rule an issue comes from, for tests and for the icon next to it. */
typedef enum
{
  ACQ_DOSSIER_RULE_NO_CERTIFICATION,     /* the candidate aims at no certification */
  ACQ_DOSSIER_RULE_NO_TARGETED_BLOC,     /* … or at none of its blocs */
  ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE, /* a targeted bloc has no example (final: validated) */
  ACQ_DOSSIER_RULE_BLOC_TOO_MANY,        /* more than three examples in a bloc */
  ACQ_DOSSIER_RULE_EXAMPLE_TOO_LONG,     /* an example takes more than three pages */
  ACQ_DOSSIER_RULE_EXAMPLE_NO_PERIOD,
  ACQ_DOSSIER_RULE_EXAMPLE_NO_ORGANISATION,
  ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED,  /* draft: printed as BROUILLON; final: left out */
  ACQ_DOSSIER_RULE_SHEET_OUTSIDE,        /* its bloc is not targeted: not in the dossier */
  ACQ_DOSSIER_RULE_IDENTITY_MISSING,     /* last name, first name or address empty */
  ACQ_DOSSIER_RULE_DECLARATION_NO_PLACE, /* no town for "Fait à …" */
  ACQ_DOSSIER_RULE_PERSON_UNANSWERED,    /* a person's name neither replaced nor dismissed */
} AcqDossierRule;

/**
 * AcqDossierIssue:
 * @rule: the rule that fails
 * @severity: whether it stops the final dossier
 * @message: what is wrong and what to do, in the interface language
 * @sheet_uuid: (nullable): the sheet to open to fix it
 * @bloc_uuid: (nullable): the bloc concerned
 * @field: (nullable): the property to fix: of the sheet when @sheet_uuid is set
 *   ("organisation", "period-from"), else of the candidate ("last-name", "address")
 */
typedef struct
{
  AcqDossierRule     rule;
  AcqDossierSeverity severity;
  char              *message;
  char              *sheet_uuid;
  char              *bloc_uuid;
  char              *field;
} AcqDossierIssue;

void       acq_dossier_issue_free  (AcqDossierIssue *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDossierIssue, acq_dossier_issue_free)

GPtrArray *acq_dossier_check       (AcqStore        *store,
                                    const char      *candidate_uuid,
                                    AcqDossierMode   mode,
                                    AcqDpLayout     *layout,
                                    GError         **error);
gboolean   acq_dossier_has_errors  (GPtrArray       *issues);

G_END_DECLS
