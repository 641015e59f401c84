"""Command line: ``python build.py [parse] [--seeds DIR] [--content DIR] [--out DIR] [--quiet]``."""
from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from .adding import AddError, add_files
from .buildlock import BuildBusy, build_lock
from .cache import BuildCache
from .config import load_config
from .contentio import ContentError
from .ingest import InputError
from .oserrors import named
from .seedfolder import printable
from .pipeline import BuildError, build
from .publish import PublishError
from .site.writer import OutputError

PROJECT = Path(__file__).resolve().parents[1]  #: the checkout build.py lives in: pyproject.toml, templates/
COMMANDS = ("build", "parse", "serve", "add")
OS_REASONS = {errno.ENOSPC: " (disk full: free some space and build again)",
              errno.EROFS: " (read-only file system)", errno.EACCES: " (no write permission)",
              errno.EBUSY: " (a mount point: a build replaces the site folder whole; build into a folder inside it)"}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="dibao: newspaper issues → static digest")
    parser.add_argument("command", nargs="?", default="build", choices=COMMANDS,
                        help="build: seeds → content → site (default); parse: seeds → content only; "
                             "serve: build, serve site/ locally and rebuild on changes; "
                             "add FILE…: import new issue files into seeds/, then build")
    parser.add_argument("files", nargs="*", metavar="FILE", help="issue files for add")
    parser.add_argument("--seeds", help="folder of raw issue files (default seeds/)")
    parser.add_argument("--content", help="folder of per-article Markdown (default content/)")
    parser.add_argument("--out", help="folder for the static site (default site/)")
    parser.add_argument("--base-url", dest="base_url", help="absolute site URL, for feeds and sitemap only")
    parser.add_argument("--quiet", action="store_true", default=None, help="print nothing but errors")
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default 8000)")
    parser.add_argument("--force", action="append", default=[], metavar="ISSUE",
                        help="re-parse this issue (id or seeds file name) and discard hand edits to it; repeatable")
    parser.add_argument("--clean", action="store_true", help="ignore all caches and rebuild everything")
    parser.add_argument("--explain", metavar="ARTICLE",
                        help="print why an article got its themes and regions (content/<issue>/<file>.md or <issue>/<NN>)")
    parser.add_argument("--force-add", action="store_true", dest="force_add",
                        help="add: accept a near-duplicate issue (most of its articles already present)")
    parser.add_argument("--wait", action="store_true",
                        help="when another build is using content/ or site/, wait for it instead of stopping")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if bool(args.files) != (args.command == "add"):
        parser.error("add takes one or more FILE arguments; other commands take none")
    try:
        config = load_config(PROJECT, seeds=absolute(args.seeds), content=absolute(args.content),
                             out=absolute(args.out), base_url=args.base_url, quiet=args.quiet)
        if args.explain:
            from .enrich import EnrichConfig
            from .enrich.explain import explain, find_article

            enrich_config = EnrichConfig.from_mapping(config.extra.get("enrich"), base=PROJECT)
            print(explain(find_article(config.content, args.explain), enrich_config))
            return 0
        with build_lock(config.content, config.out, wait=args.wait):  # add writes seeds/ and reads content/
            cache = None
            if args.command == "add":
                cache = None if args.clean else BuildCache.load(config.content)  # loaded once for check and build
                if not add_issues(config, [Path(f) for f in args.files], force=bool(args.force_add), cache=cache):
                    return 0  # every file was already in the archive: nothing to build
            report = build(config, root=PROJECT, parse_only=args.command == "parse", force=tuple(args.force),
                           clean=args.clean, cache=cache)
        if args.command == "serve":
            return serve_site(config, args.port)
    except BuildBusy as exc:
        print(exc, file=sys.stderr)
        return 1
    except (BuildError, InputError, ContentError, OutputError, PublishError, AddError, ValueError,
            TemplateError, OSError) as exc:
        problems = exc.problems if isinstance(exc, BuildError) else [problem_line(exc)]
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"dibao: build failed ({len(problems)} problem{'s' if len(problems) != 1 else ''})", file=sys.stderr)
        return 1
    if report.skipped:  # the build went on without them: the summary counts them, and the status says so
        print(report.summary(), file=sys.stderr)
        return 1
    if not config.quiet:
        print(report.summary())
    return 0


def exit_now(code: int) -> None:
    """End the process without tearing down the interpreter.

    After a build on a large archive the process holds millions of objects (the
    model, the catalog, caches): freeing them one by one at exit cost about half a
    second for nothing.  Every file the build writes is closed by then, and its
    worker processes and threads have been joined; only the standard streams
    still need flushing."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def serve_site(config, port: int) -> int:
    """Serve site/ and rebuild when seeds/, content/ or templates/ change; errors keep the old site."""
    from .site.serve import serve

    def rebuild() -> None:
        try:
            build(config, wait=True)
        except (BuildError, InputError, ContentError, OutputError, PublishError, ValueError) as exc:
            print(f"dibao: rebuild failed, still serving the previous site:\n{exc}", file=sys.stderr)

    serve(config.out, port, watch=[config.seeds, config.content, config.templates], rebuild=rebuild)
    return 0


def add_issues(config, files: list[Path], force: bool, cache: BuildCache | None) -> int:
    """Copy the files into seeds/; returns how many were added (exact duplicates are skipped)."""
    known = (cache or BuildCache()).archive_probes(config.content) if config.content.exists() else set()
    added, duplicates = add_files(files, config.seeds, known, force=force)
    for duplicate in duplicates:  # not an error, but the user must learn that nothing happened
        print(duplicate, file=sys.stderr)
    for one in added:
        if not config.quiet:
            print(f"added {one.source} as {one.target.as_posix()} ({one.articles} articles)")
    return len(added)


def absolute(path: str | None) -> str | None:
    """Command-line folders are relative to where the user is, not to the project."""
    return str(Path(path).resolve()) if path else None


def problem_line(exc: Exception) -> str:
    if isinstance(exc, TemplateError):
        return template_problem(exc)
    return os_problem(named(exc)) if isinstance(exc, OSError) else str(exc)


def os_problem(exc: OSError) -> str:
    """What the system refused, in one line naming the path (a full disk, a read-only folder …)."""
    where = printable(os.fsdecode(exc.filename)) if exc.filename is not None else "dibao"
    also = f" (to {printable(os.fsdecode(exc.filename2))})" if getattr(exc, "filename2", None) is not None else ""
    reason = OS_REASONS.get(exc.errno, "")
    return f"{where}:0: cannot write{also}: {exc.strerror or exc}{reason}"


def template_problem(exc: TemplateError) -> str:
    if isinstance(exc, TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
    return f"templates: {type(exc).__name__}: {exc}"
