/* acq-package-merge.c — merging the other side's dossier into the store, record by record
 * and rubric by rubric, and the conflicts it leaves for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a change is told from no change. Each record is cut into "units" — a sheet into its five
 * rubrics, its review state and the rest (title, period, competences…); a candidate into the
 * profile and what only the accompagnatrice sets; a comment into its text and its "resolved"
 * mark; any other record, including those of tables a later version adds, is one unit. A
 * unit's revision is the short SHA-256 of its content, and each side keeps, per unit, the
 * history of the revisions it knows both sides had (sync_unit, see migration 4): appended
 * when it exports, adopted from the other side when it imports. The file carries the sender's
 * histories. At import, for each unit:
 *
 *   mine == theirs                     nothing to do
 *   mine is in their history           they changed it since: take theirs
 *   theirs is in my history            I changed it since: keep mine
 *   neither                            both changed it: a conflict
 *
 * Why hashes and not counters: a counter must be bumped by every path that writes, today's
 * and a later issue's, or a change is lost silently; a hash of the content cannot miss a
 * change, and tells "both sides wrote the same thing" from a conflict. The sheet's own
 * revision counter is still kept (the review's versions are ordered by it): the merge takes
 * the larger of the two sides' and adds one.
 *
 * A record the sender has a history of but no longer has was deleted there (a tombstone): it
 * is deleted here unless changed here since (then kept, and the user told); a record deleted
 * here that the other side changed since comes back, and the user is told.
 *
 * Roles: the file's author is the importer's other role, whatever the file says. A record with
 * an author_role (comments, review versions) is created, changed or deleted only by its
 * author, except a comment's "resolved" mark; a candidate's file cannot set a sheet to
 * "changes requested" or "validated", nor change the stage or funding, nor add, change or
 * delete an event of the dated parcours (parcours_event, which sets the stage). The livret de
 * suivi (practice/acq-session.c: sessions, their objectives, the planned hours) is the
 * accompagnatrice's: a candidate's file may only change a session's "personal work", the one
 * part the candidate writes; it cannot create, delete or otherwise change a session, an
 * objective or the plan. The jury page (jury/acq-jury.c) is hers too, the session, the
 * épreuve's parts, her questions, the readiness, the result and the post-jury plan; the
 * candidate writes her own notes to the questions, her outline's cards and her rehearsal
 * runs, and may tick the hand checklist's items but not create, rename or delete one.
 * A candidate's documents (candidate_document: CV, recevabilité notice,
 * quote…) have an author_role: her file may add her own (her CV, the convocation the
 * certifier sent her) and change or remove them, never one her accompagnatrice filed; so do
 * the satisfaction answers (satisfaction_response, satisfaction_score): the candidate writes
 * hers, the accompagnatrice's paper ones stay hers. The titles, diplomas and CQP the
 * candidate holds (candidate_title, candidates/acq-candidate-title.c) are hers, as her sheets
 * are: her file creates, changes and deletes them, and the accompagnatrice's file, the
 * reference copy, may put them back. A candidate's reading style for the printed outputs
 * (candidate_reading: candidates/acq-reading-style.c) is both roles': either file sets,
 * changes or removes it, in a record of its own apart from the candidate's row. The
 * accompagnatrice's profile
 * (coach_profile), her complaints log and her yearly reviews never travel. Her quotes and the
 * attendance records of the sessions (quote, session_attendance) are hers alone, as the
 * parcours is. The people a candidate writes about (person_mention: a name and what the
 * outputs print instead) travel with no rule of their own: the candidate answers them as she
 * writes, and her accompagnatrice may answer one while reviewing.
 */
#define G_LOG_DOMAIN "acq-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-package-private.h"
#include "acq-referential.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define HISTORY_MAX 64
#define HASH_HEX 16

/* Columns that never travel as changes: local ids, bookkeeping, and what stays on one side. */
static const char *const local_columns[] = {
  "id", "deleted_at", "revision", "created_at", "updated_at", "last_activity_at", "notes",
  "archived", "stored_path", NULL,
};

typedef struct
{
  const char *table;
  const char *group;
  const char *columns[4];
} GroupSpec;

/* The units cut finer than a whole record; the rest of a record's columns are its "row" unit. */
static const GroupSpec group_specs[] = {
  { "sheet", ACQ_RUBRIC_TASKS_NAME, { ACQ_RUBRIC_TASKS_NAME } },
  { "sheet", ACQ_RUBRIC_MEANS_NAME, { ACQ_RUBRIC_MEANS_NAME } },
  { "sheet", ACQ_RUBRIC_PARTNERS_NAME, { ACQ_RUBRIC_PARTNERS_NAME } },
  { "sheet", ACQ_RUBRIC_CONTEXT_NAME, { ACQ_RUBRIC_CONTEXT_NAME } },
  { "sheet", ACQ_RUBRIC_ADDITIONAL_NAME, { ACQ_RUBRIC_ADDITIONAL_NAME } },
  { "sheet", "review", { "review_state" } },
  { "candidate", "admin", { "stage", "stage_date", "funding" } },
  { "comment", "resolved", { "resolved" } },
  { "session", "personal_work", { "personal_work" } },
  { "jury_hand_item", "done", { "done" } },
};

/* The jury page's tables that only the accompagnatrice writes, whole records. */
static const char *const jury_coach_tables[] = {
  "jury_session", "jury_part", "jury_question", "jury_readiness", "jury_result",
  "jury_bloc_result", "jury_plan", "jury_plan_item", NULL,
};

/* The paperwork of a funded accompaniment (paperwork/acq-quote.c, acq-attendance.c): her
 * quotes and the attendance records of the sessions, whole records. */
static const char *const paperwork_coach_tables[] = {
  "quote", "session_attendance", NULL,
};

/* The livret de suivi's tables: the accompagnatrice's, but a session's personal work. */
static const char *const livret_tables[] = {
  "session", "session_objective", "session_plan", NULL,
};

gboolean
_acq_package_table_is_local (const char *name)
{
  /* dossier_export: the exports this machine wrote (the jury's checklist); coach_profile:
   * her SIRET, rate and signature are hers, not the candidate's; complaint and yearly_review:
   * her Qualiopi registers (a complaint names the candidate who made it, but is not theirs
   * to change) */
  return g_strcmp0 (name, "sync_unit") == 0 || g_strcmp0 (name, "conflict") == 0 ||
         g_strcmp0 (name, "dossier_export") == 0 || g_strcmp0 (name, "coach_profile") == 0 ||
         g_strcmp0 (name, "complaint") == 0 || g_strcmp0 (name, "yearly_review") == 0 ||
         g_str_has_prefix (name, "sheet_fts") || g_str_has_prefix (name, "package_");
}

typedef struct
{
  char      *name;
  GPtrArray *columns; /* char *, the unit's columns */
  int        rubric;  /* AcqRubric, or -1 */
} Group;

typedef struct
{
  char      *name;
  char      *parent; /* for a link table (no uuid): "sheet_uuid" or "candidate_uuid" */
  GPtrArray *columns; /* char *: those main and pkg share, but id and deleted_at */
  GPtrArray *groups;  /* Group */
  GPtrArray *links;   /* Table *, link tables folded into the "row" unit (not owned) */
  GPtrArray *parents; /* char *: SQL conditions that the record's parents are here */
  gboolean   has_author, has_deleted, has_updated, has_revision;
  gboolean   by_candidate, by_sheet;
} Table;

typedef struct
{
  AcqStore        *store;
  sqlite3         *db;
  const char      *candidate_uuid;
  AcqRole          author;
  AcqImportReport *report;
  GPtrArray       *tables;     /* Table, record tables first (candidate, sheet, others) */
  GHashTable      *statements; /* sql -> sqlite3_stmt */
  GHashTable      *mine;       /* unit -> GStrv history */
  GHashTable      *theirs;     /* unit -> GStrv history */
  GHashTable      *write;      /* unit -> char * history to store */
  char            *now;
  guint            n_blocs, n_competences; /* added to the referential */
  GError          *error;      /* the first error met */
} Merge;

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
group_free (Group *group)
{
  g_free (group->name);
  g_ptr_array_unref (group->columns);
  g_free (group);
}

static void
table_free (Table *table)
{
  g_free (table->name);
  g_free (table->parent);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->groups);
  g_ptr_array_unref (table->links);
  g_ptr_array_unref (table->parents);
  g_free (table);
}

/* A merge, a resolution or a record of units, on @store's connection: its statements and the
 * histories it reads and writes. */
static void
merge_init (Merge *m, AcqStore *store)
{
  m->store = store;
  m->db = acq_store_get_db (store);
  m->now = acq_store_now ();
  m->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  m->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  m->theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_strfreev);
  m->write = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
merge_clear (Merge *m)
{
  g_clear_pointer (&m->tables, g_ptr_array_unref);
  g_clear_pointer (&m->statements, g_hash_table_unref);
  g_clear_pointer (&m->mine, g_hash_table_unref);
  g_clear_pointer (&m->theirs, g_hash_table_unref);
  g_clear_pointer (&m->write, g_hash_table_unref);
  g_clear_pointer (&m->now, g_free);
  g_clear_error (&m->error);
}

/* Statements ------------------------------------------------------------------------------ */

static sqlite3_stmt *
prepare (Merge *m, const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (m->statements, sql);
  int rc;

  if (m->error != NULL)
    return NULL;
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v2 (m->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      acq_store_set_error_from_sqlite (&m->error, m->db, rc, sql);
      return NULL;
    }
  g_hash_table_insert (m->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs @sql with ?1 = @a and ?2 = @b (either may be NULL). */
static gboolean
run (Merge *m, const char *sql, const char *a, const char *b)
{
  sqlite3_stmt *stmt = prepare (m, sql);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, a);
  _acq_sql_bind_text (stmt, 2, b);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return acq_store_set_error_from_sqlite (&m->error, m->db, rc, sql);
  return TRUE;
}

/* The first column of the first row, or NULL. */
static char *
query (Merge *m, const char *sql, const char *a)
{
  sqlite3_stmt *stmt = prepare (m, sql);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, a);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _acq_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Schema ---------------------------------------------------------------------------------- */

static GPtrArray *
column_names (sqlite3 *db, const char *schema, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s', '%s')",
                                          table, schema);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, _acq_sql_column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  return names;
}

static gboolean
has_column (GPtrArray *names, const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* For each foreign key of @table, a condition on its row in pkg that holds if the record it
 * points to is in the store: a record whose parent was left out (a reply to a comment that
 * was refused) is left out too, instead of failing the whole import at the commit. */
static GPtrArray *
parent_conditions (sqlite3 *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"from\", \"table\", \"to\" FROM "
                                          "pragma_foreign_key_list ('%s', 'main')", table);
  GPtrArray *conditions = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (conditions,
                       g_strdup_printf ("(r.\"%s\" IS NULL OR r.\"%s\" IN (SELECT \"%s\" FROM "
                                        "main.\"%s\"))", _acq_sql_column_text (stmt, 0),
                                        _acq_sql_column_text (stmt, 0),
                                        _acq_sql_column_text (stmt, 2),
                                        _acq_sql_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return conditions;
}

static Group *
group_new (const char *name, int rubric)
{
  Group *group = g_new0 (Group, 1);

  group->name = g_strdup (name);
  group->columns = g_ptr_array_new_with_free_func (g_free);
  group->rubric = rubric;
  return group;
}

/* Cuts @table's columns into units: those of group_specs, then "row" with the rest. */
static void
table_add_groups (Table *table)
{
  Group *row = group_new ("row", -1);

  for (guint i = 0; i < G_N_ELEMENTS (group_specs); i++)
    {
      const GroupSpec *spec = &group_specs[i];
      Group *group;

      if (g_strcmp0 (spec->table, table->name) != 0)
        continue;
      group = group_new (spec->group, -1);
      if (g_strcmp0 (table->name, "sheet") == 0 && i < ACQ_N_RUBRICS)
        group->rubric = i;
      for (guint c = 0; c < G_N_ELEMENTS (spec->columns) && spec->columns[c]; c++)
        if (has_column (table->columns, spec->columns[c]))
          g_ptr_array_add (group->columns, g_strdup (spec->columns[c]));
      g_ptr_array_add (table->groups, group);
    }
  for (guint c = 0; c < table->columns->len; c++)
    {
      const char *column = g_ptr_array_index (table->columns, c);
      gboolean taken = g_strv_contains (local_columns, column) || g_strcmp0 (column, "uuid") == 0;

      for (guint g = 0; !taken && g < table->groups->len; g++)
        taken = has_column (((Group *) g_ptr_array_index (table->groups, g))->columns, column);
      if (!taken)
        g_ptr_array_add (row->columns, g_strdup (column));
    }
  g_ptr_array_add (table->groups, row);
}

static gint
compare_tables (gconstpointer a, gconstpointer b)
{
  const Table *x = *(Table *const *) a, *y = *(Table *const *) b;
  int rx = g_strcmp0 (x->name, "candidate") == 0 ? 0 : g_strcmp0 (x->name, "sheet") == 0 ? 1 : 2;
  int ry = g_strcmp0 (y->name, "candidate") == 0 ? 0 : g_strcmp0 (y->name, "sheet") == 0 ? 1 : 2;

  return rx != ry ? rx - ry : g_strcmp0 (x->name, y->name);
}

/* The tables the store and the file share, whatever they are: a table of the candidate is
 * one with a uuid and a candidate_uuid or sheet_uuid; a link table (no uuid) belongs to the
 * "row" unit of the record it names. Shared tables (the referential) are only completed. */
static gboolean
load_tables (Merge *m, const char *schema)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%%' "
    "ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%%' AND name IN (SELECT name FROM "
    "%s.sqlite_master WHERE type = 'table') ORDER BY name", schema);
  g_autoptr (GPtrArray) links = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (m->db, sql, -1, &stmt, NULL);

  m->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = _acq_sql_column_text (stmt, 0);
      g_autoptr (GPtrArray) main_cols = NULL;
      g_autoptr (GPtrArray) their_cols = NULL;
      Table *table;

      rc = SQLITE_OK;
      if (_acq_package_table_is_local (name))
        continue;
      main_cols = column_names (m->db, "main", name);
      their_cols = column_names (m->db, schema, name);
      table = g_new0 (Table, 1);
      table->name = g_strdup (name);
      table->columns = g_ptr_array_new_with_free_func (g_free);
      table->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
      table->links = g_ptr_array_new ();
      table->parents = parent_conditions (m->db, name);
      for (guint c = 0; c < main_cols->len; c++)
        {
          const char *column = g_ptr_array_index (main_cols, c);
          if (has_column (their_cols, column) && g_strcmp0 (column, "id") != 0 &&
              g_strcmp0 (column, "deleted_at") != 0)
            g_ptr_array_add (table->columns, g_strdup (column));
        }
      table->has_author = has_column (table->columns, "author_role");
      table->has_deleted = has_column (main_cols, "deleted_at");
      table->has_updated = has_column (table->columns, "updated_at");
      table->has_revision = has_column (table->columns, "revision");
      table->by_candidate = g_strcmp0 (name, "candidate") == 0 ||
                            has_column (table->columns, "candidate_uuid");
      table->by_sheet = !table->by_candidate && has_column (table->columns, "sheet_uuid");
      if (!has_column (table->columns, "uuid") && (table->by_candidate || table->by_sheet))
        {
          table->parent = g_strdup (table->by_sheet ? "sheet_uuid" : "candidate_uuid");
          g_ptr_array_add (links, table);
        }
      table_add_groups (table);
      g_ptr_array_add (m->tables, table);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (&m->error, m->db, rc, "reading the tables");
  g_ptr_array_sort (m->tables, compare_tables);
  for (guint i = 0; i < links->len; i++)
    {
      Table *link = g_ptr_array_index (links, i);
      for (guint t = 0; t < m->tables->len; t++)
        {
          Table *table = g_ptr_array_index (m->tables, t);
          if (g_strcmp0 (table->name, link->by_sheet ? "sheet" : "candidate") == 0)
            g_ptr_array_add (table->links, link);
        }
    }
  return TRUE;
}

static gboolean
is_livret (const Table *table)
{
  return g_strv_contains (livret_tables, table->name);
}

/* Tables that only the accompagnatrice writes, whole records: the dated parcours and most
 * of the jury page. */
static gboolean
coach_only (const Table *table)
{
  return g_strcmp0 (table->name, "parcours_event") == 0 ||
         g_strv_contains (jury_coach_tables, table->name) ||
         g_strv_contains (paperwork_coach_tables, table->name);
}

/* The jury's hand checklist: the accompagnatrice's items, the candidate ticks them. */
static gboolean
is_hand_item (const Table *table)
{
  return g_strcmp0 (table->name, "jury_hand_item") == 0;
}

/* A table whose records a candidate's file may not create nor delete. */
static gboolean
is_owned (const Table *table)
{
  return table->has_author || is_livret (table) || coach_only (table) || is_hand_item (table);
}

static gboolean
is_record_table (const Table *table)
{
  return table->parent == NULL && (table->by_candidate || table->by_sheet);
}

/* Hashes and histories -------------------------------------------------------------------- */

static char *
join_columns (GPtrArray *columns, const char *prefix)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (out, "%s%s\"%s\"", i ? ", " : "", prefix,
                            (char *) g_ptr_array_index (columns, i));
  return g_string_free (out, FALSE);
}

/* Feeds the rows of @sql to @sum; the other side's text must be valid UTF-8 and a rubric not
 * too long, as if typed here. */
static gboolean
digest_rows (Merge *m, const char *sql, const char *uuid, gboolean check, gsize max_chars,
             GChecksum *sum, gboolean *out_found)
{
  sqlite3_stmt *stmt = prepare (m, sql);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (out_found != NULL)
        *out_found = TRUE;
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          /* With its length: a NUL would hide what follows it from the checks. */
          if (check && sqlite3_column_type (stmt, c) == SQLITE_TEXT &&
              !acq_text_validate_len ((const char *) sqlite3_column_text (stmt, c),
                                      sqlite3_column_bytes (stmt, c), max_chars,
                                      sqlite3_column_name (stmt, c), &m->error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          _acq_package_digest_value (sum, stmt, c);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (&m->error, m->db, rc, sql);
  return TRUE;
}

/* The revision of a unit of record @uuid in @schema ("main" or "pkg"), or NULL if the record
 * is not there. */
static char *
unit_hash (Merge *m, Table *table, Group *group, const char *schema, const char *uuid)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *columns = join_columns (group->columns, "");
  g_autofree char *sql = NULL;
  gboolean check = g_strcmp0 (schema, "pkg") == 0, found = FALSE;
  gsize max = group->rubric >= 0 ? ACQ_SHEET_RUBRIC_MAX_CHARS : 1000 * 1000;

  if (group->columns->len == 0)
    columns = g_strdup ("1");
  sql = g_strdup_printf ("SELECT %s FROM %s.\"%s\" WHERE uuid = ?1", columns, schema,
                         table->name);
  if (!digest_rows (m, sql, uuid, check, max, sum, &found) || !found)
    return NULL;
  if (g_strcmp0 (group->name, "row") == 0)
    for (guint i = 0; i < table->links->len; i++)
      {
        Table *link = g_ptr_array_index (table->links, i);
        g_autoptr (GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);
        g_autofree char *list = NULL;
        g_autofree char *link_sql = NULL;

        for (guint c = 0; c < link->columns->len; c++)
          if (g_strcmp0 (g_ptr_array_index (link->columns, c), link->parent) != 0)
            g_ptr_array_add (cols, g_strdup (g_ptr_array_index (link->columns, c)));
        if (cols->len == 0)
          continue;
        list = join_columns (cols, "");
        link_sql = g_strdup_printf ("SELECT %s FROM %s.\"%s\" WHERE \"%s\" = ?1 ORDER BY %s", list,
                                    schema, link->name, link->parent, list);
        g_checksum_update (sum, (const guint8 *) link->name, strlen (link->name) + 1);
        if (!digest_rows (m, link_sql, uuid, check, max, sum, NULL))
          return NULL;
      }
  return g_strndup (g_checksum_get_string (sum), HASH_HEX);
}

static char *
unit_name (Table *table, const char *uuid, Group *group)
{
  return g_strdup_printf ("%s/%s/%s", table->name, uuid, group->name);
}

static gboolean
in_history (GStrv history, const char *hash)
{
  return history != NULL && hash != NULL && g_strv_contains ((const char *const *) history, hash);
}

/* @a's entries not in @b, then @b's, then @extra: the newest last, at most HISTORY_MAX. */
static char *
history_join (GStrv a, GStrv b, const char *extra)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (!in_history (b, a[i]) && g_strcmp0 (a[i], extra) != 0)
      g_ptr_array_add (all, a[i]);
  for (guint i = 0; b != NULL && b[i] != NULL; i++)
    if (g_strcmp0 (b[i], extra) != 0)
      g_ptr_array_add (all, b[i]);
  if (extra != NULL)
    g_ptr_array_add (all, (gpointer) extra);
  for (guint i = all->len > HISTORY_MAX ? all->len - HISTORY_MAX : 0; i < all->len; i++)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", (char *) g_ptr_array_index (all, i));
  return g_string_free (out, FALSE);
}

static gboolean
load_histories (Merge *m, GHashTable *into, const char *sql, const char *arg)
{
  sqlite3_stmt *stmt = prepare (m, sql);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, arg);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (into, _acq_sql_column_dup (stmt, 0),
                         g_strsplit (_acq_sql_column_text (stmt, 1), " ", -1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (&m->error, m->db, rc, sql);
  return TRUE;
}

static void
set_history (Merge *m, const char *unit, char *history)
{
  g_hash_table_insert (m->write, g_strdup (unit), history);
}

static gboolean
write_histories (Merge *m)
{
  GHashTableIter iter;
  gpointer unit, history;

  g_hash_table_iter_init (&iter, m->write);
  while (g_hash_table_iter_next (&iter, &unit, &history))
    {
      sqlite3_stmt *stmt = prepare (m, "INSERT INTO main.sync_unit (unit, candidate_uuid, history)"
                                       " VALUES (?1, ?2, ?3) ON CONFLICT (unit) DO UPDATE SET"
                                       " history = excluded.history");
      if (stmt == NULL)
        return FALSE;
      _acq_sql_bind_text (stmt, 1, unit);
      _acq_sql_bind_text (stmt, 2, m->candidate_uuid);
      _acq_sql_bind_text (stmt, 3, history);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return acq_store_set_error_from_sqlite (&m->error, m->db, sqlite3_errcode (m->db),
                                                  "writing the exchange histories");
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* The records of a table ------------------------------------------------------------------ */

static void
add_uuid (GPtrArray *list, GHashTable *seen, const char *uuid)
{
  if (uuid == NULL || g_hash_table_contains (seen, uuid))
    return;
  g_hash_table_add (seen, g_strdup (uuid));
  g_ptr_array_add (list, g_strdup (uuid));
}

static char *
scope_sql (Table *table, const char *schema)
{
  if (g_strcmp0 (table->name, "candidate") == 0)
    return g_strdup_printf ("SELECT uuid FROM %s.candidate WHERE uuid = ?1", schema);
  if (table->by_candidate)
    return g_strdup_printf ("SELECT uuid FROM %s.\"%s\" WHERE candidate_uuid = ?1 ORDER BY rowid",
                            schema, table->name);
  return g_strdup_printf ("SELECT uuid FROM %s.\"%s\" WHERE sheet_uuid IN (SELECT uuid FROM "
                          "%s.sheet WHERE candidate_uuid = ?1) ORDER BY rowid", schema,
                          table->name, schema);
}

/* Every record either side has or had: their rows, mine, and those only histories remember. */
static GPtrArray *
list_records (Merge *m, Table *table, gboolean with_histories)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  const char *schemas[] = { "pkg", "main" };
  g_autofree char *prefix = g_strconcat (table->name, "/", NULL);
  GHashTable *histories[] = { m->theirs, m->mine };

  for (guint s = 0; s < G_N_ELEMENTS (schemas); s++)
    {
      g_autofree char *sql = scope_sql (table, schemas[s]);
      sqlite3_stmt *stmt;

      if (!with_histories && s == 0)
        continue;
      if ((stmt = prepare (m, sql)) == NULL)
        return list;
      _acq_sql_bind_text (stmt, 1, m->candidate_uuid);
      /* Every uuid Acquis writes is a valid one; anything else in a file is skipped. */
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_uuid_string_is_valid (_acq_sql_column_text (stmt, 0)))
          add_uuid (list, seen, _acq_sql_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  for (guint h = 0; with_histories && h < G_N_ELEMENTS (histories); h++)
    {
      GHashTableIter iter;
      gpointer unit;

      g_hash_table_iter_init (&iter, histories[h]);
      while (g_hash_table_iter_next (&iter, &unit, NULL))
        if (g_str_has_prefix (unit, prefix))
          {
            const char *start = (const char *) unit + strlen (prefix);
            const char *end = strchr (start, '/');
            g_autofree char *uuid = end ? g_strndup (start, end - start) : NULL;

            if (uuid != NULL && g_uuid_string_is_valid (uuid))
              add_uuid (list, seen, uuid);
          }
    }
  return list;
}

/* Export: remembering what is sent --------------------------------------------------------- */

gboolean
_acq_package_record_units (AcqStore *store, const char *candidate_uuid, const char *schema,
                           GError **error)
{
  Merge m = { 0 };
  g_autofree char *copy = NULL;

  merge_init (&m, store);
  m.candidate_uuid = candidate_uuid;

  if (!load_tables (&m, "main") ||
      !load_histories (&m, m.mine, "SELECT unit, history FROM main.sync_unit WHERE "
                       "candidate_uuid = ?1", candidate_uuid))
    goto out;
  for (guint t = 0; t < m.tables->len && m.error == NULL; t++)
    {
      Table *table = g_ptr_array_index (m.tables, t);
      g_autoptr (GPtrArray) uuids = NULL;

      if (!is_record_table (table))
        continue;
      uuids = list_records (&m, table, FALSE);
      for (guint r = 0; r < uuids->len && m.error == NULL; r++)
        {
          const char *uuid = g_ptr_array_index (uuids, r);
          g_autofree char *deleted = NULL;

          if (table->has_deleted)
            {
              g_autofree char *sql = g_strdup_printf ("SELECT deleted_at FROM main.\"%s\" WHERE "
                                                      "uuid = ?1", table->name);
              if ((deleted = query (&m, sql, uuid)) != NULL)
                continue;
            }
          for (guint g = 0; g < table->groups->len; g++)
            {
              Group *group = g_ptr_array_index (table->groups, g);
              g_autofree char *unit = unit_name (table, uuid, group);
              g_autofree char *hash = unit_hash (&m, table, group, "main", uuid);
              GStrv history = g_hash_table_lookup (m.mine, unit);
              guint n = history ? g_strv_length (history) : 0;

              if (hash != NULL && (n == 0 || g_strcmp0 (history[n - 1], hash) != 0))
                set_history (&m, unit, history_join (history, NULL, hash));
            }
        }
    }
  if (m.error == NULL && write_histories (&m))
    {
      copy = g_strdup_printf ("CREATE TABLE %s." ACQ_PACKAGE_UNIT_TABLE " AS SELECT unit, history "
                              "FROM main.sync_unit WHERE candidate_uuid = ?1", schema);
      run (&m, copy, candidate_uuid, NULL);
    }

out:
  if (m.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&m.error));
      merge_clear (&m);
      return FALSE;
    }
  merge_clear (&m);
  return TRUE;
}

/* Import: the merge ----------------------------------------------------------------------- */

/* A session of the livret is known by its date. */
static char *
livret_label (Merge *m, Table *table, const char *uuid)
{
  g_autofree char *date = NULL;

  if (g_strcmp0 (table->name, "session") == 0)
    date = query (m, "SELECT coalesce ((SELECT date FROM pkg.session WHERE uuid = ?1),"
                     " (SELECT date FROM main.session WHERE uuid = ?1))", uuid);
  else if (g_strcmp0 (table->name, "session_objective") == 0)
    date = query (m, "SELECT coalesce ((SELECT s.date FROM pkg.session_objective o JOIN "
                     "pkg.session s ON s.uuid = o.session_uuid WHERE o.uuid = ?1), (SELECT "
                     "s.date FROM main.session_objective o JOIN main.session s ON s.uuid = "
                     "o.session_uuid WHERE o.uuid = ?1))", uuid);
  else
    return g_strdup (_("Planned hours"));
  return g_strdup_printf (_("Session of %s"), date ? date : "?");
}

/* What the user reads to recognise a record: the sheet's title, or the candidate's name. */
static char *
record_label (Merge *m, Table *table, const char *uuid, char **out_sheet_uuid)
{
  g_autofree char *sheet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sql = NULL;

  if (g_strcmp0 (table->name, "candidate") == 0)
    {
      char *name = query (m, "SELECT trim (first_name || ' ' || last_name) FROM pkg.candidate "
                             "WHERE uuid = ?1", uuid);
      if (name == NULL)
        name = query (m, "SELECT trim (first_name || ' ' || last_name) FROM main.candidate "
                         "WHERE uuid = ?1", uuid);
      return name ? name : g_strdup (_("The candidate"));
    }
  if (is_livret (table))
    return livret_label (m, table, uuid);
  if (g_strcmp0 (table->name, "sheet") == 0)
    sheet = g_strdup (uuid);
  else if (table->by_sheet)
    {
      sql = g_strdup_printf ("SELECT coalesce ((SELECT sheet_uuid FROM pkg.\"%s\" WHERE uuid = ?1),"
                             " (SELECT sheet_uuid FROM main.\"%s\" WHERE uuid = ?1))",
                             table->name, table->name);
      sheet = query (m, sql, uuid);
    }
  if (sheet != NULL)
    title = query (m, "SELECT coalesce ((SELECT nullif (title, '') FROM pkg.sheet WHERE uuid = ?1),"
                      " (SELECT nullif (title, '') FROM main.sheet WHERE uuid = ?1))", sheet);
  if (out_sheet_uuid != NULL)
    *out_sheet_uuid = g_strdup (sheet);
  if (title != NULL)
    return g_steal_pointer (&title);
  return g_strdup (sheet != NULL ? _("Untitled example") : table->name);
}

static void
report (Merge *m, AcqImportItemKind kind, Table *table, const char *uuid, const char *format,
        const char *detail)
{
  g_autofree char *sheet_uuid = NULL;
  g_autofree char *label = record_label (m, table, uuid, &sheet_uuid);
  g_autofree char *text = g_strdup_printf (format, label, detail);

  _acq_import_report_add (m->report, kind, sheet_uuid, text);
}

static int
row_author (Merge *m, Table *table, const char *schema, const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT author_role FROM %s.\"%s\" WHERE uuid = ?1",
                                          schema, table->name);
  g_autofree char *value = query (m, sql, uuid);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : -1;
}

/* Whether the file's author may make this change. The accompagnatrice's files are trusted
 * with everything (she holds the reference copy of the dossier: a candidate who lost their
 * machine gets it all back from her); a candidate's file cannot touch a record of hers
 * (comments, review versions, and what later tables give an author_role), except to mark a
 * comment resolved, cannot set a review state but "draft" and "to review" (acq-review.c lets
 * only her decide), nor the stage or the funding; of her livret de suivi, it may only change a
 * session's personal work. */
static gboolean
allowed (Merge *m, Table *table, Group *group, const char *uuid, gboolean creating)
{
  /* a satisfaction answer is its author's, whoever imports: the accompagnatrice's file does
   * not change what a candidate answered */
  if (table->has_author && g_str_has_prefix (table->name, "satisfaction_"))
    return row_author (m, table, "pkg", uuid) == (int) m->author &&
           (creating || row_author (m, table, "main", uuid) == (int) m->author);
  if (m->author == ACQ_ROLE_COACH)
    return TRUE;
  if (coach_only (table))
    return FALSE;
  if (is_livret (table))
    return !creating && g_strcmp0 (group->name, "personal_work") == 0;
  if (is_hand_item (table))
    return !creating && g_strcmp0 (group->name, "done") == 0;
  if (table->has_author && g_strcmp0 (group->name, "resolved") != 0)
    return row_author (m, table, "pkg", uuid) == ACQ_ROLE_CANDIDATE &&
           (creating || row_author (m, table, "main", uuid) == ACQ_ROLE_CANDIDATE);
  if (g_strcmp0 (table->name, "sheet") == 0 && g_strcmp0 (group->name, "review") == 0)
    {
      g_autofree char *value = query (m, "SELECT review_state FROM pkg.sheet WHERE uuid = ?1", uuid);
      int state = value ? (int) g_ascii_strtoll (value, NULL, 10) : -1;

      return state == ACQ_REVIEW_STATE_DRAFT || state == ACQ_REVIEW_STATE_TO_REVIEW;
    }
  if (g_strcmp0 (table->name, "candidate") == 0 && g_strcmp0 (group->name, "admin") == 0)
    return creating;
  return TRUE;
}

static void
report_ignored (Merge *m, Table *table, Group *group, const char *uuid)
{
  if (m->author == ACQ_ROLE_COACH)
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the accompagnatrice's file changed a satisfaction answer of the "
              "candidate%s; only the candidate can, so it was ignored."), "");
  else if (is_livret (table))
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed the livret de suivi%s; only the accompagnatrice "
              "writes it, but for the personal work, so it was ignored."), "");
  else if (table->has_author)
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed a %s of the accompagnatrice; only she can, so "
              "it was ignored."),
            g_strcmp0 (table->name, "comment") == 0 ? _("comment") : _("record"));
  else if (is_hand_item (table))
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed the jury's checklist%s; the candidate only "
              "ticks its items, so it was ignored."), "");
  else if (coach_only (table))
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed the %s, which only the accompagnatrice sets; "
              "it was ignored."),
            g_str_has_prefix (table->name, "jury_") ? _("jury's session, result or plan")
            : g_strv_contains (paperwork_coach_tables, table->name)
            ? _("quote or attendance record")
            : _("dated parcours"));
  else if (g_strcmp0 (group->name, "review") == 0)
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed the review state%s; only the accompagnatrice "
              "validates or asks for changes, so it was ignored."), "");
  else
    report (m, ACQ_IMPORT_IGNORED, table, uuid,
            _("“%s”: the candidate's file changed the %s, which only the accompagnatrice sets; "
              "it was ignored."), _("stage or funding"));
}

static gboolean
apply_links (Merge *m, Table *table, const char *uuid)
{
  for (guint i = 0; i < table->links->len; i++)
    {
      Table *link = g_ptr_array_index (table->links, i);
      g_autofree char *columns = join_columns (link->columns, "");
      g_autofree char *del = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE \"%s\" = ?1",
                                              link->name, link->parent);
      g_autofree char *ins = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) SELECT %s FROM "
                                              "pkg.\"%s\" WHERE \"%s\" = ?1", link->name,
                                              columns, columns, link->name, link->parent);
      if (!run (m, del, uuid, NULL) || !run (m, ins, uuid, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_group (Merge *m, Table *table, Group *group, const char *uuid)
{
  g_autofree char *columns = join_columns (group->columns, "");
  g_autofree char *sql = NULL;

  if (group->columns->len > 0)
    {
      sql = g_strdup_printf ("UPDATE main.\"%s\" SET (%s) = (SELECT %s FROM pkg.\"%s\" WHERE "
                             "uuid = ?1) WHERE uuid = ?1", table->name, columns, columns,
                             table->name);
      if (!run (m, sql, uuid, NULL))
        return FALSE;
    }
  if (g_strcmp0 (group->name, "row") == 0 && !apply_links (m, table, uuid))
    return FALSE;
  return TRUE;
}

/* After changes from the other side: the record's time is the later one, and its revision
 * counter passes both sides', so that versions stay in order. */
static gboolean
touch (Merge *m, Table *table, const char *uuid)
{
  g_autofree char *sql = NULL;

  if (table->has_updated)
    {
      sql = g_strdup_printf ("UPDATE main.\"%s\" SET updated_at = max (updated_at, coalesce ("
                             "(SELECT updated_at FROM pkg.\"%s\" WHERE uuid = ?1), '')) WHERE "
                             "uuid = ?1", table->name, table->name);
      if (!run (m, sql, uuid, NULL))
        return FALSE;
      g_clear_pointer (&sql, g_free);
    }
  if (table->has_revision && g_strcmp0 (table->name, "sheet") == 0)
    {
      sql = g_strdup_printf ("UPDATE main.sheet SET revision = max (revision, coalesce ((SELECT "
                             "revision FROM pkg.sheet WHERE uuid = ?1), 0)) + 1 WHERE uuid = ?1");
      return run (m, sql, uuid, NULL);
    }
  return TRUE;
}

static gboolean
clear_conflict (Merge *m, const char *sheet_uuid, int rubric)
{
  g_autofree char *value = g_strdup_printf ("%d", rubric);

  return run (m, "DELETE FROM main.conflict WHERE sheet_uuid = ?1 AND rubric = CAST (?2 AS "
                 "INTEGER)", sheet_uuid, value);
}

static gboolean
keep_conflict (Merge *m, const char *sheet_uuid, Group *group, GStrv their_history)
{
  g_autofree char *history = history_join (their_history, NULL, NULL);
  g_autofree char *uuid = acq_store_new_uuid ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO main.conflict (uuid, candidate_uuid, sheet_uuid, rubric, theirs, "
    "theirs_history, created_at) SELECT ?1, candidate_uuid, uuid, %d, \"%s\", ?2, ?3 FROM "
    "pkg.sheet WHERE uuid = ?4 ON CONFLICT (sheet_uuid, rubric) DO UPDATE SET theirs = "
    "excluded.theirs, theirs_history = excluded.theirs_history", group->rubric,
    (char *) g_ptr_array_index (group->columns, 0));
  sqlite3_stmt *stmt = prepare (m, sql);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, history);
  _acq_sql_bind_text (stmt, 3, m->now);
  _acq_sql_bind_text (stmt, 4, sheet_uuid);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (&m->error, m->db, rc, sql);
  return TRUE;
}

static const char *
group_label (Table *table, Group *group)
{
  if (group->rubric >= 0)
    return acq_rubric_label (group->rubric);
  if (g_strcmp0 (group->name, "review") == 0)
    return _("review state");
  if (g_strcmp0 (group->name, "admin") == 0)
    return _("stage and funding");
  if (g_strcmp0 (group->name, "resolved") == 0)
    return _("resolved mark");
  if (g_strcmp0 (group->name, "personal_work") == 0)
    return _("personal work");
  if (g_strcmp0 (group->name, "done") == 0)
    return _("tick");
  if (g_strcmp0 (table->name, "sheet") == 0)
    return _("title, period and competences");
  if (g_strcmp0 (table->name, "candidate") == 0)
    return _("profile");
  return _("content");
}

/* Both sides have the record: unit by unit. */
static void
merge_record (Merge *m, Table *table, const char *uuid)
{
  gboolean changed = FALSE;

  for (guint g = 0; g < table->groups->len && m->error == NULL; g++)
    {
      Group *group = g_ptr_array_index (table->groups, g);
      g_autofree char *unit = unit_name (table, uuid, group);
      g_autofree char *mine = unit_hash (m, table, group, "main", uuid);
      g_autofree char *theirs = unit_hash (m, table, group, "pkg", uuid);
      GStrv my_history = g_hash_table_lookup (m->mine, unit);
      GStrv their_history = g_hash_table_lookup (m->theirs, unit);

      if (m->error != NULL || mine == NULL || theirs == NULL)
        break;
      if (g_strcmp0 (mine, theirs) == 0)
        {
          set_history (m, unit, history_join (my_history, their_history, mine));
          if (group->rubric >= 0)
            clear_conflict (m, uuid, group->rubric);
        }
      else if (in_history (their_history, mine))
        {
          /* They changed it since they had mine. */
          if (!allowed (m, table, group, uuid, FALSE))
            {
              report_ignored (m, table, group, uuid);
              set_history (m, unit, history_join (their_history, NULL, mine));
              continue;
            }
          if (!apply_group (m, table, group, uuid) ||
              (group->rubric >= 0 && !clear_conflict (m, uuid, group->rubric)))
            break;
          changed = TRUE;
          set_history (m, unit, history_join (my_history, their_history, NULL));
          if (group->rubric >= 0)
            report (m, ACQ_IMPORT_CHANGED_RUBRIC, table, uuid, _("“%s”: the rubric “%s” changed."),
                    group_label (table, group));
          else if (g_strcmp0 (table->name, "sheet") == 0)
            report (m, ACQ_IMPORT_CHANGED_SHEET, table, uuid, _("“%s”: the %s changed."),
                    group_label (table, group));
          else
            report (m, ACQ_IMPORT_OTHER, table, uuid, _("“%s”: the %s changed."),
                    g_strcmp0 (table->name, "comment") == 0 ? _("comment")
                                                            : group_label (table, group));
        }
      else if (in_history (my_history, theirs))
        continue; /* I changed it since: mine stays, and goes with my next file */
      else if (group->rubric >= 0)
        {
          if (!keep_conflict (m, uuid, group, their_history))
            break;
          report (m, ACQ_IMPORT_CONFLICT, table, uuid,
                  _("“%s”: the rubric “%s” was changed on both sides. Both texts are kept until "
                    "you choose."), group_label (table, group));
        }
      else
        {
          /* Not a text to compare side by side: this side's stays, and wins on the other
           * side at the next exchange, since it will then know both. */
          set_history (m, unit, history_join (my_history, their_history, mine));
          report (m, ACQ_IMPORT_OTHER, table, uuid,
                  _("“%s”: the %s was changed on both sides; this side's is kept."),
                  group_label (table, group));
        }
    }
  if (changed && m->error == NULL)
    touch (m, table, uuid);
}

static void
adopt_histories (Merge *m, Table *table, const char *uuid)
{
  for (guint g = 0; g < table->groups->len; g++)
    {
      Group *group = g_ptr_array_index (table->groups, g);
      g_autofree char *unit = unit_name (table, uuid, group);
      GStrv theirs = g_hash_table_lookup (m->theirs, unit);

      if (theirs != NULL)
        set_history (m, unit, history_join (g_hash_table_lookup (m->mine, unit), theirs, NULL));
    }
}

/* Whether every unit of the record, as @schema has it, is in @histories: unchanged since the
 * other side had it. */
static gboolean
unchanged_since (Merge *m, Table *table, const char *uuid, const char *schema,
                 GHashTable *histories)
{
  for (guint g = 0; g < table->groups->len; g++)
    {
      Group *group = g_ptr_array_index (table->groups, g);
      g_autofree char *unit = unit_name (table, uuid, group);
      g_autofree char *hash = unit_hash (m, table, group, schema, uuid);

      if (hash == NULL || !in_history (g_hash_table_lookup (histories, unit), hash))
        return FALSE;
    }
  return TRUE;
}

static gboolean
known (Merge *m, GHashTable *histories, Table *table, const char *uuid)
{
  for (guint g = 0; g < table->groups->len; g++)
    {
      g_autofree char *unit = unit_name (table, uuid, g_ptr_array_index (table->groups, g));
      if (g_hash_table_contains (histories, unit))
        return TRUE;
    }
  return FALSE;
}

static gboolean
parents_here (Merge *m, Table *table, const char *uuid)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *found = NULL;

  if (table->parents->len == 0)
    return TRUE;
  g_string_append_printf (sql, "SELECT 1 FROM pkg.\"%s\" r WHERE r.uuid = ?1", table->name);
  for (guint i = 0; i < table->parents->len; i++)
    g_string_append_printf (sql, " AND %s", (char *) g_ptr_array_index (table->parents, i));
  found = query (m, sql->str, uuid);
  return found != NULL;
}

static void
insert_record (Merge *m, Table *table, const char *uuid, gboolean restored)
{
  g_autofree char *columns = join_columns (table->columns, "");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) SELECT %s FROM pkg.\"%s\""
                                          " WHERE uuid = ?1", table->name, columns, columns,
                                          table->name);

  for (guint g = 0; g < table->groups->len; g++)
    {
      Group *group = g_ptr_array_index (table->groups, g);
      g_autofree char *hash = unit_hash (m, table, group, "pkg", uuid);

      if (hash == NULL)
        return; /* an invalid text: m->error says which */
      if (!allowed (m, table, group, uuid, TRUE) && is_owned (table))
        {
          report_ignored (m, table, group, uuid);
          adopt_histories (m, table, uuid);
          return;
        }
    }
  if (!parents_here (m, table, uuid))
    {
      if (m->error == NULL)
        report (m, ACQ_IMPORT_IGNORED, table, uuid,
                _("“%s”: a %s that answers or belongs to something left out was left out "
                  "too."), g_strcmp0 (table->name, "comment") == 0 ? _("comment") : _("record"));
      adopt_histories (m, table, uuid);
      return;
    }
  if (!run (m, sql, uuid, NULL) || !apply_links (m, table, uuid))
    return;
  adopt_histories (m, table, uuid);
  if (restored)
    report (m, ACQ_IMPORT_KEPT_DELETED, table, uuid,
            _("“%s” had been deleted here but was changed on the other side: it is back.%s"), "");
  else if (g_strcmp0 (table->name, "candidate") == 0)
    report (m, ACQ_IMPORT_NEW_CANDIDATE, table, uuid, _("New candidate: %s.%s"), "");
  else if (g_strcmp0 (table->name, "sheet") == 0)
    report (m, ACQ_IMPORT_NEW_SHEET, table, uuid, _("New sheet “%s”.%s"), "");
  else if (g_strcmp0 (table->name, "comment") == 0)
    report (m, ACQ_IMPORT_NEW_COMMENT, table, uuid, _("“%s”: a new comment.%s"), "");
  else if (g_strcmp0 (table->name, "attachment") == 0 ||
           g_strcmp0 (table->name, "candidate_document") == 0)
    report (m, ACQ_IMPORT_OTHER, table, uuid, _("“%s”: a new attached document.%s"), "");
  else if (g_strcmp0 (table->name, "sheet_version") == 0)
    {
      /* a request is not a review: say which of the round-trip's steps came in */
      g_autofree char *kind = query (m, "SELECT kind FROM pkg.sheet_version WHERE uuid = ?1", uuid);

      report (m, ACQ_IMPORT_OTHER, table, uuid,
              g_strcmp0 (kind, "0") == 0 ? _("“%s”: sent for review.%s")
                                         : _("“%s”: a review decision, kept in its history.%s"),
              "");
    }
  else
    report (m, ACQ_IMPORT_OTHER, table, uuid, _("“%s”: a new record (%s)."), table->name);
  if (g_strcmp0 (table->name, "sheet") == 0 &&
      !allowed (m, table, g_ptr_array_index (table->groups, ACQ_N_RUBRICS), uuid, TRUE))
    {
      /* A validation the candidate cannot give: the sheet comes in as a draft. */
      report_ignored (m, table, g_ptr_array_index (table->groups, ACQ_N_RUBRICS), uuid);
      run (m, "UPDATE main.sheet SET review_state = 0 WHERE uuid = ?1", uuid, NULL);
    }
}

static void
delete_record (Merge *m, Table *table, const char *uuid)
{
  g_autofree char *sql = NULL;

  if ((table->has_author && row_author (m, table, "main", uuid) != (int) m->author) ||
      ((coach_only (table) || is_livret (table) || is_hand_item (table)) &&
       m->author != ACQ_ROLE_COACH))
    {
      report_ignored (m, table, g_ptr_array_index (table->groups, table->groups->len - 1), uuid);
      return;
    }
  /* A sheet or a candidate is only marked: it can still be restored until the next start. */
  if (table->has_deleted)
    sql = g_strdup_printf ("UPDATE main.\"%s\" SET deleted_at = ?2 WHERE uuid = ?1", table->name);
  else
    sql = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE uuid = ?1", table->name);
  report (m, ACQ_IMPORT_OTHER, table, uuid, _("“%s” was deleted on the other side.%s"), "");
  run (m, sql, uuid, m->now);
}

static void
merge_one (Merge *m, Table *table, const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM main.\"%s\" WHERE uuid = ?1",
                                          table->has_deleted ? "deleted_at IS NOT NULL" : "0",
                                          table->name);
  g_autofree char *their_sql = g_strdup_printf ("SELECT 1 FROM pkg.\"%s\" WHERE uuid = ?1",
                                                table->name);
  g_autofree char *local = query (m, sql, uuid);
  g_autofree char *remote = query (m, their_sql, uuid);
  gboolean here = local != NULL && g_strcmp0 (local, "0") == 0;
  gboolean marked = local != NULL && !here;
  gboolean there = remote != NULL;

  if (m->error != NULL)
    return;
  if (here && there)
    merge_record (m, table, uuid);
  else if (there && !marked && !known (m, m->mine, table, uuid))
    insert_record (m, table, uuid, FALSE);
  else if (there)
    {
      /* Deleted here: back if they changed it since. */
      if (unchanged_since (m, table, uuid, "pkg", m->mine) || m->error != NULL)
        return;
      if (marked)
        {
          g_autofree char *undelete = g_strdup_printf ("UPDATE main.\"%s\" SET deleted_at = NULL "
                                                       "WHERE uuid = ?1", table->name);
          if (!run (m, undelete, uuid, NULL))
            return;
          merge_record (m, table, uuid);
          report (m, ACQ_IMPORT_KEPT_DELETED, table, uuid,
                  _("“%s” had been deleted here but was changed on the other side: it is "
                    "back.%s"), "");
        }
      else
        insert_record (m, table, uuid, TRUE);
    }
  else if (here && known (m, m->theirs, table, uuid))
    {
      /* Deleted there: gone here too, unless changed here since. */
      if (unchanged_since (m, table, uuid, "main", m->theirs))
        delete_record (m, table, uuid);
      else if (m->error == NULL)
        report (m, ACQ_IMPORT_KEPT_DELETED, table, uuid,
                _("“%s” was deleted on the other side but changed here: it is kept.%s"), "");
    }
  else if (!here)
    adopt_histories (m, table, uuid);
}

/* The candidate's certification comes with the candidate: the other side may not have it.
 * The file carries the sender's whole referential, but only the candidate's certification is
 * read from it, as a fiche, checked as any file anyone could craft (the uuids every machine
 * derives, blocs of that fiche only, sizes of a fiche): a damaged one stops the whole import.
 * It is stored if missing here, or if the file's version is newer than the one here (the
 * links of the sheets here follow their competences, see acq_referential_store_fiche_full());
 * a version here as new or newer is kept. A shared table a later version adds brings nothing
 * until it gets its rule here. */
static gboolean
merge_certification (Merge *m)
{
  g_autofree char *uuid = query (m, "SELECT certification_uuid FROM pkg.candidate WHERE "
                                    "uuid = ?1", m->candidate_uuid);
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (AcqFiche) theirs = NULL;
  g_autoptr (AcqFiche) mine = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL;

  if (uuid == NULL)
    return TRUE;
  theirs = acq_referential_load_attached (m->store, "pkg", uuid, &local_error);
  if (theirs == NULL &&
      g_error_matches (local_error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND))
    {
      /* an older file without it: the commit's check of the links says if it is missing */
      return TRUE;
    }
  if (theirs == NULL || !acq_referential_check_fiche (theirs, &local_error))
    {
      g_set_error (&m->error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_DAMAGED,
                   _("The candidate's certification in this file is damaged (%s). Nothing was "
                     "imported: ask the sender to export the file again."),
                   local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);
  mine = acq_referential_load (m->store, theirs->number, &local_error);
  if (mine == NULL &&
      !g_error_matches (local_error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND))
    {
      g_propagate_error (&m->error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (mine != NULL && (theirs->version_date == NULL ||
                       g_strcmp0 (mine->version_date, theirs->version_date) >= 0))
    return acq_referential_merge_retired (m->store, "pkg", uuid, &m->error);

  if (!acq_referential_merge_fiche (m->store, theirs, unmatched, &m->error) ||
      !acq_referential_merge_retired (m->store, "pkg", uuid, &m->error))
    return FALSE;
  if (mine == NULL)
    {
      text = g_strdup_printf (_("The certification “%s” was added to the referential."),
                              theirs->title);
      for (guint i = 0; i < theirs->blocs->len; i++)
        m->n_competences += ((AcqBlocDef *) g_ptr_array_index (theirs->blocs, i))->competences->len;
      m->n_blocs = theirs->blocs->len;
    }
  else
    text = g_strdup_printf (_("The certification “%s” was updated to its version of %s."),
                            theirs->title, theirs->version_date);
  _acq_import_report_add (m->report, ACQ_IMPORT_OTHER, NULL, text);
  for (guint i = 0; i < unmatched->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (unmatched, i), "\t", 2);
      g_autofree char *line = g_strdup_printf (_("The competence “%s” (%s) is not in the new "
                                                 "version: the sheets that link it keep it."),
                                               parts[1] != NULL ? parts[1] : "", parts[0]);

      _acq_import_report_add (m->report, ACQ_IMPORT_OTHER, NULL, line);
    }
  return TRUE;
}

static gboolean
complete_shared (Merge *m, Table *table)
{
  if (g_strcmp0 (table->name, "certification") == 0)
    return merge_certification (m);
  /* the blocs and competences come with their certification */
  return TRUE;
}

static void
report_referential (Merge *m)
{
  g_autofree char *blocs = NULL;
  g_autofree char *competences = NULL;

  if (m->n_blocs > 0)
    {
      blocs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u bloc of the candidate's certification was added "
                                            "to the referential.",
                                            "%u blocs of the candidate's certification were "
                                            "added to the referential.", m->n_blocs),
                               m->n_blocs);
      _acq_import_report_add (m->report, ACQ_IMPORT_OTHER, NULL, blocs);
    }
  if (m->n_competences > 0)
    {
      competences = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u competence of the candidate's "
                                                  "certification was added to the referential.",
                                                  "%u competences of the candidate's "
                                                  "certification were added to the referential.",
                                                  m->n_competences),
                                     m->n_competences);
      _acq_import_report_add (m->report, ACQ_IMPORT_OTHER, NULL, competences);
    }
}

gboolean
_acq_package_merge (AcqStore *store, const char *candidate_uuid, AcqRole author_role,
                    AcqImportReport *report, GError **error)
{
  Merge m = { 0 };

  merge_init (&m, store);
  m.candidate_uuid = candidate_uuid;
  m.author = author_role;
  m.report = report;

  if (load_tables (&m, "pkg") &&
      load_histories (&m, m.mine, "SELECT unit, history FROM main.sync_unit WHERE "
                      "candidate_uuid = ?1", candidate_uuid) &&
      load_histories (&m, m.theirs, "SELECT unit, history FROM pkg." ACQ_PACKAGE_UNIT_TABLE
                      " WHERE ?1 IS NOT NULL", candidate_uuid))
    for (guint t = 0; t < m.tables->len * 2 && m.error == NULL; t++)
      {
        /* The shared tables first: the records point into them. */
        Table *table = g_ptr_array_index (m.tables, t % m.tables->len);
        g_autoptr (GPtrArray) uuids = NULL;

        if (t < m.tables->len)
          {
            if (!table->by_candidate && !table->by_sheet)
              complete_shared (&m, table);
            continue;
          }
        if (!is_record_table (table))
          continue;
        uuids = list_records (&m, table, TRUE);
        for (guint r = 0; r < uuids->len && m.error == NULL; r++)
          merge_one (&m, table, g_ptr_array_index (uuids, r));
      }
  if (m.error == NULL)
    write_histories (&m);
  if (m.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&m.error));
      merge_clear (&m);
      return FALSE;
    }
  report_referential (&m);
  merge_clear (&m);
  return TRUE;
}

/* Conflicts ------------------------------------------------------------------------------- */

void
acq_conflict_free (AcqConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  g_free (conflict->candidate_uuid);
  g_free (conflict->sheet_uuid);
  g_free (conflict->sheet_title);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict);
}

static const char sql_conflicts[] =
  "SELECT c.uuid, c.candidate_uuid, c.sheet_uuid, s.title, c.rubric, CASE c.rubric"
  " WHEN 0 THEN s." ACQ_RUBRIC_TASKS_NAME " WHEN 1 THEN s." ACQ_RUBRIC_MEANS_NAME
  " WHEN 2 THEN s." ACQ_RUBRIC_PARTNERS_NAME " WHEN 3 THEN s." ACQ_RUBRIC_CONTEXT_NAME
  " ELSE s." ACQ_RUBRIC_ADDITIONAL_NAME " END, c.theirs FROM conflict c JOIN sheet s ON s.uuid = c.sheet_uuid"
  " JOIN candidate k ON k.uuid = c.candidate_uuid"
  " WHERE (?1 IS NULL OR c.candidate_uuid = ?1) AND s.deleted_at IS NULL AND k.deleted_at IS NULL"
  " ORDER BY c.created_at, s.title, c.rubric";

/**
 * acq_conflict_list:
 * @store: the store
 * @candidate_uuid: (nullable): whose conflicts; %NULL for every candidate's
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqConflict): the rubrics changed on both sides and
 *   not resolved yet, oldest first
 */
GPtrArray *
acq_conflict_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(stmt = acq_store_prepare (store, sql_conflicts, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqConflict *conflict = g_new0 (AcqConflict, 1);

      conflict->uuid = _acq_sql_column_dup (stmt, 0);
      conflict->candidate_uuid = _acq_sql_column_dup (stmt, 1);
      conflict->sheet_uuid = _acq_sql_column_dup (stmt, 2);
      conflict->sheet_title = _acq_sql_column_dup (stmt, 3);
      conflict->rubric = CLAMP (sqlite3_column_int (stmt, 4), 0, ACQ_N_RUBRICS - 1);
      conflict->mine = _acq_sql_column_dup (stmt, 5);
      conflict->theirs = _acq_sql_column_dup (stmt, 6);
      g_ptr_array_add (list, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "listing conflicts");
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
resolve (Merge *m, const char *conflict_uuid, const char *text)
{
  g_autofree char *sheet = query (m, "SELECT sheet_uuid FROM main.conflict WHERE uuid = ?1",
                                  conflict_uuid);
  g_autofree char *rubric_text = query (m, "SELECT rubric FROM main.conflict WHERE uuid = ?1",
                                        conflict_uuid);
  g_autofree char *theirs = query (m, "SELECT theirs_history FROM main.conflict WHERE uuid = ?1",
                                   conflict_uuid);
  g_autofree char *sql = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *hash = NULL;
  g_auto (GStrv) their_history = NULL;
  Table *sheet_table = NULL;
  Group *group;
  int rubric;

  if (m->error != NULL)
    return FALSE;
  if (sheet == NULL || rubric_text == NULL)
    {
      g_set_error_literal (&m->error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This conflict was already resolved. Nothing was changed."));
      return FALSE;
    }
  rubric = CLAMP ((int) g_ascii_strtoll (rubric_text, NULL, 10), 0, ACQ_N_RUBRICS - 1);
  if (!acq_text_validate (text, ACQ_SHEET_RUBRIC_MAX_CHARS, acq_rubric_label (rubric), &m->error))
    return FALSE;
  for (guint t = 0; t < m->tables->len; t++)
    if (g_strcmp0 (((Table *) g_ptr_array_index (m->tables, t))->name, "sheet") == 0)
      sheet_table = g_ptr_array_index (m->tables, t);
  g_return_val_if_fail (sheet_table != NULL, FALSE);
  group = g_ptr_array_index (sheet_table->groups, rubric);
  sql = g_strdup_printf ("UPDATE main.sheet SET \"%s\" = ?2, revision = revision + 1, "
                         "updated_at = '%s' WHERE uuid = ?1",
                         (char *) g_ptr_array_index (group->columns, 0), m->now);
  if (!run (m, sql, sheet, text))
    return FALSE;
  /* The choice descends from both texts: either side takes it at the next exchange. */
  unit = unit_name (sheet_table, sheet, group);
  hash = unit_hash (m, sheet_table, group, "main", sheet);
  their_history = g_strsplit (theirs ? theirs : "", " ", -1);
  set_history (m, unit, history_join (g_hash_table_lookup (m->mine, unit), their_history, hash));
  return write_histories (m) &&
         run (m, "DELETE FROM main.conflict WHERE uuid = ?1", conflict_uuid, NULL);
}

/**
 * acq_conflict_resolve:
 * @store: the store
 * @conflict_uuid: which
 * @text: the rubric's text as the user chose it (one side's, the other's, or a mix)
 * @error: where to put an error
 *
 * Writes @text into the rubric and forgets the conflict, in one transaction. The other side
 * takes @text at the next exchange, even if it still has the conflict.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_conflict_resolve (AcqStore *store, const char *conflict_uuid, const char *text,
                      GError **error)
{
  Merge m = { 0 };
  g_autofree char *candidate = NULL;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (conflict_uuid != NULL && text != NULL, FALSE);

  merge_init (&m, store);

  if (!acq_store_begin (store, error))
    {
      merge_clear (&m);
      return FALSE;
    }
  candidate = query (&m, "SELECT candidate_uuid FROM main.conflict WHERE uuid = ?1",
                     conflict_uuid);
  m.candidate_uuid = candidate;
  ok = load_tables (&m, "main") &&
       load_histories (&m, m.mine, "SELECT unit, history FROM main.sync_unit WHERE "
                       "candidate_uuid = ?1", candidate) &&
       resolve (&m, conflict_uuid, text) && acq_store_commit (store, &m.error);
  if (!ok)
    {
      acq_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&m.error));
    }
  merge_clear (&m);
  return ok;
}
