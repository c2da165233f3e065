/* acq-store-file-job.h — a file written for one candidate on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

/**
 * AcqStoreFileWriter:
 * @store: a connection of its own to the store
 * @candidate_uuid: the candidate
 * @output_path: the file to write
 * @cancellable: (nullable): to stop
 * @error: where to put an error
 *
 * Writes one file about one candidate (a livret, a person's export…), whole or not at all.
 *
 * Returns: %TRUE if the file was written
 */
typedef gboolean (*AcqStoreFileWriter) (AcqStore     *store,
                                        const char   *candidate_uuid,
                                        const char   *output_path,
                                        GCancellable *cancellable,
                                        GError      **error);

void     acq_store_write_file_async  (AcqStore            *store,
                                      AcqStoreFileWriter   writer,
                                      const char          *candidate_uuid,
                                      const char          *output_path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean acq_store_write_file_finish (AcqStore            *store,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
