#!/usr/bin/env python3
"""dibao's command line; see README.md or ``python build.py --help``."""
import sys

from dibao.cli import main

if __name__ == "__main__":
    sys.exit(main())
