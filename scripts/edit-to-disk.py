#!/usr/bin/env python3
"""How long a one-story edit takes to reach the folder `nhipcau serve` serves.

Copies a content folder to a temporary place, starts `nhipcau serve --port 0 --verbose` on it,
appends a unique line to one story N times, PAUSE seconds apart (default 2), and waits (polling every 5 ms) until the rebuilt
story page on disk contains it. Prints min / median / max. Nothing in the content folder changes.

    swift build && python3 scripts/edit-to-disk.py .build/debug/nhipcau content 20
    make bench && python3 scripts/edit-to-disk.py .build/release/nhipcau .bench/10000/content 20 cau-chuyen-000042
"""
import glob, os, re, shutil, subprocess, sys, tempfile, time

STORY = "vuon-nho-sau-ba-nam-o-nhat-ban"


def served_folder(server):
    """The preview's private folder, from the --verbose line that names it."""
    while True:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("nhipcau serve stopped before printing its folder")
        found = re.search(r"(/\S*nhipcau-serve-\S+)", line)
        if found:
            return found.group(1)


def wait_for(marker, folder, story, limit=60.0):
    start = time.monotonic()
    pattern = os.path.join(folder, "build-*", "cau-chuyen", story, "index.html")
    while time.monotonic() - start < limit:
        for page in glob.glob(pattern):
            try:
                with open(page, encoding="utf-8") as text:
                    if marker in text.read():
                        return time.monotonic() - start
            except OSError:
                pass
        time.sleep(0.005)
    raise SystemExit("timed out waiting for the edit")


def main():
    binary, source = os.path.abspath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    story = sys.argv[4] if len(sys.argv) > 4 else STORY
    # Seconds between saves: after the page, serve rewrites the search-index files that changed, and
    # an edit that lands during that work waits for it. Officers do not save twice a second.
    pause = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
    work = tempfile.mkdtemp(prefix="nhipcau-measure-")
    shutil.copytree(source, os.path.join(work, "content"))
    story_file = os.path.join(work, "content", "stories", story + ".md")
    server = subprocess.Popen([binary, "serve", "--port", "0", "--verbose", "--date", "2026-11-25"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        folder = served_folder(server)
        times = []
        for run in range(runs):
            marker = "DAU-DO-%d-%d" % (run, time.time_ns())
            with open(story_file, "a", encoding="utf-8") as edited:
                edited.write("\n%s\n" % marker)
            times.append(wait_for(marker, folder, story))
            time.sleep(pause)
    finally:
        server.send_signal(2)
        server.wait(timeout=120)
        shutil.rmtree(work)
    times.sort()
    print("runs=%d min=%.0f ms median=%.0f ms max=%.0f ms"
          % (len(times), times[0] * 1000, times[len(times) // 2] * 1000, times[-1] * 1000))


if __name__ == "__main__":
    main()
