/* acq-import-report.c — what an import brought in, a line each, for the report the user reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge adds the lines as it meets them (new sheets, changed rubrics, conflicts, what the
 * roles refused); the window lists them with a link to each sheet.
 */
#define G_LOG_DOMAIN "acq-package"

#include "config.h"

#include "acq-package-private.h"
#include "acq-sheet.h"

struct _AcqImportReport
{
  GObject    parent_instance;
  char      *candidate_uuid;
  GPtrArray *items; /* AcqImportItem */
  guint      n_conflicts;
};

G_DEFINE_FINAL_TYPE (AcqImportReport, acq_import_report, G_TYPE_OBJECT)

static void
item_free (gpointer data)
{
  AcqImportItem *item = data;

  g_free (item->candidate_uuid);
  g_free (item->sheet_uuid);
  g_free (item->description);
  g_free (item);
}

static void
acq_import_report_finalize (GObject *object)
{
  AcqImportReport *self = ACQ_IMPORT_REPORT (object);

  g_free (self->candidate_uuid);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (acq_import_report_parent_class)->finalize (object);
}

static void
acq_import_report_class_init (AcqImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_import_report_finalize;
}

static void
acq_import_report_init (AcqImportReport *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

AcqImportReport *
_acq_import_report_new (const char *candidate_uuid)
{
  AcqImportReport *self = g_object_new (ACQ_TYPE_IMPORT_REPORT, NULL);

  self->candidate_uuid = g_strdup (candidate_uuid);
  return self;
}

void
_acq_import_report_add (AcqImportReport *self, AcqImportItemKind kind, const char *sheet_uuid,
                        const char *description)
{
  AcqImportItem *item = g_new0 (AcqImportItem, 1);

  item->kind = kind;
  item->candidate_uuid = g_strdup (self->candidate_uuid);
  item->sheet_uuid = g_strdup (sheet_uuid);
  item->description = g_strdup (description);
  g_ptr_array_add (self->items, item);
  if (kind == ACQ_IMPORT_CONFLICT)
    self->n_conflicts++;
}

const char *
acq_import_report_get_candidate_uuid (AcqImportReport *self)
{
  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (self), NULL);
  return self->candidate_uuid;
}

guint
acq_import_report_get_n_items (AcqImportReport *self)
{
  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (self), 0);
  return self->items->len;
}

/**
 * acq_import_report_get_item:
 * @self: a report
 * @index: which line, in the order the merge met them
 *
 * Returns: (transfer none): the line
 */
const AcqImportItem *
acq_import_report_get_item (AcqImportReport *self, guint index)
{
  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
acq_import_report_get_n_conflicts (AcqImportReport *self)
{
  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (self), 0);
  return self->n_conflicts;
}

/**
 * acq_import_report_dup_to_review:
 * @self: a report
 * @store: the store the import went into
 * @error: where to put an error
 *
 * The sheets this import touched that now wait for the accompagnatrice's review: what she
 * reads first.
 *
 * Returns: (transfer full) (element-type utf8): their uuids, once each, in the report's order;
 *   %NULL on error
 */
GPtrArray *
acq_import_report_dup_to_review (AcqImportReport *self, AcqStore *store, GError **error)
{
  static const char sql[] =
    "SELECT 1 FROM sheet WHERE uuid = ?1 AND deleted_at IS NULL AND review_state = ?2";
  g_autoptr (GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const AcqImportItem *item = g_ptr_array_index (self->items, i);
      sqlite3_stmt *stmt;
      int rc;

      if (item->sheet_uuid == NULL ||
          g_ptr_array_find_with_equal_func (uuids, item->sheet_uuid, g_str_equal, NULL))
        continue;
      if (!(stmt = acq_store_prepare (store, sql, error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, item->sheet_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, ACQ_REVIEW_STATE_TO_REVIEW);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (uuids, g_strdup (item->sheet_uuid));
      else if (rc != SQLITE_DONE)
        {
          acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                           "reading review states");
          return NULL;
        }
    }
  return g_steal_pointer (&uuids);
}
