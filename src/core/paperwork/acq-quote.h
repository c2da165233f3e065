/* acq-quote.h — the accompagnatrice's quotes (devis): numbered per year, accepted once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-coach-profile.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_QUOTE_ERROR (acq_quote_error_quark ())

typedef enum
{
  ACQ_QUOTE_ERROR_INVALID,   /* a date, hours or a validity that cannot be kept */
  ACQ_QUOTE_ERROR_NOT_FOUND, /* no such quote */
} AcqQuoteError;

/* The offer's validity of a quote, in days. */
#define ACQ_QUOTE_DEFAULT_VALIDITY_DAYS 30
#define ACQ_QUOTE_MAX_VALIDITY_DAYS 365
/* Hours a quote may hold, in minutes: up to 1,000 h. */
#define ACQ_QUOTE_MAX_MINUTES 60000

/* Who pays. Stored as integers (quote.funding): never renumber. */
typedef enum
{
  ACQ_QUOTE_FUNDING_CPF,
  ACQ_QUOTE_FUNDING_OPCO,
  ACQ_QUOTE_FUNDING_EMPLOYER,
  ACQ_QUOTE_FUNDING_PERSONAL,
  ACQ_N_QUOTE_FUNDINGS
} AcqQuoteFunding;

/**
 * AcqQuote:
 * @uuid: its id
 * @candidate_uuid: for whom
 * @year: the year of its number
 * @sequence: its place in the year, from 1
 * @date: the day it was made, YYYY-MM-DD
 * @minutes: the hours quoted, in minutes
 * @rate_cents: the hourly rate TTC, copied from the profile when it was made
 * @vat_regime: copied from the profile when it was made
 * @funding: who pays
 * @validity_days: how long the offer holds
 * @funder_name: the employer or funder party of the convention, "" for none
 * @funder_address: its address
 * @sent_date: (nullable): when it was sent
 * @accepted_date: (nullable): when it was accepted
 * @accepted_event_uuid: (nullable): the parcours' "quote accepted" event it recorded
 */
typedef struct
{
  char           *uuid;
  char           *candidate_uuid;
  guint           year;
  guint           sequence;
  char           *date;
  guint           minutes;
  guint           rate_cents;
  AcqVatRegime    vat_regime;
  AcqQuoteFunding funding;
  guint           validity_days;
  char           *funder_name;
  char           *funder_address;
  char           *sent_date;
  char           *accepted_date;
  char           *accepted_event_uuid;
} AcqQuote;

#define ACQ_TYPE_QUOTE (acq_quote_get_type ())
GQuark      acq_quote_error_quark        (void);
GType       acq_quote_get_type           (void) G_GNUC_CONST;

const char *acq_quote_funding_label      (AcqQuoteFunding  funding);
const char *acq_quote_funding_french     (AcqQuoteFunding  funding);
char       *acq_quote_format_number      (guint            year,
                                          guint            sequence);

AcqQuote   *acq_quote_copy               (const AcqQuote  *self);
void        acq_quote_free               (AcqQuote        *self);
char       *acq_quote_dup_number         (const AcqQuote  *self);
char       *acq_quote_dup_valid_until    (const AcqQuote  *self);
void        acq_quote_get_price          (const AcqQuote  *self,
                                          AcqPrice        *out);

AcqQuote   *acq_quote_create             (AcqStore        *store,
                                          const char      *candidate_uuid,
                                          const char      *date,
                                          GError         **error);
GPtrArray  *acq_quote_list               (AcqStore        *store,
                                          const char      *candidate_uuid,
                                          GError         **error);
AcqQuote   *acq_quote_load_latest        (AcqStore        *store,
                                          const char      *candidate_uuid,
                                          GError         **error);
gboolean    acq_quote_save               (AcqStore        *store,
                                          const AcqQuote  *quote,
                                          GError         **error);
gboolean    acq_quote_mark_sent          (AcqStore        *store,
                                          AcqQuote        *quote,
                                          const char      *date,
                                          GError         **error);
gboolean    acq_quote_mark_accepted      (AcqStore        *store,
                                          AcqQuote        *quote,
                                          const char      *date,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqQuote, acq_quote_free)

G_END_DECLS
