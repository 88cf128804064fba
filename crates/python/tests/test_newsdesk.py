"""The `newsdesk` Python module through a real interpreter, and inside a real local PySpark.

Run by scripts/test-python.sh, which builds the wheel with maturin and installs PySpark.
"""

import concurrent.futures
import json
import os
import pathlib
import unittest

import newsdesk

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples"


def report_text():
    return (EXAMPLES / "report.txt").read_text(encoding="utf-8")


def speakers(doc):
    """Speaker names of the document's quotes, in order."""
    names = {e["id"]: e["name"] for e in doc["entities"]}
    return [names.get(q["speaker"]) for q in doc["quotes"]]


class Analyze(unittest.TestCase):
    def test_text_gives_a_document_with_quotes_and_speakers(self):
        doc = newsdesk.analyze(report_text())
        self.assertEqual(doc["schema"], newsdesk.SCHEMA)
        self.assertTrue(doc["quotes"])
        self.assertIn("Kassym-Jomart Tokayev", speakers(doc))
        self.assertTrue(all(q["speaker"] for q in doc["quotes"]), "every example quote has a speaker")

    def test_offsets_are_python_string_indices(self):
        doc = newsdesk.analyze(report_text())
        for entity in doc["entities"]:
            for m in entity["mentions"]:
                self.assertEqual(doc["text"][m["start"]:m["end"]], m["text"])

    def test_html_bytes_give_the_same_text_as_the_scrape(self):
        html = newsdesk.analyze((EXAMPLES / "report.html").read_bytes())
        text = newsdesk.analyze(report_text())
        self.assertEqual(html["text"], text["text"])

    def test_json_string_matches_the_dict(self):
        self.assertEqual(json.loads(newsdesk.analyze_json(report_text())), newsdesk.analyze(report_text()))

    def test_bad_input_raises_python_errors(self):
        with self.assertRaises(ValueError):
            newsdesk.analyze(b"")
        with self.assertRaises(ValueError):
            newsdesk.analyze(bytes(range(256)) * 64)
        with self.assertRaises(TypeError):
            newsdesk.analyze(42)
        with self.assertRaises(ValueError):
            newsdesk.analyze("Officials said so.", format="pdf")
        with self.assertRaises(ValueError):
            newsdesk.gdelt_gkg("{not json")

    def test_threads_analyse_in_parallel_with_the_same_results(self):
        pages = [report_text()] * 8
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            docs = list(pool.map(newsdesk.analyze_json, pages))
        self.assertEqual(len(set(docs)), 1)

    def test_gdelt_rows(self):
        doc = newsdesk.analyze_json(report_text())
        events = newsdesk.gdelt_events(doc, "20250312120000")
        self.assertTrue(events)
        self.assertTrue(all(len(r) == 61 for r in events))
        gkg = newsdesk.gdelt_gkg(doc)
        self.assertEqual(len(gkg), 27)
        self.assertTrue(gkg[1].startswith("2025"), "GKG date from the publication date")


class Spark(unittest.TestCase):
    """A real local Spark job: pages in an RDD, analysed on the workers, quotes counted."""

    @classmethod
    def setUpClass(cls):
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            if os.environ.get("NEWSDESK_REQUIRE_SPARK") == "1":
                raise
            raise unittest.SkipTest("pyspark is not installed (scripts/test-python.sh installs it)")
        cls.spark = (
            SparkSession.builder.master("local[2]")
            .appName("newsdesk-test")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def test_quotes_by_speaker_over_an_rdd_of_pages(self):
        pages = [report_text(), (EXAMPLES / "statement.txt").read_text(encoding="utf-8")] * 10

        def analyse(partition):
            import json as j

            import newsdesk as nd

            for page in partition:
                doc = j.loads(nd.analyze_json(page))
                names = {e["id"]: e["name"] for e in doc["entities"]}
                for q in doc["quotes"]:
                    yield (names.get(q["speaker"], "(unattributed)"), 1)

        counts = dict(
            self.spark.sparkContext.parallelize(pages, 4).mapPartitions(analyse).reduceByKey(lambda a, b: a + b).collect()
        )
        local = {}
        for page in pages:
            for name in speakers(newsdesk.analyze(page)):
                local[name or "(unattributed)"] = local.get(name or "(unattributed)", 0) + 1
        self.assertEqual(counts, local)
        self.assertGreaterEqual(counts.get("Kassym-Jomart Tokayev", 0), 10)

    def test_the_common_crawl_news_example_over_a_warc(self):
        """examples/spark_ccnews.py on a gzipped WARC written here: one document per page."""
        import importlib.util
        import io
        import tempfile

        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        html = (EXAMPLES / "report.html").read_bytes()
        with tempfile.TemporaryDirectory() as tmp:
            warc = pathlib.Path(tmp) / "news.warc.gz"
            with open(warc, "wb") as out:
                writer = WARCWriter(out, gzip=True)
                for n in range(3):
                    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                    record = writer.create_warc_record(
                        f"https://news.example/story-{n}", "response", payload=io.BytesIO(html), http_headers=headers
                    )
                    writer.write_record(record)
                headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record("https://news.example/gone", "response", payload=io.BytesIO(b"gone"), http_headers=headers)
                )
            spec = importlib.util.spec_from_file_location("spark_ccnews", EXAMPLES / "spark_ccnews.py")
            example = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(example)
            lines = (
                self.spark.sparkContext.parallelize([str(warc)], 1)
                .mapPartitions(lambda paths: example.analyse(paths, "documents"))
                .collect()
            )
            docs = [json.loads(line) for line in lines]
            self.assertEqual(len(docs), 3, "three 200 pages, the 404 skipped")
            self.assertTrue(all(d["quotes"] for d in docs))
            rows = list(example.analyse([str(warc)], "events"))
            self.assertTrue(rows and all(len(r.split("\t")) == 61 for r in rows))


if __name__ == "__main__":
    unittest.main()
