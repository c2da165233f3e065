/* acq-quote-group.c — a candidate's quote on their page: its terms, sent and accepted, and the
 * documents made from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accompagnatrice's alone (the page shows it in her role only). The latest quote is shown
 * and saved as typed through acq-autosave; a rate that is not an amount is not saved and says
 * so. Marking it accepted records the parcours' event (acq_quote_mark_accepted()), so the
 * 15-day deadline appears on the page and on Today; the number stays, and a quote accepted is
 * changed by a new one. The Print menu writes the devis, the convention and the certificate
 * on a worker; the certificate's refusal (an attendance missing) is said in a toast. Like the
 * livret group, the group reads the store again when it says it changed.
 */
#define G_LOG_DOMAIN "acq-quote-group"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "acq-a11y.h"
#include "acq-autosave.h"
#include "acq-coach-profile.h"
#include "acq-date-button.h"
#include "acq-practice-document.h"
#include "acq-quote.h"
#include "acq-quote-group.h"
#include "acq-store-file-job.h"
#include "acq-toast.h"

struct _AcqQuoteGroup
{
  AdwPreferencesGroup parent_instance;

  /* template children, alphabetical */
  GtkButton          *accepted_button;
  AcqDateButton      *accepted_date_button;
  AdwActionRow       *accepted_row;
  AcqDateButton      *date_button;
  AdwActionRow       *date_row;
  AdwActionRow       *empty_row;
  AdwEntryRow        *funder_address_row;
  AdwEntryRow        *funder_row;
  AdwComboRow        *funding_row;
  AdwActionRow       *hours_row;
  GtkSpinButton      *hours_spin;
  AdwActionRow       *price_row;
  GtkMenuButton      *print_button;
  AdwEntryRow        *rate_row;
  GtkButton          *sent_button;
  AdwActionRow       *sent_row;
  GtkSpinButton      *validity_spin;
  AdwActionRow       *validity_row;

  AcqStore           *store;
  char               *candidate_uuid;
  AcqQuote           *quote;    /* as shown and last saved */
  AcqAutosave        *autosave;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (AcqQuoteGroup, acq_quote_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
quote_group_actions_update (AcqQuoteGroup *self)
{
  gboolean has = self->quote != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.print", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.mark-sent",
                                 has && self->quote->sent_date == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.mark-accepted",
                                 has && self->quote->accepted_date == NULL);
}

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* "3 March 2026", in the interface's language */
static char *
format_day (const char *iso)
{
  g_autofree char *noon = g_strconcat (iso, "T12:00:00Z", NULL);
  g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (noon, NULL);

  return date != NULL ? g_date_time_format (date, "%-d %B %Y") : g_strdup (iso);
}

static void
show_price (AcqQuoteGroup *self)
{
  AcqPrice price;
  g_autofree char *ttc = NULL;
  g_autofree char *ht = NULL;
  g_autofree char *vat = NULL;
  g_autofree char *text = NULL;

  acq_quote_get_price (self->quote, &price);
  ttc = acq_price_format_euros (price.ttc_cents);
  ht = acq_price_format_euros (price.ht_cents);
  vat = acq_price_format_euros (price.vat_cents);
  if (self->quote->vat_regime == ACQ_VAT_SUBJECT)
    /* Translators: a quote's price: the total with VAT, before VAT, the VAT */
    text = g_strdup_printf (_("%s including VAT (%s before VAT, %s of VAT at 20 %%)"), ttc, ht,
                            vat);
  else
    /* Translators: a quote's price under the VAT exemption of small businesses */
    text = g_strdup_printf (_("%s, VAT not applicable (art. 293 B du CGI)"), ttc);
  adw_action_row_set_subtitle (self->price_row, text);
}

static void
show_dates (AcqQuoteGroup *self)
{
  g_autofree char *sent = NULL;
  g_autofree char *accepted = NULL;
  gboolean is_accepted = self->quote->accepted_date != NULL;

  if (self->quote->sent_date != NULL)
    {
      g_autofree char *day = format_day (self->quote->sent_date);
      sent = g_strdup_printf (_("On %s"), day);
    }
  adw_action_row_set_subtitle (self->sent_row, sent ? sent : _("Not yet"));
  if (is_accepted)
    {
      g_autofree char *day = format_day (self->quote->accepted_date);
      accepted = g_strdup_printf (_("On %s: the accompaniment starts within 15 days"), day);
    }
  adw_action_row_set_subtitle (self->accepted_row,
                               accepted ? accepted : _("Not yet: pick the day, then mark it"));
  gtk_widget_set_visible (GTK_WIDGET (self->accepted_date_button), !is_accepted);
  gtk_widget_set_visible (GTK_WIDGET (self->accepted_button), !is_accepted);
  gtk_widget_set_visible (GTK_WIDGET (self->sent_button), self->quote->sent_date == NULL);
}

static void
show_quote (AcqQuoteGroup *self)
{
  gboolean has = self->quote != NULL;
  GtkWidget *rows[] = { GTK_WIDGET (self->date_row), GTK_WIDGET (self->hours_row),
                        GTK_WIDGET (self->rate_row), GTK_WIDGET (self->funding_row),
                        GTK_WIDGET (self->funder_row), GTK_WIDGET (self->funder_address_row),
                        GTK_WIDGET (self->validity_row), GTK_WIDGET (self->price_row),
                        GTK_WIDGET (self->sent_row), GTK_WIDGET (self->accepted_row) };
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *now = today ();

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), !has);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_visible (rows[i], has);
  quote_group_actions_update (self);
  if (!has)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Quote"));
      return;
    }
  number = acq_quote_dup_number (self->quote);
  /* Translators: the group's title, with the quote's number: "Quote D-2026-0007" */
  title = g_strdup_printf (_("Quote %s"), number);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  self->loading = TRUE;
  acq_date_button_set_date (self->date_button, self->quote->date);
  gtk_spin_button_set_value (self->hours_spin, self->quote->minutes / 60.0);
  rate = acq_coach_profile_format_rate (self->quote->rate_cents);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate);
  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_row), "error");
  adw_combo_row_set_selected (self->funding_row, self->quote->funding);
  gtk_editable_set_text (GTK_EDITABLE (self->funder_row), self->quote->funder_name);
  gtk_editable_set_text (GTK_EDITABLE (self->funder_address_row), self->quote->funder_address);
  gtk_spin_button_set_value (self->validity_spin, self->quote->validity_days);
  if (acq_date_button_get_date (self->accepted_date_button) == NULL)
    acq_date_button_set_date (self->accepted_date_button, now);
  self->loading = FALSE;
  show_price (self);
  show_dates (self);
}

static gboolean
same_quote (const AcqQuote *a, const AcqQuote *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->uuid, b->uuid) == 0 && g_strcmp0 (a->date, b->date) == 0 &&
         a->minutes == b->minutes && a->rate_cents == b->rate_cents &&
         a->vat_regime == b->vat_regime && a->funding == b->funding &&
         a->validity_days == b->validity_days &&
         g_strcmp0 (a->funder_name, b->funder_name) == 0 &&
         g_strcmp0 (a->funder_address, b->funder_address) == 0 &&
         g_strcmp0 (a->sent_date, b->sent_date) == 0 &&
         g_strcmp0 (a->accepted_date, b->accepted_date) == 0;
}

static void
reload (AcqQuoteGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqQuote) quote = NULL;

  if (self->store == NULL || self->candidate_uuid == NULL)
    {
      g_clear_pointer (&self->quote, acq_quote_free);
      show_quote (self);
      return;
    }
  /* what she is typing is saved first, and not read back over */
  if (self->autosave != NULL && acq_autosave_pending (self->autosave))
    return;
  quote = acq_quote_load_latest (self->store, self->candidate_uuid, &error);
  if (error != NULL)
    {
      g_warning ("Could not read the quote: %s", error->message);
      return;
    }
  if (same_quote (quote, self->quote) && quote != NULL)
    return;
  g_clear_pointer (&self->quote, acq_quote_free);
  self->quote = g_steal_pointer (&quote);
  show_quote (self);
}

static void
save_cb (gpointer user_data)
{
  AcqQuoteGroup *self = user_data;
  g_autoptr (AcqQuote) changed = NULL;
  g_autoptr (GError) error = NULL;
  const char *date = acq_date_button_get_date (self->date_button);
  guint cents;

  if (self->store == NULL || self->quote == NULL)
    return;
  changed = acq_quote_copy (self->quote);
  if (date != NULL)
    {
      g_free (changed->date);
      changed->date = g_strdup (date);
    }
  changed->minutes = (guint) lround (gtk_spin_button_get_value (self->hours_spin) * 60);
  if (acq_coach_profile_parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                    &cents))
    changed->rate_cents = cents;
  changed->funding = MIN (adw_combo_row_get_selected (self->funding_row),
                          ACQ_N_QUOTE_FUNDINGS - 1);
  g_free (changed->funder_name);
  changed->funder_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->funder_row)));
  g_free (changed->funder_address);
  changed->funder_address =
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->funder_address_row)));
  changed->validity_days = (guint) gtk_spin_button_get_value_as_int (self->validity_spin);
  if (!acq_quote_save (self->store, changed, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  acq_quote_free (self->quote);
  self->quote = g_steal_pointer (&changed);
  show_price (self);
}

static void
on_field_changed_cb (AcqQuoteGroup *self)
{
  guint cents;
  gboolean rate_ok;

  if (self->loading || self->quote == NULL)
    return;
  rate_ok = acq_coach_profile_parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                          &cents);
  if (rate_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->rate_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rate_row),
                               rate_ok ? NULL : _("Type an amount in euros, such as 80 or 72,50: "
                                                  "until then the last rate is kept."));
  acq_autosave_changed (self->autosave);
}

static void
on_date_button_date_chosen_cb (AcqQuoteGroup *self, const char *iso)
{
  acq_date_button_set_date (self->date_button, iso);
  on_field_changed_cb (self);
}

static void
on_accepted_date_button_date_chosen_cb (AcqQuoteGroup *self, const char *iso)
{
  acq_date_button_set_date (self->accepted_date_button, iso);
}

static void
on_store_changed_cb (AcqQuoteGroup *self)
{
  reload (self);
}

static void
new_quote_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqQuoteGroup *self = ACQ_QUOTE_GROUP (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqQuote) quote = NULL;
  g_autofree char *now = today ();
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || self->candidate_uuid == NULL)
    return;
  acq_autosave_flush (self->autosave);
  if (!(quote = acq_quote_create (self->store, self->candidate_uuid, now, &error)))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  number = acq_quote_dup_number (quote);
  message = g_strdup_printf (_("Quote %s made"), number);
  acq_toast_show (GTK_WIDGET (self), message);
  reload (self);
}

static void
mark (AcqQuoteGroup *self, gboolean accepted)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *now = today ();
  const char *day = accepted ? acq_date_button_get_date (self->accepted_date_button) : now;
  gboolean ok;

  if (self->store == NULL || self->quote == NULL)
    return;
  acq_autosave_flush (self->autosave);
  ok = accepted ? acq_quote_mark_accepted (self->store, self->quote, day ? day : now, &error)
                : acq_quote_mark_sent (self->store, self->quote, now, &error);
  if (!ok)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  show_dates (self);
  quote_group_actions_update (self);
  acq_toast_show (GTK_WIDGET (self),
                  accepted ? _("Quote accepted: the accompaniment must start within 15 days")
                           : _("Quote marked sent"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
mark_sent_action (GtkWidget *widget, const char *action, GVariant *param)
{
  mark (ACQ_QUOTE_GROUP (widget), FALSE);
}

static void
mark_accepted_action (GtkWidget *widget, const char *action, GVariant *param)
{
  mark (ACQ_QUOTE_GROUP (widget), TRUE);
}

typedef struct
{
  AcqQuoteGroup *group;
  GFile         *file;
  const char    *done;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->group);
  g_object_unref (job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
on_printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PrintJob) job = user_data;
  g_autoptr (GError) error = NULL;

  GtkRoot *root;
  GtkWidget *dialog;

  if (acq_store_write_file_finish (ACQ_STORE (source), result, &error))
    {
      acq_file_toast_show (GTK_WIDGET (job->group), _(job->done), job->file);
      return;
    }
  /* a refusal says what to do first: a dialog, not a toast that may wait behind another; the
   * keyboard then goes back to the menu's button */
  root = gtk_widget_get_root (GTK_WIDGET (job->group));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Document Was Not Printed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (job->group->print_button));
}

static const struct
{
  const char        *nick;
  const char        *title;
  const char        *file_name;
  const char        *done;
  AcqStoreFileWriter writer;
} documents[] = {
  { "devis", N_("Print the Quote"), "Devis - %s.pdf", N_("Quote printed"),
    acq_practice_document_write_quote },
  { "convention", N_("Print the Convention"), "Convention de formation - %s.pdf",
    N_("Convention printed"), acq_practice_document_write_convention },
  { "certificat", N_("Print the Certificate of Completion"),
    "Certificat de réalisation - %s.pdf", N_("Certificate of completion printed"),
    acq_practice_document_write_certificate },
};

static void
on_print_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqQuoteGroup *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "document"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  PrintJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  if (path != NULL && self->store != NULL && self->candidate_uuid != NULL)
    {
      job = g_new0 (PrintJob, 1);
      job->group = g_object_ref (self);
      job->file = g_object_ref (file);
      job->done = documents[index].done;
      acq_store_write_file_async (self->store, documents[index].writer, self->candidate_uuid,
                                  path, NULL, on_printed_cb, job);
    }
  g_object_unref (chooser);
}

static void
print_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqQuoteGroup *self = ACQ_QUOTE_GROUP (widget);
  const char *nick = g_variant_get_string (param, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *number = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      if (g_strcmp0 (nick, documents[i].nick) != 0)
        continue;
      if (self->store == NULL || self->candidate_uuid == NULL)
        return;
      acq_autosave_flush (self->autosave);
      number = self->quote != NULL ? acq_quote_dup_number (self->quote) : NULL;
      name = g_strdup_printf (documents[i].file_name, number != NULL ? number : "");
      chooser = gtk_file_chooser_native_new (_(documents[i].title),
                                             GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Print"),
                                             _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      g_object_set_data (G_OBJECT (chooser), "document", GUINT_TO_POINTER (i));
      g_signal_connect_object (chooser, "response", G_CALLBACK (on_print_chooser_response_cb),
                               self, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }
}

static void
acq_quote_group_dispose (GObject *object)
{
  AcqQuoteGroup *self = ACQ_QUOTE_GROUP (object);

  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_QUOTE_GROUP);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_uuid, g_free);
  g_clear_pointer (&self->quote, acq_quote_free);
  G_OBJECT_CLASS (acq_quote_group_parent_class)->dispose (object);
}

static void
acq_quote_group_class_init (AcqQuoteGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_quote_group_dispose;

  /**
   * AcqQuoteGroup::changed:
   *
   * The quote was marked sent or accepted: the parcours has a new event.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (ACQ_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-quote-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, accepted_button);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, accepted_date_button);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, accepted_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, date_button);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, date_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, empty_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, funder_address_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, funder_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, funding_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, hours_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, price_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, print_button);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, rate_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, sent_button);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, sent_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, validity_row);
  gtk_widget_class_bind_template_child (widget_class, AcqQuoteGroup, validity_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_accepted_date_button_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_button_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "quote.new", NULL, new_quote_action);
  gtk_widget_class_install_action (widget_class, "quote.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "quote.mark-accepted", NULL,
                                   mark_accepted_action);
  gtk_widget_class_install_action (widget_class, "quote.print", "s", print_action);
}

static void
acq_quote_group_init (AcqQuoteGroup *self)
{
  g_autoptr (GtkStringList) fundings = gtk_string_list_new (NULL);

  for (guint i = 0; i < ACQ_N_QUOTE_FUNDINGS; i++)
    gtk_string_list_append (fundings, acq_quote_funding_label (i));
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (fundings));
  self->loading = FALSE;
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  self->autosave = acq_autosave_new (save_cb, self);
  show_quote (self);
}

/**
 * acq_quote_group_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate_uuid: (nullable): whose quote to show
 *
 * Shows the candidate's latest quote, and follows the store's changes.
 */
void
acq_quote_group_set_candidate (AcqQuoteGroup *self, AcqStore *store,
                               const char *candidate_uuid)
{
  g_return_if_fail (ACQ_IS_QUOTE_GROUP (self));

  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  if (g_strcmp0 (self->candidate_uuid, candidate_uuid) != 0)
    {
      g_free (self->candidate_uuid);
      self->candidate_uuid = g_strdup (candidate_uuid);
      g_clear_pointer (&self->quote, acq_quote_free);
      acq_date_button_set_date (self->accepted_date_button, NULL);
    }
  reload (self);
}
