/* acq-store.h — the one SQLite database that holds everything a user writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define ACQ_STORE_ERROR (acq_store_error_quark ())

/**
 * AcqStoreError:
 * @ACQ_STORE_ERROR_FAILED: anything not listed below
 * @ACQ_STORE_ERROR_IO: the file or its folder cannot be read or written (permissions, full disk)
 * @ACQ_STORE_ERROR_CORRUPT: the file is damaged or is not an Acquis database
 * @ACQ_STORE_ERROR_NEWER_VERSION: the file was written by a newer Acquis
 * @ACQ_STORE_ERROR_BUSY: another program holds the database
 * @ACQ_STORE_ERROR_CONSTRAINT: the change breaks a rule of the data (duplicate, missing link)
 * @ACQ_STORE_ERROR_NOT_FOUND: the record asked for does not exist
 * @ACQ_STORE_ERROR_INVALID: a value too large for the database itself (the models refuse a
 *   bad value before, with %ACQ_TEXT_ERROR_INVALID)
 * @ACQ_STORE_ERROR_READ_ONLY: the data folder or file cannot be written: reading only
 */
typedef enum
{
  ACQ_STORE_ERROR_FAILED,
  ACQ_STORE_ERROR_IO,
  ACQ_STORE_ERROR_CORRUPT,
  ACQ_STORE_ERROR_NEWER_VERSION,
  ACQ_STORE_ERROR_BUSY,
  ACQ_STORE_ERROR_CONSTRAINT,
  ACQ_STORE_ERROR_NOT_FOUND,
  ACQ_STORE_ERROR_INVALID,
  ACQ_STORE_ERROR_READ_ONLY,
} AcqStoreError;

/* The file name of the database inside the data directory. */
#define ACQ_STORE_FILE_NAME "acquis.db"
/* How many daily backups are kept, and for how many days at most: a backup holds what was
 * erased since (the help promises a person who asks for erasure that none is older). */
#define ACQ_STORE_BACKUPS_KEPT 7
#define ACQ_STORE_BACKUPS_MAX_DAYS 7
/* How often the app looks for what other processes committed (acq_store_watch()): a read of
 * shared memory each time. */
#define ACQ_STORE_WATCH_INTERVAL_MS 1000

#define ACQ_TYPE_STORE (acq_store_get_type ())
G_DECLARE_FINAL_TYPE (AcqStore, acq_store, ACQ, STORE, GObject)

GQuark       acq_store_error_quark        (void);

AcqStore    *acq_store_open               (const char   *data_dir,
                                           GError      **error);
const char  *acq_store_get_data_dir       (AcqStore     *self);
gboolean     acq_store_is_read_only       (AcqStore     *self);
sqlite3     *acq_store_get_db             (AcqStore     *self);
int          acq_store_get_schema_version (AcqStore     *self);
int          acq_store_get_latest_version (void);

sqlite3_stmt *acq_store_prepare           (AcqStore     *self,
                                           const char   *sql,
                                           GError      **error);
gboolean     acq_store_exec               (AcqStore     *self,
                                           const char   *sql,
                                           GError      **error);
gboolean     acq_store_step_done          (AcqStore     *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);

gboolean     acq_store_poll               (AcqStore     *self);
void         acq_store_watch              (AcqStore     *self,
                                           guint         interval_ms);

gboolean     acq_store_begin              (AcqStore     *self,
                                           GError      **error);
gboolean     acq_store_commit             (AcqStore     *self,
                                           GError      **error);
void         acq_store_rollback           (AcqStore     *self);

gboolean     acq_store_set_error_from_sqlite (GError   **error,
                                              sqlite3   *db,
                                              int        rc,
                                              const char *doing);

char        *acq_store_new_uuid           (void);
char        *acq_store_now                (void);

/* Temporary files: one private folder inside the data folder, swept at each opening. */
char        *acq_store_make_temp          (const char   *data_dir,
                                           const char   *prefix,
                                           gboolean      directory,
                                           GError      **error);
void         acq_store_remove_temp        (const char   *data_dir,
                                           const char   *prefix);
void         acq_store_sweep_temp         (const char   *data_dir);

/* Backups and damaged files: these work on a data directory, not an open store, so that the
 * start-up code can use them when the database cannot be opened at all. */
gboolean     acq_store_verify             (const char   *data_dir,
                                           GError      **error);
char        *acq_store_backup_dir         (const char   *data_dir);
gboolean     acq_store_backup_daily       (const char   *data_dir,
                                           GDateTime    *now,
                                           char        **out_path,
                                           GError      **error);
GPtrArray   *acq_store_list_backups       (const char   *data_dir);
gboolean     acq_store_backup_before_import (const char *data_dir,
                                             char      **out_path,
                                             GError    **error);
char        *acq_store_set_aside_damaged  (const char   *data_dir,
                                           GError      **error);
gboolean     acq_store_restore_latest_backup (const char *data_dir,
                                              char      **out_damaged_path,
                                              GError    **error);

G_END_DECLS
