//! A portal (`sources:`): its members, and what harvesting them found.

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    (
        "config.source_code",
        "成员网站代码“{code}”不可用",
        "the member code “{code}” cannot be used",
    ),
    (
        "config.source_code.hint",
        "代码用小写字母、数字和 -，以字母或数字开头，不超过 32 个字符，如 code: hzx；它会出现在文件的索引号和网址中",
        "use lower-case letters, digits and -, starting with a letter or digit, at most 32 characters, e.g. code: hzx; it prefixes the documents' 索引号 and page names",
    ),
    (
        "config.source_name",
        "成员网站“{code}”没有名称",
        "the member “{code}” has no name",
    ),
    (
        "config.source_name.hint",
        "写上单位全称，如 name: 某某县人民政府",
        "give the office's full name, e.g. name: 某某县人民政府",
    ),
    (
        "config.source_twice",
        "成员网站的代码“{code}”或名称“{name}”重复",
        "the member code “{code}” or name “{name}” is used twice",
    ),
    (
        "config.source_twice.hint",
        "每个成员网站的代码和名称都要唯一",
        "each member needs its own code and name",
    ),
    (
        "config.source_level",
        "成员网站“{code}”的层级“{level}”无法识别",
        "the level “{level}” of member “{code}” is not known",
    ),
    (
        "config.source_level.hint",
        "层级写 省、市、县 或 乡 之一",
        "write one of 省, 市, 县, 乡 (province, city, county, township)",
    ),
    (
        "config.source_url",
        "成员网站“{code}”的地址“{url}”不是 http(s) 网址",
        "the address “{url}” of member “{code}” is not an http(s) URL",
    ),
    (
        "config.source_url.hint",
        "写成员网站发布的 catalogue.json 的完整网址，如 url: https://www.example.gov.cn/zwgk/catalogue.json",
        "give the full address of the catalogue.json the member publishes, e.g. url: https://www.example.gov.cn/zwgk/catalogue.json",
    ),
    (
        "config.source_where",
        "成员网站“{code}”要写 folder 或 url 之一（只写一个）",
        "member “{code}” needs exactly one of folder and url",
    ),
    (
        "config.source_where.hint",
        "folder: 已生成网站的文件夹（如 ../hzx/public），或 url: 成员网站 catalogue.json 的网址",
        "folder: the folder of its built site (e.g. ../hzx/public), or url: the address of its catalogue.json",
    ),
    (
        "config.source_field.hint",
        "有 sources: 时，门户自动添加 level（层级）、member（成员单位）和 original_url（原文地址）字段：请给自己声明的字段换一个 key",
        "with sources:, the portal adds the fields level (层级), member (成员单位) and original_url (原文地址): give your own field another key",
    ),
    (
        "portal.unreadable",
        "成员网站“{name}”（{code}）读取失败：{reason}",
        "the member “{name}” ({code}) could not be read: {reason}",
    ),
    (
        "portal.kept.hint",
        "本次沿用上次成功读取的副本（{count} 件文件，{date} 更新）；成员网站恢复后，下次生成自动更新",
        "its last good copy is used ({count} documents, updated {date}); the next build after the member is fixed picks up its changes",
    ),
    (
        "portal.none.hint",
        "门户还没有该成员的副本，本次不含它的文件；检查 site.yaml 中的 folder 或 url，以及成员网站是否已生成",
        "the portal has no copy of it yet, so none of its documents are in this build; check its folder or url in site.yaml and that the member's site is built",
    ),
    (
        "portal.unwritable",
        "无法保存成员网站“{name}”的副本：{error}",
        "the copy of member “{name}” cannot be saved: {error}",
    ),
    (
        "portal.unwritable.hint",
        "检查磁盘空间和网站文件夹下 .gongkai 的写入权限",
        "check the disk space and that .gongkai in the site folder can be written",
    ),
    (
        "summary.portal",
        "成员网站 {members} 个（{changed} 个有更新，{failed} 个读取失败），共 {documents} 件文件；本次写入 {written} 件、删除 {removed} 件",
        "{members} member sites ({changed} changed, {failed} unreadable), {documents} documents; this build wrote {written} copies and removed {removed}",
    ),
    (
        "portal.document",
        "成员网站“{name}”的文件“{index_number}”未收录：{reason}",
        "the document “{index_number}” of member “{name}” is left out: {reason}",
    ),
    (
        "portal.document.hint",
        "这是成员网站发布的内容的问题，请成员单位更正后重新生成；门户的其他文件不受影响",
        "the problem is in what the member published: ask the member to correct it and build again; the portal's other documents are not affected",
    ),
];
