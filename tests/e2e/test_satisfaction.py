# SPDX-License-Identifier: GPL-3.0-or-later
"""The candidate fills in the satisfaction questionnaire in her own copy: a score picked for
the first question, the others left blank, a comment; it is stored as hers, and opening the
questionnaire again shows her answers to change. Then by exchange: Karim's copy, received from
his accompagnatrice, answers the questionnaire; the file he sends back brings his answers to
her copy, where her questionnaire window shows them as his. Driven through AT-SPI."""

import os
import sqlite3
import subprocess
import tempfile
import time

from acqtest import (APP, App, click, find, find_named, first, key, press, row, run, type_text,
                     wait_for)

CANDIDATE = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d99"
PASSPHRASE = "cheval correct pile agrafe"
KARIM = "Karim Benali"
COMMENT = "Des séances claires et utiles."


def cli(data_dir, *args):
    subprocess.run([APP, "--data-dir", data_dir, *args], check=True, capture_output=True,
                   env=dict(os.environ, ACQUIS_PASSPHRASE=PASSPHRASE))


def new_dir():
    return tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))


def open_questionnaire(app, title="Satisfaction Questionnaire"):
    press(find_named(app.window, "Candidate Menu"))
    press(find(app.node, "menu item", "Satisfaction Questionnaire…"))
    return find(app.node, "frame", title)


def test_candidate_answers():
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", data_dir, "--list-candidates"], check=True,
                   capture_output=True)
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        db.execute("INSERT INTO candidate (uuid, first_name, last_name, created_at, updated_at,"
                   " last_activity_at) VALUES (?, 'Nadia', 'Haddad', 'x', 'x', 'x')",
                   (CANDIDATE,))
    app = App(data_dir=data_dir, role="candidate")
    try:
        window = open_questionnaire(app)
        # the first question: its list of scores, the last one picked with the keyboard
        question = find(window, "combo box",
                        lambda n: n.startswith("Comment jugez-vous l’accueil"))
        click(question)
        time.sleep(0.5)
        key("End")
        key("Return")
        time.sleep(0.5)
        click(find(window, "text", "Comment"))
        type_text("Très clair.")
        key("ctrl+s")
        find(window, "label", "Questionnaire saved")
        with app.db() as db:
            rows = db.execute("SELECT r.author_role, r.comment, s.question_uuid, s.score FROM"
                              " satisfaction_response r JOIN satisfaction_score s ON"
                              " s.response_uuid = r.uuid WHERE s.score IS NOT NULL").fetchall()
        assert rows == [(0, "Très clair.", "accueil", 5)], rows
        press(find(window, "push button", "Close"))
        app.wait_window_closed("Satisfaction Questionnaire")

        # opened again: hers, to change, not a new one
        window = open_questionnaire(app)
        comment = find(window, "text", "Comment")
        assert comment.queryText().getText(0, -1) == "Très clair."
    finally:
        app.quit()


def pick_last_score(window, question):
    click(find(window, "combo box", lambda n: n.startswith(question)))
    time.sleep(0.5)
    key("End")
    key("Return")
    time.sleep(0.5)


def test_answers_come_back_by_exchange():
    coach_dir, candidate_dir, out = new_dir(), new_dir(), new_dir()
    sent, back = os.path.join(out, "to-karim.acquis"), os.path.join(out, "back.acquis")
    cli(coach_dir, "--demo", "--list-candidates")
    cli(coach_dir, "--role", "coach", "--export-package", KARIM, "--output", sent)
    cli(candidate_dir, "--role", "candidate", "--import", sent)

    # Karim, in his copy, answers
    app = App(data_dir=candidate_dir, role="candidate")
    try:
        window = open_questionnaire(app)
        pick_last_score(window, "Comment jugez-vous l’accueil")
        click(find(window, "text", "Comment"))
        type_text(COMMENT)
        key("ctrl+s")
        find(window, "label", "Questionnaire saved")
    finally:
        app.quit()

    # his file back: the coach's copy holds his answers, as his
    cli(candidate_dir, "--role", "candidate", "--export-package", KARIM, "--output", back)
    cli(coach_dir, "--role", "coach", "--import", back)
    with sqlite3.connect(os.path.join(coach_dir, "acquis.db")) as db:
        rows = db.execute("SELECT r.author_role, r.comment, s.score FROM satisfaction_response r"
                          " JOIN satisfaction_score s ON s.response_uuid = r.uuid JOIN candidate c"
                          " ON c.uuid = r.candidate_uuid WHERE c.first_name = 'Karim'"
                          " AND s.question_uuid = 'accueil'").fetchall()
    assert rows == [(0, COMMENT, 5)], rows

    app = App(data_dir=coach_dir, role="coach")
    try:
        click(find(app.window, "label", row(KARIM)))
        window = open_questionnaire(app, "Satisfaction — Paper Questionnaire")
        find(window, "label", lambda n: n.endswith(", by the candidate"))
        find(window, "label", lambda n: n.startswith("5 · ") and n.endswith(" — " + COMMENT))
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_candidate_answers, test_answers_come_back_by_exchange])
