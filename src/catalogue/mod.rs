//! The immutable model of the site: published documents newest first, their
//! facets (category, issuer, year), and the checks that span files (unique
//! 索引号, one document per URL).

pub(crate) mod advice;
pub(crate) mod cache;
pub mod deadlines;
pub(crate) mod guide;
pub(crate) mod library;
pub(crate) mod load;
pub(crate) mod reports;
pub mod stats;
pub(crate) mod url;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::content::document::{Document, FieldValue, Reference, Validity};
use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::site::config::SiteConfig;

/// The ways the catalogue is browsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// 信息分类.
    Category,
    /// 发布机构 (each issuer of a joint document).
    Issuer,
    /// 年份 of 发布日期.
    Year,
    /// 主题分类, both levels.
    Subject,
    /// A field site.yaml declares with `facet: true`, by its position.
    Field(u16),
}

impl FacetKind {
    /// The URL folder of this kind's pages: a declared field's key.
    pub fn dir(self, config: &SiteConfig) -> &str {
        match self {
            FacetKind::Category => "category",
            FacetKind::Issuer => "issuer",
            FacetKind::Year => "year",
            FacetKind::Subject => "subject",
            FacetKind::Field(i) => config
                .fields
                .get(usize::from(i))
                .map_or("field", |f| f.key.as_str()),
        }
    }
}

/// One value of a facet (a category, an issuer, a year) and its documents.
#[derive(Clone, Debug)]
pub struct Facet {
    /// URL-safe key: the category code, the issuer code, the year.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Indices into [`Catalogue::documents`], newest first.
    pub documents: Vec<usize>,
    /// 0, or 1 for a sub-class (主题分类 of the second level).
    pub level: u8,
}

/// The published site: what every renderer and exporter reads.
#[derive(Debug)]
pub struct Catalogue {
    /// The site's configuration.
    pub config: SiteConfig,
    /// Published documents, newest first (then by 索引号).
    pub documents: Vec<Document>,
    /// Categories in site.yaml order, empty ones included.
    pub categories: Vec<Facet>,
    /// Issuers: declared ones in site.yaml order, then the others by name.
    pub issuers: Vec<Facet>,
    /// Years, newest first.
    pub years: Vec<Facet>,
    /// 主题分类 that hold documents, in site.yaml order: each class, then
    /// its sub-classes.
    pub subjects: Vec<Facet>,
    /// For each declared field, its values' facets (empty unless `facet: true`).
    pub fields: Vec<Vec<Facet>>,
    /// Documents read but not published (drafts, not 主动公开).
    pub unpublished: usize,
    /// Links between documents, by position in [`Catalogue::documents`].
    pub relations: Vec<Relations>,
    /// Per category (site.yaml order), its 已废止 and 已失效 documents.
    pub abolished: Vec<Facet>,
    /// The column's own pages (公开指南, 公开制度).
    pub pages: Vec<crate::content::page::Page>,
}

/// How one document relates to others (positions in the catalogue).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relations {
    /// The document that repealed or amended this one.
    pub replaced_by: Option<usize>,
    /// Documents this one repealed or amended.
    pub replaces: Vec<usize>,
    /// Policies this document interprets (政策解读 → 解读对象).
    pub interprets: Vec<usize>,
    /// Interpretations of this document (相关解读).
    pub interpreted_by: Vec<usize>,
    /// The earlier version this one amends (修订对象).
    pub revises: Option<usize>,
    /// Later versions amending this one.
    pub revised_by: Vec<usize>,
    /// The documents its declared link fields name: (field, position).
    pub links: Vec<(u16, usize)>,
}

impl Catalogue {
    /// Checks what spans files and assembles the model from every parsed
    /// document, published or not. `today` is the build date: a document
    /// whose `valid_until` has passed is 已失效.
    pub fn assemble(
        config: SiteConfig,
        mut all: Vec<Document>,
        today: chrono::NaiveDate,
    ) -> Result<Catalogue, Vec<Diagnostic>> {
        for d in &mut all {
            if d.valid_until.is_some_and(|until| until < today)
                && matches!(d.status, Validity::Valid | Validity::Amended)
            {
                d.status = Validity::Expired;
            }
            // 尚未生效 until its 施行日期, 有效 from that day's build on.
            match (d.status, d.effective) {
                (Validity::Valid, Some(from)) if from > today => d.status = Validity::Pending,
                (Validity::Pending, Some(from)) if from <= today => d.status = Validity::Valid,
                _ => {}
            }
        }
        // The checks read the documents only: each on a core of its own.
        let (mut problems, reference_problems) = rayon::join(
            || {
                let mut problems = Vec::new();
                check_unique_index_numbers(&all, &mut problems);
                problems
            },
            || {
                let mut problems = Vec::new();
                let published_numbers: HashMap<String, bool> = all
                    .iter()
                    .map(|d| (d.index_number.trim().to_lowercase(), d.is_published()))
                    .collect();
                for d in all.iter().filter(|d| d.is_published()) {
                    let declared = d.extra.iter().filter_map(|(i, v)| match v {
                        FieldValue::Link(r) => Some((config.fields[usize::from(*i)].key.as_str(), r)),
                        _ => None,
                    });
                    for (field, reference) in d
                        .interprets
                        .iter()
                        .map(|r| ("interprets", r))
                        .chain(d.replaced_by.iter().map(|r| ("replaced_by", r)))
                        .chain(d.revises.iter().map(|r| ("revises", r)))
                        .chain(declared)
                    {
                        check_reference(d, field, reference, &published_numbers, &mut problems);
                    }
                }
                problems
            },
        );
        problems.extend(reference_problems);
        let total = all.len();
        all.retain(Document::is_published);
        let unpublished = total - all.len();
        // Newest first, sorted beside the check of the addresses. The order
        // is sorted, then the documents (large values) are moved once into it.
        let (url_problems, order) = rayon::join(
            || {
                let mut problems = Vec::new();
                check_unique_urls(&all, &mut problems);
                problems
            },
            || {
                let mut order: Vec<usize> = (0..all.len()).collect();
                order.par_sort_by(|&a, &b| {
                    let (a, b) = (&all[a], &all[b]);
                    b.published
                        .cmp(&a.published)
                        .then_with(|| b.date.cmp(&a.date))
                        .then_with(|| a.index_number.cmp(&b.index_number))
                        .then_with(|| a.source.cmp(&b.source))
                });
                order
            },
        );
        problems.extend(url_problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        // In place, by following cycles: each swap puts one document where
        // it goes (a second vector would be tens of megabytes more).
        let mut goes_to = vec![0; order.len()];
        for (position, &i) in order.iter().enumerate() {
            goes_to[i] = position;
        }
        for i in 0..all.len() {
            while goes_to[i] != i {
                let j = goes_to[i];
                all.swap(i, j);
                goes_to.swap(i, j);
            }
        }
        let documents = all;

        // The facets and the relations, each read from the documents alone.
        let ((categories, issuers, years), (subjects, fields, relations, abolished)) = rayon::join(
            || {
                let categories = category_facets(&config, &documents, |_| true);
                let issuers = issuer_facets(&config, &documents);
                let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
                for (i, d) in documents.iter().enumerate() {
                    by_year
                        .entry(chrono::Datelike::year(&d.published))
                        .or_default()
                        .push(i);
                }
                let years: Vec<Facet> = by_year
                    .into_iter()
                    .rev()
                    .map(|(year, documents)| Facet {
                        key: year.to_string(),
                        name: format!("{year}年"),
                        documents,
                        level: 0,
                    })
                    .collect();
                (categories, issuers, years)
            },
            || {
                let subjects = subject_facets(&config, &documents);
                let fields: Vec<Vec<Facet>> = (0..config.fields.len())
                    .map(|i| field_facets(&config, &documents, i))
                    .collect();
                let relations = relations(&documents);
                let abolished = category_facets(&config, &documents, |d| {
                    matches!(d.status, Validity::Repealed | Validity::Expired)
                });
                (subjects, fields, relations, abolished)
            },
        );
        Ok(Catalogue {
            config,
            documents,
            categories,
            issuers,
            years,
            subjects,
            fields,
            unpublished,
            relations,
            abolished,
            pages: Vec::new(),
        })
    }

    /// The facets of one kind.
    pub fn facets(&self, kind: FacetKind) -> &[Facet] {
        match kind {
            FacetKind::Category => &self.categories,
            FacetKind::Issuer => &self.issuers,
            FacetKind::Year => &self.years,
            FacetKind::Subject => &self.subjects,
            FacetKind::Field(i) => self.fields.get(usize::from(i)).map_or(&[], Vec::as_slice),
        }
    }

    /// The kinds this site is browsed by, in navigation order: category,
    /// issuer, year, then 主题分类 when declared, then declared facets.
    pub fn facet_kinds(&self) -> Vec<FacetKind> {
        let mut kinds = vec![FacetKind::Category, FacetKind::Issuer, FacetKind::Year];
        if !self.config.subjects.is_empty() {
            kinds.push(FacetKind::Subject);
        }
        kinds.extend(
            self.config
                .fields
                .iter()
                .enumerate()
                .filter(|(_, f)| f.facet)
                .map(|(i, _)| FacetKind::Field(u16::try_from(i).unwrap_or(u16::MAX))),
        );
        kinds
    }

    /// The facets beyond category, issuer and year: 主题分类 and the
    /// declared ones (the search page's extra filters).
    pub fn extra_facet_kinds(&self) -> Vec<FacetKind> {
        self.facet_kinds()
            .into_iter()
            .filter(|k| matches!(k, FacetKind::Subject | FacetKind::Field(_)))
            .collect()
    }

    /// Whether the site has a 规范性文件库: some document has a kind.
    pub fn has_library(&self) -> bool {
        self.documents.iter().any(|d| d.kind.is_some())
    }

    /// The issuer facet a document belongs to (its lead issuer's).
    pub fn issuer_of(&self, document: &Document) -> Option<&Facet> {
        self.issuer_named(&document.issuer)
    }

    /// The issuer facet of `name`.
    pub fn issuer_named(&self, name: &str) -> Option<&Facet> {
        self.issuers.iter().find(|f| f.name == name)
    }

    /// The facet of a document's 主题分类: its sub-class's, else its class's.
    pub fn subject_of(&self, document: &Document) -> Option<&Facet> {
        let s = document.subject?;
        let subject = self.config.subjects.get(usize::from(s.top))?;
        let code = match s.sub {
            Some(j) => &subject.children.get(usize::from(j))?.code,
            None => &subject.code,
        };
        self.subjects.iter().find(|f| &f.key == code)
    }
}

/// A reference by 索引号 must name a published document (政策解读 and the
/// policy are published together: seeds 000 六(三), 001 二十.1).
fn check_reference(
    d: &Document,
    field: &str,
    reference: &Reference,
    published: &HashMap<String, bool>,
    problems: &mut Vec<Diagnostic>,
) {
    let number = &reference.index_number;
    let written = d.lines.written(field);
    let message = match published.get(&number.trim().to_lowercase()) {
        Some(true) if number.trim().eq_ignore_ascii_case(d.index_number.trim()) => {
            msg!("reference.self", field = written)
        }
        Some(true) => return,
        Some(false) => msg!("reference.unpublished", field = written, number = number),
        None => msg!("reference.missing", field = written, number = number),
    };
    problems.push(
        Diagnostic::error(&d.source, message)
            .at(reference.line)
            .field(field)
            .written(written)
            .hint(msg!("reference.hint")),
    );
}

/// Both directions of every reference, by catalogue position.
fn relations(documents: &[Document]) -> Vec<Relations> {
    let position: HashMap<String, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.index_number.trim().to_lowercase(), i))
        .collect();
    let find = |r: &Reference| position.get(&r.index_number.trim().to_lowercase()).copied();
    let mut relations = vec![Relations::default(); documents.len()];
    for (i, d) in documents.iter().enumerate() {
        for (field, value) in &d.extra {
            if let FieldValue::Link(r) = value
                && let Some(target) = find(r)
            {
                relations[i].links.push((*field, target));
            }
        }
        if let Some(target) = d.revises.as_ref().and_then(find) {
            relations[i].revises = Some(target);
            relations[target].revised_by.push(i);
        }
        if let Some(target) = d.replaced_by.as_ref().and_then(find) {
            relations[i].replaced_by = Some(target);
            relations[target].replaces.push(i);
        }
        for target in d.interprets.iter().filter_map(find) {
            if !relations[i].interprets.contains(&target) {
                relations[i].interprets.push(target);
                relations[target].interpreted_by.push(i);
            }
        }
    }
    relations
}

/// One facet per category, in site.yaml order, of the documents `keep` accepts.
fn category_facets(
    config: &SiteConfig,
    documents: &[Document],
    keep: impl Fn(&Document) -> bool,
) -> Vec<Facet> {
    config
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Facet {
            key: c.code.clone(),
            name: c.name.clone(),
            documents: positions(documents, |d| d.category == i && keep(d)),
            level: 0,
        })
        .collect()
}

/// The 主题分类 that hold documents: each class (with its sub-classes'
/// documents), followed by its sub-classes.
fn subject_facets(config: &SiteConfig, documents: &[Document]) -> Vec<Facet> {
    let mut facets = Vec::new();
    for (i, subject) in config.subjects.iter().enumerate() {
        let in_class = positions(documents, |d| d.subject.is_some_and(|s| usize::from(s.top) == i));
        if in_class.is_empty() {
            continue;
        }
        facets.push(Facet {
            key: subject.code.clone(),
            name: subject.name.clone(),
            documents: in_class.clone(),
            level: 0,
        });
        for (j, child) in subject.children.iter().enumerate() {
            let in_child: Vec<usize> = in_class
                .iter()
                .copied()
                .filter(|&k| {
                    documents[k]
                        .subject
                        .and_then(|s| s.sub)
                        .is_some_and(|s| usize::from(s) == j)
                })
                .collect();
            if !in_child.is_empty() {
                facets.push(Facet {
                    key: child.code.clone(),
                    name: child.name.clone(),
                    documents: in_child,
                    level: 1,
                });
            }
        }
    }
    facets
}

/// The values of declared field `field` that documents hold, as facets:
/// an enumeration's in site.yaml order, other values by name. A value's
/// URL code comes from its text, so it never changes as others come and go.
fn field_facets(config: &SiteConfig, documents: &[Document], field: usize) -> Vec<Facet> {
    use crate::site::config::FieldType;
    let declared = &config.fields[field];
    if !declared.facet {
        return Vec::new();
    }
    let at = u16::try_from(field).unwrap_or(u16::MAX);
    let mut by_value: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in documents.iter().enumerate() {
        let Some((_, value)) = d.extra.iter().find(|(f, _)| *f == at) else {
            continue;
        };
        match value {
            FieldValue::Text(t) => by_value.entry(t.as_str()).or_default().push(i),
            FieldValue::Choice(c) => {
                if let FieldType::Choice(values) = &declared.kind
                    && let Some(v) = values.get(usize::from(*c))
                {
                    by_value.entry(v.as_str()).or_default().push(i);
                }
            }
            FieldValue::List(items) => {
                for item in items {
                    by_value.entry(item.as_str()).or_default().push(i);
                }
            }
            _ => {}
        }
    }
    let order: Vec<&str> = match &declared.kind {
        FieldType::Choice(values) => values.iter().map(String::as_str).collect(),
        _ => by_value.keys().copied().collect(),
    };
    order
        .into_iter()
        .filter_map(|name| {
            let documents = by_value.remove(name)?;
            Some(Facet {
                key: value_code(name),
                name: name.to_owned(),
                documents,
                level: 0,
            })
        })
        .collect()
}

/// A URL code derived from a name (stable whatever else the site holds).
fn value_code(name: &str) -> String {
    let hash = blake3::hash(name.as_bytes()).to_hex();
    format!("v{}", &hash[..10])
}

fn positions(documents: &[Document], keep: impl Fn(&Document) -> bool) -> Vec<usize> {
    documents
        .iter()
        .enumerate()
        .filter(|(_, d)| keep(d))
        .map(|(i, _)| i)
        .collect()
}

/// Issuers declared in site.yaml keep their code; any other issuer gets a
/// code derived from its name, so its URL never changes when others come
/// and go.
fn issuer_facets(config: &SiteConfig, documents: &[Document]) -> Vec<Facet> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, d) in documents.iter().enumerate() {
        for name in std::iter::once(&d.issuer).chain(&d.joint_issuers) {
            by_name.entry(name.as_str()).or_default().push(i);
        }
    }
    let mut facets = Vec::with_capacity(by_name.len());
    for declared in &config.issuers {
        if let Some(documents) = by_name.remove(declared.name.as_str()) {
            facets.push(Facet {
                key: declared.code.clone(),
                name: declared.name.clone(),
                documents,
                level: 0,
            });
        }
    }
    for (name, documents) in by_name {
        let hash = blake3::hash(name.as_bytes()).to_hex();
        facets.push(Facet {
            key: format!("i{}", &hash[..10]),
            name: name.to_owned(),
            documents,
            level: 0,
        });
    }
    facets
}

/// 索引号 identifies a document; two files with one number are an error,
/// whether or not either is published.
fn check_unique_index_numbers(documents: &[Document], problems: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, &Document> = HashMap::with_capacity(documents.len());
    let mut sorted: Vec<&Document> = documents.iter().collect();
    sorted.sort_by(|a, b| a.source.cmp(&b.source));
    for d in sorted {
        if d.index_number.trim().is_empty() {
            continue; // reported as missing
        }
        let key = crate::content::attachment::portable_key(&d.index_number);
        if let Some(other) = first.get(&key) {
            problems.push(
                Diagnostic::error(
                    &d.source,
                    msg!(
                        "index_number.twice",
                        number = d.index_number,
                        other = other.source.display(),
                        line = other.index_number_line
                    ),
                )
                .at(d.index_number_line)
                .field("index_number")
                .written(d.lines.written("index_number"))
                .hint(if other.index_number == d.index_number {
                    msg!("index_number.twice.hint")
                } else {
                    msg!("index_number.twice_case.hint")
                }),
            );
        } else {
            first.insert(key, d);
        }
    }
}

/// Two documents whose pages would be one file (also on case-insensitive
/// disks and across Unicode normal forms) are an error.
fn check_unique_urls(documents: &[Document], problems: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, &Document> = HashMap::with_capacity(documents.len());
    let mut sorted: Vec<&Document> = documents.iter().collect();
    sorted.sort_by(|a, b| a.source.cmp(&b.source));
    for d in sorted {
        let key = crate::content::attachment::portable_key(&d.slug);
        if let Some(other) = first.get(&key) {
            let same_number = |a: &Document, b: &Document| {
                use crate::content::attachment::portable_key;
                portable_key(&a.index_number) == portable_key(&b.index_number)
            };
            if same_number(d, other) {
                continue; // one mistake: the 索引号 given twice
            }
            problems.push(
                Diagnostic::error(
                    &d.source,
                    msg!("slug.collision", slug = d.slug, other = other.source.display()),
                )
                .at(d.slug_line)
                .field("slug")
                .written(d.lines.written("slug"))
                .hint(msg!("slug.collision.hint")),
            );
        } else {
            first.insert(key, d);
        }
    }
}
