/* acq-quote.c — the accompagnatrice's quotes (devis): numbered per year, accepted once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A funded accompaniment starts with a quote: hours × the hourly rate, who pays, how long the
 * offer holds. Its number, D-2026-0007, counts the quotes of the year of its date on this
 * machine, given inside the transaction that writes it, so two never share one. The rate and
 * the VAT regime are copied from her profile when the quote is made: a quote sent never
 * changes when the profile does. Marking it accepted records the parcours' "quote accepted"
 * event (acq_parcours_add()), which starts the 15-day deadline of acq-deadline.c: the rule
 * stays there.
 */
#define G_LOG_DOMAIN "acq-quote"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "acq-parcours.h"
#include "acq-quote.h"
#include "acq-session.h"
#include "acq-sql-private.h"
#include "acq-text.h"

G_DEFINE_QUARK (acq-quote-error-quark, acq_quote_error)
G_DEFINE_BOXED_TYPE (AcqQuote, acq_quote, acq_quote_copy, acq_quote_free)

#define COLUMNS \
  "uuid, candidate_uuid, year, sequence, date, minutes, rate_cents, vat_regime, funding," \
  " validity_days, funder_name, funder_address, sent_date, accepted_date, accepted_event_uuid"

static const char sql_list[] =
  "SELECT " COLUMNS " FROM quote WHERE candidate_uuid = ?1 ORDER BY date, year, sequence";
static const char sql_next[] =
  "SELECT coalesce (max (sequence), 0) + 1 FROM quote WHERE year = ?1";
static const char sql_insert[] =
  "INSERT INTO quote (" COLUMNS ", created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
  " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)";
static const char sql_update[] =
  "UPDATE quote SET date = ?5, minutes = ?6, rate_cents = ?7, vat_regime = ?8, funding = ?9,"
  " validity_days = ?10, funder_name = ?11, funder_address = ?12, sent_date = ?13,"
  " accepted_date = ?14, accepted_event_uuid = ?15, updated_at = ?16"
  " WHERE uuid = ?1 AND candidate_uuid = ?2 AND year = ?3 AND sequence = ?4";

/**
 * acq_quote_funding_label:
 * @funding: who pays
 *
 * Returns: its name, translated, for the interface
 */
const char *
acq_quote_funding_label (AcqQuoteFunding funding)
{
  switch (funding)
    {
    case ACQ_QUOTE_FUNDING_CPF: return _("CPF (personal training account)");
    case ACQ_QUOTE_FUNDING_OPCO: return _("OPCO");
    case ACQ_QUOTE_FUNDING_EMPLOYER: return _("Employer");
    case ACQ_QUOTE_FUNDING_PERSONAL: return _("Personal funds");
    case ACQ_N_QUOTE_FUNDINGS:
    default: return "";
    }
}

/**
 * acq_quote_funding_french:
 * @funding: who pays
 *
 * Returns: its name in French, as the documents print it whatever the locale
 */
const char *
acq_quote_funding_french (AcqQuoteFunding funding)
{
  switch (funding)
    {
    case ACQ_QUOTE_FUNDING_CPF: return "Compte personnel de formation (CPF)";
    case ACQ_QUOTE_FUNDING_OPCO: return "Opérateur de compétences (OPCO)";
    case ACQ_QUOTE_FUNDING_EMPLOYER: return "Employeur";
    case ACQ_QUOTE_FUNDING_PERSONAL: return "Financement personnel";
    case ACQ_N_QUOTE_FUNDINGS:
    default: return "";
    }
}

/**
 * acq_quote_format_number:
 * @year: the year
 * @sequence: the place in the year, from 1
 *
 * Returns: (transfer full): "D-2026-0007"
 */
char *
acq_quote_format_number (guint year, guint sequence)
{
  return g_strdup_printf ("D-%04u-%04u", year, sequence);
}

AcqQuote *
acq_quote_copy (const AcqQuote *self)
{
  AcqQuote *copy = g_memdup2 (self, sizeof *self);

  copy->uuid = g_strdup (self->uuid);
  copy->candidate_uuid = g_strdup (self->candidate_uuid);
  copy->date = g_strdup (self->date);
  copy->funder_name = g_strdup (self->funder_name);
  copy->funder_address = g_strdup (self->funder_address);
  copy->sent_date = g_strdup (self->sent_date);
  copy->accepted_date = g_strdup (self->accepted_date);
  copy->accepted_event_uuid = g_strdup (self->accepted_event_uuid);
  return copy;
}

void
acq_quote_free (AcqQuote *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->candidate_uuid);
  g_free (self->date);
  g_free (self->funder_name);
  g_free (self->funder_address);
  g_free (self->sent_date);
  g_free (self->accepted_date);
  g_free (self->accepted_event_uuid);
  g_free (self);
}

/**
 * acq_quote_dup_number:
 * @self: a quote
 *
 * Returns: (transfer full): its number, "D-2026-0007"
 */
char *
acq_quote_dup_number (const AcqQuote *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return acq_quote_format_number (self->year, self->sequence);
}

static GDate *
parse_date (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso == NULL || strlen (iso) != 10 || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/**
 * acq_quote_dup_valid_until:
 * @self: a quote
 *
 * Returns: (transfer full) (nullable): the last day the offer holds, YYYY-MM-DD
 */
char *
acq_quote_dup_valid_until (const AcqQuote *self)
{
  GDate *date;
  char text[16];

  g_return_val_if_fail (self != NULL, NULL);
  if ((date = parse_date (self->date)) == NULL)
    return NULL;
  g_date_add_days (date, self->validity_days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_date_free (date);
  return g_strdup (text);
}

/**
 * acq_quote_get_price:
 * @self: a quote
 * @out: (out caller-allocates): its price, by acq_price_compute()
 */
void
acq_quote_get_price (const AcqQuote *self, AcqPrice *out)
{
  g_return_if_fail (self != NULL);
  acq_price_compute (self->minutes, self->rate_cents, self->vat_regime, out);
}

static gboolean
validate (const AcqQuote *quote, GError **error)
{
  g_autoptr (GDate) date = parse_date (quote->date);
  const char *dates[] = { quote->sent_date, quote->accepted_date };

  if (date == NULL)
    {
      g_set_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                   _("“%s” is not a date. Give the quote’s date as 25/03/2026."),
                   quote->date ? quote->date : "");
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL)
      {
        g_autoptr (GDate) other = parse_date (dates[i]);

        if (other == NULL)
          {
            g_set_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                         _("“%s” is not a date. Give it as 25/03/2026."), dates[i]);
            return FALSE;
          }
        if (g_date_compare (other, date) < 0)
          {
            g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                                 i == 0 ? _("A quote cannot be sent before the day it was "
                                            "made. Check the dates.")
                                        : _("A quote cannot be accepted before the day it "
                                            "was made. Check the dates."));
            return FALSE;
          }
      }
  if (quote->minutes == 0 || quote->minutes > ACQ_QUOTE_MAX_MINUTES)
    {
      g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                           _("A quote is for at least a few minutes and at most 1,000 hours. "
                             "Check the hours."));
      return FALSE;
    }
  if (quote->validity_days < 1 || quote->validity_days > ACQ_QUOTE_MAX_VALIDITY_DAYS)
    {
      g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                           _("A quote holds between 1 and 365 days. Check its validity."));
      return FALSE;
    }
  if (quote->funding >= ACQ_N_QUOTE_FUNDINGS || quote->vat_regime >= ACQ_N_VAT_REGIMES)
    {
      g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                           _("This funding or VAT regime is not one Acquis knows."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_quote (sqlite3_stmt *stmt, const AcqQuote *quote, const char *now)
{
  _acq_sql_bind_text (stmt, 1, quote->uuid);
  _acq_sql_bind_text (stmt, 2, quote->candidate_uuid);
  sqlite3_bind_int (stmt, 3, quote->year);
  sqlite3_bind_int (stmt, 4, quote->sequence);
  _acq_sql_bind_text (stmt, 5, quote->date);
  sqlite3_bind_int (stmt, 6, quote->minutes);
  sqlite3_bind_int (stmt, 7, quote->rate_cents);
  sqlite3_bind_int (stmt, 8, quote->vat_regime);
  sqlite3_bind_int (stmt, 9, quote->funding);
  sqlite3_bind_int (stmt, 10, quote->validity_days);
  _acq_sql_bind_text (stmt, 11, quote->funder_name ? quote->funder_name : "");
  _acq_sql_bind_text (stmt, 12, quote->funder_address ? quote->funder_address : "");
  _acq_sql_bind_text (stmt, 13, quote->sent_date);
  _acq_sql_bind_text (stmt, 14, quote->accepted_date);
  _acq_sql_bind_text (stmt, 15, quote->accepted_event_uuid);
  _acq_sql_bind_text (stmt, 16, now);
}

static gboolean
next_sequence (AcqStore *store, guint year, guint *out, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_next, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "numbering the quote");
  return TRUE;
}

/**
 * acq_quote_create:
 * @store: the store
 * @candidate_uuid: for whom
 * @date: its day, YYYY-MM-DD
 * @error: where to put an error: %ACQ_QUOTE_ERROR_INVALID for a bad date
 *
 * Makes and writes a quote with the next number of @date's year: the planned hours of the
 * candidate's livret (the advised 24 h while none is set), her profile's rate and VAT regime,
 * the CPF as the funding and the offer's 30 days of validity; then change it with
 * acq_quote_save().
 *
 * Returns: (transfer full): the quote, or %NULL
 */
AcqQuote *
acq_quote_create (AcqStore *store, const char *candidate_uuid, const char *date,
                  GError **error)
{
  g_autoptr (AcqQuote) quote = g_new0 (AcqQuote, 1);
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (GDateTime) now_time = g_date_time_new_now_utc ();
  g_autofree char *now = acq_store_now ();
  AcqSessionHours hours;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!(profile = acq_coach_profile_load (store, error)) ||
      !acq_session_hours_get (store, candidate_uuid, now_time, &hours, error))
    return NULL;
  quote->uuid = acq_store_new_uuid ();
  quote->candidate_uuid = g_strdup (candidate_uuid);
  quote->date = g_strdup (date);
  quote->minutes = hours.planned_minutes;
  quote->rate_cents = profile->hourly_rate_cents;
  quote->vat_regime = profile->vat_regime;
  quote->funding = ACQ_QUOTE_FUNDING_CPF;
  quote->validity_days = ACQ_QUOTE_DEFAULT_VALIDITY_DAYS;
  quote->funder_name = g_strdup ("");
  quote->funder_address = g_strdup ("");
  if (!validate (quote, error))
    return NULL;
  quote->year = (guint) g_ascii_strtoull (date, NULL, 10);
  if (!acq_store_begin (store, error))
    return NULL;
  if (!next_sequence (store, quote->year, &quote->sequence, error) ||
      !(stmt = acq_store_prepare (store, sql_insert, error)))
    goto fail;
  bind_quote (stmt, quote, now);
  if (!acq_store_step_done (store, stmt, error) || !acq_store_commit (store, error))
    goto fail;
  return g_steal_pointer (&quote);

fail:
  acq_store_rollback (store);
  return NULL;
}

/**
 * acq_quote_list:
 * @store: the store
 * @candidate_uuid: whose
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqQuote): the candidate's quotes, oldest first
 */
GPtrArray *
acq_quote_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_quote_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, sql_list, error)) == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqQuote *quote = g_new0 (AcqQuote, 1);

      quote->uuid = _acq_sql_column_dup (stmt, 0);
      quote->candidate_uuid = _acq_sql_column_dup (stmt, 1);
      quote->year = sqlite3_column_int (stmt, 2);
      quote->sequence = sqlite3_column_int (stmt, 3);
      quote->date = _acq_sql_column_dup (stmt, 4);
      quote->minutes = sqlite3_column_int (stmt, 5);
      quote->rate_cents = sqlite3_column_int (stmt, 6);
      quote->vat_regime = CLAMP (sqlite3_column_int (stmt, 7), 0, ACQ_N_VAT_REGIMES - 1);
      quote->funding = CLAMP (sqlite3_column_int (stmt, 8), 0, ACQ_N_QUOTE_FUNDINGS - 1);
      quote->validity_days = sqlite3_column_int (stmt, 9);
      quote->funder_name = _acq_sql_column_dup (stmt, 10);
      quote->funder_address = _acq_sql_column_dup (stmt, 11);
      quote->sent_date = _acq_sql_column_dup (stmt, 12);
      quote->accepted_date = _acq_sql_column_dup (stmt, 13);
      quote->accepted_event_uuid = _acq_sql_column_dup (stmt, 14);
      g_ptr_array_add (quotes, quote);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading the quotes");
      return NULL;
    }
  return g_steal_pointer (&quotes);
}

/**
 * acq_quote_load_latest:
 * @store: the store
 * @candidate_uuid: whose
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): the candidate's latest quote, or %NULL (without an
 *   error when there is none)
 */
AcqQuote *
acq_quote_load_latest (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) quotes = acq_quote_list (store, candidate_uuid, error);

  if (quotes == NULL || quotes->len == 0)
    return NULL;
  return g_ptr_array_steal_index (quotes, quotes->len - 1);
}

/**
 * acq_quote_save:
 * @store: the store
 * @quote: a quote made by acq_quote_create(), changed
 * @error: where to put an error: %ACQ_QUOTE_ERROR_INVALID with a sentence to show,
 *   %ACQ_QUOTE_ERROR_NOT_FOUND if it no longer exists
 *
 * Saves what can change: the date, the hours, the rate, the VAT regime, the funding and its
 * party, the validity, the dates sent and accepted. The number stays.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_quote_save (AcqStore *store, const AcqQuote *quote, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (quote != NULL && quote->uuid != NULL, FALSE);
  if (!validate (quote, error) || !(stmt = acq_store_prepare (store, sql_update, error)))
    return FALSE;
  bind_quote (stmt, quote, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_NOT_FOUND,
                           _("This quote no longer exists. Nothing was saved."));
      return FALSE;
    }
  return TRUE;
}

/* Records the parcours' event of @kind on @iso, done; its uuid in @out_uuid. */
static gboolean
record_event (AcqStore *store, const AcqQuote *quote, AcqParcoursKind kind, const char *iso,
              char **out_uuid, GError **error)
{
  g_autoptr (GDate) date = parse_date (iso);
  g_autoptr (AcqParcoursEvent) event = NULL;
  g_autofree char *number = acq_quote_dup_number (quote);

  if (date == NULL)
    {
      g_set_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                   _("“%s” is not a date. Give it as 25/03/2026."), iso ? iso : "");
      return FALSE;
    }
  event = acq_parcours_event_new (kind, date, FALSE);
  event->candidate_uuid = g_strdup (quote->candidate_uuid);
  g_free (event->note);
  event->note = g_strdup_printf ("Devis %s", number);
  if (!acq_parcours_add (store, event, error))
    return FALSE;
  if (out_uuid != NULL)
    *out_uuid = g_strdup (event->uuid);
  return TRUE;
}

/* Sets the date sent or accepted and records its event; on failure @quote is unchanged and
 * so is the store. */
static gboolean
mark (AcqStore *store, AcqQuote *quote, gboolean accepted, const char *date, GError **error)
{
  g_autoptr (AcqQuote) changed = acq_quote_copy (quote);
  g_autofree char *event_uuid = NULL;
  char **field = accepted ? &changed->accepted_date : &changed->sent_date;

  g_free (*field);
  *field = g_strdup (date);
  if (accepted && changed->sent_date == NULL)
    changed->sent_date = g_strdup (date);
  if (!validate (changed, error) ||
      !record_event (store, quote, accepted ? ACQ_PARCOURS_QUOTE_ACCEPTED
                                            : ACQ_PARCOURS_QUOTE_SENT, date, &event_uuid, error))
    return FALSE;
  if (accepted)
    {
      g_free (changed->accepted_event_uuid);
      changed->accepted_event_uuid = g_strdup (event_uuid);
    }
  if (!acq_quote_save (store, changed, error))
    {
      /* the event alone would start a deadline for a quote that says nothing of it */
      acq_parcours_delete (store, event_uuid, NULL);
      return FALSE;
    }
  g_free (quote->sent_date);
  quote->sent_date = g_strdup (changed->sent_date);
  g_free (quote->accepted_date);
  quote->accepted_date = g_strdup (changed->accepted_date);
  g_free (quote->accepted_event_uuid);
  quote->accepted_event_uuid = g_strdup (changed->accepted_event_uuid);
  return TRUE;
}

/**
 * acq_quote_mark_sent:
 * @store: the store
 * @quote: the quote, updated on success
 * @date: the day it was sent, YYYY-MM-DD
 * @error: where to put an error
 *
 * Sets the day it was sent and records the parcours' "quote sent" event.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_quote_mark_sent (AcqStore *store, AcqQuote *quote, const char *date, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);
  return mark (store, quote, FALSE, date, error);
}

/**
 * acq_quote_mark_accepted:
 * @store: the store
 * @quote: the quote, updated on success
 * @date: the day it was accepted, YYYY-MM-DD
 * @error: where to put an error: %ACQ_QUOTE_ERROR_INVALID for a bad date, one before the
 *   quote's, or a quote accepted already
 *
 * Sets the day it was accepted (and sent, if it was not marked so) and records the parcours'
 * "quote accepted" event, from which the accompaniment must start within 15 days (the
 * deadline of acq-deadline.c).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_quote_mark_accepted (AcqStore *store, AcqQuote *quote, const char *date, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);
  if (quote->accepted_date != NULL)
    {
      g_set_error_literal (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID,
                           _("This quote was accepted already. Make a new quote to change "
                             "it."));
      return FALSE;
    }
  return mark (store, quote, TRUE, date, error);
}
