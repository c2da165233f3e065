/* acq-guidance.h — what to write in each rubric of the Dossier Professionnel and, per
 * competence, questions that help a candidate remember a concrete situation; read from a key
 * file shipped in the resources, one per certification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-types.h"

G_BEGIN_DECLS

#define ACQ_GUIDANCE_ERROR (acq_guidance_error_quark ())

typedef enum
{
  ACQ_GUIDANCE_ERROR_NOT_FOUND,  /* no guidance is shipped for that certification */
  ACQ_GUIDANCE_ERROR_MALFORMED,  /* not a key file, or not UTF-8 */
  ACQ_GUIDANCE_ERROR_INCOMPLETE, /* a rubric, title, prompt or question is missing, a group is
                                  * unknown or repeated, a rule is out of range */
} AcqGuidanceError;

/* The rubrics are the DP's, AcqRubric in acq-types.h; in the key file they are the groups
 * [rubric:tasks], [rubric:means], … named after acq_rubric_get_name(). */

/* One file per certification, named after its fiche: RNCP37274.ini. */
#define ACQ_GUIDANCE_RESOURCE_DIR "/io/github/acquis/Acquis/guidance/"

typedef struct _AcqGuidance AcqGuidance;

GQuark              acq_guidance_error_quark              (void);

#define ACQ_TYPE_GUIDANCE (acq_guidance_get_type ())
GType               acq_guidance_get_type                 (void);
AcqGuidance        *acq_guidance_ref                      (AcqGuidance *self);
void                acq_guidance_unref                    (AcqGuidance *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqGuidance, acq_guidance_unref)

AcqGuidance        *acq_guidance_load                     (const char  *fiche_number,
                                                           GError     **error);
AcqGuidance        *acq_guidance_new_generic              (void);

const char         *acq_guidance_get_fiche_number         (AcqGuidance *self);

const char         *acq_guidance_get_rubric_title         (AcqGuidance *self,
                                                           AcqRubric    rubric);
const char         *acq_guidance_get_rubric_prompt        (AcqGuidance *self,
                                                           AcqRubric    rubric);
const char * const *acq_guidance_get_rubric_examples      (AcqGuidance *self,
                                                           AcqRubric    rubric);

const char         *acq_guidance_get_competence_label     (AcqGuidance *self,
                                                           const char  *bloc_code,
                                                           int          position);
const char * const *acq_guidance_get_competence_questions (AcqGuidance *self,
                                                           const char  *bloc_code,
                                                           int          position);

int                 acq_guidance_get_max_example_pages    (AcqGuidance *self);
int                 acq_guidance_get_min_examples_per_bloc (AcqGuidance *self);
int                 acq_guidance_get_max_examples_per_bloc (AcqGuidance *self);

G_END_DECLS
