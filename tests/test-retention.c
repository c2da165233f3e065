/* test-retention.c — how long an ended accompaniment is kept, and Today's list of those kept
 * longer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "acq-candidate.h"
#include "acq-coach-profile.h"
#include "acq-retention.h"
#include "acq-store-private.h"
#include "acq-today.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  AcqStore *store;
  GDate     today;
} Fixture;

/* Five candidates on 7 December 2026:
 * - Anne, archived: her last event done on 10 January 2020, her last activity on 1 February
 *   2020 (a sheet touched after the parcours' end): ended then;
 * - Bruno, certified (stage 6) on 1 June 2024, still in the caseload, a planned event after;
 * - Chloé, active for years (stage 3), her last activity in 2019: not ended;
 * - Denis, archived long ago but deleted (waiting for his undo): not listed;
 * - Emma, archived on 1 December 2026 with no event: ended with her last activity. */
static const char seed[] =
  "INSERT INTO candidate (uuid, first_name, last_name, stage, archived, deleted_at,"
  " created_at, updated_at, last_activity_at) VALUES"
  " ('a', 'Anne', 'Arnaud', 3, 1, NULL, 'x', 'x', '2020-02-01T09:00:00Z'),"
  " ('b', 'Bruno', 'Blanc', 6, 0, NULL, 'x', 'x', '2024-05-20T09:00:00Z'),"
  " ('c', 'Chloé', 'Collin', 3, 0, NULL, 'x', 'x', '2019-03-01T09:00:00Z'),"
  " ('d', 'Denis', 'Durand', 3, 1, '2026-12-07T08:00:00Z', 'x', 'x', '2018-01-01T09:00:00Z'),"
  " ('e', 'Emma', 'Esnault', 2, 1, NULL, 'x', 'x', '2026-12-01T09:00:00Z');"
  "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned, created_at,"
  " updated_at) VALUES"
  " ('a1', 'a', 6, '2019-03-01', 0, 'x', 'x'),"
  " ('a2', 'a', 9, '2020-01-10', 0, 'x', 'x'),"
  " ('b1', 'b', 11, '2024-06-01', 0, 'x', 'x'),"
  " ('b2', 'b', 10, '2027-01-15', 1, 'x', 'x'),"
  " ('c1', 'c', 0, '2019-01-01', 0, 'x', 'x');";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store_open (&f->dir);
  g_assert_true (acq_store_exec (f->store, seed, &error));
  g_assert_no_error (error);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 7, G_DATE_DECEMBER, 2026);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_store_close (&f->store, &f->dir);
}

static void
assert_day (const GDate *date, int day, int month, int year)
{
  g_assert_cmpint (g_date_valid (date), ==, TRUE);
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static GPtrArray *
list_past (Fixture *f, guint months)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *past = acq_retention_list_past (f->store, &f->today, months, &error);

  g_assert_no_error (error);
  g_assert_nonnull (past);
  return past;
}

/* Three years: only Anne, ended on her last activity (after her last event), kept until
 * 1 February 2023. A year: Bruno too, ended on his certification, not on the planned event. */
static void
test_past (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) three = list_past (f, 36);
  g_autoptr (GPtrArray) one = list_past (f, 12);
  g_autoptr (GPtrArray) twenty = list_past (f, 240);
  const AcqRetentionItem *anne, *bruno;

  g_assert_cmpuint (three->len, ==, 1);
  anne = g_ptr_array_index (three, 0);
  g_assert_cmpstr (anne->candidate_uuid, ==, "a");
  g_assert_cmpstr (anne->candidate_name, ==, "Anne Arnaud");
  assert_day (&anne->ended, 1, 2, 2020);
  assert_day (&anne->until, 1, 2, 2023);

  g_assert_cmpuint (one->len, ==, 2);
  g_assert_cmpstr (((AcqRetentionItem *) g_ptr_array_index (one, 0))->candidate_uuid, ==, "a");
  bruno = g_ptr_array_index (one, 1);
  g_assert_cmpstr (bruno->candidate_uuid, ==, "b");
  assert_day (&bruno->ended, 1, 6, 2024);
  assert_day (&bruno->until, 1, 6, 2025);

  g_assert_cmpuint (twenty->len, ==, 0);
}

/* The last day kept is still kept: Anne with 34 months is listed from 2 December 2022 on. */
static void
test_last_day_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) on_the_day = NULL;
  g_autoptr (GPtrArray) day_after = NULL;

  g_date_set_dmy (&f->today, 1, G_DATE_DECEMBER, 2022);
  on_the_day = list_past (f, 34);
  g_assert_cmpuint (on_the_day->len, ==, 0);
  g_date_set_dmy (&f->today, 2, G_DATE_DECEMBER, 2022);
  day_after = list_past (f, 34);
  g_assert_cmpuint (day_after->len, ==, 1);
}

/* Today, for the accompagnatrice: the period of her profile, each row dated the day it ran
 * out; for a candidate: nothing. */
static void
test_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_load (f->store, &error);
  AcqToday *today;
  GPtrArray *section;
  const AcqTodayItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (profile->retention_months, ==, ACQ_COACH_PROFILE_DEFAULT_RETENTION_MONTHS);
  profile->retention_months = 24;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);

  today = acq_today_gather (f->store, &f->today, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);
  g_assert_true (acq_retention_add_to_today (today, f->store, &error));
  g_assert_no_error (error);
  section = today->sections[ACQ_TODAY_PAST_RETENTION];
  g_assert_cmpuint (section->len, ==, 2);
  item = g_ptr_array_index (section, 1);
  g_assert_cmpstr (item->candidate_uuid, ==, "b");
  g_assert_cmpstr (item->candidate_name, ==, "Bruno Blanc");
  g_assert_cmpstr (item->title, ==, "Ended on 1 Jun 2024, kept 2 years");
  assert_day (&item->date, 1, 6, 2026);
  acq_today_free (today);

  today = acq_today_gather (f->store, &f->today, ACQ_ROLE_CANDIDATE, &error);
  g_assert_no_error (error);
  g_assert_true (acq_retention_add_to_today (today, f->store, &error));
  g_assert_cmpuint (today->sections[ACQ_TODAY_PAST_RETENTION]->len, ==, 0);
  acq_today_free (today);
}

/* Her period is kept as saved, and one out of range is brought back into it. */
static void
test_profile (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();
  g_autoptr (AcqCoachProfile) loaded = NULL;
  g_autoptr (AcqCoachProfile) clamped = NULL;

  profile->retention_months = 18;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);
  loaded = acq_coach_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->retention_months, ==, 18);

  profile->retention_months = 5000;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);
  clamped = acq_coach_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clamped->retention_months, ==, ACQ_COACH_PROFILE_MAX_RETENTION_MONTHS);
}

static void
test_format_period (void)
{
  g_autofree char *one_year = acq_retention_format_period (12);
  g_autofree char *three_years = acq_retention_format_period (36);
  g_autofree char *eighteen = acq_retention_format_period (18);
  g_autofree char *one_month = acq_retention_format_period (1);

  g_assert_cmpstr (one_year, ==, "1 year");
  g_assert_cmpstr (three_years, ==, "3 years");
  g_assert_cmpstr (eighteen, ==, "18 months");
  g_assert_cmpstr (one_month, ==, "1 month");
}

/* 14 -> 15: a profile saved before keeps everything and gets three years. */
static void
test_migrate_from_v14 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCoachProfile) profile = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 14, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO coach_profile (id, name, hourly_rate_cents, vat_regime, updated_at)"
        " VALUES (1, 'Claire Morel', 7250, 1, 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 15);
  profile = acq_coach_profile_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "Claire Morel");
  g_assert_cmpuint (profile->hourly_rate_cents, ==, 7250);
  g_assert_cmpint (profile->vat_regime, ==, ACQ_VAT_SUBJECT);
  g_assert_cmpuint (profile->retention_months, ==, 36);
  g_clear_object (&store);
  test_remove_tree (dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  ADD ("/retention/past", test_past);
  ADD ("/retention/last-day-kept", test_last_day_kept);
  ADD ("/retention/today", test_today);
  ADD ("/retention/profile", test_profile);
  g_test_add_func ("/retention/format-period", test_format_period);
  g_test_add_func ("/retention/migrate/from-v14", test_migrate_from_v14);
  return g_test_run ();
}
