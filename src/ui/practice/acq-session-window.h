/* acq-session-window.h — one session of the livret de suivi, to plan, record or read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-session.h"
#include "acq-types.h"

G_BEGIN_DECLS

#define ACQ_TYPE_SESSION_WINDOW (acq_session_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqSessionWindow, acq_session_window, ACQ, SESSION_WINDOW, AdwWindow)

AcqSessionWindow *acq_session_window_new (GtkWindow        *parent,
                                          AcqStore         *store,
                                          const AcqSession *session,
                                          AcqRole           role);

G_END_DECLS
