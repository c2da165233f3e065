/* acq-reading-style.h — a candidate's large-print reading style for the printed outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_READING_SIZE_MIN    12.0
#define ACQ_READING_SIZE_MAX    24.0
#define ACQ_READING_SPACING_MIN 1.0
#define ACQ_READING_SPACING_MAX 2.0
/* The large print any reading copy promises to a candidate without a style of their own. */
#define ACQ_READING_DEFAULT_SIZE    14.0
#define ACQ_READING_DEFAULT_SPACING 1.5

/* The family of the default large sans, and the last resort fontconfig always answers. */
#define ACQ_READING_DEFAULT_FAMILY "DejaVu Sans"
#define ACQ_READING_FALLBACK_FAMILY "Sans"

/**
 * AcqReadingStyle:
 * @family: the font family chosen; "" for %ACQ_READING_DEFAULT_FAMILY. It may not be
 *   installed here: acq_reading_style_resolve_family() gives the one to print with
 * @size: the body text's size in points, from %ACQ_READING_SIZE_MIN to %ACQ_READING_SIZE_MAX
 * @spacing: the line spacing, from %ACQ_READING_SPACING_MIN to %ACQ_READING_SPACING_MAX
 *
 * How a candidate who asked for accommodations reads best: the fiche de préparation au jury,
 * the livret de suivi and the reading copy of the dossier are set in it.
 */
typedef struct
{
  char  *family;
  double size;
  double spacing;
} AcqReadingStyle;

AcqReadingStyle *acq_reading_style_new             (const char            *family,
                                                    double                 size,
                                                    double                 spacing);
AcqReadingStyle *acq_reading_style_copy            (const AcqReadingStyle *style);
void             acq_reading_style_free            (AcqReadingStyle       *style);

AcqReadingStyle *acq_reading_style_load            (AcqStore              *store,
                                                    const char            *candidate_uuid,
                                                    GError               **error);
gboolean         acq_reading_style_save            (AcqStore              *store,
                                                    const char            *candidate_uuid,
                                                    const AcqReadingStyle *style,
                                                    GError               **error);

char           **acq_reading_style_list_families   (void);
char            *acq_reading_style_resolve_family  (const char            *family);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqReadingStyle, acq_reading_style_free)

G_END_DECLS
