"""Write the site's icon, ``static/favicon.svg`` and ``static/favicon.ico``, from one drawing.

    python tools/make_favicon.py

A front page in miniature: a paper sheet on the site's red, a red nameplate and three
lines of text.  The drawing is whole rectangles on a 32-unit grid, so the ICO (16 and
32 px PNG images, for browsers that ask for ``favicon.ico`` and for those without SVG
icons) is painted pixel for pixel from the same shapes, with no image library.
"""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "static"
RED, PAPER, INK = (0x9e, 0x1b, 0x1b), (0xfb, 0xf8, 0xf1), (0x1f, 0x1c, 0x17)
#: (x, y, width, height, colour) on a 32 × 32 grid, painted in order
SHAPES = ((0, 0, 32, 32, RED), (5, 4, 22, 24, PAPER), (8, 7, 16, 5, RED),
          (8, 15, 16, 2, INK), (8, 19, 16, 2, INK), (8, 23, 10, 2, INK))


def svg() -> str:
    hexed = lambda c: "#%02x%02x%02x" % c
    rects = "".join(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{hexed(c)}"/>' for x, y, w, h, c in SHAPES)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">{rects}</svg>\n'


def pixels(size: int) -> list[list[tuple[int, int, int]]]:
    """The drawing at ``size`` px: each pixel takes the colour under its centre."""
    grid = [[RED] * size for _ in range(size)]
    scale = 32 / size
    for row in range(size):
        for col in range(size):
            cx, cy = (col + 0.5) * scale, (row + 0.5) * scale
            for x, y, w, h, colour in SHAPES:
                if x <= cx < x + w and y <= cy < y + h:
                    grid[row][col] = colour
    return grid


def png(size: int) -> bytes:
    raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in pixels(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(sizes=(16, 32)) -> bytes:
    images = [png(s) for s in sizes]
    head = struct.pack("<HHH", 0, 1, len(images))
    offset, entries = 6 + 16 * len(images), b""
    for size, image in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 24, len(image), offset)
        offset += len(image)
    return head + entries + b"".join(images)


def main() -> None:
    (STATIC / "favicon.svg").write_text(svg(), encoding="utf-8")
    (STATIC / "favicon.ico").write_bytes(ico())


if __name__ == "__main__":
    main()
