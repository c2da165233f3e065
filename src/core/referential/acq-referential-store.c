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
load_blocs (AcqStore *store, AcqFiche *fiche, GError **error)
{
  AcqBlocDef *bloc = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = acq_store_prepare (store,
                            "SELECT b.uuid, b.code, b.position, b.title, b.evaluation, c.uuid, "
                            "c.label FROM bloc b LEFT JOIN competence c ON c.bloc_uuid = b.uuid "
                            "WHERE b.certification_uuid = ?1 ORDER BY b.position, c.position",
                            error);
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
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || sqlite_failed (store, rc, "reading blocs", error);
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
  g_autoptr (AcqFiche) fiche = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT uuid, title, active FROM certification WHERE rncp = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fiche = _acq_referential_fiche_new ();
      fiche->uuid = _acq_sql_column_dup (stmt, 0);
      fiche->number = g_strdup (number);
      fiche->title = _acq_sql_column_dup (stmt, 1);
      fiche->active = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                 _("The certification %s is not in the Acquis data yet."), number);
  else if (rc != SQLITE_ROW)
    sqlite_failed (store, rc, "reading a certification", error);
  if (fiche == NULL || !load_blocs (store, fiche, error))
    return NULL;
  return g_steal_pointer (&fiche);
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
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                            "ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, "
                            "active = excluded.active, updated_at = excluded.updated_at "
                            "WHERE title IS NOT excluded.title OR active IS NOT excluded.active",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fiche->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fiche->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, fiche->active ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < fiche->blocs->len; i++)
    if (!write_bloc (store, uuid, g_ptr_array_index (fiche->blocs, i), i + 1, now, error))
      return FALSE;

  return delete_beyond (store,
                        "DELETE FROM bloc WHERE certification_uuid = ?1 "
                        "AND (position < 0 OR position > ?2)",
                        uuid, fiche->blocs->len, error);
}

/**
 * acq_referential_store_fiche:
 * @store: the store
 * @fiche: a complete fiche, as the parser gives
 * @error: where to put an error
 *
 * Adds or updates a certification, its blocs and its competences, in one transaction. Their
 * uuids derive from the RNCP number and the bloc codes (see acq_referential_derive_uuid()), so
 * that every machine gives them the same. Storing a fiche that is already there writes nothing;
 * a changed wording updates the rows, a competence being known by its bloc and its position;
 * the blocs and competences the fiche no longer has are removed.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_referential_store_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_acq_referential_validate_fiche (fiche, error) || !acq_store_begin (store, error))
    return FALSE;
  if (write_fiche (store, fiche, error) && acq_store_commit (store, error))
    return TRUE;
  acq_store_rollback (store);
  return FALSE;
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
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);

  return acq_store_backup_before_import (acq_store_get_data_dir (store), NULL, error) &&
         acq_referential_store_fiche (store, fiche, error);
}
