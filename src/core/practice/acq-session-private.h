/* acq-session-private.h — what the livret's sessions and hours share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-session.h"

G_BEGIN_DECLS

/* HH:MM (00:00 to 23:59) to minutes since midnight; FALSE if it is not such a time. */
gboolean  _acq_session_parse_time        (const char  *text,
                                          int         *out_minutes);
/* Sets an ACQ_SESSION_ERROR_INVALID with @message; returns FALSE. */
gboolean  _acq_session_invalid           (GError     **error,
                                          const char  *message);
/* Whether the candidate is in the store and not deleted; else an ACQ_SESSION_ERROR_NOT_FOUND. */
gboolean  _acq_session_candidate_exists  (AcqStore    *store,
                                          const char  *uuid,
                                          GError     **error);

G_END_DECLS
