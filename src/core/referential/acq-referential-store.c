/* acq-referential-store.c — certifications, their blocs and competences kept in the store,
 * under uuids that every machine derives the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-referential-private.h"
#include "acq-sql-private.h"

/**
 * acq_referential_derive_uuid:
 * @name: a name such as "acquis:bloc:RNCP37274BC01"
 *
 * Derives the RFC 4122 version 5 uuid of @name in the URL namespace, which is what Python's
 * `uuid.uuid5 (uuid.NAMESPACE_URL, name)` gives too: the same on every machine.
 *
 * Returns: (transfer full): the uuid, in lower case
 */
char *
acq_referential_derive_uuid (const char *name)
{
  static const guint8 namespace_url[16] = { 0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 d[20];
  gsize len = sizeof d;

  g_return_val_if_fail (name != NULL, NULL);

  g_checksum_update (sha1, namespace_url, sizeof namespace_url);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, d, &len);
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10],
                          d[11], d[12], d[13], d[14], d[15]);
}

static char *
derive_uuid (const char *kind, const char *key, guint position)
{
  g_autofree char *name = position > 0 ? g_strdup_printf ("acquis:%s:%s:%u", kind, key, position)
                                       : g_strdup_printf ("acquis:%s:%s", kind, key);

  return acq_referential_derive_uuid (name);
}

static gboolean
sqlite_failed (AcqStore *store, int rc, const char *doing, GError **error)
{
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, doing);
}

/* A statement built at run time (a schema's or a table's name in it): the store's cache keys
 * its statements by their text's address, so this one is prepared for one use and the caller
 * finalizes it. */
static sqlite3_stmt *
prepare_built (AcqStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite_failed (store, rc, "preparing a statement", error);
      return NULL;
    }
  return stmt;
}

static AcqBlocDef *
bloc_from_row (sqlite3_stmt *stmt)
{
  AcqBlocDef *bloc = _acq_referential_bloc_def_new ();

  bloc->uuid = _acq_sql_column_dup (stmt, 0);
  bloc->code = _acq_sql_column_dup (stmt, 1);
  bloc->position = sqlite3_column_int (stmt, 2);
  bloc->title = _acq_sql_column_dup (stmt, 3);
  bloc->evaluation = _acq_sql_column_dup (stmt, 4);
  bloc->competence_uuids = g_ptr_array_new_with_free_func (g_free);
  return bloc;
}

static gboolean
load_blocs (AcqStore *store, const char *schema, AcqFiche *fiche, GError **error)
{
  AcqBlocDef *bloc = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* The competences an older version left (retired_at set) and the blocs it left (a place
   * below 1) are not the fiche's: they stay only for the links a sheet holds to them. */
  sql = g_strdup_printf ("SELECT b.uuid, b.code, b.position, b.title, b.evaluation, c.uuid, "
                         "c.label FROM %s.bloc b LEFT JOIN %s.competence c ON c.bloc_uuid = "
                         "b.uuid AND c.retired_at IS NULL AND c.position > 0 "
                         "WHERE b.certification_uuid = ?1 AND b.position > 0 "
                         "ORDER BY b.position, c.position", schema, schema);
  stmt = prepare_built (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fiche->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (bloc == NULL ||
          g_strcmp0 (bloc->uuid, (const char *) sqlite3_column_text (stmt, 0)) != 0)
        {
          bloc = bloc_from_row (stmt);
          g_ptr_array_add (fiche->blocs, bloc);
        }
      if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        continue;
      g_ptr_array_add (bloc->competence_uuids, _acq_sql_column_dup (stmt, 5));
      g_ptr_array_add (bloc->competences, _acq_sql_column_dup (stmt, 6));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || sqlite_failed (store, rc, "reading blocs", error);
}

static AcqFiche *
load_where (AcqStore *store, const char *schema, const char *column, const char *value,
            GError **error)
{
  g_autoptr (AcqFiche) fiche = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT uuid, rncp, title, active, version_date, "
                                          "abrege_code, abrege_label FROM "
                                          "%s.certification WHERE %s = ?1", schema, column);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_built (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fiche = _acq_referential_fiche_new ();
      fiche->uuid = _acq_sql_column_dup (stmt, 0);
      fiche->number = _acq_sql_column_dup (stmt, 1);
      fiche->title = _acq_sql_column_dup (stmt, 2);
      fiche->active = sqlite3_column_int (stmt, 3) != 0;
      fiche->version_date = _acq_sql_column_dup (stmt, 4);
      if (fiche->version_date != NULL && *fiche->version_date == '\0')
        g_clear_pointer (&fiche->version_date, g_free);
      fiche->abrege_code = _acq_sql_column_dup (stmt, 5);
      if (fiche->abrege_code != NULL && *fiche->abrege_code == '\0')
        g_clear_pointer (&fiche->abrege_code, g_free);
      fiche->abrege_label = _acq_sql_column_dup (stmt, 6);
      if (fiche->abrege_label != NULL && *fiche->abrege_label == '\0')
        g_clear_pointer (&fiche->abrege_label, g_free);
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                 _("The certification %s is not in the Acquis data yet."), value);
  else if (rc != SQLITE_ROW)
    sqlite_failed (store, rc, "reading a certification", error);
  if (fiche == NULL || !load_blocs (store, schema, fiche, error))
    return NULL;
  return g_steal_pointer (&fiche);
}

/**
 * acq_referential_load:
 * @store: the store
 * @number: the RNCP number, such as "RNCP37274"
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_NOT_FOUND if the store lacks it
 *
 * Reads a certification back from the store, with the uuids of the certification, of its blocs
 * and of its competences.
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_load (AcqStore *store, const char *number, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, "main", "rncp", number, error);
}

/**
 * acq_referential_load_attached:
 * @store: the store
 * @schema: the name of a database attached to the store's connection, such as the content of
 *   an exchange file ("pkg"), in the store's schema
 * @uuid: the uuid of the certification
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_NOT_FOUND if @schema lacks it
 *
 * Reads a certification from another database of the same shape, as acq_referential_load()
 * reads it from the store. Nothing is checked: see acq_referential_check_fiche().
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_load_attached (AcqStore *store, const char *schema, const char *uuid,
                               GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (schema != NULL && uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, schema, "uuid", uuid, error);
}

/**
 * acq_referential_load_uuid:
 * @store: the store
 * @uuid: the uuid of the certification, as a candidate holds it
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_NOT_FOUND if the store lacks it
 *
 * Reads back the certification a candidate aims at, as acq_referential_load() does.
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_load_uuid (AcqStore *store, const char *uuid, GError **error)
{
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (uuid == NULL)
    {
      g_set_error_literal (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                           _("No certification is chosen."));
      return NULL;
    }
  stmt = acq_store_prepare (store, "SELECT rncp FROM certification WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = _acq_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                         _("The certification chosen is not in the Acquis data any more."));
  else if (rc != SQLITE_ROW)
    sqlite_failed (store, rc, "reading a certification", error);
  if (number == NULL)
    return NULL;
  return acq_referential_load (store, number, error);
}

/**
 * acq_referential_list_stored:
 * @store: the store
 * @error: where to put an error
 *
 * The certifications the store holds, by number, for a user to choose one: each with its uuid,
 * number, title and state, without its blocs.
 *
 * Returns: (transfer full) (element-type AcqFiche) (nullable): the fiches, or %NULL with
 *   @error set
 */
GPtrArray *
acq_referential_list_stored (AcqStore *store, GError **error)
{
  g_autoptr (GPtrArray) fiches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_fiche_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT uuid, rncp, title, active FROM certification "
                            "ORDER BY rncp", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqFiche *fiche = _acq_referential_fiche_new ();

      fiche->uuid = _acq_sql_column_dup (stmt, 0);
      fiche->number = _acq_sql_column_dup (stmt, 1);
      fiche->title = _acq_sql_column_dup (stmt, 2);
      fiche->active = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (fiches, fiche);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (store, rc, "listing the certifications", error);
      return NULL;
    }
  return g_steal_pointer (&fiches);
}

/* Removes what a fiche no longer has: @sql deletes the rows of @parent_uuid (?1) placed beyond
 * the @count (?2) it has now. */
static gboolean
delete_beyond (AcqStore *store, const char *sql, const char *parent_uuid, guint count,
               GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, parent_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, count);
  return acq_store_step_done (store, stmt, error);
}

static gboolean
write_competences (AcqStore         *store,
                   const char       *bloc_uuid,
                   const AcqBlocDef *bloc,
                   const char       *now,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < bloc->competences->len; i++)
    {
      g_autofree char *uuid = derive_uuid ("competence", bloc->code, i + 1);

      stmt = acq_store_prepare (store,
                                "INSERT INTO competence (uuid, bloc_uuid, position, label, "
                                "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                                "ON CONFLICT (uuid) DO UPDATE SET label = excluded.label, "
                                "updated_at = excluded.updated_at "
                                "WHERE label IS NOT excluded.label",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, bloc_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i + 1);
      sqlite3_bind_text (stmt, 4, g_ptr_array_index (bloc->competences, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      if (!acq_store_step_done (store, stmt, error))
        return FALSE;
    }

  return delete_beyond (store, "DELETE FROM competence WHERE bloc_uuid = ?1 AND position > ?2",
                        bloc_uuid, bloc->competences->len, error);
}

static gboolean
write_bloc (AcqStore         *store,
            const char       *certification_uuid,
            const AcqBlocDef *bloc,
            int               position,
            const char       *now,
            GError          **error)
{
  g_autofree char *uuid = derive_uuid ("bloc", bloc->code, 0);
  sqlite3_stmt *stmt;

  /* Another bloc in this place (the blocs were reordered, or one replaced) steps aside to a
   * negative position, out of the way of UNIQUE (certification_uuid, position): it gets its new
   * place when its turn comes, or goes with the blocs the fiche no longer has. */
  stmt = acq_store_prepare (store, "UPDATE bloc SET position = -position WHERE "
                                   "certification_uuid = ?1 AND position = ?2 AND uuid <> ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;

  stmt = acq_store_prepare (store,
                            "INSERT INTO bloc (uuid, certification_uuid, code, position, title, "
                            "evaluation, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
                            "ON CONFLICT (uuid) DO UPDATE SET "
                            "certification_uuid = excluded.certification_uuid, "
                            "position = excluded.position, title = excluded.title, "
                            "evaluation = excluded.evaluation, updated_at = excluded.updated_at "
                            "WHERE certification_uuid IS NOT excluded.certification_uuid "
                            "OR position IS NOT excluded.position OR title IS NOT excluded.title "
                            "OR evaluation IS NOT excluded.evaluation",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, certification_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bloc->code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, bloc->title != NULL ? bloc->title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, bloc->evaluation != NULL ? bloc->evaluation : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error) &&
         write_competences (store, uuid, bloc, now, error);
}

/* The blocs write_fiche() kept beyond the fiche's places go below 1, one by one so that
 * UNIQUE (certification_uuid, position) never meets two of them at the same place. */
static gboolean
park_blocs_beyond (AcqStore *store, const char *certification_uuid, guint count,
                   GError **error)
{
  for (;;)
    {
      g_autofree char *uuid = NULL;
      sqlite3_stmt *stmt = acq_store_prepare (store, "SELECT uuid FROM bloc WHERE "
                                              "certification_uuid = ?1 AND position > ?2",
                                              error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, count);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        uuid = _acq_sql_column_dup (stmt, 0);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_ROW)
        return sqlite_failed (store, rc, "setting aside a bloc", error);
      stmt = acq_store_prepare (store, "UPDATE bloc SET position = (SELECT MIN (0, MIN (position))"
                                " - 1 FROM bloc WHERE certification_uuid = ?1) WHERE uuid = ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
      if (!acq_store_step_done (store, stmt, error))
        return FALSE;
    }
}

/* Every statement changes only what differs: the same fiche again writes no row and no
 * timestamp, and leaves nothing for the exchange to carry. */
static gboolean
write_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *uuid = derive_uuid ("certification", fiche->number, 0);
  sqlite3_stmt *stmt;

  stmt = acq_store_prepare (store,
                            "INSERT INTO certification (uuid, rncp, title, active, created_at, "
                            "updated_at, version_date, abrege_code, abrege_label) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8) "
                            "ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, "
                            "active = excluded.active, updated_at = excluded.updated_at, "
                            "version_date = excluded.version_date, "
                            "abrege_code = excluded.abrege_code, "
                            "abrege_label = excluded.abrege_label "
                            "WHERE title IS NOT excluded.title OR active IS NOT excluded.active "
                            "OR version_date IS NOT excluded.version_date "
                            "OR abrege_code IS NOT excluded.abrege_code "
                            "OR abrege_label IS NOT excluded.abrege_label",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fiche->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fiche->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, fiche->active ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fiche->version_date != NULL ? fiche->version_date : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fiche->abrege_code != NULL ? fiche->abrege_code : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fiche->abrege_label != NULL ? fiche->abrege_label : "", -1,
                     SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < fiche->blocs->len; i++)
    if (!write_bloc (store, uuid, g_ptr_array_index (fiche->blocs, i), i + 1, now, error))
      return FALSE;

  /* A bloc the new version no longer has goes, unless it holds an older version's
   * competence that a sheet still links: then it stays, out of the fiche's places. */
  return delete_beyond (store,
                        "DELETE FROM bloc WHERE certification_uuid = ?1 "
                        "AND (position < 0 OR position > ?2) AND NOT EXISTS (SELECT 1 FROM "
                        "competence c WHERE c.bloc_uuid = bloc.uuid AND c.retired_at IS NOT NULL)",
                        uuid, fiche->blocs->len, error) &&
         park_blocs_beyond (store, uuid, fiche->blocs->len, error) &&
         delete_beyond (store, "DELETE FROM competence WHERE retired_at IS NULL AND bloc_uuid IN "
                        "(SELECT uuid FROM bloc WHERE certification_uuid = ?1 AND position < ?2)",
                        uuid, 1, error);
}

/* A new version of a fiche ---------------------------------------------------------------
 *
 * A competence's uuid derives from its bloc and its place, so a new version that rewords,
 * inserts or reorders competences would leave a sheet's link on a uuid that now means another
 * text. Before the new version is written, every competence of the stored one is matched by
 * its wording (_acq_referential_match_key(): case, punctuation and spaces aside), in its bloc
 * first, then anywhere in the fiche, and the links move with it. A competence the new version
 * no longer words cannot be matched; if nothing links it, it simply goes. If a sheet (or the
 * jury's page) links it, its row is kept, marked as from the older version (retired_at, a
 * place below 1, a uuid derived from its bloc and its wording so that both sides of an
 * exchange name it alike) and the links stay on it: dropping them would lose what the
 * candidate wrote, and pointing them at the nearest new wording would claim something the
 * candidate never said. The caller lists those to the user, who relinks the sheets by hand. */

typedef struct
{
  char    *uuid;
  char    *bloc_uuid;
  char    *bloc_code;
  char    *label;
  char    *key;
  gboolean linked;
} OldCompetence;

static void
old_competence_free (OldCompetence *old)
{
  g_free (old->uuid);
  g_free (old->bloc_uuid);
  g_free (old->bloc_code);
  g_free (old->label);
  g_free (old->key);
  g_free (old);
}

/* The tables whose rows link a competence, whatever tables a later version adds. */
static GPtrArray *
link_tables (AcqStore *store, GError **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = acq_store_prepare (store, "SELECT m.name FROM main.sqlite_master m WHERE m.type = "
                            "'table' AND m.name <> 'competence' AND EXISTS (SELECT 1 FROM "
                            "pragma_table_info (m.name) p WHERE p.name = 'competence_uuid') "
                            "ORDER BY m.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, _acq_sql_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (store, rc, "listing the links of competences", error);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

static gboolean
is_linked (AcqStore *store, GPtrArray *tables, const char *uuid, gboolean *out_linked,
           GError **error)
{
  *out_linked = FALSE;
  for (guint i = 0; i < tables->len && !*out_linked; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM main.\"%s\" WHERE competence_uuid "
                                              "= ?1 LIMIT 1",
                                              (char *) g_ptr_array_index (tables, i));
      sqlite3_stmt *stmt = prepare_built (store, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sqlite_failed (store, rc, "looking for links", error);
      *out_linked = rc == SQLITE_ROW;
    }
  return TRUE;
}

static GPtrArray *
read_current (AcqStore *store, const char *certification_uuid, GPtrArray *tables,
              GError **error)
{
  g_autoptr (GPtrArray) olds = g_ptr_array_new_with_free_func ((GDestroyNotify) old_competence_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = acq_store_prepare (store, "SELECT c.uuid, b.uuid, b.code, c.label FROM competence c "
                            "JOIN bloc b ON b.uuid = c.bloc_uuid WHERE b.certification_uuid = ?1 "
                            "AND b.position > 0 AND c.retired_at IS NULL ORDER BY b.position, "
                            "c.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OldCompetence *old = g_new0 (OldCompetence, 1);

      old->uuid = _acq_sql_column_dup (stmt, 0);
      old->bloc_uuid = _acq_sql_column_dup (stmt, 1);
      old->bloc_code = _acq_sql_column_dup (stmt, 2);
      old->label = _acq_sql_column_dup (stmt, 3);
      old->key = _acq_referential_match_key (old->label);
      g_ptr_array_add (olds, old);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (store, rc, "reading the stored competences", error);
      return NULL;
    }
  for (guint i = 0; i < olds->len; i++)
    {
      OldCompetence *old = g_ptr_array_index (olds, i);

      if (!is_linked (store, tables, old->uuid, &old->linked, error))
        return NULL;
    }
  return g_steal_pointer (&olds);
}

/* The uuid an older version's competence keeps once retired: the same on every machine. */
static char *
derive_retired_uuid (const char *bloc_code, const char *label)
{
  g_autofree char *key = _acq_referential_match_key (label);
  g_autofree char *name = g_strdup_printf ("acquis:retired-competence:%s:%s", bloc_code, key);

  return acq_referential_derive_uuid (name);
}

static gboolean
retire (AcqStore *store, const OldCompetence *old, const char *uuid, const char *now,
        GError **error)
{
  sqlite3_stmt *stmt;

  stmt = acq_store_prepare (store,
                            "INSERT INTO competence (uuid, bloc_uuid, position, label, "
                            "created_at, updated_at, retired_at) VALUES (?1, ?2, (SELECT "
                            "MIN (0, MIN (position)) - 1 FROM competence WHERE bloc_uuid = ?2), "
                            "?3, ?4, ?4, ?4) ON CONFLICT (uuid) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, old->bloc_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, old->label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error);
}

/* Moves every link of @from to @to in each table; a link @to already has stays once. */
static gboolean
move_links (AcqStore *store, GPtrArray *tables, const char *from, const char *to,
            GError **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("UPDATE OR IGNORE main.\"%s\" SET competence_uuid "
                                              "= ?2 WHERE competence_uuid = ?1; DELETE FROM "
                                              "main.\"%s\" WHERE competence_uuid = ?1", table,
                                              table);
      const char *tail = sql;

      /* the two statements in turn, with the same names */
      while (tail != NULL && *tail != '\0')
        {
          sqlite3_stmt *stmt = NULL;
          int rc = sqlite3_prepare_v2 (acq_store_get_db (store), tail, -1, &stmt, &tail);

          if (rc == SQLITE_OK && stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
              if (sqlite3_bind_parameter_count (stmt) >= 2)
                sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
              rc = sqlite3_step (stmt);
              rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_OK)
            return sqlite_failed (store, rc, "moving links to competences", error);
        }
    }
  return TRUE;
}

/* The uuid of the competence of @fiche worded as @old, in its bloc first. */
static char *
find_new (const AcqFiche *fiche, const OldCompetence *old)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < fiche->blocs->len; i++)
      {
        const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i);

        if ((pass == 0) != (g_strcmp0 (bloc->code, old->bloc_code) == 0))
          continue;
        for (guint j = 0; j < bloc->competences->len; j++)
          {
            g_autofree char *key = _acq_referential_match_key (g_ptr_array_index (bloc->competences,
                                                                                  j));

            if (strcmp (key, old->key) == 0)
              return derive_uuid ("competence", bloc->code, j + 1);
          }
      }
  return NULL;
}

typedef struct
{
  char *from; /* parked as "moving:<uuid>" while the new version is written */
  char *to;
} Move;

static void
move_free (Move *move)
{
  g_free (move->from);
  g_free (move->to);
  g_free (move);
}

static gboolean
write_fiche_following (AcqStore *store, const AcqFiche *fiche, GPtrArray *unmatched,
                       GError **error)
{
  g_autofree char *uuid = derive_uuid ("certification", fiche->number, 0);
  g_autofree char *now = acq_store_now ();
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GPtrArray) olds = NULL;
  g_autoptr (GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) move_free);

  /* Links are parked on a name no competence has while the rows change under them. */
  if (!acq_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) ||
      (tables = link_tables (store, error)) == NULL ||
      (olds = read_current (store, uuid, tables, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < olds->len; i++)
    {
      OldCompetence *old = g_ptr_array_index (olds, i);
      g_autofree char *to = find_new (fiche, old);
      Move *move;

      if (g_strcmp0 (to, old->uuid) == 0)
        continue;
      if (to == NULL)
        {
          if (unmatched != NULL)
            g_ptr_array_add (unmatched, g_strdup_printf ("%s\t%s", old->bloc_code, old->label));
          if (!old->linked)
            continue;
          to = derive_retired_uuid (old->bloc_code, old->label);
          if (!retire (store, old, to, now, error))
            return FALSE;
        }
      if (!old->linked)
        continue;
      move = g_new0 (Move, 1);
      move->from = g_strconcat ("moving:", old->uuid, NULL);
      move->to = g_steal_pointer (&to);
      g_ptr_array_add (moves, move);
      if (!move_links (store, tables, old->uuid, move->from, error))
        return FALSE;
    }

  if (!write_fiche (store, fiche, error))
    return FALSE;
  for (guint i = 0; i < moves->len; i++)
    {
      Move *move = g_ptr_array_index (moves, i);

      if (!move_links (store, tables, move->from, move->to, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_not_older (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (AcqFiche) stored = acq_referential_load (store, fiche->number, &local_error);

  if (stored == NULL)
    {
      if (g_error_matches (local_error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (stored->version_date == NULL || fiche->version_date == NULL ||
      strcmp (stored->version_date, fiche->version_date) <= 0)
    return TRUE;
  g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_OLDER,
               _("Acquis already holds a newer version of %s (of %s) than this one (of %s): "
                 "it was kept. Import the fiche from a newer export."),
               fiche->number, stored->version_date, fiche->version_date);
  return FALSE;
}

/* Far beyond any real fiche (the national export's largest has 16 blocs of 40 competences),
 * short of what would make a crafted file costly. */
#define CHECK_MAX_BLOCS 64
#define CHECK_MAX_COMPETENCES 200
#define CHECK_MAX_CHARS (64 * 1024)

static gboolean
check_failed (GError **error, const char *number)
{
  g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED,
               _("The certification %s in this file is not one Acquis can store: its blocs or "
                 "competences are damaged."), number != NULL ? number : "?");
  return FALSE;
}

static gboolean
check_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) &&
         g_utf8_strlen (text, -1) <= CHECK_MAX_CHARS;
}

static gboolean
check_uuid (const char *uuid, const char *kind, const char *key, guint position)
{
  g_autofree char *expected = derive_uuid (kind, key, position);

  return uuid == NULL || g_strcmp0 (uuid, expected) == 0;
}

/**
 * acq_referential_check_fiche:
 * @fiche: a fiche from a file that anyone may have written (an exchange's content)
 * @error: where to put an error
 *
 * Checks what acq_referential_store_fiche() needs, and what a crafted file could get wrong:
 * the uuids are the ones every machine derives, each bloc's code is of its fiche (so that it
 * cannot take over a bloc of another certification), the version date is a date, and the
 * sizes are those of a fiche.
 *
 * Returns: %TRUE if the fiche can be stored
 */
gboolean
acq_referential_check_fiche (const AcqFiche *fiche, GError **error)
{
  g_return_val_if_fail (fiche != NULL, FALSE);

  if (!_acq_referential_validate_fiche (fiche, error))
    return FALSE;
  if (!check_text (fiche->number) || !check_text (fiche->title) ||
      !g_str_has_prefix (fiche->number, "RNCP") || strlen (fiche->number) > 16 ||
      !check_uuid (fiche->uuid, "certification", fiche->number, 0) ||
      !_acq_referential_check_version_date (fiche->version_date) ||
      (fiche->abrege_code != NULL &&
       (!check_text (fiche->abrege_code) || strlen (fiche->abrege_code) > 16)) ||
      (fiche->abrege_label != NULL &&
       (!check_text (fiche->abrege_label) || strlen (fiche->abrege_label) > 256)) ||
      fiche->blocs->len > CHECK_MAX_BLOCS)
    return check_failed (error, fiche->number);
  for (guint i = 0; i < fiche->blocs->len; i++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i);

      if (!check_text (bloc->code) || !g_str_has_prefix (bloc->code, fiche->number) ||
          strlen (bloc->code) > 32 || !check_text (bloc->title) ||
          !check_text (bloc->evaluation != NULL ? bloc->evaluation : "") ||
          !check_uuid (bloc->uuid, "bloc", bloc->code, 0) ||
          bloc->competences->len > CHECK_MAX_COMPETENCES)
        return check_failed (error, fiche->number);
      for (guint j = 0; j < bloc->competences->len; j++)
        if (!check_text (g_ptr_array_index (bloc->competences, j)) ||
            (bloc->competence_uuids != NULL && j < bloc->competence_uuids->len &&
             !check_uuid (g_ptr_array_index (bloc->competence_uuids, j), "competence",
                          bloc->code, j + 1)))
          return check_failed (error, fiche->number);
    }
  return TRUE;
}

/**
 * acq_referential_merge_fiche:
 * @store: the store, inside a transaction the caller opened
 * @fiche: a complete fiche
 * @unmatched: (nullable) (element-type utf8): where to add, as "BLOC_CODE\tWORDING", each
 *   competence of the stored version that this one no longer words
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_OLDER if the store holds a newer
 *   version
 *
 * Writes @fiche in the caller's transaction (an exchange's merge uses it), keeping every link
 * of a sheet to a competence of the stored version: see acq_referential_store_fiche_full().
 *
 * Returns: %TRUE if written
 */
gboolean
acq_referential_merge_fiche (AcqStore *store, const AcqFiche *fiche, GPtrArray *unmatched,
                             GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _acq_referential_validate_fiche (fiche, error) && check_not_older (store, fiche, error) &&
         write_fiche_following (store, fiche, unmatched, error);
}

/**
 * acq_referential_merge_retired:
 * @store: the store, inside a transaction the caller opened, with @schema attached
 * @schema: the attached content of an exchange file ("pkg")
 * @certification_uuid: the candidate's certification
 * @error: where to put an error
 *
 * Adds the competences of an older version of the certification that @schema kept for its
 * sheets' links (see acq_referential_store_fiche_full()) and the store lacks, into the blocs
 * the store has. Each must bear the uuid every machine derives from its bloc and wording.
 *
 * Returns: %FALSE with @error set if one is damaged
 */
gboolean
acq_referential_merge_retired (AcqStore *store, const char *schema,
                               const char *certification_uuid, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (schema != NULL && certification_uuid != NULL, FALSE);

  sql = g_strdup_printf ("SELECT c.uuid, b.uuid, b.code, c.label FROM %s.competence c JOIN "
                         "main.bloc b ON b.uuid = c.bloc_uuid WHERE b.certification_uuid = ?1 "
                         "AND c.retired_at IS NOT NULL AND c.uuid NOT IN (SELECT uuid FROM "
                         "main.competence)", schema);
  if ((stmt = prepare_built (store, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OldCompetence old = { 0 };
      g_autofree char *expected = NULL;

      old.bloc_uuid = (char *) _acq_sql_column_text (stmt, 1);
      old.label = (char *) _acq_sql_column_text (stmt, 3);
      if (!check_text (old.label) || !check_text (_acq_sql_column_text (stmt, 2)))
        {
          ok = check_failed (error, NULL);
          break;
        }
      expected = derive_retired_uuid (_acq_sql_column_text (stmt, 2), old.label);
      if (g_strcmp0 (expected, _acq_sql_column_text (stmt, 0)) != 0)
        ok = check_failed (error, NULL);
      else
        ok = retire (store, &old, expected, now, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = sqlite_failed (store, rc, "reading retired competences", error);
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * acq_referential_store_fiche_full:
 * @store: the store
 * @fiche: a complete fiche, as the parser gives
 * @unmatched: (nullable) (element-type utf8): where to add, as "BLOC_CODE\tWORDING", each
 *   competence of the stored version that this one no longer words
 * @error: where to put an error
 *
 * Adds or updates a certification, its blocs and its competences, in one transaction. Their
 * uuids derive from the RNCP number and the bloc codes (see acq_referential_derive_uuid()), so
 * that every machine gives them the same. Storing a fiche that is already there writes nothing.
 * Over a stored version, the competences are matched by their wording and every link of a
 * sheet follows its competence; one that the new version no longer words is kept, retired, for
 * the sheets that link it, and listed in @unmatched. A version older than the stored one is
 * refused (%ACQ_REFERENTIAL_ERROR_OLDER).
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_referential_store_fiche_full (AcqStore *store, const AcqFiche *fiche, GPtrArray *unmatched,
                                  GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_acq_referential_validate_fiche (fiche, error) || !acq_store_begin (store, error))
    return FALSE;
  if (acq_referential_merge_fiche (store, fiche, unmatched, error) &&
      acq_store_commit (store, error))
    return TRUE;
  acq_store_rollback (store);
  if (unmatched != NULL)
    g_ptr_array_set_size (unmatched, 0);
  return FALSE;
}

/**
 * acq_referential_store_fiche:
 * @store: the store
 * @fiche: a complete fiche, as the parser gives
 * @error: where to put an error
 *
 * acq_referential_store_fiche_full() without the list of unmatched competences.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_referential_store_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  return acq_referential_store_fiche_full (store, fiche, NULL, error);
}

/**
 * acq_referential_ensure_default:
 * @store: the store
 * @error: where to put an error
 *
 * Stores the certification Acquis ships (%ACQ_REFERENTIAL_DEFAULT_FICHE) unless the store
 * already has it, which costs a single query.
 *
 * Returns: %TRUE if the store has it
 */
gboolean
acq_referential_ensure_default (AcqStore *store, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = acq_store_prepare (store, "SELECT 1 FROM certification WHERE rncp = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ACQ_REFERENTIAL_DEFAULT_FICHE, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return sqlite_failed (store, rc, "looking for the default certification", error);

  stream = g_resources_open_stream (ACQ_REFERENTIAL_RESOURCE_DIR ACQ_REFERENTIAL_DEFAULT_FICHE
                                    ".xml", G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (stream == NULL)
    return FALSE;
  fiche = acq_referential_read_fiche (stream, ACQ_REFERENTIAL_DEFAULT_FICHE, NULL, error);
  return fiche != NULL && acq_referential_store_fiche (store, fiche, error);
}

/**
 * acq_referential_import_fiche:
 * @store: the store
 * @fiche: a fiche read from an export
 * @error: where to put an error
 *
 * Stores a certification the user brought, as every import is made: the data folder backed
 * up first, then the fiche in one transaction (acq_referential_store_fiche()).
 *
 * Returns: %FALSE with nothing changed on error
 */
gboolean
acq_referential_import_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  return acq_referential_import_fiche_full (store, fiche, NULL, error);
}

/**
 * acq_referential_import_fiche_full:
 * @store: the store
 * @fiche: a fiche read from an export
 * @unmatched: (nullable) (element-type utf8): see acq_referential_store_fiche_full()
 * @error: where to put an error
 *
 * acq_referential_import_fiche(), saying which competences of the stored version the new one
 * no longer words.
 *
 * Returns: %FALSE with nothing changed on error
 */
gboolean
acq_referential_import_fiche_full (AcqStore *store, const AcqFiche *fiche, GPtrArray *unmatched,
                                   GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);

  return acq_store_backup_before_import (acq_store_get_data_dir (store), NULL, error) &&
         acq_referential_store_fiche_full (store, fiche, unmatched, error);
}
