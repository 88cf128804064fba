//! Evaluation of ner quality (placeholder until implemented).
