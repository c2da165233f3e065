/* acq-paperwork-pdf-private.h — what the printed documents of the practice share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-coach-profile.h"
#include "acq-dossier-writer.h"
#include "acq-session.h"

G_BEGIN_DECLS

const char      *_acq_paperwork_session_kind   (AcqSessionKind          kind);
char            *_acq_paperwork_hours          (guint                   minutes);
char            *_acq_paperwork_time           (const char             *hh_mm);
char            *_acq_paperwork_session_title  (const AcqSession       *session);
char            *_acq_paperwork_session_mode   (const AcqSession       *session);
cairo_surface_t *_acq_paperwork_read_signature (AcqStore               *store,
                                                const AcqCoachProfile  *profile);
void             _acq_paperwork_labelled       (AcqDossierWriter       *w,
                                                const char             *label,
                                                const char             *value);
void             _acq_paperwork_heading        (AcqDossierWriter       *w,
                                                const char             *text);
char            *_acq_paperwork_read_certification (AcqStore           *store,
                                                    const char         *candidate_uuid,
                                                    GError            **error);
void             _acq_paperwork_coach          (AcqDossierWriter       *w,
                                                const AcqCoachProfile  *profile);
void             _acq_paperwork_signatures     (AcqDossierWriter       *w,
                                                const AcqCoachProfile  *profile,
                                                cairo_surface_t        *signature,
                                                const char             *candidate_name);
void             _acq_paperwork_signatures_sized (AcqDossierWriter     *w,
                                                  const AcqCoachProfile *profile,
                                                  cairo_surface_t      *signature,
                                                  const char           *candidate_name,
                                                  double                height);

G_END_DECLS
