/* bench-text.h — French text as a candidate writes it in an experience sheet, for the
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words the generator never writes, to look for what is not there. */
#define BENCH_TEXT_ABSENT_WORD "zygomatique"

guint       bench_text_append           (GString    *text,
                                         GRand      *rand,
                                         guint       n_words);
char       *bench_text_sentences        (GRand      *rand,
                                         guint       n_words);
char       *bench_text_title            (GRand      *rand);
const char *bench_text_organisation     (GRand      *rand);
const char *bench_text_department       (GRand      *rand);

G_END_DECLS
