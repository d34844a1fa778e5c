//! Working days (工作日): weekends are not, except the make-up days of the
//! State Council's yearly holiday notice; the notice's holidays are not.
//! The notices of recent years ship with gongkai (`holidays.txt`); a site
//! adds a year, or corrects one, with `calendar:` in site.yaml.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use crate::lang::Text;
use crate::msg;

/// The shipped notices.
const SHIPPED: &str = include_str!("holidays.txt");

/// Which days are working days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Days off that would otherwise be working days (and weekends the
    /// notices name, which change nothing).
    off: BTreeSet<NaiveDate>,
    /// Weekend days that are working days.
    work: BTreeSet<NaiveDate>,
    /// Years whose holidays are known.
    years: BTreeSet<i32>,
}

/// `calendar:` as written in site.yaml: days (`2027-01-01`) or ranges
/// (`2027-02-06~2027-02-13`, also with `至`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    #[serde(default, alias = "放假")]
    off: Vec<String>,
    #[serde(default, alias = "调休上班", alias = "上班")]
    work: Vec<String>,
}

impl WorkCalendar {
    /// The shipped notices with the site's additions; problems through
    /// `problem`.
    pub(crate) fn with(raw: Option<RawCalendar>, problem: &mut impl FnMut(&str, Text, Text, &str)) -> Self {
        let mut calendar = Self::shipped();
        let Some(raw) = raw else {
            return calendar;
        };
        for (list, off) in [(&raw.off, true), (&raw.work, false)] {
            for entry in list {
                match days(entry) {
                    Some(days) => {
                        for day in days {
                            calendar.years.insert(day.year());
                            if off {
                                calendar.work.remove(&day);
                                calendar.off.insert(day);
                            } else {
                                calendar.off.remove(&day);
                                calendar.work.insert(day);
                            }
                        }
                    }
                    None => problem(
                        "calendar",
                        msg!("config.calendar", value = entry),
                        msg!("config.calendar.hint"),
                        entry,
                    ),
                }
            }
        }
        calendar
    }

    /// The notices shipped with gongkai.
    pub fn shipped() -> Self {
        let mut calendar = WorkCalendar::default();
        for line in SHIPPED.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace();
            let into = match words.next() {
                Some("off") => &mut calendar.off,
                Some("work") => &mut calendar.work,
                Some(year) => {
                    calendar.years.extend(year.parse::<i32>().ok());
                    continue;
                }
                None => continue,
            };
            into.extend(words.filter_map(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()));
        }
        calendar
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.work.contains(&day) {
            return true;
        }
        !self.off.contains(&day) && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The working days after `from`, up to and including `to` (0 when
    /// `to` is not after `from`): `from` is day 0, as deadlines count.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .count() as u32
    }

    /// The years from `first` to `last` whose holidays are not known
    /// (counted with weekends only).
    pub fn unknown_years(&self, first: i32, last: i32) -> Vec<i32> {
        (first..=last).filter(|y| !self.years.contains(y)).collect()
    }
}

/// The days an entry names: one day, or a range `a~b` / `a至b`.
fn days(entry: &str) -> Option<Vec<NaiveDate>> {
    let parse = |s: &str| {
        let s = s.trim();
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%Y年%m月%d日"))
            .ok()
    };
    match entry.split_once(['~', '至', '～']) {
        Some((a, b)) => {
            let (a, b) = (parse(a)?, parse(b)?);
            (a <= b && (b - a).num_days() < 366).then(|| a.iter_days().take_while(|d| *d <= b).collect())
        }
        None => Some(vec![parse(entry)?]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn the_notices_move_working_days() {
        let c = WorkCalendar::shipped();
        // 2024: 春节 2月10日至17日放假, 2月4日（星期日）、2月18日（星期日）上班.
        assert!(!c.is_working_day(ymd(2024, 2, 12)), "a Monday of the holiday");
        assert!(c.is_working_day(ymd(2024, 2, 4)), "a make-up Sunday");
        assert!(c.is_working_day(ymd(2024, 2, 18)));
        assert!(!c.is_working_day(ymd(2024, 2, 24)), "an ordinary Saturday");
        assert!(c.is_working_day(ymd(2024, 2, 19)), "an ordinary Monday");
        // After 2024-02-01 up to 02-29: 20 weekdays, less the holiday's
        // five (12th–16th), plus the two make-up Sundays.
        let weekdays = ymd(2024, 2, 2)
            .iter_days()
            .take_while(|d| *d <= ymd(2024, 2, 29))
            .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as u32;
        assert_eq!(weekdays, 20);
        assert_eq!(
            c.working_days_between(ymd(2024, 2, 1), ymd(2024, 2, 29)),
            20 - 5 + 2
        );
        assert_eq!(c.working_days_between(ymd(2024, 2, 29), ymd(2024, 2, 1)), 0);
        assert_eq!(c.unknown_years(2016, 2027), [2016, 2027]);
    }

    #[test]
    fn a_site_adds_a_year() {
        let mut problems = Vec::new();
        let raw = RawCalendar {
            off: vec!["2027-02-08~2027-02-10".into(), "2027年13月1日".into()],
            work: vec!["2027-02-14".into()],
        };
        let c = WorkCalendar::with(Some(raw), &mut |_: &str, m: Text, _: Text, _: &str| {
            problems.push(m)
        });
        assert!(!c.is_working_day(ymd(2027, 2, 9)));
        assert!(c.is_working_day(ymd(2027, 2, 14)));
        assert_eq!(problems.len(), 1, "the impossible day is reported");
        assert!(c.unknown_years(2027, 2027).is_empty());
    }
}
