//! Evaluation of extraction quality (placeholder until implemented).
