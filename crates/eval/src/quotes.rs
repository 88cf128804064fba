//! Evaluation of quotes quality (placeholder until implemented).
