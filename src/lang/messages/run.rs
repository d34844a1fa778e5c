//! How a run ends and what it says on the way: the summary, the progress
//! bar, serve, new, stats.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    ("verb.built", "已生成", "built"),
    ("verb.checked", "已检查", "checked"),
    ("verb.exported", "已导出", "exported"),
    ("summary.head", "{verb}：文件 {n} 件", "{verb} {n} documents"),
    ("summary.pages", "，页面 {n} 个", ", {n} pages"),
    ("summary.rendered", "（重新生成 {n} 个）", " ({n} rendered)"),
    (
        "summary.search",
        "，搜索分片 {shards} 个（词条 {terms} 个，{mb} MB{patched}）",
        ", {shards} search shards ({terms} terms, {mb} MB{patched})",
    ),
    (
        "summary.patched_one",
        "，按 1 个改动的文件增量更新",
        ", patched for 1 changed document",
    ),
    (
        "summary.patched",
        "，按 {n} 个改动的文件增量更新",
        ", patched for {n} changed documents",
    ),
    (
        "summary.runs",
        "，词条过多，分 {n} 批在磁盘上合并",
        ", merged on disk in {n} runs",
    ),
    ("summary.unpublished", "（{n} 件不公开）", " ({n} not published)"),
    ("summary.into", "，输出到 {dir}", " into {dir}"),
    (
        "summary.files",
        "（写入 {written} 个文件，删除 {deleted} 个）",
        " ({written} files written, {deleted} deleted)",
    ),
    ("summary.time", "，用时 {secs} 秒", " in {secs} s"),
    (
        "summary.unchanged",
        "上次生成以来，网站文件夹里的文件都没有变化：输出保持原样，以上是上次生成时的警告和统计。需要全部重新生成时，加上 --clean。",
        "Nothing in the site folder changed since the last build: the output stays as it is, and the warnings and figures above are that build's. Add --clean to build everything again.",
    ),
    (
        "summary.warnings",
        "；警告 {n} 条，见上文",
        "; {n} warning(s) above",
    ),
    (
        "run.failed",
        "共 {n} 个错误；没有写入任何文件，原有输出未改变",
        "{n} error(s); nothing was written, the previous output is unchanged",
    ),
    (
        "run.output_failed",
        "{error}\n  没有写入任何文件，原有输出未改变",
        "{error}\n  nothing was written, the previous output is unchanged",
    ),
    (
        "run.internal",
        "gongkai 因内部错误停止（{detail}）；没有写入任何文件，原有输出未改变\n  提示：请报告此问题，如能附上站点更好",
        "gongkai stopped on an internal error ({detail}); nothing was written, the previous output is unchanged\n  hint: please report it, with the site if you can",
    ),
    (
        "run.strict",
        "--strict：{n} 条警告按错误处理",
        "--strict: {n} warning(s) count as errors",
    ),
    (
        "output.busy",
        "本站点或该输出文件夹正在进行另一次 gongkai 构建（锁文件 {lock}）；请等它结束后再试",
        "another gongkai build is running in this site or into this output (lock file {lock}); wait for it to finish and try again",
    ),
    (
        "output.forbidden",
        "不能输出到文件夹 {dir}：{why}",
        "the output folder {dir} is not allowed: {why}",
    ),
    (
        "output.why.link_file",
        "它是指向文件的链接，不是文件夹",
        "it is a link to a file, not a folder",
    ),
    (
        "output.why.link_nothing",
        "它是指向不存在位置的链接",
        "it is a link to nothing",
    ),
    (
        "output.why.file",
        "它是文件，不是文件夹",
        "it is a file, not a folder",
    ),
    (
        "output.why.site",
        "它是站点文件夹本身或包含站点文件夹",
        "it is the site folder or contains it",
    ),
    (
        "output.why.sources",
        "它位于 content/、themes/ 或 .gongkai/ 中",
        "it lies inside content/, themes/ or .gongkai/",
    ),
    (
        "output.io",
        "文件操作失败（{action} {path}）：{error}",
        "{action} {path}: {error}",
    ),
    (
        "output.lost",
        "{path} 已不是上次构建写入时的样子",
        "{path} is not in the output as the last build wrote it",
    ),
    (
        "output.duplicate",
        "有两个输出写到 {path}",
        "two outputs are written to {path}",
    ),
    (
        "output.unsafe",
        "不安全的输出路径 {path}",
        "unsafe output path {path}",
    ),
    (
        "output.interrupted",
        "{error}\n  出错时输出正在更新：下次构建会完成这次更新",
        "{error}\n  the output was being updated when this happened: the next build finishes the update",
    ),
    (
        "output.not_ours",
        "{dir} 中有不是 gongkai 写入的文件，构建会替换它们\n  提示：换一个新的或空的输出文件夹（--out 或 site.yaml 的 output_dir），或加 --force 替换",
        "{dir} holds files gongkai did not write, which a build would replace\n  hint: choose a new or empty folder for the output (--out or site.yaml's output_dir), or pass --force to replace it",
    ),
    // ── the progress bar's stages
    ("stage.harvesting", "读取成员网站", "harvesting members"),
    ("stage.reading", "读取", "reading"),
    ("stage.rendering", "生成页面", "rendering"),
    ("stage.indexing", "建立索引", "indexing"),
    ("stage.exporting", "导出数据", "exporting"),
    // ── serve
    (
        "serve.ready",
        "正在预览 {url}（按 Ctrl-C 停止）",
        "serving {url} (Ctrl-C stops)",
    ),
    (
        "serve.failed",
        "构建失败；仍在提供上一次成功构建的网站",
        "the build failed; still serving the last good site",
    ),
    (
        "serve.overlay",
        "gongkai：上一次修改没有生成成功，这里显示的是上一次成功生成的网站。\n改正下面的问题并保存，页面会自动刷新。",
        "gongkai: the last change did not build; this is the last good site.\nFix the problems below and save: the page reloads.",
    ),
    ("serve.error", "无法启动预览：{error}", "cannot serve: {error}"),
    (
        "serve.no_port",
        "127.0.0.1 上从 {port} 起没有空闲端口：{reason}",
        "no free port on 127.0.0.1 from {port}: {reason}",
    ),
    (
        "serve.watch",
        "无法监视 {path} 的改动：{error}",
        "cannot watch {path} for changes: {error}",
    ),
    (
        "serve.browser",
        "无法启动 {opener}；请自己打开 {url}",
        "could not start {opener}; open {url} yourself",
    ),
    // ── new
    (
        "new.created",
        "已在 {dir} 创建新站点",
        "created a new site in {dir}",
    ),
    (
        "new.next",
        "下一步：gongkai serve --root {dir} --open 预览，gongkai build --root {dir} 生成",
        "next: gongkai serve --root {dir} --open to preview, gongkai build --root {dir} to build",
    ),
    (
        "new.not_empty",
        "{dir} 不是空文件夹；请换一个新文件夹",
        "{dir} is not empty; choose a new folder",
    ),
    (
        "new.io",
        "无法创建 {path}：{error}",
        "cannot create {path}: {error}",
    ),
    // ── stats
    (
        "stats.no_kinds",
        "site.yaml 的文件类型（kinds）是空的",
        "site.yaml's kinds: is empty",
    ),
    (
        "stats.no_kinds.hint",
        "删除 kinds: 使用默认的规章和行政规范性文件，或列出本站的文件类型，并给文件写上“文件类型”",
        "remove kinds: to use the default (规章, 行政规范性文件), or list the site's kinds and give documents a kind",
    ),
    (
        "stats.undated",
        "索引号 {number}：已废止或失效但没有日期；按现行有效统计（请写 repealed_on）",
        "{number}: repealed or expired without a date; counted as in force (set repealed_on)",
    ),
    (
        "stats.cross_year",
        "跨年核对：{problem}",
        "cross-year check: {problem}",
    ),
    (
        "summary.robots_sub_path",
        "注意：网站位于子路径 {path} 下，搜索引擎只读取网站根目录的 robots.txt。请把 public/robots.txt 复制到网站根目录，或把其中的 Sitemap 一行加到根目录的 robots.txt 中；sitemap.xml 留在原处即可。",
        "Note: the site lives under {path}, and crawlers read robots.txt only at the domain's root: copy public/robots.txt there, or add its Sitemap line to the root's robots.txt; sitemap.xml can stay where it is.",
    ),
];
