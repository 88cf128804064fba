//! The web reader: server-rendered HTML (maud escapes every interpolation), readable without
//! JavaScript. The only script is a progressive enhancement of the font-size controls, which
//! otherwise work as plain links (`?fs=N`).

use crate::{ApiError, State};
use axum::extract::{Path, Query, State as S};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use newsdesk_model::Document;
use newsdesk_store::{DayCount, QuoteQuery};
use std::collections::HashMap;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/", get(search_page))
        .route("/documents/{id}", get(article_page))
        .route("/entities/{id}", get(entity_page))
        .route("/quotes", get(quotes_page))
}

const STYLE: &str = "body{font-family:Georgia,serif;max-width:46rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
nav a{margin-right:1rem}mark.quote{background:#fff3b0}.speaker{font-size:.8em;font-family:sans-serif}
.meta{color:#555;font-family:sans-serif;font-size:.9em}#article-text{white-space:pre-wrap}
.fonts a{display:inline-block;border:1px solid #888;padding:0 .5em;margin-right:.3em;text-decoration:none;font-family:sans-serif}
table{border-collapse:collapse}td,th{padding:.2em .5em;text-align:left;vertical-align:top}";

/// Reads a remembered font size on load and makes the controls change it in place.
const FONT_SCRIPT: &str = r#"(function(){var k='newsdesk-font-size',t=document.getElementById('article-text');if(!t)return;
function set(px){px=Math.max(10,Math.min(40,px));t.style.fontSize=px+'px';try{localStorage.setItem(k,String(px))}catch(e){}}
var saved=null;try{saved=parseFloat(localStorage.getItem(k))}catch(e){}if(saved)t.style.fontSize=saved+'px';
function cur(){return parseFloat(getComputedStyle(t).fontSize)||18}
function on(id,f){var b=document.getElementById(id);if(b)b.addEventListener('click',function(ev){ev.preventDefault();f()})}
on('font-plus',function(){set(cur()+2)});on('font-minus',function(){set(cur()-2)});
on('font-reset',function(){t.style.fontSize='';try{localStorage.removeItem(k)}catch(e){}})})();"#;

fn page(title: &str, body: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head { meta charset="utf-8"; meta name="viewport" content="width=device-width"; title { (title) " · newsdesk" } style { (PreEscaped(STYLE)) } }
                body {
                    nav { a href="/" { "Search" } a href="/quotes" { "Quotes" } }
                    (body)
                }
            }
        }
        .into_string(),
    )
}

fn error_page(e: ApiError) -> Response {
    let status = e.0;
    (status, page("Error", html! { h1 { "Error " (status.as_u16()) } p { (e.1) } })).into_response()
}

/// A snippet with `\u{2}`…`\u{3}` match markers as escaped HTML with `<b>` highlights.
fn snippet(s: &str) -> Markup {
    html! {
        @for (i, part) in s.split(['\u{2}', '\u{3}']).enumerate() {
            @if i % 2 == 1 { b { (part) } } @else { (part) }
        }
    }
}

async fn search_page(S(state): S<State>, Query(q): Query<HashMap<String, String>>) -> Response {
    let query = match crate::api::search_query(&q) {
        Ok(query) => query,
        Err(e) => return error_page(e),
    };
    let v = |k: &str| q.get(k).cloned().unwrap_or_default();
    let shown = query.clone();
    let hits = match state.read(move |s| s.search(&shown)).await {
        Ok(h) => h,
        Err(e) => return error_page(e),
    };
    page(
        "Search",
        html! {
            h1 { "Search" }
            form method="get" action="/" {
                input type="search" name="q" value=(v("q")) placeholder="words";
                input name="speaker" value=(v("speaker")) placeholder="speaker";
                input name="entity" value=(v("entity")) placeholder="entity";
                input name="source" value=(v("source")) placeholder="source";
                input type="date" name="from" value=(v("from"));
                input type="date" name="to" value=(v("to"));
                button type="submit" { "Search" }
            }
            ol {
                @for h in &hits {
                    li {
                        a href={ "/documents/" (h.id) } { (h.title.as_deref().unwrap_or("(untitled)")) }
                        div.meta { (h.day) " · " (h.source.as_deref().unwrap_or("")) }
                        div { (snippet(&h.snippet)) }
                    }
                }
            }
            @if hits.is_empty() { p { "No documents." } }
        },
    )
    .into_response()
}

/// Char offset → byte offset table for `text` (index = char offset).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}

fn article_body(doc: &Document, ids: &HashMap<String, i64>) -> Markup {
    let bytes = byte_offsets(&doc.text);
    let at = |c: usize| bytes.get(c).copied().unwrap_or(doc.text.len());
    let mut quotes: Vec<_> = doc.quotes.iter().map(|q| (at(q.start), at(q.end), q)).collect();
    quotes.sort_by_key(|(s, e, _)| (*s, *e));
    // Plain text before each quote, then the quote; overlapping quotes are left unmarked.
    let mut pieces = Vec::new();
    let mut pos = 0;
    for (start, end, q) in quotes {
        if start >= pos && end > start && doc.text.get(start..end).is_some() {
            pieces.push((doc.text.get(pos..start).unwrap_or(""), doc.text.get(start..end).unwrap_or(""), q));
            pos = end;
        }
    }
    html! {
        @for (before, quoted, q) in pieces {
            (before)
            mark.quote data-kind=(format!("{:?}", q.kind).to_lowercase()) { (quoted) }
            @let name = q.speaker.as_deref().and_then(|id| doc.entity(id)).map(|e| e.name.as_str()).or(q.speaker_text.as_deref());
            @if let Some(name) = name {
                " "
                @match q.speaker.as_ref().and_then(|id| ids.get(id)) {
                    Some(eid) => { a.speaker href={ "/entities/" (eid) } { "— " (name) } }
                    None => { span.speaker { "— " (name) } }
                }
            }
        }
        (doc.text.get(pos..).unwrap_or(""))
    }
}

async fn article_page(
    S(state): S<State>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let found = state
        .read(move |s| {
            let Some(d) = s.document(&id)? else { return Ok(None) };
            Ok(Some((d, s.entity_ids_of(&id)?)))
        })
        .await;
    let (stored, ids) = match found {
        Ok(Some(x)) => x,
        Ok(None) => return error_page(ApiError(StatusCode::NOT_FOUND, "No document with this id.".into())),
        Err(e) => return error_page(e),
    };
    let doc: Document = match serde_json::from_str(&stored.json) {
        Ok(d) => d,
        Err(e) => return error_page(ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    };
    let ids: HashMap<String, i64> = ids.into_iter().collect();
    // Without JavaScript the controls are links that set the size server-side.
    let fs: i32 = q.get("fs").and_then(|v| v.parse().ok()).filter(|n| (10..=40).contains(n)).unwrap_or(18);
    let title = doc.title.clone().unwrap_or_else(|| "(untitled)".into());
    page(
        &title,
        html! {
            article {
                h1 { (title) }
                p.meta {
                    (doc.published.as_deref().unwrap_or(&stored.day)) " · "
                    (stored.source.as_deref().unwrap_or("unknown source"))
                    @if let Some(url) = &stored.url { " · " a href=(url) rel="nofollow noopener" { "original" } }
                }
                p.fonts {
                    a #font-minus href={ "?fs=" (fs - 2) } title="Smaller text" { "A−" }
                    a #font-reset href="?" title="Default size" { "A" }
                    a #font-plus href={ "?fs=" (fs + 2) } title="Larger text" { "A+" }
                }
                div #article-text style=(format!("font-size:{fs}px")) { (article_body(&doc, &ids)) }
            }
            script { (PreEscaped(FONT_SCRIPT)) }
        },
    )
    .into_response()
}

/// Bars of mentions (grey) and quotes (dark) per day, as inline SVG.
fn timeline_svg(days: &[DayCount]) -> Markup {
    let days = &days[days.len().saturating_sub(120)..];
    let max = days.iter().map(|d| d.mentions.max(d.quotes)).max().unwrap_or(1).max(1) as f64;
    let (w, h) = (600.0, 120.0);
    let bar = w / days.len().max(1) as f64;
    html! {
        svg width=(w) height=(h + 20.0) role="img" aria-label="Mentions and quotes per day" {
            @for (i, d) in days.iter().enumerate() {
                @let x = i as f64 * bar;
                @let mh = d.mentions as f64 / max * h;
                @let qh = d.quotes as f64 / max * h;
                rect x=(x) y=(h - mh) width=(bar * 0.9) height=(mh) fill="#bbb" { title { (d.day) ": " (d.mentions) " mentions, " (d.quotes) " quotes" } }
                rect x=(x) y=(h - qh) width=(bar * 0.9) height=(qh) fill="#333" {}
            }
            @if let (Some(first), Some(last)) = (days.first(), days.last()) {
                text x="0" y=(h + 15.0) font-size="11" { (first.day) }
                text x=(w) y=(h + 15.0) font-size="11" text-anchor="end" { (last.day) }
            }
        }
    }
}

async fn entity_page(S(state): S<State>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error_page(ApiError(StatusCode::BAD_REQUEST, "Entity ids are integers.".into()));
    };
    let found = state
        .read(move |s| {
            let Some(e) = s.entity(id)? else { return Ok(None) };
            let speaker = Some(e.name.clone());
            Ok(Some((
                e,
                s.entity_timeline(id)?,
                s.cooccurring(id, 15)?,
                s.quotes(&QuoteQuery { speaker, limit: 20, offset: 0 })?,
            )))
        })
        .await;
    let (e, days, near, quotes) = match found {
        Ok(Some(x)) => x,
        Ok(None) => return error_page(ApiError(StatusCode::NOT_FOUND, "No entity with this id.".into())),
        Err(e) => return error_page(e),
    };
    page(
        &e.name,
        html! {
            h1 { (e.name) }
            p.meta { (e.kind) " · " (e.documents) " documents · " (e.mentions) " mentions · " (e.quotes) " quotes" }
            h2 { "Mentions and quotes per day" }
            (timeline_svg(&days))
            h2 { "Most often beside" }
            ul { @for (n, shared) in &near { li { a href={ "/entities/" (n.id) } { (n.name) } " (" (shared) ")" } } }
            h2 { "Quotes" }
            (quote_list(&quotes))
            p { a href={ "/?entity=" (e.name) } { "Documents mentioning " (e.name) } }
        },
    )
    .into_response()
}

fn quote_list(quotes: &[newsdesk_store::QuoteRow]) -> Markup {
    html! {
        ul {
            @for q in quotes {
                li {
                    "“" (q.text) "” "
                    @match q.speaker_entity {
                        Some(eid) => { a href={ "/entities/" (eid) } { (q.speaker.as_deref().unwrap_or("?")) } }
                        None => { (q.speaker.as_deref().unwrap_or("?")) }
                    }
                    span.meta { " · " (q.day) " · " a href={ "/documents/" (q.document) } { (q.title.as_deref().unwrap_or("(untitled)")) } }
                }
            }
        }
    }
}

async fn quotes_page(S(state): S<State>, Query(q): Query<HashMap<String, String>>) -> Response {
    let speaker = q.get("speaker").filter(|s| !s.is_empty()).cloned();
    let query = QuoteQuery { speaker: speaker.clone(), limit: 50, offset: 0 };
    let rows = match state.read(move |s| s.quotes(&query)).await {
        Ok(r) => r,
        Err(e) => return error_page(e),
    };
    page(
        "Quotes",
        html! {
            h1 { "Quotes" }
            form method="get" action="/quotes" {
                input name="speaker" value=(speaker.as_deref().unwrap_or("")) placeholder="speaker";
                button type="submit" { "Filter" }
            }
            (quote_list(&rows))
        },
    )
    .into_response()
}
