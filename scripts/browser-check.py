#!/usr/bin/env python3
"""Drives headless chromium over the DevTools protocol (--remote-debugging-pipe, no extra
packages): opens an article page, presses the font-size + control with a real mouse click,
reloads to check the size is remembered, reports whether injected script ran, and saves a
screenshot. Prints one JSON object. Usage: browser-check.py URL SCREENSHOT.png"""
import base64, json, os, subprocess, sys, tempfile, time

url, shot = sys.argv[1], sys.argv[2]
chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
profile = tempfile.mkdtemp(prefix="newsdesk-chromium-")
to_child_r, to_child_w = os.pipe()
from_child_r, from_child_w = os.pipe()

def setup():
    # dup first: dup2 onto the same number would keep the close-on-exec flag.
    a, b = os.dup(to_child_r), os.dup(from_child_w)
    os.dup2(a, 3)
    os.dup2(b, 4)

proc = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
     "--remote-debugging-pipe", "--user-data-dir=" + profile, "--window-size=1000,800", "about:blank"],
    preexec_fn=setup, pass_fds=(), close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_child_r); os.close(from_child_w)
out = os.fdopen(to_child_w, "wb", buffering=0)
inp = os.fdopen(from_child_r, "rb", buffering=0)
buf = b""; next_id = 0; events = []

def read_msg():
    global buf
    while b"\0" not in buf:
        chunk = inp.read(65536)
        if not chunk:
            raise SystemExit(json.dumps({"error": "chromium closed the pipe"}))
        buf += chunk
    msg, buf = buf.split(b"\0", 1)
    return json.loads(msg)

def call(method, params=None, session=None):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    out.write(json.dumps(msg).encode() + b"\0")
    while True:
        m = read_msg()
        if m.get("id") == next_id:
            if "error" in m:
                raise SystemExit(json.dumps({"error": method + ": " + str(m["error"])}))
            return m.get("result", {})
        events.append(m)

def wait_event(name, deadline=15):
    end = time.time() + deadline
    while time.time() < end:
        for i, e in enumerate(events):
            if e.get("method") == name:
                del events[i]
                return e
        events.append(read_msg())
    raise SystemExit(json.dumps({"error": "timeout waiting for " + name}))

def evaluate(expr, s):
    return call("Runtime.evaluate", {"expression": expr, "returnByValue": True}, s)["result"].get("value")

def load(s, target):
    events.clear()
    call("Page.navigate", {"url": target}, s)
    wait_event("Page.loadEventFired")

try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    s = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    call("Page.enable", {}, s)
    load(s, url)
    size = "parseFloat(getComputedStyle(document.getElementById('article-text')).fontSize)"
    before = evaluate(size, s)
    rect = evaluate("(function(){var r=document.getElementById('font-plus').getBoundingClientRect();"
                    "return [r.x+r.width/2, r.y+r.height/2]})()", s)
    for kind in ("mousePressed", "mouseReleased"):
        call("Input.dispatchMouseEvent", {"type": kind, "x": rect[0], "y": rect[1], "button": "left", "clickCount": 1}, s)
    time.sleep(0.3)
    after = evaluate(size, s)
    still_here = evaluate("location.href", s)
    load(s, url)
    after_reload = evaluate(size, s)
    xss = evaluate("typeof window.__xss", s)
    png = call("Page.captureScreenshot", {"format": "png"}, s)["data"]
    with open(shot, "wb") as f:
        f.write(base64.b64decode(png))
    print(json.dumps({"before": before, "after": after, "after_reload": after_reload,
                      "xss": xss, "href_after_click": still_here}))
finally:
    proc.kill()
