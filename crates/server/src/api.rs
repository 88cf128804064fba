//! The JSON API under `/api`. Query strings are parsed by hand so a bad parameter is a JSON
//! 400 naming it, never a plain-text rejection.

use crate::{ApiError, State};
use axum::body::Bytes;
use axum::extract::{Path, Query, State as S};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use newsdesk_extract::{Format, Options};
use newsdesk_store::{QuoteQuery, SearchQuery};
use serde_json::json;
use std::collections::HashMap;

pub fn routes() -> Router<State> {
    Router::new()
        .route(
            "/openapi.json",
            get(|| async { ([("content-type", "application/json")], crate::openapi::DOCUMENT) }),
        )
        .route("/api/analyze", post(analyze))
        .route("/api/documents", post(add_document))
        .route("/api/documents/{id}", get(document))
        .route("/api/search", get(search))
        .route("/api/quotes", get(quotes))
        .route("/api/entities/{id}", get(entity))
        .fallback(|| async { ApiError(StatusCode::NOT_FOUND, "no such route: see /openapi.json".into()) })
}

#[derive(serde::Deserialize)]
struct PageIn {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, msg.into())
}

/// Extracts and analyses the page in a JSON body `{url?, html | text}` (byte offsets).
async fn run_pipeline(body: Bytes) -> Result<newsdesk_model::Document, ApiError> {
    let page: PageIn = serde_json::from_slice(&body)
        .map_err(|e| bad(format!("body must be JSON {{\"url\"?, \"html\" | \"text\"}}: {e}")))?;
    let (bytes, format) = match (page.html, page.text) {
        (Some(h), _) => (h.into_bytes(), Format::Html),
        (None, Some(t)) => (t.into_bytes(), Format::Text),
        _ => return Err(bad("body needs an \"html\" or a \"text\" field")),
    };
    let opts = Options { url: page.url, format: Some(format) };
    tokio::task::spawn_blocking(move || {
        let article = newsdesk_extract::extract(&bytes, &opts)
            .map_err(|e| ApiError(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        Ok(newsdesk_analyze::analyze(&article))
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("analysis failed: {e}")))?
}

fn json_text(body: String) -> Response {
    ([("content-type", "application/json")], body).into_response()
}

async fn analyze(body: Bytes) -> Result<Response, ApiError> {
    let doc = run_pipeline(body).await?;
    Ok(json_text(newsdesk_model::wire::to_json(&doc, false)))
}

async fn add_document(S(state): S<State>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    if let Some(token) = &state.token {
        let given = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(token.as_str()) {
            return Err(ApiError(StatusCode::UNAUTHORIZED, "needs Authorization: Bearer <token>".into()));
        }
    }
    let doc = run_pipeline(body).await?;
    let result = state.write(move |store| store.insert(&doc)).await?;
    let (status, label) = match &result {
        newsdesk_store::Inserted::Stored { .. } => (StatusCode::CREATED, "stored"),
        newsdesk_store::Inserted::DuplicateUrl { .. } => (StatusCode::OK, "duplicate-url"),
        newsdesk_store::Inserted::DuplicateContent { .. } => (StatusCode::OK, "duplicate-content"),
    };
    Ok((status, Json(json!({ "id": result.id(), "status": label }))).into_response())
}

async fn document(S(state): S<State>, Path(id): Path<String>) -> Result<Response, ApiError> {
    match state.read(move |s| s.document(&id)).await? {
        Some(d) => Ok(json_text(d.json)),
        None => Err(ApiError(StatusCode::NOT_FOUND, "no document with this id".into())),
    }
}

pub(crate) fn limit(q: &HashMap<String, String>) -> Result<usize, ApiError> {
    match q.get("limit") {
        None => Ok(20),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| bad("limit must be 1 to 100")),
    }
}

fn offset(q: &HashMap<String, String>) -> Result<usize, ApiError> {
    match q.get("offset") {
        None => Ok(0),
        Some(v) => {
            v.parse::<usize>().ok().filter(|n| *n <= 10_000).ok_or_else(|| bad("offset must be 0 to 10000"))
        }
    }
}

pub(crate) fn search_query(q: &HashMap<String, String>) -> Result<SearchQuery, ApiError> {
    let day = |name: &str| -> Result<Option<String>, ApiError> {
        match q.get(name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) if newsdesk_store::day_of(v) == Some(v.as_str()) => Ok(Some(v.clone())),
            Some(_) => Err(bad(format!("{name} must be a day as YYYY-MM-DD"))),
        }
    };
    let text = q.get("q").cloned().unwrap_or_default();
    if text.len() > 512 {
        return Err(bad("q is longer than 512 bytes"));
    }
    let opt =
        |name: &str| q.get(name).filter(|v| !v.is_empty()).map(|v| v.chars().take(200).collect::<String>());
    Ok(SearchQuery {
        text,
        speaker: opt("speaker"),
        entity: opt("entity"),
        source: opt("source"),
        from: day("from")?,
        to: day("to")?,
        limit: limit(q)?,
        offset: offset(q)?,
    })
}

async fn search(S(state): S<State>, Query(q): Query<HashMap<String, String>>) -> Result<Response, ApiError> {
    let query = search_query(&q)?;
    let hits = state.read(move |s| s.search(&query)).await?;
    Ok(Json(json!({ "hits": hits })).into_response())
}

async fn quotes(S(state): S<State>, Query(q): Query<HashMap<String, String>>) -> Result<Response, ApiError> {
    let query = QuoteQuery { speaker: q.get("speaker").cloned(), limit: limit(&q)?, offset: offset(&q)? };
    let rows = state.read(move |s| s.quotes(&query)).await?;
    Ok(Json(json!({ "quotes": rows })).into_response())
}

async fn entity(S(state): S<State>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id: i64 = id.parse().map_err(|_| bad("entity id must be an integer"))?;
    let found = state
        .read(move |s| {
            let Some(e) = s.entity(id)? else { return Ok(None) };
            Ok(Some((e, s.entity_timeline(id)?, s.cooccurring(id, 20)?)))
        })
        .await?;
    let Some((e, timeline, near)) = found else {
        return Err(ApiError(StatusCode::NOT_FOUND, "no entity with this id".into()));
    };
    let near: Vec<_> = near.into_iter().map(|(e, n)| json!({ "entity": e, "shared_documents": n })).collect();
    Ok(Json(json!({ "entity": e, "timeline": timeline, "cooccurring": near })).into_response())
}
