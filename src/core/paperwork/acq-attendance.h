/* acq-attendance.h — the attendance record of a held session: signed or not, and its scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

/**
 * AcqAttendance:
 * @session_uuid: the session held
 * @candidate_uuid: whose
 * @is_signed: whether the attendance sheet came back signed
 * @document_uuid: (nullable): the signed sheet's scan, a candidate document
 */
typedef struct
{
  char    *session_uuid;
  char    *candidate_uuid;
  gboolean is_signed;
  char    *document_uuid;
} AcqAttendance;

#define ACQ_TYPE_ATTENDANCE (acq_attendance_get_type ())
GType          acq_attendance_get_type    (void) G_GNUC_CONST;
AcqAttendance *acq_attendance_copy        (const AcqAttendance *self);
void           acq_attendance_free        (AcqAttendance       *self);

GHashTable    *acq_attendance_list        (AcqStore            *store,
                                           const char          *candidate_uuid,
                                           GError             **error);
AcqAttendance *acq_attendance_load        (AcqStore            *store,
                                           const char          *session_uuid,
                                           GError             **error);
gboolean       acq_attendance_record      (AcqStore            *store,
                                           const char          *session_uuid,
                                           gboolean             is_signed,
                                           const char          *document_uuid,
                                           GError             **error);
gboolean       acq_attendance_forget      (AcqStore            *store,
                                           const char          *session_uuid,
                                           GError             **error);
GPtrArray     *acq_attendance_missing     (AcqStore            *store,
                                           const char          *candidate_uuid,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqAttendance, acq_attendance_free)

G_END_DECLS
