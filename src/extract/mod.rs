//! Extraction stage: document blocks and metadata in, the record out.

pub mod gazetteer;
pub mod patterns;
pub mod time;

use crate::document::Document;
use crate::input::Input;
use crate::{Record, Result};

pub fn extract(_input: &Input, _doc: &Document, _path: &str) -> Result<Record> {
    Err(crate::Error::NoArticle("not implemented".into()))
}
