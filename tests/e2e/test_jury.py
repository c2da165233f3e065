# SPDX-License-Identifier: GPL-3.0-or-later
"""The jury window. The accompagnatrice opens Sophie Lefèvre's jury in the demo: she moves the
jury's day, types a time that is refused while half typed and kept, reads in the checklist
what is missing and ticks a hand item; she records that Aïcha Traoré's bloc 2 was not obtained
either, and the post-jury plan lists it. The candidate rehearses by keyboard only (Space,
Right, Escape) on a clock sped up for the test, and the run is stored; she notes an answer
to a likely question. The fiche de
préparation is exported to a PDF. The store is read at
each step."""

import datetime
import os
import time

from acqtest import (App, find, find_named, first, key, press, row, run, text_of, type_text,
                     wait_for, click)
from test_practice import assert_all_named

NOTE = "Un exemple court : la permanence du mardi."
SOPHIE = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03"


def open_jury(app, name):
    click(find(app.window, "label", row(name)))
    key("ctrl+j")
    return find(app.node, "frame", "Jury")


def session(db, column):
    return db.execute("SELECT %s FROM jury_session WHERE candidate_uuid = ?" % column,
                      (SOPHIE,)).fetchone()[0]


def test_coach_session_checklist_and_result():
    app = App(args=["--demo"], role="coach")
    try:
        jury = open_jury(app, "Sophie Lefèvre")
        assert_all_named(jury)

        # the day of the jury, typed in the date button's popover
        day = datetime.date.today() + datetime.timedelta(days=20)
        press(find_named(jury, lambda name: name.startswith("Day of the jury: ")))
        find(app.node, "text", "Type a date")
        key("ctrl+a")
        type_text(day.strftime("%d/%m/%Y") + "\n")
        find_named(jury, "Day of the jury: " + day.strftime("%-d %b %Y"))
        with app.db() as db:
            wait_for(lambda: session(db, "date") == day.isoformat(), "the day stored")

        # a time half typed is refused and stays in its field, said why; whole, it is saved
        time_row = find(jury, "text", "Time (HH:MM)")
        click(time_row)
        key("ctrl+a")
        type_text("14:")
        find(jury, "label", lambda text: text.startswith("The time of the jury is not a time"))
        assert text_of(time_row) == "14:"
        with app.db() as db:
            # the field was empty a moment, as the selection was replaced: that was saved
            assert session(db, "time") is None
        type_text("15")
        with app.db() as db:
            wait_for(lambda: session(db, "time") == "14:15", "the time stored")

        # the checklist says what is missing, and a hand item is ticked
        key("alt+2")
        find(jury, "label", lambda text: text.startswith("Ready for the jury: "))
        find(jury, "label", "No final dossier was exported yet.")
        assert_all_named(jury)
        check = find(jury, "check box", "Done: Convocation printed or saved on the phone")
        click(check)
        with app.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM jury_hand_item WHERE"
                                        " candidate_uuid = ? AND done = 1",
                                        (SOPHIE,)).fetchone()[0] == 3, "three items done")
        key("ctrl+w")
        app.wait_window_closed("Jury")

        # Aïcha's bloc 2 was not obtained either: the plan lists it
        jury = open_jury(app, "Aïcha Traoré")
        key("alt+4")
        find(jury, "label", lambda text: text.startswith("RNCP37274BC03 — "))
        assert first(jury, "label", lambda text: text.startswith("RNCP37274BC02 — ")) is None
        assert_all_named(jury)
        # by keyboard, as test_practice's choose() does
        combo = find(jury, "combo box", "RNCP37274BC02")
        click(combo)
        time.sleep(0.8)
        key("End")  # "Exempt", whichever item the popover opened on
        key("Up")
        key("Return")
        press(find(jury, "push button", "Save the Result"))
        find(jury, "label", lambda text: text.startswith("RNCP37274BC02 — "))
        with app.db() as db:
            assert db.execute("SELECT r.outcome FROM jury_bloc_result r JOIN bloc"
                              " ON bloc.uuid = r.bloc_uuid WHERE bloc.code = 'RNCP37274BC02'"
                              ).fetchone()[0] == 2

        # the fiche de préparation, written by a worker into the file she chose
        target = os.path.join(app.data_dir, "fiche.pdf")
        press(find_named(jury, "Jury Menu"))
        press(find(app.node, "menu item", "Export Fiche de Préparation…"))
        wait_for(lambda: "Export the Fiche de Préparation" in app.windows(), "the chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(target)
        key("Return")
        app.wait_window_closed("Export the Fiche de Préparation")
        find_named(jury, "Fiche de préparation exported")
        with open(target, "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
    finally:
        app.quit()


def test_candidate_rehearses_by_keyboard():
    # a minute of the épreuve passes in a second
    app = App(args=["--demo"], role="candidate", env={"ACQ_JURY_TIMER_SPEED": "60"})
    try:
        jury = open_jury(app, "Sophie Lefèvre")
        # she reads the session and the result, and ticks the hand items only
        time_row = find(jury, "text", "Time (HH:MM)")
        click(time_row)
        type_text("1")
        assert text_of(time_row) == "09:30", text_of(time_row)
        key("alt+4")
        find(jury, "label", "Your accompagnatrice enters the jury's decision.")
        assert first(jury, "push button", "Save the Result") is None
        key("alt+2")
        find(jury, "check box", lambda name: name.endswith("Identity document ready"))
        assert first(jury, "push button", "Delete “Identity document ready”") is None
        # a likely question drawn, and her note for it saved as she types
        key("alt+3")
        click(find(jury, "text", "Notes for question 1"))
        type_text(NOTE)
        with app.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM jury_answer WHERE note = ?",
                                        (NOTE,)).fetchone()[0] == 1, "the note stored")
        assert_all_named(jury)

        with app.db() as db:
            runs = db.execute("SELECT count(*) FROM jury_rehearsal").fetchone()[0]
        key("ctrl+r")
        find(jury, "label", lambda text: text.startswith("Part 1 of 3: "))
        assert_all_named(jury)
        key("space")
        time.sleep(2.5)
        key("Right")
        find(jury, "label", lambda text: text.startswith("Part 2 of 3: "))
        time.sleep(1.5)
        key("space")
        find(jury, "label", "Paused")
        key("Escape")
        find(jury, "push button", "Rehearse")
        with app.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM jury_rehearsal")
                     .fetchone()[0] == runs + 1, "the run stored")
            parts = db.execute("SELECT parts FROM jury_rehearsal ORDER BY created_at DESC"
                               " LIMIT 1").fetchone()[0]
        seconds = [int(line.split("\t")[0]) for line in parts.splitlines()]
        assert len(seconds) == 3 and seconds[0] >= 120 and seconds[1] >= 60 and \
            seconds[2] == 0, parts
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_coach_session_checklist_and_result, test_candidate_rehearses_by_keyboard])
