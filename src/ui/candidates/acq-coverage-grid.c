/* acq-coverage-grid.c — the candidate's blocs × competences, and how well each is backed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-coverage-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-coverage-grid.h"
#include "acq-referential.h"

/* Built in code: its rows and cells come from the candidate's referential. */
struct _AcqCoverageGrid
{
  GtkWidget  parent_instance;
  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (AcqCoverageGrid, acq_coverage_grid, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each level has its shape as well as its colour: the grid reads in greyscale and for
 * colour-blind users. */
const char *
acq_coverage_level_icon (AcqCoverageLevel level)
{
  static const char *const icons[ACQ_N_COVERAGE_LEVELS] = {
    "action-unavailable-symbolic", "document-edit-symbolic", "dialog-warning-symbolic",
    "document-open-recent-symbolic", "emblem-ok-symbolic",
  };
  g_return_val_if_fail (level < ACQ_N_COVERAGE_LEVELS, NULL);
  return icons[level];
}

static void
on_sheet_button_clicked_cb (AcqCoverageGrid *self, GtkButton *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0,
                 g_object_get_data (G_OBJECT (button), "sheet-uuid"));
}

static GtkWidget *
cell_popover (AcqCoverageGrid *self, const AcqCoverageCompetence *competence)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (competence->label);
  GtkWidget *popover = gtk_popover_new ();

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  if (competence->sheets->len == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("No sheet demonstrates it yet.")));
  for (guint i = 0; i < competence->sheets->len; i++)
    {
      AcqCoverageSheet *sheet = g_ptr_array_index (competence->sheets, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", sheet->title,
                                                acq_review_state_label (sheet->review_state));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "sheet-uuid", g_strdup (sheet->sheet_uuid),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_sheet_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static GtkWidget *
cell (AcqCoverageGrid *self, const AcqCoverageBloc *bloc,
      const AcqCoverageCompetence *competence)
{
  static const char *const classes[ACQ_N_COVERAGE_LEVELS] = {
    "coverage-none", "coverage-draft", "coverage-changes", "coverage-review", "coverage-validated",
  };
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *code = acq_competence_dup_code (bloc->position, competence->position);
  g_autofree char *name = NULL;
  GtkWidget *icon;

  /* TRANSLATORS: a competence, its label, how well it is backed, and by how many sheets */
  name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %s, %u sheet",
                                       "%s, %s: %s, %u sheets", competence->sheets->len),
                          code, competence->label, acq_coverage_level_label (competence->level),
                          competence->sheets->len);
  icon = gtk_image_new_from_icon_name (acq_coverage_level_icon (competence->level));
  /* the button's name already says the level */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), gtk_label_new (code));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), cell_popover (self, competence));
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_add_css_class (button, "coverage-cell");
  gtk_widget_add_css_class (button, classes[competence->level]);
  return button;
}

static GtkWidget *
bloc_row (AcqCoverageGrid *self, const AcqCoverageBloc *bloc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cells = gtk_flow_box_new ();
  g_autofree char *title = NULL;
  GtkWidget *label;

  title = bloc->targeted ? g_strdup_printf (_("Bloc %d — %s"), bloc->position, bloc->title)
                         : g_strdup_printf (_("Bloc %d — %s (not targeted)"), bloc->position,
                                            bloc->title);
  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cells), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cells), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (cells), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (cells), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cells), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  for (guint i = 0; i < bloc->competences->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (cells),
                         cell (self, bloc, g_ptr_array_index (bloc->competences, i)));
  gtk_box_append (GTK_BOX (box), cells);
  if (!bloc->targeted)
    gtk_widget_add_css_class (box, "dim-label");
  return box;
}

/**
 * acq_coverage_grid_set_coverage:
 * @self: the grid
 * @coverage: (nullable): the candidate's coverage
 *
 * One line per bloc, one cell per competence with its best state; a cell opens the list of
 * the sheets that demonstrate it.
 */
void
acq_coverage_grid_set_coverage (AcqCoverageGrid *self, const AcqCoverage *coverage)
{
  GtkWidget *child;

  g_return_if_fail (ACQ_IS_COVERAGE_GRID (self));
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  for (guint b = 0; coverage != NULL && b < coverage->blocs->len; b++)
    gtk_box_append (GTK_BOX (self->box), bloc_row (self, g_ptr_array_index (coverage->blocs, b)));
}

GtkWidget *
acq_coverage_grid_new (void)
{
  return g_object_new (ACQ_TYPE_COVERAGE_GRID, NULL);
}

static void
acq_coverage_grid_dispose (GObject *object)
{
  AcqCoverageGrid *self = ACQ_COVERAGE_GRID (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (acq_coverage_grid_parent_class)->dispose (object);
}

static void
acq_coverage_grid_class_init (AcqCoverageGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_coverage_grid_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * AcqCoverageGrid::open-sheet:
   * @sheet_uuid: the sheet chosen in a cell
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
acq_coverage_grid_init (AcqCoverageGrid *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
