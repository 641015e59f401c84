"""Command line: ``python build.py [parse] [--seeds DIR] [--content DIR] [--out DIR] [--quiet]``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import load_config
from .contentio import ContentError
from .ingest import InputError
from .pipeline import BuildError, build
from .site.writer import OutputError

COMMANDS = ("build", "parse", "serve")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="dibao: newspaper issues → static digest")
    parser.add_argument("command", nargs="?", default="build", choices=COMMANDS,
                        help="build: seeds → content → site (default); parse: seeds → content only; "
                             "serve: build, serve site/ locally and rebuild on changes")
    parser.add_argument("--seeds", help="folder of raw issue files (default seeds/)")
    parser.add_argument("--content", help="folder of per-article Markdown (default content/)")
    parser.add_argument("--out", help="folder for the static site (default site/)")
    parser.add_argument("--base-url", dest="base_url", help="absolute site URL, for feeds and sitemap only")
    parser.add_argument("--quiet", action="store_true", default=None, help="print nothing but errors")
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        config = load_config(Path("."), seeds=args.seeds, content=args.content, out=args.out,
                             base_url=args.base_url, quiet=args.quiet)
        report = build(config, parse_only=args.command == "parse")
        if args.command == "serve":
            return serve_site(config, args.port)
    except (BuildError, InputError, ContentError, OutputError, ValueError) as exc:
        problems = exc.problems if isinstance(exc, BuildError) else [str(exc)]
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"dibao: build failed ({len(problems)} problem{'s' if len(problems) != 1 else ''})", file=sys.stderr)
        return 1
    if not config.quiet:
        print(report.summary())
    return 0


def serve_site(config, port: int) -> int:
    """Serve site/ and rebuild when seeds/, content/ or templates/ change; errors keep the old site."""
    from .site.serve import serve

    def rebuild() -> None:
        try:
            build(config)
        except (BuildError, InputError, ContentError, OutputError, ValueError) as exc:
            print(f"dibao: rebuild failed, still serving the previous site:\n{exc}", file=sys.stderr)

    serve(config.out, port, watch=[config.seeds, config.content, config.templates], rebuild=rebuild)
    return 0
