# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice opens the demo candidate's competence map, moves through its nodes with
the keyboard, links a sheet to a competence of bloc 3 from the sheet's menu (the keyboard's
drag and drop), sees the coverage change on the map and in the main window, undoes it, drags
a sheet onto a competence with the mouse and a link away from its course, finds a sheet with
Ctrl+F, folds a bloc and exports the map to PDF. Read back from the screen, from the store and
from the file."""

import os
import subprocess
import time

import pyatspi

from acqtest import (App, absent, click, extents, find, find_named, key, press, row, run,
                     type_text, wait_for)

CERTIFICATION = "RNCP37274 — Conseiller en insertion professionnelle"
BLOC_1 = "Bloc 1 — Accueillir pour analyser la demande des personnes et poser les bases " \
         "d'un diagnostic partagé"
BLOC_2 = "Bloc 2 — Accompagner les personnes dans leur parcours d'insertion sociale et " \
         "professionnelle"
BLOC_3 = "Bloc 3 — Mettre en œuvre une offre de services auprès des employeurs pour " \
         "favoriser l'insertion professionnelle"
CONTRACT = "Contractualiser avec la personne les objectifs, les étapes et les modalités de " \
           "son parcours d'insertion professionnelle."
SPONSORSHIP = "Parrainage d'une jeune vers l'emploi"
PROSPECTION = "Déployer des actions de prospection auprès des employeurs du territoire afin " \
              "de repérer des opportunités d'insertion."
SUPPORT = "Apporter un appui technique aux employeurs dans leurs démarches de recrutement."
WORKSHOP = "Atelier CV collectif hebdomadaire"
TEAMWORK = "Travailler en équipe, en réseau et en partenariat afin d'apporter des réponses " \
           "coordonnées aux situations rencontrées."
DIAGNOSIS = "Diagnostic partagé avec une allocataire du RSA"


def focused(window):
    """The map's node that has the keyboard focus: its name and its description."""
    for node in walk_buttons(window):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node.name, node.description
    return None


def walk_role(node, role, depth=0):
    if node is None or depth > 40:
        return
    if node.getRoleName() == role:
        yield node
    for i in range(node.childCount):
        yield from walk_role(node.getChildAtIndex(i), role, depth + 1)


def walk_buttons(node):
    return walk_role(node, "push button")


def expect_focus(window, name):
    return wait_for(lambda: (focused(window) or ("", ""))[0] == name and focused(window),
                    "the focus on %r" % name)


def description(window, name):
    for node in walk_buttons(window):
        if node.name == name:
            return node.description
    return None


def links(app, competence_start):
    with app.db() as db:
        return db.execute(
            "SELECT s.title FROM sheet_competence l JOIN sheet s ON s.uuid = l.sheet_uuid"
            " JOIN competence c ON c.uuid = l.competence_uuid WHERE c.label LIKE ?",
            (competence_start + "%",)).fetchall()


def drag(source, target):
    """Presses on one control, moves in steps as a hand would, and releases on the other."""
    a, b = extents(source), extents(target)
    drag_points(a.x + a.width // 2, a.y + a.height // 2, b.x + b.width // 2,
                b.y + b.height // 2)


def drag_points(x0, y0, x1, y1):
    subprocess.run(["xdotool", "mousemove", str(x0), str(y0), "mousedown", "1"], check=True)
    for step in range(1, 11):
        subprocess.run(["xdotool", "mousemove", str(x0 + (x1 - x0) * step // 10),
                        str(y0 + (y1 - y0) * step // 10)], check=True)
        time.sleep(0.05)
    subprocess.run(["xdotool", "mouseup", "1"], check=True)
    time.sleep(0.5)


def test_navigate_link_find_fold_export():
    app = App(args=["--demo"], role="coach")
    try:
        click(find(app.window, "label", row("Hélène Dubois")))
        # the grid of the main window: nothing demonstrates C3.1 yet
        find_named(app.window, lambda name: name.startswith("C3.1,") and "No sheet yet" in name)
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Competence Map"))
        window = find(app.node, "frame", "Competence Map")
        # the legend names every level
        for level in ("No sheet yet", "Drafts only", "Changes requested", "Waiting for review",
                      "Validated"):
            find(window, "label", level)
        # the centre has the focus; the arrows go down the tree and across siblings
        expect_focus(window, CERTIFICATION)
        key("Down")
        expect_focus(window, BLOC_1)
        key("Right")
        expect_focus(window, BLOC_2)
        key("Down")
        _, state = expect_focus(window, CONTRACT)
        assert state == "1 sheet, none validated — Drafts only", state
        key("Down")
        _, state = expect_focus(window, SPONSORSHIP)
        assert state.startswith("Sheet: Drafts only, linked to 2 competences"), state
        key("Up")
        expect_focus(window, CONTRACT)
        key("Down")
        expect_focus(window, SPONSORSHIP)
        assert description(window, PROSPECTION) == "No sheet yet"
        # the keyboard's drag and drop: the sheet's menu ticks the competences it demonstrates
        key("Menu")
        press(find_named(app.node, lambda name: name.startswith("C3.1  Déployer des actions")))
        wait_for(lambda: description(window, PROSPECTION) == "1 sheet, none validated — Drafts only",
                 "the coverage of the competence to change on the map")
        assert links(app, "Déployer des actions") == [(SPONSORSHIP,)]
        find_named(app.node, lambda name: name.startswith("Sheet linked to C3.1"))
        # the main window's grid follows
        find_named(app.window, lambda name: name.startswith("C3.1,") and "Drafts only" in name)
        # undo puts it back
        press(find_named(app.node, "Undo"))
        wait_for(lambda: description(window, PROSPECTION) == "No sheet yet",
                 "the link to be undone")
        assert links(app, "Déployer des actions") == []
        # the same with the mouse: drag the workshop sheet onto another competence of bloc 3;
        # it is validated, so Acquis asks first (the link sends it back to draft)
        drag(find(window, "push button", WORKSHOP), find(window, "push button", SUPPORT))
        find_named(app.node, "Change a Validated Sheet?")
        press(find_named(app.node, "Link"))
        wait_for(lambda: description(window, SUPPORT) == "1 sheet, none validated — Drafts only",
                 "the dragged sheet to be linked")
        assert links(app, "Apporter un appui technique") == [(WORKSHOP,)]
        # a link dragged away from its course is undone: the one from C1.4 to the RSA sheet
        # runs straight between the two boxes, through the middle of their centres
        a = extents(find(window, "push button", TEAMWORK))
        b = extents(find(window, "push button", DIAGNOSIS))
        x = (a.x + a.width // 2 + b.x + b.width // 2) // 2
        y = (a.y + a.height // 2 + b.y + b.height // 2) // 2
        drag_points(x, y, x - 120, y - 60)
        find_named(app.node, lambda name: name.startswith("Sheet unlinked from C1.4"))
        assert links(app, "Travailler en équipe") == []
        # Ctrl+F finds a sheet, Enter goes to it
        key("ctrl+f")
        type_text("parrainage")
        key("Return")
        expect_focus(window, SPONSORSHIP)
        # up to its competence and bloc, across to bloc 3, which Space folds and unfolds
        key("Up")
        expect_focus(window, CONTRACT)
        key("Up")
        expect_focus(window, BLOC_2)
        key("Right")
        expect_focus(window, BLOC_3)
        key("space")
        absent(window, "push button", PROSPECTION)
        key("space")
        find(window, "push button", PROSPECTION)
        # the whole map exported from the header's menu, written by a worker thread
        target = os.path.join(app.data_dir, "carte.pdf")
        press(find_named(window, "Export the Map"))
        press(find(app.node, "menu item", "As PDF Document…"))
        wait_for(lambda: "Export the Map" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+a")  # the name field has the focus, a name proposed
        type_text(target)
        key("Return")
        app.wait_window_closed("Export the Map")
        find_named(window, "Map exported to “carte.pdf”")
        with open(target, "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        if os.environ.get("ACQUIS_E2E_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["ACQUIS_E2E_SHOT"]])
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_navigate_link_find_fold_export])
