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

COMMANDS = ("build", "parse")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="dibao: newspaper issues → static digest")
    parser.add_argument("command", nargs="?", default="build", choices=COMMANDS,
                        help="build: seeds → content → site (default); parse: seeds → content only")
    parser.add_argument("--seeds", help="folder of raw issue files (default seeds/)")
    parser.add_argument("--content", help="folder of per-article Markdown (default content/)")
    parser.add_argument("--out", help="folder for the static site (default site/)")
    parser.add_argument("--base-url", dest="base_url", help="absolute site URL, for feeds and sitemap only")
    parser.add_argument("--quiet", action="store_true", default=None, help="print nothing but errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        config = load_config(Path("."), seeds=args.seeds, content=args.content, out=args.out,
                             base_url=args.base_url, quiet=args.quiet)
        report = build(config, parse_only=args.command == "parse")
    except (BuildError, InputError, ContentError, OutputError, ValueError) as exc:
        problems = exc.problems if isinstance(exc, BuildError) else [str(exc)]
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"dibao: build failed ({len(problems)} problem{'s' if len(problems) != 1 else ''})", file=sys.stderr)
        return 1
    if not config.quiet:
        print(report.summary())
    return 0
