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
        "在 site.yaml 写：deploy: {{ targets: [{{ name: web, folder: D:/www/zwgk }}] }}（网站服务器上本站的文件夹），或对象存储：[{{ name: oss, s3: {{ endpoint: https://oss-cn-hangzhou.aliyuncs.com, bucket: zwgk }} }}]",
        "add to site.yaml: deploy: {{ targets: [{{ name: web, folder: /var/www/zwgk }}] }} (the site's folder on the web server), or object storage: [{{ name: oss, s3: {{ endpoint: https://oss-cn-hangzhou.aliyuncs.com, bucket: zwgk }} }}]",
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
    (
        "config.deploy_name",
        "发布目标名“{name}”重复",
        "the deploy target name “{name}” is used twice",
    ),
    (
        "config.deploy_name.hint",
        "每个发布目标起一个不同的名字，gongkai deploy --target 按名字选择",
        "give each deploy target its own name: gongkai deploy --target picks it by name",
    ),
    (
        "config.deploy_kind",
        "发布目标“{name}”要写 folder（文件夹）或 s3（对象存储）之一，且只能写一个",
        "the deploy target “{name}” needs exactly one of folder (a folder) and s3 (object storage)",
    ),
    (
        "config.deploy_kind.hint",
        "例如 {{ name: web, folder: D:/www/zwgk }}，或 {{ name: oss, s3: {{ endpoint: https://oss-cn-hangzhou.aliyuncs.com, bucket: zwgk }} }}",
        "e.g. {{ name: web, folder: /var/www/zwgk }}, or {{ name: oss, s3: {{ endpoint: https://oss-cn-hangzhou.aliyuncs.com, bucket: zwgk }} }}",
    ),
    (
        "config.deploy_endpoint",
        "对象存储的 endpoint“{value}”不是 http:// 或 https:// 开头的地址",
        "the object storage endpoint “{value}” is not an http:// or https:// address",
    ),
    (
        "config.deploy_endpoint.hint",
        "写服务的地址，例如 https://oss-cn-hangzhou.aliyuncs.com、https://cos.ap-guangzhou.myqcloud.com 或 http://127.0.0.1:9000（MinIO）",
        "write the service's address, e.g. https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-guangzhou.myqcloud.com or http://127.0.0.1:9000 (MinIO)",
    ),
    (
        "config.deploy_bucket",
        "存储桶名“{value}”无效",
        "the bucket name “{value}” is not valid",
    ),
    (
        "config.deploy_bucket.hint",
        "bucket 只写存储桶的名字（不含 / 和空格）；桶内的文件夹写在 prefix",
        "bucket is the bucket's name alone (no / or spaces); a folder inside it goes in prefix",
    ),
    (
        "config.deploy_precompress",
        "发布目标“{name}”是对象存储，不能用 precompress",
        "the deploy target “{name}” is object storage: precompress does not apply",
    ),
    (
        "config.deploy_precompress.hint",
        "precompress 为 nginx 的 gzip_static 准备 .gz 文件，只用于文件夹目标；对象存储的压缩在 CDN 上开启",
        "precompress writes .gz files for nginx's gzip_static, for folder targets only; turn compression on in the CDN for object storage",
    ),
    (
        "config.deploy_parallel",
        "parallel 至少为 1",
        "parallel must be at least 1",
    ),
    (
        "config.deploy_parallel.hint",
        "parallel 是同时上传的文件数，默认 8",
        "parallel is how many files are uploaded at once (default 8)",
    ),
    (
        "deploy.no_credentials",
        "找不到对象存储的访问密钥",
        "no access key for the object storage was found",
    ),
    (
        "deploy.no_credentials.hint",
        "设置环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY（CI 里用加密的变量），或写在 {file} 的 [{profile}] 中；密钥不要写进 site.yaml",
        "set the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (secret variables in CI), or put them under [{profile}] in {file}; never in site.yaml",
    ),
    (
        "deploy.s3_refused",
        "对象存储拒绝了请求（{status} {code}）：{message}",
        "the object storage refused the request ({status} {code}): {message}",
    ),
    (
        "deploy.s3_refused.auth",
        "检查访问密钥是否正确、是否有这个存储桶的读写权限，以及 region 是否与服务一致",
        "check that the access key is right and may read and write this bucket, and that region matches the service",
    ),
    (
        "deploy.s3_refused.bucket",
        "检查 bucket 的名字和 endpoint；MinIO 等没有自己域名的服务要写 path_style: true",
        "check the bucket's name and the endpoint; services without their own domain (MinIO) need path_style: true",
    ),
    (
        "deploy.s3_refused.other",
        "已经上传的文件完整可用，网站仍是一致的；解决问题后再次运行 gongkai deploy，会补上其余文件",
        "what was uploaded is whole and the site is still consistent; fix the problem and run gongkai deploy again to send the rest",
    ),
    (
        "deploy.s3_garbled",
        "无法读懂对象存储的回复：{error}",
        "the object storage's answer cannot be read: {error}",
    ),
    (
        "deploy.s3_unreachable",
        "连不上对象存储：{error}",
        "the object storage cannot be reached: {error}",
    ),
    (
        "deploy.s3_unreachable.hint",
        "检查 endpoint 地址和网络；已经上传的文件完整可用，再次运行 gongkai deploy 会补上其余文件",
        "check the endpoint and the network; what was uploaded is whole, and running gongkai deploy again sends the rest",
    ),
    (
        "deploy.foreign",
        "存储桶的这个位置还有 {n} 个不是 gongkai 上传的文件（例如 {example}），没有删除",
        "{n} objects at this place in the bucket were not put there by gongkai (e.g. {example}) and were left alone",
    ),
    (
        "deploy.foreign.hint",
        "如果它们是旧网站的文件，确认后在存储桶的控制台删除",
        "if they belong to an old site, delete them in the bucket's console once you are sure",
    ),
];
