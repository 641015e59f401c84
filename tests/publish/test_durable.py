"""Issue 20, item 5 ("a kill during content writing yields false hand-edit reports"): content/ and
state.json change together or not at all (:class:`dibao.durable.UndoLog`)."""
from __future__ import annotations

import os

from dibao.durable import COMMITTED, UndoLog, rebuilt_if_interrupted, recover_undo_log, temp_path


def files(root):
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*"))
            if p.is_file() and ".log" not in p.relative_to(root).parts}


def project(tmp_path):
    root = tmp_path / "content"
    (root / "a").mkdir(parents=True)
    (root / "a" / "1.md").write_text("one", encoding="utf-8")
    (root / "a" / "2.md").write_text("two", encoding="utf-8")
    (root / "state.json").write_text("old state", encoding="utf-8")
    return root, root / ".log", root / "state.json"


def test_an_uncommitted_log_is_rolled_back_to_the_very_files(tmp_path):
    root, log_dir, state = project(tmp_path)
    before = files(root)
    kept = (root / "a" / "1.md").stat()
    log = UndoLog(root, log_dir)
    log.replace(root / "a" / "1.md", "ONE")
    log.replace(root / "a" / "1.md", "ONE again")  # kept once: the first version is the one to restore
    log.remove(root / "a" / "2.md")
    log.replace(root / "b" / "3.md", "three")  # a new issue folder
    log.close()  # killed here
    assert files(root) != before
    assert recover_undo_log(root, log_dir, state) == "rolled back"
    assert files(root) == before and not log_dir.exists() and not (root / "b").exists()
    restored = (root / "a" / "1.md").stat()
    assert (restored.st_ino, restored.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)  # the cache still knows it


def test_a_committed_log_keeps_every_change(tmp_path):
    root, log_dir, state = project(tmp_path)
    log = UndoLog(root, log_dir)
    log.replace(root / "a" / "1.md", "ONE")
    log.remove(root / "a" / "2.md")
    log.commit(state, "new state")
    assert files(root) == {"a/1.md": "ONE", "state.json": "new state"} and not log_dir.exists()
    assert recover_undo_log(root, log_dir, state) == ""


def test_a_log_killed_after_its_commit_mark_is_rolled_forward(tmp_path):
    root, log_dir, state = project(tmp_path)
    log = UndoLog(root, log_dir)
    log.replace(root / "a" / "1.md", "ONE")
    log.close()
    temp_path(state).write_text("new state", encoding="utf-8")
    (log_dir / COMMITTED).touch()  # killed before state.json was renamed into place
    assert recover_undo_log(root, log_dir, state) == "rolled forward"
    assert files(root) == {"a/1.md": "ONE", "a/2.md": "two", "state.json": "new state"}


def test_a_line_cut_short_by_the_kill_is_skipped(tmp_path):
    root, log_dir, state = project(tmp_path)
    log = UndoLog(root, log_dir)
    log.replace(root / "a" / "1.md", "ONE")
    log.close()
    with (log_dir / "index").open("a", encoding="utf-8") as index:
        index.write("kept\t7")  # the next file was about to be kept
    assert recover_undo_log(root, log_dir, state) == "rolled back"
    assert files(root)["a/1.md"] == "one"


def test_a_folder_left_marked_is_made_afresh(tmp_path):
    folder = tmp_path / "search"
    with rebuilt_if_interrupted(folder):
        folder.mkdir()
        (folder / "kept.js").write_text("whole")
    assert (folder / "kept.js").exists()
    try:
        with rebuilt_if_interrupted(folder):
            (folder / "half.js").write_text("half")
            raise KeyboardInterrupt  # the step was killed: its mark stays
    except KeyboardInterrupt:
        pass
    with rebuilt_if_interrupted(folder):
        assert not folder.exists()  # emptied: the step makes it afresh
    assert os.listdir(tmp_path) == []  # no folder, and no mark left
