/* acq-date-button.c — a date shown on a button, picked on a calendar or typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period of ten or twenty years back took a dozen clicks on GtkCalendar's arrows: the
 * popover also takes the date typed as people write it in France ("12/03/2024", "mars 2024",
 * read by acq_text_parse_date()). The button says the date, or the placeholder while none is
 * set; ::date-chosen reports what the user chose, never a date set by the program, so the
 * owner needs no "loading" guard.
 */
#define G_LOG_DOMAIN "acq-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-date-button.h"

struct _AcqDateButton
{
  GtkWidget      parent_instance;

  /* template children, alphabetical */
  GtkCalendar   *calendar;
  GtkEntry      *entry;
  GtkLabel      *error_label;
  GtkMenuButton *menu_button;
  GtkPopover    *popover;

  char          *date;        /* "YYYY-MM-DD" or NULL */
  char          *placeholder;
  char          *title;       /* what the date is, for the screen reader: "Start of the period" */
  AcqDateBound   bound;
  gboolean       selecting;   /* the calendar is moved by the program */
};

G_DEFINE_FINAL_TYPE (AcqDateButton, acq_date_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATE,
  PROP_PLACEHOLDER,
  PROP_TITLE,
  N_PROPS
};

enum
{
  SIGNAL_DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static GDateTime *
date_time_of (const char *iso)
{
  g_autofree char *noon = iso != NULL ? g_strconcat (iso, "T12:00:00Z", NULL) : NULL;

  return noon != NULL ? g_date_time_new_from_iso8601 (noon, NULL) : NULL;
}

static void
update_label (AcqDateButton *self)
{
  g_autoptr (GDateTime) date = date_time_of (self->date);
  g_autofree char *label = date != NULL ? g_date_time_format (date, "%-d %b %Y")
                                        : g_strdup (self->placeholder ? self->placeholder : "");
  /* TRANSLATORS: what a date is, then the date: "Start of the period: 1 Mar 2019" */
  g_autofree char *name = self->title != NULL ? g_strdup_printf (_("%s: %s"), self->title, label)
                                              : g_strdup (label);

  gtk_menu_button_set_label (self->menu_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : label, -1);
}

static void
choose (AcqDateButton *self, const char *iso)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[SIGNAL_DATE_CHOSEN], 0, iso);
}

static void
on_calendar_day_selected_cb (AcqDateButton *self)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (!self->selecting)
    choose (self, iso);
}

static void
on_entry_activate_cb (AcqDateButton *self)
{
  g_autofree char *iso = acq_text_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                              self->bound);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), iso == NULL);
  if (iso == NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_error_bell (GTK_WIDGET (self->entry));
      return;
    }
  choose (self, iso);
}

static void
on_entry_changed_cb (AcqDateButton *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
}

/* The popover opens on the date shown, with the typed field empty and focused. */
static void
on_popover_show_cb (AcqDateButton *self)
{
  g_autoptr (GDateTime) date = date_time_of (self->date);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (date != NULL)
    {
      self->selecting = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->selecting = FALSE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* The row that holds the button activates it: the calendar opens. */
static gboolean
acq_date_button_mnemonic_activate (GtkWidget *widget, gboolean group_cycling)
{
  AcqDateButton *self = ACQ_DATE_BUTTON (widget);

  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->menu_button), group_cycling);
}

static void
acq_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ACQ_TYPE_DATE_BUTTON);
  G_OBJECT_CLASS (acq_date_button_parent_class)->dispose (object);
}

static void
acq_date_button_finalize (GObject *object)
{
  AcqDateButton *self = ACQ_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->placeholder);
  g_free (self->title);
  G_OBJECT_CLASS (acq_date_button_parent_class)->finalize (object);
}

static void
acq_date_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqDateButton *self = ACQ_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_PLACEHOLDER: g_value_set_string (value, self->placeholder); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_date_button_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  AcqDateButton *self = ACQ_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      acq_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      g_free (self->placeholder);
      self->placeholder = g_value_dup_string (value);
      update_label (self);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      update_label (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_date_button_class_init (AcqDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_date_button_dispose;
  object_class->finalize = acq_date_button_finalize;
  object_class->get_property = acq_date_button_get_property;
  object_class->set_property = acq_date_button_set_property;
  widget_class->mnemonic_activate = acq_date_button_mnemonic_activate;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AcqDateButton::date-chosen:
   * @self: the button
   * @iso_date: the date the user picked or typed, "YYYY-MM-DD"
   *
   * The user chose a date; the owner stores it and sets it back with
   * acq_date_button_set_date(), or sets the old one back if it refuses it.
   */
  signals[SIGNAL_DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, AcqDateButton, entry);
  gtk_widget_class_bind_template_child (widget_class, AcqDateButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcqDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AcqDateButton, popover);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
acq_date_button_init (AcqDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

/**
 * acq_date_button_get_date:
 * @self: the button
 *
 * Returns: (nullable): the date shown, "YYYY-MM-DD"
 */
const char *
acq_date_button_get_date (AcqDateButton *self)
{
  g_return_val_if_fail (ACQ_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

/**
 * acq_date_button_set_date:
 * @self: the button
 * @iso_date: (nullable): "YYYY-MM-DD", or %NULL for none (the placeholder shows)
 *
 * Shows a date; ::date-chosen is not emitted.
 */
void
acq_date_button_set_date (AcqDateButton *self, const char *iso_date)
{
  g_return_if_fail (ACQ_IS_DATE_BUTTON (self));
  if (g_strcmp0 (self->date, iso_date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * acq_date_button_set_bound:
 * @self: the button
 * @bound: which day a month typed alone stands for: the first to start a period, the last
 *   to end one
 */
void
acq_date_button_set_bound (AcqDateButton *self, AcqDateBound bound)
{
  g_return_if_fail (ACQ_IS_DATE_BUTTON (self));
  self->bound = bound;
}
