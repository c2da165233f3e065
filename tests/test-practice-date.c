/* test-practice-date.c — a day typed in the parcours' and the livret's editors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader lives in the UI library (ui/practice/acq-practice-date.c) but touches no widget:
 * it runs without a display.
 */
#include "config.h"

#include <locale.h>

#include "acq-practice-date.h"

static void
test_parse_table (void)
{
  static const struct
  {
    const char *text;
    gboolean    valid;
    int         year, month, day;
  } cases[] = {
    { "25/03/2026", TRUE, 2026, 3, 25 },
    { "2026-03-25", TRUE, 2026, 3, 25 },
    { " 07/12/2026 ", TRUE, 2026, 12, 7 },
    { "1/3/2026", TRUE, 2026, 3, 1 },
    { "29/02/2024", TRUE, 2024, 2, 29 },  /* a leap year */
    { "29/02/2025", FALSE },              /* not one */
    { "31/04/2026", FALSE },              /* April has 30 days */
    { "31/12/2026", TRUE, 2026, 12, 31 },
    { "07/12/26", TRUE, 2026, 12, 7 },    /* a two-digit year: this century up to now */
    { "12/25/2026", FALSE },              /* the month comes second */
    { "25/03/2026x", FALSE },
    { "2026-03-25T10:00", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "demain", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      gboolean ok = acq_practice_date_parse (cases[i].text, &date);

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        continue;
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
    }
}

static void
test_text_round_trip (void)
{
  GDate date, back;
  g_autofree char *text = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2027);
  text = acq_practice_date_to_text (&date);
  g_assert_cmpstr (text, ==, "05/01/2027");
  g_assert_true (acq_practice_date_parse (text, &back));
  g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/practice/date/typed-days", test_parse_table);
  g_test_add_func ("/practice/date/written-as-typed", test_text_round_trip);
  return g_test_run ();
}
