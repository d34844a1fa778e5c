//! Front-matter parsing and validation: see `gongkai_fuzz::frontmatter`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| gongkai_fuzz::frontmatter(data));
