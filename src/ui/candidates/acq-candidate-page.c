/* acq-candidate-page.c — one candidate's file: parcours, identity, contact, accommodations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-candidate-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-toast.h"
#include "acq-a11y.h"
#include "acq-autosave.h"
#include "acq-candidate-dispense.h"
#include "acq-candidate-documents.h"
#include "acq-candidate-titles.h"
#include "acq-candidate-page.h"
#include "acq-review.h"
#include "acq-comment.h"
#include "acq-coverage-grid.h"
#include "acq-date-button.h"
#include "acq-livret-group.h"
#include "acq-parcours-group.h"
#include "acq-quote-group.h"
#include "acq-reading-group.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"

struct _AcqCandidatePage
{
  AdwBin               parent_instance;

  /* template children, alphabetical */
  GtkLabel            *accommodations_summary;
  AdwPreferencesGroup *accommodations_banner;
  GtkTextView         *accommodations_view;
  GtkTextView         *address_view;
  AdwEntryRow         *birth_name_row;
  AdwPreferencesGroup *blocs_group;
  AdwComboRow         *certification_row;
  AcqCoverageGrid     *coverage_grid;
  AdwEntryRow         *email_row;
  AdwEntryRow         *first_name_row;
  AcqCandidateDocuments *documents;
  AdwComboRow         *funding_row;
  AdwPreferencesGroup *funding_group;
  AdwPreferencesGroup *jury_group;
  AdwActionRow        *jury_ready_row;
  AdwEntryRow         *last_name_row;
  AcqLivretGroup      *livret_group;
  GtkTextView         *notes_view;
  AcqParcoursGroup    *parcours_group;
  AdwEntryRow         *phone_row;
  AcqQuoteGroup       *quote_group;
  AcqReadingGroup     *reading_group;
  AdwPreferencesPage  *preferences_page;
  GtkLabel            *sheets_placeholder;
  GtkListBox          *sheets_list;
  AdwComboRow         *situation_row;
  AcqDateButton       *stage_date_button;
  AdwActionRow        *stage_date_row;
  AdwComboRow         *stage_row;
  AdwPreferencesGroup *summary_group;
  AcqCandidateTitles  *titles;

  AcqCandidateList    *list;
  AcqCandidate        *candidate;
  AcqSheetList        *sheets;      /* the candidate's experience sheets */
  AcqFiche            *fiche;      /* the certification whose blocs are listed */
  GPtrArray           *stored;     /* (element-type AcqFiche): the choices of certification_row */
  GPtrArray           *bloc_checks; /* GtkCheckButton, one per bloc of fiche */
  AcqAutosave         *autosave;
  gboolean             loading;     /* fields are being filled from the candidate */
  AcqRole              role;        /* the candidate reads the parcours and the livret */
  AcqJuryReadyCount    jury_ready;  /* the count of the jury's checklist, from the window */
  gboolean             jury_ready_known;
};

G_DEFINE_FINAL_TYPE (AcqCandidatePage, acq_candidate_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_fields (AcqCandidatePage *self);

/* "Ready for the jury: 7 of 9", while the jury concerns the candidate: the stage follows the
 * stage row at once, the count the window's next read of the caseload. */
static void
update_jury_ready (AcqCandidatePage *self)
{
  const AcqJuryReadyCount *count = self->jury_ready_known ? &self->jury_ready : NULL;
  gboolean shown = self->candidate != NULL && count != NULL &&
                   acq_jury_ready_count_applies (count, acq_candidate_get_stage (self->candidate));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->jury_group), shown);
  if (!shown)
    return;
  text = acq_jury_ready_count_dup_text (count->n_done, count->n_items);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->jury_ready_row), text);
  adw_action_row_set_subtitle (self->jury_ready_row,
                               count->n_done < count->n_items
                                 ? _("What is missing is on the jury page")
                                 : _("Everything on the jury’s checklist is done"));
}

/* Saving */

static void
save_cb (gpointer user_data)
{
  AcqCandidatePage *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->candidate == NULL || self->list == NULL)
    return;
  if (!acq_candidate_list_save (self->list, self->candidate, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      load_fields (self); /* the candidate was put back as stored */
    }
}

static void
save_now (AcqCandidatePage *self)
{
  acq_autosave_flush (self->autosave);
  if (self->titles != NULL)
    acq_candidate_titles_save_now (self->titles);
}

static void
changed (AcqCandidatePage *self)
{
  acq_autosave_changed (self->autosave);
}

/**
 * acq_candidate_page_flush:
 * @self: the page
 *
 * Stores at once whatever is waiting for the autosave delay.
 */
void
acq_candidate_page_flush (AcqCandidatePage *self)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  save_now (self);
}

/* From the fields to the candidate */

static void
on_entry_row_changed_cb (AcqCandidatePage *self, GtkEditable *editable)
{
  AcqCandidateField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "field"));

  if (self->loading || self->candidate == NULL)
    return;
  acq_candidate_set_text (self->candidate, field, gtk_editable_get_text (editable));
  changed (self);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_accommodations_banner (AcqCandidatePage *self)
{
  const char *text = self->candidate
    ? acq_candidate_get_text (self->candidate, ACQ_CANDIDATE_ACCOMMODATIONS) : "";

  gtk_label_set_text (self->accommodations_summary, text);
  gtk_widget_set_visible (GTK_WIDGET (self->accommodations_banner), *text != '\0');
}

static void
on_buffer_changed_cb (AcqCandidatePage *self, GtkTextBuffer *buffer)
{
  AcqCandidateField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "field"));
  g_autofree char *text = NULL;

  if (self->loading || self->candidate == NULL)
    return;
  text = buffer_text (buffer);
  acq_candidate_set_text (self->candidate, field, text);
  if (field == ACQ_CANDIDATE_ACCOMMODATIONS)
    update_accommodations_banner (self);
  changed (self);
}

/* The day the stage began, or begins: a date ahead never reads "since". */
static void
update_stage_date_button (AcqCandidatePage *self)
{
  const char *iso = acq_candidate_get_stage_date (self->candidate);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  acq_date_button_set_date (self->stage_date_button, iso);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stage_date_row),
                                 g_strcmp0 (iso, today) > 0 ? _("From") : _("Since"));
}

static void
set_stage_date_today (AcqCandidatePage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  acq_candidate_set_stage_date (self->candidate, iso);
  update_stage_date_button (self);
}

static void
on_stage_row_selected_changed_cb (AcqCandidatePage *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  acq_candidate_set_stage (self->candidate, adw_combo_row_get_selected (self->stage_row));
  update_jury_ready (self);
  /* a new stage starts today, unless the user says otherwise */
  set_stage_date_today (self);
  changed (self);
}

static void
on_stage_date_button_date_chosen_cb (AcqCandidatePage *self, const char *iso)
{
  if (self->loading || self->candidate == NULL)
    return;
  acq_candidate_set_stage_date (self->candidate, iso);
  update_stage_date_button (self);
  changed (self);
}

static void
on_situation_row_selected_changed_cb (AcqCandidatePage *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  acq_candidate_set_situation (self->candidate, adw_combo_row_get_selected (self->situation_row));
  changed (self);
}

static void
on_funding_row_selected_changed_cb (AcqCandidatePage *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  acq_candidate_set_funding (self->candidate, adw_combo_row_get_selected (self->funding_row));
  changed (self);
}

static void
on_bloc_check_toggled_cb (AcqCandidatePage *self)
{
  g_autoptr (GPtrArray) uuids = g_ptr_array_new ();

  if (self->loading || self->candidate == NULL)
    return;
  for (guint i = 0; i < self->bloc_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->bloc_checks, i)))
      g_ptr_array_add (uuids, ((AcqBlocDef *) g_ptr_array_index (self->fiche->blocs, i))->uuid);
  g_ptr_array_add (uuids, NULL);
  acq_candidate_set_targeted_blocs (self->candidate, (const char *const *) uuids->pdata);
  changed (self);
}

/* Experience sheets and coverage */

static void
refresh_coverage (AcqCandidatePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;

  if (self->candidate == NULL)
    {
      acq_coverage_grid_set_coverage (self->coverage_grid, NULL);
      return;
    }
  coverage = acq_coverage_compute (acq_candidate_list_get_store (self->list),
                                   acq_candidate_get_uuid (self->candidate), &error);
  if (coverage == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  acq_coverage_grid_set_coverage (self->coverage_grid, coverage);
}

static char *
sheet_subtitle (AcqCandidatePage *self, AcqSheet *sheet)
{
  const char *bloc_uuid = acq_sheet_get_bloc_uuid (sheet);
  g_autofree char *bloc = NULL;
  guint open_comments = 0;
  GString *subtitle = g_string_new (NULL);

  for (guint b = 0; bloc_uuid && self->fiche && b < self->fiche->blocs->len; b++)
    {
      AcqBlocDef *def = g_ptr_array_index (self->fiche->blocs, b);
      if (g_strcmp0 (def->uuid, bloc_uuid) == 0)
        bloc = g_strdup_printf (_("Bloc %d"), def->position);
    }
  g_string_append (subtitle, bloc ? bloc : _("No bloc yet"));
  g_string_append_printf (subtitle, " · %s",
                          acq_review_state_label (acq_sheet_get_review_state (sheet)));
  acq_comment_count_unresolved (acq_candidate_list_get_store (self->list),
                                acq_sheet_get_uuid (sheet), &open_comments, NULL);
  if (open_comments > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u open comment",
                                                     "%u open comments", open_comments),
                              open_comments);
    }
  return g_string_free (subtitle, FALSE);
}

static GtkWidget *
create_sheet_row (gpointer item, gpointer user_data)
{
  AcqCandidatePage *self = user_data;
  AcqSheet *sheet = item;
  g_autofree char *title = acq_sheet_dup_display_title (sheet);
  g_autofree char *subtitle = sheet_subtitle (self, sheet);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chevron;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (chevron), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "sheet", g_object_ref (sheet), g_object_unref);
  return row;
}

static void
on_sheets_list_row_activated_cb (AcqCandidatePage *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, self->sheets,
                 g_object_get_data (G_OBJECT (row), "sheet"));
}

static void
on_coverage_grid_open_sheet_cb (AcqCandidatePage *self, const char *sheet_uuid)
{
  AcqSheet *sheet = self->sheets ? acq_sheet_list_find (self->sheets, sheet_uuid) : NULL;

  if (sheet != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, self->sheets, sheet);
}

static void
on_sheets_changed_cb (AcqCandidatePage *self)
{
  refresh_coverage (self);
}

static void
load_sheets (AcqCandidatePage *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->sheets);
  if (self->candidate != NULL)
    {
      self->sheets = acq_sheet_list_new (acq_candidate_list_get_store (self->list),
                                         self->candidate, &error);
      if (self->sheets == NULL)
        acq_toast_show (GTK_WIDGET (self), error->message);
      else
        g_signal_connect_object (self->sheets, "items-changed",
                                 G_CALLBACK (on_sheets_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->sheets_list, G_LIST_MODEL (self->sheets), create_sheet_row,
                           self, NULL);
  refresh_coverage (self);
}

/**
 * acq_candidate_page_open_sheet:
 * @self: the page
 * @sheet_uuid: one of the candidate's sheets
 *
 * Asks for that sheet to be opened, as a click on its row would.
 */
void
acq_candidate_page_open_sheet (AcqCandidatePage *self, const char *sheet_uuid)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  on_coverage_grid_open_sheet_cb (self, sheet_uuid);
}

/**
 * acq_candidate_page_get_sheets:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the candidate's sheets, as the page lists them; a window
 *   that changes them through this list keeps the page's coverage up to date
 */
AcqSheetList *
acq_candidate_page_get_sheets (AcqCandidatePage *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_PAGE (self), NULL);
  return self->sheets;
}

/* A new sheet illustrates the first targeted bloc; the editor lets the candidate change it. */
static void
new_sheet_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqCandidatePage *self = ACQ_CANDIDATE_PAGE (widget);
  const char *const *blocs;
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet;

  if (self->sheets == NULL)
    return;
  blocs = acq_candidate_get_targeted_blocs (self->candidate);
  sheet = acq_sheet_list_create (self->sheets, blocs[0], "", &error);
  if (sheet == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, self->sheets, sheet);
}

/* The parcours and the livret de suivi */

static void
load_practice (AcqCandidatePage *self)
{
  AcqStore *store = self->list ? acq_candidate_list_get_store (self->list) : NULL;
  const char *uuid = self->candidate ? acq_candidate_get_uuid (self->candidate) : NULL;

  acq_parcours_group_set_candidate (self->parcours_group, store, uuid);
  acq_livret_group_set_candidate (self->livret_group, store, uuid);
  acq_reading_group_set_candidate (self->reading_group, store, uuid);
  acq_quote_group_set_candidate (self->quote_group, store, uuid);
}

/* An event added, changed or deleted may have moved the stage (acq-parcours.c writes it):
 * the list reads the candidate again, and the stage row follows. */
static void
on_parcours_group_changed_cb (AcqCandidatePage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->list == NULL || self->candidate == NULL)
    return;
  save_now (self);
  if (!acq_candidate_list_refresh (self->list, &error))
    acq_toast_show (GTK_WIDGET (self), error->message);
}

/* Her own dossier, read by the candidate: the stage and the funding are the coach's
 * bookkeeping, and the empty list of sheets speaks to her. */
static void
update_role_rows (AcqCandidatePage *self)
{
  gboolean coach = self->role == ACQ_ROLE_COACH;

  gtk_widget_set_visible (GTK_WIDGET (self->stage_row), coach);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_date_row), coach);
  gtk_widget_set_visible (GTK_WIDGET (self->funding_row), coach);
  adw_preferences_group_set_title (self->funding_group,
                                   coach ? _("Situation and Funding") : _("Situation"));
  gtk_label_set_text (self->sheets_placeholder,
                      coach ? _("No sheet yet. Press New Sheet and tell one real situation of "
                                "your work, step by step.")
                            : _("Write your first experience sheet: press New Sheet and tell "
                                "one real situation of your work, step by step."));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), !coach);
}

static void
set_role (AcqCandidatePage *self, AcqRole role)
{
  if (self->role == role)
    return;
  self->role = role;
  acq_parcours_group_set_editable (self->parcours_group, role == ACQ_ROLE_COACH);
  acq_livret_group_set_role (self->livret_group, role);
  /* the quote is her bookkeeping */
  gtk_widget_set_visible (GTK_WIDGET (self->quote_group), role == ACQ_ROLE_COACH);
  update_role_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* From the candidate to the fields */

/* Dispenses: a bloc the candidate need not show, why, and the certification held. */

static AcqDispense *
find_dispense (GPtrArray *dispenses, const char *bloc_uuid)
{
  for (guint i = 0; dispenses != NULL && i < dispenses->len; i++)
    {
      AcqDispense *dispense = g_ptr_array_index (dispenses, i);

      if (g_strcmp0 (dispense->bloc_uuid, bloc_uuid) == 0)
        return dispense;
    }
  return NULL;
}

static void rebuild_bloc_rows (AcqCandidatePage *self);

static void
on_dispense_response_cb (AcqCandidatePage *self, const char *response, AdwMessageDialog *dialog)
{
  AcqStore *store = acq_candidate_list_get_store (self->list);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "bloc-index"));
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  GtkEditable *held = g_object_get_data (G_OBJECT (dialog), "held");
  g_autoptr (GError) error = NULL;
  AcqBlocDef *bloc;

  if (self->candidate == NULL || self->fiche == NULL || index >= self->fiche->blocs->len ||
      g_strcmp0 (response, "cancel") == 0)
    return;
  bloc = g_ptr_array_index (self->fiche->blocs, index);
  if (g_strcmp0 (response, "save") == 0)
    {
      /* out of the target first, through the candidate, so that its next save keeps it out */
      gtk_check_button_set_active (g_ptr_array_index (self->bloc_checks, index), FALSE);
      acq_candidate_set_dispense (store, acq_candidate_get_uuid (self->candidate), bloc->uuid,
                                  gtk_editable_get_text (reason), gtk_editable_get_text (held),
                                  &error);
    }
  else if (g_strcmp0 (response, "clear") == 0)
    acq_candidate_clear_dispense (store, acq_candidate_get_uuid (self->candidate), bloc->uuid,
                                  &error);
  if (error != NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  rebuild_bloc_rows (self);
}

static GtkWidget *
dispense_entry (GtkWidget *list, const char *title, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
on_dispense_clicked_cb (AcqCandidatePage *self, GtkButton *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bloc-index"));
  AcqBlocDef *bloc;
  g_autoptr (GPtrArray) dispenses = NULL;
  g_autofree char *heading = NULL;
  AcqDispense *dispense;
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *reason, *held;

  if (self->candidate == NULL || self->fiche == NULL || index >= self->fiche->blocs->len)
    return;
  bloc = g_ptr_array_index (self->fiche->blocs, index);
  dispenses = acq_candidate_list_dispenses (acq_candidate_list_get_store (self->list),
                                            acq_candidate_get_uuid (self->candidate), NULL);
  dispense = find_dispense (dispenses, bloc->uuid);
  heading = g_strdup_printf (_("Dispense of Bloc %d"), bloc->position);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, bloc->title));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  reason = dispense_entry (list, _("_Reason"), dispense ? dispense->reason : NULL);
  held = dispense_entry (list, _("Certification _Held"),
                         dispense ? dispense->held_certification : NULL);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (dispense != NULL)
    {
      adw_message_dialog_add_response (dialog, "clear", _("_Remove Dispense"));
      adw_message_dialog_set_response_appearance (dialog, "clear", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", _("_Dispense"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "bloc-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "held", held);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dispense_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rebuild_bloc_rows (AcqCandidatePage *self)
{
  g_autoptr (GPtrArray) dispenses = NULL;

  for (guint i = 0; i < self->bloc_checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->bloc_checks, i),
                                                ADW_TYPE_ACTION_ROW);
      adw_preferences_group_remove (self->blocs_group, row);
    }
  g_ptr_array_set_size (self->bloc_checks, 0);
  if (self->fiche == NULL)
    return;
  if (self->candidate != NULL && self->list != NULL)
    dispenses = acq_candidate_list_dispenses (acq_candidate_list_get_store (self->list),
                                              acq_candidate_get_uuid (self->candidate), NULL);

  for (guint i = 0; i < self->fiche->blocs->len; i++)
    {
      AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, i);
      AcqDispense *dispense = find_dispense (dispenses, bloc->uuid);
      g_autofree char *title = g_strdup_printf (_("Bloc %d"), bloc->position);
      g_autofree char *button_name = g_strdup_printf (_("Dispense of Bloc %d…"), bloc->position);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *button = gtk_button_new_from_icon_name (dispense != NULL ? "emblem-ok-symbolic"
                                                         : "document-edit-symbolic");

      if (dispense != NULL && *dispense->held_certification != '\0')
        subtitle = g_strdup_printf (_("%s\nDispensed: %s (%s)"), bloc->title, dispense->reason,
                                    dispense->held_certification);
      else if (dispense != NULL)
        subtitle = g_strdup_printf (_("%s\nDispensed: %s"), bloc->title, dispense->reason);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : bloc->title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* named by the row's title, as its activatable widget: a label of its own would be
       * said as well */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bloc->title, -1);
      /* before the handler: the state shown is the stored one, not a change */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->candidate != NULL &&
                                   acq_candidate_targets_bloc (self->candidate, bloc->uuid));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_bloc_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, button_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      g_object_set_data (G_OBJECT (button), "bloc-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_dispense_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->blocs_group, row);
      g_ptr_array_add (self->bloc_checks, check);
    }
}

/* The certifications the store holds, the candidate's selected. */
static void
fill_certifications (AcqCandidatePage *self, const char *wanted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) stored = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean same = self->stored != NULL;

  stored = acq_referential_list_stored (acq_candidate_list_get_store (self->list), &error);
  if (stored == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  /* the row is filled again only when the choices changed: a user may be in its list */
  same = same && stored->len == self->stored->len;
  for (guint i = 0; same && i < stored->len; i++)
    same = g_strcmp0 (((AcqFiche *) g_ptr_array_index (stored, i))->uuid,
                      ((AcqFiche *) g_ptr_array_index (self->stored, i))->uuid) == 0;
  if (!same)
    {
      g_clear_pointer (&self->stored, g_ptr_array_unref);
      self->stored = g_steal_pointer (&stored);
    }
  for (guint i = 0; i < self->stored->len; i++)
    {
      const AcqFiche *fiche = g_ptr_array_index (self->stored, i);
      g_autofree char *name = acq_fiche_dup_name (fiche);

      gtk_string_list_append (names, name);
      if (g_strcmp0 (fiche->uuid, wanted) == 0)
        selected = i;
    }
  if (!same)
    adw_combo_row_set_model (self->certification_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->certification_row, selected);
}

static void
ensure_fiche (AcqCandidatePage *self)
{
  const char *wanted = acq_candidate_get_certification_uuid (self->candidate);
  g_autoptr (GError) error = NULL;
  gboolean loading = self->loading;

  self->loading = TRUE;
  fill_certifications (self, wanted);
  self->loading = loading;
  if (self->fiche != NULL && g_strcmp0 (self->fiche->uuid, wanted) == 0)
    return;
  g_clear_pointer (&self->fiche, acq_fiche_free);
  self->fiche = acq_referential_load_uuid (acq_candidate_list_get_store (self->list), wanted,
                                           &error);
  if (self->fiche == NULL && wanted != NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  rebuild_bloc_rows (self);
}

static void
change_certification (AcqCandidatePage *self, guint position)
{
  g_autoptr (GError) error = NULL;
  const AcqFiche *chosen = g_ptr_array_index (self->stored, position);

  if (!acq_candidate_list_set_certification (self->list, self->candidate, chosen->number,
                                             &error))
    acq_toast_show (GTK_WIDGET (self), error->message);
  load_fields (self);
}

static void
on_change_certification_response_cb (AdwMessageDialog *dialog, const char *response,
                                     AcqCandidatePage *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "position"));

  if (self->candidate == NULL || self->stored == NULL || position >= self->stored->len)
    return;
  if (g_strcmp0 (response, "change") == 0)
    change_certification (self, position);
  else
    load_fields (self); /* the former choice back in the row */
}

/* Another certification: the sheets' links to the former one's competences stay but count no
 * more, which the user confirms. */
static void
on_certification_row_selected_changed_cb (AcqCandidatePage *self)
{
  guint position = adw_combo_row_get_selected (self->certification_row);
  const AcqFiche *chosen;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->loading || self->candidate == NULL || self->stored == NULL ||
      position >= self->stored->len)
    return;
  chosen = g_ptr_array_index (self->stored, position);
  if (g_strcmp0 (chosen->uuid, acq_candidate_get_certification_uuid (self->candidate)) == 0)
    return;
  if (self->sheets == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->sheets)) == 0)
    {
      change_certification (self, position);
      return;
    }
  body = g_strdup_printf (_("The candidate will aim at every bloc of %s — %s. Their experience "
                            "sheets stay linked to the competences of the former "
                            "certification, but these links will no longer count."),
                          chosen->number, chosen->title);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Change the Certification?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("C_hange"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "position", GUINT_TO_POINTER (position));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_change_certification_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Only a different text is set, the cursor kept where it was as far as it goes: the fields
 * are loaded again when another process changed the candidate, maybe while the user types. */
static void
set_buffer (GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = buffer_text (buffer);
  GtkTextIter iter;
  int cursor;

  if (g_strcmp0 (current, text) == 0)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load_fields (AcqCandidatePage *self)
{
  AcqCandidate *c = self->candidate;

  if (c == NULL)
    return;
  self->loading = TRUE;
  ensure_fiche (self);
  set_row (self->last_name_row, acq_candidate_get_text (c, ACQ_CANDIDATE_LAST_NAME));
  set_row (self->birth_name_row, acq_candidate_get_text (c, ACQ_CANDIDATE_BIRTH_NAME));
  set_row (self->first_name_row, acq_candidate_get_text (c, ACQ_CANDIDATE_FIRST_NAME));
  set_row (self->email_row, acq_candidate_get_text (c, ACQ_CANDIDATE_EMAIL));
  set_row (self->phone_row, acq_candidate_get_text (c, ACQ_CANDIDATE_PHONE));
  set_buffer (self->address_view, acq_candidate_get_text (c, ACQ_CANDIDATE_ADDRESS));
  set_buffer (self->accommodations_view, acq_candidate_get_text (c, ACQ_CANDIDATE_ACCOMMODATIONS));
  set_buffer (self->notes_view, acq_candidate_get_text (c, ACQ_CANDIDATE_NOTES));
  adw_combo_row_set_selected (self->stage_row, acq_candidate_get_stage (c));
  adw_combo_row_set_selected (self->situation_row, acq_candidate_get_situation (c));
  adw_combo_row_set_selected (self->funding_row, acq_candidate_get_funding (c));
  for (guint i = 0; self->fiche != NULL && i < self->bloc_checks->len; i++)
    {
      AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, i);
      gtk_check_button_set_active (g_ptr_array_index (self->bloc_checks, i),
                                   acq_candidate_targets_bloc (c, bloc->uuid));
    }
  update_stage_date_button (self);
  update_accommodations_banner (self);
  update_jury_ready (self);
  self->loading = FALSE;
}

/* The list tells when a candidate changed: after a save here, or after another process (the
 * command line, a second window) stored it (acq_candidate_list_refresh()). What the user did
 * not touch shows the stored value; what she types is in the candidate already. */
static void
on_list_items_changed_cb (AcqCandidatePage *self, guint position, guint removed, guint added,
                          AcqCandidateList *list)
{
  if (list != self->list || self->loading || self->candidate == NULL)
    return;
  load_fields (self);
}

void
acq_candidate_page_set_list (AcqCandidatePage *self, AcqCandidateList *list)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  save_now (self);
  g_clear_pointer (&self->fiche, acq_fiche_free);
  if (!g_set_object (&self->list, list))
    return;
  if (list != NULL)
    g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * acq_candidate_page_set_candidate:
 * @self: the page
 * @candidate: (nullable): the candidate to show
 *
 * Stores what the previous candidate was waiting for, then shows @candidate.
 */
/* Another candidate's page starts at its top, not where the last one was left: libadwaita
 * 1.2 has no adw_preferences_page_scroll_to_top(), the page's scrolled window is its child. */
static void
scroll_to_top (AcqCandidatePage *self)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (self->preferences_page));

  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
}

void
acq_candidate_page_set_candidate (AcqCandidatePage *self, AcqCandidate *candidate)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));

  if (self->candidate == candidate)
    return;
  save_now (self);
  g_set_object (&self->candidate, candidate);
  load_fields (self);
  load_sheets (self);
  acq_candidate_documents_set_candidate (self->documents,
                                         self->list ? acq_candidate_list_get_store (self->list)
                                                    : NULL,
                                         candidate);
  acq_candidate_titles_set_candidate (self->titles,
                                      self->list ? acq_candidate_list_get_store (self->list)
                                                 : NULL,
                                      candidate);
  load_practice (self);
  scroll_to_top (self);
}

/**
 * acq_candidate_page_get_documents:
 * @self: the page
 *
 * Returns: (transfer none): the group of the candidate's documents, for the window to give it
 *   the user's role
 */
AcqCandidateDocuments *
acq_candidate_page_get_documents (AcqCandidatePage *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_PAGE (self), NULL);
  return self->documents;
}

/**
 * acq_candidate_page_focus_top:
 * @self: the page
 *
 * Shows a page just made from its top, the keyboard on its first control.
 */
void
acq_candidate_page_focus_top (AcqCandidatePage *self)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  scroll_to_top (self);
  gtk_widget_child_focus (GTK_WIDGET (self->preferences_page), GTK_DIR_TAB_FORWARD);
}

/* Set-up */

static void
fill_combo (AdwComboRow *row, const char *const *labels)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (labels);

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static void
watch_entry (AcqCandidatePage *self, AdwEntryRow *row, AcqCandidateField field)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate),
                             (int) acq_candidate_field_info (field)->max_chars);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_entry_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
watch_view (AcqCandidatePage *self, GtkTextView *view, AcqCandidateField field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_object_set_data (G_OBJECT (buffer), "field", GUINT_TO_POINTER (field));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
acq_candidate_page_dispose (GObject *object)
{
  AcqCandidatePage *self = ACQ_CANDIDATE_PAGE (object);

  if (self->autosave != NULL)
    save_now (self);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_CANDIDATE_PAGE);
  g_clear_object (&self->sheets);
  g_clear_object (&self->candidate);
  g_clear_object (&self->list);
  g_clear_pointer (&self->fiche, acq_fiche_free);
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  g_clear_pointer (&self->bloc_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_candidate_page_parent_class)->dispose (object);
}

static void
acq_candidate_page_get_property (GObject *object, guint prop_id, GValue *value,
                                 GParamSpec *pspec)
{
  AcqCandidatePage *self = ACQ_CANDIDATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_candidate_page_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  AcqCandidatePage *self = ACQ_CANDIDATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_candidate_page_class_init (AcqCandidatePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acq_candidate_page_dispose;
  object_class->get_property = acq_candidate_page_get_property;
  object_class->set_property = acq_candidate_page_set_property;
  g_type_ensure (ACQ_TYPE_COVERAGE_GRID);
  g_type_ensure (ACQ_TYPE_DATE_BUTTON);
  g_type_ensure (ACQ_TYPE_CANDIDATE_DOCUMENTS);
  g_type_ensure (ACQ_TYPE_CANDIDATE_TITLES);
  g_type_ensure (ACQ_TYPE_LIVRET_GROUP);
  g_type_ensure (ACQ_TYPE_PARCOURS_GROUP);
  g_type_ensure (ACQ_TYPE_QUOTE_GROUP);
  g_type_ensure (ACQ_TYPE_READING_GROUP);

  /**
   * AcqCandidatePage:role:
   *
   * Who uses Acquis: the coach keeps the parcours and the livret, the candidate reads them.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_COACH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-candidate-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, accommodations_summary);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, accommodations_banner);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, accommodations_view);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, address_view);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, birth_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, blocs_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, certification_row);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_certification_row_selected_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, coverage_grid);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, documents);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, funding_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, funding_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, jury_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, jury_ready_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, livret_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, parcours_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, quote_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, reading_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, sheets_list);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, sheets_placeholder);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, situation_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, stage_date_button);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, stage_date_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, AcqCandidatePage, titles);
  gtk_widget_class_bind_template_callback (widget_class, on_coverage_grid_open_sheet_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_funding_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_parcours_group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheets_list_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "candidate.new-sheet", NULL, new_sheet_action);

  /**
   * AcqCandidatePage::open-sheet:
   * @sheets: the candidate's sheets
   * @sheet: the sheet to open
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ACQ_TYPE_SHEET_LIST, ACQ_TYPE_SHEET);
  gtk_widget_class_bind_template_callback (widget_class, on_situation_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_date_button_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_row_selected_changed_cb);
}

static void
acq_candidate_page_init (AcqCandidatePage *self)
{
  self->loading = TRUE; /* the combo models below must not count as edits */
  self->autosave = acq_autosave_new (save_cb, self);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->documents, "role", self->titles, "role", G_BINDING_SYNC_CREATE);
  self->bloc_checks = g_ptr_array_new ();
  self->role = ACQ_ROLE_COACH;
  update_role_rows (self);

  {
    const char *stages[ACQ_N_STAGES + 1] = { NULL };
    const char *situations[ACQ_N_SITUATIONS + 1] = { NULL };
    const char *fundings[ACQ_N_FUNDINGS + 1] = { NULL };

    for (guint i = 0; i < ACQ_N_STAGES; i++)
      stages[i] = acq_stage_label (i);
    for (guint i = 0; i < ACQ_N_SITUATIONS; i++)
      situations[i] = acq_situation_label (i);
    for (guint i = 0; i < ACQ_N_FUNDINGS; i++)
      fundings[i] = acq_funding_label (i);
    fill_combo (self->stage_row, stages);
    fill_combo (self->situation_row, situations);
    fill_combo (self->funding_row, fundings);
  }
  watch_entry (self, self->last_name_row, ACQ_CANDIDATE_LAST_NAME);
  watch_entry (self, self->birth_name_row, ACQ_CANDIDATE_BIRTH_NAME);
  watch_entry (self, self->first_name_row, ACQ_CANDIDATE_FIRST_NAME);
  watch_entry (self, self->email_row, ACQ_CANDIDATE_EMAIL);
  watch_entry (self, self->phone_row, ACQ_CANDIDATE_PHONE);
  watch_view (self, self->address_view, ACQ_CANDIDATE_ADDRESS);
  watch_view (self, self->accommodations_view, ACQ_CANDIDATE_ACCOMMODATIONS);
  watch_view (self, self->notes_view, ACQ_CANDIDATE_NOTES);
  gtk_widget_set_visible (GTK_WIDGET (self->accommodations_banner), FALSE);
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  self->loading = FALSE;
}

/**
 * acq_candidate_page_set_summary:
 * @self: the page
 * @summary: (transfer none): what the page shows at its top in the candidate role
 *
 * In the candidate role the page is her dossier: @summary (her Today: next session,
 * deadlines, open comments) comes first, above her sheets. The coach's page does not show it.
 */
void
acq_candidate_page_set_summary (AcqCandidatePage *self, GtkWidget *summary)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (summary));
  adw_preferences_group_add (self->summary_group, summary);
}

/**
 * acq_candidate_page_set_jury_ready:
 * @self: the page
 * @count: (nullable): the count of the shown candidate's jury checklist, as the window's
 *   worker read it with the caseload's; %NULL while it is not read
 *
 * The page says "Ready for the jury: 7 of 9" as the sidebar does, from the same count, while
 * the candidate is at the jury stage or her jury is dated; the row opens the jury page.
 */
void
acq_candidate_page_set_jury_ready (AcqCandidatePage *self, const AcqJuryReadyCount *count)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_PAGE (self));
  self->jury_ready_known = count != NULL;
  if (count != NULL)
    self->jury_ready = *count;
  update_jury_ready (self);
}
