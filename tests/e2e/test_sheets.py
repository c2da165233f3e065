# SPDX-License-Identifier: GPL-3.0-or-later
"""A candidate writes an experience sheet and asks for a review (refused while rubrics are
empty), then edits it while it waits; the accompagnatrice sees it waiting in the sidebar,
comments a passage, validates over the open comment after a warning, undoes it, asks for
changes, undoes that too, asks again and validates without a new request; the coverage grid
follows. Driven as people would, through AT-SPI, and read back from the screen and from the
store."""

import time

from acqtest import (App, absent, click, find, find_named, first, first_named, key, press, row,
                     run, text_of, type_text, wait_for)

TASKS = ("J'accueille sans rendez-vous un demandeur d'emploi orienté par le CCAS. "
         "Je reformule sa demande et nous repérons ensemble ses freins.")
MEANS = "La grille de diagnostic partagé de l'association et le logiciel de suivi."
PARTNERS = "La conseillère du CCAS."
CONTEXT = "Une association d'insertion du Lot, pôle accueil."


def add_candidate(app, first_name, last_name):
    """The coach adds a candidate to her caseload; a candidate gives her own name at the first
    run, on the page that starts her dossier."""
    button = wait_for(lambda: first(app.window, "push button",
                                    lambda n: n in ("Add a Candidate", "Start My Dossier")),
                      "Add a Candidate or Start My Dossier")
    if button.name == "Start My Dossier":
        click(find(app.window, "text", "First name"))
        type_text(first_name)
        click(find(app.window, "text", "Last name"))
        type_text(last_name)
        press(button)
        find_named(app.window, "New Sheet")
        return
    press(button)
    dialog = find(app.node, "frame", "New Candidate")
    click(find(dialog, "text", "First name"))
    type_text(first_name)
    click(find(dialog, "text", "Last name"))
    type_text(last_name)
    key("Return")
    app.wait_window_closed("New Candidate")


def rubric(app, number):
    return find(app.window, "text", lambda name: name.startswith("%d. " % number))


def link_competence(app, label_start):
    press(find_named(app.window, "Link a Competence"))
    press(find(app.node, "push button", lambda name: name.startswith(label_start)))


def sheet_row(db):
    return db.execute("SELECT title, tasks, means, review_state FROM sheet").fetchone()


def test_write_review_comment_validate():
    app = App(role="candidate")
    data_dir = app.data_dir
    try:
        add_candidate(app, "Nadia", "Haddad")
        press(find_named(app.window, "New Sheet"))
        click(find(app.window, "text", "Title"))
        type_text("Accueil d'un demandeur d'emploi")
        link_competence(app, "Informer une personne")
        link_competence(app, "Analyser la demande")
        # the chips name each competence by its code and its wording
        find_named(app.window, lambda name: name.startswith("Unlink “C1.1 · Informer une personne"))
        find_named(app.window, lambda name: name.startswith("Unlink “C1.2 · Analyser la demande"))
        # the guidance's questions for the linked competences unfold under the chips, and
        # each rubric's points to cover under its prompt
        click(find_named(app.window, "Questions to Help You Remember a Situation"))
        find_named(app.window, lambda name: name.startswith("• Pensez à une personne que vous "
                                                            "avez informée"))
        click(find_named(app.window, "What to Tell"))
        find_named(app.window, lambda name: name.startswith("• le point de départ"))
        # a period far back is typed, not clicked month by month; a typo is refused, said
        press(find_named(app.window, "Start of the period: Not set"))
        find(app.node, "text", "Type a date")
        type_text("mars 2O19\n")
        find(app.node, "label", "Not a date: type 12/03/2024 or mars 2024.")
        key("ctrl+a")
        type_text("mars 2019\n")
        find_named(app.window, "Start of the period: 1 Mar 2019")
        click(rubric(app, 1))
        type_text(TASKS)
        click(rubric(app, 2))
        type_text(MEANS)
        time.sleep(1.5)
        with app.db() as db:
            title, tasks, means, state = sheet_row(db)
            links = db.execute("SELECT count(*) FROM sheet_competence").fetchone()[0]
        with app.db() as db:
            assert db.execute("SELECT period_from FROM sheet").fetchone()[0] == "2019-03-01"
        assert title == "Accueil d'un demandeur d'emploi", title
        assert tasks == TASKS, tasks
        assert means == MEANS, means
        assert links == 2, links
        assert state == 0, state
        # incomplete: the request is refused, saying what is missing
        press(find(app.window, "push button", "Request a Review"))
        find_named(app.window, lambda name: "cannot be reviewed yet" in name
                   and "rubric 3" in name and "rubric 4" in name and "a title" not in name)
        with app.db() as db:
            assert sheet_row(db)[3] == 0
        click(rubric(app, 3))
        type_text(PARTNERS)
        click(rubric(app, 4))
        type_text(CONTEXT)
        # a candidate asks for the review, and cannot validate
        press(find(app.window, "push button", "Request a Review"))
        find(app.window, "label", "To review")
        assert first(app.window, "push button", "Validate") is None
        with app.db() as db:
            assert sheet_row(db)[3] == 1
        # offline, she is told the request travels with the dossier, and sends it at once
        find(app.window, "label", lambda name: name.startswith("Review requested. Your "
                                                               "accompagnatrice will see it"))
        press(find(app.window, "push button", "Send Dossier"))
        find(app.node, "frame", "Send Dossier")
        key("Escape")
        app.wait_window_closed("Send Dossier")
        # edited while it waits: she is told the coach will read the new text
        click(rubric(app, 4))
        key("ctrl+End")
        type_text(" Dix salariés.")
        find(app.window, "label", lambda name: name.startswith("You changed this sheet after"))
        time.sleep(1.5)
        with app.db() as db:
            assert sheet_row(db)[3] == 1
    finally:
        app.quit()

    app = App(data_dir=data_dir, role="coach")
    try:
        # the sidebar says a sheet waits for her review
        find_named(app.window, "1 sheet waits for a review")
        click(find(app.window, "label", row("Nadia Haddad")))
        # the coverage grid shows the two competences waiting for review
        find_named(app.window, lambda name: name.startswith("C1.1,") and "Waiting for review" in name)
        click(find(app.window, "label", "Accueil d'un demandeur d'emploi"))
        view = rubric(app, 1)
        wait_for(lambda: text_of(view) == TASKS, "the text the candidate wrote")
        # the edit made while waiting is told, and shown in the changes
        find(app.window, "label", lambda name: name.startswith("The candidate changed this sheet"))
        press(find(app.window, "push button", "Changes Since the Last Review"))
        changes = find(app.node, "frame", "Changes Since the Last Review")
        find(changes, "text", "Changes Since the Last Review")
        wait_for(lambda: "Dix salariés." in text_of(
            first(changes, "text", "Changes Since the Last Review"))
            and "changed this sheet after asking" in text_of(
            first(changes, "text", "Changes Since the Last Review"))
            and "1. Décrivez les tâches ou opérations" in text_of(
            first(changes, "text", "Changes Since the Last Review")),
            "the edit in the diff, under the DP's own headings")
        key("Escape")
        app.wait_window_closed("Changes Since the Last Review")
        # select the first three words, as a person would with the keyboard
        click(view)
        key("ctrl+Home")
        for _ in range(3):
            key("ctrl+shift+Right")
        press(find_named(app.window, "Comment the Selection"))
        find(app.node, "text", "Comment")  # the popover puts the focus in it
        type_text("Précisez qui vous l'adresse et pourquoi.")
        press(find_named(app.node, "Add the Comment"))
        find(app.window, "label", "Précisez qui vous l'adresse et pourquoi.")
        with app.db() as db:
            quote, body, role = db.execute(
                "SELECT quote, body, author_role FROM comment").fetchone()
        assert quote.startswith("J'accueille sans"), quote
        assert body == "Précisez qui vous l'adresse et pourquoi.", body
        assert role == 1, role
        # validating over an open comment is asked first
        press(find(app.window, "push button", "Validate"))
        warning = find_named(app.node, "Validate With Open Comments?")
        press(find(warning, "push button", "Validate"))
        find(app.window, "label", "Validated")
        # the toast offers Undo: the sheet waits again, the version is forgotten
        press(find(app.window, "push button", "Undo"))
        find(app.window, "label", "To review")
        with app.db() as db:
            assert sheet_row(db)[3] == 1
            assert db.execute("SELECT count(*) FROM sheet_version").fetchone()[0] == 1
        # asking for changes, undone too
        press(find(app.window, "push button", "Ask for Changes"))
        find(app.window, "label", "Changes requested")
        press(find(app.window, "push button", "Undo"))
        find(app.window, "label", "To review")
        with app.db() as db:
            assert sheet_row(db)[3] == 1
        # asked for changes with a remark on the whole sheet, which stays under the state; she
        # keeps Validate (a face-to-face rework), not Request a Review
        click(find(app.window, "text", "Remark on the Whole Sheet"))
        type_text("Bon début : racontez une seule situation.")
        press(find(app.window, "push button", "Ask for Changes"))
        find(app.window, "label", "Changes requested")
        find(app.window, "label",
             "Remark of the accompagnatrice: Bon début : racontez une seule situation.")
        with app.db() as db:
            assert db.execute("SELECT remark FROM sheet_version WHERE kind = 1").fetchone()[0] \
                == "Bon début : racontez une seule situation."
        absent(app.window, "push button", "Undo", timeout=15)
        find(app.window, "push button", "Validate")
        assert first(app.window, "push button", "Request a Review") is None
        press(find(app.window, "push button", "Validate"))
        warning = find_named(app.node, "Validate With Open Comments?")
        press(find(warning, "push button", "Validate"))
        find(app.window, "label", "Validated")
        with app.db() as db:
            assert sheet_row(db)[3] == 3
        # nothing changed since her decision: the changes window says so first
        press(find(app.window, "push button", "Changes Since the Last Review"))
        changes = find(app.node, "frame", "Changes Since the Last Review")
        wait_for(lambda: text_of(first(changes, "text", "Changes Since the Last Review"))
                 .startswith("No changes since "), "“No changes since …”")
        key("Escape")
        app.wait_window_closed("Changes Since the Last Review")
        # validated, the grid marks both competences validated, the sidebar has nothing waiting
        press(find(app.window, "push button", "Back"))
        find_named(app.window, lambda name: name.startswith("C1.1,") and "Validated" in name)
        find_named(app.window, lambda name: name.startswith("C1.2,") and "Validated" in name)
        assert first_named(app.window, "1 sheet waits for a review") is None
    finally:
        app.quit()


def test_kill_while_writing_a_sheet():
    app = App(role="candidate")
    data_dir = app.data_dir
    text = "Je prépare l'atelier CV du jeudi : trois participants, un ordinateur chacun."
    try:
        add_candidate(app, "Paul", "Martin")
        press(find_named(app.window, "New Sheet"))
        click(rubric(app, 1))
        type_text(text)
        time.sleep(1.0)
    finally:
        app.kill()
    app = App(data_dir=data_dir, role="candidate")
    try:
        with app.db() as db:
            assert db.execute("SELECT tasks FROM sheet").fetchone()[0] == text
        # her copy opens on her dossier: no list of candidates to choose from
        click(find_named(app.window, lambda name: name.startswith("Untitled")))
        view = rubric(app, 1)
        wait_for(lambda: text_of(view) == text, "the text typed before the kill")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_write_review_comment_validate, test_kill_while_writing_a_sheet])
