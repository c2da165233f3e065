/* acq-store-file-job.c — work on the store done on a worker thread, with a connection of its
 * own: a file written for one candidate, or any job that writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface asks for a file (a livret, everything about a person, the yearly review, a
 * calendar) and goes on: the job runs on a worker with a connection of its own to the store,
 * opened there, so that nothing of the main thread's connection is shared between threads.
 */
#define G_LOG_DOMAIN "acq-store"

#include "config.h"

#include "acq-store-file-job.h"

typedef struct
{
  char           *data_dir;
  AcqStoreJobFunc func;
  gpointer        data;
  GDestroyNotify  data_free;
} Job;

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (job->data_dir, &error);
  gssize count = -1;

  if (store != NULL)
    count = job->func (store, job->data, cancellable, &error);
  if (count < 0)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "The job failed");
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_int (task, count);
}

/**
 * acq_store_run_job_async:
 * @store: the store
 * @func: the work, run on a worker thread with its own connection to @store's data folder
 * @data: given to @func
 * @data_free: (nullable): frees @data once the job is over
 * @source_tag: the caller's function, checked by acq_store_run_job_finish()
 * @cancellable: (nullable): to stop
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * The one way Acquis does slow work on the store away from the window: nothing of the main
 * thread's connection is shared between threads.
 */
void
acq_store_run_job_async (AcqStore *store, AcqStoreJobFunc func, gpointer data,
                         GDestroyNotify data_free, gpointer source_tag,
                         GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->data_dir = g_strdup (acq_store_get_data_dir (store));
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[acquis] a job on the store");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

/**
 * acq_store_run_job_finish:
 * @store: the store
 * @result: the result given to the callback
 * @source_tag: what was given to acq_store_run_job_async()
 * @error: where to put the job's error
 *
 * Returns: what the job returned, 0 or more, or -1 with @error set
 */
gssize
acq_store_run_job_finish (AcqStore *store, GAsyncResult *result, gpointer source_tag,
                          GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, -1);
  return g_task_propagate_int (G_TASK (result), error);
}

/* A file about one candidate ------------------------------------------------------------- */

typedef struct
{
  AcqStoreFileWriter writer;
  char              *candidate_uuid;
  char              *output_path;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->candidate_uuid);
  g_free (job->output_path);
  g_free (job);
}

static gssize
write_file (AcqStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  FileJob *job = data;

  return job->writer (store, job->candidate_uuid, job->output_path, cancellable, error) ? 0 : -1;
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
  FileJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (writer != NULL);
  g_return_if_fail (candidate_uuid != NULL);
  g_return_if_fail (output_path != NULL);

  job = g_new0 (FileJob, 1);
  job->writer = writer;
  job->candidate_uuid = g_strdup (candidate_uuid);
  job->output_path = g_strdup (output_path);
  acq_store_run_job_async (store, write_file, job, (GDestroyNotify) file_job_free,
                           acq_store_write_file_async, cancellable, callback, user_data);
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
  return acq_store_run_job_finish (store, result, acq_store_write_file_async, error) >= 0;
}
