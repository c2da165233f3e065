/* acq-referential-private.h — what the parser (acq-referential.c), the text cleanup
 * (acq-referential-text.c) and the store part (acq-referential-store.c) of the referential share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-referential.h"

G_BEGIN_DECLS

/* acq-referential.c */
AcqFiche   *_acq_referential_fiche_new          (void);
AcqBlocDef *_acq_referential_bloc_def_new       (void);
gboolean    _acq_referential_validate_fiche     (const AcqFiche *fiche,
                                                 GError        **error);

/* acq-referential-text.c: the export's free text (HTML escaped as XML text) made plain */
char       *_acq_referential_single_line_text   (const char     *text);
char       *_acq_referential_multi_line_text    (const char     *text);
void        _acq_referential_split_competences  (const char     *text,
                                                 GPtrArray      *competences);

char       *_acq_referential_parse_version_date (const char    *text);
char       *_acq_referential_match_key          (const char    *label);
gboolean    _acq_referential_check_version_date (const char    *date);

G_END_DECLS
