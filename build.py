#!/usr/bin/env python3
"""dibao's command line; see README.md or ``python build.py --help``."""
from dibao.cli import exit_now, main

if __name__ == "__main__":
    exit_now(main())
