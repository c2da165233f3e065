/* acq-person-export.h — everything Acquis holds about one person, in one readable ZIP: the
 * right of access and portability (RGPD, articles 15 and 20)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_PERSON_EXPORT_ERROR (acq_person_export_error_quark ())

typedef enum
{
  ACQ_PERSON_EXPORT_ERROR_NOT_FOUND, /* no such candidate */
  ACQ_PERSON_EXPORT_ERROR_WRITE,     /* the ZIP could not be written */
} AcqPersonExportError;

/* The version of person.json's layout, written in it. */
#define ACQ_PERSON_EXPORT_VERSION 1

GQuark   acq_person_export_error_quark (void);

gboolean acq_person_export_write        (AcqStore            *store,
                                         const char          *candidate_uuid,
                                         const char          *output_path,
                                         GCancellable        *cancellable,
                                         GError             **error);

G_END_DECLS
