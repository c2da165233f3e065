/* acq-dossier.h — the Dossier Professionnel of one candidate, written as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-candidate-list.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_DOSSIER_ERROR (acq_dossier_error_quark ())

/**
 * AcqDossierError:
 * @ACQ_DOSSIER_ERROR_NOT_FOUND: no candidate has that id or name
 * @ACQ_DOSSIER_ERROR_AMBIGUOUS: several candidates have that name
 * @ACQ_DOSSIER_ERROR_NOT_READY: the final dossier was asked for and something is missing;
 *   the message lists what, one item a line
 * @ACQ_DOSSIER_ERROR_WRITE: the file cannot be written (folder missing, disk full)
 * @ACQ_DOSSIER_ERROR_FAILED: the PDF could not be drawn (out of memory)
 *
 * Cancelling gives %G_IO_ERROR_CANCELLED, as everywhere in GIO.
 */
typedef enum
{
  ACQ_DOSSIER_ERROR_NOT_FOUND,
  ACQ_DOSSIER_ERROR_AMBIGUOUS,
  ACQ_DOSSIER_ERROR_NOT_READY,
  ACQ_DOSSIER_ERROR_WRITE,
  ACQ_DOSSIER_ERROR_FAILED,
} AcqDossierError;

/**
 * AcqDossierMode:
 * @ACQ_DOSSIER_MODE_DRAFT: every sheet of a targeted bloc, those not validated yet under a
 *   "BROUILLON" watermark; always written, whatever is missing
 * @ACQ_DOSSIER_MODE_FINAL: the validated sheets only; refused (%ACQ_DOSSIER_ERROR_NOT_READY)
 *   while a rule of acq_dossier_check() fails with %ACQ_DOSSIER_SEVERITY_ERROR
 * @ACQ_DOSSIER_MODE_READING: the reading copy: the draft's content set in the candidate's
 *   reading style (acq_reading_style_load(); a 14-point sans spaced 1.5 without one), for a
 *   candidate with accommodations; the official dossier keeps the model's layout
 */
typedef enum
{
  ACQ_DOSSIER_MODE_DRAFT,
  ACQ_DOSSIER_MODE_FINAL,
  ACQ_DOSSIER_MODE_READING,
} AcqDossierMode;

/**
 * AcqDossierOptions:
 * @mode: a draft, or the final dossier
 * @dated: the déclaration sur l'honneur carries the day it is written; %FALSE (the default)
 *   leaves "Fait à …, le" followed by a line for the signer to date by hand
 *
 * How a dossier is written. Zero-initialised, it is a draft with the date left to the signer.
 */
typedef struct
{
  AcqDossierMode mode;
  gboolean       dated;
} AcqDossierOptions;

/**
 * AcqDossierProgressFunc:
 * @fraction: the work done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called as the dossier is written. From acq_dossier_write() it is called in the calling
 * thread; from acq_dossier_write_async() in the thread-default main context of the caller,
 * never after the callback.
 */
typedef void (*AcqDossierProgressFunc) (double fraction, gpointer user_data);

GQuark        acq_dossier_error_quark    (void);

gboolean      acq_dossier_write          (AcqStore               *store,
                                          const char             *candidate_uuid,
                                          const char             *output_path,
                                          AcqDossierMode          mode,
                                          AcqDossierProgressFunc  progress_func,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GError                **error);
gboolean      acq_dossier_write_with_options (AcqStore                *store,
                                              const char              *candidate_uuid,
                                              const char              *output_path,
                                              const AcqDossierOptions *options,
                                              AcqDossierProgressFunc   progress_func,
                                              gpointer                 progress_data,
                                              GCancellable            *cancellable,
                                              GError                 **error);
void          acq_dossier_write_with_options_async (AcqStore                *store,
                                                    const char              *candidate_uuid,
                                                    const char              *output_path,
                                                    const AcqDossierOptions *options,
                                                    AcqDossierProgressFunc   progress_func,
                                                    gpointer                 progress_data,
                                                    GCancellable            *cancellable,
                                                    GAsyncReadyCallback      callback,
                                                    gpointer                 user_data);
void          acq_dossier_write_async    (AcqStore               *store,
                                          const char             *candidate_uuid,
                                          const char             *output_path,
                                          AcqDossierMode          mode,
                                          AcqDossierProgressFunc  progress_func,
                                          gpointer                progress_data,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean      acq_dossier_write_finish   (AcqStore               *store,
                                          GAsyncResult           *result,
                                          GError                **error);

AcqCandidate *acq_dossier_find_candidate (AcqCandidateList       *candidates,
                                          const char             *uuid_or_name,
                                          GError                **error);

char         *acq_dossier_parse_town     (const char             *address);
char         *acq_dossier_unit_heading   (const char             *abrege_code,
                                          const char             *certification_title,
                                          int                     position,
                                          const char             *bloc_title);

G_END_DECLS
