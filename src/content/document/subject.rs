//! A 主题分类 as written (`类/子类`, a class, or a sub-class only one class
//! has) → its positions in the site's subjects.

use super::SubjectRef;
use crate::diagnostic::did_you_mean;
use crate::lang::Text;
use crate::msg;
use crate::site::config::SiteConfig;

/// The 主题分类 `text` names: `类/子类` (also with `\\`, `>` or `／`), a
/// class, or a sub-class whose name only one class has. The error is the
/// hint to show.
pub(super) fn subject_of(config: &SiteConfig, text: &str) -> Result<SubjectRef, Text> {
    let subjects = &config.subjects;
    if subjects.is_empty() {
        return Err(msg!("subject.none.hint"));
    }
    let at = |i: usize| u16::try_from(i).unwrap_or(u16::MAX);
    let parts: Vec<&str> = text
        .split(['/', '\\', '>', '／', '＞', '→'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let top_named = |name: &str| subjects.iter().position(|s| s.name == name);
    match parts.as_slice() {
        [top] => {
            if let Some(i) = top_named(top) {
                return Ok(SubjectRef {
                    top: at(i),
                    sub: None,
                });
            }
            let holders: Vec<(usize, usize)> = subjects
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.children.iter().position(|c| c.name == *top).map(|j| (i, j)))
                .collect();
            match holders.as_slice() {
                [(i, j)] => Ok(SubjectRef {
                    top: at(*i),
                    sub: Some(at(*j)),
                }),
                [] => Err(subject_hint(subjects.iter().map(|s| s.name.as_str()), top)),
                many => Err(msg!(
                    "subject.ambiguous.hint",
                    name = top,
                    options = many
                        .iter()
                        .map(|(i, _)| format!("{}/{top}", subjects[*i].name))
                        .collect::<Vec<_>>()
                        .join("、")
                )),
            }
        }
        [top, sub] => {
            let i =
                top_named(top).ok_or_else(|| subject_hint(subjects.iter().map(|s| s.name.as_str()), top))?;
            let children = &subjects[i].children;
            let j = children
                .iter()
                .position(|c| c.name == *sub)
                .ok_or_else(|| subject_hint(children.iter().map(|c| c.name.as_str()), sub))?;
            Ok(SubjectRef {
                top: at(i),
                sub: Some(at(j)),
            })
        }
        _ => Err(msg!("subject.form.hint")),
    }
}

fn subject_hint<'a>(names: impl Iterator<Item = &'a str> + Clone, written: &str) -> Text {
    match did_you_mean(written, names.clone()) {
        Some(close) => msg!("hint.did_you_mean", name = close),
        None => msg!(
            "hint.use_one_of",
            names = names.take(30).collect::<Vec<_>>().join("、")
        ),
    }
}
