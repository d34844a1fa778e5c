//! The site's 索引号 pattern (site.yaml `index_number.pattern`), e.g.
//! `{org}-{category_code}-{year}-{seq:06}`: formats the next number and
//! finds the numbers already taken.

use regex::Regex;

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Org,
    CategoryCode,
    Year,
    Month,
    /// The running number, zero-padded to this width.
    Seq(usize),
}

/// A parsed `index_number.pattern`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
}

/// What fills a pattern's placeholders, apart from the running number.
#[derive(Clone, Debug)]
pub struct Values<'a> {
    /// `{org}`: the organisation code from site.yaml.
    pub org: &'a str,
    /// `{category_code}`: the category's code, e.g. `03`.
    pub category_code: &'a str,
    /// `{year}`: four digits.
    pub year: i32,
    /// `{month}`: two digits.
    pub month: u32,
}

impl Pattern {
    /// Parses a pattern; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Pattern, crate::lang::Text> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_owned()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| crate::msg!("pattern.unclosed", text = text))?;
            let name = &rest[open + 1..open + close];
            pieces.push(match name {
                "org" => Piece::Org,
                "category_code" => Piece::CategoryCode,
                "year" => Piece::Year,
                "month" => Piece::Month,
                "seq" => Piece::Seq(1),
                _ => match name.strip_prefix("seq:0").map(str::parse::<usize>) {
                    Some(Ok(width)) if (1..=12).contains(&width) => Piece::Seq(width),
                    _ => {
                        return Err(crate::msg!("pattern.unknown", name = name));
                    }
                },
            });
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        let seqs = pieces.iter().filter(|p| matches!(p, Piece::Seq(_))).count();
        if seqs != 1 {
            return Err(crate::msg!("pattern.seq_count", text = text, count = seqs));
        }
        let adjacent = pieces.windows(2).any(|w| {
            let placeholder = |p: &Piece| !matches!(p, Piece::Text(_));
            placeholder(&w[0])
                && placeholder(&w[1])
                && (matches!(w[0], Piece::Seq(_)) || matches!(w[1], Piece::Seq(_)))
        });
        if adjacent {
            return Err(crate::msg!("pattern.seq_adjacent", text = text));
        }
        Ok(Pattern { pieces })
    }

    /// Whether the pattern uses `{org}`.
    pub fn uses_org(&self) -> bool {
        self.pieces.contains(&Piece::Org)
    }

    /// The index number with running number `seq`.
    pub fn format(&self, values: &Values<'_>, seq: u64) -> String {
        self.pieces.iter().map(|p| piece_text(p, values, seq)).collect()
    }

    /// The next free running number for `values`, given every text that may
    /// mention a taken number (documents' front-matter and links alike).
    pub fn next_seq<'t>(&self, values: &Values<'_>, texts: impl IntoIterator<Item = &'t str>) -> u64 {
        let mut regex = String::from(r"(?:^|[^0-9A-Za-z])");
        for piece in &self.pieces {
            match piece {
                Piece::Seq(_) => regex.push_str(r"([0-9]+)"),
                other => regex.push_str(&regex::escape(&piece_text(other, values, 0))),
            }
        }
        regex.push_str(r"(?:$|[^0-9A-Za-z])");
        let Ok(regex) = Regex::new(&regex) else { return 1 };
        let taken = texts
            .into_iter()
            .flat_map(|t| regex.captures_iter(t).collect::<Vec<_>>())
            .filter_map(|c| c.get(1).and_then(|m| m.as_str().parse::<u64>().ok()))
            .max();
        taken.map_or(1, |n| n.saturating_add(1))
    }
}

/// What one piece stands for, with running number `seq`.
fn piece_text(piece: &Piece, values: &Values<'_>, seq: u64) -> String {
    match piece {
        Piece::Text(t) => t.clone(),
        Piece::Org => values.org.to_owned(),
        Piece::CategoryCode => values.category_code.to_owned(),
        Piece::Year => format!("{:04}", values.year),
        Piece::Month => format!("{:02}", values.month),
        Piece::Seq(width) => format!("{seq:0width$}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values<'static> {
        Values {
            org: "0101",
            category_code: "03",
            year: 2026,
            month: 3,
        }
    }

    #[test]
    fn formats_and_finds_the_next_number() {
        let p = Pattern::parse("{org}-{category_code}-{year}-{seq:06}").expect("pattern");
        assert_eq!(p.format(&values(), 7), "0101-03-2026-000007");
        assert_eq!(p.next_seq(&values(), ["nothing here"]), 1);
        let texts = [
            "index_number: 0101-03-2026-000009\n",
            "索引号: 0101-03-2026-000010",
            "[链接](idx:0101-03-2026-000004)",
            // Another category, year or org does not count.
            "0101-04-2026-000099 0101-03-2025-000099 10101-03-2026-000099 0101-03-2026-0000999x",
        ];
        assert_eq!(p.next_seq(&values(), texts), 11);
    }

    #[test]
    fn rejects_bad_patterns() {
        for bad in [
            "{org}-{year}",
            "{seq}-{seq}",
            "{org}{seq}",
            "{name}-{seq}",
            "{seq:6}",
            "{seq",
        ] {
            assert!(Pattern::parse(bad).is_err(), "{bad}");
        }
        let p = Pattern::parse("ZC-{year}{month}-{seq}").expect("pattern");
        assert!(!p.uses_org());
        assert_eq!(p.format(&values(), 12), "ZC-202603-12");
    }
}
