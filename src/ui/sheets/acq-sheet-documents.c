/* acq-sheet-documents.c — the documents that illustrate an example: added, opened, removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-sheet-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-attachment.h"
#include "acq-document-open.h"
#include "acq-toast.h"
#include "acq-sheet-documents.h"

/* Built in code: a group whose rows come from the store. */
struct _AcqSheetDocuments
{
  AdwPreferencesGroup parent_instance;

  GtkListBox   *documents_list;
  AcqSheetList *list;
  AcqSheet     *sheet;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (AcqSheetDocuments, acq_sheet_documents, ADW_TYPE_PREFERENCES_GROUP)

static void load_documents (AcqSheetDocuments *self);


/* A read-only copy, so that the stored one the dossier is made from never changes. */
static void
on_open_document_clicked_cb (AcqSheetDocuments *self, GtkButton *button)
{
  AcqAttachment *attachment = g_object_get_data (G_OBJECT (button), "document");
  AcqStore *store = acq_sheet_list_get_store (self->list);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) stored = acq_attachment_get_file (store, attachment, &error);
  g_autofree char *path = NULL;

  if (stored == NULL)
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  path = g_file_get_path (stored);
  acq_document_open_copy (GTK_WIDGET (self), store, path, attachment->file_name,
                          acq_sheet_get_candidate_uuid (self->sheet));
}

static void
on_remove_response_cb (AdwMessageDialog *dialog, const char *response, AcqSheetDocuments *self)
{
  AcqAttachment *attachment = g_object_get_data (G_OBJECT (dialog), "attachment");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!acq_attachment_remove (acq_sheet_list_get_store (self->list), attachment, &error))
    acq_toast_show (GTK_WIDGET (self), error->message);
  load_documents (self);
}

/* Removing a document asks first: the copy Acquis kept goes with it. */
static void
on_remove_document_clicked_cb (AcqSheetDocuments *self, GtkButton *button)
{
  AcqAttachment *attachment = g_object_get_data (G_OBJECT (button), "document");
  g_autofree char *body = g_strdup_printf (_("“%s” will no longer be part of the dossier. Your "
                                             "own file stays where it is."),
                                           attachment->file_name);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            _("Remove This Document?"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "attachment", acq_attachment_copy (attachment),
                          (GDestroyNotify) acq_attachment_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dossier lists an annex the referential asks for apart from the documents that
 * illustrate the practice. */
static void
on_annex_toggled_cb (AcqSheetDocuments *self, GtkCheckButton *check)
{
  AcqAttachment *attachment = g_object_get_data (G_OBJECT (check), "document");
  g_autoptr (GError) error = NULL;

  attachment->annex = gtk_check_button_get_active (check);
  if (!acq_attachment_set_annex (acq_sheet_list_get_store (self->list), attachment->uuid,
                                 attachment->annex, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      load_documents (self);
    }
}

static GtkWidget *
annex_check (AcqSheetDocuments *self, AcqAttachment *attachment)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("A_nnex"));
  /* TRANSLATORS: %s is a file name */
  g_autofree char *name = g_strdup_printf (_("“%s” is an annex the referential asks for"),
                                           attachment->file_name);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), attachment->annex);
  gtk_widget_set_tooltip_text (check, _("An annex the referential asks for: the dossier lists "
                                        "it apart from the documents that illustrate the "
                                        "practice"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "document", acq_attachment_copy (attachment),
                          (GDestroyNotify) acq_attachment_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_annex_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  return check;
}

static GtkWidget *
document_button (AcqSheetDocuments *self, AcqAttachment *attachment, const char *icon,
                 const char *format, GCallback callback)
{
  return acq_document_button_new (icon, format, attachment->file_name, callback, self,
                                  acq_attachment_copy (attachment),
                                  (GDestroyNotify) acq_attachment_free);
}

static void
load_documents (AcqSheetDocuments *self)
{
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  if (self->sheet != NULL)
    attachments = acq_attachment_list (acq_sheet_list_get_store (self->list),
                                       acq_sheet_get_uuid (self->sheet), &error);
  if (error != NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      AcqAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autofree char *size = g_format_size (attachment->size);
      /* TRANSLATORS: %s is a file name */
      GtkWidget *open = document_button (self, attachment, "document-open-symbolic",
                                         _("Open “%s”"),
                                         G_CALLBACK (on_open_document_clicked_cb));
      GtkWidget *remove = document_button (self, attachment, "user-trash-symbolic",
                                           _("Remove “%s”"),
                                           G_CALLBACK (on_remove_document_clicked_cb));
      GtkWidget *row = acq_document_row_new (attachment->file_name, size, open, remove);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), annex_check (self, attachment));
      gtk_list_box_append (self->documents_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list),
                          attachments != NULL && attachments->len > 0);
}

static void
on_document_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqSheetDocuments) self = user_data;
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (GError) error = NULL;

  attachment = acq_attachment_add_finish (ACQ_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (attachment == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  load_documents (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser, int response, AcqSheetDocuments *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->sheet != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      acq_attachment_add_async (acq_sheet_list_get_store (self->list),
                                acq_sheet_get_uuid (self->sheet), file, self->cancellable,
                                on_document_added_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
add_document_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqSheetDocuments *self = ACQ_SHEET_DOCUMENTS (widget);
  GtkFileChooserNative *chooser = acq_document_chooser_new (widget, _("Add a Document"), FALSE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * acq_sheet_documents_set_sheet:
 * @self: the group
 * @list: (nullable): the candidate's sheets
 * @sheet: (nullable): the sheet whose documents to show
 */
void
acq_sheet_documents_set_sheet (AcqSheetDocuments *self, AcqSheetList *list, AcqSheet *sheet)
{
  g_return_if_fail (ACQ_IS_SHEET_DOCUMENTS (self));
  g_set_object (&self->list, list);
  g_set_object (&self->sheet, sheet);
  load_documents (self);
}

static void
acq_sheet_documents_dispose (GObject *object)
{
  AcqSheetDocuments *self = ACQ_SHEET_DOCUMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->list);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (acq_sheet_documents_parent_class)->dispose (object);
}

static void
acq_sheet_documents_class_init (AcqSheetDocumentsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = acq_sheet_documents_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "documents.add", NULL,
                                   add_document_action);
}

static void
acq_sheet_documents_init (AcqSheetDocuments *self)
{
  GtkWidget *add = gtk_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Add a Document…"));

  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _("Documents Illustrating the Practice"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _("PDF files or pictures (a leaflet, an anonymised report…) appended to the dossier. Tick "
      "Annex for one the referential asks for: the dossier lists it apart. Acquis keeps its own "
      "copy; your file is not changed."));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), add);
  gtk_button_set_child (GTK_BUTTON (add), label);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "documents.add");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  self->documents_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->documents_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->documents_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->documents_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Documents Illustrating the Practice"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->documents_list));
}
