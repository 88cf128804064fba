//! The `newsdesk` Python module: the same engine as the CLI, for scripts, notebooks and
//! PySpark jobs over Common Crawl News. `analyze` returns the `newsdesk.document/1` document
//! (char offsets) as a dict, `analyze_json` as a JSON string (cheap to ship between Spark
//! workers); `gdelt_events` / `gdelt_gkg` give GDELT-style rows. The GIL is released while a
//! page is analysed, so threads analyse in parallel.

use newsdesk_extract::{Format, Options};
use newsdesk_model::{wire, Document};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// A page as Python gives it: `str` (text or HTML) or `bytes` (any encoding).
fn page_bytes(page: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = page.extract::<String>() {
        return Ok(s.into_bytes());
    }
    page.extract::<Vec<u8>>().map_err(|_| PyTypeError::new_err("page must be str or bytes"))
}

fn options(url: Option<String>, format: Option<&str>) -> PyResult<Options> {
    let format = match format {
        None => None,
        Some("html") => Some(Format::Html),
        Some("text") => Some(Format::Text),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "format must be 'html', 'text' or None, not {other:?}"
            )))
        }
    };
    Ok(Options { url, format })
}

/// Extract and analyse one page with the GIL released; char-offset document.
fn run(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    url: Option<String>,
    format: Option<&str>,
) -> PyResult<Document> {
    let bytes = page_bytes(page)?;
    let opts = options(url, format)?;
    py.detach(move || {
        let article = newsdesk_extract::extract(&bytes, &opts).map_err(|e| e.to_string())?;
        Ok::<_, String>(wire::to_char_offsets(&newsdesk_analyze::analyze(&article)))
    })
    .map_err(PyValueError::new_err)
}

/// Analyse a page (HTML or text, `str` or `bytes`) into a `newsdesk.document/1` JSON string.
/// Raises `ValueError` for empty or binary input.
#[pyfunction]
#[pyo3(signature = (page, url=None, format=None))]
fn analyze_json(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    url: Option<String>,
    format: Option<&str>,
) -> PyResult<String> {
    let doc = run(py, page, url, format)?;
    serde_json::to_string(&doc)
        .map_err(|e| PyValueError::new_err(format!("cannot write the document as JSON: {e}")))
}

/// Analyse a page into a `newsdesk.document/1` document, as a dict.
#[pyfunction]
#[pyo3(signature = (page, url=None, format=None))]
fn analyze<'py>(
    py: Python<'py>,
    page: &Bound<'_, PyAny>,
    url: Option<String>,
    format: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let json = analyze_json(py, page, url, format)?;
    py.import("json")?.call_method1("loads", (json,))
}

fn document(json: &str) -> PyResult<Document> {
    serde_json::from_str(json)
        .map_err(|e| PyValueError::new_err(format!("not a newsdesk.document/1 JSON string: {e}")))
}

/// GDELT 2.0 event-table rows (lists of 61 strings) of a document JSON string.
#[pyfunction]
#[pyo3(signature = (document_json, date_added="".to_string()))]
fn gdelt_events(document_json: &str, date_added: String) -> PyResult<Vec<Vec<String>>> {
    Ok(newsdesk_export::events::rows(&document(document_json)?, &date_added))
}

/// The GDELT GKG 2.1 row (27 strings) of a document JSON string.
#[pyfunction]
#[pyo3(signature = (document_json, date="".to_string(), n=1))]
fn gdelt_gkg(document_json: &str, date: String, n: usize) -> PyResult<Vec<String>> {
    let doc = document(document_json)?;
    let date = if date.is_empty() {
        doc.published.as_deref().and_then(newsdesk_export::gkg::timestamp).unwrap_or_default()
    } else {
        date
    };
    Ok(newsdesk_export::gkg::row(&doc, &date, n))
}

#[pymodule]
fn newsdesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", newsdesk_model::SCHEMA)?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(gdelt_events, m)?)?;
    m.add_function(wrap_pyfunction!(gdelt_gkg, m)?)?;
    Ok(())
}
