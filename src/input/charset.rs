//! Character encodings. (Stub: replaced by the full detector.)

use encoding_rs::Encoding;

pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warnings: Vec<String>,
}

pub fn decode_html(bytes: &[u8]) -> Decoded {
    decode_text(bytes)
}

pub fn decode_text(bytes: &[u8]) -> Decoded {
    let (text, enc, _) = encoding_rs::UTF_8.decode(bytes);
    Decoded { text: text.into_owned(), encoding: enc, warnings: vec![] }
}
