/* test-calendar-libical.c — the .ics calendar as GNOME Calendar reads it: Evolution Data
 * Server parses .ics files with libical, so libical's parser reads ours back here. Built only
 * when meson finds libical (libical-dev, which build-aux/dev.sh installs); otherwise the suite
 * reports this test skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "acq-calendar.h"
#include "acq-parcours.h"
#include "acq-session.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  char             *uuid;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  candidate = acq_candidate_list_create (f->candidates, "Hélène", "Dupont, dite « Léna »", &error);
  g_assert_no_error (error);
  f->uuid = g_strdup (acq_candidate_get_uuid (candidate));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
  g_free (f->uuid);
}

/* A session in summer time and one in winter time, with text that needs every escape and a
 * description long enough to be folded, several times, across multi-octet characters. */
static GPtrArray *
add_sessions (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  AcqSession *summer = acq_session_new (f->uuid, "2026-07-02", "14:00", "16:00",
                                        ACQ_SESSION_KIND_ACCOMPANIMENT);
  AcqSession *winter = acq_session_new (f->uuid, "2026-12-01", "09:30", "12:30",
                                        ACQ_SESSION_KIND_MOCK_JURY);
  g_autoptr (GString) work = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    g_string_append (work, "Réécrire l'exemple « Accueil » ; vérifier les dates, les "
                           "moyens \\ et le contexte.\n");
  summer->mode = ACQ_SESSION_MODE_IN_PERSON;
  acq_session_set_text (&summer->place, "Espace France Services, 12 rue Wilson; Cahors");
  acq_session_set_text (&summer->personal_work, work->str);
  acq_session_add_objective (summer, "Décrire le public, les partenaires, le cadre",
                             ACQ_OBJECTIVE_PARTLY);
  g_assert_true (acq_session_save (f->store, summer, &error));
  g_assert_true (acq_session_save (f->store, winter, &error));
  g_assert_no_error (error);
  g_ptr_array_add (sessions, summer);
  g_ptr_array_add (sessions, winter);
  return sessions;
}

static char *
export (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();

  g_assert_true (acq_calendar_add_sessions (calendar, f->store, NULL, &error));
  g_assert_no_error (error);
  return acq_calendar_to_string (calendar, NULL);
}

static const AcqSession *
find_session (GPtrArray *sessions, const char *uid)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *expected = g_strdup_printf ("session-%s@io.github.acquis", session->uuid);

      if (g_strcmp0 (uid, expected) == 0)
        return session;
    }
  return NULL;
}

static void
assert_in_paris (icalcomponent *calendar, icalcomponent *event, icalproperty_kind kind,
                 GDateTime *expected)
{
  icalproperty *property = icalcomponent_get_first_property (event, kind);
  icalparameter *tzid = NULL;
  icaltimezone *zone = icalcomponent_get_timezone (calendar, "Europe/Paris");
  struct icaltimetype time;

  g_assert_nonnull (property);
  tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Paris");
  g_assert_nonnull (zone);
  time = kind == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart (event)
                                       : icalcomponent_get_dtend (event);
  /* the instant, through the file's own VTIMEZONE: summer +02:00, winter +01:00 */
  g_assert_cmpint ((gint64) icaltime_as_timet_with_zone (time, zone), ==,
                   g_date_time_to_unix (expected));
}

static void
test_libical_reads_every_session (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) sessions = add_sessions (f);
  g_autofree char *text = export (f);
  icalcomponent *calendar = icalparser_parse_string (text);
  guint n = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const AcqSession *session = find_session (sessions, icalcomponent_get_uid (event));
      g_autoptr (GDateTime) start = NULL;
      g_autoptr (GDateTime) end = NULL;
      g_autofree char *summary = NULL;

      g_assert_nonnull (session);
      g_assert_cmpint (icalcomponent_count_errors (event), ==, 0);
      start = acq_session_dup_start (session);
      end = acq_session_dup_end (session);
      assert_in_paris (calendar, event, ICAL_DTSTART_PROPERTY, start);
      assert_in_paris (calendar, event, ICAL_DTEND_PROPERTY, end);
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      summary = g_strdup_printf ("%s — Hélène Dupont, dite « Léna »",
                                 acq_session_kind_label (session->kind));
      /* unescaped and unfolded by libical: the text as written */
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
      if (session->mode == ACQ_SESSION_MODE_IN_PERSON)
        {
          g_assert_cmpstr (icalcomponent_get_location (event), ==, session->place);
          g_assert_nonnull (strstr (icalcomponent_get_description (event),
                                    session->personal_work));
        }
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
  icalcomponent_free (calendar);
}

/* Exported twice, with a change between: libical reads the same UIDs. */
static void
test_libical_uids_are_stable (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = add_sessions (f);
  g_autofree char *first = export (f);
  g_autofree char *second = NULL;
  AcqSession *summer = g_ptr_array_index (sessions, 0);
  icalcomponent *a, *b;
  icalcomponent *ea, *eb;

  summer->held = TRUE;
  acq_session_set_text (&summer->points_worked, "Le contexte");
  g_assert_true (acq_session_save (f->store, summer, &error));
  second = export (f);
  a = icalparser_parse_string (first);
  b = icalparser_parse_string (second);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  for (ea = icalcomponent_get_first_component (a, ICAL_VEVENT_COMPONENT),
       eb = icalcomponent_get_first_component (b, ICAL_VEVENT_COMPONENT);
       ea != NULL && eb != NULL;
       ea = icalcomponent_get_next_component (a, ICAL_VEVENT_COMPONENT),
       eb = icalcomponent_get_next_component (b, ICAL_VEVENT_COMPONENT))
    g_assert_cmpstr (icalcomponent_get_uid (ea), ==, icalcomponent_get_uid (eb));
  g_assert_null (ea);
  g_assert_null (eb);
  icalcomponent_free (a);
  icalcomponent_free (b);
}

/* The parcours' deadlines come as days of their own, which libical reads as dates: the
 * recevabilité answer two months after the request, for Evolution's calendar too. */
static void
test_libical_reads_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();
  g_autoptr (AcqParcoursEvent) asked = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_uid = NULL;
  icalcomponent *ical, *event;
  GDate today, request;
  guint deadlines = 0;
  gboolean found = FALSE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2027);
  request = today;
  g_date_subtract_days (&request, 20);
  asked = acq_parcours_event_new (ACQ_PARCOURS_ADMISSIBILITY_ASKED, &request, FALSE);
  asked->candidate_uuid = g_strdup (f->uuid);
  g_assert_true (acq_parcours_add (f->store, asked, &error));
  g_assert_no_error (error);
  g_assert_true (acq_calendar_add_deadlines (calendar, f->store, f->uuid, &today, &error));
  g_assert_no_error (error);
  text = acq_calendar_to_string (calendar, NULL);
  ical = icalparser_parse_string (text);
  g_assert_nonnull (ical);
  /* candidate, kind and the request it follows: the same uid at every export */
  expected_uid = g_strdup_printf ("deadline-%s-admissibility-answer-%s@io.github.acquis",
                                  f->uuid, asked->uuid);
  for (event = icalcomponent_get_first_component (ical, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (ical, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);

      g_assert_true (start.is_date);
      deadlines++;
      if (g_strcmp0 (icalcomponent_get_uid (event), expected_uid) != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (start.year, ==, 2027);
      g_assert_cmpint (start.month, ==, 4);
      g_assert_cmpint (start.day, ==, 23);
      g_assert_nonnull (strstr (icalcomponent_get_summary (event), "Hélène Dupont"));
    }
  g_assert_cmpuint (deadlines, >=, 1);
  g_assert_true (found);
  icalcomponent_free (ical);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/practice/calendar/libical/reads-every-session", test_libical_reads_every_session);
  ADD ("/practice/calendar/libical/uids-are-stable", test_libical_uids_are_stable);
  ADD ("/practice/calendar/libical/reads-deadlines", test_libical_reads_deadlines);
#undef ADD
  return g_test_run ();
}
