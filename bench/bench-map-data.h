/* bench-map-data.h — a candidate with many sheets for the map's benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-sheet-list.h"

/* The demo candidate whose map the benchmarks draw: the demo's Hélène Dubois. */
#define BENCH_MAP_CANDIDATE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"

AcqSheetList *bench_map_data_fill (AcqStore  *store,
                                   guint      n_sheets,
                                   GError   **error);
void          bench_map_data_remove (const char *path);
