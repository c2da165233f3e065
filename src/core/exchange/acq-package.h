/* acq-package.h — one candidate's dossier as an encrypted .acquis file, and its merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-import-report.h"
#include "acq-review.h"
#include "acq-sheet.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_PACKAGE_SUFFIX ".acquis"

#define ACQ_PACKAGE_ERROR (acq_package_error_quark ())

/**
 * AcqPackageError:
 * @ACQ_PACKAGE_ERROR_NOT_PACKAGE: empty, random bytes, another SQLite file: not an .acquis file
 * @ACQ_PACKAGE_ERROR_PASSPHRASE: wrong passphrase
 * @ACQ_PACKAGE_ERROR_DAMAGED: tampered with or truncated
 * @ACQ_PACKAGE_ERROR_NEWER: made by a newer Acquis, please update
 * @ACQ_PACKAGE_ERROR_TOO_LARGE: claims a size beyond the limits
 * @ACQ_PACKAGE_ERROR_FAILED: anything else (I/O, store)
 */
typedef enum
{
  ACQ_PACKAGE_ERROR_NOT_PACKAGE,
  ACQ_PACKAGE_ERROR_PASSPHRASE,
  ACQ_PACKAGE_ERROR_DAMAGED,
  ACQ_PACKAGE_ERROR_NEWER,
  ACQ_PACKAGE_ERROR_TOO_LARGE,
  ACQ_PACKAGE_ERROR_FAILED,
} AcqPackageError;

GQuark acq_package_error_quark (void);

/* Below this many characters a passphrase is refused for a new file, in the dialog and on the
 * command line alike: the file travels by mail and sync services. */
#define ACQ_PASSPHRASE_MIN_CHARS 8

/* A passphrase held in memory that never reaches the swap and is wiped when freed. */
typedef char AcqPassphrase;

AcqPassphrase *acq_passphrase_new           (const char    *text);
AcqPassphrase *acq_passphrase_take_from_env (void);
void           acq_passphrase_free          (AcqPassphrase *passphrase);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqPassphrase, acq_passphrase_free)

/* The clear header: what can be read without the passphrase (no personal data). */
gboolean acq_package_peek (const char  *path,
                           char       **candidate_uuid,
                           int         *format_version,
                           GError     **error);

/* Export: runs in a worker thread (Argon2id is slow on purpose). @role: who exports. */
void     acq_package_export_async  (AcqStore            *store,
                                    const char          *candidate_uuid,
                                    AcqRole              role,
                                    const char          *passphrase,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean acq_package_export_finish (AcqStore            *store,
                                    GAsyncResult        *result,
                                    GError             **error);
gboolean acq_package_export        (AcqStore            *store,
                                    const char          *candidate_uuid,
                                    AcqRole              role,
                                    const char          *passphrase,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GError             **error);

/* Import and merge, in one transaction after a backup; @role: the importer's role (the file's
 * author is the other one). On error nothing in the store has changed. */
void             acq_package_import_async  (AcqStore            *store,
                                            const char          *path,
                                            const char          *passphrase,
                                            AcqRole              role,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
AcqImportReport *acq_package_import_finish (AcqStore            *store,
                                            GAsyncResult        *result,
                                            GError             **error);
AcqImportReport *acq_package_import        (AcqStore            *store,
                                            const char          *path,
                                            const char          *passphrase,
                                            AcqRole              role,
                                            GCancellable        *cancellable,
                                            GError             **error);

/* Conflicts kept in the store until the user resolves them (both texts kept until then). */
typedef struct
{
  char      *uuid;
  char      *candidate_uuid;
  char      *sheet_uuid;
  char      *sheet_title;
  AcqRubric  rubric;
  char      *mine;   /* this side's text */
  char      *theirs; /* the other side's text */
} AcqConflict;

void       acq_conflict_free    (AcqConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqConflict, acq_conflict_free)

/* Of AcqConflict, oldest first. */
GPtrArray *acq_conflict_list    (AcqStore    *store,
                                 const char  *candidate_uuid,
                                 GError     **error);
/* Writes @text into the rubric (a new revision) and forgets the conflict. */
gboolean   acq_conflict_resolve (AcqStore    *store,
                                 const char  *conflict_uuid,
                                 const char  *text,
                                 GError     **error);

G_END_DECLS
