//! The Hugo site around a corpus (`--format hugo`): its config and minimal
//! layouts showing the same metadata table as gongkai, for the comparisons.

pub(crate) const CONFIG: &str = r#"baseURL = "https://example.gov.cn/"
languageCode = "zh-cn"
defaultContentLanguage = "zh"
title = "政府信息公开目录"
disableKinds = ["RSS"]
paginate = 50
hasCJKLanguage = true

[taxonomies]
category = "category"
issuer = "issuer"
"#;

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
"#;
const FOOT: &str = "</body></html>\n";

/// Hugo layouts showing what gongkai's pages show: the metadata table on
/// each document, lists paginated by 50, category and issuer terms.
pub(crate) fn layouts() -> [(&'static str, String); 4] {
    [
        (
            "_default/single.html",
            format!(
                r#"{HEAD}<main data-pagefind-body>
<h1>{{{{ .Title }}}}</h1>
<table class="meta">
<tr><th>索引号</th><td data-pagefind-meta="index_number">{{{{ .Params.index_number }}}}</td><th>信息分类</th><td data-pagefind-filter="category">{{{{ .Params.category }}}}</td></tr>
<tr><th>发布机构</th><td data-pagefind-filter="issuer">{{{{ .Params.issuer }}}}</td><th>发文日期</th><td data-pagefind-meta="date">{{{{ .Date.Format "2006-01-02" }}}}</td></tr>
<tr><th>文件编号</th><td>{{{{ with .Params.doc_number }}}}{{{{ . }}}}{{{{ end }}}}</td><th>公开方式</th><td>{{{{ .Params.disclosure }}}}</td></tr>
<tr><th>效力状态</th><td>{{{{ .Params.status }}}}</td><th>关键词</th><td>{{{{ delimit .Params.keywords "，" }}}}</td></tr>
<tr><th>内容概述</th><td colspan="3">{{{{ .Params.summary }}}}</td></tr>
</table>
<article>{{{{ .Content }}}}</article>
</main>
{FOOT}"#
            ),
        ),
        (
            "_default/list.html",
            format!(
                r#"{HEAD}<main><h1>{{{{ .Title }}}}</h1>
{{{{ $p := .Paginate (.Pages.ByDate.Reverse) }}}}
<table class="list"><tr><th>标题</th><th>索引号</th><th>发布机构</th><th>发文日期</th></tr>
{{{{ range $p.Pages }}}}<tr><td><a href="{{{{ .RelPermalink }}}}">{{{{ .Title }}}}</a></td><td>{{{{ .Params.index_number }}}}</td><td>{{{{ .Params.issuer }}}}</td><td>{{{{ .Date.Format "2006-01-02" }}}}</td></tr>
{{{{ end }}}}</table>
<nav>{{{{ if $p.HasPrev }}}}<a href="{{{{ $p.Prev.URL }}}}">上一页</a>{{{{ end }}}} 第{{{{ $p.PageNumber }}}}/{{{{ $p.TotalPages }}}}页 {{{{ if $p.HasNext }}}}<a href="{{{{ $p.Next.URL }}}}">下一页</a>{{{{ end }}}}</nav>
</main>
{FOOT}"#
            ),
        ),
        (
            "_default/terms.html",
            format!(
                r#"{HEAD}<main><h1>{{{{ .Title }}}}</h1><ul>
{{{{ range .Data.Terms.Alphabetical }}}}<li><a href="{{{{ .Page.RelPermalink }}}}">{{{{ .Page.Title }}}}</a> ({{{{ .Count }}}})</li>
{{{{ end }}}}</ul></main>
{FOOT}"#
            ),
        ),
        (
            "index.html",
            format!(
                r#"{HEAD}<main><h1>{{{{ .Site.Title }}}}</h1>
<h2>信息分类</h2><ul>{{{{ range .Site.Taxonomies.category.Alphabetical }}}}<li><a href="{{{{ .Page.RelPermalink }}}}">{{{{ .Page.Title }}}}</a> ({{{{ .Count }}}})</li>{{{{ end }}}}</ul>
<h2>发布机构</h2><ul>{{{{ range .Site.Taxonomies.issuer.Alphabetical }}}}<li><a href="{{{{ .Page.RelPermalink }}}}">{{{{ .Page.Title }}}}</a> ({{{{ .Count }}}})</li>{{{{ end }}}}</ul>
<h2>最新公开</h2><ul>{{{{ range first 20 (where .Site.RegularPages "Section" "docs").ByDate.Reverse }}}}<li><a href="{{{{ .RelPermalink }}}}">{{{{ .Title }}}}</a> {{{{ .Date.Format "2006-01-02" }}}}</li>{{{{ end }}}}</ul>
</main>
{FOOT}"#
            ),
        ),
    ]
}
