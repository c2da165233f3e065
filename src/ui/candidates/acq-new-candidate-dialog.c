/* acq-new-candidate-dialog.c — asks the name of a new candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-new-candidate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-candidate.h"
#include "acq-new-candidate-dialog.h"
#include "acq-referential.h"

struct _AcqNewCandidateDialog
{
  AdwWindow    parent_instance;

  /* template children, alphabetical */
  GtkButton   *add_button;
  AdwComboRow *certification_row;
  AdwEntryRow *first_name_row;
  AdwEntryRow *last_name_row;

  GPtrArray   *stored;  /* (element-type AcqFiche): the choices of certification_row */
};

G_DEFINE_FINAL_TYPE (AcqNewCandidateDialog, acq_new_candidate_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * acq_new_candidate_dialog_new:
 * @parent: the main window
 * @store: the store, whose certifications are offered (the one Acquis ships first chosen)
 *
 * Returns: (transfer none): the dialog, not shown
 */
AcqNewCandidateDialog *
acq_new_candidate_dialog_new (GtkWindow *parent, AcqStore *store)
{
  AcqNewCandidateDialog *self = g_object_new (ACQ_TYPE_NEW_CANDIDATE_DIALOG,
                                              "transient-for", parent, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;

  if (acq_referential_ensure_default (store, &error))
    self->stored = acq_referential_list_stored (store, &error);
  if (self->stored == NULL)
    {
      g_warning ("%s", error->message);
      self->stored = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->stored->len; i++)
    {
      const AcqFiche *fiche = g_ptr_array_index (self->stored, i);
      g_autofree char *name = acq_fiche_dup_name (fiche);

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->certification_row, G_LIST_MODEL (names));
  for (guint i = 0; i < self->stored->len; i++)
    if (g_strcmp0 (((AcqFiche *) g_ptr_array_index (self->stored, i))->number,
                   ACQ_REFERENTIAL_DEFAULT_FICHE) == 0)
      adw_combo_row_set_selected (self->certification_row, i);
  gtk_widget_set_visible (GTK_WIDGET (self->certification_row), self->stored->len > 0);
  return self;
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_name_row_changed_cb (AcqNewCandidateDialog *self)
{
  g_autofree char *first = stripped_text (self->first_name_row);
  g_autofree char *last = stripped_text (self->last_name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *first != '\0' || *last != '\0');
}

static void
on_add_button_clicked_cb (AcqNewCandidateDialog *self)
{
  g_autofree char *first = stripped_text (self->first_name_row);
  g_autofree char *last = stripped_text (self->last_name_row);

  guint position = adw_combo_row_get_selected (self->certification_row);
  const char *number = ACQ_REFERENTIAL_DEFAULT_FICHE;

  if (*first == '\0' && *last == '\0')
    return;
  if (position < self->stored->len)
    number = ((AcqFiche *) g_ptr_array_index (self->stored, position))->number;
  g_signal_emit (self, signals[SIGNAL_CREATE], 0, first, last, number);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
acq_new_candidate_dialog_dispose (GObject *object)
{
  AcqNewCandidateDialog *self = ACQ_NEW_CANDIDATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ACQ_TYPE_NEW_CANDIDATE_DIALOG);
  g_clear_pointer (&self->stored, g_ptr_array_unref);
  G_OBJECT_CLASS (acq_new_candidate_dialog_parent_class)->dispose (object);
}

static void
acq_new_candidate_dialog_class_init (AcqNewCandidateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = acq_new_candidate_dialog_dispose;

  /**
   * AcqNewCandidateDialog::create:
   * @first_name: the first name, trimmed
   * @last_name: the last name, trimmed
   * @number: the RNCP number of the certification chosen
   *
   * The user asked to add this candidate; one of the names at least is not empty.
   */
  signals[SIGNAL_CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/acquis/Acquis/ui/acq-new-candidate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqNewCandidateDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AcqNewCandidateDialog, certification_row);
  gtk_widget_class_bind_template_child (widget_class, AcqNewCandidateDialog, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqNewCandidateDialog, last_name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
acq_new_candidate_dialog_init (AcqNewCandidateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  acq_a11y_hide_decorative_images (GTK_WIDGET (self));
  for (guint i = 0; i < 2; i++)
    {
      AdwEntryRow *row = i == 0 ? self->first_name_row : self->last_name_row;
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
      if (GTK_IS_TEXT (delegate))
        gtk_text_set_max_length (
          GTK_TEXT (delegate),
          (int) acq_candidate_field_info (i == 0 ? ACQ_CANDIDATE_FIRST_NAME
                                                 : ACQ_CANDIDATE_LAST_NAME)->max_chars);
    }
}
