/* acq-store-private.h — store internals shared by core files and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

sqlite3  *_acq_store_open_db              (const char  *path,
                                           int          flags,
                                           GError     **error);
gboolean  _acq_store_exec_db              (sqlite3     *db,
                                           const char  *sql,
                                           GError     **error);
gboolean  _acq_store_run_db               (sqlite3     *db,
                                           const char  *sql,
                                           const char  *arg,
                                           char       **out,
                                           GError     **error);
gboolean  _acq_store_migrate_db           (sqlite3     *db,
                                           int          target,
                                           GError     **error);
gboolean  _acq_store_ensure_private_dir   (const char  *dir,
                                           GError     **error);
void      _acq_store_notify_changed       (AcqStore    *self);

G_END_DECLS
