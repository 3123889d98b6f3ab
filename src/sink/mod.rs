//! Sinks: where records go.

pub mod archive;
