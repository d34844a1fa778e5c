//! Parses the date forms Chinese government pages use (2017-07-18, 2017-7-18,
//! 2017/7/18, 2017.7.18, 2017年7月18日) into a calendar date.

use chrono::NaiveDate;

/// Why a date could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not in one of the accepted forms.
    #[error("`{0}` is not a date")]
    Form(String),
    /// In an accepted form but not a day of the calendar (2017-02-30).
    #[error("`{0}` is not a day of the calendar")]
    Impossible(String),
}

impl DateError {
    /// The reason in the run's language.
    pub fn text(&self) -> crate::lang::Text {
        match self {
            DateError::Form(text) => crate::msg!("date.form", text = text),
            DateError::Impossible(text) => crate::msg!("date.impossible", text = text),
        }
    }
}

/// Parses one of the accepted forms; full-width digits are accepted too.
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let form = || DateError::Form(text.to_owned());
    let folded: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        })
        .collect();
    let parts: Vec<&str> = if let Some(rest) = folded.strip_suffix('日') {
        let (y, rest) = rest.split_once('年').ok_or_else(form)?;
        let (m, d) = rest.split_once('月').ok_or_else(form)?;
        vec![y, m, d]
    } else {
        let sep = ['-', '/', '.']
            .into_iter()
            .find(|s| folded.contains(*s))
            .ok_or_else(form)?;
        folded.split(sep).collect()
    };
    let [y, m, d] = parts.as_slice() else {
        return Err(form());
    };
    let number = |s: &str, max_len: usize| -> Result<u32, DateError> {
        let s = s.trim();
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(form());
        }
        s.parse().map_err(|_| form())
    };
    let (y, m, d) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
    if y < 1000 {
        return Err(form());
    }
    let year = i32::try_from(y).map_err(|_| form())?;
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| DateError::Impossible(text.to_owned()))
}

/// The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else
/// today. It decides which documents `valid_until` has made 已失效.
pub fn build_date() -> chrono::NaiveDate {
    source_date_epoch().map_or_else(|| chrono::Local::now().date_naive(), |t| t.date_naive())
}

pub(crate) fn source_date_epoch() -> Option<chrono::DateTime<chrono::Utc>> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn accepts_every_form() {
        for text in [
            "2017-07-18",
            "2017-7-18",
            "2017/7/18",
            "2017.7.18",
            "2017年7月18日",
            "2017年07月18日",
            " 2017-07-18 ",
            "２０１７－０７－１８",
        ] {
            assert_eq!(parse(text), Ok(ymd(2017, 7, 18)), "{text}");
        }
    }

    #[test]
    fn rejects_impossible_and_malformed() {
        assert_eq!(
            parse("2017-02-30"),
            Err(DateError::Impossible("2017-02-30".into()))
        );
        assert_eq!(parse("2016-02-29"), Ok(ymd(2016, 2, 29)));
        for text in [
            "201769",
            "2017-7",
            "17-7-18",
            "2017-07-18T10:00",
            "2017年7月",
            "",
            "2017-x-1",
        ] {
            assert!(matches!(parse(text), Err(DateError::Form(_))), "{text}");
        }
    }
}
