//! The post-build scanner: what no file of a built site may contain — an
//! inline event handler, a script or `data:text/html` URL, an inline
//! script, a reference to another host, U+FFFD, a checksum-valid 18-digit
//! ID-card number, or a marker string of an unpublished document.
#![allow(dead_code, unreachable_pub, missing_docs)]

use std::path::Path;

/// The host of an absolute http(s) or protocol-relative URL.
fn host(url: &str) -> Option<&str> {
    let lower = url.trim_start();
    let rest = ["https://", "http://", "//"].iter().find_map(|p| {
        lower
            .get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .map(|_| &lower[p.len()..])
    })?;
    Some(rest.split(['/', '?', '#', ':']).next().unwrap_or(""))
}

/// Whether `digits` (18 characters) is an ID-card number whose check
/// character is right (GB 11643-1999).
fn valid_id_number(digits: &[u8]) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = digits[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    digits[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize]
}

/// Every run of exactly 18 digits (the last may be X) that is a
/// checksum-valid ID-card number.
fn id_numbers(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i < bytes.len() && (bytes[i] == b'X' || bytes[i] == b'x') {
            i += 1;
        }
        let run = &bytes[start..i];
        let next_is_alnum = i < bytes.len() && bytes[i].is_ascii_alphanumeric();
        if run.len() == 18
            && !next_is_alnum
            && run[..17].iter().all(u8::is_ascii_digit)
            && valid_id_number(run)
        {
            found.push(text[start..i].to_owned());
        }
    }
    found
}

/// Numeric character references and the named ones that can hide a
/// scheme (`&colon;`, `&Tab;`, `&NewLine;`) decoded; others left as they are.
fn decode_references(value: &str) -> String {
    let reference = regex::Regex::new(r"(?i)&(#x[0-9a-f]+|#[0-9]+|colon|tab|newline);?").expect("pattern");
    reference
        .replace_all(value, |c: &regex::Captures<'_>| {
            let name = c[1].to_ascii_lowercase();
            let code = match name.as_str() {
                "colon" => Some(':' as u32),
                "tab" => Some(9),
                "newline" => Some(10),
                n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok(),
                n => n[1..].parse().ok(),
            };
            code.and_then(char::from_u32)
                .map_or_else(|| c[0].to_owned(), String::from)
        })
        .into_owned()
}

/// What is wrong with one written text file (empty when nothing):
/// `markers` are strings of unpublished documents that must not show.
pub fn problems(path: &str, text: &str, site_host: &str, markers: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains('\u{FFFD}') {
        found.push("U+FFFD (a character lost in decoding)".to_owned());
    }
    for &marker in markers {
        if text.contains(marker) || path.contains(marker) {
            found.push(format!("the unpublished document's marker {marker}"));
        }
    }
    for number in id_numbers(text) {
        found.push(format!("an ID-card number {number}"));
    }
    let is = |ext: &str| path.ends_with(ext);
    if is(".html") {
        // A tag's attributes one after another, each quoted value whole: text
        // inside a value (an escaped `" onclick=`) is not an attribute.
        let tag_re = regex::Regex::new(r#"<[a-zA-Z][^>]*>"#).expect("pattern");
        let attribute_re =
            regex::Regex::new(r#"\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?"#)
                .expect("pattern");
        for tag in tag_re.find_iter(text) {
            for a in attribute_re.captures_iter(tag.as_str()) {
                if a[1].to_ascii_lowercase().starts_with("on") {
                    found.push(format!("an inline event handler: {}", tag.as_str()));
                }
            }
        }
        let script = regex::Regex::new(r#"(?i)<script\b[^>]*>"#).expect("pattern");
        for tag in script.find_iter(text) {
            // JSON-LD is data, not script (its JSON is checked below).
            if !tag.as_str().contains(" src=") && tag.as_str() != r#"<script type="application/ld+json">"# {
                found.push(format!("an inline script: {}", tag.as_str()));
            }
        }
        let attribute = &attribute_re;
        let url_attribute = [
            "href",
            "src",
            "srcset",
            "action",
            "formaction",
            "poster",
            "data",
            "cite",
            "background",
        ];
        // Attributes of real tags only: text shown as text (`&lt;img src=…`)
        // can hold anything.
        let tag = regex::Regex::new(r#"<[a-zA-Z][^>]*>"#).expect("pattern");
        for capture in tag
            .find_iter(text)
            .flat_map(|t| attribute.captures_iter(t.as_str()))
            .filter(|c| url_attribute.contains(&c[1].to_ascii_lowercase().as_str()))
        {
            let raw = capture
                .get(2)
                .or(capture.get(3))
                .or(capture.get(4))
                .map_or("", |m| m.as_str());
            // As a browser reads it: character references decoded, tabs and
            // line breaks dropped.
            let value = decode_references(raw)
                .to_ascii_lowercase()
                .replace(['\t', '\n', '\r'], "");
            if ["javascript:", "vbscript:", "data:text/html"]
                .iter()
                .any(|scheme| value.trim_start().starts_with(scheme))
            {
                found.push(format!("a script URL: {}", &capture[0]));
            }
            // The footer's registrations link to the official registers
            // (《政府网站发展指引》); they load nothing.
            let register = capture[0].trim_start().to_ascii_lowercase().starts_with("href")
                && host(&value)
                    .is_some_and(|h| OFFICIAL_REGISTERS.contains(&h.to_ascii_lowercase().as_str()));
            if let Some(other) = host(&value).filter(|h| !h.eq_ignore_ascii_case(site_host) && !register) {
                found.push(format!("a reference to another host ({other}): {}", &capture[0]));
            }
        }
        // A JSON-LD block is JSON that cannot end its script element.
        for block in text.split(r#"<script type="application/ld+json">"#).skip(1) {
            let json = block.split("</script>").next().unwrap_or_default();
            if serde_json::from_str::<serde_json::Value>(json).is_err() || json.contains('<') {
                found.push(format!("a JSON-LD block that is not plain JSON: {json}"));
            }
        }
    }
    if is(".css") || is(".js") || is(".html") {
        let url = regex::Regex::new(r#"(?i)(url\(\s*["']?|@import\s+["']|fetch\(\s*["'`]|import\s*\(\s*["'`]|from\s+["'])((?:https?:)?//[^"'`)\s]+)"#)
            .expect("pattern");
        for capture in url.captures_iter(text) {
            if let Some(other) = host(&capture[2]).filter(|h| !h.eq_ignore_ascii_case(site_host)) {
                found.push(format!("a resource from another host ({other}): {}", &capture[0]));
            }
        }
    }
    found
}

/// Hosts the footer links to: the MIIT and police registration sites, the
/// national error-report platform and the 党政机关 certificate site.
const OFFICIAL_REGISTERS: [&str; 4] = [
    "beian.miit.gov.cn",
    "beian.mps.gov.cn",
    "zfwzgl.www.gov.cn",
    "bszs.conac.cn",
];

/// Every problem in every file under `out`, as `path: problem`; binary
/// files (search shards) are checked for the markers as bytes. Returns the
/// problems and how many text files were scanned.
pub fn scan_tree(out: &Path, site_host: &str, markers: &[&str]) -> (Vec<String>, usize) {
    let mut report = Vec::new();
    let mut scanned = 0;
    for (path, bytes) in super::tree(out) {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            for &marker in markers {
                if path.contains(marker) || bytes.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                    report.push(format!("{path}: the marker {marker}"));
                }
            }
            continue;
        };
        scanned += 1;
        report.extend(
            problems(&path, text, site_host, markers)
                .into_iter()
                .map(|p| format!("{path}: {p}")),
        );
    }
    (report, scanned)
}
