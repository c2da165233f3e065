/* acq-window-today.c — the window's home page and the sidebar's deadlines, read on a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of AcqWindow (see acq-window-private.h). Reading the whole caseload's deadlines takes a
 * few hundred milliseconds for 5,000 candidates: a GTask worker does it on a store connection
 * of its own (acq_today_gather()), and hands one AcqToday to the main thread, which gives it
 * to the Today view and each candidate's next deadline to the sidebar's rows and sort. It runs
 * again a moment after the store changes (here or in another process: "changed::external"),
 * when the role changes, and when the day changes. Once a day, what fell due since the last
 * time is said in a notification (not under the test runner unless it asks: ACQUIS_NOTIFY).
 */
#define G_LOG_DOMAIN "acq-window-today"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate-row.h"
#include "acq-jury-checklist.h"
#include "acq-retention.h"
#include "acq-today.h"
#include "acq-window-private.h"

/* A burst of saves reads the caseload once, this long after the first; longer while a
 * candidate is shown (typing saves every pause; only the sidebar's deadlines follow then). */
#define TODAY_REFRESH_DELAY_MS        400
#define TODAY_REFRESH_HIDDEN_DELAY_MS 2000

typedef struct
{
  char    *data_dir;
  GDate    today;
  AcqRole  role;
  gboolean quick_first; /* the view shows nothing yet: what is quick goes first */
} TodayJob;

static void
today_job_free (TodayJob *job)
{
  g_free (job->data_dir);
  g_free (job);
}

typedef struct
{
  AcqWindow    *window;
  GCancellable *cancellable;
  AcqToday     *today;
} QuickResult;

static gboolean on_quick_cb (gpointer data);

/* What the worker hands back: what is due, and beside it each candidate's count of the jury's
 * checklist ("Ready for the jury: 7 of 9"). A sibling of AcqToday rather than a part of it:
 * practice/, where AcqToday is, stands below jury/ and knows nothing of it. */
typedef struct
{
  AcqToday   *today;
  GHashTable *jury_ready; /* candidate uuid → AcqJuryReadyCount, or NULL if it failed */
} Gathered;

static void
gathered_free (Gathered *gathered)
{
  g_clear_pointer (&gathered->today, acq_today_free);
  g_clear_pointer (&gathered->jury_ready, g_hash_table_unref);
  g_free (gathered);
}

static void
quick_result_free (QuickResult *quick)
{
  g_object_unref (quick->window);
  g_object_unref (quick->cancellable);
  g_clear_pointer (&quick->today, acq_today_free);
  g_free (quick);
}

/* First what is quick to read (the sessions, the sheets, the comments), shown while the
 * deadlines are computed; then everything, and the jury's checklists of the whole caseload on
 * the same connection (a few grouped statements: about 10 ms for 500 candidates). */
static void
gather_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TodayJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (job->data_dir, &error);
  AcqToday *today;

  if (store != NULL && job->quick_first)
    {
      if ((today = acq_today_gather_quick (store, &job->today, job->role, &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      else
        {
          QuickResult *quick = g_new0 (QuickResult, 1);

          quick->window = g_object_ref (ACQ_WINDOW (g_task_get_source_object (task)));
          quick->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
          quick->today = today;
          g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, on_quick_cb, quick,
                                      (GDestroyNotify) quick_result_free);
        }
    }
  if (store == NULL || (today = acq_today_gather (store, &job->today, job->role, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      Gathered *gathered = g_new0 (Gathered, 1);

      gathered->today = today;
      /* the deadlines are shown without them rather than not at all */
      if (!acq_retention_add_to_today (today, store, &error))
        {
          g_warning ("Could not list the accompaniments past their retention: %s",
                     error->message);
          g_clear_error (&error);
        }
      if ((gathered->jury_ready = acq_jury_checklist_count_all (store, &error)) == NULL)
        g_warning ("Could not count what is ready for the jury: %s", error->message);
      g_task_return_pointer (task, gathered, (GDestroyNotify) gathered_free);
    }
}

static gboolean
notifications_allowed (void)
{
  return g_strcmp0 (g_getenv ("ACQUIS_NOTIFY"), "0") != 0;
}

/* Once a day, the deadlines that fell due since the last notification. */
static void
notify_once_a_day (AcqWindow *self, const AcqToday *today)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *told = g_settings_get_string (self->settings, "today-notified");
  g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today->today),
                                          g_date_get_month (&today->today),
                                          g_date_get_day (&today->today));
  g_autoptr (GNotification) notification = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  GDate since;

  if (application == NULL || !notifications_allowed () || g_strcmp0 (told, day) == 0)
    return;
  g_date_clear (&since, 1);
  if (*told != '\0')
    g_date_set_parse (&since, told);
  due = acq_today_became_due (today, g_date_valid (&since) ? &since : NULL);
  g_settings_set_string (self->settings, "today-notified", day);
  if (due->len == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline fell due",
                                        "%u deadlines fell due", due->len), due->len);
  for (guint i = 0; i < MIN (due->len, 3); i++)
    {
      const AcqTodayItem *item = g_ptr_array_index (due, i);

      /* TRANSLATORS: one line of the daily notification: a candidate, then what is due */
      g_string_append_printf (body, _("%s: %s"), item->candidate_name, item->title);
      g_string_append_c (body, '\n');
    }
  if (due->len > 3)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                               "and %u more", due->len - 3), due->len - 3);
  notification = g_notification_new (title);
  g_notification_set_body (notification, g_strstrip (body->str));
  g_notification_set_default_action (notification, "app.show-today");
  g_application_send_notification (application, "today", notification);
}

/* The sidebar's Today button says how many are overdue or due this week. */
static void
update_today_button (AcqWindow *self, const AcqToday *today)
{
  guint urgent = today->sections[ACQ_TODAY_OVERDUE]->len +
                 today->sections[ACQ_TODAY_THIS_WEEK]->len;
  g_autofree char *count = g_strdup_printf ("%u", urgent);
  g_autofree char *description = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue or due this week",
                 "%u deadlines overdue or due this week", urgent), urgent);

  gtk_label_set_text (self->today_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->today_count_label), urgent > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->today_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void schedule_midnight (AcqWindow *self);

/* The candidate's Today is the summary at the top of her dossier (in her own copy, where the
 * store is hers); the coach's, the home page. */
static AcqTodayView *
home_view (AcqWindow *self)
{
  if (self->solo && self->dossier_today != NULL)
    return self->dossier_today;
  return self->today_view;
}

/* Only while the view has nothing complete to show: a refresh keeps the deadlines in view. */
static gboolean
on_quick_cb (gpointer data)
{
  QuickResult *quick = data;
  AcqTodayView *view = home_view (quick->window);
  const AcqToday *shown = acq_today_view_get_today (view);

  if (g_cancellable_is_cancelled (quick->cancellable) || (shown != NULL && shown->complete))
    return G_SOURCE_REMOVE;
  acq_today_view_set_today (view, g_steal_pointer (&quick->today));
  return G_SOURCE_REMOVE;
}

static void
on_gathered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  Gathered *gathered = g_task_propagate_pointer (G_TASK (result), &error);
  AcqToday *today;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->today_running = FALSE;
  /* what changed meanwhile is read again; what was read is shown until then */
  if (self->today_dirty)
    {
      self->today_dirty = FALSE;
      _acq_window_today_refresh (self);
    }
  if (gathered == NULL)
    {
      g_warning ("Could not read what is due today: %s", error->message);
      return;
    }
  today = g_steal_pointer (&gathered->today);
  g_clear_pointer (&self->next_deadlines, g_hash_table_unref);
  self->next_deadlines = g_hash_table_ref (today->next_deadlines);
  g_clear_pointer (&self->jury_ready, g_hash_table_unref);
  self->jury_ready = g_steal_pointer (&gathered->jury_ready);
  gathered_free (gathered);
  acq_candidate_row_factory_set_caseload (gtk_grid_view_get_factory (self->candidate_list_view),
                                          self->next_deadlines, self->jury_ready, &today->today);
  if (self->sort_by_deadline || self->sort_by_readiness)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  /* a jury dated since brings a candidate into the jury's filter, or takes her out */
  if (self->jury_stage_only)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->candidate_page != NULL)
    acq_candidate_page_set_jury_ready (self->candidate_page,
                                       _acq_window_today_lookup_jury_ready (self, self->shown));
  update_today_button (self, today);
  notify_once_a_day (self, today);
  acq_today_view_set_today (home_view (self), today);
}

/**
 * _acq_window_today_refresh:
 * @self: the window
 *
 * Reads what is due again, on a worker; a refresh asked while one runs follows it.
 */
void
_acq_window_today_refresh (AcqWindow *self)
{
  g_autoptr (GTask) task = NULL;
  TodayJob *job;

  g_clear_handle_id (&self->today_refresh_id, g_source_remove);
  if (self->today_store == NULL)
    return;
  if (self->today_running)
    {
      self->today_dirty = TRUE;
      return;
    }
  job = g_new0 (TodayJob, 1);
  job->data_dir = g_strdup (acq_store_get_data_dir (self->today_store));
  job->role = self->role;
  acq_today_get_local_date (&job->today);
  {
    const AcqToday *shown = acq_today_view_get_today (home_view (self));

    job->quick_first = shown == NULL || !shown->complete || shown->role != self->role;
  }
  self->today_running = TRUE;
  task = g_task_new (self, self->today_cancellable, on_gathered_cb, g_object_ref (self));
  g_task_set_source_tag (task, _acq_window_today_refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) today_job_free);
  g_task_run_in_thread (task, gather_thread);
}

static gboolean
refresh_cb (gpointer data)
{
  AcqWindow *self = data;

  self->today_refresh_id = 0;
  _acq_window_today_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AcqWindow *self)
{
  if (self->today_refresh_id == 0)
    self->today_refresh_id =
      g_timeout_add (gtk_widget_get_mapped (GTK_WIDGET (self->today_view))
                       ? TODAY_REFRESH_DELAY_MS : TODAY_REFRESH_HIDDEN_DELAY_MS,
                     refresh_cb, self);
}

static gboolean
midnight_cb (gpointer data)
{
  AcqWindow *self = data;

  self->today_midnight_id = 0;
  _acq_window_today_refresh (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* A refresh a second after the next local midnight: what was "in 1 day" becomes "due today". */
static void
schedule_midnight (AcqWindow *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) next = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->today_midnight_id, g_source_remove);
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 1);
  next = g_date_time_add_days (midnight, 1);
  wait = g_date_time_difference (next, now);
  self->today_midnight_id =
    g_timeout_add_seconds ((guint) MAX (1, wait / G_TIME_SPAN_SECOND), midnight_cb, self);
}

static void follow_store (AcqWindow *self, AcqStore *store);

static void
on_first_frame_painted_cb (GdkFrameClock *clock, AcqWindow *self)
{
  g_clear_signal_handler (&self->today_paint_id, clock);
  _acq_window_today_refresh (self);
}

static void
on_window_mapped_cb (AcqWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, on_window_mapped_cb, self);
  if (clock == NULL)
    {
      _acq_window_today_refresh (self);
      return;
    }
  self->today_paint_id = g_signal_connect_object (clock, "after-paint",
                                                  G_CALLBACK (on_first_frame_painted_cb), self,
                                                  0);
}

/* The first read waits for the window's first frame: a worker reading the whole caseload
 * beside the main thread that builds the window would slow the window down on two cores. */
static void
read_after_first_frame (AcqWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _acq_window_today_refresh (self);
  else if (!g_signal_handler_find (self, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                   on_window_mapped_cb, self))
    g_signal_connect (self, "map", G_CALLBACK (on_window_mapped_cb), self);
}

/* The store the window shows changed (opened, reopened, closed): follow the new one. */
void
_acq_window_today_set_candidates (AcqWindow *self)
{
  AcqStore *store = self->candidates ? acq_candidate_list_get_store (self->candidates) : NULL;

  /* already read since acq_window_prefetch_today() */
  if (store != NULL && store == self->today_store)
    return;
  follow_store (self, store);
}

/**
 * acq_window_prefetch_today:
 * @self: the window
 * @store: the store just opened
 *
 * Follows @store from now on, before the candidates are read on the main thread: what is due
 * is read on a worker once the window has drawn its first frame.
 */
void
acq_window_prefetch_today (AcqWindow *self, AcqStore *store)
{
  g_return_if_fail (ACQ_IS_WINDOW (self));
  g_return_if_fail (ACQ_IS_STORE (store));
  if (store != self->today_store)
    follow_store (self, store);
}

static void
follow_store (AcqWindow *self, AcqStore *store)
{
  if (self->today_store != NULL)
    g_clear_signal_handler (&self->today_changed_id, self->today_store);
  g_clear_object (&self->today_store);
  g_cancellable_cancel (self->today_cancellable);
  g_clear_object (&self->today_cancellable);
  self->today_cancellable = g_cancellable_new ();
  self->today_running = FALSE;
  self->today_dirty = FALSE;
  if (store == NULL)
    return;
  self->today_store = g_object_ref (store);
  /* "changed" is emitted for this process's commits and, with the detail "external", for
   * other processes' ones: both reach a handler without a detail */
  self->today_changed_id = g_signal_connect_object (store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  read_after_first_frame (self);
  schedule_midnight (self);
}

/* The "deadline" sort: the most pressing first, then those without one by name. */
int
_acq_window_today_compare (AcqWindow *self, AcqCandidate *a, AcqCandidate *b)
{
  const AcqDeadline *da = NULL, *db = NULL;

  if (self->next_deadlines != NULL)
    {
      da = g_hash_table_lookup (self->next_deadlines, acq_candidate_get_uuid (a));
      db = g_hash_table_lookup (self->next_deadlines, acq_candidate_get_uuid (b));
    }
  if (da != NULL && db != NULL)
    {
      int order = g_date_compare (&da->due, &db->due);

      if (order != 0)
        return order;
    }
  else if (da != NULL || db != NULL)
    return da != NULL ? -1 : 1;
  return acq_candidate_compare (a, b, ACQ_CANDIDATE_SORT_NAME);
}

/**
 * _acq_window_today_lookup_jury_ready:
 * @self: the window
 * @candidate: (nullable): a candidate
 *
 * Returns: (nullable) (transfer none): the count of @candidate's jury checklist, as last read
 *   on the worker; %NULL until it is read
 */
const AcqJuryReadyCount *
_acq_window_today_lookup_jury_ready (AcqWindow *self, AcqCandidate *candidate)
{
  if (self->jury_ready == NULL || candidate == NULL)
    return NULL;
  return g_hash_table_lookup (self->jury_ready, acq_candidate_get_uuid (candidate));
}

/* Whether the candidate passes the "At the Jury Stage Only" filter: at the jury stage, or her
 * jury dated before it (known once the worker has read the caseload). */
gboolean
_acq_window_today_at_jury_stage (AcqWindow *self, AcqCandidate *candidate)
{
  return acq_jury_ready_count_applies (_acq_window_today_lookup_jury_ready (self, candidate),
                                       acq_candidate_get_stage (candidate));
}

/* The "readiness" sort: those the jury's count concerns, the least ready first, then everyone
 * else; by name within each. */
int
_acq_window_today_compare_readiness (AcqWindow *self, AcqCandidate *a, AcqCandidate *b)
{
  const AcqJuryReadyCount *ca = _acq_window_today_lookup_jury_ready (self, a);
  const AcqJuryReadyCount *cb = _acq_window_today_lookup_jury_ready (self, b);
  gboolean ja = acq_jury_ready_count_applies (ca, acq_candidate_get_stage (a));
  gboolean jb = acq_jury_ready_count_applies (cb, acq_candidate_get_stage (b));

  if (ja != jb)
    return ja ? -1 : 1;
  if (ja && ca != NULL && cb != NULL)
    {
      int order = acq_jury_ready_count_compare (ca, cb);

      if (order != 0)
        return order;
    }
  else if (ja && (ca != NULL || cb != NULL))
    return ca != NULL ? -1 : 1;
  return acq_candidate_compare (a, b, ACQ_CANDIDATE_SORT_NAME);
}

void
_acq_window_today_dispose (AcqWindow *self)
{
  g_cancellable_cancel (self->today_cancellable);
  g_clear_object (&self->today_cancellable);
  g_clear_handle_id (&self->today_refresh_id, g_source_remove);
  g_clear_handle_id (&self->today_midnight_id, g_source_remove);
  if (self->today_store != NULL)
    g_clear_signal_handler (&self->today_changed_id, self->today_store);
  g_clear_object (&self->today_store);
  g_clear_pointer (&self->next_deadlines, g_hash_table_unref);
  g_clear_pointer (&self->jury_ready, g_hash_table_unref);
}

static void
on_today_view_open_cb (AcqWindow *self, const char *candidate_uuid, const char *sheet_uuid,
                       const char *session_uuid)
{
  AcqCandidate *candidate = NULL;

  if (self->candidates != NULL)
    candidate = acq_candidate_list_find (self->candidates, candidate_uuid);
  if (candidate == NULL)
    return;
  _acq_window_reveal_candidate (self, candidate);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (sheet_uuid != NULL)
    acq_candidate_page_open_sheet (_acq_window_ensure_candidate_page (self), sheet_uuid);
}

/**
 * _acq_window_today_ensure_dossier_view:
 * @self: the window
 *
 * The candidate's Today (her next session, deadlines, open comments), made once for the top
 * of her dossier page; the same view as the coach's home page, in its candidate variant.
 *
 * Returns: (transfer none): the view
 */
AcqTodayView *
_acq_window_today_ensure_dossier_view (AcqWindow *self)
{
  if (self->dossier_today == NULL)
    {
      self->dossier_today = g_object_new (ACQ_TYPE_TODAY_VIEW, NULL);
      acq_today_view_set_embedded (self->dossier_today, TRUE);
      g_signal_connect_object (self->dossier_today, "open", G_CALLBACK (on_today_view_open_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_set_visible (GTK_WIDGET (self->dossier_today), self->solo);
      if (self->solo)
        _acq_window_today_refresh (self);
    }
  return self->dossier_today;
}

static void
show_today_action (GtkWidget *widget, const char *action, GVariant *param)
{
  acq_window_show_today (ACQ_WINDOW (widget));
}

static void
on_role_changed_cb (AcqWindow *self)
{
  _acq_window_today_refresh (self);
}

void
_acq_window_class_today_init (AcqWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-today", NULL, show_today_action);
  gtk_widget_class_bind_template_callback (widget_class, on_today_view_open_cb);
}

/* Called from init: the role's changes read the caseload again, seen from the other side. */
void
_acq_window_today_init (AcqWindow *self)
{
  g_signal_connect (self, "notify::role", G_CALLBACK (on_role_changed_cb), NULL);
}
