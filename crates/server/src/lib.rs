//! The newsdesk HTTP server: a JSON API described at `/openapi.json` and a server-rendered
//! web reader, both over one embedded store.
//!
//! Invariant: the server owns no analysis and no storage logic; it parses requests, bounds
//! them (body size, result counts, query time), calls `newsdesk_analyze` and
//! `newsdesk_store` on blocking threads, and renders. Every piece of stored content reaches
//! HTML through maud's escaping; the only script is the page's own font-size enhancement.

mod api;
mod openapi;
mod web;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use newsdesk_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Largest accepted request body.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Wall-time budget of one store query.
pub const QUERY_BUDGET: Duration = Duration::from_millis(2000);
const READERS: usize = 4;

#[derive(Clone, Debug)]
pub struct Config {
    pub store: PathBuf,
    /// When set, `POST /api/documents` needs `Authorization: Bearer <token>`.
    pub token: Option<String>,
}

pub(crate) struct AppState {
    token: Option<String>,
    readers: Vec<Mutex<Store>>,
    writer: Mutex<Store>,
    next: AtomicUsize,
}

pub(crate) type State = Arc<AppState>;

/// An error answered as `{"error": message}` with a 4xx/5xx status.
pub(crate) struct ApiError(pub StatusCode, pub String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, axum::Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match e {
            StoreError::Budget(_) => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, e.to_string())
    }
}

impl AppState {
    /// Runs `f` with a reader connection on a blocking thread.
    pub(crate) async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let i = state.next.fetch_add(1, Ordering::Relaxed) % state.readers.len();
            let store = state.readers[i]
                .lock()
                .map_err(|_| ApiError(StatusCode::INTERNAL_SERVER_ERROR, "store lock poisoned".into()))?;
            f(&store).map_err(ApiError::from)
        })
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("worker failed: {e}")))?
    }

    pub(crate) async fn write<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let mut store = state
                .writer
                .lock()
                .map_err(|_| ApiError(StatusCode::INTERNAL_SERVER_ERROR, "store lock poisoned".into()))?;
            f(&mut store).map_err(ApiError::from)
        })
        .await
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("worker failed: {e}")))?
    }
}

/// The whole application: API, OpenAPI document and web reader.
pub fn router(config: &Config) -> Result<Router, StoreError> {
    let writer = Store::open(&config.store)?;
    let mut readers = Vec::new();
    for _ in 0..READERS {
        let mut r = Store::open_reader(&config.store)?;
        r.set_budget(Some(QUERY_BUDGET));
        readers.push(Mutex::new(r));
    }
    let state = Arc::new(AppState {
        token: config.token.clone().filter(|t| !t.is_empty()),
        readers,
        writer: Mutex::new(writer),
        next: AtomicUsize::new(0),
    });
    Ok(api::routes()
        .merge(web::routes())
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES)))
}

/// Serves `config` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    let app = router(&config).map_err(std::io::Error::other)?;
    axum::serve(listener, app).await
}
