# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice opens Acquis in the morning: the Today view says what is due. A
recevabilité request made two months less three days ago shows in This Week and in the
sidebar's row; activating it opens the candidate; Ctrl+T comes back; the decision, once
recorded, takes it away. The candidate's copy shows her own deadlines and her next session.
An accompaniment archived years ago, past the three years she keeps one, shows with Export
and Erase: she exports everything about the person, then erases it, asked first.
Driven through AT-SPI."""

import calendar
import datetime
import json
import os
import sqlite3
import subprocess
import tempfile
import uuid
import zipfile

from acqtest import (App, click, find, find_named, first, key, press, row, run,
                     save_through_chooser, text_of, wait_for, walk)

NAME = ("Nadia", "Haddad")


def add_months(day, months):
    """GLib's g_date_add_months(): the same day, or the month's last when it has fewer."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def seed(data_dir, today):
    """A store made by Acquis, then the request and a session written in it before the app
    starts (the parcours editor is another part of the window)."""
    subprocess.run([os.environ["ACQUIS_APP"], "--data-dir", data_dir, "--list-candidates"],
                   check=True, capture_output=True)
    asked = add_months(today, -2) + datetime.timedelta(days=3)
    candidate = str(uuid.uuid4())
    stamp = now()
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        db.execute("INSERT INTO candidate (uuid, first_name, last_name, stage, stage_date,"
                   " created_at, updated_at, last_activity_at) VALUES (?, ?, ?, 2, ?, ?, ?, ?)",
                   (candidate, NAME[0], NAME[1], asked.isoformat(), stamp, stamp, stamp))
        db.execute("INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned,"
                   " created_at, updated_at) VALUES (?, ?, 2, ?, 0, ?, ?)",
                   (str(uuid.uuid4()), candidate, asked.isoformat(), stamp, stamp))
        session_day = today + datetime.timedelta(days=10)
        db.execute("INSERT INTO session (uuid, candidate_uuid, date, start_time, end_time, kind,"
                   " held, created_at, updated_at) VALUES (?, ?, ?, '14:00', '16:00', 1, 0, ?, ?)",
                   (str(uuid.uuid4()), candidate, session_day.isoformat(), stamp, stamp))
    return add_months(asked, 2)


def seed_more(data_dir, today):
    """Zoé Abadie, just met (her next deadline is two months away), and Marc Vidal, whose
    recevabilité answer is five days late."""
    late = add_months(today, -2) - datetime.timedelta(days=5)
    stamp = now()
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        for first_name, last_name, asked in (("Zoé", "Abadie", None), ("Marc", "Vidal", late)):
            candidate = str(uuid.uuid4())
            db.execute("INSERT INTO candidate (uuid, first_name, last_name, created_at,"
                       " updated_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?)",
                       (candidate, first_name, last_name, stamp, stamp, stamp))
            if asked is not None:
                db.execute("INSERT INTO parcours_event (uuid, candidate_uuid, kind, date,"
                           " planned, created_at, updated_at) VALUES (?, ?, 2, ?, 0, ?, ?)",
                           (str(uuid.uuid4()), candidate, asked.isoformat(), stamp, stamp))


def sidebar_names(app):
    candidates = find(app.window, "table", "Candidates")
    return [n.name.split("\n")[0] for n in walk(candidates)
            if n.getRoleName() == "label" and "\n" in (n.name or "")]


def days_word(due, today):
    days = (due - today).days
    return {0: "due today", 1: "tomorrow"}.get(days, "in %d days" % days)


def today_row(app, section, name):
    """The row of @name in the Today view's list @section ("This Week, 1"), looked for again
    until it shows: Today makes its sections anew each time it gathers (quickly first, then
    with the deadlines, then after each change of the store), so a list found once may be gone
    by the time the row is in the new one."""
    def search():
        lst = first(app.window, "list", lambda n: n.startswith(section + ","))
        if lst is None:
            return None
        return next((n for n in walk(lst) if n.getRoleName() == "list item" and n.name == name),
                    None)
    return wait_for(search, "%s in %s" % (name, section))


def labels_under(node):
    return [n.name for n in walk(node) if n.getRoleName() == "label"]


def test_coach_sees_the_answer_due_this_week():
    today = datetime.date.today()
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    due = seed(data_dir, today)
    seed_more(data_dir, today)
    app = App(data_dir=data_dir, role="coach")
    try:
        # the home page is Today, not an empty "no candidate" page
        item = today_row(app, "This Week", "Nadia Haddad")
        expected = "Recevabilité answer · " + days_word(due, today)
        assert expected in labels_under(item), labels_under(item)
        assert first(app.window, "label", "No Candidate Selected") is None

        # the sidebar's row says the deadline under the stage
        sidebar = "Recevabilité answer due %d %s" % (due.day, due.strftime("%b"))
        candidates = find(app.window, "table", "Candidates")
        label = find(candidates, "label", row("Nadia Haddad"))
        wait_for(lambda: label.name.split("\n")[-1] == sidebar, "%r under the row" % sidebar)

        # a late answer has a badge that says what it means
        find(candidates, "label", "Deadline overdue: Recevabilité answer, 5 days overdue")

        # sorted by the next deadline, the most pressing first
        assert sidebar_names(app) == ["Zoé Abadie", "Nadia Haddad", "Marc Vidal"], \
            sidebar_names(app)
        press(find(app.window, "push button", "Sort and Filter"))
        press(find_named(app.node, "Next Deadline"))
        wait_for(lambda: sidebar_names(app) == ["Marc Vidal", "Nadia Haddad", "Zoé Abadie"],
                 "the list sorted by deadline")
        key("Escape")

        # the row opens the candidate
        click(item)
        first_name = find(app.window, "text", "First name")
        wait_for(lambda: text_of(first_name) == "Nadia", "Nadia's page")

        # and Ctrl+T comes back to Today
        key("ctrl+t")
        today_row(app, "This Week", "Nadia Haddad")
    finally:
        app.quit()

    # the candidate's own copy (hers alone: the others are the coach's): her deadline and her
    # next session, nothing of a caseload
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        db.execute("UPDATE candidate SET deleted_at = ? WHERE last_name != 'Haddad'", (now(),))
    app = App(data_dir=data_dir, role="candidate")
    try:
        item = today_row(app, "This Week", "Nadia Haddad")
        assert "Recevabilité answer · " + days_word(due, today) in labels_under(item)
        session = today_row(app, "Next Session", "Nadia Haddad")
        assert "Accompaniment session · in 10 days, 14:00–16:00" in labels_under(session), \
            labels_under(session)
        assert first(app.window, "list", lambda n: n.startswith("Sheets Waiting")) is None

        # the decision comes in (by exchange; here another program writes it): Today follows
        # the store, and her next deadline is the session
        stamp = now()
        with app.db() as db:
            candidate = db.execute("SELECT uuid FROM candidate WHERE last_name = ?",
                                   (NAME[1],)).fetchone()[0]
            db.execute("INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned,"
                       " decision, created_at, updated_at) VALUES (?, ?, 3, ?, 0, 1, ?, ?)",
                       (str(uuid.uuid4()), candidate, today.isoformat(), stamp, stamp))
        wait_for(lambda: first(app.window, "list", lambda n: n.startswith("This Week,")) is None,
                 "the answer to leave This Week")
        today_row(app, "Next Session", "Nadia Haddad")
    finally:
        app.quit()


def test_coach_exports_then_erases_past_retention():
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([os.environ["ACQUIS_APP"], "--data-dir", data_dir, "--list-candidates"],
                   check=True, capture_output=True)
    louise, paul = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = now()
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        # Louise's accompaniment ended on 5 January 2021 (archived); Paul's goes on
        for who, first_name, archived, activity in ((louise, "Louise", 1, "2021-01-05T10:00:00Z"),
                                                    (paul, "Paul", 0, stamp)):
            db.execute("INSERT INTO candidate (uuid, first_name, last_name, archived, created_at,"
                       " updated_at, last_activity_at) VALUES (?, ?, 'Garnier', ?, ?, ?, ?)",
                       (who, first_name, archived, stamp, stamp, activity))
        db.execute("INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned,"
                   " created_at, updated_at) VALUES (?, ?, 9, '2020-12-15', 0, ?, ?)",
                   (str(uuid.uuid4()), louise, stamp, stamp))
    target = os.path.join(data_dir, "louise.zip")
    app = App(data_dir=data_dir, role="coach")
    try:
        section = "Kept Past the Retention Period"
        item = today_row(app, section, "Louise Garnier")
        assert "Ended on 5 Jan 2021, kept 3 years" in labels_under(item), labels_under(item)
        assert first(app.window, "list item", "Paul Garnier") is None

        # Export…: everything about her, in a ZIP whose person.json names her
        save_through_chooser(app, lambda: press(find(item, "push button", "Export…")),
                             "Export Everything About This Person", target,
                             "Everything about the person exported")
        with zipfile.ZipFile(target) as archive:
            person = json.loads(archive.read("person.json"))
        assert person["records"]["candidate"][0]["first_name"] == "Louise", person["records"]

        # Erase…: asked first; Cancel keeps her
        press(find(item, "push button", "Erase…"))
        dialog = wait_for(lambda: first(app.node, "dialog", None), "the question")
        find(dialog, "label", "Erase Louise Garnier?")
        press(find(dialog, "push button", "Cancel"))
        with app.db() as db:
            assert db.execute("SELECT deleted_at FROM candidate WHERE uuid = ?",
                              (louise,)).fetchone()[0] is None

        press(find(item, "push button", "Erase…"))
        dialog = wait_for(lambda: first(app.node, "dialog", None), "the question")
        press(find(dialog, "push button", "Erase"))
        wait_for(lambda: first(app.window, "list", lambda n: n.startswith(section + ","))
                 is None, "Louise to leave Today")
        # deleted, with the Undo of any delete; past it, gone from the store; Paul stays
        find(app.window, "label", "“Louise Garnier” deleted")
        wait_for(lambda: app.db().execute("SELECT count (*) FROM candidate WHERE uuid = ?",
                                          (louise,)).fetchone()[0] == 0,
                 "Louise erased once the Undo is past", timeout=30)
        with app.db() as db:
            assert db.execute("SELECT count (*) FROM candidate WHERE uuid = ?",
                              (paul,)).fetchone()[0] == 1
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_coach_sees_the_answer_due_this_week,
         test_coach_exports_then_erases_past_retention])
