//! One document through the whole pipeline: see `gongkai_fuzz::pipeline`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| gongkai_fuzz::pipeline(data));
