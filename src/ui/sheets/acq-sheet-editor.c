/* acq-sheet-editor.c — writing one example of professional practice, and reviewing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-sheet-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-toast.h"
#include "acq-a11y.h"
#include "acq-autosave.h"
#include "acq-changes-window.h"
#include "acq-people-window.h"
#include "acq-date-button.h"
#include "acq-comment.h"
#include "acq-dossier.h"
#include "acq-dp-layout.h"
#include "acq-guidance.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-rubric-view.h"
#include "acq-sheet-documents.h"
#include "acq-sheet-editor.h"
#include "acq-spell-text.h"
#include "acq-text.h"

/* The page estimate lays the example out as the dossier will: a few milliseconds, so it waits
 * for a pause in the typing rather than running on every key. */
#define MEASURE_DELAY_MS 600

struct _AcqSheetEditor
{
  AdwBin          parent_instance;

  /* template children, alphabetical */
  GtkMenuButton  *add_competence_button;
  AdwComboRow    *bloc_row;
  GtkButton      *changes_button;
  GtkFlowBox     *chips_box;
  GtkBox         *competence_choices;
  AdwEntryRow    *department_row;
  GtkButton      *diff_button;
  AcqSheetDocuments *documents;
  AcqDateButton  *from_button;
  AdwComboRow    *kind_row;
  GtkLabel       *no_competence_label;
  GtkCheckButton *ongoing_check;
  AdwEntryRow    *organisation_row;
  GtkLabel       *pages_label;
  GtkBox         *questions_box;
  GtkExpander    *questions_expander;
  GtkEntry       *remark_entry;
  GtkLabel       *remark_label;
  GtkLabel       *returned_label;
  GtkLabel       *edited_label;
  GtkButton      *request_button;
  GtkBox         *rubrics_box;
  GtkLabel       *state_label;
  AdwEntryRow    *title_row;
  AcqDateButton  *to_button;
  GtkButton      *validate_button;

  AcqRubricView  *rubric_views[ACQ_N_RUBRICS];
  AcqRole         role; /* who may validate: bound from the window's, down to the rubrics */
  AcqSheetList   *list;
  AcqSheet       *sheet;
  gulong          notify_id;
  AcqFiche       *fiche;
  AcqGuidance    *guidance;
  AcqDpLayout    *layout;
  AcqAutosave    *autosave;
  guint           measure_id;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (AcqSheetEditor, acq_sheet_editor, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

enum
{
  SIGNAL_CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static void load_fields (AcqSheetEditor *self);
static const char *competence_label (AcqSheetEditor *self, const char *uuid,
                                     const AcqBlocDef **out_bloc, int *out_position);
static void actions_update (AcqSheetEditor *self);

/* Saving */

static void
save_cb (gpointer user_data)
{
  AcqSheetEditor *self = user_data;
  g_autoptr (GError) error = NULL;

  if (self->sheet == NULL)
    return;
  if (!acq_sheet_list_save (self->list, self->sheet, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      load_fields (self); /* the sheet was put back as stored */
      return;
    }
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_rubric_view_store_anchors (self->rubric_views[i]);
}

void
acq_sheet_editor_flush (AcqSheetEditor *self)
{
  g_return_if_fail (ACQ_IS_SHEET_EDITOR (self));
  acq_autosave_flush (self->autosave);
}

/* The page estimate */

static guint bloc_position (AcqSheetEditor *self, const char *bloc_uuid);

static void
measure (AcqSheetEditor *self)
{
  g_autofree char *period = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unit = NULL;
  g_autoptr (GPtrArray) labels = NULL;
  const char *const *linked;
  AcqDpExample example = { 0 };
  guint position;
  double pages;
  int max_pages = ACQ_DP_MAX_EXAMPLE_PAGES;

  if (self->sheet == NULL)
    return;
  period = acq_text_french_period (acq_sheet_get_period_from (self->sheet),
                                   acq_sheet_get_period_to (self->sheet));
  example.number = 1;
  /* the line naming the activité-type or bloc, as the dossier prints it above the title */
  position = bloc_position (self, acq_sheet_get_bloc_uuid (self->sheet));
  if (position > 0)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, position - 1);

      unit = acq_dossier_unit_heading (self->fiche->abrege_code, self->fiche->title,
                                       bloc->position, bloc->title);
    }
  example.unit = unit;
  example.title = acq_sheet_get_title (self->sheet);
  example.organisation = acq_sheet_get_organisation (self->sheet);
  example.department = acq_sheet_get_department (self->sheet);
  example.period = period;
  /* the dossier prints the competences' labels: the estimate lays out the same words */
  linked = acq_sheet_get_competences (self->sheet);
  labels = g_ptr_array_new ();
  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      const char *label = competence_label (self, linked[i], NULL, NULL);
      if (label != NULL)
        g_ptr_array_add (labels, (gpointer) label);
    }
  g_ptr_array_add (labels, NULL);
  example.competences = (const char *const *) labels->pdata;
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    example.rubrics[i] = acq_sheet_get_rubric (self->sheet, i);
  pages = acq_dp_layout_measure_example (self->layout, &example);

  /* TRANSLATORS: the length of an example in pages of the dossier, and the limit */
  text = g_strdup_printf (_("About %.1f of %d pages in the dossier"), pages, max_pages);
  gtk_label_set_text (self->pages_label, text);
  /* over the limit the estimate is red, at full strength: dimmed red is unreadable in dark */
  if (pages > max_pages)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pages_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->pages_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->pages_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->pages_label), "dim-label");
    }
}

static gboolean
measure_timeout_cb (gpointer data)
{
  AcqSheetEditor *self = data;

  self->measure_id = 0;
  measure (self);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_rubric_view_refresh_anchors (self->rubric_views[i]);
  return G_SOURCE_REMOVE;
}

static void
changed (AcqSheetEditor *self)
{
  if (self->loading || self->sheet == NULL)
    return;
  acq_autosave_changed (self->autosave);
  g_clear_handle_id (&self->measure_id, g_source_remove);
  self->measure_id = g_timeout_add (MEASURE_DELAY_MS, measure_timeout_cb, self);
}

/* From the fields to the sheet */

static void
on_entry_row_changed_cb (AcqSheetEditor *self, GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->loading || self->sheet == NULL)
    return;
  if (editable == GTK_EDITABLE (self->title_row))
    acq_sheet_set_title (self->sheet, text);
  else if (editable == GTK_EDITABLE (self->organisation_row))
    acq_sheet_set_organisation (self->sheet, text);
  else if (editable == GTK_EDITABLE (self->department_row))
    acq_sheet_set_department (self->sheet, text);
  changed (self);
}

static void
on_rubric_changed_cb (AcqSheetEditor *self, AcqRubricView *view)
{
  g_autofree char *text = NULL;

  if (self->loading || self->sheet == NULL)
    return;
  text = acq_rubric_view_dup_text (view);
  acq_sheet_set_rubric (self->sheet, acq_rubric_view_get_rubric (view), text);
  changed (self);
}

static const AcqBlocDef *
selected_bloc (AcqSheetEditor *self)
{
  guint position = adw_combo_row_get_selected (self->bloc_row);

  if (self->fiche == NULL || position == 0 || position > self->fiche->blocs->len)
    return NULL;
  return g_ptr_array_index (self->fiche->blocs, position - 1);
}

static void rebuild_competences (AcqSheetEditor *self);

static void
on_bloc_row_selected_changed_cb (AcqSheetEditor *self)
{
  const AcqBlocDef *bloc = selected_bloc (self);

  if (self->loading || self->sheet == NULL)
    return;
  acq_sheet_set_bloc_uuid (self->sheet, bloc ? bloc->uuid : NULL);
  rebuild_competences (self);
  changed (self);
}

static void
on_kind_row_selected_changed_cb (AcqSheetEditor *self)
{
  if (self->loading || self->sheet == NULL)
    return;
  acq_sheet_set_kind (self->sheet, adw_combo_row_get_selected (self->kind_row));
  changed (self);
}

/* A period "du" after "au" cannot be stored: the sheet refuses it, and the message says why. */
static void
set_period (AcqSheetEditor *self, const char *from, const char *to)
{
  const char *old_from = acq_sheet_get_period_from (self->sheet);
  const char *old_to = acq_sheet_get_period_to (self->sheet);

  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      acq_toast_show (GTK_WIDGET (self), _("The end of the period comes before its start. Choose another "
                            "date; nothing was changed."));
      load_fields (self);
      return;
    }
  if (g_strcmp0 (old_from, from) == 0 && g_strcmp0 (old_to, to) == 0)
    return;
  acq_sheet_set_period_from (self->sheet, from);
  acq_sheet_set_period_to (self->sheet, to);
  load_fields (self);
  changed (self);
}

static void
on_from_button_date_chosen_cb (AcqSheetEditor *self, const char *iso)
{
  if (self->sheet != NULL)
    set_period (self, iso, acq_sheet_get_period_to (self->sheet));
}

static void
on_to_button_date_chosen_cb (AcqSheetEditor *self, const char *iso)
{
  if (self->sheet != NULL)
    set_period (self, acq_sheet_get_period_from (self->sheet), iso);
}

static void
on_ongoing_check_toggled_cb (AcqSheetEditor *self)
{
  g_autofree char *today = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (self->loading || self->sheet == NULL)
    return;
  if (gtk_check_button_get_active (self->ongoing_check))
    {
      set_period (self, acq_sheet_get_period_from (self->sheet), NULL);
      return;
    }
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  set_period (self, acq_sheet_get_period_from (self->sheet), today);
}

/* Competences: chips to remove, a list to add */

static const char *
competence_label (AcqSheetEditor *self, const char *uuid, const AcqBlocDef **out_bloc,
                  int *out_position)
{
  for (guint b = 0; self->fiche != NULL && b < self->fiche->blocs->len; b++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, b);

      for (guint c = 0; bloc->competence_uuids && c < bloc->competence_uuids->len; c++)
        if (g_strcmp0 (g_ptr_array_index (bloc->competence_uuids, c), uuid) == 0)
          {
            if (out_bloc != NULL)
              *out_bloc = bloc;
            if (out_position != NULL)
              *out_position = (int) c + 1;
            return g_ptr_array_index (bloc->competences, c);
          }
    }
  return NULL;
}

/* "C1.4 · wording": the code the grid and the map show, and the words the dossier prints */
static char *
dup_competence_title (AcqSheetEditor *self, const char *uuid)
{
  const AcqBlocDef *bloc = NULL;
  int position = 0;
  const char *label = competence_label (self, uuid, &bloc, &position);
  g_autofree char *code = NULL;

  if (label == NULL)
    return g_strdup (_("Unknown competence"));
  code = acq_competence_dup_code (bloc->position, position);
  return g_strdup_printf ("%s · %s", code, label);
}

static void
on_chip_clicked_cb (AcqSheetEditor *self, GtkButton *chip)
{
  const char *uuid = g_object_get_data (G_OBJECT (chip), "competence-uuid");

  acq_sheet_remove_competence (self->sheet, uuid);
  rebuild_competences (self);
  changed (self);
}

/* An icon that repeats what its button's name says: hidden from screen readers. */
static GtkWidget *
decorative_icon (const char *icon_name)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return image;
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
make_chip (AcqSheetEditor *self, const char *uuid, const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = wrapped_label (label);
  g_autofree char *name = g_strdup_printf (_("Unlink “%s”"), label);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), decorative_icon ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "competence-chip");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "competence-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

static void
on_competence_choice_clicked_cb (AcqSheetEditor *self, GtkButton *button)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "competence-uuid");

  gtk_menu_button_popdown (self->add_competence_button);
  acq_sheet_add_competence (self->sheet, uuid);
  rebuild_competences (self);
  changed (self);
}

static void
add_choice (AcqSheetEditor *self, const AcqBlocDef *bloc, guint index)
{
  const char *uuid = g_ptr_array_index (bloc->competence_uuids, index);
  const char *label = g_ptr_array_index (bloc->competences, index);
  g_autofree char *text = dup_competence_title (self, uuid);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = wrapped_label (text);

  gtk_label_set_max_width_chars (GTK_LABEL (child), 50);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "competence-uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_competence_choice_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->competence_choices, button);
}

static void
clear_container (GtkWidget *container, void (*remove) (GtkWidget *, GtkWidget *))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    remove (container, child);
}

static void
flow_box_remove (GtkWidget *box, GtkWidget *child)
{
  gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
}

static void
box_remove (GtkWidget *box, GtkWidget *child)
{
  gtk_box_remove (GTK_BOX (box), child);
}

/* The guidance's questions for each linked competence, to help remember a real situation;
 * folded under the chips until asked for. */
static void
rebuild_questions (AcqSheetEditor *self)
{
  const char *const *linked = acq_sheet_get_competences (self->sheet);
  gboolean any = FALSE;

  clear_container (GTK_WIDGET (self->questions_box), box_remove);
  for (guint i = 0; self->guidance != NULL && linked != NULL && linked[i] != NULL; i++)
    {
      const AcqBlocDef *bloc = NULL;
      int position = 0;
      const char *const *questions = NULL;
      g_autofree char *title = NULL;
      g_autoptr (GString) bullets = g_string_new (NULL);
      GtkWidget *heading, *text;

      if (competence_label (self, linked[i], &bloc, &position) != NULL)
        questions = acq_guidance_get_competence_questions (self->guidance, bloc->code, position);
      if (questions == NULL || questions[0] == NULL)
        continue;
      for (guint q = 0; questions[q] != NULL; q++)
        g_string_append_printf (bullets, "%s• %s", q > 0 ? "\n" : "", questions[q]);
      title = dup_competence_title (self, linked[i]);
      heading = wrapped_label (title);
      text = wrapped_label (bullets->str);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (self->questions_box, heading);
      gtk_box_append (self->questions_box, text);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->questions_expander), any);
}

/* The chips show what is linked; the list offers the competences of the sheet's bloc (or of
 * every bloc while none is chosen) that are not linked yet. */
static void
rebuild_competences (AcqSheetEditor *self)
{
  const char *const *linked = acq_sheet_get_competences (self->sheet);
  const AcqBlocDef *only = selected_bloc (self);
  guint offered = 0;

  clear_container (GTK_WIDGET (self->chips_box), flow_box_remove);
  clear_container (GTK_WIDGET (self->competence_choices), box_remove);
  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      g_autofree char *title = dup_competence_title (self, linked[i]);
      gtk_flow_box_append (self->chips_box, make_chip (self, linked[i], title));
    }
  rebuild_questions (self);
  for (guint b = 0; self->fiche != NULL && b < self->fiche->blocs->len; b++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, b);

      if (only != NULL && bloc != only)
        continue;
      for (guint c = 0; bloc->competence_uuids && c < bloc->competence_uuids->len; c++)
        if (!acq_sheet_has_competence (self->sheet, g_ptr_array_index (bloc->competence_uuids, c)))
          {
            add_choice (self, bloc, c);
            offered++;
          }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_competence_label),
                          linked == NULL || linked[0] == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_competence_button), offered > 0);
}

/* From the sheet to the fields */

static void
fill_bloc_choices (AcqSheetEditor *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not chosen yet"));
  for (guint b = 0; self->fiche != NULL && b < self->fiche->blocs->len; b++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (self->fiche->blocs, b);
      g_autofree char *label = g_strdup_printf (_("Bloc %d — %s"), bloc->position, bloc->title);
      gtk_string_list_append (model, label);
    }
  adw_combo_row_set_model (self->bloc_row, G_LIST_MODEL (model));
}

static guint
bloc_position (AcqSheetEditor *self, const char *bloc_uuid)
{
  for (guint b = 0; bloc_uuid != NULL && self->fiche != NULL && b < self->fiche->blocs->len; b++)
    if (g_strcmp0 (((AcqBlocDef *) g_ptr_array_index (self->fiche->blocs, b))->uuid,
                   bloc_uuid) == 0)
      return b + 1;
  return 0;
}

/* A sheet edited while it waits for a review: the reader will see the new text. */
static void
edited_update (AcqSheetEditor *self)
{
  g_autoptr (GError) error = NULL;
  gboolean edited = FALSE;

  if (self->sheet != NULL &&
      !acq_review_edited_since_request (acq_sheet_list_get_store (self->list), self->sheet,
                                        &edited, &error))
    g_warning ("Could not compare the sheet with the one sent for review: %s", error->message);
  gtk_label_set_text (self->edited_label,
                      self->role == ACQ_ROLE_COACH
                        ? _("The candidate changed this sheet after asking for a review: you "
                            "will read the new text. Changes Since the Last Review shows it.")
                        : _("You changed this sheet after asking for a review: your coach will "
                            "read the new text."));
  gtk_widget_set_visible (GTK_WIDGET (self->edited_label), edited);
}

/* The accompagnatrice's remark on the whole sheet, from her last decision, while it stands */
static void
remark_update (AcqSheetEditor *self)
{
  AcqReviewState state = acq_sheet_get_review_state (self->sheet);
  g_autoptr (AcqSheetVersion) last = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (state == ACQ_REVIEW_STATE_CHANGES_REQUESTED || state == ACQ_REVIEW_STATE_VALIDATED)
    last = acq_review_get_last_reviewed (acq_sheet_list_get_store (self->list),
                                         acq_sheet_get_uuid (self->sheet), &error);
  if (error != NULL)
    g_warning ("Could not read the last review: %s", error->message);
  if (last != NULL && last->remark != NULL && *last->remark != '\0')
    /* TRANSLATORS: the accompagnatrice's remark on a whole sheet, with her decision */
    text = g_strdup_printf (_("Remark of the accompagnatrice: %s"), last->remark);
  gtk_label_set_text (self->remark_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->remark_label), text != NULL);
}

static void
load_state (AcqSheetEditor *self)
{
  AcqReviewState state = acq_sheet_get_review_state (self->sheet);
  static const char *const classes[] = { "draft", "to-review", "changes-requested", "validated" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), classes[state]);
  gtk_label_set_text (self->state_label, acq_review_state_label (state));
  gtk_widget_set_visible (GTK_WIDGET (self->returned_label),
                          acq_sheet_get_returned_to_draft (self->sheet));
  remark_update (self);
  edited_update (self);
  actions_update (self);
}

/* Only a different text is set: the same one would move the cursor of a row being typed in. */
static void
set_row_text (AdwEntryRow *row, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
load_fields (AcqSheetEditor *self)
{
  AcqSheet *sheet = self->sheet;
  const char *from, *to;

  if (sheet == NULL)
    return;
  self->loading = TRUE;
  set_row_text (self->title_row, acq_sheet_get_title (sheet));
  set_row_text (self->organisation_row, acq_sheet_get_organisation (sheet));
  set_row_text (self->department_row, acq_sheet_get_department (sheet));
  adw_combo_row_set_selected (self->bloc_row,
                              bloc_position (self, acq_sheet_get_bloc_uuid (sheet)));
  adw_combo_row_set_selected (self->kind_row, acq_sheet_get_kind (sheet));
  from = acq_sheet_get_period_from (sheet);
  to = acq_sheet_get_period_to (sheet);
  acq_date_button_set_date (self->from_button, from);
  acq_date_button_set_date (self->to_button, to);
  gtk_check_button_set_active (self->ongoing_check, to == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_button), to != NULL);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_rubric_view_set_text (self->rubric_views[i], acq_sheet_get_rubric (sheet, i));
  rebuild_competences (self);
  load_state (self);
  self->loading = FALSE;
}

static void
ensure_referential (AcqSheetEditor *self)
{
  AcqStore *store = acq_sheet_list_get_store (self->list);
  AcqCandidate *candidate = acq_sheet_list_get_candidate (self->list);
  g_autoptr (GError) error = NULL;

  if (self->fiche != NULL &&
      g_strcmp0 (self->fiche->uuid, acq_candidate_get_certification_uuid (candidate)) == 0)
    return;
  g_clear_pointer (&self->fiche, acq_fiche_free);
  g_clear_pointer (&self->guidance, acq_guidance_unref);
  self->fiche = acq_referential_load_uuid (store, acq_candidate_get_certification_uuid (candidate),
                                           &error);
  if (self->fiche == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  self->guidance = acq_guidance_load (self->fiche ? self->fiche->number : "", NULL);
  if (self->guidance == NULL)
    self->guidance = acq_guidance_new_generic ();
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_rubric_view_set_guidance (self->rubric_views[i], self->guidance);
  self->loading = TRUE;
  fill_bloc_choices (self);
  self->loading = FALSE;
}

/* A text field whose value came from the store: what the user types is in the sheet already,
 * so only a value from elsewhere differs from the widget. */
static gboolean
show_text (AcqSheetEditor *self, const char *name)
{
  AdwEntryRow *rows[] = { self->title_row, self->organisation_row, self->department_row };
  const char *values[] = { acq_sheet_get_title (self->sheet),
                           acq_sheet_get_organisation (self->sheet),
                           acq_sheet_get_department (self->sheet) };
  const char *names[] = { "title", "organisation", "department" };

  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    if (g_strcmp0 (name, acq_rubric_property (i)) == 0)
      {
        acq_rubric_view_set_text (self->rubric_views[i], acq_sheet_get_rubric (self->sheet, i));
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        set_row_text (rows[i], values[i]);
        return TRUE;
      }
  return FALSE;
}

/* The sheet changed under the editor: read again after another process or window stored it
 * (acq_sheet_list_refresh(), or the merge of a save), or set by the editor itself. */
static void
on_sheet_notify_cb (AcqSheetEditor *self, GParamSpec *pspec)
{
  static const char *const fields[] = { "kind", "bloc-uuid", "period-from", "period-to",
                                        "competences", NULL };

  if (g_strcmp0 (pspec->name, "revision") == 0)
    {
      edited_update (self);
      return;
    }
  if (g_strcmp0 (pspec->name, "review-state") == 0 ||
      g_strcmp0 (pspec->name, "returned-to-draft") == 0)
    {
      load_state (self);
      return;
    }
  if (self->loading)
    return;
  if (g_strv_contains (fields, pspec->name))
    load_fields (self);
  else
    {
      gboolean shown;

      self->loading = TRUE;
      shown = show_text (self, pspec->name);
      self->loading = FALSE;
      if (!shown)
        return;
    }
  g_clear_handle_id (&self->measure_id, g_source_remove);
  self->measure_id = g_timeout_add (MEASURE_DELAY_MS, measure_timeout_cb, self);
}

/**
 * acq_sheet_editor_set_sheet:
 * @self: the editor
 * @list: (nullable): the candidate's sheets
 * @sheet: (nullable): the sheet to edit, one of @list
 *
 * Saves what the previous sheet was waiting for, then shows @sheet.
 */
void
acq_sheet_editor_set_sheet (AcqSheetEditor *self, AcqSheetList *list, AcqSheet *sheet)
{
  g_return_if_fail (ACQ_IS_SHEET_EDITOR (self));

  acq_autosave_flush (self->autosave);
  g_clear_handle_id (&self->measure_id, g_source_remove);
  if (self->sheet != NULL)
    g_clear_signal_handler (&self->notify_id, self->sheet);
  g_set_object (&self->list, list);
  g_set_object (&self->sheet, sheet);
  if (sheet == NULL)
    return;
  self->notify_id = g_signal_connect_object (sheet, "notify", G_CALLBACK (on_sheet_notify_cb),
                                             self, G_CONNECT_SWAPPED);
  ensure_referential (self);
  /* the certification's words and people's names are never underlined as misspelt */
  acq_spell_text_learn (acq_sheet_list_get_store (list),
                        acq_candidate_get_certification_uuid (acq_sheet_list_get_candidate (list)));
  /* nor the organisation and the department where it happened (a town, a firm's name), which
   * are no person's name either */
  acq_spell_text_learn_words (acq_sheet_get_organisation (sheet));
  acq_spell_text_learn_words (acq_sheet_get_department (sheet));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_rubric_view_set_sheet (self->rubric_views[i], list, sheet);
  load_fields (self);
  acq_sheet_documents_set_sheet (self->documents, list, sheet);
  measure (self);
}

AcqSheet *
acq_sheet_editor_get_sheet (AcqSheetEditor *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET_EDITOR (self), NULL);
  return self->sheet;
}

/* Review */

static void
actions_update (AcqSheetEditor *self)
{
  AcqRole role = self->role;
  AcqReviewState state = self->sheet ? acq_sheet_get_review_state (self->sheet)
                                     : ACQ_REVIEW_STATE_DRAFT;
  gboolean can_validate = self->sheet && acq_review_can_validate (self->sheet, role);
  gboolean can_decide = self->sheet && acq_review_can_decide (self->sheet, role);
  /* after asking for changes, the coach's next step is to validate, not to ask herself */
  gboolean can_request = self->sheet && acq_review_can_request (self->sheet) &&
                         !(role == ACQ_ROLE_COACH && state == ACQ_REVIEW_STATE_CHANGES_REQUESTED);

  /* only what can be done now is shown: the buttons are the next step, not a menu */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.request-review", can_request);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.ask-changes", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.validate", can_validate);
  gtk_widget_set_visible (GTK_WIDGET (self->request_button), can_request);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_button), can_decide);
  gtk_widget_set_visible (GTK_WIDGET (self->validate_button), can_validate);
  gtk_widget_set_visible (GTK_WIDGET (self->remark_entry), can_decide || can_validate);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_button), self->sheet != NULL);
}

/* A decision stays undoable for the toast's time, while nothing changed since. */
typedef struct
{
  GWeakRef           editor;
  AcqSheetList      *list;
  AcqSheet          *sheet;
  AcqReviewDecision *decision;
} Decided;

static void
decided_free (gpointer data)
{
  Decided *decided = data;

  g_weak_ref_clear (&decided->editor);
  g_object_unref (decided->list);
  g_object_unref (decided->sheet);
  acq_review_decision_free (decided->decision);
  g_free (decided);
}

static void
undo_decision (gpointer data)
{
  Decided *decided = data;
  g_autoptr (AcqSheetEditor) editor = g_weak_ref_get (&decided->editor);
  g_autoptr (GError) error = NULL;

  if (editor != NULL && editor->sheet == decided->sheet)
    acq_autosave_flush (editor->autosave);
  if (acq_review_undo_decision (decided->list, decided->sheet, decided->decision, &error))
    return;
  if (editor != NULL && gtk_widget_get_root (GTK_WIDGET (editor)) != NULL)
    acq_toast_show (GTK_WIDGET (editor), error->message);
  else
    g_warning ("Could not undo a review decision: %s", error->message);
}

static void
decide (AcqSheetEditor *self, AcqReviewState decision)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqReviewDecision) done = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  Decided *decided;

  acq_autosave_flush (self->autosave);
  if (!acq_review_decide_full (self->list, self->sheet, self->role, decision,
                               gtk_editable_get_text (GTK_EDITABLE (self->remark_entry)), &done,
                               &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      load_state (self);
      return;
    }
  decided = g_new0 (Decided, 1);
  g_weak_ref_init (&decided->editor, self);
  decided->list = g_object_ref (self->list);
  decided->sheet = g_object_ref (self->sheet);
  decided->decision = g_steal_pointer (&done);
  title = acq_sheet_dup_display_title (self->sheet);
  message = decision == ACQ_REVIEW_STATE_VALIDATED
              ? g_strdup_printf (_("Sheet “%s” validated"), title)
              : g_strdup_printf (_("Changes requested on “%s”"), title);
  acq_undo_toast_show (GTK_WIDGET (self), message, 10, undo_decision, NULL, decided,
                       decided_free);
  /* the remark went with the decision; it now shows under the state */
  gtk_editable_set_text (GTK_EDITABLE (self->remark_entry), "");
  load_state (self);
}

static void
on_validate_response_cb (AdwMessageDialog *dialog, const char *response, AcqSheetEditor *self)
{
  if (g_strcmp0 (response, "validate") == 0 && self->sheet != NULL)
    decide (self, ACQ_REVIEW_STATE_VALIDATED);
  g_object_unref (self);
}

/* Open comments are questions still waiting: validating over them is asked first. */
static void
validate (AcqSheetEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  guint open = 0;
  AdwMessageDialog *dialog;

  if (!acq_comment_count_unresolved (acq_sheet_list_get_store (self->list),
                                     acq_sheet_get_uuid (self->sheet), &open, &error))
    g_warning ("Could not count the open comments: %s", error->message);
  if (open == 0)
    {
      decide (self, ACQ_REVIEW_STATE_VALIDATED);
      return;
    }
  body = g_strdup_printf (ngettext ("This sheet still has %u open comment. Validate it anyway?",
                                       "This sheet still has %u open comments. Validate it "
                                       "anyway?", open), open);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Validate With Open Comments?"),
    body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "validate", _("_Validate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "validate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_validate_response_cb),
                    g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->sheet == NULL)
    return;
  acq_autosave_flush (self->autosave);
  if (g_strcmp0 (action, "sheet.validate") == 0)
    validate (self);
  else if (g_strcmp0 (action, "sheet.ask-changes") == 0)
    decide (self, ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  else
    {
      /* the coach reads whole sheets: what is missing is said now, not found by her */
      if (!acq_review_check_ready (self->sheet, &error) ||
          !acq_review_request (self->list, self->sheet, self->role, &error))
        acq_toast_show (GTK_WIDGET (self), error->message);
      else if (self->role == ACQ_ROLE_CANDIDATE)
        /* offline, the request travels with the dossier: the next step is to send it */
        acq_action_toast_show (GTK_WIDGET (self),
                               _("Review requested. Your accompagnatrice will see it once you "
                                 "send her the dossier (Ctrl+E)."),
                               _("_Send Dossier"), "win.send-package");
      load_state (self);
    }
}

static void
show_changes_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (widget);

  acq_autosave_flush (self->autosave);
  acq_changes_window_show (GTK_WINDOW (gtk_widget_get_root (widget)), self->list, self->sheet);
}

static void
people_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (widget);

  /* the window reads the sheets as stored: what was typed goes first */
  acq_autosave_flush (self->autosave);
  acq_people_window_show (GTK_WINDOW (gtk_widget_get_root (widget)), self->list);
}

/* Deleting a sheet: gone from the list at once, back with Undo, erased when the toast ends. */
typedef struct
{
  AcqSheetList *list;
  AcqSheet     *sheet;
} DeletedSheet;

static void
deleted_sheet_free (gpointer data)
{
  DeletedSheet *deleted = data;

  g_object_unref (deleted->list);
  g_object_unref (deleted->sheet);
  g_free (deleted);
}

static void
undo_delete_sheet (gpointer data)
{
  DeletedSheet *deleted = data;
  g_autoptr (GError) error = NULL;

  if (!acq_sheet_list_undelete (deleted->list, deleted->sheet, &error))
    g_warning ("Could not bring a sheet back: %s", error->message);
}

static void
finish_delete_sheet (gpointer data)
{
  DeletedSheet *deleted = data;
  g_autoptr (GError) error = NULL;

  if (!acq_sheet_list_purge (deleted->list, deleted->sheet, &error))
    g_warning ("Could not erase a deleted sheet: %s", error->message);
}

static void
delete_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  DeletedSheet *deleted;

  if (self->sheet == NULL)
    return;
  acq_autosave_flush (self->autosave);
  if (!acq_sheet_list_delete (self->list, self->sheet, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  deleted = g_new0 (DeletedSheet, 1);
  deleted->list = g_object_ref (self->list);
  deleted->sheet = g_object_ref (self->sheet);
  title = acq_sheet_dup_display_title (self->sheet);
  message = g_strdup_printf (_("Sheet “%s” deleted"), title);
  acq_undo_toast_show (widget, message, 10, undo_delete_sheet, finish_delete_sheet, deleted,
                       deleted_sheet_free);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

/* Set-up */

static void
fill_kinds (AcqSheetEditor *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < ACQ_N_SHEET_KINDS; i++)
    gtk_string_list_append (model, acq_sheet_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (model));
}

static void
acq_sheet_editor_dispose (GObject *object)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (object);

  if (self->autosave != NULL)
    acq_autosave_flush (self->autosave);
  g_clear_pointer (&self->autosave, acq_autosave_free);
  g_clear_handle_id (&self->measure_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_SHEET_EDITOR);
  g_clear_object (&self->sheet);
  g_clear_object (&self->list);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->fiche, acq_fiche_free);
  g_clear_pointer (&self->guidance, acq_guidance_unref);
  G_OBJECT_CLASS (acq_sheet_editor_parent_class)->dispose (object);
}

static void
acq_sheet_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (object);

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
acq_sheet_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  AcqSheetEditor *self = ACQ_SHEET_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      if (self->role == (AcqRole) g_value_get_enum (value))
        break;
      self->role = g_value_get_enum (value);
      /* who may validate changes with the role chosen in the main menu */
      actions_update (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_sheet_editor_class_init (AcqSheetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_sheet_editor_dispose;
  object_class->get_property = acq_sheet_editor_get_property;
  object_class->set_property = acq_sheet_editor_set_property;

  /**
   * AcqSheetEditor:role:
   *
   * Who uses Acquis: whether the sheet may be sent for review or validated here; bound down
   * to the rubric views, where it signs the comments.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_CANDIDATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACQ_TYPE_DATE_BUTTON);
  g_type_ensure (ACQ_TYPE_RUBRIC_VIEW);
  g_type_ensure (ACQ_TYPE_SHEET_DOCUMENTS);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-sheet-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, add_competence_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, bloc_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, changes_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, chips_box);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, competence_choices);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, diff_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, documents);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, from_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, no_competence_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, ongoing_check);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, pages_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, questions_box);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, questions_expander);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, remark_entry);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, remark_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, returned_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, edited_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, request_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, rubrics_box);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, to_button);
  gtk_widget_class_bind_template_child (widget_class, AcqSheetEditor, validate_button);
  gtk_widget_class_bind_template_callback (widget_class, on_bloc_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_button_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ongoing_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_button_date_chosen_cb);

  gtk_widget_class_install_action (widget_class, "sheet.request-review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "sheet.ask-changes", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "sheet.validate", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "sheet.show-changes", NULL,
                                   show_changes_action);
  gtk_widget_class_install_action (widget_class, "sheet.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sheet.people", NULL, people_action);

  /**
   * AcqSheetEditor::closed:
   *
   * The sheet is gone (deleted, with an undo offered): the editor should be left.
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
acq_sheet_editor_init (AcqSheetEditor *self)
{
  AdwEntryRow *rows[] = { NULL, NULL, NULL };

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = acq_autosave_new (save_cb, self);
  self->layout = acq_dp_layout_new ();
  fill_kinds (self);

  rows[0] = self->title_row;
  rows[1] = self->organisation_row;
  rows[2] = self->department_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_entry_row_changed_cb), self,
                             G_CONNECT_SWAPPED);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      self->rubric_views[i] = acq_rubric_view_new (i);
      g_signal_connect_object (self->rubric_views[i], "changed",
                               G_CALLBACK (on_rubric_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->rubrics_box, GTK_WIDGET (self->rubric_views[i]));
      g_object_bind_property (self, "role", self->rubric_views[i], "role", G_BINDING_SYNC_CREATE);
    }
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  self->loading = FALSE;
}
