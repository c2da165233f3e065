/* acq-person-export.c — everything Acquis holds about one person, in one readable ZIP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A candidate may ask what is held about them, and ask for it in a form they can take
 * elsewhere (RGPD, articles 15 and 20). The ZIP holds:
 *   - person.json: every record about the candidate, table by table, as stored (soft-deleted
 *     ones too, with their deletion date: they are still held until purged);
 *   - documents/: the copies of their documents and of the documents of their sheets;
 *   - dossier.pdf: their Dossier Professionnel as it stands (a working version);
 *   - LISEZ-MOI.txt: what each of these is, in French.
 *
 * Which records are "about the candidate" is read from the schema itself, not listed here:
 * the candidate's row, every table that refers to it (a foreign key to candidate, or a
 * candidate_uuid column), then every table that refers to those (a sheet's versions, links
 * and comments, a session's objectives), and so on. A table added by a later version of the
 * schema is then exported without anyone remembering to. The referential (certifications,
 * blocs, competences) is not about a person and is never reached: nothing of it refers to a
 * candidate.
 */
#define G_LOG_DOMAIN "acq-person-export"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-document.h"
#include "acq-dossier.h"
#include "acq-output-file.h"
#include "acq-person-export.h"
#include "acq-sql-private.h"

G_DEFINE_QUARK (acq-person-export-error-quark, acq_person_export_error)

#define MAX_DEPTH 6

static const char readme[] =
  "Export de toutes les données qu’Acquis conserve sur une personne\n"
  "================================================================\n\n"
  "Ce dossier compressé répond au droit d’accès et au droit à la portabilité\n"
  "(RGPD, articles 15 et 20). Il contient :\n\n"
  "- person.json : chaque enregistrement qui concerne la personne, table par table,\n"
  "  tel qu’il est conservé (identité, parcours, fiches d’expérience et leurs\n"
  "  versions, commentaires, séances, jury, documents…). Les enregistrements\n"
  "  supprimés mais encore conservés y figurent avec leur date de suppression\n"
  "  (deleted_at). Le format JSON se lit avec tout éditeur de texte.\n"
  "- documents/ : la copie de chaque document de la personne et des documents\n"
  "  joints à ses fiches ; person.json dit à quel enregistrement chacun appartient.\n"
  "- dossier.pdf : son Dossier Professionnel dans son état actuel (version de\n"
  "  travail).\n";

typedef struct
{
  char *name;
  char *where; /* SQL selecting its rows about the candidate, ?1 being the candidate */
} Selection;

static void
selection_free (Selection *selection)
{
  g_free (selection->name);
  g_free (selection->where);
  g_free (selection);
}

/* --- Which rows -------------------------------------------------------------------------- */

static GPtrArray *
read_tables (sqlite3 *db, GError **error)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT name FROM sqlite_schema WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'"
                               " ORDER BY name", -1, &stmt, NULL);

  /* SQLITE_ROW: prepared, go on stepping */
  rc = rc == SQLITE_OK ? SQLITE_ROW : rc;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "reading the tables");
      g_ptr_array_unref (tables);
      return NULL;
    }
  return tables;
}

/* The clause that selects @table's rows referring to the rows @parents already selected:
 * "fk IN (SELECT key FROM parent WHERE …) OR …", or NULL if it refers to none of them. */
static char *
clause_from_parents (sqlite3 *db, const char *table, GHashTable *parents, GError **error)
{
  g_autoptr (GString) clause = g_string_new (NULL);
  char *sql = sqlite3_mprintf ("SELECT \"table\", \"from\", \"to\" FROM"
                               " pragma_foreign_key_list(%Q)", table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  sqlite3_free (sql);
  rc = rc == SQLITE_OK ? SQLITE_ROW : rc;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *parent = (const char *) sqlite3_column_text (stmt, 0);
      const char *from = (const char *) sqlite3_column_text (stmt, 1);
      const char *to = (const char *) sqlite3_column_text (stmt, 2);
      const Selection *selected = g_hash_table_lookup (parents, parent);
      char *part;

      if (selected == NULL || g_strcmp0 (parent, table) == 0 || from == NULL)
        continue;
      part = sqlite3_mprintf ("%s\"%w\" IN (SELECT \"%w\" FROM \"%w\" WHERE %s)",
                              clause->len > 0 ? " OR " : "", from, to ? to : "uuid", parent,
                              selected->where);
      g_string_append (clause, part);
      sqlite3_free (part);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "reading the links between tables");
      return NULL;
    }
  return clause->len > 0 ? g_strdup (clause->str) : g_strdup ("");
}

static gboolean
has_column (sqlite3 *db, const char *table, const char *column)
{
  return sqlite3_table_column_metadata (db, NULL, table, column, NULL, NULL, NULL, NULL,
                                        NULL) == SQLITE_OK;
}

/* The tables with rows about the candidate, each with the clause that selects them, in the
 * order they were reached (the candidate first). */
static GPtrArray *
select_tables (sqlite3 *db, GError **error)
{
  g_autoptr (GPtrArray) tables = read_tables (db, error);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);
  g_autoptr (GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  Selection *candidate;

  if (tables == NULL)
    return NULL;
  candidate = g_new0 (Selection, 1);
  candidate->name = g_strdup ("candidate");
  candidate->where = g_strdup ("uuid = ?1");
  g_ptr_array_add (order, candidate);
  g_hash_table_insert (selected, candidate->name, candidate);

  /* one level of references at a time, the clauses of a level built on the levels before */
  for (guint depth = 0; depth < MAX_DEPTH; depth++)
    {
      g_autoptr (GPtrArray) found = g_ptr_array_new ();

      for (guint i = 0; i < tables->len; i++)
        {
          const char *table = g_ptr_array_index (tables, i);
          g_autofree char *clause = NULL;
          Selection *selection;

          if (g_hash_table_contains (selected, table))
            continue;
          if (!(clause = clause_from_parents (db, table, selected, error)))
            return NULL;
          if (depth == 0 && has_column (db, table, "candidate_uuid"))
            {
              g_free (clause);
              clause = g_strdup ("candidate_uuid = ?1");
            }
          if (*clause == '\0')
            continue;
          selection = g_new0 (Selection, 1);
          selection->name = g_strdup (table);
          selection->where = g_steal_pointer (&clause);
          g_ptr_array_add (found, selection);
        }
      if (found->len == 0)
        break;
      for (guint i = 0; i < found->len; i++)
        {
          Selection *selection = g_ptr_array_index (found, i);
          g_ptr_array_add (order, selection);
          g_hash_table_insert (selected, selection->name, selection);
        }
    }
  return g_steal_pointer (&order);
}

/* --- person.json ------------------------------------------------------------------------- */

static void
add_value (JsonBuilder *builder, sqlite3_stmt *stmt, int column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      json_builder_add_double_value (builder, sqlite3_column_double (stmt, column));
      break;
    case SQLITE_TEXT:
      {
        /* stored text is UTF-8; a damaged byte must not make the whole file unreadable */
        const char *stored = (const char *) sqlite3_column_text (stmt, column);
        g_autofree char *text = g_utf8_make_valid (stored, sqlite3_column_bytes (stmt, column));
        json_builder_add_string_value (builder, text);
      }
      break;
    case SQLITE_BLOB:
      {
        g_autofree char *base64 = g_base64_encode (sqlite3_column_blob (stmt, column),
                                                   sqlite3_column_bytes (stmt, column));
        json_builder_add_string_value (builder, base64);
      }
      break;
    default:
      json_builder_add_null_value (builder);
    }
}

static gboolean
add_rows (JsonBuilder *builder, sqlite3 *db, const Selection *selection,
          const char *candidate_uuid, GError **error)
{
  char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" WHERE %s ORDER BY 1",
                               selection->name, selection->where);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_TRANSIENT);
  rc = rc == SQLITE_OK ? SQLITE_ROW : rc;
  json_builder_set_member_name (builder, selection->name);
  json_builder_begin_array (builder);
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, c));
          add_value (builder, stmt, c);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "reading the records of a person");
      return FALSE;
    }
  return TRUE;
}

/* --- The ZIP ----------------------------------------------------------------------------- */

typedef struct
{
  struct archive *zip;
  gint64          mtime;
  char           *path;
} Zip;

static gboolean
zip_fail (Zip *zip, GError **error)
{
  g_set_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_WRITE,
               _("Acquis could not write “%s”: %s."), zip->path,
               archive_error_string (zip->zip) ? archive_error_string (zip->zip)
                                               : g_strerror (errno));
  return FALSE;
}

static gboolean
zip_add (Zip *zip, const char *name, const void *data, gsize length, GError **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gboolean ok;

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0600);
  archive_entry_set_mtime (entry, zip->mtime, 0);
  ok = archive_write_header (zip->zip, entry) == ARCHIVE_OK &&
       (length == 0 || archive_write_data (zip->zip, data, length) == (la_ssize_t) length);
  archive_entry_free (entry);
  return ok || zip_fail (zip, error);
}

/* A name for the ZIP that cannot leave its folder nor hide: no slash, no control character,
 * no leading dot; numbered so that two documents of the same name stay two. */
static char *
entry_name (guint number, const char *file_name)
{
  g_autofree char *valid = g_utf8_make_valid (file_name ? file_name : "", -1);
  GString *name = g_string_new (NULL);

  g_string_printf (name, "documents/%02u-", number);
  for (const char *p = valid; *p != '\0' && name->len < 180; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c) || (p == valid && c == '.'))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (*valid == '\0')
    g_string_append (name, "document");
  return g_string_free (name, FALSE);
}

/* Each document of the candidate and of their sheets, into documents/, and said in
 * person.json's "documents". A copy that is missing or damaged is said, not fatal: the
 * person has a right to the rest. */
static gboolean
add_documents (Zip *zip, JsonBuilder *builder, AcqStore *store, const char *candidate_uuid,
               GError **error)
{
  static const char sql[] =
    "SELECT 'candidate_document', uuid, file_name, sha256 FROM candidate_document"
    " WHERE candidate_uuid = ?1"
    " UNION ALL SELECT 'attachment', a.uuid, a.file_name, a.sha256 FROM attachment a"
    " JOIN sheet s ON s.uuid = a.sheet_uuid WHERE s.candidate_uuid = ?1";
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  const char *data_dir = acq_store_get_data_dir (store);
  guint number = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *name = entry_name (++number, _acq_sql_column_text (stmt, 2));
      g_autofree char *path = acq_attachment_resolve (data_dir, _acq_sql_column_text (stmt, 3),
                                                      &local_error);
      g_autoptr (GBytes) contents = NULL;

      if (path != NULL)
        contents = acq_document_load (path, G_MAXSIZE, &local_error);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "record");
      json_builder_add_string_value (builder, _acq_sql_column_text (stmt, 0));
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, _acq_sql_column_text (stmt, 1));
      json_builder_set_member_name (builder, contents != NULL ? "file" : "missing");
      json_builder_add_string_value (builder, contents != NULL ? name : local_error->message);
      json_builder_end_object (builder);
      if (contents != NULL &&
          !zip_add (zip, name, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                    error))
        {
          sqlite3_reset (stmt);
          json_builder_end_array (builder);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "reading the documents of a person");
      return FALSE;
    }
  return TRUE;
}

/* The dossier as it stands, written in a private temporary file then put in the ZIP; one that
 * cannot be laid out is said in person.json instead. */
static gboolean
add_dossier (Zip *zip, JsonBuilder *builder, AcqStore *store, const char *candidate_uuid,
             GCancellable *cancellable, GError **error)
{
  const char *data_dir = acq_store_get_data_dir (store);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *dir = acq_store_make_temp (data_dir, "person", TRUE, error);
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  pdf = g_build_filename (dir, "dossier.pdf", NULL);
  json_builder_set_member_name (builder, "dossier");
  if (acq_dossier_write (store, candidate_uuid, pdf, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL,
                         cancellable, &local_error) &&
      g_file_get_contents (pdf, &contents, &length, &local_error))
    {
      json_builder_add_string_value (builder, "dossier.pdf");
      ok = zip_add (zip, "dossier.pdf", contents, length, error);
    }
  else
    json_builder_add_string_value (builder, local_error->message);
  g_unlink (pdf);
  g_rmdir (dir);
  return ok;
}

static char *
person_json (AcqStore *store, const char *candidate_uuid, GPtrArray *tables,
             JsonBuilder *builder, GError **error)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_set_member_name (builder, "records");
  json_builder_begin_object (builder);
  for (guint i = 0; i < tables->len; i++)
    if (!add_rows (builder, acq_store_get_db (store), g_ptr_array_index (tables, i),
                   candidate_uuid, error))
      return NULL;
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
candidate_exists (AcqStore *store, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, "SELECT 1 FROM candidate WHERE uuid = ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_NOT_FOUND,
                 _("There is no candidate “%s”."), candidate_uuid);
  else
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                     "reading the candidate");
  return FALSE;
}

/**
 * acq_person_export_write:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the ZIP to write; replaced only once the new one is complete
 * @cancellable: (nullable): to stop
 * @error: where to put an error: %ACQ_PERSON_EXPORT_ERROR_NOT_FOUND for an unknown candidate,
 *   %ACQ_PERSON_EXPORT_ERROR_WRITE for the file, or a store error
 *
 * Writes everything the store holds about one candidate in a ZIP: person.json (every record,
 * found from the schema's references to the candidate), their documents, their dossier as it
 * stands, and a README in French. The records are read in one transaction, so that they agree
 * with each other. Slow for a large dossier: from an interface, run it with
 * acq_store_write_file_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_person_export_write (AcqStore *store, const char *candidate_uuid, const char *output_path,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *json = NULL;
  g_autofree char *tmp = NULL;
  Zip zip = { 0 };
  gboolean ok;
  int fd;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  if (!candidate_exists (store, candidate_uuid, error) ||
      !(tables = select_tables (acq_store_get_db (store), error)))
    return FALSE;
  if ((fd = acq_output_file_open (output_path, &tmp)) < 0)
    {
      g_set_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_WRITE,
                   _("Acquis could not write “%s”: %s."), output_path, g_strerror (errno));
      return FALSE;
    }
  zip.zip = archive_write_new ();
  zip.mtime = g_date_time_to_unix (now);
  zip.path = (char *) output_path;
  archive_write_set_format_zip (zip.zip);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "acquis-person-export");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ACQ_PERSON_EXPORT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "candidate_uuid");
  json_builder_add_string_value (builder, candidate_uuid);

  ok = archive_write_open_fd (zip.zip, fd) == ARCHIVE_OK || zip_fail (&zip, error);
  ok = ok && zip_add (&zip, "LISEZ-MOI.txt", readme, strlen (readme), error);
  /* the dossier reads the store in its own transaction; then the records, in one */
  ok = ok && add_dossier (&zip, builder, store, candidate_uuid, cancellable, error);
  ok = ok && acq_store_exec (store, "BEGIN", error);
  if (ok)
    {
      ok = add_documents (&zip, builder, store, candidate_uuid, error) &&
           (json = person_json (store, candidate_uuid, tables, builder, error)) != NULL &&
           zip_add (&zip, "person.json", json, strlen (json), error);
      acq_store_exec (store, "COMMIT", NULL);
    }
  ok = ok && !g_cancellable_set_error_if_cancelled (cancellable, error);
  ok = ok && (archive_write_close (zip.zip) == ARCHIVE_OK || zip_fail (&zip, error));
  archive_write_free (zip.zip);
  if (!ok)
    {
      acq_output_file_abandon (fd, tmp);
      return FALSE;
    }
  if (!acq_output_file_commit (fd, tmp, output_path))
    {
      g_set_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_WRITE,
                   _("Acquis could not write “%s”: %s."), output_path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
