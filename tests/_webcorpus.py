"""A tiny corpus for the web, API, report and browser tests, and a real server to test over HTTP.

Records are built here (no NLP needed, so the fixtures are fast) and stored through the store's
own ingest, exactly as `sitrep ingest` stores them. Offsets are found in the texts, not typed in.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from sitrep.record import Count, Entity, Event, Location, Mention, Quote, Record

XSS_TITLE = '<script>window.__xss = "title"</script>Shelling reported'
XSS_TEXT = ('Shelling reported <img src=x onerror="window.__xss=\'img\'"> near Kharkiv.\n'
            'Artillery shelled Kharkiv on Friday, the mayor said <script>window.__xss = "body"</script>.\n'
            'Read more <a href="javascript:alert(1)" onclick="window.__xss=\'click\'">here</a>\n')


def _m(text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    sent_start = text.rfind("\n", 0, start) + 1
    sent_end = text.find("\n", start)
    sent_end = len(text) if sent_end < 0 else sent_end
    return Mention(needle, start, start + len(needle), text[sent_start:sent_end], sent_start, sent_end)


def _event(text: str, sentence: str, **kw) -> Event:
    m = _m(text, sentence)
    return Event(evidence=sentence, start=m.start, end=m.end, **kw)


def records() -> list[Record]:
    out = []
    # 1 and 2: the same strike, two outlets, different death tolls (a dispute)
    for i, (source, killed, who) in enumerate((("Kyiv Daily", 3, "local authorities"),
                                               ("Wire Service", 5, "regional governor"))):
        text = (f"Missiles hit Zaporizhzhia\n"
                f"Russian forces fired missiles at Zaporizhzhia on Thursday, killing {killed} people, "
                f"{who} said.\n"
                f"\"We will rebuild every house,\" said Oleksandr Starukh.\n"
                f"Subscribe to our newsletter\n")
        sent = f"Russian forces fired missiles at Zaporizhzhia on Thursday, killing {killed} people, {who} said."
        zap = Location("Zaporizhzhia", "UA", 47.84, 35.14, kind="city", admin1="Zaporizhzhia Oblast",
                       mentions=[_m(text, "Zaporizhzhia"), _m(text, "Zaporizhzhia", 1)])
        starukh = Entity("Oleksandr Starukh", kind="person", role="Governor", country="UA",
                         mentions=[_m(text, "Oleksandr Starukh")])
        russia = Entity("Russian Armed Forces", aliases=["Russian forces"], kind="organization", country="RU",
                        mentions=[_m(text, "Russian forces")])
        qm = _m(text, "We will rebuild every house")
        count_text = f"killing {killed} people"
        cm = _m(text, count_text)
        out.append(Record(
            id=f"strike-{i}", title="Missiles hit Zaporizhzhia", published="2022-09-22",
            url=f"https://example.org/{source.split()[0].lower()}/strike", source=source, text=text,
            boilerplate=["Subscribe to our newsletter"], body_chars=(0, text.index("Subscribe")),
            persons=[starukh], organizations=[russia], locations=[zap],
            quotes=[Quote("Oleksandr Starukh", "We will rebuild every house", True, qm.sentence,
                          qm.sent_start, qm.sent_end, "said")],
            counts=[Count(killed, "killed", "people", False, None, count_text, cm.start, cm.end)],
            events=[_event(text, sent, type="ASSAULT", mode="missile", actor="Russia", target="Zaporizhzhia",
                           location="Zaporizhzhia", country="UA", admin1="Zaporizhzhia Oblast", lat=47.84,
                           lon=35.14, date="2022-09-22", fatalities=killed, attributed_to=who,
                           trigger="fired", status="occurred")]))
    # 3: a protest in Moscow on another day
    text = ("Protests in Moscow\nHundreds of people protested in Moscow on Wednesday against the "
            "mobilization, police detained 40 of them.\n")
    sent = "Hundreds of people protested in Moscow on Wednesday against the mobilization, police detained 40 of them."
    out.append(Record(
        id="protest", title="Protests in Moscow", published="2022-09-21", source="Metro News",
        url="https://example.org/metro/protest", text=text,
        locations=[Location("Moscow", "RU", 55.75, 37.62, kind="city", admin1="Moscow",
                            mentions=[_m(text, "Moscow", 1)])],
        counts=[Count(40, "detained", "protesters", False, None, "detained 40", *(_span(text, "detained 40")))],
        events=[_event(text, sent, type="PROTEST", actor="protesters", location="Moscow", country="RU",
                       admin1="Moscow", lat=55.75, lon=37.62, date="2022-09-21", trigger="protested",
                       status="occurred")]))
    # 4: hostile text everywhere
    sent = "Artillery shelled Kharkiv on Friday, the mayor said <script>window.__xss = \"body\"</script>."
    out.append(Record(
        id="xss", title=XSS_TITLE, published="2022-09-23", source='Evil <b>Outlet</b>',
        url="https://example.org/evil?a=<script>", text=XSS_TEXT,
        locations=[Location("Kharkiv", "UA", 49.99, 36.23, kind="city", admin1="Kharkiv Oblast",
                            mentions=[_m(XSS_TEXT, "Kharkiv"), _m(XSS_TEXT, "Kharkiv", 1)])],
        persons=[Entity('Mayor <img src=x onerror="window.__xss=1">', kind="person",
                        mentions=[_m(XSS_TEXT, '<img src=x onerror="window.__xss=\'img\'">')])],
        boilerplate=['Read more <a href="javascript:alert(1)" onclick="window.__xss=\'click\'">here</a>'],
        events=[_event(XSS_TEXT, sent, type="ASSAULT", mode="shelling", actor="<script>alert(1)</script>",
                       target="Kharkiv", location="Kharkiv", country="UA", admin1="Kharkiv Oblast", lat=49.99,
                       lon=36.23, date="2022-09-23", attributed_to='the mayor <img src=x onerror=alert(1)>',
                       trigger="shelled", status="claimed")]))
    return out


def _span(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


def build_db(path: Path) -> Path:
    from sitrep.store.query import open_db
    store = open_db(str(path))
    try:
        store.ingest_records(records(), inputs=["tests"])
    finally:
        store.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`sitrep serve` in a subprocess on a free localhost port, stopped by `stop()`."""

    def __init__(self, db: Path, token: str | None = None, port: int | None = None, args: tuple = ()):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}
        if token:
            env["SITREP_TOKEN"] = token
        exe = Path(sys.executable).parent / "sitrep"
        # output to a file, not a pipe nobody reads (a full pipe would block the server)
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(self.port), *args],
                                     env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError("sitrep serve exited: " + self.log.read().decode(errors="replace"))
            try:
                if httpx.get(self.url + "/api/stats", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("sitrep serve did not start within 60 s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
