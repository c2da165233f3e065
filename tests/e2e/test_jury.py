# SPDX-License-Identifier: GPL-3.0-or-later
"""The jury window. The accompagnatrice opens Sophie Lefèvre's jury in the demo: she moves the
jury's day, types a time that is refused while half typed and kept, reads in the checklist
what is missing and ticks a hand item; she records that Aïcha Traoré's bloc 2 was not obtained
either, and the post-jury plan lists it. The candidate rehearses by keyboard only (Space,
Right, Escape) on a clock sped up for the test, and the run is stored; she notes an answer
to a likely question; the jury’s procès-verbal is attached to Aïcha’s result. The fiche de
préparation is exported to a PDF. On the Oral page the accompagnatrice adds a key point to
the first outline card, marks a competence à retravailler with a remark and attaches the
convocation's PDF; the candidate, on the same data, reads the mark, rehearses and sees the
card under the clock, and Down moves to the next card. The store is read at each step."""

import datetime
import os
import time

import pyatspi

from acqtest import (App, find, find_named, first, key, press, row, run, text_of, type_text,
                     wait_for, click, showing)
from test_practice import NAMED_ROLES, assert_all_named

NOTE = "Un exemple court : la permanence du mardi."
POINT = "La permanence du mardi, en deux minutes"
REMARK = "Donner un exemple chiffré."
CLOSED = "Un atelier CV"
COMPETENCE = "RNCP37274BC01, competence 1"
SOPHIE = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03"
AICHA = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d05"


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

        # the jury's procès-verbal, attached from the menu: kept as her document, named by
        # the result, shown on the Result page
        pv = a_pdf(os.path.join(os.path.dirname(app.data_dir), "pv-aicha.pdf"))
        press(find_named(jury, "Jury Menu"))
        press(find(app.node, "menu item", "Attach the Jury's Report (PV)…"))
        wait_for(lambda: "Attach the Jury's Report (PV)" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(pv)
        key("Return")
        app.wait_window_closed("Attach the Jury's Report (PV)")
        with app.db() as db:
            wait_for(lambda: db.execute("SELECT count(*) FROM candidate_document WHERE"
                                        " file_name = 'pv-aicha.pdf'").fetchone()[0] == 1,
                     "the report stored")
        find(jury, "label", "pv-aicha.pdf")
        with app.db() as db:
            kind, sha = db.execute("SELECT kind, sha256 FROM candidate_document WHERE"
                                   " candidate_uuid = ? AND file_name = 'pv-aicha.pdf'",
                                   (AICHA,)).fetchone()
            assert kind == 4, kind
            wait_for(lambda: db.execute("SELECT pv_sha256 FROM jury_result WHERE"
                                        " candidate_uuid = ?", (AICHA,)).fetchone()[0] == sha,
                     "the result names it")

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


def a_pdf(path):
    """A small PDF of one blank page, with its cross-reference table."""
    content = b"0 0 m 100 100 l S"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)
    return path


def assert_all_named_but_toasts(node):
    """assert_all_named(), but for the close button libadwaita 1.2 puts in a toast unnamed."""
    def controls(n):
        if n.name == "AdwToastWidget":
            return
        if n.getRoleName() in NAMED_ROLES - {"list item"} and showing(n):
            yield n
        for i in range(n.childCount):
            yield from controls(n.getChildAtIndex(i))
    unnamed = [n.getRoleName() for n in controls(node)
               if not (n.name or "").strip() or n.name.startswith(("Gtk", "Adw"))]
    assert not unnamed, "unnamed controls in %r: %s" % (node.name, unnamed)


def first_card(db):
    return db.execute("SELECT title, key_points FROM jury_card WHERE candidate_uuid = ?"
                      " ORDER BY position LIMIT 1", (SOPHIE,)).fetchone()


def mark(db):
    return db.execute("SELECT r.state, r.remark FROM jury_readiness r JOIN competence c"
                      " ON c.uuid = r.competence_uuid JOIN bloc b ON b.uuid = c.bloc_uuid"
                      " WHERE r.candidate_uuid = ? AND b.code = 'RNCP37274BC01'"
                      " AND c.position = 1", (SOPHIE,)).fetchone()


def test_oral_outline_readiness_and_convocation():
    app = App(args=["--demo"], role="coach")
    data_dir = app.data_dir
    try:
        jury = open_jury(app, "Sophie Lefèvre")
        key("alt+5")
        title = find(jury, "text", "Title of card 1")
        assert text_of(title).startswith("RNCP37274BC01 — "), text_of(title)
        assert_all_named(jury)

        # a key point typed at the end of the first card, saved after a pause
        click(find(jury, "text", "Key points of card 1"))
        key("ctrl+End")
        type_text(POINT)
        with app.db() as db:
            wait_for(lambda: first_card(db)[1].endswith(POINT), "the card stored")

        # competence 1 of bloc 1 to rework, with a remark
        press(find(jury, "push button", "To rework: " + COMPETENCE))
        with app.db() as db:
            wait_for(lambda: (mark(db) or (0,))[0] == 2, "the mark stored")
        click(find(jury, "text", "Remark on " + COMPETENCE))
        type_text(REMARK)
        with app.db() as db:
            wait_for(lambda: mark(db) == (2, REMARK), "the remark stored")

        # the convocation's PDF, attached from the session page
        pdf = a_pdf(os.path.join(os.path.dirname(data_dir), "convocation-sophie.pdf"))
        press(find_named(jury, "Jury Menu"))
        press(find(app.node, "menu item", "Attach the Convocation…"))
        wait_for(lambda: "Attach the Convocation" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(pdf)
        key("Return")
        app.wait_window_closed("Attach the Convocation")
        key("alt+1")
        find(jury, "push button", "Open", timeout=30)
        find(jury, "label", "convocation-sophie.pdf")
        with app.db() as db:
            kind, sha = db.execute("SELECT kind, sha256 FROM candidate_document WHERE"
                                   " candidate_uuid = ? AND file_name ="
                                   " 'convocation-sophie.pdf'", (SOPHIE,)).fetchone()
            assert kind == 3, kind
            wait_for(lambda: session(db, "convocation_sha256") == sha, "the session names it")
            assert session(db, "convocation_date") is not None
        find(jury, "label", "The convocation was attached")
        assert_all_named_but_toasts(jury)

        # typed and closed at once, before the pause that saves: closing saves it
        key("alt+5")
        click(find(jury, "text", "Key points of card 2"))
        key("ctrl+End")
        type_text(CLOSED)
        key("ctrl+w")
        app.wait_window_closed("Jury")
        with app.db() as db:
            assert db.execute("SELECT key_points FROM jury_card WHERE candidate_uuid = ?"
                              " ORDER BY position LIMIT 1 OFFSET 1",
                              (SOPHIE,)).fetchone()[0].endswith(CLOSED)
    finally:
        app.quit()

    # the candidate, on the same data: she reads the mark and rehearses with the cards
    app = App(data_dir=data_dir, role="candidate", env={"ACQ_JURY_TIMER_SPEED": "60"})
    try:
        jury = open_jury(app, "Sophie Lefèvre")
        key("alt+5")
        assert text_of(find(jury, "text", "Remark on " + COMPETENCE)) == REMARK
        assert not find(jury, "push button", "To rework: " + COMPETENCE).getState() \
            .contains(pyatspi.STATE_SENSITIVE), "the candidate may not mark"
        key("ctrl+r")
        find(jury, "label", lambda text: text.startswith("Part 1 of 3: "))
        find(jury, "label", lambda text: text.startswith("Card 1 of 3: RNCP37274BC01 — "))
        find(jury, "label", lambda text: text.endswith(POINT))
        assert_all_named(jury)
        key("Down")
        find(jury, "label", lambda text: text.startswith("Card 2 of 3: RNCP37274BC02 — "))
        key("Right")
        find(jury, "label", lambda text: text.startswith("Part 2 of 3: "))
        find(jury, "label", lambda text: text.startswith("Card 2 of 3: "))
        key("Up")
        find(jury, "label", lambda text: text.startswith("Card 1 of 3: "))
        key("Escape")
        find(jury, "push button", "Rehearse")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_coach_session_checklist_and_result, test_candidate_rehearses_by_keyboard,
         test_oral_outline_readiness_and_convocation])
