//! A site's own theme folder overrides the embedded default by file name,
//! and a broken template is reported with its file and line.

mod common;

use std::fs;

use common::*;

fn new_site(dir: &std::path::Path) -> String {
    let site = dir.join("s");
    assert!(gongkai(&["new", &site.to_string_lossy()]).status.success());
    site.to_string_lossy().into_owned()
}

#[test]
fn site_theme_overrides_templates_and_assets_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let theme = dir.path().join("s/themes/default");
    fs::create_dir_all(theme.join("templates")).expect("mkdir");
    fs::create_dir_all(theme.join("assets")).expect("mkdir");
    fs::write(
        theme.join("templates/home.html"),
        "{% extends \"base.html\" %}{% block main %}<p>本站自定义首页 {{ total }}</p>{% endblock %}",
    )
    .expect("write");
    fs::write(theme.join("assets/logo.txt"), "logo").expect("write");
    let out = gongkai(&["build", "--root", &site]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stylesheet = |public: &std::path::Path| {
        let home = read(&public.join("index.html"));
        let at = home
            .find("<link rel=\"stylesheet\" href=\"assets/style.")
            .expect("a stylesheet link");
        let href = &home[at + "<link rel=\"stylesheet\" href=\"".len()..];
        href[..href.find('"').expect("end")].to_owned()
    };
    let default_href = stylesheet(&dir.path().join("s/public"));
    // A site's own stylesheet: the pages link it under a new fingerprinted name.
    fs::write(theme.join("assets/style.css"), "body { color: #000; }").expect("write");
    let out = gongkai(&["build", "--root", &site]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("s/public");
    let home = read(&public.join("index.html"));
    assert!(home.contains("<p>本站自定义首页 2</p>"), "{home}");
    let href = stylesheet(&public);
    assert!(
        href.len() == "assets/style.12345678.css".len() && href.ends_with(".css"),
        "base.html of the default theme still applies, linking the fingerprinted name: {href}"
    );
    assert_ne!(href, default_href, "a new stylesheet, a new name");
    assert_eq!(read(&public.join(&href)), "body { color: #000; }");
    assert_eq!(
        read(&public.join("assets/style.css")),
        "body { color: #000; }",
        "the plain name too"
    );
    assert!(
        !public.join(&default_href).exists(),
        "the old name is gone from the output"
    );
    assert_eq!(read(&public.join("assets/logo.txt")), "logo");
    assert!(public.join("assets/site.js").exists(), "default assets are kept");
    // Document pages still use the embedded template.
    assert!(read(&public.join("docs/0001-03-2026-000001.html")).contains("<th scope=\"row\">索引号</th>"));
}

#[test]
fn template_errors_name_the_file_and_line_and_keep_the_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    assert!(gongkai(&["build", "--root", &site]).status.success());
    let before = tree(&dir.path().join("s/public"));
    let templates = dir.path().join("s/themes/default/templates");
    fs::create_dir_all(&templates).expect("mkdir");
    fs::write(
        templates.join("document.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{{ doc.no_such_field }}\n{% endblock %}\n",
    )
    .expect("write");
    let out = gongkai(&["build", "--root", &site]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("themes/default/templates/document.html:3: template error"),
        "{err}"
    );
    assert_eq!(tree(&dir.path().join("s/public")), before);
    // The caret is where minijinja says the error is, not guessed.
    let out = gongkai(&["check", "--root", &site, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .expect("a diagnostic"),
    )
    .expect("JSON");
    assert_eq!(
        (json["line"].as_u64(), json["column"].as_u64()),
        (Some(3), Some(4)),
        "{json}"
    );
    let err = stderr(&gongkai(&["check", "--root", &site]));
    assert!(
        err.contains("--> themes/default/templates/document.html:3:4"),
        "{err}"
    );

    fs::write(templates.join("document.html"), "{% if %}\n").expect("write");
    let out = gongkai(&["check", "--root", &site]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("themes/default/templates/document.html:1: template error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_named_theme_that_does_not_exist_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = new_site(dir.path());
    let yaml = dir.path().join("s/site.yaml");
    fs::write(&yaml, format!("{}theme: civic\n", read(&yaml))).expect("write");
    let out = gongkai(&["build", "--root", &site]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("theme `civic` not found"),
        "{}",
        stderr(&out)
    );
}
