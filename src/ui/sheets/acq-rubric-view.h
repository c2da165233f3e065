/* acq-rubric-view.h — one rubric of an example: its guidance, its text, its comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-guidance.h"
#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_RUBRIC_VIEW (acq_rubric_view_get_type ())
G_DECLARE_FINAL_TYPE (AcqRubricView, acq_rubric_view, ACQ, RUBRIC_VIEW, GtkBox)

AcqRubricView *acq_rubric_view_new              (AcqRubric      rubric);
AcqRubric      acq_rubric_view_get_rubric       (AcqRubricView *self);
void           acq_rubric_view_set_guidance     (AcqRubricView *self,
                                                 AcqGuidance   *guidance);
void           acq_rubric_view_set_sheet        (AcqRubricView *self,
                                                 AcqSheetList  *list,
                                                 AcqSheet      *sheet);
void           acq_rubric_view_set_text         (AcqRubricView *self,
                                                 const char    *text);
char          *acq_rubric_view_dup_text         (AcqRubricView *self);
void           acq_rubric_view_refresh_anchors  (AcqRubricView *self);
void           acq_rubric_view_store_anchors    (AcqRubricView *self);

G_END_DECLS
