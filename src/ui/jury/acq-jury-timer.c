/* acq-jury-timer.c — the rehearsal's clock: the épreuve's parts one after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are microseconds of a clock the caller gives (g_get_monotonic_time() in the window, any
 * number in the tests), so that the logic is tested without waiting real minutes. Each part
 * keeps the time spent in it; moving to another part keeps the clock running or paused as it
 * was. A part's signals are said once: one minute left, then the time is up.
 */
#define G_LOG_DOMAIN "acq-jury-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-jury-timer.h"

typedef struct
{
  char    *name;
  gint64   length;    /* µs */
  gint64   spent;     /* µs, not counting the running stretch */
  gboolean warned;    /* one minute left was said */
  gboolean over;      /* time up was said */
} Part;

struct _AcqJuryTimer
{
  GArray  *parts;    /* Part */
  guint    current;
  gboolean running;
  gint64   since;    /* when the running stretch started */
};

static void
part_clear (gpointer data)
{
  g_free (((Part *) data)->name);
}

/**
 * acq_jury_timer_new:
 * @parts: (element-type AcqJuryPart): the épreuve's parts, at least one
 *
 * Returns: (transfer full): a paused clock on the first part
 */
AcqJuryTimer *
acq_jury_timer_new (GPtrArray *parts)
{
  AcqJuryTimer *timer = g_new0 (AcqJuryTimer, 1);

  g_return_val_if_fail (parts != NULL && parts->len > 0, NULL);
  timer->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (timer->parts, part_clear);
  for (guint i = 0; i < parts->len; i++)
    {
      const AcqJuryPart *part = g_ptr_array_index (parts, i);
      Part p = { g_strdup (part->name), (gint64) part->minutes * 60 * G_USEC_PER_SEC, 0 };

      g_array_append_val (timer->parts, p);
    }
  return timer;
}

void
acq_jury_timer_free (AcqJuryTimer *timer)
{
  if (timer == NULL)
    return;
  g_array_unref (timer->parts);
  g_free (timer);
}

guint
acq_jury_timer_get_n_parts (AcqJuryTimer *timer)
{
  return timer->parts->len;
}

guint
acq_jury_timer_get_current (AcqJuryTimer *timer)
{
  return timer->current;
}

const char *
acq_jury_timer_get_name (AcqJuryTimer *timer)
{
  return g_array_index (timer->parts, Part, timer->current).name;
}

gboolean
acq_jury_timer_get_running (AcqJuryTimer *timer)
{
  return timer->running;
}

static gint64
spent_us (AcqJuryTimer *timer, guint part, gint64 now)
{
  gint64 spent = g_array_index (timer->parts, Part, part).spent;

  if (timer->running && part == timer->current && now > timer->since)
    spent += now - timer->since;
  return spent;
}

/* Ends the running stretch into the current part's time. */
static void
bank (AcqJuryTimer *timer, gint64 now)
{
  Part *part = &g_array_index (timer->parts, Part, timer->current);

  part->spent = spent_us (timer, timer->current, now);
  timer->since = now;
}

/* Space: starts or pauses. */
void
acq_jury_timer_toggle (AcqJuryTimer *timer, gint64 now)
{
  bank (timer, now);
  timer->running = !timer->running;
}

/**
 * acq_jury_timer_move:
 * @timer: the clock
 * @delta: -1 for the previous part, 1 for the next
 * @now: the clock's time
 *
 * Returns: %FALSE when there is no such part (the clock stays)
 */
gboolean
acq_jury_timer_move (AcqJuryTimer *timer, int delta, gint64 now)
{
  gint64 to = (gint64) timer->current + delta;

  if (to < 0 || to >= timer->parts->len)
    return FALSE;
  bank (timer, now);
  timer->current = (guint) to;
  return TRUE;
}

/* Seconds left in the current part, negative once it is over. */
gint64
acq_jury_timer_get_left (AcqJuryTimer *timer, gint64 now)
{
  const Part *part = &g_array_index (timer->parts, Part, timer->current);
  gint64 left = part->length - spent_us (timer, timer->current, now);

  /* a second begun is a second left: 0:01 shows until the end */
  return left > 0 ? (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC : left / G_USEC_PER_SEC;
}

guint
acq_jury_timer_get_spent (AcqJuryTimer *timer, guint part, gint64 now)
{
  g_return_val_if_fail (part < timer->parts->len, 0);
  return (guint) (spent_us (timer, part, now) / G_USEC_PER_SEC);
}

/* What to say now, once per part and threshold; a part shorter than two minutes only ends. */
AcqJuryTimerSignal
acq_jury_timer_poll (AcqJuryTimer *timer, gint64 now)
{
  Part *part = &g_array_index (timer->parts, Part, timer->current);
  gint64 left = part->length - spent_us (timer, timer->current, now);

  if (left <= 0 && !part->over)
    {
      part->over = part->warned = TRUE;
      return ACQ_JURY_TIMER_TIME_UP;
    }
  if (left <= 60 * G_USEC_PER_SEC && !part->warned && part->length >= 120 * G_USEC_PER_SEC)
    {
      part->warned = TRUE;
      return ACQ_JURY_TIMER_ONE_MINUTE;
    }
  return ACQ_JURY_TIMER_QUIET;
}

/**
 * acq_jury_timer_dup_run:
 * @timer: the clock
 * @date: the day of the run, YYYY-MM-DD
 * @now: the clock's time
 *
 * Returns: (transfer full) (nullable): the run, seconds per part, or %NULL if no second was
 *   spent in any part
 */
AcqJuryRehearsal *
acq_jury_timer_dup_run (AcqJuryTimer *timer, const char *date, gint64 now)
{
  g_autoptr (AcqJuryRehearsal) run = acq_jury_rehearsal_new (date);
  guint total = 0;

  for (guint i = 0; i < timer->parts->len; i++)
    {
      guint seconds = acq_jury_timer_get_spent (timer, i, now);

      acq_jury_rehearsal_add_part (run, g_array_index (timer->parts, Part, i).name, seconds);
      total += seconds;
    }
  return total > 0 ? g_steal_pointer (&run) : NULL;
}

/* "4:05", or "−0:12" once over. */
char *
acq_jury_timer_format (gint64 seconds)
{
  gint64 abs = ABS (seconds);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d", seconds < 0 ? "−" : "", abs / 60,
                          (int) (abs % 60));
}
