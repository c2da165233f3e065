/* acq-jury-timer.h — the rehearsal's clock: the épreuve's parts one after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-jury.h"

G_BEGIN_DECLS

/* What the clock has to say once per part, as it passes. */
typedef enum
{
  ACQ_JURY_TIMER_QUIET,
  ACQ_JURY_TIMER_ONE_MINUTE, /* one minute left in the part */
  ACQ_JURY_TIMER_TIME_UP,    /* the part's time is over */
} AcqJuryTimerSignal;

typedef struct _AcqJuryTimer AcqJuryTimer;

AcqJuryTimer      *acq_jury_timer_new           (GPtrArray     *parts);
void               acq_jury_timer_free          (AcqJuryTimer  *timer);
guint              acq_jury_timer_get_n_parts   (AcqJuryTimer  *timer);
guint              acq_jury_timer_get_current   (AcqJuryTimer  *timer);
const char        *acq_jury_timer_get_name      (AcqJuryTimer  *timer);
gboolean           acq_jury_timer_get_running   (AcqJuryTimer  *timer);
void               acq_jury_timer_toggle        (AcqJuryTimer  *timer,
                                                 gint64         now);
gboolean           acq_jury_timer_move          (AcqJuryTimer  *timer,
                                                 int            delta,
                                                 gint64         now);
gint64             acq_jury_timer_get_left      (AcqJuryTimer  *timer,
                                                 gint64         now);
guint              acq_jury_timer_get_spent     (AcqJuryTimer  *timer,
                                                 guint          part,
                                                 gint64         now);
AcqJuryTimerSignal acq_jury_timer_poll          (AcqJuryTimer  *timer,
                                                 gint64         now);
AcqJuryRehearsal  *acq_jury_timer_dup_run       (AcqJuryTimer  *timer,
                                                 const char    *date,
                                                 gint64         now);
char              *acq_jury_timer_format        (gint64         seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryTimer, acq_jury_timer_free)

G_END_DECLS
