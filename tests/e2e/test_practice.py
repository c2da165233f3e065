# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice's practice on a candidate's page: she records the recevabilité request
in the dated parcours, plans a session with two objectives and then records it held (one
objective reached, one not), and the hours bar moves; she exports the calendar. The
candidate's copy receives the livret through the exchange folder, reads it and writes her
personal work, which comes back to the accompagnatrice. The store is read at each step."""

import datetime
import os
import tempfile
import time

import pyatspi

from acqtest import (App, click, find, find_named, first, first_named, key, press, row, run,
                     showing, text_of, type_text, wait_for, walk)
from test_exchange import NAMED_ROLES, front, receive, send
from test_sheets import add_candidate
from test_today import add_months, days_word, labels_under, today_row

REQUEST_NOTE = "Demande déposée sur France VAE."
OBJECTIVE_1 = "Choisir les exemples du bloc 1"
OBJECTIVE_2 = "Écrire au « je »"
POINTS = "Lecture du référentiel ; repérage des activités."
PERSONAL = "Lister trois situations d'accueil."


def assert_all_named(node):
    """Every control a screen reader announces has a name. (The item that libadwaita 1.2's
    combo rows show inside their own popover is not ours to name.)"""
    unnamed = [n.getRoleName() for n in walk(node)
               if n.getRoleName() in NAMED_ROLES - {"list item"} and showing(n)
               and (not (n.name or "").strip() or n.name.startswith(("Gtk", "Adw")))]
    assert not unnamed, "unnamed controls in %r: %s" % (node.name, unnamed)


def day(offset):
    return datetime.date.today() + datetime.timedelta(days=offset)


def french(date):
    return date.strftime("%d/%m/%Y")


def retype(field, text):
    click(field)
    key("ctrl+a")
    type_text(text)


KINDS = ["First contact", "Feasibility interview", "Recevabilité requested"]
OUTCOMES = ["Not yet assessed", "Reached", "Partly reached", "Not reached"]


def choose(combo, items, current, wanted):
    """A combo row or drop-down, by keyboard: GTK 4.8 misplaces a popover's items on the
    accessibility bus, so they cannot be clicked by their coordinates."""
    click(combo)
    time.sleep(0.5)  # the popover opens with the current item focused
    for _ in range(items.index(wanted) - items.index(current)):
        key("Down")
    key("Return")
    wait_for(lambda: [n.name for n in walk(combo)
                      if n.getRoleName() == "label" and showing(n)][-1:] == [wanted],
             "%r chosen" % wanted)


def dismiss(app, text):
    """Closes a toast (its close button is libadwaita's, unnamed): the next toasts show, and
    nothing covers the bottom of the page."""
    toast = find_named(app.window, text)
    buttons = [n for n in walk(toast.parent.parent) if n.getRoleName() == "push button"]
    press(buttons[-1])
    wait_for(lambda: first_named(app.window, text) is None, "the toast to go")


def hours_bar(app):
    return find(app.window, "level bar", "Hours held")


def hours_text(app):
    return find(app.window, "label", lambda text: " planned ahead, of " in text).name


def wait_hours(app, probe, what):
    try:
        wait_for(lambda: probe(hours_text(app)), what)
    except AssertionError:
        raise AssertionError("%s; the hours read %r" % (what, hours_text(app)))


def session_rows(db):
    return db.execute("SELECT date, start_time, end_time, held, points_worked, personal_work"
                      " FROM session WHERE deleted_at IS NULL").fetchall()


def objectives(db):
    return db.execute("SELECT text, outcome FROM session_objective ORDER BY position").fetchall()


def test_parcours_livret_calendar_and_exchange():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    coach = App(args=["--exchange-folder", folder], role="coach")
    candidate = None
    try:
        add_candidate(coach, "Nadia", "Haddad")

        # the recevabilité request, with its day (the answer, two months later, is due in
        # three days) and a note
        asked = add_months(day(3), -2)
        press(find(coach.window, "push button", "Add Event…"))
        dialog = find(coach.node, "frame", "New Event")
        assert_all_named(dialog)
        choose(find(dialog, "combo box", "Event"), KINDS, "First contact", "Recevabilité requested")
        retype(find(dialog, "text", "Date (DD/MM/YYYY)"), french(asked))
        click(find(dialog, "text", "Note"))
        type_text(REQUEST_NOTE)
        press(find(dialog, "push button", "Save"))
        coach.wait_window_closed("New Event")
        find(coach.window, "label", "Recevabilité requested")
        with coach.db() as db:
            assert db.execute("SELECT kind, date, planned, note FROM parcours_event"
                              " WHERE deleted_at IS NULL").fetchall() == \
                [(2, asked.isoformat(), 0, REQUEST_NOTE)]
            # the stage followed the event
            assert db.execute("SELECT stage_date FROM candidate").fetchone()[0] == \
                asked.isoformat()

        # deleted by mistake, and brought back
        press(find(coach.window, "push button", "Delete “Recevabilité requested”"))
        toast = find_named(coach.window, "“Recevabilité requested” deleted")
        with coach.db() as db:
            assert db.execute("SELECT count(*) FROM parcours_event"
                              " WHERE deleted_at IS NULL").fetchone()[0] == 0
        press(find(toast.parent.parent, "push button", "Undo"))
        find(coach.window, "label", "Recevabilité requested")
        with coach.db() as db:
            assert db.execute("SELECT count(*) FROM parcours_event"
                              " WHERE deleted_at IS NULL").fetchone()[0] == 1

        # the answer is due two months after the request: under her row in the sidebar, and
        # on Today, whose row brings her page back
        due = add_months(asked, 2)
        sidebar = "Recevabilité answer due %d %s" % (due.day, due.strftime("%b"))
        label = find(find(coach.window, "table", "Candidates"), "label", row("Nadia Haddad"))
        wait_for(lambda: label.name.split("\n")[-1] == sidebar, "%r under the row" % sidebar)
        key("ctrl+t")
        item = today_row(coach, "This Week", "Nadia Haddad")
        expected = "Recevabilité answer · " + days_word(due, datetime.date.today())
        wait_for(lambda: expected in labels_under(item), "%r on Today" % expected)
        click(item)
        first_name = find(coach.window, "text", "First name")
        wait_for(lambda: text_of(first_name) == "Nadia", "Nadia's page")

        # a session planned, with two objectives; the hours count it ahead
        bar = hours_bar(coach)
        assert bar.queryValue().currentValue == 0
        press(find(coach.window, "push button", "Plan a Session…"))
        editor = find(coach.node, "frame", "Session")
        retype(find(editor, "text", "Date (DD/MM/YYYY)"), french(day(4)))
        retype(find(editor, "text", "Start (HH:MM)"), "14:00")
        retype(find(editor, "text", "End (HH:MM)"), "16:00")
        for number, text in ((1, OBJECTIVE_1), (2, OBJECTIVE_2)):
            press(find(editor, "push button", "Add Objective"))
            click(find(editor, "text", "Objective %d" % number))
            type_text(text)
        assert_all_named(editor)
        press(find(editor, "push button", "Save"))
        coach.wait_window_closed("Session")
        with coach.db() as db:
            assert session_rows(db) == [(day(4).isoformat(), "14:00", "16:00", 0, "", "")]
            assert objectives(db) == [(OBJECTIVE_1, 0), (OBJECTIVE_2, 0)]
        wait_hours(coach, lambda text: text.startswith("0 min held, 2 h planned ahead"),
                   "the session ahead in the hours")

        # it took place: moved to yesterday, held, one objective reached and one not
        click(find(coach.window, "list item",
                   lambda name: name.startswith(day(4).strftime("%-d "))))
        editor = find(coach.node, "frame", "Session")
        retype(find(editor, "text", "Date (DD/MM/YYYY)"), french(day(-1)))
        # three hours and a half: the editor says the sessions last 1 to 3 hours
        retype(find(editor, "text", "End (HH:MM)"), "17:30")
        find(editor, "label", lambda text: "last 1 to 3 hours" in text)
        retype(find(editor, "text", "End (HH:MM)"), "16:00")
        click(find(editor, "check box", "Held"))
        click(find(editor, "text", "Points Worked"))
        type_text(POINTS)
        choose(find(editor, "combo box", "Outcome of objective 1"), OUTCOMES, "Not yet assessed",
               "Reached")
        choose(find(editor, "combo box", "Outcome of objective 2"), OUTCOMES, "Not yet assessed",
               "Not reached")
        press(find(editor, "push button", "Save"))
        coach.wait_window_closed("Session")
        with coach.db() as db:
            assert session_rows(db) == [(day(-1).isoformat(), "14:00", "16:00", 1, POINTS, "")]
            assert objectives(db) == [(OBJECTIVE_1, 1), (OBJECTIVE_2, 3)]
        wait_for(lambda: hours_bar(coach).queryValue().currentValue == 2, "the bar at 2 h")
        assert hours_text(coach).startswith("2 h held, nothing planned ahead, of 24 h"), \
            hours_text(coach)
        find(coach.window, "label", lambda name: "1 of 2 objectives reached" in name)

        # the quote plans 12 h
        retype(find(coach.window, "spin button", "Planned Hours"), "12")
        key("Tab")
        wait_hours(coach, lambda text: "of 12 h planned" in text, "the plan in the hours")
        with coach.db() as db:
            assert db.execute("SELECT planned_minutes FROM session_plan").fetchone()[0] == 720

        # the candidate's calendar, written by a worker
        target = os.path.join(coach.data_dir, "nadia.ics")
        press(find(coach.window, "push button", "Export Calendar…"))
        wait_for(lambda: "Export the Candidate's Calendar" in coach.windows(), "the chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(target)
        key("Return")
        coach.wait_window_closed("Export the Candidate's Calendar")
        # the session and the parcours' deadlines, said with Open and Show in Files
        toast = find_named(coach.window,
                           lambda name: name.startswith("Calendar exported to “nadia.ics”: "))
        find(coach.window, "push button", "Show in Files")
        dismiss(coach, toast.name)
        with open(target, encoding="utf-8", newline="") as ics:
            text = ics.read().replace("\r\n ", "")
        assert text.startswith("BEGIN:VCALENDAR\r\n"), text[:40]
        assert text.count("BEGIN:VEVENT") >= 2, text
        assert "UID:deadline-" in text, text
        assert "DTSTART;TZID=Europe/Paris:%sT140000" % day(-1).strftime("%Y%m%d") in text
        assert "SUMMARY:Accompaniment session — Nadia Haddad" in text

        # the livret goes to the candidate's copy through the exchange folder
        candidate = App(args=["--exchange-folder", folder], role="candidate")
        send(coach, folder)
        receive(candidate, "Dossier from your accompagnatrice imported")
        front(candidate)
        dismiss(candidate, "Dossier from your accompagnatrice imported")
        # her copy opens on her dossier once the file brought her in
        find(candidate.window, "label", "My Dossier")
        assert first(candidate.window, "push button", "Add Event…") is None
        assert first(candidate.window, "push button", "Plan a Session…") is None
        find(candidate.window, "label", "Recevabilité requested")
        click(find(candidate.window, "label",
                   lambda name: "1 of 2 objectives reached" in name))
        editor = find(candidate.node, "frame", "Session")
        assert_all_named(editor)
        points = find(editor, "text", "Points Worked")
        assert not points.getState().contains(pyatspi.STATE_EDITABLE)
        assert text_of(points) == POINTS
        click(find(editor, "text", "Personal Work"))
        type_text(PERSONAL)
        key("Escape")  # closing keeps what she typed
        candidate.wait_window_closed("Session")
        with candidate.db() as db:
            assert session_rows(db) == [(day(-1).isoformat(), "14:00", "16:00", 1, POINTS,
                                         PERSONAL)]

        # her personal work comes back to the accompagnatrice
        send(candidate, folder)
        receive(coach, "Dossier from Nadia Haddad imported")
        with coach.db() as db:
            wait_for(lambda: session_rows(db)[0][5] == PERSONAL, "the personal work back")
            assert objectives(db) == [(OBJECTIVE_1, 1), (OBJECTIVE_2, 3)]
    finally:
        coach.quit()
        if candidate is not None:
            candidate.quit()


if __name__ == "__main__":
    run([test_parcours_livret_calendar_and_exchange])
