# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice logs a complaint that came by letter 25 days ago: Today says its answer
is due in 5 days; activating that row opens it in the complaints log, she writes the answer
and its day, and the row leaves Today. A complaint deleted by mistake comes back with Undo.
Driven through AT-SPI, read back from the store."""

import datetime
import os
import subprocess
import tempfile

import time

from acqtest import (APP, App, click, find, find_named, first, key, press, run, type_text,
                     wait_for, walk)


def fill(window, field, text):
    entry = find(window, "text", field)
    click(entry)
    key("ctrl+a")
    type_text(text)


def complaints_list(app):
    return first(app.window, "list", lambda n: n.startswith("Complaints to Answer,"))


def test_log_answer_and_undo():
    today = datetime.date.today()
    received = today - datetime.timedelta(days=25)
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", data_dir, "--list-candidates"], check=True,
                   capture_output=True)
    app = App(data_dir=data_dir, role="coach")
    try:
        # from the main menu, the empty log offers to log one
        press(find_named(app.window, "Main Menu"))
        press(find(app.node, "menu item", "Complaints"))
        log = find(app.node, "frame", "Complaints")
        press(find(log, "push button", "Log a Complaint"))
        dialog = find(app.node, "frame", "New Complaint")
        fill(dialog, "Received On (DD/MM/YYYY)", received.strftime("%d/%m/%Y"))
        fill(dialog, "From (someone else)", "Mme Roux")
        fill(dialog, "Subject", "Feuilles de présence")
        press(find(dialog, "push button", "Save"))
        app.wait_window_closed("New Complaint")
        with app.db() as db:
            assert db.execute("SELECT received_on, from_whom, subject, status, channel"
                              " FROM complaint").fetchall() == \
                [(received.isoformat(), "Mme Roux", "Feuilles de présence", 0, 0)]
        find(log, "list item", "Feuilles de présence — Mme Roux")
        key("Escape")
        app.wait_window_closed("Complaints")

        # Today: due in 5 days
        section = wait_for(lambda: complaints_list(app), "the complaints on Today")
        item = wait_for(lambda: next((n for n in walk(section) if n.getRoleName() == "list item"
                                      and n.name == "Complaint from Mme Roux"), None),
                        "the complaint's row")
        texts = [n.name for n in walk(item) if n.getRoleName() == "label"]
        assert "Answer “Feuilles de présence” · in 5 days" in texts, texts

        # the row opens the complaint, over the log
        click(item)
        dialog = find(app.node, "frame", "Complaint")
        click(find(dialog, "text", "Answer"))
        type_text("Copies envoyées par courriel.")
        fill(dialog, "Answered On (DD/MM/YYYY)", today.strftime("%d/%m/%Y"))
        press(find(dialog, "push button", "Save"))
        wait_for(lambda: first(app.node, "frame", "Complaint") is None, "the dialog to close")
        with app.db() as db:
            assert db.execute("SELECT status, answer, answered_on FROM complaint").fetchall() \
                == [(1, "Copies envoyées par courriel.", today.isoformat())]
        wait_for(lambda: complaints_list(app) is None, "the complaint to leave Today")

        # deleted, then back with Undo
        log = find(app.node, "frame", "Complaints")
        press(find(log, "push button", "Delete the Complaint “Feuilles de présence”"))
        find(log, "label", "No Complaints")
        with app.db() as db:
            assert db.execute("SELECT deleted_at IS NOT NULL FROM complaint").fetchone() == (1,)
        press(find(log, "push button", "Undo"))
        find(log, "list item", "Feuilles de présence — Mme Roux")
        with app.db() as db:
            assert db.execute("SELECT deleted_at IS NULL FROM complaint").fetchone() == (1,)
    finally:
        app.quit()


def test_yearly_review():
    """The review of last year, from the main menu: the improvement actions are kept as typed,
    and the review goes to a CSV file through the file chooser."""
    year = datetime.date.today().year - 1
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", data_dir, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    target = os.path.join(data_dir, "..", "bilan-%d.csv" % year)
    app = App(data_dir=data_dir, role="coach")
    try:
        press(find_named(app.window, "Main Menu"))
        press(find(app.node, "menu item", "Yearly Review…"))
        review = find(app.node, "frame", "Yearly Review")
        click(find(review, "text", "Improvement actions"))
        type_text("Annonces d’annulation 48 h avant.")
        wait_for(lambda: app.db().execute("SELECT year, improvements FROM yearly_review")
                 .fetchall() == [(year, "Annonces d’annulation 48 h avant.")],
                 "the improvement actions saved as typed")
        press(find(review, "push button", "Export as CSV…"))
        wait_for(lambda: "Export the Yearly Review" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(os.path.abspath(target))
        key("Return")
        app.wait_window_closed("Export the Yearly Review")
        find(review, "label", "Yearly review written to “bilan-%d.csv”" % year, timeout=60)
        with open(target, encoding="utf-8-sig") as csv:
            lines = csv.read().splitlines()
        assert lines[0] == "rubrique;élément;valeur;détail", lines[0]
        assert "bilan;année;%d;" % year in lines, lines[:3]
        assert "amélioration;actions d'amélioration;Annonces d’annulation 48 h avant.;" in lines
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_log_answer_and_undo, test_yearly_review])
