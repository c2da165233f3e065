/* acq-coverage-grid.h — the candidate's blocs × competences, and how well each is backed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-coverage.h"

G_BEGIN_DECLS

#define ACQ_TYPE_COVERAGE_GRID (acq_coverage_grid_get_type ())
G_DECLARE_FINAL_TYPE (AcqCoverageGrid, acq_coverage_grid, ACQ, COVERAGE_GRID, GtkWidget)

GtkWidget  *acq_coverage_grid_new          (void);
void        acq_coverage_grid_set_coverage (AcqCoverageGrid   *self,
                                            const AcqCoverage *coverage);
const char *acq_coverage_level_icon        (AcqCoverageLevel   level);

G_END_DECLS
