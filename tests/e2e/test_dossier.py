# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice opens the demo candidate's Dossier Professionnel: its pages are shown
as they will print, with the rules still to meet; she pages through it, zooms, searches it,
and a change to a sheet in the main window shows in the open preview."""

import os
import re
import subprocess
import time

import pyatspi

from acqtest import (App, click, extents, find, find_named, first, key, press, row, run,
                     text_of, type_text, wait_for)


def open_dossier(app):
    click(find(app.window, "label", row("Hélène Dubois")))
    press(find_named(app.window, "Candidate Menu"))
    press(find(app.node, "menu item", "Dossier Professionnel"))
    dossier = find(app.node, "frame", "Dossier Professionnel")
    # the page bar shows once the dossier is laid out and read
    total_label = find(dossier, "label", lambda name: re.fullmatch(r"of \d+", name), timeout=60)
    return dossier, int(total_label.name.split()[1])


def page_number(dossier):
    return text_of(find(dossier, "text", "Page Number"))


def shot(suffix):
    if os.environ.get("ACQUIS_E2E_SHOT"):
        subprocess.run(["import", "-window", "root",
                        os.environ["ACQUIS_E2E_SHOT"].replace(".png", suffix + ".png")])


def test_preview_pages_zoom_find():
    app = App(args=["--demo"], role="coach")
    try:
        dossier, total = open_dossier(app)
        assert total >= 10, total
        wait_for(lambda: page_number(dossier) == "1", "page 1")
        # bloc 3 has no example: the rules say so
        find(dossier, "label", lambda name: name.startswith("Bloc 3") and "no" in name)
        shot("")
        # page by page, and to the end
        press(find(dossier, "push button", "Next Page"))
        wait_for(lambda: page_number(dossier) == "2", "page 2")
        press(find(dossier, "push button", "Next Page"))
        wait_for(lambda: page_number(dossier) == "3", "page 3")
        press(find(dossier, "push button", "Previous Page"))
        wait_for(lambda: page_number(dossier) == "2", "page 2 again")
        click(find(dossier, "text", "Page Number"))
        key("ctrl+a")
        type_text("%d\n" % total)
        wait_for(lambda: page_number(dossier) == str(total), "the last page")
        key("Home")
        wait_for(lambda: page_number(dossier) == "1", "the first page by Home")
        key("Next")
        wait_for(lambda: page_number(dossier) == "2", "the next page by Page Down")
        # zoom: fitted to the width at first, then larger
        zoom = find_named(dossier, lambda name: name.startswith("Zoom: "))
        before = int(re.search(r"(\d+)", zoom.name).group(1))
        press(find(dossier, "push button", "Zoom In"))
        wait_for(lambda: int(re.search(r"(\d+)", zoom.name).group(1)) > before, "a larger zoom")
        key("ctrl+0")
        wait_for(lambda: zoom.name == "Zoom: 100%", "100 %")
        # Ctrl and the mouse wheel over the pages: one notch up is one step larger
        box = extents(find_named(dossier, "Pages of the dossier"))
        subprocess.run(["xdotool", "mousemove", str(box.x + box.width // 2),
                        str(box.y + box.height // 2), "keydown", "ctrl", "click", "4",
                        "keyup", "ctrl"], check=True)
        wait_for(lambda: zoom.name == "Zoom: 120%", "120 % after Ctrl+wheel")
        # find a word of the demo dossier: a count, and the first match shown
        key("ctrl+f")
        type_text("diagnostic")
        counted = find(dossier, "label", lambda name: re.fullmatch(r"\d+ of \d+", name),
                       timeout=30)
        count = int(counted.name.split()[-1])
        assert count >= 2, counted.name
        press(find(dossier, "push button", "Next Match"))
        wait_for(lambda: first(dossier, "label", "2 of %d" % count) is not None, "match 2")
        shot("-find")
        key("ctrl+a")
        type_text("zygomatique")
        find(dossier, "label", "No matches", timeout=30)
        key("Escape")
        # the draft exported: a private copy, said with Open and Show in Files
        target = os.path.join(app.data_dir, "brouillon.pdf")
        press(find(dossier, "push button", "Export…"))
        wait_for(lambda: "Export the Dossier" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(target)
        key("Return")
        app.wait_window_closed("Export the Dossier")
        find(dossier, "label", "Dossier exported to “brouillon.pdf”")
        find(dossier, "push button", "Show in Files")
        find(dossier, "push button", "Open")
        with open(target, "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert os.stat(target).st_mode & 0o777 == 0o600, oct(os.stat(target).st_mode)
        # printing opens the print dialog, on top of the preview
        press(find_named(dossier, "Dossier Menu"))
        press(find(app.node, "menu item", "Print…"))
        printing = find(app.node, "dialog", "Print", timeout=20)
        press(find(printing, "push button", "Cancel"))
        app.wait_window_closed("Print")
        # the final dossier holds validated sheets only: refused, with what is missing
        press(find_named(dossier, "Dossier Menu"))
        press(find(app.node, "menu item", "Export the Final Dossier…"))
        refusal = find(app.node, "label", lambda name: name.startswith("The jury’s dossier holds")
                       and "Bloc 3" in name)
        while refusal.getRole() not in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME,
                                        pyatspi.ROLE_WINDOW):
            refusal = refusal.parent
        press(find(refusal, "push button", "Close"))
        find(dossier, "push button", "Next Page")
        # a rule about a sheet opens that sheet in the main window
        click(find(dossier, "label", lambda name: name.startswith("“Diagnostic partagé")))
        find(app.window, "label", "Diagnostic partagé avec une allocataire du RSA")
    finally:
        app.quit()


def test_preview_follows_an_edit():
    app = App(args=["--demo"], role="coach")
    try:
        dossier, total = open_dossier(app)
        click(find(dossier, "label", lambda name: name.startswith("“Diagnostic partagé")))
        title = find(app.window, "text", "Title")
        click(title)
        key("End")
        type_text(" révisé")
        # saved, then made again a moment later, in the same window
        find(dossier, "label",
             lambda name: name.startswith("“Diagnostic partagé avec une allocataire du RSA révisé”"),
             timeout=60)
        assert app.windows().count("Dossier Professionnel") == 1, app.windows()
        wait_for(lambda: first(dossier, "label", re.compile(r"of \d+").fullmatch) is not None,
                 "the pages again")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_preview_pages_zoom_find, test_preview_follows_an_edit])
