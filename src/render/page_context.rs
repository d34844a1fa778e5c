//! What each page shows: the context of one job (home, search, a document,
//! a list page …), its fingerprint, and its rendering with the theme.

use super::*;

/// What a page is rendered from: its template, output path, own context,
/// the root and section of the context every page shares, and the body
/// HTML of a document or column page. The body is kept out of `ctx` until
/// rendering: it is most of the context, and hashing its bytes is much
/// cheaper than serialising them (and a page that is not rendered never
/// copies it).
pub(super) struct PageContext<'a> {
    pub(super) template: &'static str,
    pub(super) path: String,
    ctx: Ctx<'a>,
    /// Context variables holding document cards, by index: the fingerprint
    /// hashes the cards' hashes, rendering puts the cards in.
    cards: Vec<(&'static str, Cards)>,
    root: &'static str,
    section: &'a str,
    body: Option<Body<'a>>,
    /// The page tags (《政府网站发展指引》) it carries.
    tags: PageTags<'a>,
}

/// A page's tags: made, or for a document page what they are made of
/// (made when the page is rendered).
enum PageTags<'a> {
    Made(super::tags::Tags),
    Document(super::tags::DocumentTags<'a>),
}

/// The body of a page: a column page's HTML, or a document's, rendered
/// again when the page is ([`crate::content::body`]).
#[derive(Clone, Copy)]
enum Body<'a> {
    Html(&'a str),
    /// The document at this position in the catalogue.
    Document(usize, &'a Document),
}

impl PageContext<'_> {
    /// A hash of everything the page's HTML depends on besides `global`
    /// (the template, the theme, the shared values it reads, the program)
    /// and `config_hash` (site.yaml's text): equal fingerprints, equal
    /// pages.
    pub(super) fn fingerprint(&self, global: &Stamp, config_hash: &Stamp, card_hashes: &[Stamp]) -> Stamp {
        // The parts are written into one buffer and hashed at once (see
        // [`crate::hash::append_sized`]; fed to a hasher piece by piece
        // they were a tenth of a one-edit rebuild's CPU).
        let mut input = Vec::with_capacity(4096);
        let part = |input: &mut Vec<u8>, bytes: &[u8]| {
            crate::hash::append_sized(input, |b| b.extend_from_slice(bytes))
        };
        input.extend_from_slice(global);
        // The template's name is in `global`.
        for text in [&self.path, self.root, self.section] {
            part(&mut input, text.as_bytes());
        }
        match &self.tags {
            PageTags::Made(tags) => {
                for (name, content) in tags {
                    part(&mut input, name.as_bytes());
                    part(&mut input, content.as_bytes());
                }
            }
            // The tags are made from these fields, the path (above) and the
            // site's settings (site.yaml's text, hashed).
            PageTags::Document(of) => {
                input.extend_from_slice(b"document tags");
                input.extend_from_slice(config_hash);
                crate::hash::append_postcard(&mut input, of);
            }
        }
        self.ctx.hash(&mut input);
        for (name, cards) in &self.cards {
            part(&mut input, name.as_bytes());
            cards.hash(&mut input, card_hashes);
        }
        match self.body {
            Some(Body::Html(html)) => part(&mut input, html.as_bytes()),
            Some(Body::Document(_, document)) => {
                input.extend_from_slice(b"document body");
                input.extend_from_slice(&document.body_hash);
            }
            None => {}
        }
        crate::hash::short(&blake3::hash(&input))
    }

    pub(super) fn render(self, env: &Environment<'_>, shared: &Shared<'_>) -> Result<String, Diagnostic> {
        let tags = match self.tags {
            PageTags::Made(tags) => tags,
            PageTags::Document(of) => of.tags(&shared.catalogue.config, &self.path),
        };
        let base = shared.base(self.root, &self.path, self.section, &tags);
        let cards: std::collections::BTreeMap<&'static str, Value> = self
            .cards
            .iter()
            .map(|(name, cards)| (*name, cards.value(&shared.cards)))
            .collect();
        // One map, not values merged: each name a template reads is then
        // looked up once, not in each part in turn. Where parts share a
        // name, the page's own wins over the site's base (a portal's copy
        // names its member's page as `canonical`), its cards over the rest
        // of its own, its body over everything: each part is written over
        // the one before.
        let mut ctx = Flat::default();
        for part in [base, self.ctx.into_value()] {
            if let Ok(keys) = part.try_iter() {
                for key in keys {
                    if let (Some(name), Ok(value)) = (key.as_str(), part.get_item(&key)) {
                        ctx.0.insert(name.to_owned(), value);
                    }
                }
            }
        }
        ctx.0
            .extend(cards.into_iter().map(|(name, cards)| (name.to_owned(), cards)));
        if let Some(body) = self.body {
            let body = match body {
                Body::Html(html) => html.to_owned(),
                Body::Document(position, document) => shared.bodies.html(position, document)?,
            };
            ctx.0.insert("body".to_owned(), Value::from_safe_string(body));
        }
        let ctx = Value::from_object(ctx);
        let rendered = env.get_template(self.template).and_then(|t| t.render(ctx));
        rendered.map_err(|e| {
            // The error names the template it happened in (base.html, say), which
            // may not be the page's own.
            let name = e.name().unwrap_or(self.template);
            let origin = shared
                .theme
                .templates
                .get(name)
                .map_or_else(|| name.into(), |t| t.1.clone());
            template_problem(origin, &e)
        })
    }
}

/// A page's context as one table of names: each name a template reads is
/// found by one hash of it.
#[derive(Debug, Default)]
struct Flat(rustc_hash::FxHashMap<String, Value>);

impl minijinja::value::Object for Flat {
    fn get_value(self: &std::sync::Arc<Self>, key: &Value) -> Option<Value> {
        self.0.get(key.as_str()?).cloned()
    }

    fn get_value_by_str(self: &std::sync::Arc<Self>, key: &str) -> Option<Value> {
        self.0.get(key).cloned()
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        let mut names: Vec<&String> = self.0.keys().collect();
        names.sort();
        minijinja::value::Enumerator::Values(names.into_iter().map(|n| Value::from(n.as_str())).collect())
    }
}

pub(super) fn page_context<'a>(shared: &Shared<'a>, job: Job) -> PageContext<'a> {
    let catalogue = shared.catalogue;
    let mut body = None;
    let mut cards = Vec::new();
    let (template, path, ctx, root, section) = match job {
        Job::Home => {
            let recent = (0..catalogue.documents.len().min(catalogue.config.home_recent)).collect();
            cards.push(("recent", Cards::Many(recent)));
            // Every other way in: issuers, 主题分类, declared facets, the 规范性文件库.
            let mut browse: Vec<(String, String)> = catalogue
                .facet_kinds()
                .into_iter()
                .filter(|k| !matches!(k, FacetKind::Category | FacetKind::Year))
                .map(|k| {
                    (
                        kind_title(catalogue, k).to_owned(),
                        crate::catalogue::url::overview_url(&catalogue.config, k),
                    )
                })
                .collect();
            if catalogue.has_library() {
                browse.push((
                    crate::render::i18n::get(&catalogue.config.language, "library").to_owned(),
                    crate::catalogue::url::LIBRARY.to_owned(),
                ));
            }
            let ctx = context! {
                total => catalogue.documents.len(),
                issuers => catalogue.issuers.len(),
                years => Value::from(Serde(facet_links(catalogue, FacetKind::Year))),
                browse => browse,
            };
            ("home.html", "index.html".to_owned(), Ctx::Value(ctx), "", "home")
        }
        Job::Search => {
            let facet_options = |kind: FacetKind| {
                catalogue
                    .facets(kind)
                    .iter()
                    .map(|f| context! { key => f.key.clone(), name => facet_name(&catalogue.config.language, kind, f) })
                    .collect::<Vec<Value>>()
            };
            let statuses = Validity::ALL.map(|v| {
                (
                    v.code(),
                    crate::render::i18n::get(&catalogue.config.language, &format!("status_{}", v.code())),
                )
            });
            // An example query from the site's own documents: the newest
            // one's 文件编号, else the start of its title.
            let example = catalogue.documents.first().map_or_else(String::new, |d| {
                d.doc_number
                    .clone()
                    .unwrap_or_else(|| d.title.chars().take(8).collect())
            });
            let ctx = context! {
                example => example,
                facets => context! {
                    category => facet_options(FacetKind::Category),
                    issuer => facet_options(FacetKind::Issuer),
                    year => facet_options(FacetKind::Year),
                },
                statuses => Value::from(Serde(statuses)),
                extra_facets => catalogue.extra_facet_kinds().into_iter()
                    .map(|k| context! {
                        name => k.dir(&catalogue.config),
                        label => kind_title(catalogue, k),
                        options => catalogue.facets(k).iter().map(|f| context! {
                            key => f.key.clone(),
                            name => if f.level > 0 { format!("　{}", f.name) } else { f.name.clone() },
                        }).collect::<Vec<Value>>(),
                    })
                    .collect::<Vec<Value>>(),
                // The search script's own messages, in the interface language.
                messages => serde_json::to_string(
                    &crate::render::i18n::strings(&catalogue.config.language)
                        .into_iter()
                        .filter_map(|(k, v)| k.strip_prefix("js_").map(|k| (k, v)))
                        .collect::<std::collections::BTreeMap<_, _>>(),
                )
                .unwrap_or_default()
            };
            (
                "search.html",
                "search/index.html".to_owned(),
                Ctx::Value(ctx),
                "../",
                "search",
            )
        }
        Job::Document(i) => {
            let d = &catalogue.documents[i];
            let path = d.url();
            body = Some(Body::Document(i, d));
            let issuer_url = catalogue
                .issuer_of(d)
                .map(|f| facet_url(&catalogue.config, FacetKind::Issuer, f, 1));
            let category = &catalogue.categories[d.category];
            let year = chrono::Datelike::year(&d.published);
            let relations = &catalogue.relations[i];
            cards.extend([
                ("doc", Cards::One(Some(i))),
                ("replaced_by", Cards::One(relations.replaced_by)),
                ("replaces", Cards::Many(relations.replaces.clone())),
                ("interprets", Cards::Many(relations.interprets.clone())),
                ("interpreted_by", Cards::Many(relations.interpreted_by.clone())),
            ]);
            let chain = crate::catalogue::library::versions(&catalogue.relations, &catalogue.documents, i);
            let caption = crate::catalogue::library::caption(&catalogue.documents, &chain, i);
            let newest = chain
                .last()
                .copied()
                .filter(|&n| !catalogue.documents[n].status.is_abolished());
            let version_marks: Vec<(bool, bool)> =
                chain.iter().map(|&v| (v == i, Some(v) == newest)).collect();
            cards.push((
                "versions",
                Cards::Many(if chain.len() > 1 { chain } else { Vec::new() }),
            ));
            let attachments = d
                .attachments
                .iter()
                .map(|a| AttachmentCtx {
                    title: &a.title,
                    href: &a.href,
                    kind: &a.kind,
                    size: crate::content::attachment::human_size(a.size),
                })
                .collect();
            let ctx = Ctx::Document(Box::new(DocumentCtx {
                disclosure: crate::render::i18n::get(
                    &catalogue.config.language,
                    match d.disclosure {
                        crate::content::document::Disclosure::Active => "disclosure_active",
                        crate::content::document::Disclosure::OnRequest => "disclosure_on_request",
                        crate::content::document::Disclosure::Withheld => "disclosure_withheld",
                    },
                ),
                summary: &d.summary,
                keywords: &d.keywords,
                issuer_url,
                category_url: facet_url(&catalogue.config, FacetKind::Category, category, 1),
                year_url: crate::catalogue::url::year_page(year),
                valid_until: d.valid_until.map(|v| v.to_string()),
                written: d.date.to_string(),
                effective: d.effective.map(|v| v.to_string()),
                issuers: std::iter::once(&d.issuer)
                    .chain(&d.joint_issuers)
                    .map(|name| Link {
                        name,
                        url: catalogue
                            .issuer_named(name)
                            .map(|f| facet_url(&catalogue.config, FacetKind::Issuer, f, 1)),
                    })
                    .collect(),
                rows: meta_rows(catalogue, i),
                caption,
                version_marks,
                attachments,
                json_ld: super::tags::JsonLd {
                    catalogue,
                    document: d,
                },
                original: original_url(catalogue, d),
                canonical: original_url(catalogue, d),
            }));
            ("document.html", path, ctx, "../", "category")
        }
        Job::Abolished(which) => {
            let facets: &[Facet] = match which {
                Some(i) => std::slice::from_ref(&catalogue.abolished[i]),
                None => &catalogue.abolished,
            };
            let groups: Vec<Value> = facets
                .iter()
                .filter(|f| which.is_some() || !f.documents.is_empty())
                .map(|f| {
                    let documents: Vec<Value> = f.documents.iter().map(|&j| shared.cards.value(j)).collect();
                    context! { name => f.name.clone(), key => f.key.clone(), documents => documents }
                })
                .collect();
            let counts: Vec<Value> = catalogue
                .abolished
                .iter()
                .map(|f| context! { name => f.name.clone(), url => abolished_url(Some(f)), count => f.documents.len() })
                .collect();
            let path = abolished_url(which.map(|i| &catalogue.abolished[i]));
            let language = &catalogue.config.language;
            let title = match which {
                Some(i) => crate::render::i18n::get(language, "abolished_of")
                    .replace("{name}", &catalogue.abolished[i].name),
                None => crate::render::i18n::get(language, "abolished").to_owned(),
            };
            let ctx = context! {
                title => title,
                groups => groups,
                counts => counts,
                all => which.is_none()
            };
            ("abolished.html", path, Ctx::Value(ctx), "../", "category")
        }
        Job::Page(i) => {
            let page = &catalogue.pages[i];
            let path = crate::content::page::url(page.key);
            body = Some(Body::Html(page.html.as_str()));
            let ctx = context! {
                title => page.title.clone(),
                updated => page.updated.clone(),
            };
            ("page.html", path, Ctx::Value(ctx), "../", page.key)
        }
        Job::Library => {
            let shelves: Vec<Value> = crate::catalogue::library::shelves(catalogue)
                .into_iter()
                .filter(|s| !s.in_force.is_empty() || !s.abolished.is_empty())
                .enumerate()
                .map(|(n, s)| {
                    let cards_of = |list: &[usize]| {
                        list.iter()
                            .map(|&j| shared.cards.value(j))
                            .collect::<Vec<Value>>()
                    };
                    context! {
                        n => n + 1,
                        kind => s.kind,
                        in_force => cards_of(&s.in_force),
                        abolished => cards_of(&s.abolished),
                    }
                })
                .collect();
            let ctx = context! { shelves => shelves };
            (
                "library.html",
                crate::catalogue::url::LIBRARY.to_owned(),
                Ctx::Value(ctx),
                "../",
                "library",
            )
        }
        Job::Mandatory => {
            let items: Vec<Value> = catalogue
                .config
                .column
                .iter()
                .flat_map(|c| &c.mandatory)
                .map(|m| {
                    let facets: Vec<Value> = m
                        .categories
                        .iter()
                        .filter_map(|code| catalogue.categories.iter().find(|f| &f.key == code))
                        .map(|f| context! { name => f.name.clone(), url => facet_url(&catalogue.config, FacetKind::Category, f, 1), count => f.documents.len() })
                        .collect();
                    context! { item => m.item.clone(), categories => facets }
                })
                .collect();
            let path = crate::content::page::url("mandatory");
            let library = catalogue.has_library().then_some(crate::catalogue::url::LIBRARY);
            let ctx = context! { items => items, library => library };
            ("mandatory.html", path, Ctx::Value(ctx), "../", "mandatory")
        }
        Job::Statistics => {
            let stats = crate::catalogue::stats::compute(catalogue);
            let language = &catalogue.config.language;
            let years: Vec<String> = stats.years.iter().map(ToString::to_string).collect();
            let chart = crate::catalogue::stats::bar_chart(
                &years,
                &stats.per_year,
                crate::render::i18n::get(language, "stats_chart"),
            );
            let (names, counts): (Vec<String>, Vec<usize>) = stats.by_validity.iter().cloned().unzip();
            let validity_chart = crate::catalogue::stats::bar_chart(
                &names,
                &counts,
                crate::render::i18n::get(language, "stats_by_validity"),
            );
            let ctx = context! {
                stats => Value::from(Serde(&stats)),
                chart => Value::from_safe_string(chart),
                validity_chart => Value::from_safe_string(validity_chart)
            };
            (
                "statistics.html",
                "statistics/index.html".to_owned(),
                Ctx::Value(ctx),
                "../",
                "statistics",
            )
        }
        Job::Overview(kind) => {
            let path = crate::catalogue::url::overview_url(&catalogue.config, kind);
            let ctx = context! {
                kind => kind.dir(&catalogue.config),
                kind_title => kind_title(catalogue, kind),
                facets => Value::from(Serde(facet_links(catalogue, kind)))
            };
            (
                "overview.html",
                path,
                Ctx::Value(ctx),
                "../",
                kind.dir(&catalogue.config),
            )
        }
        Job::List(kind, f, page) => {
            let facet = &catalogue.facets(kind)[f];
            let size = catalogue.config.page_size;
            let pages = page_count(facet.documents.len(), size);
            let documents = facet
                .documents
                .iter()
                .skip((page - 1) * size)
                .take(size)
                .copied()
                .collect();
            cards.push(("documents", Cards::Many(documents)));
            let path = facet_url(&catalogue.config, kind, facet, page);
            let page_file = |n: usize| {
                if n <= 1 {
                    "index.html".to_owned()
                } else {
                    format!("{n}.html")
                }
            };
            let pager = Pager {
                current: page,
                total: pages,
                prev: (page > 1).then(|| page_file(page - 1)),
                next: (page < pages).then(|| page_file(page + 1)),
                pages: pager_pages(page, pages).map(|n| (n, page_file(n))).collect(),
            };
            let abolished = (kind == FacetKind::Category)
                .then(|| &catalogue.abolished[f])
                .filter(|a| !a.documents.is_empty())
                .map(|a| AbolishedLink {
                    url: abolished_url(Some(a)),
                    count: a.documents.len(),
                });
            let ctx = Ctx::List(ListCtx {
                kind: kind.dir(&catalogue.config),
                kind_title: kind_title(catalogue, kind),
                facet_name: facet_name(&catalogue.config.language, kind, facet),
                abolished,
                count: facet.documents.len(),
                first: (page - 1) * size + 1,
                pager,
            });
            ("list.html", path, ctx, "../../", kind.dir(&catalogue.config))
        }
    };
    let tags = job_tags(shared, job, &path);
    PageContext {
        template,
        path,
        ctx,
        cards,
        root,
        section,
        body,
        tags,
    }
}

/// The page tags of a job's page at `path`.
fn job_tags<'a>(shared: &Shared<'a>, job: Job, path: &str) -> PageTags<'a> {
    use super::tags::{Article, Column, DocumentTags, tags};
    let catalogue = shared.catalogue;
    let language = &catalogue.config.language;
    let t = |key: &str| crate::render::i18n::get(language, key);
    let column = |name: &str| PageTags::Made(tags(&catalogue.config, path, &Column { name }, None));
    match job {
        Job::Home => column(t("home")),
        Job::Search => column(t("search")),
        Job::Abolished(_) => column(t("abolished")),
        Job::Mandatory => column(t("mandatory")),
        Job::Statistics => column(t("statistics")),
        Job::Library => column(t("library")),
        Job::Overview(kind) => column(kind_title(catalogue, kind)),
        Job::List(kind, f, _) => column(&facet_name(language, kind, &catalogue.facets(kind)[f])),
        Job::Document(i) => PageTags::Document(DocumentTags::of(&catalogue.documents[i])),
        Job::Page(i) if crate::content::page::STATEMENTS.contains(&catalogue.pages[i].key) => {
            column(&catalogue.pages[i].title)
        }
        Job::Page(i) => {
            let page = &catalogue.pages[i];
            let identity = &catalogue.config.identity;
            let source = identity.sponsor.as_deref().unwrap_or(&catalogue.config.title);
            let description = page
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or(&page.title);
            PageTags::Made(tags(
                &catalogue.config,
                path,
                &Column { name: &page.title },
                Some(&Article {
                    title: &page.title,
                    date: page.updated.clone(),
                    source,
                    keywords: page.title.clone(),
                    description,
                }),
            ))
        }
    }
}

/// The metadata table's rows beyond the standard ones, in a fixed order:
/// 主题分类, 文种, 文件类型, 登记号, 解读形式, then the declared fields the
/// site shows there, in site.yaml order.
fn meta_rows(catalogue: &Catalogue, i: usize) -> super::context::MetaRows<'_> {
    use super::context::Shown;
    let config = &catalogue.config;
    let d = &catalogue.documents[i];
    let t = |key: &str| crate::render::i18n::get(&config.language, key);
    let mut rows = super::context::MetaRows::default();
    if let Some(s) = d.subject {
        let subject = &config.subjects[usize::from(s.top)];
        let text = match s.sub.and_then(|j| subject.children.get(usize::from(j))) {
            Some(child) => format!("{}/{}", subject.name, child.name),
            None => subject.name.clone(),
        };
        let url = catalogue
            .subject_of(d)
            .map(|f| facet_url(config, FacetKind::Subject, f, 1));
        rows.push(
            "keywords",
            MetaRow {
                label: t("subject"),
                values: vec![Shown {
                    text: text.into(),
                    url,
                }],
            },
        );
    }
    for (key, value) in [
        ("genre", &d.genre),
        ("kind", &d.kind),
        ("registration", &d.registration),
        ("interpretation_form", &d.interpretation_form),
    ] {
        if let Some(value) = value {
            let url = (key == "kind").then_some(crate::catalogue::url::LIBRARY.to_owned());
            rows.push(
                "keywords",
                MetaRow {
                    label: t(key),
                    values: vec![Shown {
                        text: value.as_str().into(),
                        url,
                    }],
                },
            );
        }
    }
    for (f, value) in &d.extra {
        let field = &config.fields[usize::from(*f)];
        if field.in_table {
            rows.push(
                field.after,
                MetaRow {
                    label: &field.label,
                    values: field_values(catalogue, i, *f, value),
                },
            );
        }
    }
    rows
}

/// The member's own page of a portal's document shown as a link
/// (`sources:` with `pages: link`).
fn original_url<'a>(catalogue: &'a Catalogue, d: &'a crate::content::document::Document) -> Option<&'a str> {
    if catalogue.config.sources.is_empty() {
        return None;
    }
    d.extra.iter().find_map(|(f, value)| {
        let field = &catalogue.config.fields[usize::from(*f)];
        match value {
            crate::content::document::FieldValue::Text(url)
                if field.key == crate::site::sources::ORIGINAL_KEY =>
            {
                Some(url.as_str())
            }
            _ => None,
        }
    })
}

/// A declared field's values as shown (one, or each of a list), each with
/// the page it links to: its facet's list for a facet, the linked
/// document's page for a link.
pub(super) fn field_values<'a>(
    catalogue: &'a Catalogue,
    document: usize,
    f: u16,
    value: &'a crate::content::document::FieldValue,
) -> Vec<super::context::Shown<'a>> {
    use super::context::Shown;
    use crate::content::document::FieldValue;
    use crate::site::config::FieldType;
    let kind = FacetKind::Field(f);
    let field = &catalogue.config.fields[usize::from(f)];
    let shown = |text: &'a str| Shown {
        text: text.into(),
        url: field
            .facet
            .then(|| catalogue.facets(kind).iter().find(|facet| facet.name == text))
            .flatten()
            .map(|facet| facet_url(&catalogue.config, kind, facet, 1)),
    };
    match value {
        FieldValue::Text(t) => vec![shown(t)],
        FieldValue::Date(day) => vec![Shown {
            text: day.to_string().into(),
            url: None,
        }],
        FieldValue::Number(n) => vec![Shown {
            text: n.as_str().into(),
            url: None,
        }],
        FieldValue::Choice(c) => match &field.kind {
            FieldType::Choice(values) => values
                .get(usize::from(*c))
                .map(|v| shown(v))
                .into_iter()
                .collect(),
            _ => Vec::new(),
        },
        FieldValue::List(items) => items.iter().map(|item| shown(item)).collect(),
        FieldValue::Link(r) => {
            let target = catalogue.relations[document]
                .links
                .iter()
                .find(|(field, _)| *field == f)
                .map(|&(_, j)| &catalogue.documents[j]);
            vec![match target {
                Some(d) => Shown {
                    text: d.title.as_str().into(),
                    url: Some(d.url()),
                },
                None => Shown {
                    text: r.index_number.as_str().into(),
                    url: None,
                },
            }]
        }
    }
}
