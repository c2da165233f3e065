/* acq-coach-profile.c — who the accompagnatrice is, as her paperwork prints it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row (coach_profile, id 1) that names no candidate: the exchange keeps it on her machine.
 * The profile is saved as typed, even a SIRET that fails its check, so that nothing she typed
 * is lost; the checks give the sentence to show beside the field. Her signature is a stored
 * copy named by its SHA-256, like a sheet's documents, and is an image: it is drawn at the
 * foot of the livret.
 */
#define G_LOG_DOMAIN "acq-coach-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-coach-profile.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define SIRET_DIGITS 14
#define NDA_DIGITS 11
/* La Poste's establishments share one SIREN and are numbered past what Luhn's key allows:
 * INSEE checks them by the sum of their digits, a multiple of 5. */
#define LA_POSTE_SIREN "356000000"

G_DEFINE_QUARK (acq-coach-profile-error-quark, acq_coach_profile_error)
G_DEFINE_BOXED_TYPE (AcqCoachProfile, acq_coach_profile, acq_coach_profile_copy,
                     acq_coach_profile_free)

static const char sql_select[] =
  "SELECT name, organisation, address, siret, nda, qualiopi_number, qualiopi_certifier,"
  " hourly_rate_cents, signature_sha256, signature_mime_type, vat_regime,"
  " retention_months FROM coach_profile"
  " WHERE id = 1";
static const char sql_upsert[] =
  "INSERT INTO coach_profile (id, name, organisation, address, siret, nda, qualiopi_number,"
  " qualiopi_certifier, hourly_rate_cents, updated_at, vat_regime, retention_months)"
  " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (id) DO UPDATE SET"
  " name = excluded.name,"
  " organisation = excluded.organisation, address = excluded.address,"
  " siret = excluded.siret, nda = excluded.nda, qualiopi_number = excluded.qualiopi_number,"
  " qualiopi_certifier = excluded.qualiopi_certifier,"
  " hourly_rate_cents = excluded.hourly_rate_cents, vat_regime = excluded.vat_regime,"
  " retention_months = excluded.retention_months, updated_at = excluded.updated_at";
static const char sql_signature[] =
  "INSERT INTO coach_profile (id, signature_sha256, signature_mime_type, updated_at)"
  " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET"
  " signature_sha256 = excluded.signature_sha256,"
  " signature_mime_type = excluded.signature_mime_type, updated_at = excluded.updated_at";

/**
 * acq_coach_profile_new:
 *
 * Returns: (transfer full): an empty profile at the offer's rate
 */
AcqCoachProfile *
acq_coach_profile_new (void)
{
  AcqCoachProfile *self = g_new0 (AcqCoachProfile, 1);

  self->name = g_strdup ("");
  self->organisation = g_strdup ("");
  self->address = g_strdup ("");
  self->siret = g_strdup ("");
  self->nda = g_strdup ("");
  self->qualiopi_number = g_strdup ("");
  self->qualiopi_certifier = g_strdup ("");
  self->hourly_rate_cents = ACQ_COACH_PROFILE_DEFAULT_RATE_CENTS;
  self->retention_months = ACQ_COACH_PROFILE_DEFAULT_RETENTION_MONTHS;
  return self;
}

AcqCoachProfile *
acq_coach_profile_copy (const AcqCoachProfile *self)
{
  AcqCoachProfile *copy = g_new0 (AcqCoachProfile, 1);

  copy->name = g_strdup (self->name);
  copy->organisation = g_strdup (self->organisation);
  copy->address = g_strdup (self->address);
  copy->siret = g_strdup (self->siret);
  copy->nda = g_strdup (self->nda);
  copy->qualiopi_number = g_strdup (self->qualiopi_number);
  copy->qualiopi_certifier = g_strdup (self->qualiopi_certifier);
  copy->hourly_rate_cents = self->hourly_rate_cents;
  copy->vat_regime = self->vat_regime;
  copy->retention_months = self->retention_months;
  copy->signature_sha256 = g_strdup (self->signature_sha256);
  copy->signature_mime_type = g_strdup (self->signature_mime_type);
  return copy;
}

void
acq_coach_profile_free (AcqCoachProfile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->organisation);
  g_free (self->address);
  g_free (self->siret);
  g_free (self->nda);
  g_free (self->qualiopi_number);
  g_free (self->qualiopi_certifier);
  g_free (self->signature_sha256);
  g_free (self->signature_mime_type);
  g_free (self);
}

/**
 * acq_coach_profile_is_empty:
 * @self: a profile
 *
 * Returns: %TRUE if she has not given her name nor her organisation yet
 */
gboolean
acq_coach_profile_is_empty (const AcqCoachProfile *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return acq_text_is_blank (self->name) && acq_text_is_blank (self->organisation);
}

/* The digits of @text, spaces dropped; NULL if anything else is in it. */
static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '.' && *p != '-')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  return g_string_free (digits, FALSE);
}

static gboolean
luhn_is_valid (const char *digits)
{
  gsize len = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint d = digits[len - 1 - i] - '0';

      if (i % 2 == 1)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return sum % 10 == 0;
}

/**
 * acq_siret_is_valid:
 * @siret: (nullable): a SIRET, spaces allowed
 *
 * Returns: %TRUE if @siret is 14 digits whose Luhn key is right (or, for La Poste's
 *   establishments, whose digits add up to a multiple of 5, as INSEE checks them)
 */
gboolean
acq_siret_is_valid (const char *siret)
{
  g_autofree char *digits = digits_of (siret);
  guint sum = 0;

  if (digits == NULL || strlen (digits) != SIRET_DIGITS)
    return FALSE;
  if (luhn_is_valid (digits))
    return TRUE;
  if (!g_str_has_prefix (digits, LA_POSTE_SIREN))
    return FALSE;
  for (const char *p = digits; *p != '\0'; p++)
    sum += *p - '0';
  return sum % 5 == 0;
}

/**
 * acq_coach_profile_check_siret:
 * @siret: (nullable): as typed
 *
 * Returns: (transfer full) (nullable): what is wrong with @siret, as a sentence to show
 *   beside it, or %NULL if it is right or empty
 */
char *
acq_coach_profile_check_siret (const char *siret)
{
  g_autofree char *digits = digits_of (siret);

  if (acq_text_is_blank (siret))
    return NULL;
  if (digits == NULL || strlen (digits) != SIRET_DIGITS)
    return g_strdup (_("A SIRET number has 14 digits: the 9 of the SIREN, then the 5 of the "
                       "establishment."));
  if (!acq_siret_is_valid (digits))
    return g_strdup (_("This SIRET number has a typing error: its check digit does not "
                       "match. Compare it with your certificate of registration."));
  return NULL;
}

/**
 * acq_coach_profile_check_nda:
 * @nda: (nullable): a numéro de déclaration d'activité, as typed
 *
 * Returns: (transfer full) (nullable): what is wrong with @nda, as a sentence, or %NULL if it
 *   is right or empty
 */
char *
acq_coach_profile_check_nda (const char *nda)
{
  g_autofree char *digits = digits_of (nda);

  if (acq_text_is_blank (nda))
    return NULL;
  if (digits == NULL || strlen (digits) != NDA_DIGITS)
    return g_strdup (_("A declaration number (NDA) has 11 digits, as on the receipt of the "
                       "prefecture."));
  return NULL;
}

/**
 * acq_coach_profile_parse_rate:
 * @text: an amount in euros as typed: "80", "80,50", "80.5", "80 €"
 * @cents: (out): the amount in cents
 *
 * Returns: %TRUE if @text is an amount between 0 and 10,000 €
 */
gboolean
acq_coach_profile_parse_rate (const char *text, guint *cents)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  guint64 euros;
  guint fraction = 0;

  g_return_val_if_fail (cents != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (g_str_has_suffix (copy, "€"))
    {
      copy[strlen (copy) - strlen ("€")] = '\0';
      g_strchomp (copy);
    }
  if (!g_ascii_isdigit (copy[0]))
    return FALSE;
  euros = g_ascii_strtoull (copy, &end, 10);
  if (*end == ',' || *end == '.')
    {
      end++;
      if (!g_ascii_isdigit (end[0]))
        return FALSE;
      fraction = (end[0] - '0') * 10;
      end++;
      if (g_ascii_isdigit (end[0]))
        fraction += *end++ - '0';
    }
  if (*end != '\0' || euros > 10000)
    return FALSE;
  *cents = (guint) euros * 100 + fraction;
  return TRUE;
}

/**
 * acq_coach_profile_format_rate:
 * @cents: an amount in cents
 *
 * Returns: (transfer full): "80" or "80,50", the French way, without the currency
 */
char *
acq_coach_profile_format_rate (guint cents)
{
  if (cents % 100 == 0)
    return g_strdup_printf ("%u", cents / 100);
  return g_strdup_printf ("%u,%02u", cents / 100, cents % 100);
}

/**
 * acq_vat_regime_label:
 * @regime: a VAT regime
 *
 * Returns: its name, translated, for the preferences
 */
const char *
acq_vat_regime_label (AcqVatRegime regime)
{
  switch (regime)
    {
    case ACQ_VAT_FRANCHISE: return _("Not subject to VAT (art. 293 B du CGI)");
    case ACQ_VAT_SUBJECT: return _("Subject to VAT at 20 %");
    case ACQ_N_VAT_REGIMES:
    default: return "";
    }
}

/* @numerator / @denominator rounded to the nearest, halves away from zero: the cent that
 * an invoice rounds (both are positive here). */
static gint64
divide_rounded (gint64 numerator, gint64 denominator)
{
  return (numerator * 2 + denominator) / (denominator * 2);
}

/**
 * acq_price_compute:
 * @minutes: the hours bought, in minutes
 * @rate_ttc_cents: the hourly rate, TTC (the profile's, as the offer states it)
 * @regime: the VAT regime
 * @out: (out caller-allocates): the price
 *
 * The rate is the price paid an hour, TTC, as the coaching offer states it (80 € TTC): the
 * total TTC is the hours times the rate, rounded to the cent; subject to VAT, the HT is the
 * TTC divided by 1.20, rounded to the cent, and the VAT the difference, so that HT + TVA is
 * always the TTC announced. Under franchise en base HT and TTC are the same and there is no
 * VAT.
 */
void
acq_price_compute (guint minutes, guint rate_ttc_cents, AcqVatRegime regime, AcqPrice *out)
{
  g_return_if_fail (out != NULL);

  out->ttc_cents = divide_rounded ((gint64) minutes * rate_ttc_cents, 60);
  if (regime == ACQ_VAT_SUBJECT)
    out->ht_cents = divide_rounded (out->ttc_cents * 1000, 1000 + ACQ_VAT_RATE_PERMILLE);
  else
    out->ht_cents = out->ttc_cents;
  out->vat_cents = out->ttc_cents - out->ht_cents;
}

/**
 * acq_price_format_euros:
 * @cents: an amount in cents
 *
 * Returns: (transfer full): "1 920,00 €" the French way, thousands set apart by a narrow
 *   no-break space and the euro sign by a no-break space
 */
char *
acq_price_format_euros (gint64 cents)
{
  g_autofree char *units = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (cents) / 100);
  GString *text = g_string_new (cents < 0 ? "−" : "");
  gsize len = strlen (units);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, "\u202F");
      g_string_append_c (text, units[i]);
    }
  g_string_append_printf (text, ",%02d\u00A0€", (int) (ABS (cents) % 100));
  return g_string_free (text, FALSE);
}

/**
 * acq_coach_profile_load:
 * @store: the store
 * @error: where to put an error
 *
 * Returns: (transfer full): the profile, an empty one if she never filled it, or %NULL
 */
AcqCoachProfile *
acq_coach_profile_load (AcqStore *store, GError **error)
{
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, sql_select, error)) == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char **texts[] = { &profile->name, &profile->organisation, &profile->address,
                         &profile->siret, &profile->nda, &profile->qualiopi_number,
                         &profile->qualiopi_certifier };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_free (*texts[i]);
          *texts[i] = _acq_sql_column_dup (stmt, i);
        }
      profile->hourly_rate_cents = sqlite3_column_int (stmt, 7);
      profile->signature_sha256 = _acq_sql_column_dup (stmt, 8);
      profile->signature_mime_type = _acq_sql_column_dup (stmt, 9);
      profile->vat_regime = CLAMP (sqlite3_column_int (stmt, 10), 0, ACQ_N_VAT_REGIMES - 1);
      profile->retention_months = CLAMP (sqlite3_column_int (stmt, 11),
                                         ACQ_COACH_PROFILE_MIN_RETENTION_MONTHS,
                                         ACQ_COACH_PROFILE_MAX_RETENTION_MONTHS);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "reading the coach's profile");
      return NULL;
    }
  return g_steal_pointer (&profile);
}

/**
 * acq_coach_profile_save:
 * @store: the store
 * @profile: the profile, as typed
 * @error: where to put an error
 *
 * Saves the texts and the rate, as they are: the signature is set apart
 * (acq_coach_profile_set_signature()).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_coach_profile_save (AcqStore *store, const AcqCoachProfile *profile, GError **error)
{
  const char *texts[] = { profile->name, profile->organisation, profile->address,
                          profile->siret, profile->nda, profile->qualiopi_number,
                          profile->qualiopi_certifier };
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  if ((stmt = acq_store_prepare (store, sql_upsert, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    _acq_sql_bind_text (stmt, i + 1, texts[i] != NULL ? texts[i] : "");
  sqlite3_bind_int (stmt, 8, (int) profile->hourly_rate_cents);
  _acq_sql_bind_text (stmt, 9, now);
  sqlite3_bind_int (stmt, 10, profile->vat_regime == ACQ_VAT_SUBJECT ? 1 : 0);
  sqlite3_bind_int (stmt, 11, (int) CLAMP (profile->retention_months,
                                           ACQ_COACH_PROFILE_MIN_RETENTION_MONTHS,
                                           ACQ_COACH_PROFILE_MAX_RETENTION_MONTHS));
  return acq_store_step_done (store, stmt, error);
}

static gboolean
write_signature (AcqStore *store, const char *sha256, const char *mime_type, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  if ((stmt = acq_store_prepare (store, sql_signature, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, sha256);
  _acq_sql_bind_text (stmt, 2, mime_type);
  _acq_sql_bind_text (stmt, 3, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_coach_profile_set_signature:
 * @store: the store
 * @imported: the image, copied by acq_attachment_import() (the caller releases it after)
 * @error: where to put an error: %ACQ_COACH_PROFILE_ERROR_NOT_AN_IMAGE for a PDF
 *
 * Returns: %TRUE if the image is her signature now
 */
gboolean
acq_coach_profile_set_signature (AcqStore *store, const AcqAttachment *imported,
                                 GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (imported != NULL, FALSE);

  if (!g_str_has_prefix (imported->mime_type, "image/"))
    {
      g_set_error (error, ACQ_COACH_PROFILE_ERROR, ACQ_COACH_PROFILE_ERROR_NOT_AN_IMAGE,
                   _("“%s” is not an image. Scan or photograph your signature and choose the "
                     "PNG or JPEG image."), imported->file_name);
      return FALSE;
    }
  return write_signature (store, imported->sha256, imported->mime_type, error);
}

/**
 * acq_coach_profile_clear_signature:
 * @store: the store
 * @error: where to put an error
 *
 * Removes her signature from the profile; its stored copy goes at the next clean-up of
 * orphans, unless a document uses the same image.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_coach_profile_clear_signature (AcqStore *store, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  return write_signature (store, NULL, NULL, error);
}

/**
 * acq_coach_profile_get_signature_path:
 * @store: the store
 * @profile: a profile
 * @error: where to put an error, as acq_attachment_resolve()
 *
 * Returns: (transfer full) (nullable): the stored copy of her signature, or %NULL (without an
 *   error if she has none)
 */
char *
acq_coach_profile_get_signature_path (AcqStore *store, const AcqCoachProfile *profile,
                                      GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  if (profile->signature_sha256 == NULL)
    return NULL;
  return acq_attachment_resolve (acq_store_get_data_dir (store), profile->signature_sha256,
                                 error);
}
