/* acq-calendar.h — the practice's events as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-session.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_CALENDAR_ERROR (acq_calendar_error_quark ())

typedef enum
{
  ACQ_CALENDAR_ERROR_INVALID, /* an event without a time or a uid */
  ACQ_CALENDAR_ERROR_WRITE,   /* the file could not be written */
} AcqCalendarError;

/* One event. @start and @end are in Europe/Paris (or all-day dates when @all_day); @uid_key
 * is the record's uuid and what kind of event it is ("session", "jury"…): the same record
 * gives the same UID at every export, so that a calendar updates the event instead of adding
 * it twice. */
typedef struct
{
  const char *uid_key;     /* e.g. "session-<uuid>", "deadline-<uuid>-recevabilite" */
  GDateTime  *start;
  GDateTime  *end;         /* nullable: one hour after start, or the next day if all-day */
  gboolean    all_day;
  const char *summary;
  const char *description; /* nullable */
  const char *location;    /* nullable */
  const char *category;    /* nullable */
} AcqCalendarEvent;

typedef struct _AcqCalendar AcqCalendar;

GQuark        acq_calendar_error_quark    (void);

AcqCalendar  *acq_calendar_new            (void);
void          acq_calendar_free           (AcqCalendar      *self);
guint         acq_calendar_get_n_events   (AcqCalendar      *self);
gboolean      acq_calendar_add_event      (AcqCalendar      *self,
                                           const AcqCalendarEvent *event,
                                           GError          **error);
gboolean      acq_calendar_add_session    (AcqCalendar      *self,
                                           const AcqSession *session,
                                           const char       *candidate_name,
                                           GError          **error);
gboolean      acq_calendar_add_sessions   (AcqCalendar      *self,
                                           AcqStore         *store,
                                           const char       *candidate_uuid,
                                           GError          **error);
gboolean      acq_calendar_add_deadlines  (AcqCalendar      *self,
                                           AcqStore         *store,
                                           const char       *candidate_uuid,
                                           const GDate      *today,
                                           GError          **error);
char         *acq_calendar_to_string      (AcqCalendar      *self,
                                           GDateTime        *stamp);
gboolean      acq_calendar_write          (AcqCalendar      *self,
                                           const char       *path,
                                           GError          **error);

void          acq_calendar_export_async   (AcqStore         *store,
                                           const char       *candidate_uuid,
                                           const char       *path,
                                           GCancellable     *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer          user_data);
gboolean      acq_calendar_export_finish  (AcqStore         *store,
                                           GAsyncResult     *result,
                                           guint            *out_n_events,
                                           GError          **error);

char         *acq_calendar_escape_text    (const char       *text);
char         *acq_calendar_fold_line      (const char       *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqCalendar, acq_calendar_free)

G_END_DECLS
