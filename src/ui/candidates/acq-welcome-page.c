/* acq-welcome-page.c — the candidate's first page: her name, or her accompagnatrice's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A candidate's copy with no dossier yet asks her name (or offers to import the file her
 * accompagnatrice sent, through the window's win.import-package). The page is its own widget,
 * made only when the window shows it: built into the window, its two entry rows were made,
 * styled and measured at every start of every copy, a coach's too, for a page most copies
 * show once. It says "start" with the name typed; the window makes the candidate.
 */
#define G_LOG_DOMAIN "acq-welcome-page"

#include "config.h"

#include "acq-welcome-page.h"

struct _AcqWelcomePage
{
  AdwBin       parent_instance;

  AdwEntryRow *first_name_row;
  AdwEntryRow *last_name_row;
  GtkButton   *start_button;
};

G_DEFINE_FINAL_TYPE (AcqWelcomePage, acq_welcome_page, ADW_TYPE_BIN)

enum
{
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_name_changed_cb (AcqWelcomePage *self)
{
  g_autofree char *first = stripped_text (self->first_name_row);
  g_autofree char *last = stripped_text (self->last_name_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), *first != '\0' || *last != '\0');
}

static void
on_start_cb (AcqWelcomePage *self)
{
  g_autofree char *first = stripped_text (self->first_name_row);
  g_autofree char *last = stripped_text (self->last_name_row);

  if (*first != '\0' || *last != '\0')
    g_signal_emit (self, signals[START], 0, first, last);
}

static void
acq_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACQ_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (acq_welcome_page_parent_class)->dispose (object);
}

static void
acq_welcome_page_class_init (AcqWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_welcome_page_dispose;

  /**
   * AcqWelcomePage::start:
   * @self: the page
   * @first_name: the first name typed, trimmed
   * @last_name: the last name typed, trimmed
   *
   * She pressed Start My Dossier, or Enter in a name, with a name typed.
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqWelcomePage, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqWelcomePage, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, AcqWelcomePage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_cb);
}

static void
acq_welcome_page_init (AcqWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AcqWelcomePage *
acq_welcome_page_new (void)
{
  return g_object_new (ACQ_TYPE_WELCOME_PAGE, NULL);
}

/* Empties the names, once her dossier is made. */
void
acq_welcome_page_clear (AcqWelcomePage *self)
{
  g_return_if_fail (ACQ_IS_WELCOME_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->first_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->last_name_row), "");
}

/* Puts the cursor in her first name. */
void
acq_welcome_page_focus (AcqWelcomePage *self)
{
  g_return_if_fail (ACQ_IS_WELCOME_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));
}
