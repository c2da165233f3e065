# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice opens the demo candidate's competence map: it reads at first sight (its
blocs folded, text of 9 points at least), fits itself again when the window changes until she
zooms, and its arrows follow the screen. She unfolds the blocs, moves through its nodes with
the keyboard (the focused node clear of the zoom buttons), links a sheet to a competence of bloc 3 from the sheet's menu (the keyboard's
drag and drop), sees the coverage change on the map and in the main window, undoes it, drags
a sheet onto a competence with the mouse and a link away from its course, finds a sheet with
Ctrl+F, folds a bloc, exports the map to PDF and reads it as an outline, where a sheet opens.
Read back from the screen, from the store and from the file."""

import os
import subprocess
import time

import pyatspi

from acqtest import (App, absent, click, extents, find, find_named, key, press, row, run,
                     showing, text_of, type_text, wait_for)

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
LEVELS = ("No sheet yet", "Drafts only", "Changes requested", "Waiting for review", "Validated")
ANALYSIS = "Analyser la demande et repérer les besoins, attentes, freins et ressources de la " \
           "personne afin de poser les bases d'un diagnostic partagé."


def node_named(label):
    """A node's name: a competence's begins with its code, "C1.4 · Travailler…"."""
    if callable(label):
        return label
    return lambda name: name == label or name.endswith(" · " + label)


def focused_node(window):
    for node in walk_buttons(window):
        if node.getState().contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def focused(window):
    """The map's node that has the keyboard focus: its name and its description."""
    node = focused_node(window)
    return (node.name, node.description) if node is not None else None


def centre(node):
    box = extents(node)
    return box.x + box.width / 2, box.y + box.height / 2


def zoom(window):
    """The zoom, in per cent, as the button that shows it says."""
    button = find_named(window, lambda name: name.startswith("Zoom ") and "%" in name)
    return int(button.name.split()[1])


def resize(width, height=760):
    window_id = subprocess.check_output(["xdotool", "search", "--name",
                                         "^Competence Map$"]).split()[-1]
    subprocess.run(["xdotool", "windowsize", window_id, str(width), str(height)], check=True)
    time.sleep(1.5)


def arrow(window, direction):
    """Presses an arrow; if the focus moves, it moves that way on screen. Returns the node."""
    before = focused_node(window)
    key(direction)
    time.sleep(0.4)
    after = focused_node(window)
    if after.name == before.name:
        return after
    # both where they are now: the view may have moved to show the new one
    x0, y0 = centre(before)
    x1, y1 = centre(after)
    dx, dy = {"Up": (0, -1), "Down": (0, 1), "Left": (-1, 0), "Right": (1, 0)}[direction]
    along = (x1 - x0) * dx + (y1 - y0) * dy
    assert along > 0 and abs((x1 - x0) * dy - (y1 - y0) * dx) <= along + 1, \
        "%s went from %r to %r" % (direction, before.name, after.name)
    return after


def meet(a, b):
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height \
        and b.y < a.y + a.height


def between(a, b):
    """The middle of the stretch of the line between two boxes' centres that is outside both."""
    ax, ay = a.x + a.width / 2, a.y + a.height / 2
    bx, by = b.x + b.width / 2, b.y + b.height / 2

    def inside(box, x, y):
        return box.x <= x <= box.x + box.width and box.y <= y <= box.y + box.height

    out = [t / 100 for t in range(101)
           if not inside(a, ax + (bx - ax) * t / 100, ay + (by - ay) * t / 100)
           and not inside(b, ax + (bx - ax) * t / 100, ay + (by - ay) * t / 100)]
    t = (out[0] + out[-1]) / 2
    return int(ax + (bx - ax) * t), int(ay + (by - ay) * t)


def find_node(label):
    key("ctrl+f")
    key("ctrl+a")
    type_text(label)
    key("Return")


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
    want = node_named(name)
    return wait_for(lambda: want((focused(window) or ("", ""))[0]) and focused(window),
                    "the focus on %r" % name)


def description(window, name):
    want = node_named(name)
    for node in walk_buttons(window):
        if want(node.name):
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
        for level in LEVELS:
            find(window, "label", level)
        # it opens readable: the whole map would show its text at 5 px, so its blocs are
        # folded, each with what it holds, at a zoom where text is 12 px (9 pt) at least
        expect_focus(window, CERTIFICATION)
        wait_for(lambda: zoom(window) >= 86, "a readable zoom")
        bloc_3 = find(window, "push button", lambda name: name.startswith(BLOC_3))
        assert bloc_3.name.endswith("5 competences, 0 validated"), bloc_3.name
        assert bloc_3.description.startswith("Bloc, 5 competences, 0 validated — "), \
            bloc_3.description
        absent(window, "push button", node_named(PROSPECTION))
        # the arrows follow the screen: down goes down, to bloc 2 below; Backspace goes up the
        # tree
        assert arrow(window, "Down").name.startswith("Bloc 2 — ")
        key("BackSpace")
        expect_focus(window, CERTIFICATION)
        for direction in ("Left", "Right", "Up"):
            arrow(window, direction)
            key("Home")
            expect_focus(window, CERTIFICATION)
        # narrower, the folded map no longer reads: bloc 3, the one with least validated, opens
        # at the actual size; wider again, folded again
        resize(700)
        find(window, "push button", node_named(PROSPECTION))
        assert zoom(window) == 100, zoom(window)
        resize(1100)
        absent(window, "push button", node_named(PROSPECTION))
        # once she zooms, her view stays; the whole map, asked for, fits again
        key("ctrl+minus")
        zoomed = zoom(window)
        resize(800)
        assert zoom(window) == zoomed, (zoom(window), zoomed)
        absent(window, "push button", node_named(PROSPECTION))
        key("ctrl+0")
        fitted = zoom(window)
        resize(1100)
        wait_for(lambda: zoom(window) > fitted, "the map fitted again")
        # she unfolds the blocs: her folds win over the map's
        for bloc in ("Mettre en œuvre une offre de services",
                     "Accueillir pour analyser la demande",
                     "Accompagner les personnes dans leur parcours"):
            find_node(bloc)
            expect_focus(window, lambda name: name.startswith("Bloc ") and bloc in name)
            key("space")
        find(window, "push button", node_named(PROSPECTION))
        find(window, "push button", node_named(CONTRACT))
        find(window, "push button", node_named(TEAMWORK))
        key("ctrl+0")
        # the codes of the competences, as in the grid
        find(window, "push button", lambda name: name.startswith("C3.1 · Déployer des actions"))
        find_node("contractualiser")
        _, state = expect_focus(window, CONTRACT)
        assert state == "1 sheet, none validated — Drafts only", state
        find_node("parrainage")
        _, state = expect_focus(window, SPONSORSHIP)
        assert state.startswith("Sheet: Drafts only, linked to 2 competences"), state
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
        drag(find(window, "push button", WORKSHOP), find(window, "push button", node_named(SUPPORT)))
        find_named(app.node, "Change a Validated Sheet?")
        press(find_named(app.node, "Link"))
        wait_for(lambda: description(window, SUPPORT) == "1 sheet, none validated — Drafts only",
                 "the dragged sheet to be linked")
        assert links(app, "Apporter un appui technique") == [(WORKSHOP,)]
        # a link dragged away from its course is undone: the one from C1.2 to the RSA sheet,
        # placed beside it, runs straight from one box to the other
        x, y = between(extents(find(window, "push button", node_named(ANALYSIS))),
                       extents(find(window, "push button", DIAGNOSIS)))
        drag_points(x, y, x - 120, y - 60)
        find_named(app.node, lambda name: name.startswith("Sheet unlinked from C1.2"))
        assert (DIAGNOSIS,) not in links(app, "Analyser la demande et repérer")
        # Ctrl+F finds a sheet, Enter goes to it
        key("ctrl+f")
        key("ctrl+a")
        type_text("parrainage")
        key("Return")
        expect_focus(window, SPONSORSHIP)
        # Backspace goes up to one of its competences, then to that competence's bloc, which
        # Space folds and unfolds
        key("BackSpace")
        competence, _ = expect_focus(window, lambda name: " · " in name)
        key("BackSpace")
        bloc, _ = expect_focus(window, lambda name: name.startswith("Bloc "))
        key("space")
        absent(window, "push button", competence)
        key("space")
        find(window, "push button", competence)
        # at the actual size, a node the arrows reach is brought into view clear of the zoom
        # buttons, and each arrow goes its way on screen
        key("ctrl+1")
        key("Home")
        buttons = [extents(find_named(window, name)) for name in
                   ("Zoom Out", "Zoom In", "Show the Whole Map")]
        view = extents(find(window, "panel", "Competence Map"))
        for direction in ("Down", "Down", "Right", "Right", "Down", "Right", "Down", "Down",
                          "Left", "Up"):
            node = arrow(window, direction)
            box = extents(node)
            assert not any(meet(box, button) for button in buttons), (node.name, box)
            assert box.y >= view.y and box.y + box.height <= view.y + view.height, \
                (node.name, box)
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
        find(window, "push button", "Show in Files")
        with open(target, "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        if os.environ.get("ACQUIS_E2E_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["ACQUIS_E2E_SHOT"]])
        # the outline, Ctrl+L: every row says its state; a sheet opens as on the map
        key("ctrl+l")
        outline = find(window, "list", "Competence Outline")
        # finding and zooming are the map's: not offered over the outline
        wait_for(lambda: not find_named(window, "Find in the Map").getState().contains(
            pyatspi.STATE_SENSITIVE), "the search to be off")
        rows = [n for n in walk_role(outline, "list item") if showing(n)]
        assert len(rows) > 20, len(rows)
        for item in rows:
            assert any(level in item.name for level in LEVELS), item.name
        find(outline, "list item", lambda name: name.startswith(
            "C3.1 · Déployer des actions") and name.endswith(", No sheet yet"))
        # Ctrl+L goes back to the map, and again to the outline
        key("ctrl+l")
        absent(window, "list", "Competence Outline")
        find(window, "push button", CERTIFICATION)
        key("ctrl+l")
        outline = find(window, "list", "Competence Outline")
        workshop = find(outline, "list item", lambda name: name.startswith(WORKSHOP + ", "))
        click(workshop)
        wait_for(lambda: text_of(find(app.window, "text", "Title")) == WORKSHOP,
                 "the sheet opened in the main window")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_navigate_link_find_fold_export])
