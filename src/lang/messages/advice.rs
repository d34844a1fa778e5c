//! Warnings: mistakes a citizen would see (`--strict` makes them errors).

/// (code, 中文, English).
pub(super) static MESSAGES: &[(&str, &str, &str)] = &[
    (
        "advice.base_url",
        "base_url 还是示例地址 {url}：订阅、sitemap.xml 和分享出去的链接都会指向它",
        "base_url is still the example address {url}: feeds, sitemap.xml and shared links would point there",
    ),
    (
        "advice.base_url.hint",
        "把 base_url 改为网站发布后的地址，例如 https://www.某某区.gov.cn/zwgk/",
        "set base_url to the address the site is published at",
    ),
    (
        "advice.footer",
        "还是占位内容：{value}",
        "still a placeholder: {value}",
    ),
    (
        "advice.footer.hint",
        "改成本单位的真实信息（site.yaml 的 identity: 写每个页面底部的主办单位、联系方式、网站标识码和备案号）",
        "write the office's own details (site.yaml's identity: is what every page's footer shows: sponsor, contact, site code, registrations)",
    ),
    (
        "config.report_deadline",
        "report_deadline“{day}”不是“月-日”",
        "report_deadline `{day}` is not a month and day",
    ),
    (
        "config.report_deadline.hint",
        "写作 \"01-31\"（政府部门）或 \"03-31\"（县级以上人民政府）",
        "write \"01-31\" (a government department) or \"03-31\" (a county or higher government)",
    ),
    (
        "advice.identity_absent",
        "site.yaml 没有网站信息（identity:）：政府网站每个页面底部应当有主办单位、联系方式、网站标识码、ICP备案号、公安机关备案号和党政机关网站标识（《政府网站发展指引》）",
        "site.yaml has no identity: block: every page of a government website must show its sponsor, contact, site code, ICP and police registrations and 党政机关 certificate (政府网站发展指引)",
    ),
    (
        "advice.identity_absent.hint",
        "加上 identity: 一节，写法见 README 的“site.yaml 参考”，或参照 gongkai new 生成的 site.yaml",
        "add an identity: section (see README.en.md, site.yaml reference, or the site.yaml gongkai new writes)",
    ),
    (
        "advice.identity_missing",
        "网站信息缺少“{name}”：政府网站的每个页面底部都应当有它（《政府网站发展指引》）",
        "the site identity has no {name}: every page of a government website must show it at the bottom (政府网站发展指引)",
    ),
    (
        "advice.identity_missing.hint",
        "在 site.yaml 的 identity: 下加一行 `{key}: …`",
        "add a line `{key}: …` under identity: in site.yaml",
    ),
    (
        "advice.site_code",
        "网站标识码“{code}”不是 10 位字母或数字",
        "the site code `{code}` is not ten letters or digits",
    ),
    (
        "advice.site_code.hint",
        "网站标识码由全国政府网站信息报送系统分配，例如 3703020001、bm07000001；照原样填写",
        "the site code is assigned by the national government-website register, e.g. 3703020001 or bm07000001; copy it as issued",
    ),
    (
        "advice.dzjg",
        "党政机关标识“{url}”不是党政机关网站标识证书网站（bszs.conac.cn）上的网址",
        "the 党政机关 certificate `{url}` is not an address on the certificate site (bszs.conac.cn)",
    ),
    (
        "advice.dzjg.hint",
        "填写党政机关网站标识证书页面的完整网址，例如 https://bszs.conac.cn/sitename?method=show&id=…",
        "write the full address of the site's 党政机关 certificate page (starting https://)",
    ),
    (
        "advice.guide",
        "政府信息公开指南没有写明“{element}”（《政府信息公开条例》第十二条）",
        "the 政府信息公开指南 does not state {element} (政府信息公开条例 art. 12)",
    ),
    (
        "advice.guide.hint",
        "在指南中补写这一项；检查按这些词识别：{words}",
        "add it to the guide; the check looks for one of: {words}",
    ),
    (
        "advice.guide_placeholder",
        "政府信息公开指南中还有“待填写”的内容",
        "the 政府信息公开指南 still holds 待填写 placeholders",
    ),
    (
        "advice.guide_form",
        "政府信息公开指南没有提供申请表下载",
        "the 政府信息公开指南 offers no application form to download",
    ),
    (
        "advice.guide_form.hint",
        "把申请表（文件名含“申请表”，如 政府信息公开申请表.docx）放在指南旁边，在指南中链接它：[下载申请表](政府信息公开申请表.docx)",
        "put the form (a file named with 申请表, e.g. 政府信息公开申请表.docx) beside the guide and link it: [download the form](政府信息公开申请表.docx)",
    ),
    (
        "advice.issuer",
        "发布机构“{issuer}”没有在 site.yaml 的 issuers 中声明",
        "the issuer `{issuer}` is not declared under issuers in site.yaml",
    ),
    (
        "advice.issuer.hint",
        "已声明的发布机构：{names}",
        "declared issuers: {names}",
    ),
    (
        "advice.empty_body",
        "正文是空的，也没有附件：公开的页面上只有标题",
        "the body is empty and there is no attachment: the page shows only a title",
    ),
    (
        "advice.empty_body.hint",
        "在第二个 `---` 之后写正文，或用 附件: 附上原文",
        "write the text after the second `---`, or attach the original with attachments:",
    ),
    (
        "advice.future_date",
        "发文日期 {date} 比今天（{today}）晚一年以上",
        "the date {date} is more than a year after today ({today})",
    ),
    (
        "advice.future_date.hint",
        "核对年份，可能是输入错误",
        "check the year: it may be a typo",
    ),
];
