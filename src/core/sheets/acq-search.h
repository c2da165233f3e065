/* acq-search.h — full-text search across every sheet of every candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

/* The snippet marks the matched words with these (ASCII STX and ETX, which typed text does not
 * hold); acq_search_result_dup_markup() turns them into Pango markup. */
#define ACQ_SEARCH_MATCH_START "\002"
#define ACQ_SEARCH_MATCH_END "\003"
/* The most results one search returns. */
#define ACQ_SEARCH_MAX_RESULTS 500

typedef struct
{
  char   *candidate_uuid;
  char   *candidate_name; /* "First Last", as the sidebar shows it */
  char   *sheet_uuid;
  char   *sheet_title;    /* the title, or a placeholder when it is empty */
  char   *snippet;        /* a few words around the match, matches between the marks */
  double  rank;           /* bm25: lower is better; results come best first */
} AcqSearchResult;

#define ACQ_TYPE_SEARCH_RESULT (acq_search_result_get_type ())
GType            acq_search_result_get_type     (void);
AcqSearchResult *acq_search_result_copy         (const AcqSearchResult *result);
void             acq_search_result_free         (AcqSearchResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSearchResult, acq_search_result_free)

char            *acq_search_result_dup_markup   (const AcqSearchResult *result);
char            *acq_search_build_query         (const char            *text);
GPtrArray       *acq_search_sheets              (AcqStore              *store,
                                                 const char            *text,
                                                 guint                  limit,
                                                 GError               **error);

G_END_DECLS
