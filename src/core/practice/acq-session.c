/* acq-session.c — the livret de suivi: a candidate's sessions, their objectives, and the hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is a plain record read and written whole, as the livret's editor shows one at a
 * time: the list of a candidate's sessions is a few dozen rows, read in one statement. A
 * session's date and times are the wall clock of Europe/Paris (the offer's sessions are held
 * in France, in person or by visio), kept as text so that a change of the machine's time zone
 * never moves them. A length outside the advised 1 to 3 hours is a warning, not a refusal:
 * a collective session or a long mock oral happens. Deleting marks the session, so that the
 * undo toast can bring it back; acq_session_purge_stale() erases it at the next start, as
 * sheets and candidates are.
 *
 * The hours are in acq-session-hours.c.
 */
#define G_LOG_DOMAIN "acq-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-parcours-private.h"
#include "acq-session-private.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define TEXT_MAX_CHARS 20000
#define PLACE_MAX_CHARS 500
#define OBJECTIVE_MAX_CHARS 2000

G_DEFINE_QUARK (acq-session-error-quark, acq_session_error)
G_DEFINE_BOXED_TYPE (AcqSession, acq_session, acq_session_copy, acq_session_free)

/* One statement for one candidate and one for all: "?1 IS NULL OR candidate_uuid = ?1"
 * would keep sqlite from using the index. */
#define SESSION_COLUMNS \
  "SELECT uuid, candidate_uuid, date, start_time, end_time, mode, place, kind, held," \
  " points_worked, difficulties, personal_work, created_at, updated_at FROM session"
static const char sql_select[] =
  SESSION_COLUMNS " WHERE candidate_uuid = ?1 AND deleted_at IS NULL"
  " ORDER BY date, start_time, uuid";
static const char sql_select_all[] =
  SESSION_COLUMNS " WHERE deleted_at IS NULL ORDER BY date, start_time, uuid";
static const char sql_select_one[] =
  "SELECT uuid, candidate_uuid, date, start_time, end_time, mode, place, kind, held,"
  " points_worked, difficulties, personal_work, created_at, updated_at FROM session"
  " WHERE deleted_at IS NULL AND uuid = ?1";
static const char sql_objectives[] =
  "SELECT session_uuid, uuid, text, outcome FROM session_objective"
  " WHERE candidate_uuid = ?1 ORDER BY session_uuid, position";
static const char sql_objectives_all[] =
  "SELECT session_uuid, uuid, text, outcome FROM session_objective"
  " ORDER BY session_uuid, position";
static const char sql_upsert[] =
  "INSERT INTO session (uuid, candidate_uuid, date, start_time, end_time, mode, place, kind,"
  " held, points_worked, difficulties, personal_work, created_at, updated_at) VALUES (?1, ?2,"
  " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13) ON CONFLICT (uuid) DO UPDATE SET"
  " date = excluded.date, start_time = excluded.start_time, end_time = excluded.end_time,"
  " mode = excluded.mode, place = excluded.place, kind = excluded.kind, held = excluded.held,"
  " points_worked = excluded.points_worked, difficulties = excluded.difficulties,"
  " personal_work = excluded.personal_work, updated_at = excluded.updated_at"
  " WHERE session.candidate_uuid = excluded.candidate_uuid";
static const char sql_objective_upsert[] =
  "INSERT INTO session_objective (uuid, candidate_uuid, session_uuid, position, text, outcome,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT (uuid) DO"
  " UPDATE SET position = excluded.position, text = excluded.text, outcome = excluded.outcome,"
  " updated_at = excluded.updated_at WHERE text IS NOT excluded.text OR outcome IS NOT"
  " excluded.outcome OR position IS NOT excluded.position";
/* The objectives the session no longer has: those not in the JSON array ?2 of uuids. */
static const char sql_objective_prune[] =
  "DELETE FROM session_objective WHERE session_uuid = ?1 AND uuid NOT IN"
  " (SELECT value FROM json_each (?2))";
static const char sql_candidate_exists[] =
  "SELECT 1 FROM candidate WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_mark_deleted[] =
  "UPDATE session SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_unmark_deleted[] =
  "UPDATE session SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge_stale[] =
  "DELETE FROM session WHERE deleted_at IS NOT NULL AND deleted_at < ?1";

/* Labels ---------------------------------------------------------------------------------- */

const char *
acq_session_mode_label (AcqSessionMode mode)
{
  switch (mode)
    {
    case ACQ_SESSION_MODE_VISIO: return _("Video call");
    case ACQ_SESSION_MODE_IN_PERSON: return _("In person");
    case ACQ_N_SESSION_MODES: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_session_kind_label (AcqSessionKind kind)
{
  switch (kind)
    {
    case ACQ_SESSION_KIND_FEASIBILITY: return _("Feasibility interview");
    case ACQ_SESSION_KIND_ACCOMPANIMENT: return _("Accompaniment session");
    case ACQ_SESSION_KIND_MOCK_JURY: return _("Mock oral");
    case ACQ_SESSION_KIND_POST_JURY: return _("Post-jury interview");
    case ACQ_SESSION_KIND_COLLECTIVE: return _("Group session");
    case ACQ_N_SESSION_KINDS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_objective_outcome_label (AcqObjectiveOutcome outcome)
{
  switch (outcome)
    {
    case ACQ_OBJECTIVE_NOT_ASSESSED: return _("Not yet assessed");
    case ACQ_OBJECTIVE_REACHED: return _("Reached");
    case ACQ_OBJECTIVE_PARTLY: return _("Partly reached");
    case ACQ_OBJECTIVE_NOT_REACHED: return _("Not reached");
    case ACQ_N_OBJECTIVE_OUTCOMES: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/* The record ------------------------------------------------------------------------------ */

static void
objective_free (AcqSessionObjective *objective)
{
  g_free (objective->uuid);
  g_free (objective->text);
  g_free (objective);
}

static AcqSessionObjective *
objective_new (const char *uuid, const char *text, AcqObjectiveOutcome outcome)
{
  AcqSessionObjective *objective = g_new0 (AcqSessionObjective, 1);

  objective->uuid = uuid ? g_strdup (uuid) : acq_store_new_uuid ();
  objective->text = g_strdup (text ? text : "");
  objective->outcome = outcome;
  return objective;
}

static AcqSession *
session_alloc (void)
{
  AcqSession *self = g_new0 (AcqSession, 1);

  self->objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) objective_free);
  return self;
}

/**
 * acq_session_new:
 * @candidate_uuid: whose session
 * @date: its day, YYYY-MM-DD
 * @start_time: HH:MM, Europe/Paris
 * @end_time: HH:MM, Europe/Paris
 * @kind: what session
 *
 * A new planned session by video call, with a new uuid, not yet stored.
 *
 * Returns: (transfer full): the session
 */
AcqSession *
acq_session_new (const char *candidate_uuid, const char *date, const char *start_time,
                 const char *end_time, AcqSessionKind kind)
{
  AcqSession *self = session_alloc ();

  self->uuid = acq_store_new_uuid ();
  self->candidate_uuid = g_strdup (candidate_uuid);
  self->date = g_strdup (date);
  self->start_time = g_strdup (start_time);
  self->end_time = g_strdup (end_time);
  self->kind = kind;
  self->place = g_strdup ("");
  self->points_worked = g_strdup ("");
  self->difficulties = g_strdup ("");
  self->personal_work = g_strdup ("");
  return self;
}

AcqSession *
acq_session_copy (const AcqSession *self)
{
  AcqSession *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = session_alloc ();
  copy->uuid = g_strdup (self->uuid);
  copy->candidate_uuid = g_strdup (self->candidate_uuid);
  copy->date = g_strdup (self->date);
  copy->start_time = g_strdup (self->start_time);
  copy->end_time = g_strdup (self->end_time);
  copy->mode = self->mode;
  copy->place = g_strdup (self->place);
  copy->kind = self->kind;
  copy->held = self->held;
  for (guint i = 0; i < self->objectives->len; i++)
    {
      const AcqSessionObjective *o = g_ptr_array_index (self->objectives, i);
      g_ptr_array_add (copy->objectives, objective_new (o->uuid, o->text, o->outcome));
    }
  copy->points_worked = g_strdup (self->points_worked);
  copy->difficulties = g_strdup (self->difficulties);
  copy->personal_work = g_strdup (self->personal_work);
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  return copy;
}

void
acq_session_free (AcqSession *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->candidate_uuid);
  g_free (self->date);
  g_free (self->start_time);
  g_free (self->end_time);
  g_free (self->place);
  g_ptr_array_unref (self->objectives);
  g_free (self->points_worked);
  g_free (self->difficulties);
  g_free (self->personal_work);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self);
}

/**
 * acq_session_set_text:
 * @field: a text field of a session (`&session->place`, `&session->points_worked`…)
 * @value: (nullable): the new text; %NULL is the empty text
 *
 * Replaces one text of a session, so that the UI need not know who frees what.
 */
void
acq_session_set_text (char **field, const char *value)
{
  g_return_if_fail (field != NULL);
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

/**
 * acq_session_add_objective:
 * @self: a session
 * @text: what the candidate is to reach
 * @outcome: how far it was reached
 *
 * Returns: (transfer none): the objective, last of the session's
 */
AcqSessionObjective *
acq_session_add_objective (AcqSession *self, const char *text, AcqObjectiveOutcome outcome)
{
  AcqSessionObjective *objective;

  g_return_val_if_fail (self != NULL, NULL);
  objective = objective_new (NULL, text, outcome);
  g_ptr_array_add (self->objectives, objective);
  return objective;
}

/* Times ----------------------------------------------------------------------------------- */

/**
 * acq_session_get_time_zone:
 *
 * Europe/Paris, where the sessions' wall clock is read (UTC if the system has no zone data).
 *
 * Returns: (transfer none): the zone
 */
GTimeZone *
acq_session_get_time_zone (void)
{
  static gsize zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *found = g_time_zone_new_identifier ("Europe/Paris");
      g_once_init_leave (&zone, (gsize) (found ? found : g_time_zone_new_utc ()));
    }
  return (GTimeZone *) zone;
}

/* By hand, not with a GRegex: the caseload's hours parse every session's times. */
static gboolean
digits (const char *text, guint from, guint n)
{
  for (guint i = from; i < from + n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
_acq_session_parse_time (const char *text, int *out_minutes)
{
  if (text == NULL || strlen (text) != 5 || !digits (text, 0, 2) || text[2] != ':' ||
      !digits (text, 3, 2))
    return FALSE;
  *out_minutes = (text[0] - '0') * 600 + (text[1] - '0') * 60 + (text[3] - '0') * 10 +
                 (text[4] - '0');
  return *out_minutes < 24 * 60 && text[3] <= '5';
}

/* A session's date is typed by a person: exactly "YYYY-MM-DD", read as the parcours reads its
 * dates. */
static GDate *
parse_date (const char *text)
{
  GDate date;

  if (text == NULL || strlen (text) != 10 || !_acq_parcours_parse_date (text, &date))
    return NULL;
  return g_date_copy (&date);
}

static GDateTime *
dup_time (const AcqSession *self, const char *time)
{
  g_autoptr (GDate) date = parse_date (self->date);
  int minutes;

  if (date == NULL || !_acq_session_parse_time (time, &minutes))
    return NULL;
  return g_date_time_new (acq_session_get_time_zone (), g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), minutes / 60, minutes % 60, 0);
}

/**
 * acq_session_dup_start:
 * @self: a session
 *
 * Returns: (transfer full) (nullable): when it starts, in Europe/Paris; %NULL if its date or
 *   time is not valid
 */
GDateTime *
acq_session_dup_start (const AcqSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dup_time (self, self->start_time);
}

GDateTime *
acq_session_dup_end (const AcqSession *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return dup_time (self, self->end_time);
}

/**
 * acq_session_get_minutes:
 * @self: a session
 *
 * Returns: its length as the clock reads it (a night's change of hour does not fall in a
 *   working day), 0 if its times are not valid
 */
guint
acq_session_get_minutes (const AcqSession *self)
{
  int start, end;

  g_return_val_if_fail (self != NULL, 0);
  if (!_acq_session_parse_time (self->start_time, &start) || !_acq_session_parse_time (self->end_time, &end) ||
      end <= start)
    return 0;
  return end - start;
}

int
acq_session_compare (const AcqSession *a, const AcqSession *b)
{
  int c = g_strcmp0 (a->date, b->date);

  if (c == 0)
    c = g_strcmp0 (a->start_time, b->start_time);
  return c != 0 ? c : g_strcmp0 (a->uuid, b->uuid);
}

gboolean
_acq_session_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_INVALID, message);
  return FALSE;
}

/**
 * acq_session_validate:
 * @self: a session
 * @error: where to put the reason
 *
 * Whether the session can be stored: a real date, an end after its start the same day, a
 * known mode, kind and outcome, texts of a reasonable size. Its length is not checked here:
 * see acq_session_dup_warning().
 *
 * Returns: %TRUE if it can
 */
gboolean
acq_session_validate (const AcqSession *self, GError **error)
{
  g_autoptr (GDate) date = NULL;
  int start, end;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->uuid == NULL || !g_uuid_string_is_valid (self->uuid) ||
      self->candidate_uuid == NULL)
    return _acq_session_invalid (error, _("This session has no candidate. Nothing was changed."));
  if ((date = parse_date (self->date)) == NULL)
    return _acq_session_invalid (error, _("The date of the session is not a date of the calendar. Enter it "
                             "as year-month-day."));
  if (!_acq_session_parse_time (self->start_time, &start) || !_acq_session_parse_time (self->end_time, &end))
    return _acq_session_invalid (error, _("The start and end of the session must be times of the day, such "
                             "as 14:00."));
  if (end <= start)
    return _acq_session_invalid (error, _("The session must end after it starts, the same day."));
  if ((guint) self->mode >= ACQ_N_SESSION_MODES || (guint) self->kind >= ACQ_N_SESSION_KINDS)
    return _acq_session_invalid (error, _("This session's mode or kind is unknown. Nothing was changed."));
  if (!acq_text_validate (self->place, PLACE_MAX_CHARS, _("Place"), error) ||
      !acq_text_validate (self->points_worked, TEXT_MAX_CHARS, _("Points worked on"), error) ||
      !acq_text_validate (self->difficulties, TEXT_MAX_CHARS, _("Difficulties"), error) ||
      !acq_text_validate (self->personal_work, TEXT_MAX_CHARS, _("Personal work"), error))
    return FALSE;
  for (guint i = 0; i < self->objectives->len; i++)
    {
      const AcqSessionObjective *o = g_ptr_array_index (self->objectives, i);

      if ((guint) o->outcome >= ACQ_N_OBJECTIVE_OUTCOMES || o->uuid == NULL)
        return _acq_session_invalid (error, _("An objective's outcome is unknown. Nothing was changed."));
      if (!acq_text_validate (o->text, OBJECTIVE_MAX_CHARS, _("Objective"), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * acq_session_dup_warning:
 * @self: a session
 *
 * The offer's sessions last 1 to 3 hours: outside that, a sentence to show beside the times,
 * which does not stop the session being saved.
 *
 * Returns: (transfer full) (nullable): the warning, or %NULL
 */
char *
acq_session_dup_warning (const AcqSession *self)
{
  guint minutes = acq_session_get_minutes (self);

  if (minutes == 0)
    return NULL;
  if (minutes < ACQ_SESSION_ADVISED_MIN_MINUTES)
    return g_strdup_printf (_("This session lasts %u min; the sessions of the accompaniment last "
                              "1 to 3 hours."), minutes);
  if (minutes > ACQ_SESSION_ADVISED_MAX_MINUTES)
    return g_strdup_printf (_("This session lasts %u h %02u; the sessions of the accompaniment "
                              "last 1 to 3 hours."), minutes / 60, minutes % 60);
  return NULL;
}

/* The store ------------------------------------------------------------------------------- */

static AcqSession *
session_from_row (sqlite3_stmt *stmt)
{
  AcqSession *self = session_alloc ();

  self->uuid = _acq_sql_column_dup (stmt, 0);
  self->candidate_uuid = _acq_sql_column_dup (stmt, 1);
  self->date = _acq_sql_column_dup (stmt, 2);
  self->start_time = _acq_sql_column_dup (stmt, 3);
  self->end_time = _acq_sql_column_dup (stmt, 4);
  self->mode = sqlite3_column_int (stmt, 5);
  self->place = _acq_sql_column_dup (stmt, 6);
  self->kind = sqlite3_column_int (stmt, 7);
  self->held = sqlite3_column_int (stmt, 8) != 0;
  self->points_worked = _acq_sql_column_dup (stmt, 9);
  self->difficulties = _acq_sql_column_dup (stmt, 10);
  self->personal_work = _acq_sql_column_dup (stmt, 11);
  self->created_at = _acq_sql_column_dup (stmt, 12);
  self->updated_at = _acq_sql_column_dup (stmt, 13);
  return self;
}

static gboolean
read_objectives (AcqStore *store, const char *candidate_uuid, GHashTable *by_uuid,
                 GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, candidate_uuid ? sql_objectives
                                                                 : sql_objectives_all, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (candidate_uuid != NULL)
    _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSession *session = g_hash_table_lookup (by_uuid, _acq_sql_column_text (stmt, 0));

      if (session != NULL)
        g_ptr_array_add (session->objectives,
                         objective_new (_acq_sql_column_text (stmt, 1),
                                        _acq_sql_column_text (stmt, 2),
                                        CLAMP (sqlite3_column_int (stmt, 3), 0,
                                               ACQ_N_OBJECTIVE_OUTCOMES - 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the objectives");
  return TRUE;
}

/**
 * acq_session_list:
 * @store: the store
 * @candidate_uuid: (nullable): whose sessions; %NULL for every candidate's
 * @error: where to put an error
 *
 * The sessions not deleted, by date and time, each with its objectives.
 *
 * Returns: (transfer container) (element-type AcqSession): the sessions, or %NULL on error
 */
GPtrArray *
acq_session_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, candidate_uuid ? sql_select : sql_select_all,
                                 error)) == NULL)
    return NULL;
  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  if (candidate_uuid != NULL)
    _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSession *session = session_from_row (stmt);
      g_ptr_array_add (sessions, session);
      g_hash_table_insert (by_uuid, session->uuid, session);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading sessions");
      return NULL;
    }
  if (sessions->len > 0 && !read_objectives (store, candidate_uuid, by_uuid, error))
    return NULL;
  return g_steal_pointer (&sessions);
}

/**
 * acq_session_load:
 * @store: the store
 * @uuid: the session's
 * @error: where to put an error (%ACQ_SESSION_ERROR_NOT_FOUND if none, or deleted)
 *
 * Returns: (transfer full) (nullable): the session, with its objectives
 */
AcqSession *
acq_session_load (AcqStore *store, const char *uuid, GError **error)
{
  g_autoptr (AcqSession) session = NULL;
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  if ((stmt = acq_store_prepare (store, sql_select_one, error)) == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    session = session_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading a session");
      return NULL;
    }
  if (session == NULL)
    {
      g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND,
                           _("This session no longer exists: it was deleted."));
      return NULL;
    }
  g_hash_table_insert (by_uuid, session->uuid, session);
  if (!read_objectives (store, session->candidate_uuid, by_uuid, error))
    return NULL;
  return g_steal_pointer (&session);
}

gboolean
_acq_session_candidate_exists (AcqStore *store, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_candidate_exists, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "looking for a candidate");
  g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND,
                       _("This candidate no longer exists. Nothing was changed."));
  return FALSE;
}

static gboolean
write_session (AcqStore *store, AcqSession *session, const char *now, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_upsert, error);
  g_autoptr (GString) kept = g_string_new ("[");

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, session->uuid);
  _acq_sql_bind_text (stmt, 2, session->candidate_uuid);
  _acq_sql_bind_text (stmt, 3, session->date);
  _acq_sql_bind_text (stmt, 4, session->start_time);
  _acq_sql_bind_text (stmt, 5, session->end_time);
  sqlite3_bind_int (stmt, 6, session->mode);
  _acq_sql_bind_text (stmt, 7, session->place ? session->place : "");
  sqlite3_bind_int (stmt, 8, session->kind);
  sqlite3_bind_int (stmt, 9, session->held ? 1 : 0);
  _acq_sql_bind_text (stmt, 10, session->points_worked ? session->points_worked : "");
  _acq_sql_bind_text (stmt, 11, session->difficulties ? session->difficulties : "");
  _acq_sql_bind_text (stmt, 12, session->personal_work ? session->personal_work : "");
  _acq_sql_bind_text (stmt, 13, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  /* the uuid is another candidate's session: the upsert's condition left it alone */
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    return _acq_session_invalid (error, _("This session has no candidate. Nothing was changed."));

  for (guint i = 0; i < session->objectives->len; i++)
    {
      const AcqSessionObjective *o = g_ptr_array_index (session->objectives, i);

      if ((stmt = acq_store_prepare (store, sql_objective_upsert, error)) == NULL)
        return FALSE;
      _acq_sql_bind_text (stmt, 1, o->uuid);
      _acq_sql_bind_text (stmt, 2, session->candidate_uuid);
      _acq_sql_bind_text (stmt, 3, session->uuid);
      sqlite3_bind_int (stmt, 4, i);
      _acq_sql_bind_text (stmt, 5, o->text);
      sqlite3_bind_int (stmt, 6, o->outcome);
      _acq_sql_bind_text (stmt, 7, now);
      if (!acq_store_step_done (store, stmt, error))
        return FALSE;
      /* uuids are hex and dashes: nothing to escape in JSON */
      g_string_append_printf (kept, "%s\"%s\"", i ? "," : "", o->uuid);
    }
  g_string_append_c (kept, ']');
  if ((stmt = acq_store_prepare (store, sql_objective_prune, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, session->uuid);
  _acq_sql_bind_text (stmt, 2, kept->str);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_session_save:
 * @store: the store
 * @session: a new session or a changed copy of a stored one
 * @error: where to put an error
 *
 * Stores the session and its objectives (those it no longer has are erased), in one
 * transaction. Its updated_at (and created_at, if new) are set.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_session_save (AcqStore *store, AcqSession *session, GError **error)
{
  g_autofree char *now = acq_store_now ();

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  for (guint i = 0; i < session->objectives->len; i++)
    {
      AcqSessionObjective *o = g_ptr_array_index (session->objectives, i);
      if (o->uuid != NULL && !g_uuid_string_is_valid (o->uuid))
        return _acq_session_invalid (error, _("An objective's outcome is unknown. Nothing was changed."));
    }
  if (!acq_session_validate (session, error) ||
      !_acq_session_candidate_exists (store, session->candidate_uuid, error) ||
      !acq_store_begin (store, error))
    return FALSE;
  if (!write_session (store, session, now, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  if (session->created_at == NULL)
    session->created_at = g_strdup (now);
  acq_session_set_text (&session->updated_at, now);
  return TRUE;
}

static gboolean
mark (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _acq_sql_bind_text (stmt, 2, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND,
                           _("This session no longer exists: it was deleted."));
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_session_delete:
 * @store: the store
 * @uuid: the session's
 * @error: where to put an error
 *
 * Marks the session deleted: acq_session_list() no longer shows it, acq_session_undelete()
 * brings it back, and acq_session_purge_stale() erases it at the next start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_session_delete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_mark_deleted, uuid, error);
}

gboolean
acq_session_undelete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_unmark_deleted, uuid, error);
}

/**
 * acq_session_purge_stale:
 * @store: the store
 * @error: where to put an error
 *
 * Erases for good the sessions deleted longer ago than their undo could be offered.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_session_purge_stale (AcqStore *store, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) limit = g_date_time_add_seconds (now, -ACQ_SESSION_UNDO_SECONDS);
  g_autofree char *cutoff = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  if ((stmt = acq_store_prepare (store, sql_purge_stale, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, cutoff);
  return acq_store_step_done (store, stmt, error);
}
