//! Which characters are Han ideographs (汉字): one definition for the
//! search tokenizer and the importer.

/// Whether `c` is a Han character (CJK unified ideographs and extensions,
/// compatibility ideographs, 〇). The JS twin uses the same ranges.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}
