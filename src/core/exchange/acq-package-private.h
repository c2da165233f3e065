/* acq-package-private.h — what the package's reader, writer and merge share, and the hooks
 * that tests, the fuzzer and the benchmarks use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-package.h"

G_BEGIN_DECLS

/* The layout of the clear header and of the content; see acq-package.c. */
#define ACQ_PACKAGE_FORMAT_VERSION 1
#define ACQ_PACKAGE_MAGIC "ACQUIS\0"
#define ACQ_PACKAGE_MAGIC_LEN 7
#define ACQ_PACKAGE_HEADER_SIZE 160
/* PRAGMA application_id of the content database: "ACQP". */
#define ACQ_PACKAGE_APPLICATION_ID 0x41435150

/* Tables that only the content of a package has (the store never does, so that the store's
 * migrations can run on an older package's content without meeting them). */
#define ACQ_PACKAGE_MANIFEST_TABLE "package_manifest"
#define ACQ_PACKAGE_UNIT_TABLE "package_unit"
#define ACQ_PACKAGE_BLOB_TABLE "package_blob"

/* acq-package.c */

/* The Argon2id cost of the files written from now on (tests and the fuzzer's seeds use the
 * minimum, so that hundreds of files take seconds), and the most a file read may ask. */
void      _acq_package_set_kdf_cost      (guint64      opslimit,
                                          gsize        memlimit);
void      _acq_package_set_kdf_read_max  (guint64      opslimit,
                                          gsize        memlimit);

/* Encrypts the SQLite file @content_path (already holding its manifest) into @path. Export
 * uses it; tests use it to write files of an older schema. */
gboolean  _acq_package_encrypt          (const char   *content_path,
                                          const char   *candidate_uuid,
                                          int           format_version,
                                          const char   *passphrase,
                                          const char   *path,
                                          GCancellable *cancellable,
                                          GError      **error);

/* The reader: checks the header, decrypts into a private temporary file of the data folder
 * @tmp_dir (acq_store_make_temp()), migrates an older
 * content, verifies the manifest and the SHA-256 of the content and of every attachment.
 * Returns the content's path (the caller removes it) or %NULL with an AcqPackageError. */
char     *_acq_package_open             (const char   *path,
                                          const char   *passphrase,
                                          const char   *tmp_dir,
                                          char        **out_candidate_uuid,
                                          AcqRole      *out_author_role,
                                          GCancellable *cancellable,
                                          GError      **error);

/* The checks of a decrypted content (the second half of _acq_package_open), apart for the
 * fuzzer: a passphrase holder can craft any content. */
gboolean  _acq_package_check_content    (const char   *content_path,
                                          const char   *candidate_uuid,
                                          guint         format_version,
                                          AcqRole      *out_author_role,
                                          GError      **error);

/* The SHA-256 (hex) of every table of the content but the manifest, in a canonical order. */
char     *_acq_package_content_digest    (sqlite3      *db,
                                          const char   *schema,
                                          GError      **error);

void      _acq_package_digest_value     (GChecksum    *sum,
                                          sqlite3_stmt *stmt,
                                          int           column);

/* acq-package-merge.c */

/* Appends the current state of each of the candidate's records to their history (in the
 * caller's transaction) and copies the histories into the attached content @schema. */
gboolean  _acq_package_record_units     (AcqStore     *store,
                                          const char   *candidate_uuid,
                                          const char   *schema,
                                          GError      **error);

/* Merges the content attached as "pkg" into the store, in the caller's transaction. */
gboolean  _acq_package_merge            (AcqStore        *store,
                                          const char      *candidate_uuid,
                                          AcqRole          author_role,
                                          AcqImportReport *report,
                                          GError         **error);

AcqImportReport *_acq_import_report_new  (const char      *candidate_uuid);
void      _acq_import_report_add         (AcqImportReport   *self,
                                          AcqImportItemKind  kind,
                                          const char        *sheet_uuid,
                                          const char        *description);

/* The store's tables that never travel: the local bookkeeping of the exchange, and the
 * search index, rebuilt by its triggers. */
gboolean  _acq_package_table_is_local   (const char   *name);

G_END_DECLS
