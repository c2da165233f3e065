/* acq-attachment.h — documents that illustrate a sheet's practice (PDF, images), copied into
 * the data folder under their SHA-256
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_ATTACHMENT_ERROR (acq_attachment_error_quark ())

/**
 * AcqAttachmentError:
 * @ACQ_ATTACHMENT_ERROR_TOO_LARGE: the file is over %ACQ_ATTACHMENT_MAX_SIZE
 * @ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE: its name is not that of a PDF, PNG or JPEG file
 * @ACQ_ATTACHMENT_ERROR_WRONG_TYPE: its content is not what its name says
 * @ACQ_ATTACHMENT_ERROR_NOT_A_FILE: a folder or a special file
 * @ACQ_ATTACHMENT_ERROR_DAMAGED: a row whose SHA-256 is not valid, or whose stored copy leads
 *   outside the data folder's attachments/
 */
typedef enum
{
  ACQ_ATTACHMENT_ERROR_TOO_LARGE,
  ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE,
  ACQ_ATTACHMENT_ERROR_WRONG_TYPE,
  ACQ_ATTACHMENT_ERROR_NOT_A_FILE,
  ACQ_ATTACHMENT_ERROR_DAMAGED,
} AcqAttachmentError;

/* The largest document accepted: a scanned certificate is a few MB, and the dossier that
 * carries them travels by mail. */
#define ACQ_ATTACHMENT_MAX_SIZE (25 * 1000 * 1000) /* "25 MB", as messages and help say it */
/* The folder of the stored copies, inside the data folder. */
#define ACQ_ATTACHMENT_DIR "attachments"

typedef struct
{
  char   *uuid;
  char   *sheet_uuid;
  char   *file_name;   /* the name the user gave it, for display */
  char   *mime_type;   /* application/pdf, image/png or image/jpeg, as read in the content */
  goffset size;        /* in bytes */
  char   *sha256;      /* of the content, in lower-case hexadecimal */
  char   *stored_path; /* of the copy, relative to the data folder */
  char   *created_at;
  gboolean annex;      /* an annex the referential asks for, not a document of the practice */
} AcqAttachment;

GQuark         acq_attachment_error_quark    (void);

gboolean       acq_attachment_sha256_is_valid (const char         *sha256);
char          *acq_attachment_path_for_sha256 (const char         *sha256);
char          *acq_attachment_resolve         (const char         *data_dir,
                                               const char         *sha256,
                                               GError            **error);
gboolean       acq_attachment_repair_paths    (sqlite3            *db,
                                               GError            **error);

#define ACQ_TYPE_ATTACHMENT (acq_attachment_get_type ())
GType          acq_attachment_get_type       (void);
AcqAttachment *acq_attachment_copy           (const AcqAttachment *attachment);
void           acq_attachment_free           (AcqAttachment       *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqAttachment, acq_attachment_free)

AcqAttachment *acq_attachment_import         (const char          *data_dir,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void           acq_attachment_import_release (const AcqAttachment *attachment);
AcqAttachment *acq_attachment_add            (AcqStore            *store,
                                              const char          *sheet_uuid,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void           acq_attachment_add_async      (AcqStore            *store,
                                              const char          *sheet_uuid,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AcqAttachment *acq_attachment_add_finish     (AcqStore            *store,
                                              GAsyncResult        *result,
                                              GError             **error);
GPtrArray     *acq_attachment_list           (AcqStore            *store,
                                              const char          *sheet_uuid,
                                              GError             **error);
GFile         *acq_attachment_get_file       (AcqStore            *store,
                                              const AcqAttachment *attachment,
                                              GError             **error);
gboolean       acq_attachment_set_annex      (AcqStore            *store,
                                              const char          *uuid,
                                              gboolean             annex,
                                              GError             **error);
gboolean       acq_attachment_remove         (AcqStore            *store,
                                              const AcqAttachment *attachment,
                                              GError             **error);
gboolean       acq_attachment_remove_orphans (AcqStore            *store,
                                              GCancellable        *cancellable,
                                              GError             **error);

G_END_DECLS
