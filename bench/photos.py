#!/usr/bin/env python3
"""Writes COUNT phone-size JPEGs (4000 x 3000, 12 MP, quality 90, with sensor-like noise) into a folder,
each different, for the image benchmark: bench/images.sh. Needs Pillow (the bench venv has it).

    python bench/photos.py OUT_FOLDER 200
"""
import os
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter


def base_scene(width, height):
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.45)
    for y in range(height):
        t = y / horizon if y < horizon else (y - horizon) / (height - horizon)
        colour = (int(120 + 90 * t), int(170 + 60 * t), int(230 - 10 * t)) if y < horizon else \
            (int(70 + 60 * t), int(130 + 40 * t), int(50 + 20 * t))
        draw.line([(0, y), (width, y)], fill=colour)
    for i in range(9):
        cx, r = width * (0.05 + 0.12 * i), width * 0.12
        draw.ellipse([cx - r, horizon - r * 0.4, cx + r, horizon + r * 0.4], fill=(60 + 9 * i, 110 + 6 * i, 70))
    for row in range(14):
        y = int(height * (0.5 + row * 0.035))
        draw.line([(0, y), (width, y - height // 25)], fill=(90, 70, 40), width=8)
    return image


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    width, height = 4000, 3000
    scene = base_scene(width * 2, height)
    noise = Image.merge("RGB", [Image.effect_noise((width, height), 24).filter(ImageFilter.GaussianBlur(0.6))] * 3)
    for index in range(count):
        path = os.path.join(folder, f"anh-{index:03d}.jpg")
        if os.path.exists(path):
            continue
        # A different window onto a wider scene and a different grain for each photo.
        left = (index * 37) % width
        photo = scene.crop((left, 0, left + width, height))
        grain = ImageChops.offset(noise, index * 13, index * 7)
        photo = ImageChops.add(photo, grain, scale=1.0, offset=-128)
        photo.save(path, "JPEG", quality=90)
    print(f"{count} photos of {width}x{height} in {folder}")


if __name__ == "__main__":
    main()
