//! Evaluation of coref quality (placeholder until implemented).
