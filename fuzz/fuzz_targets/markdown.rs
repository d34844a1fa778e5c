//! Markdown rendering with the site's options: see `gongkai_fuzz::markdown`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| gongkai_fuzz::markdown(data));
