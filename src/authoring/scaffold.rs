//! `gongkai new DIR`: a small working site to start from.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const SITE_YAML: &str = r#"# 站点配置：每一项的说明见 README.md 的“site.yaml 参考”。
# 标有“待填写”的地方请改成本单位的真实信息：gongkai check 会一直提醒，
# gongkai build --strict 会因此失败。
title: 某某区人民政府信息公开
# 网站发布后的地址（订阅、sitemap.xml 和分享链接都用它）
base_url: https://www.example.gov.cn/zwgk/
language: zh-CN
page_size: 20
categories:
  - { code: "01", name: 机构职能 }
  - { code: "02", name: 政策文件 }
  - { code: "03", name: 规划计划 }
  - { code: "08", name: 政策解读 }
  - { code: "15", name: 政府信息公开年报 }
  - { code: "99", name: 其他 }
issuers:
  - { code: bgs, name: 某某区人民政府办公室 }
# 政务公开专栏的四个部分（国办公开办函〔2019〕61号）
column:
  guide: _pages/guide.md            # 政府信息公开指南
  rules: _pages/rules.md            # 政府信息公开制度
  reports: "15"                     # 政府信息公开年报所在的信息分类
  mandatory:                        # 法定主动公开内容：《政府信息公开条例》第二十条
    - { item: "（一）行政法规、规章和规范性文件", categories: ["02", "08"] }
    - { item: "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", categories: ["01"] }
    - { item: "（三）国民经济和社会发展规划、专项规划、区域规划及相关政策", categories: ["03"] }
    - { item: "（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", categories: ["99"] }
# 网站信息：每个页面底部显示（《政府网站发展指引》）。带“待填写”的请改成本单位的信息。
identity:
  主办单位: 某某区人民政府办公室（待填写）
  # 承办单位: 某某区大数据中心
  联系电话: 待填写
  地址: 待填写
  邮编: 待填写
  电子邮箱: 待填写
  网站标识码: 待填写
  ICP备案号: 待填写
  公安机关备案号: 待填写
  # 党政机关网站标识证书页面的网址
  党政机关标识: 待填写
# 主题分类：preset 为国务院政策文件库的主题分类（22 个大类及小类）；不需要可删除
subjects: preset
# 政策解读要求：这些类型的文件必须有解读，解读晚于文件发布 3 个工作日以上会提醒
interpretation:
  kinds: [规章, 行政规范性文件]
  within_working_days: 3
# 本单位自己的字段（省里要求的其他项目），例如：
# fields:
#   - { key: region, label: 适用区域, type: enum, values: [城区, 郊区], facet: true }
# gongkai new-doc --category 规划计划 按此规则给新文件编索引号
index_number:
  pattern: "{org}-{category_code}-{year}-{seq:06}"
  org: "0001"
  issuer: 某某区人民政府办公室
"#;

const GUIDE: &str = r#"---
title: 政府信息公开指南
---

为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。
（请按本机关实际情况修改本页，并把“待填写”改成真实信息。）

## 一、主动公开

### （一）公开范围

《条例》第二十条规定的政府信息，以及本机关认为涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，均主动公开，具体内容见“法定主动公开内容”栏目。

### （二）分类和编排体系

本机关主动公开的政府信息按信息分类编排，同一类中按发文日期从新到旧排列；每条信息有唯一的索引号，并可按发布机构、发文年份浏览。

### （三）获取方式

主动公开的政府信息在本网站发布，公众可以在本网站浏览、搜索和下载，也可以到本机关政府信息公开查阅点查阅。属于主动公开范围的政府信息，自该信息形成或者变更之日起20个工作日内予以公开。

## 二、依申请公开

### （一）受理机构

政府信息公开工作机构：某某区人民政府办公室（待填写）

- 办公地址：待填写
- 办公时间：工作日上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）
- 联系电话：待填写
- 传真号码：待填写
- 电子邮箱：待填写

### （二）提出申请

公民、法人或者其他组织可以向本机关申请获取主动公开以外的政府信息。申请人应当填写[政府信息公开申请表](政府信息公开申请表.docx)，可以当面提交，也可以通过信函、传真、电子邮件提交。

### （三）答复

本机关能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。

## 三、监督和救济

公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
"#;

/// The application form the guide offers (《条例》 art. 29 lists what an
/// application states; the form asks for exactly that).
pub const APPLICATION_FORM: &[u8] = include_bytes!("files/政府信息公开申请表.docx");

/// Its file name beside the guide.
pub const APPLICATION_FORM_NAME: &str = "政府信息公开申请表.docx";

const RULES: &str = r#"---
title: 政府信息公开制度
---

（请在此列出本机关的政府信息公开工作制度，例如主动公开、依申请公开、保密审查、考核评议等制度，并链接各制度文件。）
"#;

const FIRST: &str = r#"---
title: 关于印发2026年政务公开工作要点的通知
index_number: 0001-03-2026-000001
issuer: 某某区人民政府办公室
category: 规划计划
date: 2026-03-01
doc_number: 某政办发〔2026〕1号
keywords: [政务公开, 工作要点]
---

各镇人民政府、街道办事处，区政府各部门：

《2026年政务公开工作要点》已经区政府同意，现印发给你们，请认真贯彻执行。

## 一、总体要求

以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。
"#;

const SECOND: &str = r#"---
title: 某某区人民政府办公室主要职责
index_number: 0001-01-2026-000001
issuer: 某某区人民政府办公室
category: 机构职能
date: 2026-01-05
summary: 区政府办公室的主要职责和内设机构。
---

## 主要职责

1. 协助区政府领导同志处理区政府日常工作。
2. 负责全区政务公开工作的组织协调和监督检查。
"#;

/// Why a new site could not be created.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The folder holds files already.
    #[error("{0} is not empty; choose a new folder")]
    NotEmpty(PathBuf),
    /// A folder or file could not be created.
    #[error("cannot create {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl ScaffoldError {
    /// The failure in words, in the run's language.
    pub fn text(&self) -> crate::lang::Text {
        match self {
            ScaffoldError::NotEmpty(dir) => crate::msg!("new.not_empty", dir = dir.display()),
            ScaffoldError::Io { path, source } => {
                crate::msg!("new.io", path = path.display(), error = source)
            }
        }
    }
}

/// Creates a new site in `dir`, which must not exist or be empty.
pub fn create(dir: &Path) -> Result<(), ScaffoldError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ScaffoldError::Io { path, source }
    };
    if dir.exists() && fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
        return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
    }
    let content = dir.join("content");
    let pages = content.join("_pages");
    fs::create_dir_all(&pages).map_err(io(&pages))?;
    let gitignore = "/public\n/.public.gongkai-*\n/.gongkai\n";
    // The column pages carry the day they were last revised (their PubDate).
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    let dated = |text: &str| text.replacen("---\n", &format!("---\nupdated: {today}\n"), 1);
    let (guide, rules) = (dated(GUIDE), dated(RULES));
    for (path, text) in [
        (dir.join("site.yaml"), SITE_YAML),
        (content.join("0001-03-2026-000001.md"), FIRST),
        (content.join("0001-01-2026-000001.md"), SECOND),
        (pages.join("guide.md"), guide.as_str()),
        (pages.join("rules.md"), rules.as_str()),
        (dir.join(".gitignore"), gitignore),
    ] {
        fs::write(&path, text).map_err(io(&path))?;
    }
    let form = pages.join(APPLICATION_FORM_NAME);
    fs::write(&form, APPLICATION_FORM).map_err(io(&form))?;
    Ok(())
}
