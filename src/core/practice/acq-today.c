/* acq-today.c — what the accompagnatrice (or the candidate) has to do today, gathered at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today view and the sidebar read one AcqToday, gathered on a worker with its own store
 * connection: the caseload's deadlines (acq_deadline_list_caseload()) and the complaints
 * waiting for their answer (acq-complaint.c, the coach's), then four short queries
 * (the names, the sessions of the day or the next ones, the sheets waiting for a review, the
 * open comments), each read once for the whole caseload. Nothing here knows of widgets: a test
 * reads the same struct the view shows.
 */
#define G_LOG_DOMAIN "acq-today"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate.h"
#include "acq-complaint.h"
#include "acq-parcours-private.h"
#include "acq-session.h"
#include "acq-sheet.h"
#include "acq-sql-private.h"
#include "acq-text.h"
#include "acq-today.h"

/* Candidates in the caseload, as acq_deadline_list_caseload() counts them. */
static const char sql_names[] =
  "SELECT uuid, first_name, last_name FROM candidate WHERE deleted_at IS NULL AND archived = 0";

/* The sessions of one day (the coach's), or the next ones not held yet (the candidate's). */
#define SESSION_COLUMNS "s.uuid, s.candidate_uuid, s.date, s.start_time, s.end_time, s.kind"
#define SESSION_FROM                                                                           \
  " FROM session s JOIN candidate k ON k.uuid = s.candidate_uuid"                              \
  " WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL AND k.archived = 0"
static const char sql_sessions_of_day[] =
  "SELECT " SESSION_COLUMNS SESSION_FROM " AND s.date = ?1 ORDER BY s.start_time, s.uuid";
static const char sql_sessions_next[] =
  "SELECT " SESSION_COLUMNS SESSION_FROM " AND s.held = 0 AND s.date >= ?1"
  " ORDER BY s.candidate_uuid, s.date, s.start_time";

/* Sheets waiting for a review (the partial index sheet_waiting_review), with the day of the
 * last request; a sheet whose request left no version (an old store) counts as the oldest. */
static const char sql_to_review[] =
  "SELECT s.uuid, s.candidate_uuid, s.title,"
  " (SELECT max (v.created_at) FROM sheet_version v WHERE v.sheet_uuid = s.uuid AND v.kind = 0)"
  " AS asked"
  " FROM sheet s JOIN candidate k ON k.uuid = s.candidate_uuid"
  " WHERE s.review_state = 1 AND s.deleted_at IS NULL AND k.deleted_at IS NULL"
  " AND k.archived = 0 ORDER BY asked, s.uuid";

/* Open comment threads, one row per sheet, the sheet with the oldest open thread first. */
static const char sql_comments[] =
  "SELECT s.uuid, s.candidate_uuid, s.title, count (*), min (c.created_at) AS oldest"
  " FROM comment c JOIN sheet s ON s.uuid = c.sheet_uuid"
  " JOIN candidate k ON k.uuid = s.candidate_uuid"
  " WHERE c.parent_uuid IS NULL AND c.resolved = 0 AND s.deleted_at IS NULL"
  " AND k.deleted_at IS NULL AND k.archived = 0 GROUP BY s.uuid ORDER BY oldest, s.uuid";

static void
acq_today_item_free (AcqTodayItem *item)
{
  g_free (item->candidate_uuid);
  g_free (item->candidate_name);
  g_free (item->title);
  g_free (item->start_time);
  g_free (item->end_time);
  g_free (item->sheet_uuid);
  g_free (item->session_uuid);
  g_clear_pointer (&item->deadline, acq_deadline_free);
  g_free (item);
}

static AcqTodayItem *
add_item (AcqToday *self, GHashTable *names, AcqTodaySection section, const char *candidate_uuid,
          const char *title)
{
  AcqTodayItem *item = g_new0 (AcqTodayItem, 1);
  const char *name = g_hash_table_lookup (names, candidate_uuid);

  item->section = section;
  item->candidate_uuid = g_strdup (candidate_uuid);
  item->candidate_name = name ? g_strdup (name) : acq_candidate_format_name (NULL, NULL);
  item->title = g_strdup (title);
  g_date_clear (&item->date, 1);
  g_ptr_array_add (self->sections[section], item);
  return item;
}

static GHashTable *
read_names (AcqStore *store, GError **error)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (store, sql_names, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, _acq_sql_column_dup (stmt, 0),
                         acq_candidate_format_name (_acq_sql_column_text (stmt, 1),
                                                    _acq_sql_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_names);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* Which section a deadline goes to, or ACQ_N_TODAY_SECTIONS for none. */
static AcqTodaySection
deadline_section (const AcqDeadline *deadline, AcqRole role, const GDate *today)
{
  if (role == ACQ_ROLE_CANDIDATE)
    {
      /* the coach's own duties, and the sessions the next-session section already shows */
      if (deadline->kind == ACQ_DEADLINE_FIRST_REPLY || deadline->kind == ACQ_DEADLINE_START ||
          deadline->kind == ACQ_DEADLINE_OVER_PLAN || deadline->kind == ACQ_DEADLINE_SESSION)
        return ACQ_N_TODAY_SECTIONS;
      switch (deadline->severity)
        {
        case ACQ_DEADLINE_OVERDUE: return ACQ_TODAY_OVERDUE;
        case ACQ_DEADLINE_THIS_WEEK: return ACQ_TODAY_THIS_WEEK;
        case ACQ_DEADLINE_LATER: return ACQ_TODAY_LATER;
        default: return ACQ_N_TODAY_SECTIONS;
        }
    }
  if (deadline->kind == ACQ_DEADLINE_OVER_PLAN)
    return ACQ_TODAY_OVER_PLAN;
  if ((deadline->kind == ACQ_DEADLINE_INACTIVITY || deadline->kind == ACQ_DEADLINE_ABANDONMENT) &&
      deadline->severity == ACQ_DEADLINE_OVERDUE)
    return ACQ_TODAY_INACTIVE;
  /* today's sessions have a section of their own, with their times */
  if (deadline->kind == ACQ_DEADLINE_SESSION && g_date_compare (&deadline->due, today) == 0)
    return ACQ_N_TODAY_SECTIONS;
  switch (deadline->severity)
    {
    case ACQ_DEADLINE_OVERDUE: return ACQ_TODAY_OVERDUE;
    case ACQ_DEADLINE_THIS_WEEK: return ACQ_TODAY_THIS_WEEK;
    default: return ACQ_N_TODAY_SECTIONS;
    }
}

/* The deadlines are moved, not copied, into the items and the sidebar's table: tens of
 * thousands in a large caseload. */
static gboolean
gather_deadlines (AcqToday *self, AcqStore *store, GHashTable *names, GError **error)
{
  g_autoptr (GPtrArray) deadlines = acq_deadline_list_caseload (store, &self->today, error);

  if (deadlines == NULL)
    return FALSE;
  g_ptr_array_set_free_func (deadlines, NULL);
  for (guint i = 0; i < deadlines->len; i++)
    {
      AcqDeadline *deadline = g_ptr_array_index (deadlines, i);
      AcqTodaySection section = deadline_section (deadline, self->role, &self->today);
      gboolean first = !g_hash_table_contains (self->next_deadlines, deadline->candidate_uuid);

      /* sorted by due date: the first one met is the candidate's next */
      if (section != ACQ_N_TODAY_SECTIONS)
        {
          AcqTodayItem *item = add_item (self, names, section, deadline->candidate_uuid,
                                         acq_today_deadline_title (deadline));
          item->date = deadline->due;
          item->deadline = first ? acq_deadline_copy (deadline) : deadline;
          if (!first)
            continue;
        }
      if (first)
        g_hash_table_insert (self->next_deadlines, g_strdup (deadline->candidate_uuid),
                             deadline);
      else
        acq_deadline_free (deadline);
    }
  return TRUE;
}

static int
compare_items_by_date (gconstpointer a, gconstpointer b)
{
  const AcqTodayItem *x = *(AcqTodayItem *const *) a;
  const AcqTodayItem *y = *(AcqTodayItem *const *) b;

  return g_date_compare (&x->date, &y->date);
}

/* The complaints waiting for their answer (the coach's only): overdue ones with the other
 * overdue deadlines, the others in a section of their own whatever their day, since an
 * answer is owed from the day a complaint comes in. */
static gboolean
gather_complaints (AcqToday *self, AcqStore *store, GHashTable *names, GError **error)
{
  g_autoptr (GPtrArray) complaints = acq_complaint_list (store, 0, error);
  g_autoptr (GPtrArray) deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_deadline_free);

  if (complaints == NULL)
    return FALSE;
  for (guint i = 0; i < complaints->len; i++)
    {
      const AcqComplaint *complaint = g_ptr_array_index (complaints, i);
      const char *name = complaint->candidate_uuid != NULL
                         ? g_hash_table_lookup (names, complaint->candidate_uuid) : NULL;
      AcqDeadline *deadline;
      AcqTodayItem *item;

      if (!acq_deadline_compute_complaint (complaint->uuid, complaint->candidate_uuid,
                                           complaint->received_on,
                                           complaint->status == ACQ_COMPLAINT_OPEN,
                                           &self->today, deadlines))
        continue;
      deadline = g_ptr_array_steal_index (deadlines, deadlines->len - 1);
      item = g_new0 (AcqTodayItem, 1);
      item->section = deadline->severity == ACQ_DEADLINE_OVERDUE ? ACQ_TODAY_OVERDUE
                                                                 : ACQ_TODAY_COMPLAINTS;
      item->candidate_uuid = g_strdup (complaint->candidate_uuid);
      if (!acq_text_is_blank (complaint->from_whom))
        /* TRANSLATORS: a row of Today: who made a complaint */
        item->candidate_name = g_strdup_printf (_("Complaint from %s"), complaint->from_whom);
      else if (name != NULL)
        item->candidate_name = g_strdup_printf (_("Complaint from %s"), name);
      else
        item->candidate_name = g_strdup (_("Complaint"));
      item->title = g_strdup_printf (_("Answer “%s”"), complaint->subject);
      item->date = deadline->due;
      item->deadline = deadline;
      g_ptr_array_add (self->sections[item->section], item);
    }
  /* the overdue section is in the order of the days */
  g_ptr_array_sort (self->sections[ACQ_TODAY_OVERDUE], compare_items_by_date);
  return TRUE;
}

static gboolean
gather_sessions (AcqToday *self, AcqStore *store, GHashTable *names, GError **error)
{
  gboolean coach = self->role == ACQ_ROLE_COACH;
  const char *sql = coach ? sql_sessions_of_day : sql_sessions_next;
  g_autofree char *day = _acq_parcours_format_date (&self->today);
  g_autofree char *previous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (store, sql, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *candidate_uuid = _acq_sql_column_text (stmt, 1);
      int kind = sqlite3_column_int (stmt, 5);
      AcqTodayItem *item;

      /* the candidate's: only the next one of each */
      if (!coach && g_strcmp0 (previous, candidate_uuid) == 0)
        continue;
      g_free (previous);
      previous = g_strdup (candidate_uuid);
      item = add_item (self, names, coach ? ACQ_TODAY_SESSIONS : ACQ_TODAY_NEXT_SESSION,
                       candidate_uuid,
                       acq_session_kind_label (CLAMP (kind, 0, ACQ_N_SESSION_KINDS - 1)));
      item->session_uuid = _acq_sql_column_dup (stmt, 0);
      _acq_parcours_parse_date (_acq_sql_column_text (stmt, 2), &item->date);
      item->start_time = _acq_sql_column_dup (stmt, 3);
      item->end_time = _acq_sql_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql);
      return FALSE;
    }
  return TRUE;
}

/* The sheets to review (@count_column < 0) or with open comments, one item per sheet. */
static gboolean
gather_sheets (AcqToday *self, AcqStore *store, GHashTable *names, AcqTodaySection section,
               const char *sql, int count_column, int date_column, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (store, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *title = acq_sheet_format_title (_acq_sql_column_text (stmt, 2));
      AcqTodayItem *item = add_item (self, names, section, _acq_sql_column_text (stmt, 1), title);

      item->sheet_uuid = _acq_sql_column_dup (stmt, 0);
      item->count = count_column >= 0 ? (guint) sqlite3_column_int (stmt, count_column) : 0;
      acq_text_local_day (_acq_sql_column_text (stmt, date_column), &item->date);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql);
      return FALSE;
    }
  return TRUE;
}

static AcqToday *
gather (AcqStore *store, const GDate *today, AcqRole role, gboolean deadlines, GError **error)
{
  g_autoptr (AcqToday) self = g_new0 (AcqToday, 1);
  g_autoptr (GHashTable) names = NULL;
  gboolean coach = role == ACQ_ROLE_COACH;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self->today = *today;
  self->role = role;
  self->complete = deadlines;
  for (guint i = 0; i < ACQ_N_TODAY_SECTIONS; i++)
    self->sections[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_today_item_free);
  self->next_deadlines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) acq_deadline_free);
  if ((names = read_names (store, error)) == NULL ||
      (deadlines && !gather_deadlines (self, store, names, error)) ||
      (deadlines && coach && !gather_complaints (self, store, names, error)) ||
      !gather_sessions (self, store, names, error) ||
      (coach && !gather_sheets (self, store, names, ACQ_TODAY_TO_REVIEW, sql_to_review, -1, 3,
                                error)) ||
      !gather_sheets (self, store, names, ACQ_TODAY_COMMENTS, sql_comments, 3, 4, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * acq_today_gather:
 * @store: the store (on a worker: a connection of its own)
 * @today: the day it is
 * @role: the accompagnatrice, who sees the caseload, or the candidate, who sees her own
 * @error: where to put an error
 *
 * Everything the Today view shows for @today, and each candidate's next deadline for the
 * sidebar. Reads the store only; slow on a large caseload (the deadlines of 5,000 candidates
 * with 20 sessions each take a few hundred milliseconds): call it on a worker.
 *
 * Returns: (transfer full): what is due, or %NULL on error
 */
AcqToday *
acq_today_gather (AcqStore *store, const GDate *today, AcqRole role, GError **error)
{
  return gather (store, today, role, TRUE, error);
}

/**
 * acq_today_gather_quick:
 * @store: the store
 * @today: the day it is
 * @role: for whom
 * @error: where to put an error
 *
 * What acq_today_gather() gives but the deadlines: the sessions, the sheets to review and the
 * open comments, a few indexed queries (tens of milliseconds for 5,000 candidates), for the
 * view to show while the deadlines are computed. #AcqToday.complete is %FALSE.
 *
 * Returns: (transfer full): what is due but the deadlines, or %NULL on error
 */
AcqToday *
acq_today_gather_quick (AcqStore *store, const GDate *today, AcqRole role, GError **error)
{
  return gather (store, today, role, FALSE, error);
}

/**
 * acq_today_free:
 * @self: (nullable): what acq_today_gather() gave
 */
void
acq_today_free (AcqToday *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < ACQ_N_TODAY_SECTIONS; i++)
    g_clear_pointer (&self->sections[i], g_ptr_array_unref);
  g_clear_pointer (&self->next_deadlines, g_hash_table_unref);
  g_free (self);
}

/**
 * acq_today_add:
 * @self: what is due
 * @section: where it shows
 * @candidate_uuid: whose
 * @candidate_name: their name, as the sidebar says it
 * @title: what, one short translated phrase
 * @date: (nullable): when
 *
 * Adds a row that a folder above this one computes (the candidates past their retention
 * period, privacy/acq-retention.c) at the end of @section.
 *
 * Returns: (transfer none): the item, owned by @self, for the caller to fill further
 */
AcqTodayItem *
acq_today_add (AcqToday *self, AcqTodaySection section, const char *candidate_uuid,
               const char *candidate_name, const char *title, const GDate *date)
{
  AcqTodayItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section < ACQ_N_TODAY_SECTIONS, NULL);
  item = g_new0 (AcqTodayItem, 1);
  item->section = section;
  item->candidate_uuid = g_strdup (candidate_uuid);
  item->candidate_name = g_strdup (candidate_name);
  item->title = g_strdup (title);
  if (date != NULL && g_date_valid (date))
    item->date = *date;
  else
    g_date_clear (&item->date, 1);
  g_ptr_array_add (self->sections[section], item);
  return item;
}

/**
 * acq_today_count:
 * @self: what is due
 *
 * Returns: how many items all the sections hold: 0 when nothing is due
 */
guint
acq_today_count (const AcqToday *self)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < ACQ_N_TODAY_SECTIONS; i++)
    count += self->sections[i]->len;
  return count;
}

/**
 * acq_today_became_due:
 * @self: what is due
 * @since: (nullable): the last day the user was told, or %NULL (or an invalid date) if never
 *
 * For the daily notification: the deadlines that fell due after @since, up to today included
 * (only those due today when the user was never told, not the whole backlog).
 *
 * Returns: (transfer container) (element-type AcqTodayItem): the items, borrowed from @self,
 *   overdue ones first
 */
GPtrArray *
acq_today_became_due (const AcqToday *self, const GDate *since)
{
  GPtrArray *items = g_ptr_array_new ();
  gboolean told = since != NULL && g_date_valid (since);

  g_return_val_if_fail (self != NULL, items);
  for (guint s = 0; s < ACQ_N_TODAY_SECTIONS; s++)
    for (guint i = 0; i < self->sections[s]->len; i++)
      {
        AcqTodayItem *item = g_ptr_array_index (self->sections[s], i);

        if (item->deadline == NULL || g_date_compare (&item->date, &self->today) > 0)
          continue;
        if (told ? g_date_compare (&item->date, since) > 0
                 : g_date_compare (&item->date, &self->today) == 0)
          g_ptr_array_add (items, item);
      }
  return items;
}

/**
 * acq_today_deadline_title:
 * @deadline: a deadline
 *
 * Returns: what it is about in a few words, translated (a static string)
 */
const char *
acq_today_deadline_title (const AcqDeadline *deadline)
{
  g_return_val_if_fail (deadline != NULL, "");
  switch (deadline->kind)
    {
    case ACQ_DEADLINE_ADMISSIBILITY_ANSWER: return _("Recevabilité answer");
    case ACQ_DEADLINE_FIRST_REPLY: return _("Reply to the request");
    case ACQ_DEADLINE_START: return _("Start of the accompaniment");
    case ACQ_DEADLINE_INACTIVITY: return _("Inactive for France VAE");
    case ACQ_DEADLINE_ABANDONMENT: return _("Abandoned for France VAE");
    case ACQ_DEADLINE_PLANNED_EVENT: return acq_parcours_kind_label (deadline->event_kind);
    case ACQ_DEADLINE_SESSION: return _("Planned session");
    case ACQ_DEADLINE_OVER_PLAN: return _("Over planned hours");
    case ACQ_DEADLINE_COMPLAINT_ANSWER: return _("Answer the complaint");
    case ACQ_N_DEADLINE_KINDS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_today_dup_deadline_short:
 * @deadline: a deadline
 *
 * Returns: (transfer full): the deadline in a few words, for the sidebar: "Recevabilité
 *   answer due 12 Jan", "Jury on 3 Feb", "Over planned hours"
 */
char *
acq_today_dup_deadline_short (const AcqDeadline *deadline)
{
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (deadline != NULL && g_date_valid (&deadline->due), NULL);
  when = g_date_time_new_local (g_date_get_year (&deadline->due),
                                g_date_get_month (&deadline->due),
                                g_date_get_day (&deadline->due), 12, 0, 0);
  day = g_date_time_format (when, "%-d %b");
  switch (deadline->kind)
    {
    case ACQ_DEADLINE_OVER_PLAN:
      return g_strdup (acq_today_deadline_title (deadline));
    case ACQ_DEADLINE_SESSION:
    case ACQ_DEADLINE_PLANNED_EVENT:
      /* TRANSLATORS: a planned event in the sidebar: what, then the day, e.g. "Jury on
       * 12 Jan" */
      return g_strdup_printf (_("%s on %s"), acq_today_deadline_title (deadline), day);
    default:
      /* TRANSLATORS: a deadline in the sidebar: what, then the day, e.g. "Recevabilité
       * answer due 12 Jan" */
      return g_strdup_printf (_("%s due %s"), acq_today_deadline_title (deadline), day);
    }
}

/**
 * acq_today_format_due:
 * @due: the day something is due
 * @today: the day it is
 *
 * Returns: (transfer full): "due today", "tomorrow", "in 3 days", "2 days overdue"
 */
char *
acq_today_format_due (const GDate *due, const GDate *today)
{
  int days;

  g_return_val_if_fail (g_date_valid (due) && g_date_valid (today), NULL);
  days = g_date_days_between (today, due);
  if (days == 0)
    return g_strdup (_("due today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                       -days), -days);
}

/**
 * acq_today_format_since:
 * @day: the day something happened
 * @today: the day it is
 *
 * Returns: (transfer full): "today", "yesterday", "5 days ago"
 */
char *
acq_today_format_since (const GDate *day, const GDate *today)
{
  int days;

  g_return_val_if_fail (g_date_valid (today), NULL);
  if (!g_date_valid (day))
    return g_strdup (_("some time ago"));
  days = g_date_days_between (day, today);
  if (days <= 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("yesterday"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

/**
 * acq_today_get_local_date:
 * @out: (out): where to put the day it is, on this computer's clock
 */
void
acq_today_get_local_date (GDate *out)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
