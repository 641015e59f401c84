"""dibao: turn raw newspaper issue text into a browsable static digest."""

__version__ = "0.1.0"
