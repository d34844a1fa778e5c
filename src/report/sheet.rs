//! A register's rows, read one at a time: CSV (UTF-8, with or without a
//! BOM, streamed; GB18030 as Excel on Chinese Windows saves it, decoded
//! first) or a spreadsheet (xlsx, xls, ods: its first sheet, through
//! calamine). The first row names the columns; only the columns a caller
//! asks for are read, so the rest of a register (names, addresses, what
//! was asked) is never kept.

use std::io::Read;
use std::path::Path;

use calamine::Reader;

use crate::authoring::import::register::cell;

use crate::diagnostic::Diagnostic;
use crate::msg;

/// The columns a caller reads: for each, the headings it may be written
/// under, and whether the register must have it.
pub(super) struct Wanted<'a> {
    /// Headings, Chinese first (the first is shown in messages).
    pub(super) names: &'a [&'a str],
    /// Whether a register without it is an error.
    pub(super) required: bool,
}

impl<'a> Wanted<'a> {
    /// A column the register must have.
    pub(super) const fn need(names: &'a [&'a str]) -> Self {
        Wanted {
            names,
            required: true,
        }
    }

    /// A column the register may have.
    pub(super) const fn may(names: &'a [&'a str]) -> Self {
        Wanted {
            names,
            required: false,
        }
    }
}

/// Calls `each(row, cells)` for every row after the headings, `row` being
/// its number in the file (the headings are row 1) and `cells[i]` the cell
/// of `wanted[i]` (empty when the register lacks the column or the cell).
pub(super) fn read(
    path: &Path,
    wanted: &[Wanted<'_>],
    mut each: impl FnMut(u32, &[&str]),
) -> Result<(), Vec<Diagnostic>> {
    let unreadable =
        |e: &dyn std::fmt::Display| vec![Diagnostic::error(path, msg!("error.unreadable", error = e))];
    let ext = crate::content::attachment::extension(&path.to_string_lossy());
    if ext == "csv" || ext == "txt" {
        let mut file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
        let mut head = vec![0u8; 64 * 1024];
        let n = read_up_to(&mut file, &mut head).map_err(|e| unreadable(&e))?;
        head.truncate(n);
        let utf8 = match std::str::from_utf8(&head) {
            Ok(_) => true,
            // A character cut by the 64 KB boundary is still UTF-8.
            Err(e) => e.error_len().is_none(),
        };
        if utf8 {
            let stream = std::io::Cursor::new(head).chain(file);
            return csv_rows(
                path,
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(stream),
                wanted,
                &mut each,
            );
        }
        let mut rest = Vec::new();
        file.read_to_end(&mut rest).map_err(|e| unreadable(&e))?;
        head.extend(rest);
        let (text, _, _) = encoding_rs::GB18030.decode(&head);
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        return csv_rows(path, reader, wanted, &mut each);
    }
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| {
        vec![Diagnostic::error(path, msg!("register.sheet", error = e)).hint(msg!("register.sheet.hint"))]
    })?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| vec![Diagnostic::error(path, msg!("register.no_sheet"))])?
        .map_err(|e| vec![Diagnostic::error(path, msg!("register.first_sheet", error = e))])?;
    let mut rows = range.rows();
    let headings: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(cell).collect())
        .unwrap_or_default();
    let columns = columns(path, &headings, wanted)?;
    let mut texts: Vec<String> = Vec::new();
    for (i, row) in rows.enumerate() {
        texts.clear();
        texts.extend(
            columns
                .iter()
                .map(|c| c.and_then(|c| row.get(c)).map(cell).unwrap_or_default()),
        );
        let cells: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        each(u32::try_from(i + 2).unwrap_or(u32::MAX), &cells);
    }
    Ok(())
}

/// Fills `buf` as far as the reader goes; returns how much it filled.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn csv_rows<R: Read>(
    path: &Path,
    mut reader: csv::Reader<R>,
    wanted: &[Wanted<'_>],
    each: &mut impl FnMut(u32, &[&str]),
) -> Result<(), Vec<Diagnostic>> {
    let mut record = csv::StringRecord::new();
    let bad =
        |e: csv::Error, row: u32| vec![Diagnostic::error(path, msg!("register.csv", error = e)).at(row)];
    if !reader.read_record(&mut record).map_err(|e| bad(e, 1))? {
        return Err(columns(path, &[], wanted).err().unwrap_or_default());
    }
    let headings: Vec<String> = record
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let columns = columns(path, &headings, wanted)?;
    let mut row = 1u32;
    loop {
        row += 1;
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => return Err(bad(e, row)),
        }
        let cells: Vec<&str> = columns
            .iter()
            .map(|c| c.and_then(|c| record.get(c)).unwrap_or("").trim())
            .collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        each(row, &cells);
    }
}

/// The position of each wanted column; a required one missing is an error
/// naming what the register has.
fn columns(
    path: &Path,
    headings: &[String],
    wanted: &[Wanted<'_>],
) -> Result<Vec<Option<usize>>, Vec<Diagnostic>> {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    let headings: Vec<String> = headings.iter().map(|h| norm(h)).collect();
    let mut problems = Vec::new();
    let columns = wanted
        .iter()
        .map(|w| {
            let at = headings
                .iter()
                .position(|h| w.names.iter().any(|n| norm(n) == *h));
            if at.is_none() && w.required {
                problems.push(
                    Diagnostic::error(path, msg!("register.column_missing", column = w.names[0]))
                        .at(1)
                        .hint(msg!(
                            "register.column_missing.hint",
                            names = w.names.join("、"),
                            found = headings.join("、")
                        )),
                );
            }
            at
        })
        .collect();
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}
