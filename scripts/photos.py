#!/usr/bin/env python3
"""Makes the raster photos this repository holds, so none is downloaded and none shows a real person.

    python3 -m venv /tmp/photos && /tmp/photos/bin/pip install pillow
    /tmp/photos/bin/python scripts/photos.py

Writes:
- content/media/stories/*.jpg: phone-style photos (4032 x 3024 stored sideways with EXIF orientation 6,
  as an upright phone saves them), with GPS position, camera, author, XMP and an ICC profile: the
  sample site shows the whole path from an officer's phone photo to a small, private, upright picture.
- Tests/NhipCauTests/Fixtures/media/: small test inputs: the same kind of photo (640 x 480), a PNG
  decompression bomb (30,000 x 30,000 pixels in ~110 KB), a truncated JPEG, a web page named .jpg,
  a PNG named .jpg.
The drawing is fixed (no randomness); the ICC profile Pillow writes carries the day it was made.
"""
import io
import math
import os
import struct
import zlib

from PIL import Image, ImageCms, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "NhipCauTests", "Fixtures", "media")

# What privacy tests look for: none of it may reach site/.
SECRETS = {
    "latitude": 11.5653,
    "longitude": 108.9883,
    "make": "NhipCauPhone",
    "model": "Test Camera 12",
    "artist": "Nguyen Van Mau (author)",
    "xmp_creator": "Tran Thi Bimat",
}


def xmp_packet():
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/">'
        f'<dc:creator><rdf:Seq><rdf:li>{SECRETS["xmp_creator"]}</rdf:li></rdf:Seq></dc:creator>'
        '<exif:GPSLatitude>11,33.918N</exif:GPSLatitude><exif:GPSLongitude>108,59.298E</exif:GPSLongitude>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")


def dms(value):
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 100)
    from fractions import Fraction
    return (Fraction(degrees), Fraction(minutes), Fraction(seconds, 100))


def exif(orientation):
    data = Image.Exif()
    data[0x0112] = orientation          # Orientation
    data[0x010F] = SECRETS["make"]      # Make
    data[0x0110] = SECRETS["model"]     # Model
    data[0x013B] = SECRETS["artist"]    # Artist
    data[0x8298] = "(c) " + SECRETS["artist"]  # Copyright
    data[0x0132] = "2024:05:17 07:42:10"       # DateTime
    gps = data.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = dms(SECRETS["latitude"])
    gps[3] = "E"
    gps[4] = dms(SECRETS["longitude"])
    return data.tobytes()


def with_xmp(jpeg):
    """Puts an XMP APP1 segment right after SOI."""
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet()
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def scene(width, height, kind):
    """An upright, photo-like scene: sky, hills, a field, a house or vines. Nobody in it."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.45)
    for y in range(height):
        if y < horizon:
            t = y / horizon
            colour = (int(120 + 90 * t), int(170 + 60 * t), int(230 - 10 * t))
        else:
            t = (y - horizon) / (height - horizon)
            colour = (int(70 + 60 * t), int(130 + 40 * t), int(50 + 20 * t))
        draw.line([(0, y), (width, y)], fill=colour)
    for i in range(5):
        cx = width * (0.1 + 0.22 * i)
        r = width * 0.18
        draw.ellipse([cx - r, horizon - r * 0.35, cx + r, horizon + r * 0.35], fill=(60 + 12 * i, 110 + 8 * i, 70))
    if kind == "house":
        x0, y0 = int(width * 0.35), int(height * 0.5)
        draw.rectangle([x0, y0, x0 + width // 4, y0 + height // 6], fill=(235, 225, 200))
        draw.polygon([(x0 - width // 40, y0), (x0 + width // 8, y0 - height // 10), (x0 + width // 4 + width // 40, y0)], fill=(180, 50, 40))
        draw.rectangle([x0 + width // 10, y0 + height // 16, x0 + width // 7, y0 + height // 6], fill=(110, 70, 40))
    else:
        for row in range(6):
            y = int(height * (0.55 + row * 0.075))
            draw.line([(0, y), (width, y - height // 20)], fill=(90, 70, 40), width=max(2, width // 300))
            for k in range(0, width, max(8, width // 40)):
                grape = (110 + (k * 7 + row * 31) % 60, 40, 120 + (k * 3) % 50)
                rr = max(3, width // 160)
                yy = y - (k * height // 20) // width + rr * 2
                draw.ellipse([k - rr, yy - rr, k + rr, yy + rr], fill=grape)
    sun = (int(width * 0.8), int(height * 0.15))
    draw.ellipse([sun[0] - width // 20, sun[1] - width // 20, sun[0] + width // 20, sun[1] + width // 20], fill=(255, 240, 190))
    return image.filter(ImageFilter.GaussianBlur(radius=max(1, width // 1500)))


def phone_jpeg(upright, quality):
    """Stored as a phone held upright stores it: pixels sideways, EXIF orientation 6 (turn 90° clockwise)."""
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=quality, exif=exif(6), icc_profile=icc, comment=b"GPS 11.5653,108.9883")
    return with_xmp(out.getvalue())


def png_bomb(side):
    """A real PNG of side x side 1-bit pixels, all zero: small on disk, side*side bytes once decoded."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    print(f"{os.path.relpath(path, ROOT)}: {len(data):,} bytes")


def main():
    stories = os.path.join(ROOT, "content", "media", "stories")
    write(os.path.join(stories, "vuon-nho-ngay-thu-hoach.jpg"), phone_jpeg(scene(3024, 4032, "vines"), 82))
    write(os.path.join(stories, "ngoi-nha-moi.jpg"), phone_jpeg(scene(3024, 4032, "house"), 82))

    photo = phone_jpeg(scene(480, 640, "house"), 85)
    write(os.path.join(FIXTURES, "dien-thoai.jpg"), photo)
    write(os.path.join(FIXTURES, "cat-do.jpg"), photo[: len(photo) * 6 // 10])
    write(os.path.join(FIXTURES, "bom.png"), png_bomb(30000))
    write(os.path.join(FIXTURES, "trang-web.jpg"), b"<!DOCTYPE html>\n<html><head><title>Anh dep</title></head><body><img src=\"anh.jpg\"></body></html>\n")
    png = io.BytesIO()
    scene(300, 200, "house").save(png, "PNG")
    write(os.path.join(FIXTURES, "la-png.jpg"), png.getvalue())
    wide = io.BytesIO()
    scene(1250, 1000, "vines").save(wide, "JPEG", quality=60)
    write(os.path.join(FIXTURES, "rong.jpg"), wide.getvalue())


if __name__ == "__main__":
    main()
