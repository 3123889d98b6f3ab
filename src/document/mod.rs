//! Document stage: decoded page text in, reading-order blocks with markup hints out.

use crate::input::Input;

#[derive(Debug, Default)]
pub struct Document {}

pub fn build(_input: &Input) -> Document {
    Document::default()
}
