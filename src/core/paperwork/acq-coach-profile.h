/* acq-coach-profile.h — who the accompagnatrice is, as her paperwork prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-attachment.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_COACH_PROFILE_ERROR (acq_coach_profile_error_quark ())

typedef enum
{
  ACQ_COACH_PROFILE_ERROR_NOT_AN_IMAGE, /* a signature that is a PDF */
} AcqCoachProfileError;

/* The coaching offer's rate: 80 € TTC an hour. */
#define ACQ_COACH_PROFILE_DEFAULT_RATE_CENTS 8000

/* How long an ended accompaniment is kept, in months: three years (a Qualiopi cycle) unless
 * she says otherwise, from one month to twenty years (coach_profile's CHECK). */
#define ACQ_COACH_PROFILE_DEFAULT_RETENTION_MONTHS 36
#define ACQ_COACH_PROFILE_MIN_RETENTION_MONTHS 1
#define ACQ_COACH_PROFILE_MAX_RETENTION_MONTHS 240

/* The French VAT regime of her practice. Stored as integers (coach_profile.vat_regime,
 * quote.vat_regime): never renumber. */
typedef enum
{
  ACQ_VAT_FRANCHISE, /* franchise en base: "TVA non applicable, art. 293 B du CGI" */
  ACQ_VAT_SUBJECT,   /* assujettie, at the normal rate */
  ACQ_N_VAT_REGIMES
} AcqVatRegime;

/* The normal rate, 20 %, in per mille. */
#define ACQ_VAT_RATE_PERMILLE 200

/* What franchise en base obliges an invoice or a quote to say. */
#define ACQ_VAT_FRANCHISE_MENTION "TVA non applicable, art. 293 B du CGI"

/**
 * AcqPrice:
 * @ttc_cents: what the candidate or the funder pays
 * @ht_cents: before VAT (equal to @ttc_cents under franchise en base)
 * @vat_cents: the VAT (0 under franchise en base)
 *
 * A price whose three parts always add up: @ht_cents + @vat_cents = @ttc_cents.
 */
typedef struct
{
  gint64 ttc_cents;
  gint64 ht_cents;
  gint64 vat_cents;
} AcqPrice;

/**
 * AcqCoachProfile:
 * @name: her name, as she signs
 * @organisation: her practice or company
 * @address: postal, one line or several
 * @siret: 14 digits (spaces allowed), as typed
 * @nda: numéro de déclaration d'activité, 11 digits, as typed
 * @qualiopi_number: the number of her Qualiopi certificate
 * @qualiopi_certifier: the body that certified her
 * @hourly_rate_cents: euros TTC an hour, in cents
 * @vat_regime: franchise en base or subject to VAT
 * @retention_months: how long she keeps an accompaniment once it ended (privacy/acq-retention)
 * @signature_sha256: (nullable): the stored copy of her signature (a PNG or JPEG image)
 * @signature_mime_type: (nullable): its type
 *
 * Every text is kept as typed, valid or not: the checks only say what is wrong
 * (acq_coach_profile_check_siret(), acq_coach_profile_check_nda()).
 */
typedef struct
{
  char  *name;
  char  *organisation;
  char  *address;
  char  *siret;
  char  *nda;
  char  *qualiopi_number;
  char  *qualiopi_certifier;
  guint  hourly_rate_cents;
  AcqVatRegime vat_regime;
  guint  retention_months;
  char  *signature_sha256;
  char  *signature_mime_type;
} AcqCoachProfile;

#define ACQ_TYPE_COACH_PROFILE (acq_coach_profile_get_type ())
GType            acq_coach_profile_get_type     (void) G_GNUC_CONST;
GQuark           acq_coach_profile_error_quark  (void);

AcqCoachProfile *acq_coach_profile_new          (void);
AcqCoachProfile *acq_coach_profile_copy         (const AcqCoachProfile *self);
void             acq_coach_profile_free         (AcqCoachProfile       *self);
gboolean         acq_coach_profile_is_empty     (const AcqCoachProfile *self);

gboolean         acq_siret_is_valid             (const char            *siret);
char            *acq_coach_profile_check_siret  (const char            *siret);
char            *acq_coach_profile_check_nda    (const char            *nda);
gboolean         acq_coach_profile_parse_rate   (const char            *text,
                                                 guint                 *cents);
char            *acq_coach_profile_format_rate  (guint                  cents);
const char      *acq_vat_regime_label           (AcqVatRegime           regime);
void             acq_price_compute              (guint                  minutes,
                                                 guint                  rate_ttc_cents,
                                                 AcqVatRegime           regime,
                                                 AcqPrice              *out);
char            *acq_price_format_euros         (gint64                 cents);

AcqCoachProfile *acq_coach_profile_load         (AcqStore              *store,
                                                 GError               **error);
gboolean         acq_coach_profile_save         (AcqStore              *store,
                                                 const AcqCoachProfile *profile,
                                                 GError               **error);
gboolean         acq_coach_profile_set_signature (AcqStore             *store,
                                                  const AcqAttachment  *imported,
                                                  GError              **error);
gboolean         acq_coach_profile_clear_signature (AcqStore           *store,
                                                    GError            **error);
char            *acq_coach_profile_get_signature_path (AcqStore              *store,
                                                       const AcqCoachProfile *profile,
                                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqCoachProfile, acq_coach_profile_free)

G_END_DECLS
