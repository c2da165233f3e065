/* acq-jury-private.h — what the files of jury/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "acq-store.h"

G_BEGIN_DECLS

gboolean _acq_jury_valid_date (const char *iso);
gboolean _acq_jury_run        (AcqStore   *store,
                               const char *sql,
                               GError    **error,
                               const char *types,
                               ...);
sqlite3_stmt *_acq_jury_query (AcqStore   *store,
                               const char *sql,
                               GError    **error,
                               const char *types,
                               ...);

G_END_DECLS
