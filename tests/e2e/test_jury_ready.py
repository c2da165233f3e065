# SPDX-License-Identifier: GPL-3.0-or-later
"""How ready each candidate is for the jury, seen from the caseload. In the demo the
accompagnatrice reads "Ready for the jury: n of m" under Sophie Lefèvre's stage in the sidebar
and on her page; she ticks a hand item in the jury window and the figure moves; the
Readiness for the Jury sort puts Sophie first, and At the Jury Stage Only leaves her alone.
Then the jury page travels: the accompagnatrice dates the jury and ticks an item, sends the
file through the exchange folder; the candidate's copy shows the same day and the same item
ticked, she notes an answer to a likely question and sends it back; the accompagnatrice's
store holds it, and her fiche de préparation shows it. The stores are read with sqlite3 at each step."""

import datetime
import os
import re
import subprocess
import tempfile
import unicodedata

import pyatspi

from acqtest import (App, click, find, find_named, first, key, press, row, run, type_text,
                     wait_for, walk)
from test_exchange import front, receive, send
from test_practice import assert_all_named, dismiss
from test_today import sidebar_names

SOPHIE = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03"
SOPHIE_NAME = "Sophie Lefèvre"
ITEM = "Convocation printed or saved on the phone"
NOTE = "Je commence par la situation du CCAS, puis j'explique ce que j'en ai appris."
READY = re.compile(r"^Ready for the jury: (\d+) of (\d+)$")


def ready_line(label):
    """The "Ready for the jury" line of a sidebar row, as (done, items), or None."""
    for line in label.name.split("\n")[1:]:
        found = READY.match(line)
        if found:
            return int(found.group(1)), int(found.group(2))
    return None


def folded(text):
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


def sophie_row(app):
    return find(find(app.window, "table", "Candidates"), "label", row(SOPHIE_NAME))


def hand_done(db):
    return db.execute("SELECT count(*) FROM jury_hand_item WHERE candidate_uuid = ? AND done = 1",
                      (SOPHIE,)).fetchone()[0]


def tick(app, jury, label):
    """Ticks a hand item on the jury window's checklist (Alt+2)."""
    key("alt+2")
    check = find(jury, "check box", "Done: " + label)
    assert not check.getState().contains(pyatspi.STATE_CHECKED)
    click(check)
    wait_for(lambda: check.getState().contains(pyatspi.STATE_CHECKED), "the item ticked")


def test_sidebar_figure_sort_and_filter():
    app = App(args=["--demo"], role="coach")
    try:
        # read on the worker after the first frame: the figure comes under her stage
        label = sophie_row(app)
        wait_for(lambda: ready_line(sophie_row(app)) is not None, "the figure under her row")
        label = sophie_row(app)
        done, items = ready_line(label)
        assert label.name.split("\n")[1].startswith("Jury"), label.name
        assert 0 < done < items, label.name
        # nobody else in the demo is at the jury stage, nor has a jury dated ahead
        others = [n.name for n in walk(find(app.window, "table", "Candidates"))
                  if n.getRoleName() == "label" and "\n" in (n.name or "")
                  and ready_line(n) is not None and not n.name.startswith(SOPHIE_NAME)]
        assert others == [], others

        # her page says it too, in a row that opens the jury page
        click(label)
        page_row = find_named(app.window, "Ready for the jury: %d of %d" % (done, items))
        assert_all_named(app.window)
        with app.db() as db:
            before = hand_done(db)

        # a hand item ticked in the jury window: one more done, in the sidebar and on the page
        click(page_row)
        jury = find(app.node, "frame", "Jury")
        tick(app, jury, ITEM)
        with app.db() as db:
            wait_for(lambda: hand_done(db) == before + 1, "the item stored")
        key("ctrl+w")
        app.wait_window_closed("Jury")
        wait_for(lambda: ready_line(sophie_row(app)) == (done + 1, items),
                 "the sidebar at %d of %d" % (done + 1, items))
        find_named(app.window, "Ready for the jury: %d of %d" % (done + 1, items))

        # Readiness for the Jury: those the jury concerns first, then the others by name
        names = sidebar_names(app)
        press(find(app.window, "push button", "Sort and Filter"))
        press(find_named(app.node, "Readiness for the Jury"))
        others = sorted((n for n in names if n != SOPHIE_NAME),
                        key=lambda name: folded(name.split(" ", 1)[1]))
        wait_for(lambda: sidebar_names(app) == [SOPHIE_NAME] + others,
                 "Sophie first, then the others by name")
        key("Escape")

        # At the Jury Stage Only: Sophie alone, then everyone again
        press(find(app.window, "push button", "Sort and Filter"))
        press(find_named(app.node, "At the Jury Stage Only"))
        wait_for(lambda: sidebar_names(app) == [SOPHIE_NAME], "Sophie alone")
        key("Escape")
        press(find(app.window, "push button", "Sort and Filter"))
        press(find_named(app.node, "At the Jury Stage Only"))
        wait_for(lambda: len(sidebar_names(app)) == len(names), "everyone again")
        key("Escape")
    finally:
        app.quit()


def test_jury_page_after_an_exchange():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    coach = App(args=["--demo", "--exchange-folder", folder], role="coach")
    candidate = None
    day = datetime.date.today() + datetime.timedelta(days=24)
    day_name = "Day of the jury: " + day.strftime("%-d %b %Y")
    try:
        # the accompagnatrice moves the jury's day and ticks a hand item
        click(sophie_row(coach))
        key("ctrl+j")
        jury = find(coach.node, "frame", "Jury")
        press(find_named(jury, lambda name: name.startswith("Day of the jury: ")))
        find(coach.node, "text", "Type a date")
        key("ctrl+a")
        type_text(day.strftime("%d/%m/%Y") + "\n")
        find_named(jury, day_name)
        tick(coach, jury, ITEM)
        with coach.db() as db:
            wait_for(lambda: db.execute("SELECT date FROM jury_session WHERE candidate_uuid = ?",
                                        (SOPHIE,)).fetchone()[0] == day.isoformat(),
                     "the day stored")
            wait_for(lambda: db.execute("SELECT done FROM jury_hand_item WHERE label = ?",
                                        (ITEM,)).fetchone()[0] == 1, "the item stored")
        key("ctrl+w")
        coach.wait_window_closed("Jury")

        # her file goes through the exchange folder to the candidate's copy
        candidate = App(args=["--exchange-folder", folder], role="candidate")
        send(coach, folder)
        receive(candidate, "Dossier from your accompagnatrice imported")
        front(candidate)
        dismiss(candidate, "Dossier from your accompagnatrice imported")
        with candidate.db() as db:
            assert db.execute("SELECT date FROM jury_session WHERE candidate_uuid = ?",
                              (SOPHIE,)).fetchone()[0] == day.isoformat()
            assert db.execute("SELECT done FROM jury_hand_item WHERE label = ?",
                              (ITEM,)).fetchone()[0] == 1

        # her page says how ready she is; her jury window, the same day and the item ticked
        find_named(candidate.window, lambda name: READY.match(name) is not None, timeout=20)
        key("ctrl+j")
        jury = find(candidate.node, "frame", "Jury")
        find_named(jury, day_name)
        key("alt+2")
        # her rows are titled by the item, which names her check box too
        check = find(jury, "check box", lambda name: name.endswith(ITEM))
        assert check.getState().contains(pyatspi.STATE_CHECKED)
        assert_all_named(jury)

        # she notes an answer to a likely question
        key("alt+3")
        click(find(jury, "text", "Notes for question 1"))
        type_text(NOTE)
        with candidate.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM jury_answer WHERE note = ?",
                                        (NOTE,)).fetchone()[0] == 1, "the note stored")
        key("ctrl+w")
        candidate.wait_window_closed("Jury")

        # and sends it back: the accompagnatrice's copy holds it
        send(candidate, folder)
        receive(coach, "Dossier from %s imported" % SOPHIE_NAME)
        with coach.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM jury_answer WHERE"
                                        " candidate_uuid = ? AND note = ?",
                                        (SOPHIE, NOTE)).fetchone()[0] == 1,
                     "the note at the accompagnatrice's")
            # what she set is still there
            assert db.execute("SELECT date FROM jury_session WHERE candidate_uuid = ?",
                              (SOPHIE,)).fetchone()[0] == day.isoformat()
        # she reads it in the fiche de préparation, where each question has its notes (the
        # jury window draws a few questions at random: the fiche lists them all)
        prep = os.path.join(coach.data_dir, "fiche.pdf")
        subprocess.run([os.environ["ACQUIS_APP"], "--data-dir", coach.data_dir,
                        "--export-jury-prep", SOPHIE, "--output", prep], check=True,
                       capture_output=True)
        text = " ".join(subprocess.run(["pdftotext", prep, "-"], check=True,
                                       capture_output=True, text=True).stdout.split())
        assert "Mes notes" in text and "situation du CCAS" in text, text[-600:]
        front(coach)
        key("ctrl+j")
        jury = find(coach.node, "frame", "Jury")
        find_named(jury, day_name)
        key("ctrl+w")
        coach.wait_window_closed("Jury")
    finally:
        coach.quit()
        if candidate is not None:
            candidate.quit()


if __name__ == "__main__":
    run([test_sidebar_figure_sort_and_filter, test_jury_page_after_an_exchange])
