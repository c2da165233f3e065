/* acq-record-list.c — a list model of records kept in the store (candidates, sheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-record-list"

#include "config.h"

#include "acq-record-list.h"
#include "acq-sql-private.h"

/* What the candidates' and the sheets' lists share: the items, in store order (views sort), as
 * a GListModel, and the statements of a soft delete that an undo can take back. */
typedef struct
{
  GPtrArray *items;
  GType      item_type;
} AcqRecordListPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (AcqRecordList, acq_record_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (AcqRecordList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                         list_model_iface_init))

enum
{
  PROP_0,
  PROP_ITEM_TYPE,
  N_PROPS
};

static GType
list_get_item_type (GListModel *model)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (model));

  return priv->item_type;
}

static guint
list_get_n_items (GListModel *model)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (model));

  return priv->items->len;
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (model));

  if (position >= priv->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
acq_record_list_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (object));

  if (prop_id == PROP_ITEM_TYPE)
    priv->item_type = g_value_get_gtype (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
acq_record_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (object));

  if (prop_id == PROP_ITEM_TYPE)
    g_value_set_gtype (value, priv->item_type);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
acq_record_list_finalize (GObject *object)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (ACQ_RECORD_LIST (object));

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_record_list_parent_class)->finalize (object);
}

static void
acq_record_list_class_init (AcqRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acq_record_list_finalize;
  object_class->set_property = acq_record_list_set_property;
  object_class->get_property = acq_record_list_get_property;
  g_object_class_install_property (
    object_class, PROP_ITEM_TYPE,
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
acq_record_list_init (AcqRecordList *self)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->item_type = G_TYPE_OBJECT;
}

/**
 * _acq_record_list_items:
 * @self: the list
 *
 * Returns: (transfer none): the items, which the subclass changes and then reports with one
 *   g_list_model_items_changed()
 */
GPtrArray *
_acq_record_list_items (AcqRecordList *self)
{
  AcqRecordListPrivate *priv = acq_record_list_get_instance_private (self);

  return priv->items;
}

/**
 * _acq_record_list_run:
 * @store: the store
 * @sql: a statement with the record's uuid as ?1 and, if it has one, the time now as ?2
 * @uuid: the record
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
_acq_record_list_run (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _acq_sql_bind_text (stmt, 2, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * _acq_record_list_purge_stale:
 * @store: the store
 * @sql: a statement erasing the rows deleted before ?1
 * @undo_seconds: how long an undo is offered
 * @error: where to put an error
 *
 * Erases for good what was deleted longer ago than its undo could be offered: the app quit or
 * crashed while it was.
 *
 * Returns: %TRUE on success
 */
gboolean
_acq_record_list_purge_stale (AcqStore *store, const char *sql, int undo_seconds,
                              GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) limit = g_date_time_add_seconds (now, -undo_seconds);
  g_autofree char *cutoff = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, cutoff);
  return acq_store_step_done (store, stmt, error);
}
