/* acq-store-file-job.h — work on the store done on a worker thread, with a connection of its
 * own: a file written for one candidate, or any job that writes a file
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

/**
 * AcqStoreJobFunc:
 * @store: a connection of its own to the store, opened on the worker
 * @data: what the job was given
 * @cancellable: (nullable): to stop
 * @error: where to put an error
 *
 * One piece of work on a worker thread (a yearly review, a calendar written to a file).
 *
 * Returns: a count, 0 or more, that acq_store_run_job_finish() gives back (the events of a
 *   calendar, or 0), or -1 with @error set
 */
typedef gssize (*AcqStoreJobFunc) (AcqStore     *store,
                                   gpointer      data,
                                   GCancellable *cancellable,
                                   GError      **error);

void     acq_store_run_job_async     (AcqStore            *store,
                                      AcqStoreJobFunc      func,
                                      gpointer             data,
                                      GDestroyNotify       data_free,
                                      gpointer             source_tag,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gssize   acq_store_run_job_finish    (AcqStore            *store,
                                      GAsyncResult        *result,
                                      gpointer             source_tag,
                                      GError             **error);

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
