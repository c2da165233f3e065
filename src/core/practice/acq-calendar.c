/* acq-calendar.c — the practice's events as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is for GNOME Calendar (Evolution Data Server reads it with libical) and any other
 * calendar: one VCALENDAR, the Europe/Paris VTIMEZONE written out (a reader need not know the
 * zone database), one VEVENT per session, and what other parts of the practice add through
 * acq_calendar_add_event() (the parcours' dates, the deadlines). Each event's UID is made from
 * the uuid of the record it shows, so that importing the file again updates the events instead
 * of doubling them. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character; text values are escaped as section 3.3.11 says.
 */
#define G_LOG_DOMAIN "acq-calendar"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-calendar.h"
#include "acq-deadline.h"
#include "acq-output-file.h"
#include "acq-sql-private.h"
#include "acq-store-file-job.h"
#include "acq-today.h"

#define LINE_OCTETS 75
#define UID_DOMAIN "io.github.acquis"

G_DEFINE_QUARK (acq-calendar-error-quark, acq_calendar_error)

typedef struct
{
  char      *uid;
  GDateTime *start;
  GDateTime *end;
  gboolean   all_day;
  char      *summary;
  char      *description;
  char      *location;
  char      *category;
} Event;

struct _AcqCalendar
{
  GPtrArray *events; /* Event */
};

/* The rules of Europe/Paris since 1996 (the last Sundays of March and October), enough for
 * sessions and deadlines; X-LIC-LOCATION lets libical use its own copy of the zone. */
static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:Europe/Paris\r\n"
  "X-LIC-LOCATION:Europe/Paris\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "TZNAME:CEST\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "TZNAME:CET\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

static void
event_free (Event *event)
{
  g_free (event->uid);
  g_clear_pointer (&event->start, g_date_time_unref);
  g_clear_pointer (&event->end, g_date_time_unref);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->location);
  g_free (event->category);
  g_free (event);
}

AcqCalendar *
acq_calendar_new (void)
{
  AcqCalendar *self = g_new0 (AcqCalendar, 1);

  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  return self;
}

void
acq_calendar_free (AcqCalendar *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->events);
  g_free (self);
}

guint
acq_calendar_get_n_events (AcqCalendar *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

/* Text ------------------------------------------------------------------------------------ */

/**
 * acq_calendar_escape_text:
 * @text: (nullable): a text value
 *
 * Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma get a backslash, a
 * line break becomes `\n`; other control characters, which a TEXT may not hold, are dropped.
 *
 * Returns: (transfer full): the escaped text
 */
char *
acq_calendar_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\t': g_string_append_c (out, '\t'); break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * acq_calendar_fold_line:
 * @line: one content line, without its CRLF
 *
 * Folds a content line (RFC 5545, 3.1): no physical line longer than 75 octets, each
 * continuation beginning with a space, a cut never inside a UTF-8 character.
 *
 * Returns: (transfer full): the line, CRLF included after each piece
 */
char *
acq_calendar_fold_line (const char *line)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (line);
  gsize pos = 0;
  gboolean first = TRUE;

  do
    {
      gsize room = first ? LINE_OCTETS : LINE_OCTETS - 1;
      gsize take = MIN (room, len - pos);

      /* back to the start of a character: a continuation octet is 10xxxxxx */
      while (take > 0 && pos + take < len && ((guchar) line[pos + take] & 0xc0) == 0x80)
        take--;
      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + pos, take);
      g_string_append (out, "\r\n");
      pos += take;
      first = FALSE;
    }
  while (pos < len);
  return g_string_free (out, FALSE);
}

static void
append_line (GString *out, const char *line)
{
  g_autofree char *folded = acq_calendar_fold_line (line);
  g_string_append (out, folded);
}

static void
append_text (GString *out, const char *name, const char *value)
{
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = acq_calendar_escape_text (value);
  line = g_strconcat (name, ":", escaped, NULL);
  append_line (out, line);
}

static void
append_time (GString *out, const char *name, GDateTime *time, gboolean all_day)
{
  g_autoptr (GDateTime) local = g_date_time_to_timezone (time, acq_session_get_time_zone ());
  g_autofree char *value = NULL;
  g_autofree char *line = NULL;

  if (all_day)
    {
      value = g_date_time_format (local, "%Y%m%d");
      line = g_strdup_printf ("%s;VALUE=DATE:%s", name, value);
    }
  else
    {
      value = g_date_time_format (local, "%Y%m%dT%H%M%S");
      line = g_strdup_printf ("%s;TZID=Europe/Paris:%s", name, value);
    }
  append_line (out, line);
}

/* Events ---------------------------------------------------------------------------------- */

/**
 * acq_calendar_add_event:
 * @self: a calendar
 * @event: the event; its texts and times are copied
 * @error: where to put an error
 *
 * Returns: %TRUE if the event had what an event needs (a uid key, a start, a summary)
 */
gboolean
acq_calendar_add_event (AcqCalendar *self, const AcqCalendarEvent *event, GError **error)
{
  Event *copy;

  g_return_val_if_fail (self != NULL && event != NULL, FALSE);
  if (event->uid_key == NULL || *event->uid_key == '\0' || event->start == NULL ||
      event->summary == NULL || strpbrk (event->uid_key, "\r\n") != NULL ||
      (event->end != NULL && g_date_time_compare (event->end, event->start) < 0))
    {
      g_set_error_literal (error, ACQ_CALENDAR_ERROR, ACQ_CALENDAR_ERROR_INVALID,
                           _("This event has no date, no title or ends before it starts; it "
                             "was left out of the calendar."));
      return FALSE;
    }
  copy = g_new0 (Event, 1);
  copy->uid = g_strdup_printf ("%s@" UID_DOMAIN, event->uid_key);
  copy->start = g_date_time_ref (event->start);
  if (event->end != NULL)
    copy->end = g_date_time_ref (event->end);
  else
    copy->end = event->all_day ? g_date_time_add_days (event->start, 1)
                               : g_date_time_add_hours (event->start, 1);
  copy->all_day = event->all_day;
  copy->summary = g_strdup (event->summary);
  copy->description = g_strdup (event->description);
  copy->location = g_strdup (event->location);
  copy->category = g_strdup (event->category);
  g_ptr_array_add (self->events, copy);
  return TRUE;
}

static char *
session_description (const AcqSession *session)
{
  GString *out = g_string_new (acq_session_kind_label (session->kind));

  g_string_append_printf (out, " (%s)", session->held ? _("held") : _("planned"));
  if (session->objectives->len > 0)
    {
      g_string_append_printf (out, "\n\n%s", _("Objectives:"));
      for (guint i = 0; i < session->objectives->len; i++)
        {
          const AcqSessionObjective *o = g_ptr_array_index (session->objectives, i);

          g_string_append_printf (out, "\n- %s", o->text);
          if (o->outcome != ACQ_OBJECTIVE_NOT_ASSESSED)
            g_string_append_printf (out, " (%s)", acq_objective_outcome_label (o->outcome));
        }
    }
  if (session->personal_work != NULL && *session->personal_work != '\0')
    g_string_append_printf (out, "\n\n%s\n%s", _("Personal work for next time:"),
                            session->personal_work);
  return g_string_free (out, FALSE);
}

/**
 * acq_calendar_add_session:
 * @self: a calendar
 * @session: a session
 * @candidate_name: (nullable): whose session, for the title
 * @error: where to put an error
 *
 * Adds the session as an event: its kind and the candidate's name as title, in person at its
 * place or by video call, its objectives and the personal work agreed as description. The
 * points worked and the difficulties stay in the livret: a calendar is often shared.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_calendar_add_session (AcqCalendar *self, const AcqSession *session,
                          const char *candidate_name, GError **error)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *uid_key = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  AcqCalendarEvent event = { 0 };

  g_return_val_if_fail (self != NULL && session != NULL, FALSE);
  start = acq_session_dup_start (session);
  end = acq_session_dup_end (session);
  uid_key = g_strdup_printf ("session-%s", session->uuid);
  if (candidate_name != NULL && *candidate_name != '\0')
    summary = g_strdup_printf ("%s — %s", acq_session_kind_label (session->kind),
                               candidate_name);
  else
    summary = g_strdup (acq_session_kind_label (session->kind));
  description = session_description (session);
  event.uid_key = uid_key;
  event.start = start;
  event.end = end;
  event.summary = summary;
  event.description = description;
  event.location = session->mode == ACQ_SESSION_MODE_IN_PERSON ? session->place
                                                               : _("Video call");
  event.category = _("VAE accompaniment");
  return acq_calendar_add_event (self, &event, error);
}

static GHashTable *
candidate_names (AcqStore *store, GError **error)
{
  static const char sql[] =
    "SELECT uuid, trim (first_name || ' ' || last_name) FROM candidate WHERE deleted_at IS NULL";
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, _acq_sql_column_dup (stmt, 0), _acq_sql_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading names");
      return NULL;
    }
  return g_steal_pointer (&names);
}

/**
 * acq_calendar_add_sessions:
 * @self: a calendar
 * @store: the store
 * @candidate_uuid: (nullable): whose sessions; %NULL for the whole caseload
 * @error: where to put an error
 *
 * Adds the sessions of one candidate, or of every candidate not deleted, held and planned.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_calendar_add_sessions (AcqCalendar *self, AcqStore *store, const char *candidate_uuid,
                           GError **error)
{
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GPtrArray) sessions = NULL;

  g_return_val_if_fail (self != NULL && ACQ_IS_STORE (store), FALSE);
  if ((names = candidate_names (store, error)) == NULL ||
      (sessions = acq_session_list (store, candidate_uuid, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (sessions, i);
      const char *name = g_hash_table_lookup (names, session->candidate_uuid);

      if (name == NULL)
        continue; /* a deleted candidate's, until the purge */
      if (!acq_calendar_add_session (self, session, name, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * acq_calendar_add_deadlines:
 * @self: a calendar
 * @store: the store
 * @candidate_uuid: (nullable): whose deadlines; %NULL for the whole caseload
 * @today: the day the deadlines are computed for
 * @error: where to put an error
 *
 * Adds the deadlines of the parcours (acq_deadline_list_caseload(): the recevabilité answer,
 * the start due, France VAE's inactivity, the planned events such as the convocation and the
 * jury), each as a day of its own. A deadline keeps its uid from one export to the next
 * (candidate, kind, event), so that a calendar that imports the file again moves it rather
 * than adding a second one. The planned sessions are there already as sessions; the hours
 * over the plan are not a day.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_calendar_add_deadlines (AcqCalendar *self, AcqStore *store, const char *candidate_uuid,
                            const GDate *today, GError **error)
{
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;

  g_return_val_if_fail (self != NULL && ACQ_IS_STORE (store) && today != NULL, FALSE);
  if ((names = candidate_names (store, error)) == NULL ||
      (deadlines = acq_deadline_list_caseload (store, today, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AcqDeadline *deadline = g_ptr_array_index (deadlines, i);
      const char *name = g_hash_table_lookup (names, deadline->candidate_uuid);
      g_autofree char *uid_key = NULL;
      g_autofree char *summary = NULL;
      g_autoptr (GDateTime) day = NULL;
      AcqCalendarEvent event = { 0 };

      if (name == NULL || deadline->kind == ACQ_DEADLINE_SESSION ||
          deadline->kind == ACQ_DEADLINE_OVER_PLAN ||
          (candidate_uuid != NULL && g_strcmp0 (deadline->candidate_uuid, candidate_uuid) != 0))
        continue;
      uid_key = g_strdup_printf ("deadline-%s-%s%s%s", deadline->candidate_uuid,
                                 acq_deadline_get_nick (deadline),
                                 deadline->event_uuid != NULL ? "-" : "",
                                 deadline->event_uuid != NULL ? deadline->event_uuid : "");
      /* TRANSLATORS: a deadline in a calendar: what, then who */
      summary = g_strdup_printf (_("%s — %s"), acq_today_deadline_title (deadline), name);
      day = g_date_time_new_local (g_date_get_year (&deadline->due),
                                   g_date_get_month (&deadline->due),
                                   g_date_get_day (&deadline->due), 0, 0, 0);
      event.uid_key = uid_key;
      event.start = day;
      event.all_day = TRUE;
      event.summary = summary;
      event.description = deadline->text;
      event.category = _("Deadline");
      if (!acq_calendar_add_event (self, &event, error))
        return FALSE;
    }
  return TRUE;
}

/* The file -------------------------------------------------------------------------------- */

/**
 * acq_calendar_to_string:
 * @self: a calendar
 * @stamp: (nullable): the DTSTAMP of every event (when the file was made); %NULL for now
 *
 * Returns: (transfer full): the iCalendar text, CRLF line ends, folded
 */
char *
acq_calendar_to_string (AcqCalendar *self, GDateTime *stamp)
{
  g_autoptr (GDateTime) now = stamp ? g_date_time_to_utc (stamp) : g_date_time_new_now_utc ();
  g_autofree char *dtstamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_string_append (out, "BEGIN:VCALENDAR\r\n"
                        "VERSION:2.0\r\n"
                        "PRODID:-//Acquis//Acquis " PACKAGE_VERSION "//EN\r\n"
                        "CALSCALE:GREGORIAN\r\n"
                        "METHOD:PUBLISH\r\n");
  g_string_append (out, vtimezone);
  for (guint i = 0; i < self->events->len; i++)
    {
      const Event *event = g_ptr_array_index (self->events, i);
      g_autofree char *uid = g_strconcat ("UID:", event->uid, NULL);
      g_autofree char *stamp_line = g_strconcat ("DTSTAMP:", dtstamp, NULL);

      g_string_append (out, "BEGIN:VEVENT\r\n");
      append_line (out, uid);
      append_line (out, stamp_line);
      append_time (out, "DTSTART", event->start, event->all_day);
      append_time (out, "DTEND", event->end, event->all_day);
      append_text (out, "SUMMARY", event->summary);
      append_text (out, "DESCRIPTION", event->description);
      append_text (out, "LOCATION", event->location);
      append_text (out, "CATEGORIES", event->category);
      g_string_append (out, "END:VEVENT\r\n");
    }
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

static gboolean
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, ACQ_CALENDAR_ERROR, ACQ_CALENDAR_ERROR_WRITE,
               _("The calendar could not be written to “%s”: %s. Check that you may write in "
                 "this folder and that the disk is not full."),
               name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * acq_calendar_write:
 * @self: a calendar
 * @path: the .ics file to write
 * @error: where to put an error
 *
 * Writes the calendar, readable by the user only, whole or not at all (acq-output-file.c).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_calendar_write (AcqCalendar *self, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);
  text = acq_calendar_to_string (self, NULL);
  if ((fd = acq_output_file_open (path, &tmp)) < 0)
    return set_write_error (error, path, errno);
  if (!acq_output_file_write_all (fd, text, strlen (text)))
    {
      int saved_errno = errno;
      acq_output_file_abandon (fd, tmp);
      return set_write_error (error, path, saved_errno);
    }
  if (!acq_output_file_commit (fd, tmp, path))
    return set_write_error (error, path, errno);
  return TRUE;
}

/* The export from the window ------------------------------------------------------------- */

typedef struct
{
  char *candidate_uuid;
  char *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->candidate_uuid);
  g_free (job->path);
  g_free (job);
}

/* Returns the number of events written, or -1. */
static gssize
export_job (AcqStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  ExportJob *job = data;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();
  GDate today;

  acq_today_get_local_date (&today);
  if (!acq_calendar_add_sessions (calendar, store, job->candidate_uuid, error) ||
      !acq_calendar_add_deadlines (calendar, store, job->candidate_uuid, &today, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !acq_calendar_write (calendar, job->path, error))
    return -1;
  return acq_calendar_get_n_events (calendar);
}

/**
 * acq_calendar_export_async:
 * @store: the store; the sessions are read on a connection of its own, in a worker thread
 * @candidate_uuid: (nullable): whose sessions; %NULL for the whole caseload
 * @path: the .ics file to write
 * @cancellable: (nullable): to give up
 * @callback: called in the caller's thread-default main context once written or failed
 * @user_data: given to @callback
 *
 * Does what acq_calendar_add_sessions(), acq_calendar_add_deadlines() then acq_calendar_write()
 * do, away from the window:
 * the file the user chose may be on a slow disk or a network folder.
 */
void
acq_calendar_export_async (AcqStore *store, const char *candidate_uuid, const char *path,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  ExportJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->candidate_uuid = g_strdup (candidate_uuid);
  job->path = g_strdup (path);
  acq_store_run_job_async (store, export_job, job, export_job_free, acq_calendar_export_async,
                           cancellable, callback, user_data);
}

/**
 * acq_calendar_export_finish:
 * @store: the store given to acq_calendar_export_async()
 * @result: what the callback was given
 * @out_n_events: (out) (optional): how many events the file holds
 * @error: where to put what acq_calendar_write() would have
 *
 * Returns: %TRUE if written
 */
gboolean
acq_calendar_export_finish (AcqStore *store, GAsyncResult *result, guint *out_n_events,
                            GError **error)
{
  gssize n = acq_store_run_job_finish (store, result, acq_calendar_export_async, error);

  if (n < 0)
    return FALSE;
  if (out_n_events != NULL)
    *out_n_events = (guint) n;
  return TRUE;
}
