/* acq-text.h — text helpers shared by search, sorting and validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACQ_TEXT_ERROR (acq_text_error_quark ())

/**
 * AcqTextError:
 * @ACQ_TEXT_ERROR_INVALID: a value that cannot be kept as it is: too long, not valid UTF-8, a
 *   NUL inside it, or (for a model that checks more) a field that breaks its rule
 *
 * The errors of text validation, raised by the models before anything reaches the store.
 */
typedef enum
{
  ACQ_TEXT_ERROR_INVALID,
} AcqTextError;

GQuark    acq_text_error_quark (void);

char     *acq_text_fold     (const char  *text);
gboolean  acq_text_matches  (const char  *folded_text,
                             const char  *folded_query);
gboolean  acq_text_validate (const char  *text,
                             gsize        max_chars,
                             const char  *field_label,
                             GError     **error);
gboolean  acq_text_validate_len (const char  *text,
                                 gssize       len,
                                 gsize        max_chars,
                                 const char  *field_label,
                                 GError     **error);

gboolean  acq_text_is_blank      (const char *text);
guint     acq_text_count_words  (const char *text);
char     *acq_text_french_date  (const char *iso_date);
char     *acq_text_french_period (const char *iso_from,
                                  const char *iso_to);
gboolean  acq_text_local_day    (const char *timestamp,
                                 GDate      *out);

/**
 * AcqDateBound:
 * @ACQ_DATE_START: a month or a year typed alone means its first day
 * @ACQ_DATE_END: its last day
 *
 * Which day a date typed without one stands for: "mars 2024" starts a period on the 1st and
 * ends one on the 31st.
 */
typedef enum
{
  ACQ_DATE_START,
  ACQ_DATE_END,
} AcqDateBound;

char     *acq_text_parse_date   (const char   *typed,
                                 AcqDateBound  bound);

G_END_DECLS
