# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice opens the demo candidate's Dossier Professionnel: its pages are shown
as they will print, and the rules still to meet are listed; one of them opens its sheet."""

import os
import subprocess

from acqtest import App, click, find, find_named, press, row, run, wait_for


def test_preview_shows_pages_and_rules():
    app = App(args=["--demo"], role="coach")
    try:
        click(find(app.window, "label", row("Hélène Dubois")))
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Dossier Professionnel"))
        dossier = find(app.node, "frame", "Dossier Professionnel")
        # every page is drawn, and named for a screen reader
        first = find(dossier, "image", lambda name: name.startswith("Page 1 of "), timeout=30)
        total = int(first.name.rsplit(" ", 1)[1])
        assert total >= 10, first.name
        find(dossier, "image", "Page %d of %d" % (total, total))
        # bloc 3 has no example: the rules say so
        find(dossier, "label", lambda name: name.startswith("Bloc 3") and "no" in name)
        if os.environ.get("ACQUIS_E2E_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["ACQUIS_E2E_SHOT"]])
        # a rule about a sheet opens that sheet in the main window
        click(find(dossier, "label", lambda name: name.startswith("“Diagnostic partagé")))
        find(app.window, "label", "Diagnostic partagé avec une allocataire du RSA")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_preview_shows_pages_and_rules])
