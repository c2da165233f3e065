/* acq-retention.c — how long an ended accompaniment is kept, and who is kept longer (RGPD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RGPD (article 5, 1. e) wants personal data kept no longer than their purpose needs. The
 * accompagnatrice says how long she keeps an accompaniment once it ended (her profile's
 * retention_months, three years by default); past it, Today lists the candidate with Export
 * and Erase, and she decides. Nothing is erased by itself: erasing is the window's delete,
 * with its Undo.
 *
 * An accompaniment has ended when the candidate is archived or certified (validation
 * totale). It ended on the last day something happened in it: the latest of its parcours'
 * events done (not planned) and the candidate's last activity (a sheet, a session, a
 * comment), so that a file touched again starts its period again.
 */
#define G_LOG_DOMAIN "acq-retention"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-candidate.h"
#include "acq-coach-profile.h"
#include "acq-retention.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* The ended accompaniments, each with its last done event's day and its last activity. */
static const char sql_ended[] =
  "SELECT k.uuid, k.first_name, k.last_name,"
  " (SELECT max (e.date) FROM parcours_event e WHERE e.candidate_uuid = k.uuid"
  "  AND e.deleted_at IS NULL AND e.planned = 0),"
  " k.last_activity_at"
  " FROM candidate k WHERE k.deleted_at IS NULL AND (k.archived = 1 OR k.stage = ?1)"
  " ORDER BY k.last_name, k.first_name, k.uuid";

void
acq_retention_item_free (AcqRetentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->candidate_uuid);
  g_free (item->candidate_name);
  g_free (item);
}

/**
 * acq_retention_list_past:
 * @store: the store
 * @today: the day it is
 * @months: how long an ended accompaniment is kept
 * @error: where to put an error
 *
 * The accompaniments that ended more than @months before @today: their last day to be kept,
 * the day it ended plus @months, is before @today.
 *
 * Returns: (transfer full) (element-type AcqRetentionItem): by name, or %NULL on error
 */
GPtrArray *
acq_retention_list_past (AcqStore *store, const GDate *today, guint months, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (months > 0, NULL);

  if ((stmt = acq_store_prepare (store, sql_ended, error)) == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_retention_item_free);
  sqlite3_bind_int (stmt, 1, ACQ_STAGE_CERTIFIED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqRetentionItem *item;
      GDate event, activity, ended, until;

      g_date_clear (&event, 1);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        g_date_set_parse (&event, _acq_sql_column_text (stmt, 3));
      acq_text_local_day (_acq_sql_column_text (stmt, 4), &activity);
      if (g_date_valid (&event) && g_date_valid (&activity))
        ended = g_date_compare (&event, &activity) > 0 ? event : activity;
      else if (g_date_valid (&event))
        ended = event;
      else if (g_date_valid (&activity))
        ended = activity;
      else
        continue;
      until = ended;
      g_date_add_months (&until, months);
      if (g_date_compare (&until, today) >= 0)
        continue;
      item = g_new0 (AcqRetentionItem, 1);
      item->candidate_uuid = _acq_sql_column_dup (stmt, 0);
      item->candidate_name = acq_candidate_format_name (_acq_sql_column_text (stmt, 1),
                                                        _acq_sql_column_text (stmt, 2));
      item->ended = ended;
      item->until = until;
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_ended);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * acq_retention_format_period:
 * @months: a retention period
 *
 * Returns: (transfer full): it in words, translated: "3 years", "18 months"
 */
char *
acq_retention_format_period (guint months)
{
  if (months % 12 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", months / 12),
                            months / 12);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months),
                          months);
}

/**
 * acq_retention_add_to_today:
 * @today: what is due, gathered for the accompagnatrice
 * @store: the store it was gathered from (on a worker: its own connection)
 * @error: where to put an error
 *
 * Adds the accompaniments kept past the period of her profile to the section
 * %ACQ_TODAY_PAST_RETENTION of @today, each dated the day its period ran out. Does nothing
 * for the candidate's Today: the period is the accompagnatrice's to keep.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_retention_add_to_today (AcqToday *today, AcqStore *store, GError **error)
{
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (GPtrArray) past = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);

  if (today->role != ACQ_ROLE_COACH)
    return TRUE;
  if ((profile = acq_coach_profile_load (store, error)) == NULL ||
      (past = acq_retention_list_past (store, &today->today, profile->retention_months,
                                       error)) == NULL)
    return FALSE;
  period = acq_retention_format_period (profile->retention_months);
  for (guint i = 0; i < past->len; i++)
    {
      const AcqRetentionItem *item = g_ptr_array_index (past, i);
      g_autoptr (GDateTime) day = g_date_time_new_local (g_date_get_year (&item->ended),
                                                         g_date_get_month (&item->ended),
                                                         g_date_get_day (&item->ended), 0, 0, 0);
      g_autofree char *ended = g_date_time_format (day, "%-d %b %Y");
      g_autofree char *title = NULL;

      /* TRANSLATORS: a row of Today: when an accompaniment ended (a date), how long the
       * accompagnatrice keeps one (“3 years”) */
      title = g_strdup_printf (_("Ended on %s, kept %s"), ended, period);
      acq_today_add (today, ACQ_TODAY_PAST_RETENTION, item->candidate_uuid,
                     item->candidate_name, title, &item->until);
    }
  return TRUE;
}
