//! The newsdesk HTTP server (work in progress).
