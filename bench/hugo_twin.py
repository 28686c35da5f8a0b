#!/usr/bin/env python3
"""Writes the Hugo twin of a content folder made by bench/generate.py, for `make bench`.

Usage: hugo_twin.py CONTENT_DIR HUGO_DIR

Every folder of Markdown files in CONTENT_DIR (stories, markets, policies, and whatever kinds
generate.py writes later) becomes a Hugo section with the same files: Hugo reads the same YAML
front matter and the same Markdown. The layouts are minimal but make the page set NhipCau makes:
one page per file, each section's list paginated by 10, one taxonomy (tags) with a page per tag,
RSS feeds and a sitemap. Files are hard-linked, not copied, so the twin costs no disk time.
"""
import os, shutil, sys

CONFIG = """baseURL = "https://bench.example.gov.vn/"
languageCode = "vi"
title = "Cổng thử hiệu năng"
disableKinds = []
enableRobotsTXT = true
[pagination]
  pagerSize = 10
[taxonomies]
  tag = "tags"
[markup.goldmark.renderer]
  unsafe = false
"""

BASEOF = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head><body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "02/01/2006" }}{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">‹</a>{{ end }} {{ $pager.PageNumber }}/{{ $pager.TotalPages }} {{ with $pager.Next }}<a href="{{ .URL }}">›</a>{{ end }}</nav>
{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def link_tree(source, target):
    """Hard-links every Markdown file of `source` into `target`, keeping the folders."""
    for folder, _, files in os.walk(source):
        for name in files:
            if not name.endswith(".md"):
                continue
            relative = os.path.relpath(os.path.join(folder, name), source)
            destination = os.path.join(target, relative)
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            try:
                os.link(os.path.join(folder, name), destination)
            except OSError:
                shutil.copyfile(os.path.join(folder, name), destination)


def main():
    content, hugo = sys.argv[1], sys.argv[2]
    shutil.rmtree(hugo, ignore_errors=True)
    write(os.path.join(hugo, "hugo.toml"), CONFIG)
    for name, text in (("baseof.html", BASEOF), ("single.html", SINGLE), ("list.html", LIST),
                       ("taxonomy.html", TAXONOMY)):
        write(os.path.join(hugo, "layouts", name), text)
    for section in sorted(os.listdir(content)):
        if os.path.isdir(os.path.join(content, section)):
            link_tree(os.path.join(content, section), os.path.join(hugo, "content", section))
    write(os.path.join(hugo, "content", "_index.md"), "---\ntitle: \"Cổng thử hiệu năng\"\n---\n")


if __name__ == "__main__":
    main()
