/* acq-store-file-job.c — a file written for one candidate on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface asks for a file (a livret, everything about a person) and goes on: the writer
 * runs on a worker with a connection of its own to the store, opened there, so that nothing of
 * the main thread's connection is shared between threads.
 */
#define G_LOG_DOMAIN "acq-store"

#include "config.h"

#include "acq-store-file-job.h"

typedef struct
{
  AcqStoreFileWriter writer;
  char              *data_dir;
  char              *candidate_uuid;
  char              *output_path;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->data_dir);
  g_free (job->candidate_uuid);
  g_free (job->output_path);
  g_free (job);
}

static void
file_job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (job->data_dir, &error);

  if (store == NULL ||
      !job->writer (store, job->candidate_uuid, job->output_path, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * acq_store_write_file_async:
 * @store: the store
 * @writer: what writes the file
 * @candidate_uuid: the candidate
 * @output_path: the file to write
 * @cancellable: (nullable): to stop
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Runs @writer on a worker thread, with its own connection to @store's data folder.
 */
void
acq_store_write_file_async (AcqStore *store, AcqStoreFileWriter writer,
                            const char *candidate_uuid, const char *output_path,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (writer != NULL);
  g_return_if_fail (candidate_uuid != NULL);
  g_return_if_fail (output_path != NULL);

  job = g_new0 (FileJob, 1);
  job->writer = writer;
  job->data_dir = g_strdup (acq_store_get_data_dir (store));
  job->candidate_uuid = g_strdup (candidate_uuid);
  job->output_path = g_strdup (output_path);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_store_write_file_async);
  g_task_set_name (task, "[acquis] write a file");
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, file_job_thread);
}

/**
 * acq_store_write_file_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: where to put the writer's error
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_store_write_file_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
