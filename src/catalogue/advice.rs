//! Mistakes a citizen would see that are not errors: warnings, listed with
//! the run's summary (`--strict` makes them errors, for CI). A base_url or
//! identity item still holding what `gongkai new` wrote, a required identity
//! item missing, a 指南 without what art. 12 asks ([`super::guide`]), an
//! issuer site.yaml does not declare, a published document with no text, a
//! date more than a year ahead.

use std::path::Path;

use chrono::NaiveDate;

use crate::catalogue::Catalogue;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::msg;
use crate::site::config::{FILE_NAME, Gap, Identity};

/// How far ahead a 发文日期 may be before it looks like a typo.
const FUTURE_DAYS: i64 = 366;

/// The warnings about `catalogue`, whose site.yaml reads `config_text`,
/// built on `today`.
pub(crate) fn warnings(catalogue: &Catalogue, config_text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    let config = &catalogue.config;
    let line_of_key = |key: &str| {
        config_text
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    let mut warnings = Vec::new();
    if is_placeholder_url(&config.base_url) {
        warnings.push(
            Diagnostic::warning(FILE_NAME, msg!("advice.base_url", url = config.base_url))
                .at(line_of_key("base_url"))
                .field("base_url")
                .hint(msg!("advice.base_url.hint")),
        );
    }
    let identity = &config.identity;
    if identity.fields().iter().all(|(_, _, v)| v.is_none()) {
        // One root cause, one warning: no identity block at all.
        warnings.push(
            Diagnostic::warning(FILE_NAME, msg!("advice.identity_absent"))
                .field("identity")
                .hint(msg!("advice.identity_absent.hint")),
        );
    }
    let gaps = if *identity == Identity::default() {
        Vec::new()
    } else {
        identity.gaps()
    };
    for (key, chinese, value, gap) in gaps {
        // The line that writes the key, in English or in Chinese.
        let (at, written) = match line_of_key(chinese) {
            Some(line) => (Some(line), chinese),
            None => (line_of_key(key), key),
        };
        let value = value.unwrap_or_default();
        let (message, hint) = match gap {
            Gap::Placeholder => (msg!("advice.footer", value = value), msg!("advice.footer.hint")),
            Gap::SiteCode => (
                msg!("advice.site_code", code = value),
                msg!("advice.site_code.hint"),
            ),
            Gap::Certificate => (msg!("advice.dzjg", url = value), msg!("advice.dzjg.hint")),
            Gap::Missing => {
                let block = ["identity", "网站信息", "footer", "页脚"]
                    .into_iter()
                    .find_map(line_of_key);
                warnings.push(
                    Diagnostic::warning(FILE_NAME, msg!("advice.identity_missing", name = chinese))
                        .at(block)
                        .field(format!("identity.{key}"))
                        .hint(msg!("advice.identity_missing.hint", key = chinese)),
                );
                continue;
            }
        };
        warnings.push(
            Diagnostic::warning(FILE_NAME, message)
                .at(at)
                .field(format!("identity.{key}"))
                .written(written)
                .hint(hint),
        );
    }
    warnings.extend(crate::catalogue::guide::warnings(catalogue));
    // One warning for the missing reports of several years.
    let mut reported_missing = false;
    for late in crate::catalogue::deadlines::check(catalogue, today) {
        if late.rule == crate::catalogue::deadlines::Rule::ReportMissing {
            if reported_missing {
                continue;
            }
            reported_missing = true;
        }
        warnings.push(late.warning);
    }
    let declared: Vec<&str> = config.issuers.iter().map(|i| i.name.as_str()).collect();
    let latest = today + chrono::Duration::days(FUTURE_DAYS);
    for d in catalogue.documents.iter().filter(|d| d.is_published()) {
        for issuer in std::iter::once(&d.issuer).chain(&d.joint_issuers) {
            if declared.is_empty() || declared.contains(&issuer.as_str()) {
                continue;
            }
            let hint = match did_you_mean(issuer, declared.iter().copied()) {
                Some(close) => msg!("hint.did_you_mean", name = close),
                None => msg!("advice.issuer.hint", names = declared.join("、")),
            };
            warnings.push(
                Diagnostic::warning(&d.source, msg!("advice.issuer", issuer = issuer))
                    .at(d.lines.issuer)
                    .field("issuer")
                    .written(d.lines.written("issuer"))
                    .hint(hint),
            );
        }
        if d.body_chars == 0 && d.attachments.is_empty() {
            warnings.push(
                Diagnostic::warning(&d.source, msg!("advice.empty_body"))
                    .at(d.lines.body.saturating_sub(1).max(1))
                    .hint(msg!("advice.empty_body.hint")),
            );
        }
        if d.date > latest {
            warnings.push(
                Diagnostic::warning(
                    &d.source,
                    msg!("advice.future_date", date = d.date, today = today),
                )
                .at(d.lines.date)
                .field("date")
                .hint(msg!("advice.future_date.hint")),
            );
        }
    }
    warnings
}

/// Whether `url` is an example address (`https://www.example.gov.cn/`, as
/// `gongkai new` writes it, or example.com / .org / .net).
fn is_placeholder_url(url: &str) -> bool {
    let host = url
        .split_once("://")
        .map_or("", |(_, rest)| rest.split(['/', ':']).next().unwrap_or_default())
        .to_ascii_lowercase();
    host.split('.').any(|label| label == "example")
}

/// The text of site.yaml in `root`, for the lines warnings point at.
pub(crate) fn config_text(root: &Path) -> String {
    std::fs::read_to_string(root.join(FILE_NAME)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_addresses_are_placeholders_and_real_ones_are_not() {
        for url in [
            "https://www.example.gov.cn/zwgk/",
            "http://example.com/",
            "https://EXAMPLE.org",
        ] {
            assert!(is_placeholder_url(url), "{url}");
        }
        for url in [
            "https://www.gov.cn/zwgk/",
            "/",
            "/zwgk/",
            "https://examples.gov.cn/",
            "https://a.gov.cn/example/",
        ] {
            assert!(!is_placeholder_url(url), "{url}");
        }
    }
}
