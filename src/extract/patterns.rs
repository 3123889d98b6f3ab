//! dpa text patterns. (Stub.)

use crate::record::Dateline;

pub fn ortsmarke(_paragraph: &str) -> Option<Dateline> {
    None
}
pub fn kicker_dateline(_kicker: &str) -> Option<Dateline> {
    None
}
pub fn byline(_line: &str) -> Option<Vec<String>> {
    None
}
pub fn credit(_line: &str) -> Option<String> {
    None
}
pub struct TeaserTail {
    pub text: String,
    pub category: String,
    pub time: String,
}
pub fn teaser_tail(_item: &str) -> Option<TeaserTail> {
    None
}
pub fn strip_editor_initials(_paragraph: &str) -> Option<String> {
    None
}
pub fn is_promo(_line: &str) -> bool {
    false
}
pub fn is_related_heading(_line: &str) -> bool {
    false
}
