//! `gongkai new DIR`: a small working site to start from.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const SITE_YAML: &str = r#"# 站点配置：见 README.md 的 site.yaml 参考
title: 某某区人民政府信息公开
base_url: https://www.example.gov.cn/zwgk/
language: zh-CN
page_size: 20
categories:
  - { code: "01", name: 机构职能 }
  - { code: "02", name: 政策文件 }
  - { code: "03", name: 规划计划 }
  - { code: "08", name: 政策解读 }
  - { code: "99", name: 其他 }
# gongkai new-doc --category 规划计划 按此规则给新文件编索引号
index_number:
  pattern: "{org}-{category_code}-{year}-{seq:06}"
  org: "0001"
  issuer: 某某区人民政府办公室
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
    fs::create_dir_all(&content).map_err(io(&content))?;
    let gitignore = "/public\n/.public.gongkai-*\n/.gongkai\n";
    for (path, text) in [
        (dir.join("site.yaml"), SITE_YAML),
        (content.join("0001-03-2026-000001.md"), FIRST),
        (content.join("0001-01-2026-000001.md"), SECOND),
        (dir.join(".gitignore"), gitignore),
    ] {
        fs::write(&path, text).map_err(io(&path))?;
    }
    Ok(())
}
