# SPDX-License-Identifier: GPL-3.0-or-later
"""The quote of a funded accompaniment: the coach makes Élodie's quote on her page (the
planned hours and her rate by default), changes its rate and dates, marks it accepted, and
the 15-day start deadline appears on Today; she prints the quote, whose text is read back,
the certificate is refused while a session held has no attendance record, then made once it
is recorded in the session's window."""

import datetime
import os
import subprocess
import tempfile
import time

from acqtest import (APP, App, absent, click, find, find_named, first, key, press, row, run,
                     scroll_into_view, text_of, type_text, wait_for)
from test_exchange import assert_all_named
from test_paperwork import save_through_chooser, shot
from test_practice import choose
from test_today import days_word, labels_under, today_row


ATTENDANCE = ["Not recorded yet", "Recorded, signed", "Recorded, not signed"]


def day(offset):
    return datetime.date.today() + datetime.timedelta(days=offset)


def pick_day(app, window, name, date):
    """Types @date in the popover of the date button whose name starts with @name."""
    button = find_named(window, lambda n: n.startswith(name + ": "))
    scroll_into_view(button)
    press(button)
    find(app.node, "text", "Type a date")
    key("ctrl+a")
    type_text(date.strftime("%d/%m/%Y") + "\n")
    find_named(window, name + ": " + date.strftime("%-d %b %Y"))


def quote(db, columns):
    return db.execute("SELECT %s FROM quote WHERE candidate_uuid = (SELECT uuid FROM candidate"
                      " WHERE last_name = 'Moreau')" % columns).fetchone()


def test_quote_accepted_starts_the_deadline():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", folder, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    # her first contact only: no deadline of the demo's parcours stands before the quote's
    subprocess.run(["sqlite3", os.path.join(folder, "acquis.db"),
                    "DELETE FROM parcours_event WHERE kind <> 0 AND candidate_uuid ="
                    " (SELECT uuid FROM candidate WHERE last_name = 'Moreau')"], check=True)
    app = App(data_dir=folder, role="coach")
    try:
        click(find(app.window, "label", row("Élodie Moreau")))
        find(app.window, "label", "No quote yet")
        new = find(app.window, "push button", "New Quote")
        scroll_into_view(new)
        press(new)
        find(app.window, "label", lambda text: text.startswith("Quote D-") and
             text.endswith(" made"))
        with app.db() as db:
            wait_for(lambda: quote(db, "minutes, rate_cents, validity_days, funding")
                     == (24 * 60, 8000, 30, 0), "the quote with its defaults")
            number = "D-%d-%04d" % quote(db, "year, sequence")
        group = find_named(app.window, "Quote")
        assert_all_named(group)

        # her rate for this one, and the day it was made: saved as typed
        rate = find(app.window, "text", "Hourly Rate in Euros, VAT Included")
        scroll_into_view(rate)
        click(rate)
        key("ctrl+a")
        type_text("75")
        pick_day(app, app.window, "Date of the quote", day(-12))
        with app.db() as db:
            wait_for(lambda: quote(db, "rate_cents, date") == (7500, day(-12).isoformat()),
                     "the rate and the date saved")
        find(app.window, "label", lambda text: text.replace("\u202f", " ").startswith(
            "1 800,00") and "293 B" in text)

        # accepted ten days ago: the parcours records it, the start is due in five days
        pick_day(app, app.window, "Day it was accepted", day(-10))
        press(find(app.window, "push button", "Mark Accepted"))
        find(app.window, "label", lambda text: text.startswith("On ") and "within 15 days" in text)
        absent(app.window, "push button", "Mark Accepted")
        shot("candidate-quote")
        with app.db() as db:
            wait_for(lambda: quote(db, "accepted_date, sent_date")
                     == (day(-10).isoformat(), day(-10).isoformat()), "the dates stored")
            events = db.execute(
                "SELECT e.kind, e.date, e.note FROM parcours_event e JOIN quote q"
                " ON q.accepted_event_uuid = e.uuid").fetchall()
        assert len(events) == 1 and events[0][:2] == (5, day(-10).isoformat()), events
        assert events[0][2] == "Devis " + number, events
        find(app.window, "label", "Quote accepted")  # the parcours group's new row
        # (the button pressed is gone: the keyboard goes back to the sidebar first)
        click(find(app.window, "label", row("Élodie Moreau")))
        first_name = find(app.window, "text", "First name")
        wait_for(lambda: text_of(first_name) == "Élodie", "her page")
        key("ctrl+t")
        item = today_row(app, "This Week", "Élodie Moreau")
        expected = "Start of the accompaniment · " + days_word(day(5), datetime.date.today())
        wait_for(lambda: expected in labels_under(item), "%r on Today" % expected)
        click(item)
        find(app.window, "label", lambda text: text.startswith("On ") and "within 15 days" in text)

        # the quote printed, on a worker, read back
        target = os.path.join(os.path.dirname(folder), "devis-elodie.pdf")
        save_through_chooser(
            app, lambda: (press(find_named(app.window, "Print a Document of the Quote")),
                          press(find(app.node, "menu item", "The Quote…"))),
            "Print the Quote", target, "Quote printed")
        text = subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                              text=True).stdout
        for expected in ("Devis", "Élodie Moreau", "Bon pour accord", "293 B du CGI",
                         "1 800,00"):
            assert expected.replace(" ", "") in text.replace(" ", "").replace("\u202f", ""), \
                (expected, text)

        # Sophie's certificate is made (every session held has its attendance); Hélène's is
        # refused, the session named
        click(find(app.window, "label", row("Hélène Dubois")))
        target = os.path.join(os.path.dirname(folder), "certificat-helene.pdf")
        press(find_named(app.window, "Print a Document of the Quote"))
        press(find(app.node, "menu item", "The Certificate of Completion…"))
        wait_for(lambda: "Print the Certificate of Completion" in app.windows(),
                 "the file chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(target)
        key("Return")
        find(app.node, "label", lambda text: "has no attendance record" in text, timeout=60)
        assert not os.path.exists(target)
        # (the dialog's Close: the window's own is named so too)
        key("Escape")
        wait_for(lambda: "The Document Was Not Printed" not in app.windows(), "the dialog closed")

        # that session's attendance, recorded in its window: the certificate is made
        held = wait_for(lambda: first(app.window, "list item", lambda name: name.startswith(
            day(-14).strftime("%-d ")) and "09:30" in name, visible=False), "the session's row")
        scroll_into_view(held)
        click(held)
        editor = find(app.node, "frame", "Session")
        choose(find(editor, "combo box", "Attendance Sheet"), ATTENDANCE, "Not recorded yet",
               "Recorded, signed")
        with app.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM session_attendance a JOIN session s"
                                        " ON s.uuid = a.session_uuid WHERE s.date = ?"
                                        " AND a.signed = 1", (day(-14).isoformat(),)
                                        ).fetchone()[0] == 1, "the attendance stored")
        key("Escape")
        app.wait_window_closed("Session")
        save_through_chooser(
            app, lambda: (press(find_named(app.window, "Print a Document of the Quote")),
                          press(find(app.node, "menu item", "The Certificate of Completion…"))),
            "Print the Certificate of Completion", target, "Certificate of completion printed")
        text = subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                              text=True).stdout
        for expected in ("Certificat de réalisation", "Hélène Dubois", "Total des heures",
                         "feuille signée"):
            assert expected in text, (expected, text)
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_quote_accepted_starts_the_deadline])
