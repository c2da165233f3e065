/* acq-window.c — the main window: the candidates sidebar and the selected candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-comment.h"
#include "acq-candidate-page.h"
#include "acq-candidate-row.h"
#include "acq-review.h"
#include "acq-search.h"
#include "acq-sheet-editor.h"
#include "acq-store.h"
#include "acq-text.h"
#include "acq-toast.h"
#include "acq-window-private.h"

G_DEFINE_FINAL_TYPE (AcqWindow, acq_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_N_CONFLICTS,
  PROP_ROLE,
  PROP_READ_ONLY,
  N_PROPS
};

enum
{
  SIGNAL_STORE_RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void bind_settings (AcqWindow *self, GSettings *settings);

AcqWindow *
acq_window_new (AcqApplication *application)
{
  AcqWindow *self = g_object_new (ACQ_TYPE_WINDOW, "application", application, NULL);

  bind_settings (self, acq_application_get_settings (application));
  return self;
}

void
acq_window_show_error (AcqWindow *self, const char *message)
{
  g_return_if_fail (ACQ_IS_WINDOW (self));
  acq_toast_show (GTK_WIDGET (self->toast_overlay), message);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  AcqWindow *self = user_data;
  AcqCandidate *candidate = item;

  if (acq_candidate_get_archived (candidate) && !self->show_archived)
    return FALSE;
  /* the coach's filter: a candidate's copy keeps the setting but lists her own files */
  if (self->jury_stage_only && self->role == ACQ_ROLE_COACH &&
      !_acq_window_today_at_jury_stage (self, candidate))
    return FALSE;
  return acq_candidate_matches (candidate, self->folded_query);
}

static int
sort_func (gconstpointer a, gconstpointer b, gpointer user_data)
{
  AcqWindow *self = user_data;

  if (self->sort_by_deadline)
    return _acq_window_today_compare (self, (AcqCandidate *) a, (AcqCandidate *) b);
  if (self->sort_by_readiness)
    return _acq_window_today_compare_readiness (self, (AcqCandidate *) a, (AcqCandidate *) b);
  return acq_candidate_compare ((AcqCandidate *) a, (AcqCandidate *) b, self->sort);
}

static void
update_sidebar_stack (AcqWindow *self)
{
  const char *page = "list";

  if (self->candidates == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 &&
           !gtk_widget_get_visible (GTK_WIDGET (self->sheet_results_box)))
    page = "no-results";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_scroller),
                          self->filtered != NULL &&
                            g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
}

static void
update_content_title (AcqWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  if (self->open_sheet != NULL)
    {
      name = acq_sheet_dup_display_title (self->open_sheet);
      subtitle = acq_candidate_dup_display_name (self->shown);
    }
  else if (self->shown != NULL && self->role == ACQ_ROLE_CANDIDATE)
    {
      name = g_strdup (_("My Dossier"));
      subtitle = acq_candidate_dup_display_name (self->shown);
    }
  else if (self->shown != NULL)
    {
      name = acq_candidate_dup_display_name (self->shown);
      subtitle = acq_candidate_dup_subtitle (self->shown);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "welcome") == 0)
    name = g_strdup (_("Welcome to Acquis"));
  else
    name = g_strdup (_("Today"));
  adw_window_title_set_title (self->content_title, name ? name : "Acquis");
  adw_window_title_set_subtitle (self->content_title, subtitle ? subtitle : "");
}

/* The sidebar shows, per candidate, the comment threads still open on their sheets and the
 * sheets waiting for a review. */
static void
refresh_open_comments (AcqWindow *self)
{
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (GHashTable) waiting = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  if (self->candidates == NULL)
    return;
  counts = acq_comment_unresolved_by_candidate (acq_candidate_list_get_store (self->candidates),
                                                &error);
  if (counts == NULL ||
      (waiting = acq_review_waiting_by_candidate (acq_candidate_list_get_store (self->candidates),
                                                  &error)) == NULL)
    {
      g_warning ("Could not count open comments and reviews: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->candidates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);
      acq_candidate_set_open_comments (
        candidate, GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                          acq_candidate_get_uuid (candidate))));
      acq_candidate_set_to_review (
        candidate, GPOINTER_TO_UINT (g_hash_table_lookup (waiting,
                                                          acq_candidate_get_uuid (candidate))));
    }
}

/* The sheet editor sits in the content area, over the candidate's page it came from. */
void
_acq_window_close_sheet (AcqWindow *self)
{
  if (self->open_sheet == NULL)
    return;
  acq_sheet_editor_flush (self->sheet_editor);
  g_clear_signal_handler (&self->sheet_notify_id, self->open_sheet);
  g_clear_signal_handler (&self->sheet_state_id, self->open_sheet);
  g_clear_object (&self->open_sheet);
  acq_sheet_editor_set_sheet (self->sheet_editor, NULL, NULL);
  refresh_open_comments (self);
  gtk_stack_set_visible_child_name (self->content_stack, self->shown ? "candidate" : "today");
  update_content_title (self);
  _acq_window_actions_update (self);
}

static void update_role_shape (AcqWindow *self);
static AcqWelcomePage *ensure_welcome_page (AcqWindow *self);

static void
on_candidate_page_open_sheet_cb (AcqWindow *self, AcqSheetList *sheets, AcqSheet *sheet)
{
  _acq_window_close_sheet (self);
  acq_candidate_page_flush (self->candidate_page);
  if (self->sheet_editor == NULL)
    {
      self->sheet_editor = g_object_new (ACQ_TYPE_SHEET_EDITOR, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->sheet_editor), "sheet");
      g_signal_connect_object (self->sheet_editor, "closed",
                               G_CALLBACK (_acq_window_close_sheet), self, G_CONNECT_SWAPPED);
      g_object_bind_property (self, "role", self->sheet_editor, "role", G_BINDING_SYNC_CREATE);
    }
  self->open_sheet = g_object_ref (sheet);
  self->sheet_notify_id = g_signal_connect_object (sheet, "notify::display-title",
                                                   G_CALLBACK (update_content_title), self,
                                                   G_CONNECT_SWAPPED);
  self->sheet_state_id = g_signal_connect_object (sheet, "notify::review-state",
                                                  G_CALLBACK (refresh_open_comments), self,
                                                  G_CONNECT_SWAPPED);
  acq_sheet_editor_set_sheet (self->sheet_editor, sheets, sheet);
  gtk_stack_set_visible_child_name (self->content_stack, "sheet");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_content_title (self);
  _acq_window_actions_update (self);
}

AcqCandidatePage *
_acq_window_ensure_candidate_page (AcqWindow *self)
{
  if (self->candidate_page == NULL)
    {
      self->candidate_page = g_object_new (ACQ_TYPE_CANDIDATE_PAGE, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->candidate_page), "candidate");
      acq_candidate_page_set_list (self->candidate_page, self->candidates);
      g_object_bind_property (self, "role", acq_candidate_page_get_documents (self->candidate_page),
                              "role", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "role", self->candidate_page, "role", G_BINDING_SYNC_CREATE);
      g_signal_connect_object (self->candidate_page, "open-sheet",
                               G_CALLBACK (on_candidate_page_open_sheet_cb), self,
                               G_CONNECT_SWAPPED);
      acq_candidate_page_set_summary (self->candidate_page,
                                      GTK_WIDGET (_acq_window_today_ensure_dossier_view (self)));
    }
  return self->candidate_page;
}

static void
show_candidate (AcqWindow *self, AcqCandidate *candidate)
{
  if (self->shown == candidate)
    return;
  _acq_window_close_sheet (self);
  if (self->shown != NULL)
    g_clear_signal_handler (&self->shown_notify_id, self->shown);
  g_set_object (&self->shown, candidate);
  if (candidate != NULL)
    self->shown_notify_id = g_signal_connect_object (candidate, "notify",
                                                     G_CALLBACK (update_content_title), self,
                                                     G_CONNECT_SWAPPED);
  if (candidate != NULL || self->candidate_page != NULL)
    {
      AcqCandidatePage *page = _acq_window_ensure_candidate_page (self);

      acq_candidate_page_set_candidate (page, candidate);
      acq_candidate_page_set_jury_ready (page,
                                         _acq_window_today_lookup_jury_ready (self, candidate));
    }
  gtk_stack_set_visible_child_name (self->content_stack, candidate ? "candidate" : "today");
  /* the Today button looks selected, as a row of the list would, while Today is shown */
  if (candidate != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->today_button), "current");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->today_button), "current");
  update_content_title (self);
  gtk_widget_set_visible (GTK_WIDGET (self->send_squeezer),
                          self->role == ACQ_ROLE_CANDIDATE && candidate != NULL);
  _acq_window_actions_update (self);
}

/* On a narrow window, choosing a candidate opens their page; coming back to the list
 * unselects, so that choosing the same candidate again opens it again. */
static void
on_selection_changed_cb (AcqWindow *self)
{
  AcqCandidate *candidate = gtk_single_selection_get_selected_item (self->selection);

  show_candidate (self, candidate);
  if (candidate != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_leaflet_visible_child_changed_cb (AcqWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "sidebar") == 0)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_filtered_items_changed_cb (AcqWindow *self)
{
  update_sidebar_stack (self);
}

static void
on_candidate_list_view_activate_cb (AcqWindow *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_leaflet_folded_changed_cb (AcqWindow *self)
{
  adw_header_bar_set_show_start_title_buttons (
    self->content_header, self->solo || adw_leaflet_get_folded (self->leaflet));
  _acq_window_actions_update (self);
}

/* The search finds candidates by name, and experience sheets of every candidate by their
 * words (full-text, accents ignored): those come under the candidates, with a snippet. */
#define SHEET_RESULTS_SHOWN 50

static void
show_sheet_results (AcqWindow *self, const char *text)
{
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_results_list))) != NULL)
    gtk_list_box_remove (self->sheet_results_list, child);
  if (self->candidates != NULL && *text != '\0')
    results = acq_search_sheets (acq_candidate_list_get_store (self->candidates), text,
                                 SHEET_RESULTS_SHOWN, &error);
  if (error != NULL)
    g_warning ("Search failed: %s", error->message);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      AcqSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *snippet = acq_search_result_dup_markup (result);
      g_autofree char *candidate = g_markup_escape_text (result->candidate_name, -1);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", candidate, snippet);
      g_autofree char *title = g_markup_escape_text (result->sheet_title, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "result", acq_search_result_copy (result),
                              (GDestroyNotify) acq_search_result_free);
      gtk_list_box_append (self->sheet_results_list, row);
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u experience sheet",
                                          "%u experience sheets", results ? results->len : 0),
                             results ? results->len : 0);
  gtk_label_set_text (self->sheet_results_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_results_box), results && results->len > 0);
}

static void
on_search_entry_search_changed_cb (AcqWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->folded_query);
  self->folded_query = acq_text_fold (text);
  show_sheet_results (self, text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar_stack (self);
}

static void
on_sheet_results_list_row_activated_cb (AcqWindow *self, GtkListBoxRow *row)
{
  AcqSearchResult *result = g_object_get_data (G_OBJECT (row), "result");
  AcqCandidate *candidate = acq_candidate_list_find (self->candidates, result->candidate_uuid);

  if (candidate == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_candidate (self, candidate);
  acq_candidate_page_open_sheet (self->candidate_page, result->sheet_uuid);
}

static void
on_search_entry_stop_search_cb (AcqWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The sorter and the filter run for every row: they read these settings from fields. */
static void
on_settings_changed_cb (AcqWindow *self, const char *key)
{
  if (key == NULL || g_strcmp0 (key, "candidate-sort") == 0)
    {
      g_autofree char *order = g_settings_get_string (self->settings, "candidate-sort");
      self->sort = acq_candidate_sort_from_string (order);
      self->sort_by_deadline = g_strcmp0 (order, "deadline") == 0;
      self->sort_by_readiness = g_strcmp0 (order, "readiness") == 0;
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }
  if (key == NULL || g_strcmp0 (key, "show-archived") == 0)
    {
      self->show_archived = g_settings_get_boolean (self->settings, "show-archived");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  if (key == NULL || g_strcmp0 (key, "jury-stage-only") == 0)
    {
      self->jury_stage_only = g_settings_get_boolean (self->settings, "jury-stage-only");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  if (key == NULL || g_strcmp0 (key, "user-role") == 0)
    {
      g_autofree char *role = g_settings_get_string (self->settings, "user-role");
      gboolean was_chosen = self->role_chosen;

      self->role_chosen = g_strcmp0 (role, "unset") != 0;
      /* "unset" already acts as a candidate: answering "candidate" changes no role, only
       * whether she lands on a dossier (a coach's answer reshapes through the role) */
      if (key != NULL && !was_chosen && self->role_chosen && g_strcmp0 (role, "candidate") == 0)
        update_role_shape (self);
    }
}

/* Until the question is answered (“unset”), Acquis acts as for a candidate. */
static gboolean
role_from_setting (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *role = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_strcmp0 (role, "coach") == 0 ? ACQ_ROLE_COACH : ACQ_ROLE_CANDIDATE);
  return TRUE;
}

static void
on_role_response_cb (AdwMessageDialog *dialog, const char *response, AcqWindow *self)
{
  if (g_strcmp0 (response, "coach") == 0 || g_strcmp0 (response, "candidate") == 0)
    g_settings_set_string (self->settings, "user-role", response);
}

/* Who uses this copy decides who may validate a sheet: asked once, at the first run, and
 * changed from the main menu. Until answered, Acquis acts as for a candidate. */
static void
ask_role_once (AcqWindow *self)
{
  g_autofree char *role = g_settings_get_string (self->settings, "user-role");
  AdwMessageDialog *dialog;

  if (g_strcmp0 (role, "unset") != 0)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), _("Who Uses This Copy of Acquis?"),
    _("An accompagnatrice follows several candidates and validates their experience sheets. "
      "A candidate writes their own dossier and sends it for review. You can change this later "
      "in the main menu.")));
  adw_message_dialog_add_responses (dialog, "candidate", _("I Am a _Candidate"),
                                    "coach", _("I Am an _Accompagnatrice"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "coach", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_role_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_role_idle_cb (gpointer data)
{
  ask_role_once (data);
  return G_SOURCE_REMOVE;
}

/* After the window has been raised, so that the question stays above it even with no window
 * manager to keep a dialog over its parent. */
static void
on_first_map_cb (AcqWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, ask_role_idle_cb, g_object_ref (self), g_object_unref);
}

/**
 * acq_window_set_candidates:
 * @self: the window
 * @candidates: the candidates of the store now open
 *
 * Shows @candidates in the sidebar, searched and sorted.
 */
void
acq_window_set_candidates (AcqWindow *self, AcqCandidateList *candidates)
{
  g_return_if_fail (ACQ_IS_WINDOW (self));

  show_candidate (self, NULL);
  g_set_object (&self->candidates, candidates);
  if (self->candidate_page != NULL)
    acq_candidate_page_set_list (self->candidate_page, candidates);
  refresh_open_comments (self);
  if (candidates != NULL)
    {
      g_signal_connect_object (candidates, "items-changed", G_CALLBACK (refresh_open_comments),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (candidates, "items-changed", G_CALLBACK (update_role_shape), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (candidates));
  _acq_window_exchange_set_candidates (self);
  _acq_window_today_set_candidates (self);
  update_sidebar_stack (self);
  update_role_shape (self);
  /* over the window, not under it: asked once the window is on screen */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ask_role_once (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (on_first_map_cb), self);
}

/**
 * acq_window_set_read_only:
 * @self: the window
 * @read_only: whether the data folder cannot be written
 *
 * A read-only folder is said by a banner over the content: what the user may still do (read,
 * export) and what not (change).
 */
void
acq_window_set_read_only (AcqWindow *self, gboolean read_only)
{
  g_return_if_fail (ACQ_IS_WINDOW (self));
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Shows @candidate, selected in the sidebar if the search lets it be seen there. */
void
_acq_window_reveal_candidate (AcqWindow *self, AcqCandidate *candidate)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqCandidate) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      if (item == candidate)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_candidate (self, candidate);
}

/**
 * acq_window_show_today:
 * @self: the window
 *
 * Back to the home page: no candidate selected, the Today view in the content.
 */
void
acq_window_show_today (AcqWindow *self)
{
  g_return_if_fail (ACQ_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_candidate (self, NULL);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* a candidate's Today is the top of her dossier */
  update_role_shape (self);
}

/* The candidate role: her own copy holds her dossier, not a caseload. With one candidate
 * (or none yet) there is no sidebar: the window is her dossier, or the page that asks her
 * name; with several (a coach's data folder opened as a candidate) the sidebar is only a
 * chooser among them. The coach's window keeps its caseload. */
static void
update_role_shape (AcqWindow *self)
{
  gboolean candidate_role = self->role == ACQ_ROLE_CANDIDATE;
  guint n = self->candidates ? g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) : 0;
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  self->solo = candidate_role && n <= 1;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_box), !self->solo);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_separator), !self->solo);
  adw_leaflet_set_can_navigate_back (self->leaflet, !self->solo);
  if (self->solo)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  adw_header_bar_set_show_start_title_buttons (
    self->content_header, self->solo || adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (GTK_WIDGET (self->dossier_menu_button), self->solo);
  /* her Today is of the whole store: at the top of her page only when the store is hers */
  if (self->dossier_today != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->dossier_today), self->solo);
  gtk_widget_set_visible (GTK_WIDGET (self->send_squeezer), candidate_role && self->shown != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !candidate_role);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_button), !candidate_role);
  gtk_widget_set_visible (GTK_WIDGET (self->today_button), !candidate_role);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), !candidate_role);
  adw_window_title_set_title (self->sidebar_title,
                              candidate_role ? _("Choose a Dossier") : _("Candidates"));

  if (candidate_role && self->candidates != NULL && n == 0)
    {
      gtk_stack_set_visible_child (self->content_stack, GTK_WIDGET (ensure_welcome_page (self)));
      acq_welcome_page_focus (self->welcome_page);
    }
  else if (candidate_role && n > 0 && self->shown == NULL && (n == 1 || self->role_chosen))
    {
      /* she lands on her dossier (the first of the list, when there are several); while
       * nobody has said who uses a copy that holds several, nothing is opened behind the
       * question: it is most likely a coach's */
      GListModel *shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0
                            ? G_LIST_MODEL (self->selection) : G_LIST_MODEL (self->candidates);
      g_autoptr (AcqCandidate) first = g_list_model_get_item (shown, 0);

      _acq_window_reveal_candidate (self, first);
    }
  else if (g_strcmp0 (page, "welcome") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, self->shown ? "candidate" : "today");
  update_content_title (self);
  _acq_window_actions_update (self);
}

/* Her own candidate, made from her name (and the default certification, as for a coach's
 * new candidate): she never has to “add a candidate”. */
static void
on_welcome_start_cb (AcqWindow *self, const char *first, const char *last)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;

  if (self->candidates == NULL)
    return;
  candidate = acq_candidate_list_create (self->candidates, first, last, &error);
  if (candidate == NULL)
    {
      acq_window_show_error (self, error->message);
      return;
    }
  acq_welcome_page_clear (self->welcome_page);
  _acq_window_reveal_candidate (self, candidate);
  update_role_shape (self);
}

/* The page that asks her name, made the first time it is shown (see acq-welcome-page.c). */
static AcqWelcomePage *
ensure_welcome_page (AcqWindow *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = acq_welcome_page_new ();
      g_signal_connect_object (self->welcome_page, "start", G_CALLBACK (on_welcome_start_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->welcome_page), "welcome");
    }
  return self->welcome_page;
}

/* Saves what is typed and not saved yet, before something else writes to the store. */
void
_acq_window_flush (AcqWindow *self)
{
  if (self->candidate_page != NULL)
    acq_candidate_page_flush (self->candidate_page);
  if (self->sheet_editor != NULL)
    acq_sheet_editor_flush (self->sheet_editor);
}

/* The store was opened again, or changed under the lists: the application reads it anew. */
void
_acq_window_store_reset (AcqWindow *self)
{
  g_signal_emit (self, signals[SIGNAL_STORE_RESET], 0);
}

/* The conflicts banner in acq-window.ui and win.resolve-conflicts follow this count. */
void
_acq_window_set_n_conflicts (AcqWindow *self, guint n_conflicts)
{
  if (self->n_conflicts == n_conflicts)
    return;
  self->n_conflicts = n_conflicts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
  _acq_window_actions_update (self);
}

/* The damaged-file dialog */

static void
on_store_problem_response_cb (AdwMessageDialog *dialog, const char *response, AcqWindow *self)
{
  const char *data_dir = g_object_get_data (G_OBJECT (dialog), "data-dir");
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "restore") == 0)
    ok = acq_store_restore_latest_backup (data_dir, &aside, &error);
  else if (g_strcmp0 (response, "empty") == 0)
    {
      aside = acq_store_set_aside_damaged (data_dir, &error);
      ok = error == NULL;
    }
  else if (g_strcmp0 (response, "retry") != 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!ok)
    {
      acq_window_show_store_problem (self, data_dir, error->message, TRUE);
      return;
    }
  if (aside != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The damaged file was kept as “%s”."), aside);
      acq_window_show_error (self, message);
    }
  _acq_window_store_reset (self);
}

/**
 * acq_window_show_store_problem:
 * @self: the window
 * @data_dir: the data folder
 * @message: what went wrong, for the user
 * @damaged: %TRUE if the file is damaged: offer to restore the latest backup or start empty
 *
 * Asks the user what to do when the store cannot be opened. The damaged file is never
 * overwritten: it is set aside before anything takes its place.
 */
void
acq_window_show_store_problem (AcqWindow *self, const char *data_dir, const char *message,
                               gboolean damaged)
{
  g_autoptr (GPtrArray) backups = acq_store_list_backups (data_dir);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), damaged ? _("The Data File Is Damaged") : _("Acquis Cannot Open Its Data"),
    message));
  g_object_set_data_full (G_OBJECT (dialog), "data-dir", g_strdup (data_dir), g_free);
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  if (damaged)
    {
      adw_message_dialog_add_response (dialog, "empty", _("Start _Empty"));
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_enabled (dialog, "restore", backups->len > 0);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, backups->len > 0 ? "restore" : "empty");
    }
  else
    {
      adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (dialog, "retry");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_store_problem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Window state */

static gboolean
acq_window_close_request (GtkWindow *window)
{
  AcqWindow *self = ACQ_WINDOW (window);
  int width, height;

  _acq_window_flush (self);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (acq_window_parent_class)->close_request (window);
}

static void
bind_settings (AcqWindow *self, GSettings *settings)
{
  g_autoptr (GSimpleActionGroup) settings_actions = g_simple_action_group_new ();
  static const char *const setting_keys[] = { "candidate-sort", "show-archived", "jury-stage-only",
                                              "user-role" };

  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      g_autoptr (GAction) action = g_settings_create_action (self->settings, setting_keys[i]);
      g_action_map_add_action (G_ACTION_MAP (settings_actions), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (settings_actions));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_settings_changed_cb (self, NULL);
  g_settings_bind_with_mapping (self->settings, "user-role", self, "role", G_SETTINGS_BIND_GET,
                                role_from_setting, NULL, NULL, NULL);
  _acq_window_exchange_bind_settings (self);
  _acq_window_actions_update (self);
}

static void
acq_window_dispose (GObject *object)
{
  AcqWindow *self = ACQ_WINDOW (object);

  show_candidate (self, NULL);
  _acq_window_exchange_dispose (self);
  _acq_window_today_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (acq_window_parent_class)->dispose (object);
}

static void
acq_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqWindow *self = ACQ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AcqWindow *self = ACQ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      if (self->role != (AcqRole) g_value_get_enum (value))
        {
          self->role = g_value_get_enum (value);
          /* the coach's home is Today, not the dossier a candidate's copy opened on */
          if (self->role == ACQ_ROLE_COACH && self->shown != NULL)
            acq_window_show_today (self);
          update_role_shape (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_READ_ONLY:
      acq_window_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_window_finalize (GObject *object)
{
  g_free (ACQ_WINDOW (object)->folded_query);
  G_OBJECT_CLASS (acq_window_parent_class)->finalize (object);
}

static void
acq_window_class_init (AcqWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_window_dispose;
  object_class->finalize = acq_window_finalize;
  object_class->get_property = acq_window_get_property;
  object_class->set_property = acq_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = acq_window_close_request;

  /**
   * AcqWindow:n-conflicts:
   *
   * How many rubrics changed on both sides wait for the user to choose; the banner over the
   * content shows while there are some.
   */
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AcqWindow:role:
   *
   * Who uses this copy of Acquis, as chosen in the main menu (the `user-role` setting);
   * bound down to the sheet editor and its rubrics.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_CANDIDATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AcqWindow:read-only:
   *
   * Whether the data folder cannot be written; a banner over the content says so.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_STORE_RESET] =
    g_signal_new ("store-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (ACQ_TYPE_CANDIDATE);
  g_type_ensure (ACQ_TYPE_TODAY_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, candidate_list_view);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, candidate_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, dossier_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, send_squeezer);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, candidate_scroller);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sheet_results_box);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sheet_results_label);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sheet_results_list);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, today_count_label);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, AcqWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_results_list_row_activated_cb);

  _acq_window_class_actions_init (klass);
  _acq_window_class_exchange_init (klass);
  _acq_window_class_today_init (klass);
}

static void
acq_window_init (AcqWindow *self)
{
  GtkSortListModel *sorted;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->content_stack, "today");
  _acq_window_exchange_init (self);
  _acq_window_today_init (self);
  _acq_window_actions_init_drop (self);
  acq_a11y_track_stack (self->sidebar_stack);
  acq_a11y_track_stack (self->content_stack);
  /* the pencils of the rows that ask a candidate's name */
  acq_a11y_hide_decorative_images (GTK_WIDGET (self->content_stack));

  self->folded_query = g_strdup ("");
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_grid_view_set_model (self->candidate_list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_grid_view_set_factory (self->candidate_list_view, acq_candidate_row_factory_new ());
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  update_sidebar_stack (self);
  update_content_title (self);

  /* Delete in the list deletes the selected candidate (with an undo toast); only there, so
   * that Delete in a text field or on a button never does. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete-candidate")));
  gtk_widget_add_controller (GTK_WIDGET (self->candidate_list_view), controller);
}
