//! The 政府信息公开指南 checked against 《政府信息公开条例》 art. 12: it
//! must say how information is classified and arranged, how to obtain it,
//! and the disclosure office's name, address, hours, telephone, fax and
//! online contact; and (art. 27–29) how to apply, with the application form
//! to download. Each element missing is a warning naming it.
//!
//! The test is by words: an element is stated when the guide's text holds
//! one of the words such a sentence cannot do without (地址 for the address,
//! 传真号码 or 传真： for the fax, not 传真 alone, which "apply by fax" has). A guide can pass it and still be thin; it cannot
//! fail it and be complete.

use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::PLACEHOLDER;

/// Each element art. 12 asks of the guide: (its name in messages, Chinese
/// and English, and words any statement of it contains).
pub(crate) const ELEMENTS: [(&str, &str, &[&str]); 9] = [
    (
        "分类和编排体系",
        "how information is classified and arranged",
        &["编排", "分类体系", "排列"],
    ),
    ("获取方式", "how to obtain it", &["获取", "查阅"]),
    (
        "工作机构名称",
        "the office's name",
        &["工作机构", "机构名称", "办理机构"],
    ),
    ("办公地址", "its address", &["地址"]),
    ("办公时间", "its hours", &["办公时间", "工作时间", "受理时间"]),
    (
        "联系电话",
        "its telephone",
        &["联系电话", "咨询电话", "电话：", "电话:"],
    ),
    (
        "传真号码",
        "its fax",
        &["传真号码", "传真电话", "传真：", "传真:"],
    ),
    (
        "网上联系方式",
        "its online contact",
        &["电子邮箱", "邮箱", "网址", "在线申请", "网上申请", "@"],
    ),
    ("依申请公开的办理", "how to apply (依申请公开)", &["依申请"]),
];

/// The warnings about the site's guide page, if the column names one.
pub(crate) fn warnings(catalogue: &Catalogue) -> Vec<Diagnostic> {
    let Some(guide) = catalogue.pages.iter().find(|p| p.key == "guide") else {
        return Vec::new();
    };
    let Some(source) = &guide.source else {
        return Vec::new();
    };
    let english = crate::lang::Lang::of_site(&catalogue.config.language) == crate::lang::Lang::En;
    let mut warnings = Vec::new();
    for (chinese, english_name, words) in ELEMENTS {
        if !words.iter().any(|w| guide.text.contains(w)) {
            let name = if english { english_name } else { chinese };
            warnings.push(
                Diagnostic::warning(source, msg!("advice.guide", element = name))
                    .hint(msg!("advice.guide.hint", words = words.join("、"))),
            );
        }
    }
    if guide.text.contains(PLACEHOLDER) {
        warnings.push(
            Diagnostic::warning(source, msg!("advice.guide_placeholder")).hint(msg!("advice.footer.hint")),
        );
    }
    if !has_form(guide) {
        warnings.push(
            Diagnostic::warning(source, msg!("advice.guide_form")).hint(msg!("advice.guide_form.hint")),
        );
    }
    warnings
}

/// Whether the guide offers a file to download whose name says it is the
/// application form (申请表, or "application form").
pub(crate) fn has_form(guide: &crate::content::page::Page) -> bool {
    guide.files.iter().any(|f| {
        let name = format!("{} {}", f.title, f.href).to_lowercase();
        name.contains("申请表") || name.contains("application")
    })
}
