/* bench-caseload.h — a coach's caseload for the practice benchmarks: candidates, the events of
 * their parcours and the sessions of their livret, dated around a given day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

void bench_caseload_fill (AcqStore    *store,
                          const GDate *today,
                          guint        n_candidates,
                          guint        n_events,
                          guint        n_sessions);
