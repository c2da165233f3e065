/* acq-today-view.c — the home page: what is due today, for the caseload or for the candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view only shows an AcqToday that the window gathered on a worker (acq-window-today.c):
 * it reads nothing itself. A first, incomplete one (the sessions, the sheets, the comments)
 * may come before the deadlines are computed: a line says they are coming. Each section is a heading with its count over a boxed list; a
 * section shows its first rows and a button for the rest, so that the first frame of a
 * caseload of thousands costs the same as one of ten. Activating a row says which candidate,
 * sheet or session it is about ("open"); the window opens it.
 */
#define G_LOG_DOMAIN "acq-today-view"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-today-view.h"

/* Rows made at once per section, then per press of “Show More”. */
#define SECTION_FIRST_ROWS 8
#define SECTION_MORE_ROWS  100

struct _AcqTodayView
{
  GtkWidget   parent_instance;

  /* template children, alphabetical */
  AdwStatusPage *empty_page;
  GtkLabel      *pending_label;
  GtkScrolledWindow *scroller;
  GtkBox        *sections_box;
  GtkStack      *stack;
  GtkLabel      *summary_label;

  AcqToday      *today;
  GPtrArray     *sections; /* the section widgets under summary_label */
};

G_DEFINE_FINAL_TYPE (AcqTodayView, acq_today_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * acq_today_section_title:
 * @section: a section of the Today view
 *
 * Returns: its heading, translated
 */
const char *
acq_today_section_title (AcqTodaySection section)
{
  switch (section)
    {
    case ACQ_TODAY_OVERDUE: return _("Overdue");
    case ACQ_TODAY_THIS_WEEK: return _("This Week");
    case ACQ_TODAY_SESSIONS: return _("Sessions Today");
    case ACQ_TODAY_TO_REVIEW: return _("Sheets Waiting for Review");
    case ACQ_TODAY_COMMENTS: return _("Open Comments");
    case ACQ_TODAY_INACTIVE: return _("Inactive Candidates");
    case ACQ_TODAY_OVER_PLAN: return _("Over Planned Hours");
    case ACQ_TODAY_COMPLAINTS: return _("Complaints to Answer");
    case ACQ_TODAY_PAST_RETENTION: return _("Kept Past the Retention Period");
    case ACQ_TODAY_NEXT_SESSION: return _("Next Session");
    case ACQ_TODAY_LATER: return _("Later");
    case ACQ_N_TODAY_SECTIONS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/* A session's hours, "14:00–16:00". */
static char *
dup_hours (const AcqTodayItem *item)
{
  if (item->start_time == NULL || item->end_time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a session's start and end times */
  return g_strdup_printf (_("%s–%s"), item->start_time, item->end_time);
}

/* What and when, in one line under the candidate's name. */
static char *
dup_subtitle (AcqTodayView *self, const AcqTodayItem *item)
{
  const GDate *today = &self->today->today;
  g_autofree char *when = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *what = NULL;

  switch (item->section)
    {
    case ACQ_TODAY_OVER_PLAN:
      return g_strdup (item->deadline != NULL ? item->deadline->text : item->title);

    case ACQ_TODAY_PAST_RETENTION:
      return g_strdup (item->title);

    case ACQ_TODAY_SESSIONS:
      hours = dup_hours (item);
      return g_strdup_printf ("%s · %s", item->title, hours);

    case ACQ_TODAY_NEXT_SESSION:
      hours = dup_hours (item);
      /* a session is not "due": today's is "today" */
      when = g_date_compare (&item->date, today) == 0 ? g_strdup (_("today"))
                                                       : acq_today_format_due (&item->date, today);
      /* TRANSLATORS: a session: what, when (“tomorrow”, “in 3 days”), its hours */
      return g_strdup_printf (_("%s · %s, %s"), item->title, when, hours);

    case ACQ_TODAY_TO_REVIEW:
      when = acq_today_format_since (&item->date, today);
      /* TRANSLATORS: a sheet waiting for a review: its title, when it was asked (“5 days
       * ago”, “yesterday”) */
      return g_strdup_printf (_("“%s” · asked %s"), item->title, when);

    case ACQ_TODAY_COMMENTS:
      when = acq_today_format_since (&item->date, today);
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open comment on “%s”",
                                           "%u open comments on “%s”", item->count),
                              item->count, item->title);
      /* TRANSLATORS: open comments on a sheet, then since when (“5 days ago”) */
      return g_strdup_printf (_("%s · the oldest %s"), what, when);

    case ACQ_TODAY_OVERDUE:
    case ACQ_TODAY_THIS_WEEK:
    case ACQ_TODAY_INACTIVE:
    case ACQ_TODAY_COMPLAINTS:
    case ACQ_TODAY_LATER:
    case ACQ_N_TODAY_SECTIONS:
    default:
      when = acq_today_format_due (&item->date, today);
      return g_strdup_printf ("%s · %s", item->title, when);
    }
}

static void
on_row_activated_cb (AcqTodayView *self, GtkListBoxRow *row)
{
  const AcqTodayItem *item = g_object_get_data (G_OBJECT (row), "item");

  /* a complaint is answered in the complaints log, not on a candidate's page */
  if (item != NULL && item->deadline != NULL &&
      item->deadline->kind == ACQ_DEADLINE_COMPLAINT_ANSWER)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.complaints", "s",
                                item->deadline->event_uuid);
  else if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN], 0, item->candidate_uuid, item->sheet_uuid,
                   item->session_uuid);
}

/* An accompaniment kept past its period: the person's export, then the erasure (the window's
 * delete, with its Undo), both without leaving Today. */
static void
add_retention_buttons (AdwActionRow *row, const AcqTodayItem *item)
{
  static const struct { const char *label; const char *action; const char *css; } buttons[] = {
    { N_("_Export…"), "win.export-person-of", NULL },
    { N_("E_rase…"), "win.erase-candidate", "destructive-action" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i].label));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (buttons[i].css != NULL)
        gtk_widget_add_css_class (button, buttons[i].css);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", item->candidate_uuid);
      adw_action_row_add_suffix (row, button);
    }
}

static GtkWidget *
make_row (AcqTodayView *self, const AcqTodayItem *item)
{
  g_autofree char *subtitle = dup_subtitle (self, item);
  g_autofree char *title_markup = g_markup_escape_text (item->candidate_name, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* the arrow repeats what activating says: not announced */
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  if (item->section == ACQ_TODAY_PAST_RETENTION)
    add_retention_buttons (ADW_ACTION_ROW (row), item);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  if (item->section == ACQ_TODAY_OVERDUE || item->section == ACQ_TODAY_INACTIVE)
    gtk_widget_add_css_class (row, "today-overdue");

  g_object_set_data (G_OBJECT (row), "item", (gpointer) item);
  return row;
}

/* Adds up to @count more rows of @items to @list; the “Show More” button follows what is left. */
static void
fill_rows (AcqTodayView *self, GtkListBox *list, GPtrArray *items, guint count)
{
  GtkButton *more = g_object_get_data (G_OBJECT (list), "more-button");
  guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list), "shown"));
  guint end = MIN (items->len, shown + count);
  g_autofree char *label = NULL;

  for (guint i = shown; i < end; i++)
    gtk_list_box_append (list, make_row (self, g_ptr_array_index (items, i)));
  g_object_set_data (G_OBJECT (list), "shown", GUINT_TO_POINTER (end));
  gtk_widget_set_visible (GTK_WIDGET (more), end < items->len);
  if (end < items->len)
    {
      guint left = items->len - end;

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More",
                                            MIN (left, SECTION_MORE_ROWS)),
                               MIN (left, SECTION_MORE_ROWS));
      gtk_button_set_label (more, label);
    }
}

static void
on_more_clicked_cb (GtkButton *button, GtkListBox *list)
{
  AcqTodayView *self = ACQ_TODAY_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (list),
                                                                ACQ_TYPE_TODAY_VIEW));
  GPtrArray *items = g_object_get_data (G_OBJECT (list), "items");

  fill_rows (self, list, items, SECTION_MORE_ROWS);
}

static GtkWidget *
make_section (AcqTodayView *self, AcqTodaySection section)
{
  GPtrArray *items = self->today->sections[section];
  g_autofree char *count = g_strdup_printf ("%u", items->len);
  /* TRANSLATORS: a section of the Today view and how many rows it has, for screen readers */
  g_autofree char *name = g_strdup_printf (_("%s, %u"), acq_today_section_title (section),
                                           items->len);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *heading = gtk_label_new (acq_today_section_title (section));
  GtkWidget *badge = gtk_label_new (count);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *more = gtk_button_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (badge, "today-count");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  /* the list's name says the count: the badge is not read twice */
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), badge);
  gtk_box_append (GTK_BOX (box), header);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), list);

  gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "pill");
  g_object_set_data (G_OBJECT (list), "more-button", more);
  g_object_set_data (G_OBJECT (list), "items", items);
  g_signal_connect (more, "clicked", G_CALLBACK (on_more_clicked_cb), list);
  gtk_box_append (GTK_BOX (box), more);

  fill_rows (self, GTK_LIST_BOX (list), items, SECTION_FIRST_ROWS);
  return box;
}

static void
rebuild (AcqTodayView *self)
{
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);
  if (self->today == NULL || (!self->today->complete && acq_today_count (self->today) == 0))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pending_label), !self->today->complete);
  if (acq_today_count (self->today) == 0)
    {
      adw_status_page_set_description (
        self->empty_page,
        self->today->role == ACQ_ROLE_COACH
          ? _("No deadline this week, no session today, nothing to review. Choose a candidate "
              "in the list to open their parcours.")
          : _("No deadline this week and no open comment. Your next session will show here "
              "once it is planned."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  day = g_date_time_new_local (g_date_get_year (&self->today->today),
                               g_date_get_month (&self->today->today),
                               g_date_get_day (&self->today->today), 12, 0, 0);
  date = g_date_time_format (day, "%A %-d %B");
  gtk_label_set_text (self->summary_label, date);
  for (AcqTodaySection section = 0; section < ACQ_N_TODAY_SECTIONS; section++)
    {
      GtkWidget *widget;

      if (self->today->sections[section]->len == 0)
        continue;
      widget = make_section (self, section);
      gtk_box_append (self->sections_box, widget);
      g_ptr_array_add (self->sections, widget);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
acq_today_view_dispose (GObject *object)
{
  AcqTodayView *self = ACQ_TODAY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_TODAY_VIEW);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->today, acq_today_free);
  G_OBJECT_CLASS (acq_today_view_parent_class)->dispose (object);
}

static void
acq_today_view_class_init (AcqTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_today_view_dispose;

  /**
   * AcqTodayView::open:
   * @self: the view
   * @candidate_uuid: whose row was activated
   * @sheet_uuid: (nullable): the sheet the row is about
   * @session_uuid: (nullable): the session the row is about
   *
   * A row was activated: the window opens the candidate, and the sheet if there is one.
   */
  signals[SIGNAL_OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "todayview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, pending_label);
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, AcqTodayView, summary_label);
}

static void
acq_today_view_init (AcqTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  acq_a11y_track_stack (self->stack);
  self->sections = g_ptr_array_new ();
}

/**
 * acq_today_view_set_today:
 * @self: the view
 * @today: (transfer full) (nullable): what is due, or %NULL while it is read
 *
 * Shows @today, section by section, or the friendly empty page when nothing is due.
 */
void
acq_today_view_set_today (AcqTodayView *self, AcqToday *today)
{
  g_return_if_fail (ACQ_IS_TODAY_VIEW (self));

  /* the rows point into the old one: they go first */
  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->sections_box, g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);
  g_clear_pointer (&self->today, acq_today_free);
  self->today = today;
  rebuild (self);
}

/**
 * acq_today_view_get_today:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): what the view shows
 */
const AcqToday *
acq_today_view_get_today (AcqTodayView *self)
{
  g_return_val_if_fail (ACQ_IS_TODAY_VIEW (self), NULL);
  return self->today;
}

/**
 * acq_today_view_set_embedded:
 * @self: the view
 * @embedded: whether the view sits inside a page that scrolls
 *
 * Embedded (the summary at the top of a candidate's dossier), the view takes the height of
 * what it shows, and its empty page is compact: the page around it scrolls.
 */
void
acq_today_view_set_embedded (AcqTodayView *self, gboolean embedded)
{
  g_return_if_fail (ACQ_IS_TODAY_VIEW (self));
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  embedded ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (self->scroller, embedded);
  if (embedded)
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_set_vhomogeneous (self->stack, !embedded);
}
