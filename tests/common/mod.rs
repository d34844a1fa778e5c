//! Helpers shared by the integration tests: copy a site into a temp dir,
//! run the real binary, read back the written files.
#![allow(dead_code, unreachable_pub, missing_docs)]

pub mod rebuild;
pub mod scan;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Copies a folder tree (files and folders only).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).expect("mkdir");
        } else {
            fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// Runs the gongkai binary with `args`.
pub fn gongkai(args: &[&str]) -> Output {
    gongkai_env(args, &[])
}

pub fn gongkai_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gongkai"));
    // The tests read the English messages unless they ask for Chinese
    // (`("GONGKAI_LANG", "zh")` in `env`).
    cmd.args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("GONGKAI_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run gongkai")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir`, with its path relative to `dir` (`/` between parts).
fn files(dir: &Path) -> impl Iterator<Item = (String, walkdir::DirEntry)> + '_ {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.expect("walk output"))
        .filter(|entry| entry.file_type().is_file())
        .map(move |entry| {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, entry)
        })
}

/// Every file under `dir` by relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .map(|(rel, entry)| (rel, fs::read(entry.path()).expect("read")))
        .collect()
}

/// The modification time of every file under `dir`, by relative path (as
/// [`tree`] names them).
pub fn mtimes(dir: &Path) -> BTreeMap<String, std::time::SystemTime> {
    files(dir)
        .map(|(rel, entry)| {
            (
                rel,
                entry.metadata().expect("metadata").modified().expect("mtime"),
            )
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The text of every HTML file under `dir`, concatenated.
pub fn all_text(dir: &Path) -> String {
    tree(dir)
        .into_values()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

/// The entries of a built site's search texts (`search/x/<n>.pack`: a header
/// of `per_pack + 1` u32 offsets, then the entries), by id: each a JSON line
/// of metadata, then the indexed text.
pub fn search_texts(public: &Path) -> BTreeMap<usize, String> {
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&public.join("search/manifest.json"))).expect("manifest");
    let per_pack = manifest["texts_per_pack"].as_u64().expect("texts_per_pack") as usize;
    let mut texts = BTreeMap::new();
    for (name, pack) in tree(&public.join("search/x")) {
        let n: usize = name
            .strip_suffix(".pack")
            .expect(".pack")
            .parse()
            .expect("number");
        let word = |k: usize| u32::from_le_bytes(pack[4 * k..4 * k + 4].try_into().expect("4")) as usize;
        for j in 0..per_pack {
            if word(j) < word(j + 1) {
                let entry = String::from_utf8(pack[word(j)..word(j + 1)].to_vec()).expect("UTF-8");
                texts.insert(n * per_pack + j, entry);
            }
        }
    }
    texts
}

/// A generated corpus of `docs` documents (the `gongkai-corpus` crate in
/// `corpus/`, seed 8) written into `out`.
pub fn gencorpus(docs: usize, out: &Path) {
    let options = gongkai_corpus::Options {
        docs,
        seed: 8,
        format: gongkai_corpus::Format::Native,
        model: false,
        subjects: false,
    };
    gongkai_corpus::generate(&options, out).expect("generate the corpus");
}

/// Copies tests/fixtures/<name> into a new temp dir as `site/`. Keep the
/// returned TempDir alive while the site is used.
pub fn fixture_site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    copy_tree(&fixture(name), &site);
    (dir, site)
}

/// Builds `site` with a fixed SOURCE_DATE_EPOCH, asserting success; returns its public/.
pub fn build_site(site: &Path) -> PathBuf {
    let out = gongkai_env(
        &["build", "--root", &site.to_string_lossy()],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    site.join("public")
}

/// Writes an office's own values where `gongkai new` left placeholders
/// (base_url, the footer), so the site builds without warnings.
pub fn fill_placeholders(site: &Path) {
    let yaml = read(&site.join("site.yaml"))
        .replace(
            "https://www.example.gov.cn/zwgk/",
            "https://www.zichuan.gov.cn/zwgk/",
        )
        .replace("某某区人民政府办公室（待填写）", "淄川区人民政府办公室")
        .replace("联系电话: 待填写", "联系电话: 0533-5181234")
        .replace("地址: 待填写", "地址: 淄川区般阳路1号")
        .replace("邮编: 待填写", "邮编: \"255100\"")
        .replace("电子邮箱: 待填写", "电子邮箱: zcbgs@zichuan.gov.cn")
        .replace("网站标识码: 待填写", "网站标识码: \"3703020001\"")
        .replace("ICP备案号: 待填写", "ICP备案号: 鲁ICP备05000000号")
        .replace(
            "公安机关备案号: 待填写",
            "公安机关备案号: 鲁公网安备 37030202000001号",
        )
        .replace(
            "党政机关标识: 待填写",
            "党政机关标识: https://bszs.conac.cn/sitename?method=show&id=0000000000000000",
        );
    let guide_path = site.join("content/_pages/guide.md");
    let guide = read(&guide_path)
        .replace("（请按本机关实际情况修改本页，并把“待填写”改成真实信息。）\n", "")
        .replace("某某区人民政府办公室（待填写）", "淄川区人民政府办公室")
        .replace("办公地址：待填写", "办公地址：淄川区般阳路1号")
        .replace("联系电话：待填写", "联系电话：0533-5181234")
        .replace("传真号码：待填写", "传真号码：0533-5181235")
        .replace("电子邮箱：待填写", "电子邮箱：zcbgs@zichuan.gov.cn");
    assert!(!guide.contains("待填写"), "{guide}");
    fs::write(guide_path, guide).expect("write guide.md");
    let values = yaml.lines().filter(|l| !l.trim_start().starts_with('#'));
    assert!(
        values
            .clone()
            .all(|l| !l.contains("待填写") && !l.contains("example")),
        "{yaml}"
    );
    fs::write(site.join("site.yaml"), yaml).expect("write site.yaml");
}

/// Edits one sentence of the example site's annual report (a one-document
/// change, for the deploy tests).
pub fn edit_annual_report(site: &Path) {
    let doc = site.join("content/3504-15-2018-000001.md");
    fs::write(
        &doc,
        read(&doc).replace("2017年，我区认真贯彻落实", "2017年，本区认真贯彻落实"),
    )
    .expect("write");
}
