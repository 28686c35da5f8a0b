#!/usr/bin/env python3
"""Raster (PNG) images for the sample content, drawn here in pure Python: no image library, no download.

Facebook and Zalo show no SVG in a shared link's preview card, so the sample site needs PNGs:

  content/media/chia-se.png           the site's sharing card (site.yml `share_image`), 1200x630
  content/media/stories/<name>.png    a PNG of each story illustration named in a story's `image:`,
                                      drawn from the SVG of the same name (the subset of SVG they use)
  Tests/NhipCauTests/Fixtures/basic/media/               a small card and story image for the test fixture

Run from the repository root:  python3 scripts/raster-images.py
The output is the same on every run, so the PNGs in git change only when this script does.
"""
import math
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib
from operator import add

SUPERSAMPLE = 3


# --- PNG -------------------------------------------------------------------------------------------

def write_png(path, width, height, rows):
    """rows: `height` bytearrays of width*3 RGB bytes."""
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9))
           + chunk(b"IEND", b""))
    with open(path, "wb") as out:
        out.write(png)


# --- Canvas: filled polygons on a supersampled grid -----------------------------------------------

class Canvas:
    def __init__(self, width, height, scale):
        """`scale` maps drawing units to output pixels; drawing happens SUPERSAMPLE times finer."""
        self.width, self.height = width, height
        self.unit = scale * SUPERSAMPLE
        self.w, self.h = width * SUPERSAMPLE, height * SUPERSAMPLE
        self.rows = [bytearray(self.w * 3) for _ in range(self.h)]

    def polygon(self, points, color):
        """Even-odd fill of one closed polygon given in drawing units."""
        if len(points) < 3:
            return
        pts = [(x * self.unit, y * self.unit) for x, y in points]
        edges = [(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]
        top = max(0, int(math.floor(min(y for _, y in pts))))
        bottom = min(self.h - 1, int(math.ceil(max(y for _, y in pts))))
        pixel = bytes(color)
        for sy in range(top, bottom + 1):
            cy = sy + 0.5
            crossings = []
            for (x0, y0), (x1, y1) in edges:
                if (y0 <= cy < y1) or (y1 <= cy < y0):
                    crossings.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
            crossings.sort()
            row = self.rows[sy]
            for i in range(0, len(crossings) - 1, 2):
                start = max(0, int(math.ceil(crossings[i] - 0.5)))
                end = min(self.w, int(math.ceil(crossings[i + 1] - 0.5)))
                if end > start:
                    row[start * 3:end * 3] = pixel * (end - start)

    def fill_all(self, color):
        self.polygon([(0, 0), (self.w / self.unit, 0), (self.w / self.unit, self.h / self.unit), (0, self.h / self.unit)], color)

    def stroke(self, points, width, color, closed=False, dash=None):
        """A polyline of `width` drawing units: butt ends, round joins."""
        if closed:
            points = points + [points[0]]
        for piece in dashes(points, dash) if dash else [points]:
            for (x0, y0), (x1, y1) in zip(piece, piece[1:]):
                length = math.hypot(x1 - x0, y1 - y0)
                if length == 0:
                    continue
                nx, ny = -(y1 - y0) / length * width / 2, (x1 - x0) / length * width / 2
                self.polygon([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)], color)
            for x, y in piece[1:-1]:
                self.polygon(ellipse_points(x, y, width / 2, width / 2), color)

    def pixels(self):
        """Averages each SUPERSAMPLE x SUPERSAMPLE block into one output pixel."""
        s = SUPERSAMPLE
        out = []
        for oy in range(self.height):
            block = self.rows[oy * s:(oy + 1) * s]
            row = bytearray(self.width * 3)
            for channel in range(3):
                total = [0] * self.width
                for sample_row in block:
                    for k in range(s):
                        total = list(map(add, total, sample_row[k * 3 + channel::s * 3]))
                row[channel::3] = bytes((value + s * s // 2) // (s * s) for value in total)
            out.append(row)
        return out


def ellipse_points(cx, cy, rx, ry, segments=96):
    return [(cx + rx * math.cos(2 * math.pi * i / segments), cy + ry * math.sin(2 * math.pi * i / segments))
            for i in range(segments)]


def dashes(points, pattern):
    """Splits a polyline into the pieces a dash pattern `[on, off, …]` draws."""
    pieces, current = [], [points[0]]
    index, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        travelled = 0.0
        while length - travelled > left:
            travelled += left
            t = travelled / length
            point = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if on:
                current.append(point)
                pieces.append(current)
            else:
                current = [point]
            on = not on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - travelled
        if on:
            current.append((x1, y1))
    if on and len(current) > 1:
        pieces.append(current)
    return pieces


def color(text):
    text = (text or "").strip()
    if not text or text == "none":
        return None
    if re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))
    raise SystemExit(f"unsupported colour {text!r}")


# --- The SVG subset the sample illustrations use ------------------------------------------------------

def matrix_multiply(a, b):
    return (a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1],
            a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3],
            a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5])


def parse_transform(text):
    matrix = (1, 0, 0, 1, 0, 0)
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        values = [float(v) for v in re.split(r"[\s,]+", args.strip()) if v]
        if name == "translate":
            step = (1, 0, 0, 1, values[0], values[1] if len(values) > 1 else 0)
        elif name == "rotate":
            angle = math.radians(values[0])
            step = (math.cos(angle), math.sin(angle), -math.sin(angle), math.cos(angle), 0, 0)
        else:
            raise SystemExit(f"unsupported transform {name}")
        matrix = matrix_multiply(matrix, step)
    return matrix


def apply(matrix, points):
    return [(matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5]) for x, y in points]


def path_points(d):
    """Subpaths of an SVG path using M L H V Q T Z (absolute), curves flattened."""
    tokens = re.findall(r"[MLHVQTZ]|-?\d*\.?\d+", d)
    subpaths, current, closed = [], [], []
    x = y = 0.0
    control = None
    command, i = None, 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command == "Z":
                closed.append(True)
                subpaths.append(current)
                current = []
                continue
        take = lambda n: [float(v) for v in tokens[i:i + n]]
        if command == "M":
            if current:
                subpaths.append(current)
                closed.append(False)
            x, y = take(2)
            i += 2
            current = [(x, y)]
            command = "L"
        elif command == "L":
            x, y = take(2)
            i += 2
            current.append((x, y))
        elif command == "H":
            x = take(1)[0]
            i += 1
            current.append((x, y))
        elif command == "V":
            y = take(1)[0]
            i += 1
            current.append((x, y))
        elif command in "QT":
            if command == "Q":
                cx, cy, ex, ey = take(4)
                i += 4
            else:
                px, py = control if control else (x, y)
                cx, cy = 2 * x - px, 2 * y - py
                ex, ey = take(2)
                i += 2
            for step in range(1, 25):
                t = step / 24
                current.append(((1 - t) ** 2 * x + 2 * (1 - t) * t * cx + t * t * ex,
                                (1 - t) ** 2 * y + 2 * (1 - t) * t * cy + t * t * ey))
            control = (cx, cy)
            x, y = ex, ey
            continue
        else:
            raise SystemExit(f"unsupported path command {command}")
        control = None
    if current:
        subpaths.append(current)
        closed.append(False)
    return list(zip(subpaths, closed))


def rounded_rect(x, y, w, h, r):
    if r <= 0:
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    points = []
    for cx, cy, start in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0), (x + r, y + h - r, 90), (x + r, y + r, 180)):
        for step in range(7):
            angle = math.radians(start + step * 15)
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def draw_svg(canvas, element, matrix=(1, 0, 0, 1, 0, 0), style=None):
    style = dict(style or {"fill": "#000000"})
    for key in ("fill", "stroke", "stroke-width", "stroke-dasharray"):
        if element.get(key) is not None:
            style[key] = element.get(key)
    matrix = matrix_multiply(matrix, parse_transform(element.get("transform")))
    tag = element.tag.split("}")[-1]
    number = lambda key, default=0.0: float(element.get(key, default))
    shapes = []  # (points, closed)
    if tag in ("svg", "g"):
        for child in element:
            draw_svg(canvas, child, matrix, style)
        return
    if tag == "rect":
        shapes.append((rounded_rect(number("x"), number("y"), number("width"), number("height"), number("rx")), True))
    elif tag == "circle":
        shapes.append((ellipse_points(number("cx"), number("cy"), number("r"), number("r")), True))
    elif tag == "ellipse":
        shapes.append((ellipse_points(number("cx"), number("cy"), number("rx"), number("ry")), True))
    elif tag == "line":
        shapes.append(([(number("x1"), number("y1")), (number("x2"), number("y2"))], False))
    elif tag == "path":
        shapes.extend(path_points(element.get("d")))
    else:
        raise SystemExit(f"unsupported SVG element {tag}")
    fill, stroke = color(style.get("fill")), color(style.get("stroke"))
    width = float(style.get("stroke-width", 1))
    dash = [float(v) for v in re.split(r"[\s,]+", style["stroke-dasharray"].strip())] if style.get("stroke-dasharray") else None
    for points, closed in shapes:
        points = apply(matrix, points)
        if fill and (closed or tag == "path") and len(points) > 2:
            canvas.polygon(points, fill)
        if stroke:
            canvas.stroke(points, width, stroke, closed=closed, dash=dash)


def raster_svg(svg_path, png_path, scale):
    root = ET.parse(svg_path).getroot()
    _, _, view_w, view_h = (float(v) for v in root.get("viewBox").split())
    canvas = Canvas(int(view_w * scale), int(view_h * scale), scale)
    draw_svg(canvas, root)
    write_png(png_path, canvas.width, canvas.height, canvas.pixels())


# --- The sharing card: the portal's name over a bridge -----------------------------------------------

# Capital letters as strokes on a 4 x 6 grid (y down), with the marks Vietnamese needs here.
GLYPHS = {
    "N": [[(0, 6), (0, 0), (4, 6), (4, 0)]],
    "H": [[(0, 0), (0, 6)], [(4, 0), (4, 6)], [(0, 3), (4, 3)]],
    "I": [[(0, 0), (0, 6)]],
    "P": [[(0, 6), (0, 0), (2.9, 0), (3.7, 0.4), (4, 1.5), (3.7, 2.6), (2.9, 3), (0, 3)]],
    "C": [[(2 + 2 * math.cos(math.radians(a)), 3 + 3 * math.sin(math.radians(a))) for a in range(-50, -311, -10)]],
    "A": [[(0, 6), (2, 0), (4, 6)], [(0.75, 3.9), (3.25, 3.9)]],
    "U": [[(0, 0), (0, 4)] + [(2 - 2 * math.cos(math.radians(a)), 4 + 2 * math.sin(math.radians(a))) for a in range(0, 181, 15)] + [(4, 0)]],
}
ADVANCE = {"I": 0, " ": 2.2}
MARKS = {
    "Ị": ("I", [("dot", (0, 7.4))]),
    "Ầ": ("A", [("stroke", [(0.7, -0.9), (2, -2.0), (3.3, -0.9)]), ("stroke", [(3.3, -3.3), (4.3, -2.3)])]),
}


def draw_text(canvas, text, left, top, size, weight, colour):
    """`size`: height of a capital in drawing units."""
    unit = size / 6
    x = left
    for letter in text:
        base, marks = MARKS.get(letter, (letter, []))
        if base != " ":
            for stroke in GLYPHS[base]:
                canvas.stroke([(x + px * unit, top + py * unit) for px, py in stroke], weight, colour)
                for px, py in (stroke[0], stroke[-1]):
                    canvas.polygon(ellipse_points(x + px * unit, top + py * unit, weight / 2, weight / 2, 32), colour)
            for kind, shape in marks:
                if kind == "dot":
                    canvas.polygon(ellipse_points(x + shape[0] * unit, top + shape[1] * unit, weight * 0.6, weight * 0.6, 32), colour)
                else:
                    canvas.stroke([(x + px * unit, top + py * unit) for px, py in shape], weight * 0.8, colour)
        x += (ADVANCE.get(base, 4) + 1.6) * unit + (weight if base != " " else 0)
    return x


def text_width(text, size, weight):
    unit = size / 6
    width = 0
    for letter in text:
        base = MARKS.get(letter, (letter, []))[0]
        width += (ADVANCE.get(base, 4) + 1.6) * unit + (weight if base != " " else 0)
    return width - 1.6 * unit


def share_card(png_path, width, height):
    scale = width / 1200
    canvas = Canvas(width, height, scale)
    blue, deep, white, gold = (11, 92, 173), (8, 62, 118), (255, 255, 255), (244, 180, 0)
    canvas.fill_all(blue)
    canvas.polygon([(0, 470), (1200, 470), (1200, 630), (0, 630)], deep)
    # A bridge: an arch over the water, its deck, hangers from arch to deck.
    arch = [(150 + 900 * t / 40, 470 - 170 * math.sin(math.pi * t / 40)) for t in range(41)]
    canvas.stroke(arch, 16, white)
    canvas.stroke([(110, 430), (1090, 430)], 14, white)
    for t in range(4, 40, 4):
        x, y = arch[t]
        canvas.stroke([(x, y), (x, 430)], 5, white)
    for pier in (150, 1050):
        canvas.polygon([(pier - 16, 430), (pier + 16, 430), (pier + 22, 470), (pier - 22, 470)], white)
    canvas.polygon(ellipse_points(1075, 330, 38, 38), gold)
    for i, y in enumerate((510, 550, 590)):
        canvas.stroke([(200 + 60 * i, y), (1000 - 60 * i, y)], 4, (60, 130, 200), dash=[40, 30])
    name = "NHỊP CẦU"
    size, weight = 120, 22
    draw_text(canvas, name, (1200 - text_width(name, size, weight)) / 2, 95, size, weight, white)
    write_png(png_path, width, height, canvas.pixels())


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    share_card(f"{root}/content/media/chia-se.png", 1200, 630)
    fixture = f"{root}/Tests/NhipCauTests/Fixtures/basic/media"
    share_card(f"{fixture}/chia-se.png", 240, 126)
    plain = Canvas(40, 40, 1)
    plain.fill_all((0, 128, 0))
    write_png(f"{fixture}/stories/vuon-nho.png", 40, 40, plain.pixels())
    for name in ("vuon-nho", "nha-may", "ve-que"):
        raster_svg(f"{root}/content/media/stories/{name}.svg", f"{root}/content/media/stories/{name}.png", 2)
    print("wrote content/media/chia-se.png, content/media/stories/{vuon-nho,nha-may,ve-que}.png and the fixture's images")


if __name__ == "__main__":
    main()
