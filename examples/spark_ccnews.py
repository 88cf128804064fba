"""newsdesk inside PySpark over Common Crawl News WARC files.

Every WARC file is one Spark task: its HTTP responses are read as a stream with warcio,
each HTML page is analysed by the newsdesk engine on the worker, and one output line per
page is written: the newsdesk.document/1 JSON (default), or GDELT-style event rows or GKG
rows (tab-separated).

    spark-submit examples/spark_ccnews.py --output out/ CC-NEWS-*.warc.gz
    spark-submit examples/spark_ccnews.py --table events --output events/ CC-NEWS-*.warc.gz

Needs the `newsdesk` wheel (crates/python, built with maturin) and `warcio` on the workers.
"""

import argparse
import sys


def pages(warc_path):
    """(url, html bytes) of every HTTP 200 HTML response in a WARC file, streamed."""
    from warcio.archiveiterator import ArchiveIterator

    with open(warc_path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "html"):
                continue
            yield record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()


def analyse(warc_paths, table="documents"):
    """Output lines for every page of the WARC files; pages newsdesk refuses are skipped."""
    import newsdesk

    for path in warc_paths:
        for url, html in pages(path):
            try:
                doc = newsdesk.analyze_json(html, url=url, format="html")
            except ValueError:
                continue  # empty or binary body: not a page
            if table == "documents":
                yield doc
            elif table == "events":
                yield from ("\t".join(row) for row in newsdesk.gdelt_events(doc))
            else:
                yield "\t".join(newsdesk.gdelt_gkg(doc))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warcs", nargs="+", help="WARC files (.warc or .warc.gz)")
    parser.add_argument("--output", required=True, help="output directory (Spark text files)")
    parser.add_argument("--table", choices=["documents", "events", "gkg"], default="documents")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsdesk-ccnews").getOrCreate()
    table = args.table
    rdd = spark.sparkContext.parallelize(args.warcs, len(args.warcs))
    rdd.mapPartitions(lambda paths: analyse(paths, table)).saveAsTextFile(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
