//! The rest of the document model a `--model` corpus adds: 发布日期 and
//! 施行日期, 主题分类 (with `--subjects`) and two declared facets.

use std::fmt::Write as _;

use crate::{Meta, calendar};

/// The declared fields of a `model` corpus, as site.yaml writes them.
pub(crate) const FIELDS: &str = "fields:\n  - { key: region, label: 适用区域, type: enum, values: [城区, 郊区, 开发区, 全域], facet: true, show: [table, cards] }\n  - { key: topics, label: 专题, type: list, facet: true }\n";

/// 主题分类 a `model` corpus uses (class/sub-class of the preset).
const SUBJECTS: [&str; 8] = [
    "综合政务/政务公开",
    "综合政务/应急管理",
    "财政、金融、审计/财政",
    "城乡建设、环境保护/城乡建设（含住房）",
    "农业、林业、水利/水利",
    "科技、教育/教育",
    "卫生、体育/卫生",
    "劳动、人事、监察/劳动就业",
];

/// Topics of a `model` corpus's list field.
const TOPICS: [&str; 6] = [
    "营商环境",
    "乡村振兴",
    "民生实事",
    "安全生产",
    "数字政府",
    "生态环境",
];

/// The rest of the document model for `meta`, from its own random
/// stream (seeded by its 索引号), so that the shared fields stay as they are.
pub(crate) fn fields(meta: &Meta, subjects: bool) -> String {
    let mut rng =
        fastrand::Rng::with_seed(meta.index_number.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }));
    let (y, m, d) = calendar(meta.day + rng.u32(0..=14));
    let mut out = format!("published: {y}-{m:02}-{d:02}\n");
    if rng.f64() < 0.3 {
        let (y, m, d) = calendar(meta.day + 30);
        let _ = writeln!(out, "effective: {y}-{m:02}-{d:02}");
    }
    let subject = SUBJECTS[rng.usize(..SUBJECTS.len())];
    if subjects {
        let _ = writeln!(out, "subject: {subject}");
    }
    let _ = writeln!(
        out,
        "适用区域: {}",
        ["城区", "郊区", "开发区", "全域"][rng.usize(..4)]
    );
    let first = rng.usize(..TOPICS.len());
    let second = (first + 1 + rng.usize(..TOPICS.len() - 1)) % TOPICS.len();
    let _ = writeln!(out, "专题: [{}, {}]", TOPICS[first], TOPICS[second]);
    out
}
