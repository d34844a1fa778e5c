//! `--help` texts: the English is the doc comment of the option, read by
//! `src/cli/help.rs`.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    (
        "cli.gongkai.about",
        "生成政府信息公开目录（政务公开专栏）静态网站",
        "Builds government information-disclosure catalogues (政府信息公开目录) as static sites.",
    ),
    (
        "cli.build.about",
        "生成网站，输出到 public/（或 site.yaml 的 output_dir，或 --out 指定的文件夹）",
        "Build the site into public/ (or site.yaml's output_dir, or --out).",
    ),
    (
        "cli.serve.about",
        "生成网站并在 127.0.0.1 上预览；content/、themes/ 或 site.yaml 改动后自动重新生成并刷新页面",
        "Build, serve the site on 127.0.0.1, rebuild on every change in content/, themes/ or site.yaml and reload open pages.",
    ),
    (
        "cli.check.about",
        "运行全部检查，不写入任何文件",
        "Run every validation and write nothing.",
    ),
    (
        "cli.stats.about",
        "输出某年年报的表格二（一）（规章、行政规范性文件 …）",
        "Print the annual report's table 二(一) (规章, 行政规范性文件 …) for a year.",
    ),
    (
        "cli.report.about",
        "起草某年的政府信息公开工作年度报告（写入 content/，已有则只更新其中的表格）：表格按目录和登记表填写，逐项核对勾稽关系",
        "Draft the year's 政府信息公开工作年度报告 into content/ (or refresh its tables), from the catalogue and the registers; every sum checked.",
    ),
    (
        "cli.bulk.about",
        "把已公开的目录（含正文）导出为 OpenSearch / Elasticsearch 批量导入（_bulk）用的 NDJSON，并可写出索引映射",
        "Write the published catalogue with its texts as bulk NDJSON for OpenSearch or Elasticsearch (_bulk), and the index's mapping.",
    ),
    (
        "cli.bulk.out",
        "要写入的 NDJSON 文件（整个替换）",
        "The NDJSON file to write (replaced whole).",
    ),
    (
        "cli.bulk.index",
        "操作行中的索引名",
        "The index the action lines name.",
    ),
    (
        "cli.bulk.mapping",
        "同时把索引映射（设置和字段）写入此文件",
        "Also write the index's mapping (settings and fields) to this file.",
    ),
    (
        "cli.deploy.about",
        "把生成好的网站发布到 site.yaml 中声明的目标（deploy: targets:），只传送有变化的文件",
        "Publish the built output to a target declared in site.yaml (deploy: targets:), sending only what changed.",
    ),
    (
        "cli.new_doc.about",
        "新建一篇文件：取下一个可用的索引号（site.yaml 的 index_number.pattern）、日期和必填字段；输出文件路径",
        "Create a document with the next free 索引号 (site.yaml index_number.pattern), today's date and the required fields; prints its path.",
    ),
    (
        "cli.import.about",
        "导入旧网站保存下来的页面（HTML 或文本），每页一篇 Markdown 文件；列出导入结果和每个待填写的字段",
        "Import a legacy site's saved pages (HTML or text), one Markdown document each; prints what was imported and every field left TODO.",
    ),
    (
        "cli.new.about",
        "新建一个站点：政务公开专栏（指南、制度、法定主动公开内容、年报）、页脚信息和示例文件",
        "Create a new site with the disclosure column, the footer fields and two example documents.",
    ),
    (
        "cli.arg.root",
        "站点文件夹（含 site.yaml 的文件夹）",
        "The site folder, holding site.yaml.",
    ),
    (
        "cli.arg.format",
        "问题的输出格式：human（给人看）、json（每行一个对象）或 github（GitHub Actions 注释）",
        "How to print problems: human, json (one object per line) or github (GitHub Actions annotations).",
    ),
    (
        "cli.arg.quiet",
        "不显示进度条和汇总，只输出问题",
        "No progress bar and no summary: only problems are printed.",
    ),
    (
        "cli.arg.strict",
        "警告也按错误处理（退出码 1），用于持续集成：占位的 base_url、未声明的发布机构、空正文、远在将来的日期",
        "Warnings fail the run (exit 1), for CI: a placeholder base_url, an undeclared issuer, an empty body, a date far in the future.",
    ),
    (
        "cli.arg.lang",
        "消息语言：zh（中文，默认）或 en；也可用环境变量 GONGKAI_LANG，否则按 site.yaml 的 language",
        "The language of messages: zh (Chinese, the default) or en; also GONGKAI_LANG, else site.yaml's language.",
    ),
    (
        "cli.help.about",
        "显示本说明，或某个命令的说明",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "cli.help.subcommand",
        "要查看说明的命令",
        "Print help for the subcommand(s)",
    ),
    ("cli.arg.help", "显示帮助", "Print help"),
    ("cli.arg.version", "显示版本", "Print version"),
    (
        "cli.build.out",
        "输出到这个文件夹",
        "Write the site here instead.",
    ),
    (
        "cli.build.clean",
        "忽略上次构建的记录，重新写入每个文件",
        "Write every file again, ignoring what the last build wrote.",
    ),
    (
        "cli.build.force",
        "输出文件夹中有不是 gongkai 写入的文件时，照样输出并替换它们",
        "Build into an output folder that holds files gongkai did not write, replacing them.",
    ),
    (
        "cli.serve.port",
        "先尝试的端口（被占用时取下一个空闲端口）",
        "The port to try first (the next free one is taken if it is busy).",
    ),
    (
        "cli.serve.open",
        "在默认浏览器中打开网站",
        "Open the site in the default browser.",
    ),
    ("cli.stats.year", "年报的年份", "The report's year."),
    (
        "cli.stats.format",
        "md（可粘贴进年报的 Markdown 表格）、csv 或 json",
        "md (a Markdown table to paste into the report), csv or json.",
    ),
    (
        "cli.report.year",
        "年报的年份（统计数据所属的年份）",
        "The report's year (the year the figures are of).",
    ),
    (
        "cli.report.format",
        "不写入文件，改为输出表格：md、csv 或 json",
        "Print the tables instead of writing the document: md, csv or json.",
    ),
    (
        "cli.deploy.target",
        "发布目标的名称（默认为 site.yaml 中的第一个）",
        "The target's name (default: the first in site.yaml).",
    ),
    (
        "cli.deploy.dry_run",
        "只列出将要上传和删除的文件，不做任何改动",
        "Print what would be uploaded and deleted; change nothing.",
    ),
    (
        "cli.deploy.force",
        "即使超过 deploy.max_delete_percent 也执行删除",
        "Delete even beyond deploy.max_delete_percent.",
    ),
    (
        "cli.new_doc.category",
        "信息分类，写名称或代码（如 规划计划 或 03）",
        "The 信息分类, by name or code (e.g. 规划计划 or 03).",
    ),
    (
        "cli.new_doc.title",
        "标题（不写则留 TODO，check 会一直提示，直到填写）",
        "The title (else a TODO that check reports until it is written).",
    ),
    (
        "cli.new_doc.issuer",
        "发布机构（不写则取 site.yaml 的 index_number.issuer）",
        "The 发布机构 (else site.yaml's index_number.issuer).",
    ),
    (
        "cli.new_doc.date",
        "发文日期（不写则为今天）；索引号中的年份取自它",
        "The 发文日期 (else today); the 索引号's year comes from it.",
    ),
    (
        "cli.new_doc.doc_number",
        "文件编号，例如 某政办发〔2026〕3号",
        "The 文件编号, e.g. 某政办发〔2026〕3号.",
    ),
    (
        "cli.import.paths",
        "保存的页面或其所在文件夹（.html、.htm、.txt）",
        "Saved pages, or folders of them (.html, .htm, .txt).",
    ),
    (
        "cli.import.csv",
        "元数据登记表，每行一篇文件（.csv、.xlsx、.xls 或 .ods）；“正文”列写各篇正文所在的文件",
        "A metadata register, one row per document (.csv, .xlsx, .xls or .ods); a 正文 column names each body's file.",
    ),
    (
        "cli.import.into",
        "文件放到哪里（相对于站点文件夹）",
        "Where the documents go, relative to the site folder.",
    ),
    (
        "cli.import.category",
        "页面没有写明信息分类时所用的分类（名称或代码）",
        "The 信息分类 of pages that state none (name or code).",
    ),
    (
        "cli.import.issuer",
        "页面没有写明发布机构时所用的发布机构",
        "The 发布机构 of pages that state none.",
    ),
    (
        "cli.import.force",
        "覆盖已存在的文件（包括手工改过的）",
        "Overwrite documents that exist.",
    ),
    (
        "cli.new.dir",
        "要创建的文件夹（必须不存在或为空）",
        "The folder to create (must not exist, or be empty).",
    ),
    (
        "cli.check.fix_encoding",
        "把 GBK 编码的文件转换为 UTF-8（原文件另存一份 .gbk 备份）",
        "Convert GBK files to UTF-8 (the original is kept beside it as .gbk).",
    ),
    (
        "cli.check.deadlines",
        "另外列表输出超期事项：发布时限（20个工作日）、年度报告、政策解读",
        "Also print the deadlines missed as a table: publication (20 working days), annual reports, interpretations.",
    ),
];
