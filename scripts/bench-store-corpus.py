#!/usr/bin/env python3
"""Writes a Common Crawl News-shaped WARC (one gzip member per record) of N pages made from
the shared HTML corpus, each copy with its own URL and an edition sentence in its
paragraphs, so URL and content deduplication keep every copy and analysis runs on each.
Usage: bench-store-corpus.py CORPUS_HTML_DIR N OUT.warc.gz"""
import glob, gzip, re, sys, zlib

src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = [gzip.open(f).read() for f in sorted(glob.glob(src + "/*.html.gz")) + sorted(glob.glob(src + "/*.html"))]
# Canonical URLs would make every copy a duplicate of the original: drop them.
canonical = re.compile(rb"<(link|meta)[^>]*(canonical|og:url|twitter:url)[^>]*>", re.I)
paragraph = re.compile(rb"<p(\s[^>]*)?>", re.I)

def member(data):
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()

with open(out, "wb") as f:
    for i in range(n):
        html = pages[i % len(pages)]
        html = canonical.sub(b"", html)
        mark = b"Edition %d of the regional bulletin. " % i
        # Into every paragraph: extraction keeps the article's paragraphs, whichever they are.
        html, found = paragraph.subn(lambda m: m.group(0) + mark, html)
        if not found:
            html = html.replace(b"<body", b"<p>" + mark + b"</p><body", 1)
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/%d/%d\r\n"
                "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n") % (i % len(pages), i, len(block))
        f.write(member(head.encode() + block + b"\r\n\r\n"))
