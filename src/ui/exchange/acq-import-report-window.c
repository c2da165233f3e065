/* acq-import-report-window.c — what an imported .acquis file brought in, with a link to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-import-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-import-report-window.h"

struct _AcqImportReportWindow
{
  AdwWindow        parent_instance;

  /* template children, alphabetical */
  GtkButton       *conflicts_button;
  GtkListBox      *items_list;
  GtkLabel        *summary_label;
  AdwWindowTitle  *window_title;

  AcqImportReport *report;
};

G_DEFINE_FINAL_TYPE (AcqImportReportWindow, acq_import_report_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_OPEN_SHEET,
  SIGNAL_RESOLVE_CONFLICTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The icon repeats the kind, which is also written under each line for those who do not see
 * it. */
static void
describe_kind (AcqImportItemKind kind, const char **icon, const char **label)
{
  switch (kind)
    {
    case ACQ_IMPORT_NEW_CANDIDATE:
      *icon = "avatar-default-symbolic";
      *label = _("New candidate");
      break;
    case ACQ_IMPORT_NEW_SHEET:
      *icon = "document-new-symbolic";
      *label = _("New experience sheet");
      break;
    case ACQ_IMPORT_CHANGED_SHEET:
      *icon = "document-edit-symbolic";
      *label = _("Changed experience sheet");
      break;
    case ACQ_IMPORT_CHANGED_RUBRIC:
      *icon = "document-edit-symbolic";
      *label = _("Changed rubric");
      break;
    case ACQ_IMPORT_NEW_COMMENT:
      *icon = "mail-unread-symbolic";
      *label = _("New comment");
      break;
    case ACQ_IMPORT_CONFLICT:
      *icon = "dialog-warning-symbolic";
      *label = _("Conflict: both texts kept until you choose");
      break;
    case ACQ_IMPORT_KEPT_DELETED:
      *icon = "user-trash-symbolic";
      *label = _("Deleted on one side, changed on the other: kept");
      break;
    case ACQ_IMPORT_IGNORED:
      *icon = "action-unavailable-symbolic";
      *label = _("Ignored: not allowed for the sender’s role");
      break;
    case ACQ_IMPORT_OTHER:
    default:
      *icon = "dialog-information-symbolic";
      *label = _("Other change");
      break;
    }
}

static GtkWidget *
item_row (const AcqImportItem *item, gboolean to_review)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *icon_name, *kind;
  g_autofree char *spoken = NULL;

  describe_kind (item->kind, &icon_name, &kind);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (item->kind == ACQ_IMPORT_CONFLICT)
    gtk_widget_add_css_class (row, "import-conflict");
  if (item->sheet_uuid != NULL)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  if (to_review)
    {
      kind = _("Waits for your review");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "mail-mark-important-symbolic");
      gtk_widget_add_css_class (row, "import-to-review");
    }
  spoken = g_strdup_printf ("%s — %s", item->description, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

static void
on_items_list_row_activated_cb (AcqImportReportWindow *self, GtkListBoxRow *row)
{
  const AcqImportItem *item = g_object_get_data (G_OBJECT (row), "item");

  if (item != NULL && item->sheet_uuid != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, item->candidate_uuid, item->sheet_uuid);
}

static void
on_conflicts_button_clicked_cb (AcqImportReportWindow *self)
{
  g_signal_emit (self, signals[SIGNAL_RESOLVE_CONFLICTS], 0);
}

static char *
summary (AcqImportReport *report, guint n_items, guint n_conflicts, guint n_to_review)
{
  g_autofree char *changes = NULL;
  g_autofree char *conflicts = NULL;

  if (n_items == 0)
    return g_strdup (_("Nothing new: this computer already had everything the file held."));
  changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change came in.",
                                          "%u changes came in.", n_items),
                             n_items);
  if (n_to_review > 0)
    {
      g_autofree char *reviews =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet waits for your review.",
                                      "%u sheets wait for your review.", n_to_review),
                         n_to_review);
      g_autofree char *both = g_strdup_printf ("%s %s", reviews, changes);

      g_free (changes);
      changes = g_steal_pointer (&both);
    }
  if (n_conflicts == 0)
    return g_steal_pointer (&changes);
  conflicts = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "%u rubric was changed on both sides: both texts are kept until you choose.",
                 "%u rubrics were changed on both sides: both texts are kept until you choose.",
                 n_conflicts),
    n_conflicts);
  return g_strdup_printf ("%s %s", changes, conflicts);
}

static void
append_item (AcqImportReportWindow *self, const AcqImportItem *item, gboolean to_review)
{
  GtkWidget *row = item_row (item, to_review);

  g_object_set_data (G_OBJECT (row), "item", (gpointer) item);
  gtk_list_box_append (self->items_list, row);
}

/**
 * acq_import_report_window_new:
 * @parent: the main window
 * @report: what the import brought in
 * @candidate_name: whose dossier it is
 * @to_review: (nullable) (element-type utf8): the sheets that now wait for the reader's
 *   review (acq_import_report_dup_to_review()), listed first
 *
 * Returns: (transfer none): the report, shown; each line with a sheet opens it with
 *   #AcqImportReportWindow::open-sheet
 */
AcqImportReportWindow *
acq_import_report_window_new (GtkWindow *parent, AcqImportReport *report,
                              const char *candidate_name, GPtrArray *to_review)
{
  AcqImportReportWindow *self;
  guint n_items, n_conflicts;
  g_autofree char *text = NULL;
  g_autofree gboolean *moved = NULL;

  g_return_val_if_fail (ACQ_IS_IMPORT_REPORT (report), NULL);

  self = g_object_new (ACQ_TYPE_IMPORT_REPORT_WINDOW, "transient-for", parent, NULL);
  self->report = g_object_ref (report);
  n_items = acq_import_report_get_n_items (report);
  n_conflicts = acq_import_report_get_n_conflicts (report);
  adw_window_title_set_subtitle (self->window_title, candidate_name);
  text = summary (report, n_items, n_conflicts, to_review ? to_review->len : 0);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_button), n_conflicts > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->items_list), n_items > 0);
  /* the sheets that wait for a review first: each one's first line moves up, said so; then
   * the rest in the order it came (the other lines about those sheets included) */
  moved = g_new0 (gboolean, n_items + 1);
  for (guint r = 0; to_review != NULL && r < to_review->len; r++)
    for (guint i = 0; i < n_items; i++)
      if (g_strcmp0 (acq_import_report_get_item (report, i)->sheet_uuid,
                     g_ptr_array_index (to_review, r)) == 0)
        {
          append_item (self, acq_import_report_get_item (report, i), TRUE);
          moved[i] = TRUE;
          break;
        }
  for (guint i = 0; i < n_items; i++)
    if (!moved[i])
      append_item (self, acq_import_report_get_item (report, i), FALSE);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * acq_import_report_window_set_n_conflicts:
 * @self: the report
 * @n_conflicts: the conflicts still waiting, in the whole store
 *
 * Resolve Conflicts goes once there is nothing left to resolve.
 */
void
acq_import_report_window_set_n_conflicts (AcqImportReportWindow *self, guint n_conflicts)
{
  g_return_if_fail (ACQ_IS_IMPORT_REPORT_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_button),
                          n_conflicts > 0 && acq_import_report_get_n_conflicts (self->report) > 0);
}

static void
acq_import_report_window_dispose (GObject *object)
{
  AcqImportReportWindow *self = ACQ_IMPORT_REPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_IMPORT_REPORT_WINDOW);
  g_clear_object (&self->report);
  G_OBJECT_CLASS (acq_import_report_window_parent_class)->dispose (object);
}

static void
acq_import_report_window_class_init (AcqImportReportWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_import_report_window_dispose;

  /**
   * AcqImportReportWindow::open-sheet:
   * @candidate_uuid: whose sheet
   * @sheet_uuid: the sheet a line is about
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * AcqImportReportWindow::resolve-conflicts:
   *
   * The user wants to settle the conflicts the import found.
   */
  signals[SIGNAL_RESOLVE_CONFLICTS] =
    g_signal_new ("resolve-conflicts", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-import-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqImportReportWindow, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, AcqImportReportWindow, items_list);
  gtk_widget_class_bind_template_child (widget_class, AcqImportReportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AcqImportReportWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_conflicts_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_items_list_row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acq_import_report_window_init (AcqImportReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
