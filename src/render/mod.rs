//! The pages of the site from the [`Catalogue`] and the [`Theme`], with
//! minijinja (autoescape on, strict undefined), rendered in parallel.
//!
//! Every link in a page is relative (`{{ root }}docs/x.html`), so the site
//! works under any sub-path and when opened from disk.

use minijinja::value::{Serde, Value};
use minijinja::{Environment, UndefinedBehavior, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::catalogue::url::{abolished_url, facet_url};
use crate::catalogue::{Catalogue, Facet, FacetKind};
use crate::content::body::Bodies;
use crate::content::document::{Document, Validity};
use crate::diagnostic::Diagnostic;
use crate::output::{OutputError, Sink, Stamp};
use crate::site::theme::Theme;

mod assets;
mod context;
pub(crate) mod i18n;
mod page_context;
mod tags;
use context::{
    AbolishedLink, AttachmentCtx, Card, CardTable, Cards, Ctx, DocumentCtx, Link, ListCtx, MetaRow, Pager,
};
use page_context::page_context;

/// What a build adds to every page beyond the catalogue.
#[derive(Clone, Debug, Default)]
pub(crate) struct RenderOptions {
    /// The build date shown in the footer, only when SOURCE_DATE_EPOCH gives one.
    pub generated: Option<String>,
    /// Where to report each page rendered.
    pub progress: crate::progress::Progress,
}

/// Counts of what was rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RenderStats {
    /// HTML pages of the site.
    pub pages: usize,
    /// Of those, the pages rendered (the others were unchanged).
    pub rendered: usize,
    /// Theme assets written.
    pub assets: usize,
    /// The output path of every page, in a stable order (for the sitemap).
    pub paths: Vec<String>,
}

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RenderError {
    /// A template does not compile or fails on some page.
    #[error("template problems")]
    Template(Vec<Diagnostic>),
    /// Writing a page failed.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// One page to render.
#[derive(Clone, Copy, Debug)]
enum Job {
    Home,
    Search,
    Abolished(Option<usize>),
    Page(usize),
    Mandatory,
    Statistics,
    Library,
    Document(usize),
    Overview(FacetKind),
    List(FacetKind, usize, usize),
}

/// Renders every page and asset into `sink`. A page whose context has not
/// changed since the output was written (see [`Sink::keep_if`]) is not
/// rendered at all.
pub(crate) fn render_all(
    catalogue: &Catalogue,
    bodies: &Bodies,
    theme: &Theme,
    options: &RenderOptions,
    sink: &dyn Sink,
) -> Result<RenderStats, RenderError> {
    let env = environment(theme)?;
    let (asset_names, asset_files) = assets::fingerprinted(theme);
    let shared = Shared::new(catalogue, bodies, theme, options, &asset_names);
    let globals = shared.fingerprints(&env);
    let jobs = jobs(catalogue);
    options.progress.stage("rendering", jobs.len());
    let results: Vec<Result<(String, bool), RenderError>> = jobs
        .par_iter()
        .map(|job| {
            // A panic while rendering a page is reported for the document
            // (or the page) instead of ending the build without a word.
            crate::diagnostic::panics::catch(|| render_job(&shared, &env, &globals, sink, *job))
                .unwrap_or_else(|message| {
                    let what = match job {
                        Job::Document(_) => crate::msg!("word.page_of_file"),
                        _ => crate::msg!("word.this_page"),
                    };
                    Err(RenderError::Template(vec![
                        Diagnostic::error(
                            subject(catalogue, *job),
                            crate::lang::Text::new("render.internal")
                                .nested("what", &what)
                                .arg("detail", &message),
                        )
                        .hint(crate::msg!("render.internal.hint")),
                    ]))
                })
        })
        .inspect(|_| options.progress.advance(1))
        .collect();
    let mut problems = Vec::new();
    let mut paths = Vec::with_capacity(results.len());
    let mut rendered = 0;
    for result in results {
        match result {
            Ok((path, fresh)) => {
                paths.push(path);
                rendered += usize::from(fresh);
            }
            Err(RenderError::Template(d)) => problems.extend(d),
            Err(io) => return Err(io),
        }
    }
    if !problems.is_empty() {
        problems.dedup_by(|a, b| a.message == b.message && a.path == b.path);
        return Err(RenderError::Template(problems));
    }
    for asset in &asset_files {
        sink.write(&format!("assets/{}", asset.name), &asset.bytes, None)?;
    }
    Ok(RenderStats {
        pages: jobs.len(),
        rendered,
        assets: asset_files.len(),
        paths,
    })
}

/// What a problem with a job's page is reported on: the document's file, or
/// the page's kind.
fn subject(catalogue: &Catalogue, job: Job) -> std::path::PathBuf {
    match job {
        Job::Document(i) => catalogue.documents[i].source.clone(),
        other => std::path::PathBuf::from(format!("(the page {other:?})")),
    }
}

/// Renders one page unless the output holds it as rendered from the same
/// context; returns its path and whether it was rendered.
fn render_job(
    shared: &Shared<'_>,
    env: &Environment<'_>,
    globals: &std::collections::HashMap<&'static str, Stamp>,
    sink: &dyn Sink,
    job: Job,
) -> Result<(String, bool), RenderError> {
    if cfg!(debug_assertions) {
        crate::diagnostic::panics::fail_point("page", &subject(shared.catalogue, job));
    }
    let page = page_context(shared, job);
    let fingerprint = if sink.keeps_files() {
        page.fingerprint(
            &globals[page.template],
            &shared.catalogue.config.text_hash,
            &shared.cards.hashes,
        )
    } else {
        Stamp::default()
    };
    let path = page.path.clone();
    let rendered = if sink.keep_if(&path, &fingerprint)? {
        false
    } else {
        let html = page
            .render(env, shared)
            .map_err(|e| RenderError::Template(vec![e]))?;
        sink.write_owned(&path, html.into_bytes(), Some(&fingerprint))?;
        true
    };
    Ok((path, rendered))
}

fn jobs(catalogue: &Catalogue) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::Search, Job::Abolished(None), Job::Statistics];
    jobs.extend((0..catalogue.abolished.len()).map(|i| Job::Abolished(Some(i))));
    jobs.extend((0..catalogue.pages.len()).map(Job::Page));
    if catalogue
        .config
        .column
        .as_ref()
        .is_some_and(|c| !c.mandatory.is_empty())
    {
        jobs.push(Job::Mandatory);
    }
    if catalogue.has_library() {
        jobs.push(Job::Library);
    }
    jobs.extend((0..catalogue.documents.len()).map(Job::Document));
    for kind in catalogue.facet_kinds() {
        jobs.push(Job::Overview(kind));
        for (i, facet) in catalogue.facets(kind).iter().enumerate() {
            let pages = page_count(facet.documents.len(), catalogue.config.page_size);
            jobs.extend((1..=pages).map(|p| Job::List(kind, i, p)));
        }
    }
    jobs
}

/// The page numbers a pager can show on page `current` of `total`: the
/// first, the last and those within three of the current one (the theme
/// picks among them). Not every page: a category of 700 pages would make
/// each of its pages loop 700 times, the whole category half a million.
fn pager_pages(current: usize, total: usize) -> impl Iterator<Item = usize> {
    let near = current.saturating_sub(3).max(2)..=(current + 3).min(total.saturating_sub(1));
    std::iter::once(1).chain(near).chain((total > 1).then_some(total))
}

fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size).max(1)
}

fn environment(theme: &Theme) -> Result<Environment<'static>, RenderError> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Errors carry the template's source and where in it they happened in
    // every build of gongkai (minijinja's default is debug builds only, so
    // the released program's diagnostics lost their column).
    env.set_debug(true);
    env.set_formatter(format_value);
    let mut problems = Vec::new();
    match minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        Ok(syntax) => env.set_syntax(syntax),
        Err(e) => problems.push(template_problem("(syntax)".into(), &e)),
    }
    for (name, (source, origin)) in &theme.templates {
        if let Err(e) = env.add_template_owned(name.clone(), source.clone()) {
            problems.push(template_problem(origin.clone(), &e));
        }
    }
    if problems.is_empty() {
        Ok(env)
    } else {
        Err(RenderError::Template(problems))
    }
}

/// Like minijinja's default formatter, but text is escaped with the five
/// HTML characters only: `/` stays `/`, so URLs read as written.
fn format_value(
    out: &mut minijinja::Output<'_>,
    state: &mut minijinja::State<'_, '_>,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if *state.auto_escape() == minijinja::AutoEscape::Html && !value.is_safe() => {
            let mut start = 0;
            for (i, b) in text.bytes().enumerate() {
                let entity = match b {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[start..i])?;
                out.write_str(entity)?;
                start = i + 1;
            }
            out.write_str(&text[start..])?;
            Ok(())
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn template_problem(origin: std::path::PathBuf, e: &minijinja::Error) -> Diagnostic {
    let line = e.line().and_then(|l| u32::try_from(l).ok());
    Diagnostic::error(
        origin,
        crate::msg!(
            "template.error",
            detail = e.detail().unwrap_or(&e.kind().to_string())
        ),
    )
    .at(line)
    .span(template_span(e))
    .hint(crate::msg!("template.error.hint"))
}

/// Where on its line minijinja says the error is (its span in the
/// template's source), when the span lies on one line.
fn template_span(e: &minijinja::Error) -> Option<crate::diagnostic::Span> {
    let source = e.template_source()?;
    let range = e.range()?;
    let line_start = source.get(..range.start)?.rfind('\n').map_or(0, |n| n + 1);
    let line_end = source[line_start..]
        .find('\n')
        .map_or(source.len(), |n| line_start + n);
    let line = &source[line_start..line_end];
    crate::diagnostic::Span::of(line, source.get(range).filter(|part| !part.contains('\n'))?)
}

/// What a facet link shows.
#[derive(Serialize)]
struct FacetLink {
    name: String,
    url: String,
    count: usize,
    /// 1 for a sub-class, shown under its class.
    level: u8,
}

/// Values computed once and shared by every page.
struct Shared<'a> {
    catalogue: &'a Catalogue,
    bodies: &'a Bodies,
    theme: &'a Theme,
    site: Value,
    cards: CardTable<'a>,

    nav_categories: Value,
    column: Value,
    t: Value,
}

impl<'a> Shared<'a> {
    fn new(
        catalogue: &'a Catalogue,
        bodies: &'a Bodies,
        theme: &'a Theme,
        options: &RenderOptions,
        assets: &std::collections::BTreeMap<String, String>,
    ) -> Self {
        let config = &catalogue.config;
        let site = context! {
            title => config.title.clone(),
            language => config.language.clone(),
            base_url => config.base_url.clone(),
            generated => options.generated.clone(),
            identity => Value::from(Serde(&config.identity)),
            police_code => config.identity.police_code(),
            tags => Value::from(Serde(tags::site(config))),
            // Plain name → path of its fingerprinted copy: `{{ root }}{{ site.assets["style.css"] }}`.
            assets => assets.iter().map(|(plain, hashed)| (plain.clone(), format!("assets/{hashed}"))).collect::<std::collections::BTreeMap<_, _>>(),
            statements => crate::content::page::STATEMENTS.map(|key| (key, crate::content::page::url(key))).to_vec(),
        };
        let (cards, hashes) = catalogue
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let card = card(catalogue, i, d);
                let hash = crate::hash::hash16(&postcard::to_stdvec(&card).unwrap_or_default());
                (card, hash)
            })
            .unzip();
        let cards = CardTable {
            values: (0..catalogue.documents.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            cards,
            hashes,
        };
        let nav_categories = Value::from(Serde(facet_links(catalogue, FacetKind::Category)));
        // The column's four sections, for the navigation (None: no column declared).
        let column = config.column.as_ref().map(|c| {
            let page = |key: &str| catalogue.pages.iter().any(|p| p.key == key).then(|| crate::content::page::url(key));
            context! {
                guide => page("guide"),
                rules => page("rules"),
                mandatory => (!c.mandatory.is_empty()).then(|| crate::content::page::url("mandatory")),
                reports => c.reports.as_ref().and_then(|code| catalogue.categories.iter().find(|f| &f.key == code)).map(|f| facet_url(config, FacetKind::Category, f, 1)),
            }
        });
        let t = Value::from(Serde(
            crate::render::i18n::strings(&config.language)
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        ));
        Shared {
            catalogue,
            bodies,
            theme,
            site,
            t,
            cards,
            nav_categories,
            column: Value::from(column),
        }
    }

    /// For each page template, a hash of what all its pages depend on: this
    /// program, the theme's templates, and those of the values shared by
    /// every page that the template (with the templates it extends, includes
    /// or imports) reads. So a new document, which changes the counts in
    /// `nav_categories`, re-renders every page only if some template every
    /// page uses shows them.
    fn fingerprints(&self, env: &Environment<'_>) -> std::collections::HashMap<&'static str, Stamp> {
        let mut common = blake3::Hasher::new();
        common.update(b"gongkai pages 2\0");
        crate::hash::program_identity(&mut common);
        for (name, (source, _)) in &self.theme.templates {
            for part in [name, source] {
                common.update(&(part.len() as u64).to_le_bytes());
                common.update(part.as_bytes());
            }
        }
        let shared: [(&str, &Value); 4] = [
            ("site", &self.site),
            ("nav_categories", &self.nav_categories),
            ("column", &self.column),
            ("t", &self.t),
        ];
        PAGE_TEMPLATES
            .iter()
            .map(|&template| {
                let reads = template_reads(env, &self.theme.templates, template);
                let mut hasher = common.clone();
                hasher.update(template.as_bytes());
                for (name, value) in shared {
                    if reads.as_ref().is_none_or(|r| r.contains(name)) {
                        hasher.update(name.as_bytes());
                        hasher.update(&serde_json::to_vec(value).unwrap_or_default());
                    }
                }
                (template, crate::hash::short(&hasher.finalize()))
            })
            .collect()
    }

    fn base(&self, root: &str, path: &str, section: &str, tags: &tags::Tags) -> Value {
        let config = &self.catalogue.config;
        let canonical = format!("{}{}", config.base_url, path);
        context! {
            site => self.site.clone(),
            root => root,
            path => path,
            tags => Value::from(Serde(tags)),
            correction_url => correction_url(config, &canonical),
            canonical => canonical,
            section => section,
            nav_categories => self.nav_categories.clone(),
            column => self.column.clone(),
            t => self.t.clone(),
        }
    }
}

/// The 我为政府网站找错 address for the page at `canonical`: the national
/// platform's form, told the site code and the page (None without a site
/// code, or when site.yaml turns it off).
fn correction_url(config: &crate::site::config::SiteConfig, canonical: &str) -> Option<String> {
    let identity = &config.identity;
    let code = identity
        .site_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())?;
    if !identity.correction || code.contains(crate::site::config::PLACEHOLDER) {
        return None;
    }
    let encode =
        |s: &str| percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string();
    Some(format!(
        "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={}&url={}",
        encode(code),
        encode(canonical)
    ))
}

/// The templates pages are rendered from.
const PAGE_TEMPLATES: [&str; 10] = [
    "library.html",
    "home.html",
    "search.html",
    "document.html",
    "abolished.html",
    "page.html",
    "mandatory.html",
    "statistics.html",
    "overview.html",
    "list.html",
];

/// The context variables `template` and every template it extends,
/// includes or imports may read; None when that cannot be known (a template
/// named by an expression), meaning all.
fn template_reads(
    env: &Environment<'_>,
    templates: &std::collections::BTreeMap<String, (String, std::path::PathBuf)>,
    template: &str,
) -> Option<std::collections::HashSet<String>> {
    static REFERENCE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\{%[-+]?\s*(?:extends|include|import|from)\b\s*(?:"([^"]+)"|'([^']+)')?"#)
            .expect("valid pattern")
    });
    let mut reads = std::collections::HashSet::new();
    let mut seen = std::collections::HashSet::new();
    let mut queue = vec![template.to_owned()];
    while let Some(name) = queue.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let source = &templates.get(&name)?.0;
        for reference in REFERENCE.captures_iter(source) {
            let named = reference.get(1).or_else(|| reference.get(2))?;
            queue.push(named.as_str().to_owned());
        }
        // Macro bodies count too; the environment compiled every template,
        // so the analysis cannot fail on a syntax error.
        reads.extend(env.get_template(&name).ok()?.undeclared_variables(false));
    }
    Some(reads)
}

fn card<'a>(catalogue: &'a Catalogue, i: usize, d: &'a Document) -> Card<'a> {
    let more = d
        .extra
        .iter()
        .filter(|(f, _)| catalogue.config.fields[usize::from(*f)].in_cards)
        .map(|(f, value)| {
            let label = &catalogue.config.fields[usize::from(*f)].label;
            let values: Vec<String> = page_context::field_values(catalogue, i, *f, value)
                .into_iter()
                .map(|v| v.text.into_owned())
                .collect();
            format!("{label}：{}", values.join("、"))
        })
        .collect();
    Card {
        more,
        title: &d.title,
        url: d.url(),
        date: d.published.to_string(),
        index_number: &d.index_number,
        doc_number: d.doc_number.as_deref(),
        issuer: if d.joint_issuers.is_empty() {
            d.issuer.as_str().into()
        } else {
            std::iter::once(&d.issuer)
                .chain(&d.joint_issuers)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("、")
                .into()
        },
        category: &catalogue.config.categories[d.category].name,
        status: crate::render::i18n::get(&catalogue.config.language, &format!("status_{}", d.status.code())),
        status_code: d.status.code(),
    }
}

fn facet_links(catalogue: &Catalogue, kind: FacetKind) -> Vec<FacetLink> {
    catalogue
        .facets(kind)
        .iter()
        .map(|f| FacetLink {
            name: facet_name(&catalogue.config.language, kind, f),
            url: facet_url(&catalogue.config, kind, f, 1),
            count: f.documents.len(),
            level: f.level,
        })
        .collect()
}

fn kind_title(catalogue: &Catalogue, kind: FacetKind) -> &str {
    let key = match kind {
        FacetKind::Category => "category",
        FacetKind::Issuer => "issuer",
        FacetKind::Year => "year",
        FacetKind::Subject => "subject",
        FacetKind::Field(i) => {
            return catalogue
                .config
                .fields
                .get(usize::from(i))
                .map_or("", |f| f.label.as_str());
        }
    };
    crate::render::i18n::get(&catalogue.config.language, key)
}

/// A facet's display name: year facets are named in the interface language.
fn facet_name(language: &str, kind: FacetKind, facet: &Facet) -> String {
    match kind {
        FacetKind::Year => crate::render::i18n::get(language, "year_name").replace("{year}", &facet.key),
        _ => facet.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default theme's pager loop gives the same HTML from the pages
    /// [`pager_pages`] passes as from every page (but for the blank lines the
    /// loop leaves for each page it skips).
    #[test]
    fn the_pager_window_renders_like_every_page() {
        let list = include_str!("../../themes/default/templates/list.html");
        let start = list.find("{% for n, url in pager.pages %}").expect("pager loop");
        let end = start + list[start..].find("{% endfor %}").expect("loop end") + "{% endfor %}".len();
        let mut env = Environment::new();
        env.add_template("pager", &list[start..end]).expect("template");
        let template = env.get_template("pager").expect("template");
        for total in 1..=40 {
            for current in 1..=total {
                let render = |pages: Vec<usize>| {
                    let pages: Vec<(usize, String)> =
                        pages.into_iter().map(|n| (n, format!("{n}.html"))).collect();
                    let html = template
                        .render(context! { pager => context! { current, total, pages } })
                        .expect("renders");
                    html.split_whitespace().collect::<Vec<_>>().join(" ")
                };
                let window: Vec<usize> = pager_pages(current, total).collect();
                assert!(window.windows(2).all(|w| w[0] < w[1]), "{window:?}");
                assert!(window.len() <= 9, "{window:?}");
                assert_eq!(
                    render(window),
                    render((1..=total).collect()),
                    "page {current} of {total}"
                );
            }
        }
    }

    #[test]
    fn templates_read_what_they_and_their_parents_use() {
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default").expect("built-in theme");
        let env = environment(&theme).expect("environment");
        let reads = |name: &str| template_reads(&env, &theme.templates, name);
        let document = reads("document.html").expect("analysed");
        // From document.html, base.html (extended) and macros.html (imported).
        for name in ["doc", "t", "site", "root", "canonical"] {
            assert!(document.contains(name), "{name} missing from {document:?}");
        }
        assert!(!document.contains("nav_categories"), "{document:?}");
        assert!(reads("home.html").expect("analysed").contains("nav_categories"));

        let mut templates = theme.templates.clone();
        let dynamic = "{% extends \"base.html\" %}{% block main %}{% include which %}{% endblock %}";
        templates.insert("list.html".into(), (dynamic.into(), "list.html".into()));
        let mut env = environment(&theme).expect("environment");
        env.add_template_owned("list.html", dynamic).expect("template");
        assert_eq!(
            template_reads(&env, &templates, "list.html"),
            None,
            "an included expression could be anything"
        );
    }
}
