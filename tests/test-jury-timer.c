/* test-jury-timer.c — the rehearsal's clock, on a clock the test moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clock lives in the UI library (ui/jury/acq-jury-timer.c) but touches no widget: it runs
 * without a display, and without waiting real minutes.
 */
#include "config.h"

#include <locale.h>

#include "acq-jury-timer.h"

#define SECOND G_USEC_PER_SEC
#define MINUTE (60 * SECOND)

static AcqJuryTimer *
timer_of_parts (guint first_minutes, guint second_minutes)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_part_free);

  g_ptr_array_add (parts, acq_jury_part_new ("Présentation", first_minutes));
  g_ptr_array_add (parts, acq_jury_part_new ("Entretien", second_minutes));
  return acq_jury_timer_new (parts);
}

static void
test_paused_clock_does_not_count (void)
{
  g_autoptr (AcqJuryTimer) timer = timer_of_parts (5, 10);

  g_assert_false (acq_jury_timer_get_running (timer));
  g_assert_cmpint (acq_jury_timer_get_left (timer, 0), ==, 5 * 60);
  g_assert_cmpint (acq_jury_timer_get_left (timer, 3 * MINUTE), ==, 5 * 60);
  g_assert_null (acq_jury_timer_dup_run (timer, "2026-12-07", 3 * MINUTE));
}

static void
test_space_starts_and_pauses (void)
{
  g_autoptr (AcqJuryTimer) timer = timer_of_parts (5, 10);

  acq_jury_timer_toggle (timer, 0);
  g_assert_true (acq_jury_timer_get_running (timer));
  g_assert_cmpint (acq_jury_timer_get_left (timer, 90 * SECOND), ==, 3 * 60 + 30);
  acq_jury_timer_toggle (timer, 90 * SECOND);
  /* ten minutes of pause count for nothing */
  g_assert_cmpint (acq_jury_timer_get_left (timer, 690 * SECOND), ==, 3 * 60 + 30);
  acq_jury_timer_toggle (timer, 690 * SECOND);
  g_assert_cmpint (acq_jury_timer_get_left (timer, 700 * SECOND), ==, 3 * 60 + 20);
  /* a second begun is a second left */
  g_assert_cmpint (acq_jury_timer_get_left (timer, 700 * SECOND + 1), ==, 3 * 60 + 20);
}

static void
test_signals_are_said_once_per_part (void)
{
  g_autoptr (AcqJuryTimer) timer = timer_of_parts (5, 10);

  acq_jury_timer_toggle (timer, 0);
  g_assert_cmpint (acq_jury_timer_poll (timer, 3 * MINUTE), ==, ACQ_JURY_TIMER_QUIET);
  g_assert_cmpint (acq_jury_timer_poll (timer, 4 * MINUTE), ==, ACQ_JURY_TIMER_ONE_MINUTE);
  g_assert_cmpint (acq_jury_timer_poll (timer, 4 * MINUTE + SECOND), ==, ACQ_JURY_TIMER_QUIET);
  g_assert_cmpint (acq_jury_timer_poll (timer, 5 * MINUTE), ==, ACQ_JURY_TIMER_TIME_UP);
  g_assert_cmpint (acq_jury_timer_poll (timer, 6 * MINUTE), ==, ACQ_JURY_TIMER_QUIET);
  g_assert_cmpint (acq_jury_timer_get_left (timer, 6 * MINUTE), ==, -60);
  /* the next part has its own */
  g_assert_true (acq_jury_timer_move (timer, 1, 6 * MINUTE));
  g_assert_cmpint (acq_jury_timer_poll (timer, 15 * MINUTE), ==, ACQ_JURY_TIMER_ONE_MINUTE);
  g_assert_cmpint (acq_jury_timer_poll (timer, 16 * MINUTE), ==, ACQ_JURY_TIMER_TIME_UP);
}

static void
test_late_poll_says_time_up_only (void)
{
  g_autoptr (AcqJuryTimer) timer = timer_of_parts (1, 10);

  acq_jury_timer_toggle (timer, 0);
  /* a part of one minute has no "one minute left" */
  g_assert_cmpint (acq_jury_timer_poll (timer, 30 * SECOND), ==, ACQ_JURY_TIMER_QUIET);
  g_assert_cmpint (acq_jury_timer_poll (timer, 2 * MINUTE), ==, ACQ_JURY_TIMER_TIME_UP);
  g_assert_cmpint (acq_jury_timer_poll (timer, 3 * MINUTE), ==, ACQ_JURY_TIMER_QUIET);
}

static void
test_moving_keeps_each_part_time (void)
{
  g_autoptr (AcqJuryTimer) timer = timer_of_parts (5, 10);
  g_autoptr (AcqJuryRehearsal) run = NULL;

  g_assert_false (acq_jury_timer_move (timer, -1, 0));
  acq_jury_timer_toggle (timer, 0);
  g_assert_true (acq_jury_timer_move (timer, 1, 4 * MINUTE));
  g_assert_cmpuint (acq_jury_timer_get_current (timer), ==, 1);
  g_assert_cmpstr (acq_jury_timer_get_name (timer), ==, "Entretien");
  g_assert_true (acq_jury_timer_get_running (timer));
  g_assert_false (acq_jury_timer_move (timer, 1, 5 * MINUTE));
  g_assert_true (acq_jury_timer_move (timer, -1, 7 * MINUTE));
  g_assert_cmpint (acq_jury_timer_get_left (timer, 7 * MINUTE + 30 * SECOND), ==, 30);
  acq_jury_timer_toggle (timer, 7 * MINUTE + 30 * SECOND);

  run = acq_jury_timer_dup_run (timer, "2026-12-07", 20 * MINUTE);
  g_assert_nonnull (run);
  g_assert_cmpstr (run->date, ==, "2026-12-07");
  g_assert_cmpuint (run->names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (run->names, 0), ==, "Présentation");
  g_assert_cmpuint (g_array_index (run->seconds, guint, 0), ==, 4 * 60 + 30);
  g_assert_cmpuint (g_array_index (run->seconds, guint, 1), ==, 3 * 60);
}

static void
test_format (void)
{
  g_autofree char *zero = acq_jury_timer_format (0);
  g_autofree char *some = acq_jury_timer_format (245);
  g_autofree char *long_ = acq_jury_timer_format (3600 + 5);
  g_autofree char *over = acq_jury_timer_format (-12);

  g_assert_cmpstr (zero, ==, "0:00");
  g_assert_cmpstr (some, ==, "4:05");
  g_assert_cmpstr (long_, ==, "60:05");
  g_assert_cmpstr (over, ==, "−0:12");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jury-timer/a paused clock does not count", test_paused_clock_does_not_count);
  g_test_add_func ("/jury-timer/space starts and pauses", test_space_starts_and_pauses);
  g_test_add_func ("/jury-timer/signals are said once per part",
                   test_signals_are_said_once_per_part);
  g_test_add_func ("/jury-timer/a late poll says time up only", test_late_poll_says_time_up_only);
  g_test_add_func ("/jury-timer/moving keeps each part's time", test_moving_keeps_each_part_time);
  g_test_add_func ("/jury-timer/the time left reads as minutes and seconds", test_format);
  return g_test_run ();
}
