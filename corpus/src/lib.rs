//! A deterministic corpus of government information-disclosure documents
//! (政府信息公开目录 entries) for gongkai's tests and benchmarks: Markdown
//! with YAML front-matter, as a gongkai site or wrapped in a Hugo site so
//! that the same documents can be timed with both.
//!
//! The running text comes from a character-level Markov model (order 2,
//! preferring order 3 where it branches) trained on the five public seed
//! documents in `tests/fixtures/seeds/`; the metadata vocabularies are short
//! phrases written here. The same options give byte-identical files on every
//! platform (fastrand's WyRand generator, seeded).
//!
//! What a corpus looks like: file name = 索引号 (`0101-03-2017-000525.md`),
//! bodies log-normal with a median of about 3.5 KB (clamped to 1–20 KB) with
//! `##` / `###` headings (一、 / （一）), numbered lists and, in about 12 %
//! of documents, one table; 85 % 主动公开, 10 % 依申请公开, 5 % 不予公开;
//! 80 % 有效; dates 2008–2025, denser in recent years.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

mod hugo;
mod model;

/// The seed documents the running text is learnt from.
const SEEDS: [&str; 5] = [
    include_str!("../../tests/fixtures/seeds/000_f96efd56c802faa0.txt"),
    include_str!("../../tests/fixtures/seeds/001_48989420703c6cb8.txt"),
    include_str!("../../tests/fixtures/seeds/002_b69b10b207443a50.txt"),
    include_str!("../../tests/fixtures/seeds/003_d50b10d434d38268.txt"),
    include_str!("../../tests/fixtures/seeds/004_2637a58e69625f91.txt"),
];

/// Which site to write around the documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A gongkai site: `site.yaml`, `corpus.json`, `content/docs/*.md`.
    Native,
    /// A Hugo site with minimal layouts showing the same metadata table.
    Hugo,
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// How many documents.
    pub docs: usize,
    /// The random seed: the same seed gives the same corpus.
    pub seed: u64,
    /// The site around the documents.
    pub format: Format,
    /// Also the rest of the document model (native only): 发布日期 and
    /// 施行日期 and two declared facets, `region` (an enumeration) and
    /// `topics` (a list). The documents are otherwise those of the same
    /// seed without it.
    pub model: bool,
    /// With `model`, also 主题分类 (the State Council preset).
    pub subjects: bool,
}

/// 信息分类 with their codes.
pub const CATEGORIES: [(&str, &str); 15] = [
    ("01", "机构职能"),
    ("02", "政策文件"),
    ("03", "规划计划"),
    ("04", "行政许可"),
    ("05", "财政预决算"),
    ("06", "重大建设项目"),
    ("07", "人事信息"),
    ("08", "政策解读"),
    ("09", "统计信息"),
    ("10", "应急管理"),
    ("11", "公共资源配置"),
    ("12", "社会公益事业"),
    ("13", "行政处罚"),
    ("14", "建议提案办理"),
    ("15", "政府信息公开年报"),
];
/// Policy documents and plans dominate real catalogues.
const CATEGORY_WEIGHTS: [u32; 15] = [4, 14, 9, 8, 7, 5, 5, 8, 6, 5, 4, 5, 7, 4, 2];

const PLACES: [(&str, &str); 5] = [
    ("临川区", "临"),
    ("云溪县", "云"),
    ("南塘区", "塘"),
    ("青石县", "青"),
    ("东湖区", "东湖"),
];
const DEPARTMENTS: [(&str, &str); 8] = [
    ("人民政府", "政"),
    ("人民政府办公室", "政办"),
    ("发展和改革局", "发改"),
    ("财政局", "财"),
    ("教育局", "教"),
    ("自然资源局", "自然资源"),
    ("住房和城乡建设局", "住建"),
    ("卫生健康局", "卫健"),
];
const DOC_KINDS: [&str; 5] = ["发", "字", "函", "办发", "规"];
const TITLE_TOPICS: [&str; 32] = [
    "政务公开工作要点",
    "政府信息公开工作年度报告",
    "优化营商环境实施方案",
    "安全生产专项整治行动方案",
    "农村人居环境整治提升方案",
    "财政预算执行情况",
    "部门预算公开",
    "部门决算公开",
    "重点项目建设计划",
    "突发事件应急预案",
    "城乡居民医疗保险实施办法",
    "义务教育招生工作方案",
    "国有土地上房屋征收补偿方案",
    "河长制工作考核办法",
    "行政执法公示制度",
    "政府购买服务管理办法",
    "老旧小区改造工作方案",
    "乡村振兴战略实施意见",
    "节能减排工作方案",
    "重大行政决策程序规定",
    "公共资源交易管理办法",
    "社会信用体系建设规划",
    "防汛抗旱应急预案",
    "国民经济和社会发展统计公报",
    "人大代表建议办理情况",
    "政协委员提案办理情况",
    "行政许可事项清单",
    "权责清单动态调整",
    "干部任免",
    "公开招聘工作人员公告",
    "双随机一公开监管工作方案",
    "校园食品安全整治方案",
];
const KEYWORDS: [&str; 30] = [
    "政务公开",
    "工作要点",
    "信息公开",
    "预决算",
    "财政",
    "营商环境",
    "安全生产",
    "应急管理",
    "乡村振兴",
    "教育",
    "医疗保障",
    "住房保障",
    "城乡建设",
    "统计",
    "规划",
    "行政许可",
    "行政处罚",
    "人事任免",
    "招聘",
    "建议提案",
    "环境保护",
    "河长制",
    "食品安全",
    "社会救助",
    "年度报告",
    "政策解读",
    "公共资源",
    "重大项目",
    "征收补偿",
    "信用体系",
];
const DISCLOSURE: [(&str, u32); 3] = [("主动公开", 85), ("依申请公开", 10), ("不予公开", 5)];
const STATUS: [(&str, u32); 4] = [("有效", 80), ("已修改", 7), ("已废止", 8), ("已失效", 5)];
const CN_NUM: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ADDRESSEES: [&str; 4] = [
    "镇人民政府、街道办事处",
    "乡（镇）人民政府",
    "区直各部门",
    "县政府各部门、有关单位",
];
const UNITS: [&str; 6] = ["件", "万元", "人", "项", "个", "%"];

/// Lines of the seed pages that are navigation or page chrome, not text.
const SKIP_MARKERS: [&str; 16] = [
    "当前位置",
    "首页",
    "www.",
    "http",
    "发布日期",
    "来源",
    "信息来源",
    "发布时间",
    "索引号",
    "文件编号",
    "信息标题",
    "您现在的位置",
    "@",
    "打印",
    "关闭",
    "（此件",
];
const START: char = '\u{2}';
const END: char = '\u{3}';

fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？')
}

fn clause_end(c: char) -> bool {
    matches!(c, '，' | '、' | '。' | '；' | '：' | '！' | '？')
}

/// An issuer: organisation code, name, and the prefix of its 文件编号.
struct Issuer {
    code: String,
    name: String,
    prefix: String,
}

fn issuers() -> Vec<Issuer> {
    let mut all = Vec::new();
    for (p, (place, abbr)) in PLACES.iter().enumerate() {
        for (d, (department, short)) in DEPARTMENTS.iter().enumerate() {
            all.push(Issuer {
                code: format!("{:02}{:02}", p + 1, d + 1),
                name: format!("{place}{department}"),
                prefix: format!("{abbr}{short}"),
            });
        }
    }
    all
}

/// The seed texts as lines of running text: page chrome dropped, white
/// space removed, ASCII punctuation made full-width, Markdown and YAML
/// markup characters dropped.
fn seed_lines() -> Vec<Vec<char>> {
    let mut lines = Vec::new();
    for seed in SEEDS {
        for raw in seed.lines() {
            let line: Vec<char> = raw
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{feff}' && *c != '\u{fffd}')
                .filter(|c| !"*_#<>|[]`\\\"'{}~^$&".contains(*c))
                .map(|c| match c {
                    ',' => '，',
                    '(' => '（',
                    ')' => '）',
                    ':' => '：',
                    ';' => '；',
                    '?' => '？',
                    '!' => '！',
                    c => c,
                })
                .collect();
            let text: String = line.iter().collect();
            if line.len() < 12 || SKIP_MARKERS.iter().any(|m| text.contains(m)) {
                continue;
            }
            lines.push(line);
        }
    }
    lines
}

/// The character model of the seed texts.
struct Markov {
    order2: HashMap<[char; 2], Vec<char>>,
    /// Order-3 contexts only where they branch, so that long verbatim runs
    /// of the seeds are broken up.
    order3: HashMap<[char; 3], Vec<char>>,
    /// Contexts that start a sentence, in a fixed order.
    sentence_starts: Vec<[char; 2]>,
}

impl Markov {
    fn new(lines: &[Vec<char>]) -> Markov {
        let mut order2: HashMap<[char; 2], Vec<char>> = HashMap::new();
        let mut order3: HashMap<[char; 3], Vec<char>> = HashMap::new();
        let mut sentence_starts = Vec::new();
        for line in lines {
            let mut s = vec![START; 3];
            s.extend_from_slice(line);
            s.push(END);
            for i in 3..s.len() {
                let k2 = [s[i - 2], s[i - 1]];
                let next = order2.entry(k2).or_default();
                if next.is_empty()
                    && sentence_end(k2[0])
                    && !sentence_end(k2[1])
                    && k2[1] != START
                    && k2[1] != END
                {
                    sentence_starts.push(k2);
                }
                next.push(s[i]);
                order3
                    .entry([s[i - 3], s[i - 2], s[i - 1]])
                    .or_default()
                    .push(s[i]);
            }
        }
        order3.retain(|_, next| next.iter().any(|c| *c != next[0]));
        if sentence_starts.is_empty() {
            sentence_starts.push([START, START]);
        }
        Markov {
            order2,
            order3,
            sentence_starts,
        }
    }

    fn paragraph(&self, rng: &mut fastrand::Rng, max_chars: usize) -> String {
        let mut out: Vec<char> = Vec::new();
        let mut ctx = [START; 3];
        loop {
            let next = match self.order3.get(&ctx) {
                Some(next) if rng.f64() >= 0.5 => next,
                _ => match self.order2.get(&[ctx[1], ctx[2]]) {
                    Some(next) => next,
                    None => {
                        let start = self.sentence_starts[rng.usize(..self.sentence_starts.len())];
                        ctx = [START, start[0], start[1]];
                        continue;
                    }
                },
            };
            let c = next[rng.usize(..next.len())];
            if c == END {
                break;
            }
            out.push(c);
            ctx = [ctx[1], ctx[2], c];
            if out.len() >= max_chars && sentence_end(c) {
                break;
            }
            if out.len() >= max_chars * 2 {
                out.push('。');
                break;
            }
        }
        out.into_iter().collect()
    }

    /// A paragraph without a leading 1. / （三） / 一、 numbering.
    fn unnumbered(&self, rng: &mut fastrand::Rng, max_chars: usize) -> Vec<char> {
        self.paragraph(rng, max_chars)
            .chars()
            .skip_while(|c| CN_NUM.contains(c) || c.is_ascii_digit() || "（）()、.．".contains(*c))
            .collect()
    }

    fn clause(&self, rng: &mut fastrand::Rng, lo: usize, hi: usize) -> String {
        for _ in 0..20 {
            let p = self.unnumbered(rng, hi);
            let cut = p.iter().position(|c| clause_end(*c)).unwrap_or(p.len());
            if (lo..=hi).contains(&cut) {
                return p[..cut].iter().collect();
            }
            if cut > hi {
                return p[..hi].iter().collect();
            }
        }
        "政务公开工作".to_owned()
    }

    fn sentence(&self, rng: &mut fastrand::Rng, lo: usize, hi: usize) -> String {
        let mut last = Vec::new();
        for _ in 0..20 {
            let p = self.unnumbered(rng, lo);
            let end = p
                .iter()
                .enumerate()
                .position(|(i, c)| sentence_end(*c) && i + 1 >= lo)
                .map_or(p.len(), |i| i + 1);
            if (lo..=hi).contains(&end) {
                return p[..end].iter().collect();
            }
            last = p;
        }
        let mut s: String = last.iter().take(hi).collect();
        while s.ends_with(['，', '、']) {
            s.pop();
        }
        s.push('。');
        s
    }
}

/// One document's metadata.
struct Meta {
    title: String,
    index_number: String,
    issuer: String,
    category: &'static str,
    date: (i32, u32, u32),
    /// Days from 2008-01-01 to `date`.
    day: u32,
    doc_number: Option<String>,
    disclosure: &'static str,
    status: &'static str,
    summary: String,
    keywords: Vec<&'static str>,
}

fn weighted<T: Copy>(rng: &mut fastrand::Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.u32(..total);
    for (item, weight) in items {
        if pick < *weight {
            return *item;
        }
        pick -= weight;
    }
    items[items.len() - 1].0
}

/// Days since 2008-01-01 → (year, month, day).
fn calendar(mut days: u32) -> (i32, u32, u32) {
    let mut year = 2008;
    loop {
        let len = if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) {
            366
        } else {
            365
        };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while days >= months[month] {
        days -= months[month];
        month += 1;
    }
    (year, month as u32 + 1, days + 1)
}

/// 2008-01-01 to 2025-12-31.
const SPAN_DAYS: u32 = 6574;

struct Generator {
    rng: fastrand::Rng,
    markov: Markov,
    issuers: Vec<Issuer>,
    sequences: HashMap<(usize, &'static str, i32), u32>,
}

impl Generator {
    fn meta(&mut self) -> Meta {
        let categories: Vec<((&'static str, &'static str), u32)> =
            CATEGORIES.iter().copied().zip(CATEGORY_WEIGHTS).collect();
        let (code, category) = weighted(&mut self.rng, &categories);
        let issuer = self.rng.usize(..self.issuers.len());
        // Recent years are denser.
        let day = (f64::from(SPAN_DAYS) * (1.0 - self.rng.f64().powf(1.6))) as u32;
        let date = calendar(day.min(SPAN_DAYS));
        let year = date.0;
        let seq = self.sequences.entry((issuer, code, year)).or_insert(0);
        *seq += 1;
        let issuer = &self.issuers[issuer];
        let place: String = issuer.name.chars().take(3).collect();
        let topic = TITLE_TOPICS[self.rng.usize(..TITLE_TOPICS.len())];
        let title = match self.rng.usize(..8) {
            _ if category == "政府信息公开年报" => {
                format!("{}{}年政府信息公开工作年度报告", issuer.name, year - 1)
            }
            0 => format!("关于印发{year}年{place}{topic}的通知"),
            1 => format!("{place}{year}年{topic}"),
            2 => format!("关于{place}{topic}的通知"),
            3 => format!("{place}关于{topic}的实施意见"),
            4 => format!("关于做好{year}年{topic}有关工作的通知"),
            5 => format!("{}关于{topic}的批复", issuer.name),
            6 => format!("{place}{year}年{topic}的公告"),
            _ => format!("关于进一步加强{topic}的意见"),
        };
        let mut keywords = Vec::new();
        for _ in 0..self.rng.usize(2..=4) {
            let k = KEYWORDS[self.rng.usize(..KEYWORDS.len())];
            if !keywords.contains(&k) {
                keywords.push(k);
            }
        }
        let doc_number = (self.rng.f64() < 0.6).then(|| {
            let kind = DOC_KINDS[self.rng.usize(..DOC_KINDS.len())];
            format!("{}{kind}〔{year}〕{}号", issuer.prefix, self.rng.u32(1..=150))
        });
        Meta {
            title,
            index_number: format!("{}-{code}-{year}-{seq:06}", issuer.code),
            issuer: issuer.name.clone(),
            category,
            date,
            day: day.min(SPAN_DAYS),
            doc_number,
            disclosure: weighted(&mut self.rng, &DISCLOSURE),
            status: weighted(&mut self.rng, &STATUS),
            summary: self.markov.sentence(&mut self.rng, 25, 90),
            keywords,
        }
    }

    /// A body of log-normal size (median about 3.5 KB, 1–20 KB).
    fn body(&mut self, meta: &Meta) -> String {
        let normal = {
            // Box–Muller.
            let (u, v) = (1.0 - self.rng.f64(), self.rng.f64());
            (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        };
        let size = (3500f64.ln() + 0.65 * normal).exp().clamp(1000.0, 20000.0) as usize;
        let (year, month, day) = meta.date;
        let rng = &mut self.rng;
        let markov = &self.markov;
        let addressee = ADDRESSEES[rng.usize(..ADDRESSEES.len())];
        let opening = rng.usize(60..=200);
        let mut parts = vec![format!("各{addressee}："), markov.paragraph(rng, opening)];
        let mut n: usize = parts.iter().map(String::len).sum();
        let mut section = 0;
        let mut table_done = rng.f64() >= 0.12;
        while n < size {
            let r = rng.f64();
            let block = if r < 0.18 && section < CN_NUM.len() {
                section += 1;
                format!("## {}、{}", CN_NUM[section - 1], markov.clause(rng, 4, 18))
            } else if r < 0.28 && section > 0 {
                format!(
                    "### （{}）{}",
                    CN_NUM[rng.usize(..CN_NUM.len())],
                    markov.clause(rng, 4, 20)
                )
            } else if r < 0.42 {
                (0..rng.usize(2..=6))
                    .map(|i| format!("{}. {}", i + 1, markov.sentence(rng, 15, 140)))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else if !table_done && r < 0.50 {
                table_done = true;
                self::table(rng, markov, &self.issuers, year)
            } else {
                let length = rng.usize(60..=400);
                markov.paragraph(rng, length)
            };
            n += block.len() + 2;
            parts.push(block);
        }
        parts.push(format!("{}  \n{year}年{month}月{day}日", meta.issuer));
        parts.join("\n\n") + "\n"
    }
}

fn table(rng: &mut fastrand::Rng, markov: &Markov, issuers: &[Issuer], year: i32) -> String {
    let (columns, rows): (Vec<String>, Vec<Vec<String>>) = if rng.bool() {
        let columns = ["序号", "工作任务", "责任单位", "完成时限"]
            .map(str::to_owned)
            .to_vec();
        let rows = (0..rng.usize(3..=10))
            .map(|i| {
                vec![
                    (i + 1).to_string(),
                    markov.clause(rng, 6, 24),
                    issuers[rng.usize(..issuers.len())].name.clone(),
                    format!("{year}年{}月底前", rng.u32(1..=12)),
                ]
            })
            .collect();
        (columns, rows)
    } else {
        let columns = vec![
            "指标名称".to_owned(),
            "单位".to_owned(),
            format!("{}年", year - 1),
            format!("{year}年"),
            "同比增减（%）".to_owned(),
        ];
        let rows = (0..rng.usize(3..=12))
            .map(|_| {
                let a = rng.u32(10..=99999);
                let b = (f64::from(a) * (0.7 + 0.7 * rng.f64())) as u32;
                vec![
                    markov.clause(rng, 4, 14),
                    UNITS[rng.usize(..UNITS.len())].to_owned(),
                    a.to_string(),
                    b.to_string(),
                    format!("{:.1}", (f64::from(b) - f64::from(a)) * 100.0 / f64::from(a)),
                ]
            })
            .collect();
        (columns, rows)
    };
    let mut out = format!("| {} |\n|{}", columns.join(" | "), "---|".repeat(columns.len()));
    for row in rows {
        let _ = write!(out, "\n| {} |", row.join(" | "));
    }
    out
}

/// A YAML scalar, quoted when plain style would change its meaning.
fn yaml(s: &str) -> String {
    let special = s.contains([
        ':', '#', '"', '\'', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`',
    ]) || s.starts_with(['-', '?', ' '])
        || s.ends_with(' ')
        || ["", "null", "true", "false"].contains(&s);
    if special {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_owned()
    }
}

fn front_matter(meta: &Meta, options: &Options) -> String {
    let (year, month, day) = meta.date;
    let mut out = format!(
        "---\ntitle: {}\nindex_number: {}\nissuer: {}\ncategory: {}\ndate: {year}-{month:02}-{day:02}\n",
        yaml(&meta.title),
        yaml(&meta.index_number),
        yaml(&meta.issuer),
        yaml(meta.category),
    );
    if let Some(number) = &meta.doc_number {
        let _ = writeln!(out, "doc_number: {}", yaml(number));
    }
    if options.model {
        out.push_str(&model::fields(meta, options.subjects));
    }
    let keywords: Vec<String> = meta.keywords.iter().map(|k| yaml(k)).collect();
    let _ = write!(
        out,
        "disclosure: {}\nstatus: {}\nsummary: {}\nkeywords: [{}]\n---\n",
        meta.disclosure,
        meta.status,
        yaml(&meta.summary),
        keywords.join(", ")
    );
    out
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// Writes the corpus site into `out` (created); returns the bytes of
/// Markdown written.
pub fn generate(options: &Options, out: &Path) -> io::Result<u64> {
    let docs = out.join("content/docs");
    match options.format {
        Format::Native => {
            let categories: Vec<String> = CATEGORIES
                .iter()
                .map(|(c, n)| format!("    {{ \"code\": \"{c}\", \"name\": \"{n}\" }}"))
                .collect();
            let issuers: Vec<String> = issuers()
                .iter()
                .map(|i| format!("    {{ \"code\": \"{}\", \"name\": \"{}\" }}", i.code, i.name))
                .collect();
            write(
                &out.join("corpus.json"),
                &format!(
                    "{{\n  \"categories\": [\n{}\n  ],\n  \"issuers\": [\n{}\n  ]\n}}\n",
                    categories.join(",\n"),
                    issuers.join(",\n")
                ),
            )?;
            let mut site = "title: 政府信息公开目录（生成的测试语料）\nlanguage: zh-CN\n\
                            base_url: https://example.gov.cn/\ncategories:\n"
                .to_owned();
            for (code, name) in CATEGORIES {
                let _ = writeln!(site, "  - {{ code: \"{code}\", name: {name} }}");
            }
            if options.model {
                if options.subjects {
                    site.push_str("subjects: preset\n");
                }
                site.push_str(model::FIELDS);
            }
            write(&out.join("site.yaml"), &site)?;
        }
        Format::Hugo => {
            write(&out.join("config.toml"), hugo::CONFIG)?;
            for (name, body) in hugo::layouts() {
                write(&out.join("layouts").join(name), &body)?;
            }
            write(&docs.join("_index.md"), "---\ntitle: 全部文件\n---\n")?;
        }
    }
    fs::create_dir_all(&docs)?;
    let mut generator = Generator {
        rng: fastrand::Rng::with_seed(options.seed),
        markov: Markov::new(&seed_lines()),
        issuers: issuers(),
        sequences: HashMap::new(),
    };
    let mut total = 0u64;
    for _ in 0..options.docs {
        let meta = generator.meta();
        let body = generator.body(&meta);
        let text = format!("{}\n{body}", front_matter(&meta, options));
        write(&docs.join(format!("{}.md", meta.index_number)), &text)?;
        total += text.len() as u64;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
        let dir = std::env::temp_dir().join(format!("gongkai-corpus-{}", std::process::id()));
        let read = |name: &str| {
            let mut files: Vec<(String, String)> = fs::read_dir(dir.join(name).join("content/docs"))
                .expect("docs")
                .map(|e| e.expect("entry").path())
                .map(|p| (p.display().to_string(), fs::read_to_string(&p).expect("read")))
                .map(|(p, t)| (p.rsplit('/').next().unwrap_or_default().to_owned(), t))
                .collect();
            files.sort();
            files
        };
        for (name, seed, model) in [("a", 3, false), ("b", 3, false), ("c", 4, false), ("m", 3, true)] {
            let options = Options {
                docs: 30,
                seed,
                format: Format::Native,
                model,
                subjects: model,
            };
            generate(&options, &dir.join(name)).expect("generate");
        }
        let (a, b, c, m) = (read("a"), read("b"), read("c"), read("m"));
        let model_site = fs::read_to_string(dir.join("m/site.yaml")).expect("site.yaml");
        fs::remove_dir_all(&dir).expect("clean up");
        assert_eq!(a.len(), 30);
        assert_eq!(a, b);
        assert_ne!(a, c);
        // The model corpus: the same documents, with the model's fields added.
        assert!(model_site.contains("subjects: preset") && model_site.contains("key: topics"));
        for ((name, plain), (model_name, model)) in a.iter().zip(&m) {
            assert_eq!(name, model_name);
            let without: String = model
                .lines()
                .filter(|l| {
                    !["published:", "effective:", "subject:", "适用区域:", "专题:"]
                        .iter()
                        .any(|k| l.starts_with(k))
                })
                .map(|l| format!("{l}\n"))
                .collect();
            assert_eq!(&without, plain, "{name}");
            assert!(
                model.contains("\npublished: ") && model.contains("\nsubject: "),
                "{model}"
            );
        }
        let (name, text) = &a[0];
        assert!(text.starts_with("---\ntitle: "), "{text}");
        assert!(text.contains(&format!("index_number: {}", name.trim_end_matches(".md"))));
        assert!(text.contains("\n## 一、") || text.len() < 2500, "{text}");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(calendar(0), (2008, 1, 1));
        assert_eq!(calendar(59), (2008, 2, 29));
        assert_eq!(calendar(366), (2009, 1, 1));
        assert_eq!(calendar(SPAN_DAYS), (2025, 12, 31));
    }
}
