# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for Acquis's end-to-end journeys: start the real app, find controls the way a
screen reader does (role and name), click, type, read back. TAP output for meson."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

# pyatspi alone: dogtail.tree refuses to load unless the desktop's accessibility setting is
# on, which a private test session does not have; the input it generates is pyatspi's anyway.
import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402

APP = os.environ["ACQUIS_APP"]


def _wake_registry():
    """The accessibility registry starts on its first call: an app started before it runs
    may never be listed. Ask it something, and wait for an answer, before any app starts."""
    end = time.monotonic() + 20
    while time.monotonic() < end:
        try:
            pyatspi.Registry.getDesktop(0).childCount
            return
        except Exception:
            time.sleep(0.1)


_wake_registry()


class App:
    """One running Acquis on its own data folder."""

    def __init__(self, data_dir=None, args=(), env=None, role="coach"):
        self.data_dir = data_dir or tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
        full_env = dict(os.environ)
        full_env.update(env or {})
        full_env.pop("NO_AT_BRIDGE", None)
        self.proc = subprocess.Popen([APP, "--data-dir", self.data_dir, *args], env=full_env)
        self.node = wait_for(lambda: find_app(self.proc.pid), "the application on the bus")
        self.window = wait_for(lambda: first(self.node, "frame"), "the main window")
        if role is not None:
            self.answer_role(role)

    def answer_role(self, role):
        """At the first run Acquis asks who uses it; a new data folder is a first run."""
        names = {"coach": ("I Am an Accompagnatrice", "Je suis accompagnatrice"),
                 "candidate": ("I Am a Candidate", "Je suis candidat·e")}[role]
        end = time.monotonic() + 10
        while time.monotonic() < end:
            found = first(self.node, "push button", lambda name: name in names)
            if found is not None:
                press(found)
                wait_for(lambda: len(self.windows()) == 1, "the question to close")
                return
            if first(self.node, "label", "The Data File Is Damaged") is not None:
                return  # asked after the damaged file is dealt with
            time.sleep(0.1)

    def windows(self):
        return [self.node.getChildAtIndex(i).name for i in range(self.node.childCount)]

    def wait_window_closed(self, name):
        # Only the top-level list is read: walking into a window while GTK 4.8 destroys it
        # can break the application's accessibility connection.
        wait_for(lambda: name not in self.windows(), "the window %r to close" % name)

    def kill(self, sig=signal.SIGKILL):
        self.proc.send_signal(sig)
        self.proc.wait(timeout=10)

    def quit(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def db(self):
        return sqlite3.connect(os.path.join(self.data_dir, "acquis.db"))

    def list_candidates(self):
        out = subprocess.run([APP, "--data-dir", self.data_dir, "--list-candidates"],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines()]


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def wait_for(probe, what, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            result = probe()
        except Exception:  # the tree changes under our feet while the app works
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def extents(node):
    # GTK 4.8 reports window-relative coordinates only; with no window manager the window
    # sits at 0,0, so they are also the screen's.
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def showing(node):
    """GTK 4.8 sets no SHOWING state: a control is on screen if visible and allocated."""
    if not node.getState().contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        box = extents(node)
    except Exception:
        return False
    return box.width > 0 and box.height > 0


def spoken(name):
    """The name as a person hears it. GTK 4.8 names a button that has a label property twice,
    mnemonic included ("_Undo Undo"); Acquis drops that label property when such a button is
    mapped (acq_a11y_name_mnemonic_buttons()), and e2e-names checks the names on screen as the
    bus gives them. A button not mapped yet, as one of the two layouts of a message dialog,
    still reads twice: the journeys compare what is meant."""
    name = (name or "").replace("_", "")
    half = len(name) // 2
    if len(name) % 2 == 1 and name[:half] == name[half + 1:] and name[half] == " ":
        return name[:half]
    return name


def matches(node, name):
    """A name to compare with what is spoken, or a function that judges the spoken name."""
    if name is None:
        return True
    if callable(name):
        return name(spoken(node.name))
    return spoken(node.name) == name


def row(name):
    """A sidebar row: its label reads the name, then the stage on a second line (the Today
    view's rows say the name alone, on a label of its own)."""
    return lambda spoken_name: "\n" in spoken_name and spoken_name.split("\n")[0] == name


def settled(search):
    """Runs a walk of the tree again when a node it reached was destroyed under it: the app
    goes on working while it is read (a list refilled, a preview page replaced), and a stale
    node answers "the application no longer exists" though the application is there."""
    for attempt in range(5):
        try:
            return search()
        except GLib.Error:
            if attempt == 4:
                raise
            time.sleep(0.3)


def first(node, role, name=None, visible=True):
    def search():
        for n in walk(node):
            if n.getRoleName() == role and matches(n, name) \
                    and (not visible or showing(n)):
                return n
        return None
    return settled(search)


def first_named(node, name):
    """The first control on screen whose spoken name matches, whatever its role."""
    def search():
        for n in walk(node):
            if n.name and matches(n, name) and showing(n):
                return n
        return None
    return settled(search)


def find_named(node, name, timeout=10.0):
    return wait_for(lambda: first_named(node, name), "a control named %s" % describe(name),
                    timeout)


def find(node, role, name, timeout=10.0):
    return wait_for(lambda: first(node, role, name), "%s %s" % (role, describe(name)), timeout)


def absent(node, role, name, timeout=10.0):
    wait_for(lambda: first(node, role, name) is None, "%s %s to go away" % (role, describe(name)),
             timeout)


def describe(name):
    return "(a row)" if callable(name) else repr(name)


def labels(node):
    return [n.name for n in walk(node) if n.getRoleName() == "label" and showing(n)]


def scroll_into_view(node):
    """Turns the mouse wheel over the control's scrolled area until it is inside it."""
    pane = node.parent
    while pane is not None and pane.getRoleName() not in ("scroll pane", "application"):
        pane = pane.parent
    if pane is None or pane.getRoleName() != "scroll pane":
        return
    for _ in range(80):
        area, box = extents(pane), extents(node)
        if box.y >= area.y and box.y + box.height <= area.y + area.height:
            return
        wheel = "b5c" if box.y + box.height > area.y + area.height else "b4c"
        pyatspi.Registry.generateMouseEvent(area.x + area.width // 2,
                                            area.y + area.height // 2, wheel)
        time.sleep(0.05)
    raise AssertionError("could not scroll %r into view" % node.name)


def click(node):
    """Clicks the middle of a control, as a mouse would, scrolling to it first."""
    scroll_into_view(node)
    box = extents(node)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")
    time.sleep(0.3)


def press(node):
    """Activates a button by its action, without coordinates. A menu button's action is on the
    toggle button GTK 4.8 puts inside it."""
    for candidate in walk(node):
        try:
            action = candidate.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                action.doAction(i)
                time.sleep(0.2)
                return
    raise AssertionError("%r has no click action" % node.name)


def keysym(char):
    """The X keysym of a character: Latin-1 maps to itself, the rest to 0x1000000 + code."""
    code = ord(char)
    if char == "\n":
        return 0xFF0D
    if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF:
        return code
    return 0x01000000 + code


def type_text(text):
    """Types text key by key, accents included, into the focused control."""
    for char in text:
        pyatspi.Registry.generateKeyboardEvent(keysym(char), None, pyatspi.KEY_SYM)
        time.sleep(0.02)
    time.sleep(0.2)


def key(combo):
    """Presses keys as xdotool names them: "Delete", "ctrl+n", "alt+Left"."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=True)
    time.sleep(0.3)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def save_through_chooser(app, open_it, title, target, done):
    """Opens the file chooser @title with @open_it, saves as @target, waits for the toast
    @done: the file is written on a worker or at once."""
    open_it()
    wait_for(lambda: title in app.windows(), "the file chooser")
    time.sleep(1)
    key("ctrl+a")
    type_text(target)
    key("Return")
    app.wait_window_closed(title)
    find(app.window, "label", done, timeout=60)


def run(tests):
    """Runs test functions, prints TAP, exits non-zero on failure."""
    print("1..%d" % len(tests), flush=True)
    failed = 0
    for i, test in enumerate(tests, 1):
        try:
            test()
            print("ok %d %s" % (i, test.__name__), flush=True)
        except Exception:
            failed += 1
            print("not ok %d %s" % (i, test.__name__), flush=True)
            for line in traceback.format_exc().splitlines():
                print("# " + line, flush=True)
    sys.exit(1 if failed else 0)
