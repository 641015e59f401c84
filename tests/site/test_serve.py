import threading
import urllib.request

from dibao.site.serve import Watcher, make_server


def test_watcher_rebuilds_once_per_change_and_survives_a_failing_rebuild(tmp_path):
    watched = tmp_path / "content"
    watched.mkdir()
    (watched / "a.md").write_text("one")
    calls = []

    def rebuild():
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("bad edit")

    watcher = Watcher([watched], rebuild, interval=0.01)
    assert not watcher.check()
    (watched / "a.md").write_text("two!")
    assert watcher.check() and not watcher.check()
    (watched / "b.md").write_text("new")
    assert watcher.check()  # the failing rebuild is reported, not raised
    assert len(calls) == 2


def test_server_serves_the_site_on_loopback(tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>")
    server = make_server(tmp_path, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as response:
            assert response.read() == b"<p>hi</p>"
    finally:
        server.shutdown()
        server.server_close()


def test_progress_reports_tenths_on_stderr_and_stays_silent_when_quiet(capsys):
    from dibao.site.writer import Progress

    progress = Progress(300, quiet=False)
    progress.tty = False
    for _ in range(300):
        progress.advance()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 10 and lines[-1] == "render: pages 300/300"
    quiet = Progress(300, quiet=True)
    for _ in range(300):
        quiet.advance()
    assert capsys.readouterr().err == ""
