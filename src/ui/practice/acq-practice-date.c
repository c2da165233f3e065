/* acq-practice-date.c — a day typed or picked, for the parcours and the livret's editors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The users are French: a day is typed as on a form, 07/12/2026, or as the store writes it,
 * 2026-12-07, read by the core's one reader of typed dates (acq_text_parse_date(), which reads
 * day before month whatever the locale). A calendar in a popover beside the entry picks the
 * day too; the two follow each other.
 */
#define G_LOG_DOMAIN "acq-practice-date"

#include "config.h"

#include <stdio.h>

#include "acq-practice-date.h"
#include "acq-text.h"

/**
 * acq_practice_date_parse:
 * @text: a day as a French user types it (acq_text_parse_date(): "07/12/2026", "7/12/26",
 *   "2026-12-07", "7 décembre 2026"…), spaces around allowed
 * @out_date: (out): the day
 *
 * Returns: %TRUE if @text is a day of the calendar
 */
gboolean
acq_practice_date_parse (const char *text, GDate *out_date)
{
  g_autofree char *iso = acq_text_parse_date (text, ACQ_DATE_START);
  unsigned int year, month, day;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

static GDateTime *
date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

/**
 * acq_practice_date_to_text:
 * @date: a valid day
 *
 * Returns: (transfer full): the day as it is typed, "07/12/2026"
 */
char *
acq_practice_date_to_text (const GDate *date)
{
  g_autoptr (GDateTime) dt = date_time (date);

  return g_date_time_format (dt, "%d/%m/%Y");
}

/**
 * acq_practice_date_label:
 * @date: a valid day
 *
 * Returns: (transfer full): the day as a list shows it, "7 Dec 2026" in the user's language
 */
char *
acq_practice_date_label (const GDate *date)
{
  g_autoptr (GDateTime) dt = date_time (date);

  return g_date_time_format (dt, "%-d %b %Y");
}

static void
on_row_changed_cb (GtkCalendar *calendar, AdwEntryRow *row)
{
  GDate date;
  g_autoptr (GDateTime) dt = NULL;

  if (!acq_practice_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &date))
    return;
  dt = date_time (&date);
  g_signal_handlers_block_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row);
  gtk_calendar_select_day (calendar, dt);
  g_signal_handlers_unblock_matched (calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, row);
}

static void
on_calendar_day_selected_cb (AdwEntryRow *row, GtkCalendar *calendar)
{
  g_autoptr (GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (dt, "%d/%m/%Y");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/**
 * acq_practice_date_bind:
 * @row: where the day is typed
 * @calendar: where it is picked (in a popover, which closes once a day is picked)
 *
 * Makes the calendar show the day typed, and a day picked fill the row.
 */
void
acq_practice_date_bind (AdwEntryRow *row, GtkCalendar *calendar)
{
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), calendar,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                           row, G_CONNECT_SWAPPED);
}
