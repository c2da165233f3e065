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
