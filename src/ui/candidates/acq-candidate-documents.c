/* acq-candidate-documents.c — a candidate's documents (CV, recevabilité notice, quote…):
 * added, opened, removed with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code, as the sheet's documents are: a group whose rows come from the store. The
 * kind is chosen first, from the header's menu, then the file; the copy is made on a worker
 * (acq_candidate_document_add_async()). Each document says who added it: a candidate's
 * exchange file may only change her own (see the merge), so the row tells them apart.
 */
#define G_LOG_DOMAIN "acq-candidate-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-candidate-document.h"
#include "acq-candidate-documents.h"
#include "acq-document-open.h"
#include "acq-review.h"
#include "acq-toast.h"

struct _AcqCandidateDocuments
{
  AdwPreferencesGroup parent_instance;

  GtkListBox   *documents_list;
  AcqStore     *store;
  AcqCandidate *candidate;
  AcqRole       role;
  GCancellable *cancellable;
  AcqCandidateDocumentKind adding; /* the kind chosen for the file being chosen */
};

G_DEFINE_FINAL_TYPE (AcqCandidateDocuments, acq_candidate_documents,
                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_documents (AcqCandidateDocuments *self);

static AcqCandidateDocument *
button_document (GtkButton *button)
{
  return g_object_get_data (G_OBJECT (button), "document");
}

static void
on_open_clicked_cb (AcqCandidateDocuments *self, GtkButton *button)
{
  AcqCandidateDocument *document = button_document (button);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = acq_candidate_document_get_path (self->store, document, &error);

  if (path == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  else
    acq_document_open_copy (GTK_WIDGET (self), self->store, path, document->file_name,
                            document->candidate_uuid);
}

static void
reload_documents (GtkWidget *widget)
{
  load_documents (ACQ_CANDIDATE_DOCUMENTS (widget));
}

/* Removed at once, with an undo: the row stays marked until the next start. */
static void
on_remove_clicked_cb (AcqCandidateDocuments *self, GtkButton *button)
{
  AcqCandidateDocument *document = button_document (button);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!acq_candidate_document_delete (self->store, document->uuid, &error))
    {
      acq_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  /* TRANSLATORS: %s is a document's title or file name */
  title = g_strdup_printf (_("“%s” removed"), acq_candidate_document_get_display_title (document));
  acq_undelete_toast_show (GTK_WIDGET (self), title, ACQ_CANDIDATE_DOCUMENT_UNDO_SECONDS / 2,
                           self->store, document->uuid, acq_candidate_document_undelete,
                           reload_documents);
  load_documents (self);
}

static GtkWidget *
document_button (AcqCandidateDocuments *self, AcqCandidateDocument *document, const char *icon,
                 const char *format, GCallback callback)
{
  return acq_document_button_new (icon, format,
                                  acq_candidate_document_get_display_title (document), callback,
                                  self, acq_candidate_document_copy (document),
                                  (GDestroyNotify) acq_candidate_document_free);
}

/* "CV · 120 kB · added by the candidate" */
static char *
document_subtitle (AcqCandidateDocument *document)
{
  g_autofree char *size = g_format_size (document->size);

  return g_strdup_printf ("%s · %s · %s", acq_candidate_document_kind_label (document->kind),
                          size, document->author_role == ACQ_ROLE_COACH
                                ? _("added by the accompagnatrice")
                                : _("added by the candidate"));
}

static void
load_documents (AcqCandidateDocuments *self)
{
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, child);
  if (self->candidate != NULL)
    documents = acq_candidate_document_list (self->store,
                                             acq_candidate_get_uuid (self->candidate), &error);
  if (error != NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      AcqCandidateDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *subtitle = document_subtitle (document);
      /* TRANSLATORS: %s is a document's title or file name */
      GtkWidget *open = document_button (self, document, "document-open-symbolic",
                                         _("Open “%s”"), G_CALLBACK (on_open_clicked_cb));
      GtkWidget *remove = document_button (self, document, "user-trash-symbolic",
                                           _("Remove “%s”"), G_CALLBACK (on_remove_clicked_cb));
      GtkWidget *row = acq_document_row_new (acq_candidate_document_get_display_title (document),
                                             subtitle, open, remove);

      gtk_list_box_append (self->documents_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list),
                          documents != NULL && documents->len > 0);
}

static void
on_document_added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AcqCandidateDocuments) self = user_data;
  g_autoptr (AcqCandidateDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = acq_candidate_document_add_finish (ACQ_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    acq_toast_show (GTK_WIDGET (self), error->message);
  load_documents (self);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *chooser, int response,
                             AcqCandidateDocuments *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->candidate != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      acq_candidate_document_add_async (self->store, acq_candidate_get_uuid (self->candidate),
                                        self->adding, self->role, file, self->cancellable,
                                        on_document_added_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
add_document_action (GtkWidget *widget, const char *action, GVariant *param)
{
  AcqCandidateDocuments *self = ACQ_CANDIDATE_DOCUMENTS (widget);
  gint32 kind = g_variant_get_int32 (param);
  g_autofree char *title = NULL;
  GtkFileChooserNative *chooser;

  if (kind < 0 || kind >= ACQ_N_CANDIDATE_DOCUMENT_KINDS)
    return;
  self->adding = kind;
  /* TRANSLATORS: %s is a kind of document: CV, Quote… */
  title = g_strdup_printf (_("Add a Document: %s"), acq_candidate_document_kind_label (kind));
  chooser = acq_document_chooser_new (widget, title, FALSE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * acq_candidate_documents_set_candidate:
 * @self: the group
 * @store: (nullable): the store
 * @candidate: (nullable): whose documents to show
 */
void
acq_candidate_documents_set_candidate (AcqCandidateDocuments *self, AcqStore *store,
                                       AcqCandidate *candidate)
{
  g_return_if_fail (ACQ_IS_CANDIDATE_DOCUMENTS (self));
  g_set_object (&self->store, store);
  if (store == NULL)
    candidate = NULL;
  g_set_object (&self->candidate, candidate);
  load_documents (self);
}

static void
acq_candidate_documents_dispose (GObject *object)
{
  AcqCandidateDocuments *self = ACQ_CANDIDATE_DOCUMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->candidate);
  G_OBJECT_CLASS (acq_candidate_documents_parent_class)->dispose (object);
}

static void
acq_candidate_documents_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  AcqCandidateDocuments *self = ACQ_CANDIDATE_DOCUMENTS (object);

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
acq_candidate_documents_set_property (GObject *object, guint prop_id, const GValue *value,
                                      GParamSpec *pspec)
{
  AcqCandidateDocuments *self = ACQ_CANDIDATE_DOCUMENTS (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      if (self->role != (AcqRole) g_value_get_enum (value))
        {
          self->role = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_candidate_documents_class_init (AcqCandidateDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acq_candidate_documents_dispose;
  object_class->get_property = acq_candidate_documents_get_property;
  object_class->set_property = acq_candidate_documents_set_property;

  /**
   * AcqCandidateDocuments:role:
   *
   * Who adds documents here: each document keeps it, and the exchange's merge with it.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, ACQ_TYPE_ROLE, ACQ_ROLE_CANDIDATE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "candidate-documents.add", "i",
                                   add_document_action);
}

static void
acq_candidate_documents_init (AcqCandidateDocuments *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *add = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Add a Document…"));

  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Documents"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _("The candidate’s CV, the recevabilité notice, the quote, the convocation, the jury’s "
      "report: PDF files or pictures. Acquis keeps its own copy; your file is not changed."));
  for (int kind = 0; kind < ACQ_N_CANDIDATE_DOCUMENT_KINDS; kind++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (acq_candidate_document_kind_label (kind),
                                                    NULL);

      g_menu_item_set_action_and_target_value (item, "candidate-documents.add",
                                               g_variant_new_int32 (kind));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (add), G_MENU_MODEL (menu));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), add);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (add), label);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Document"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);

  self->documents_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->documents_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->documents_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->documents_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->documents_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Documents"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->documents_list));
}
