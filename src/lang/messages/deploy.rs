//! `gongkai deploy`: publishing the output.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    (
        "deploy.not_built",
        "还没有生成网站，没有可发布的内容",
        "the site is not built: there is nothing to deploy",
    ),
    (
        "deploy.not_built.hint",
        "先运行 gongkai build，再运行 gongkai deploy",
        "run gongkai build first, then gongkai deploy",
    ),
    (
        "deploy.no_targets",
        "site.yaml 没有声明发布目标",
        "site.yaml declares no deploy target",
    ),
    (
        "deploy.no_targets.hint",
        "在 site.yaml 写：deploy: {{ targets: [{{ name: web, folder: D:/www/zwgk }}] }}（网站服务器上本站的文件夹）",
        "add to site.yaml: deploy: {{ targets: [{{ name: web, folder: /var/www/zwgk }}] }} (the site's folder on the web server)",
    ),
    (
        "deploy.unknown_target",
        "没有名为“{name}”的发布目标",
        "there is no deploy target named “{name}”",
    ),
    (
        "deploy.target_unreadable",
        "无法读取发布目标：{error}",
        "the deploy target cannot be read: {error}",
    ),
    (
        "deploy.target_unreadable.hint",
        "检查文件夹是否存在、共享是否已挂载、是否有读写权限",
        "check that the folder exists, the share is mounted, and it can be read and written",
    ),
    (
        "deploy.too_many_deletions",
        "这次发布要删除 {n} 个文件，超过目标中 {of} 个文件的 {share}%，已停止，没有改动任何文件",
        "this deploy would delete {n} files, more than {share}% of the target's {of}: stopped, nothing was changed",
    ),
    (
        "deploy.too_many_deletions.hint",
        "先用 --dry-run 看清要删除哪些文件；确实要删除时加 --force，或在 site.yaml 调整 deploy.max_delete_percent",
        "look at what would be deleted with --dry-run; if it is right, add --force, or raise deploy.max_delete_percent in site.yaml",
    ),
    (
        "deploy.no_base_url",
        "base_url 不是完整地址，无法列出需要 CDN 刷新的网址",
        "base_url is not an absolute address: no list of addresses for the CDN to refresh",
    ),
    (
        "deploy.no_base_url.hint",
        "把 base_url 写成网站的完整地址，如 https://www.某某区.gov.cn/zwgk/",
        "set base_url to the site's full address, e.g. https://www.example.gov.cn/zwgk/",
    ),
    (
        "deploy.write",
        "写入发布目标时出错：{error}",
        "writing to the deploy target failed: {error}",
    ),
    (
        "deploy.write.hint",
        "已经写好的文件完整可用；解决问题后再次运行 gongkai deploy，会补上其余文件",
        "the files written so far are whole; fix the problem and run gongkai deploy again to send the rest",
    ),
    (
        "deploy.plan",
        "发布到“{target}”：上传 {uploads} 个文件（{bytes}），删除 {deletions} 个，{unchanged} 个未变",
        "deploy to “{target}”: {uploads} files to upload ({bytes}), {deletions} to delete, {unchanged} unchanged",
    ),
    (
        "deploy.dry_run",
        "（试运行，没有改动任何文件）",
        "(dry run: nothing was changed)",
    ),
    (
        "deploy.done",
        "已发布到“{target}”：上传 {uploads} 个文件（{bytes}），删除 {deletions} 个，{unchanged} 个未变",
        "deployed to “{target}”: {uploads} files uploaded ({bytes}), {deletions} deleted, {unchanged} unchanged",
    ),
    (
        "deploy.refresh",
        "需要 CDN 刷新的 {n} 个网址已写入 {file}",
        "the {n} addresses the CDN must refresh are in {file}",
    ),
];
