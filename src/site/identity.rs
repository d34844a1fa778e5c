//! `identity:` in site.yaml: who runs the site and its registrations
//! (《政府网站发展指引》: the page footer), and the placeholder `gongkai new`
//! leaves where the office must write its own value.

use serde::Deserialize;

/// Who runs the site and its registrations (《政府网站发展指引》: the page
/// footer), shown at the bottom of every page; keys in English or Chinese.
/// A value still holding [`PLACEHOLDER`] (as `gongkai new` writes them) is
/// warned about, and so is a required item left out ([`Identity::REQUIRED`]).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// 主办单位.
    #[serde(default, alias = "主办单位")]
    pub sponsor: Option<String>,
    /// 承办单位 (optional).
    #[serde(default, alias = "承办单位")]
    pub organizer: Option<String>,
    /// 联系电话.
    #[serde(default, alias = "联系电话")]
    pub phone: Option<String>,
    /// 地址.
    #[serde(default, alias = "地址")]
    pub address: Option<String>,
    /// 邮编.
    #[serde(default, alias = "邮编")]
    pub postcode: Option<String>,
    /// 电子邮箱.
    #[serde(default, alias = "电子邮箱")]
    pub email: Option<String>,
    /// 联系方式: anything else, as one line (kept from the first footer).
    #[serde(default, alias = "联系方式")]
    pub contact: Option<String>,
    /// 网站标识码 (ten letters or digits, e.g. `3703020001`, `bm07000001`).
    #[serde(default, alias = "网站标识码")]
    pub site_code: Option<String>,
    /// ICP备案号, linked to the MIIT filing site.
    #[serde(default, alias = "ICP备案号")]
    pub icp: Option<String>,
    /// 公安机关备案号, with its badge, linked to the police filing site.
    #[serde(default, alias = "公安机关备案号", alias = "公安备案号")]
    pub police: Option<String>,
    /// The address of the site's 党政机关网站 标识 certificate page.
    #[serde(default, alias = "党政机关标识")]
    pub dzjg: Option<String>,
    /// Show the 我为政府网站找错 link (needs the 网站标识码); on by default.
    #[serde(default = "yes", alias = "网站纠错")]
    pub correction: bool,
    /// The 无障碍/适老化 statement: a Markdown page under content/ (default:
    /// one gongkai writes from what its pages do).
    #[serde(default, alias = "无障碍声明")]
    pub accessibility: Option<String>,
    /// The 隐私 statement: a Markdown page under content/ (default: one
    /// gongkai writes).
    #[serde(default, alias = "隐私声明")]
    pub privacy: Option<String>,
}

fn yes() -> bool {
    true
}

impl Identity {
    /// Each text item as (English key, Chinese key, value), in footer order.
    pub fn fields(&self) -> [(&'static str, &'static str, Option<&str>); 11] {
        [
            ("sponsor", "主办单位", self.sponsor.as_deref()),
            ("organizer", "承办单位", self.organizer.as_deref()),
            ("phone", "联系电话", self.phone.as_deref()),
            ("address", "地址", self.address.as_deref()),
            ("postcode", "邮编", self.postcode.as_deref()),
            ("email", "电子邮箱", self.email.as_deref()),
            ("contact", "联系方式", self.contact.as_deref()),
            ("site_code", "网站标识码", self.site_code.as_deref()),
            ("icp", "ICP备案号", self.icp.as_deref()),
            ("police", "公安机关备案号", self.police.as_deref()),
            ("dzjg", "党政机关标识", self.dzjg.as_deref()),
        ]
    }

    /// The items an inspection looks for first: warned about when missing.
    pub const REQUIRED: [&'static str; 7] = [
        "sponsor",
        "phone",
        "address",
        "site_code",
        "icp",
        "police",
        "dzjg",
    ];

    /// The 公安机关备案号's digits (`京公网安备 11010502030143号` →
    /// `11010502030143`), for the link to its record.
    pub fn police_code(&self) -> Option<String> {
        let digits: String = self
            .police
            .as_deref()?
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then_some(digits)
    }

    /// Whether a 网站标识码 is well formed: ten ASCII letters or digits.
    pub fn is_site_code(code: &str) -> bool {
        code.len() == 10 && code.bytes().all(|b| b.is_ascii_alphanumeric())
    }

    /// What an inspection would find wrong, item by item, as (English key,
    /// Chinese key, value as written, gap): the one judgement `check`'s
    /// warnings and `gongkai audit` both report. No block at all is
    /// [`Identity::default`], which callers report once.
    pub fn gaps(&self) -> Vec<(&'static str, &'static str, Option<&str>, Gap)> {
        self.fields()
            .into_iter()
            .filter_map(|(key, chinese, value)| {
                let value = value.map(str::trim).filter(|v| !v.is_empty());
                let gap = match value {
                    Some(v) if v.contains(PLACEHOLDER) => Gap::Placeholder,
                    Some(v) if key == "site_code" && !Self::is_site_code(v) => Gap::SiteCode,
                    Some(v)
                        if key == "dzjg"
                            && !(v.starts_with("https://bszs.conac.cn/")
                                || v.starts_with("http://bszs.conac.cn/")) =>
                    {
                        Gap::Certificate
                    }
                    None if Self::REQUIRED.contains(&key) => Gap::Missing,
                    _ => return None,
                };
                Some((key, chinese, value, gap))
            })
            .collect()
    }
}

/// What is wrong with an identity item ([`Identity::gaps`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// A required item is not written.
    Missing,
    /// Still what `gongkai new` wrote ([`PLACEHOLDER`]).
    Placeholder,
    /// The 网站标识码 is not ten letters or digits.
    SiteCode,
    /// The 党政机关 certificate is not on its site (bszs.conac.cn).
    Certificate,
}

/// What `gongkai new` writes where the office must write its own value.
pub const PLACEHOLDER: &str = "待填写";
