//! Bounds on an old Excel file (`.xls`, or any OLE compound file such as a password-protected
//! `.xlsx`), measured on the bytes the way calamine 0.38 reads them, before calamine does.
//!
//! calamine reads an OLE file in two steps, both of which can ask for far more memory or time
//! than a damaged file holds: its compound-file reader (`cfb.rs`, run by `Xlsx::new` to look
//! for a password and again by `Xls::new`) follows sector chains until they end, and its BIFF
//! reader (`Xls::parse_workbook`) builds one dense grid per sheet and clones a shared string
//! for every cell that names it. Both steps are repeated here, without keeping any cell, so
//! that the bounds are measured on the very records calamine will see. (The `cfb` crate was
//! used here before; it refuses some damaged files that calamine reads all the same, and the
//! fuzzer found one whose sheet grid it therefore never measured: 56 KB asking for 22 GB.)

use std::path::Path;

use super::InputError;
use super::limits::{Limit, MAX_CELLS, MAX_TEXT};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;

/// Why the compound file was not read to its workbook stream.
enum Stop {
    /// calamine stops here too, with an error or a panic it is caught in, before allocating
    /// more than the file holds: it reports the file itself.
    Calamine,
    /// calamine would go on without bound: the file is refused with this reason.
    Refuse(String),
}

/// The `Workbook` (or `Book`) stream of an OLE file as calamine reads it, or `None` when
/// calamine reads none (it then reports the file as it is: damaged, or an encrypted xlsx). A
/// file calamine would read without bound is refused as damaged.
pub(super) fn workbook_stream(bytes: &[u8], path: &Path) -> Result<Option<Vec<u8>>, InputError> {
    match Compound::open(bytes).and_then(|mut file| file.workbook()) {
        Ok(stream) => Ok(Some(stream)),
        Err(Stop::Calamine) => Ok(None),
        Err(Stop::Refuse(why)) => Err(InputError::Damaged(path.to_path_buf(), why)),
    }
}

/// calamine's `Sectors`: the sectors read so far, from the file as one sequential reader
/// (sector `id` is whatever `id * size` bytes past the header the reader had given).
struct Sectors {
    data: Vec<u8>,
    size: usize,
    maxid: u32,
}

impl Sectors {
    fn get(&mut self, id: u32, reader: &mut &[u8]) -> Result<&[u8], Stop> {
        if self.maxid < id {
            return Err(Stop::Calamine);
        }
        let start = id as usize * self.size;
        let end = start + self.size;
        if end > self.data.len() {
            let len = self.data.len();
            self.data.resize(end, 0);
            let n = reader.len().min(end - len);
            self.data[len..len + n].copy_from_slice(&reader[..n]);
            *reader = &reader[n..];
            if len + n < end {
                // Short of the end of the file: calamine hands out what there is (and
                // panics when that starts past it).
                return self.data.get(start..len + n).ok_or(Stop::Calamine);
            }
        }
        Ok(&self.data[start..end])
    }

    /// A chain of sectors up to `len` bytes. calamine follows a chain until it ends or `len`
    /// is reached, so a chain that runs in a loop takes all memory (or, through sectors past
    /// the end of the file, all time): a chain longer than the sectors there are is refused.
    fn chain(
        &mut self,
        mut id: u32,
        fats: &[u32],
        reader: &mut &[u8],
        len: usize,
    ) -> Result<Vec<u8>, Stop> {
        let mut chain = Vec::new();
        let mut sectors = 0u64;
        while id != ENDOFCHAIN {
            sectors += 1;
            if sectors > u64::from(self.maxid) + 1 {
                return Err(Stop::Refuse(format!(
                    "a chain of {}-byte sectors in the OLE file runs in a loop",
                    self.size
                )));
            }
            let sector = self.get(id, reader)?;
            let take = sector.len().min(len - chain.len());
            chain.extend_from_slice(&sector[..take]);
            if chain.len() >= len {
                break;
            }
            id = *fats.get(id as usize).ok_or(Stop::Calamine)?;
        }
        Ok(chain)
    }
}

/// calamine's `Cfb`: the directory and the tables of the compound file.
struct Compound<'a> {
    reader: &'a [u8],
    sectors: Sectors,
    fats: Vec<u32>,
    minis: Sectors,
    mini_fats: Vec<u32>,
    directory: Vec<(String, u32, usize)>,
}

impl<'a> Compound<'a> {
    /// calamine's `Cfb::new`.
    fn open(bytes: &'a [u8]) -> Result<Self, Stop> {
        let header = bytes.get(..512).ok_or(Stop::Calamine)?;
        let u16_at = |i: usize| u16::from_le_bytes([header[i], header[i + 1]]);
        let u32_at =
            |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
        let size = match u16_at(30) {
            0x0009 => 512,
            0x000C => 4096,
            _ => return Err(Stop::Calamine),
        };
        if u16_at(32) != 0x0006 || bytes.len() < size {
            return Err(Stop::Calamine);
        }
        let version = u16_at(26);
        let dir_start = u32_at(48);
        let mini_fat_start = u32_at(60);
        let mini_fat_len = u32_at(64) as usize;
        let difat_start = u32_at(68);
        let mut difat = words(&header[76..512])?;
        let maxid = bytes.len() / size;
        let mut reader = &bytes[size..];
        let mut sectors = Sectors {
            data: Vec::new(),
            size,
            maxid: maxid as u32,
        };

        let mut id = difat_start;
        let mut difat_sectors = 0usize;
        while id < RESERVED_SECTORS {
            difat_sectors += 1;
            if difat_sectors > maxid.saturating_add(1) {
                return Err(Stop::Calamine);
            }
            difat.extend(words(sectors.get(id, &mut reader)?)?);
            id = difat.pop().ok_or(Stop::Calamine)?;
        }
        // calamine reads every sector the DIFAT lists into one table, however often it is
        // listed: more than the header's 109 places and the file's sectors is a damaged file.
        let fat_sectors: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
        if fat_sectors.len() > 109 + maxid + 1 {
            return Err(Stop::Refuse(format!(
                "the OLE sector table is listed as {} sectors in a file of {}",
                fat_sectors.len(),
                maxid + 1
            )));
        }
        let mut fats = Vec::new();
        for id in fat_sectors {
            fats.extend(words(sectors.get(id, &mut reader)?)?);
        }

        let entries = sectors.chain(dir_start, &fats, &mut reader, usize::MAX)?;
        let directory: Vec<(String, u32, usize)> = entries
            .chunks_exact(128)
            .map(|entry| {
                let mut name = encoding_rs::UTF_16LE.decode(&entry[..64]).0.into_owned();
                if let Some(nul) = name.bytes().position(|b| b == 0) {
                    name.truncate(nul);
                }
                let at = |i: usize| [entry[i], entry[i + 1], entry[i + 2], entry[i + 3]];
                let start = u32::from_le_bytes(at(116));
                let len = if size == 512 {
                    u32::from_le_bytes(at(120)) as u64
                } else {
                    u64::from_le_bytes([
                        entry[120], entry[121], entry[122], entry[123], entry[124], entry[125],
                        entry[126], entry[127],
                    ])
                };
                (name, start, usize::try_from(len).unwrap_or(usize::MAX))
            })
            .collect();
        let Some(&(_, root_start, root_len)) = directory.first() else {
            return Err(Stop::Calamine);
        };
        if version != 3 && root_start == ENDOFCHAIN {
            return Err(Stop::Calamine);
        }

        let (mini_fats, ministream) = if mini_fat_len > 0 {
            let ministream = sectors.chain(root_start, &fats, &mut reader, root_len)?;
            let minifat = sectors.chain(
                mini_fat_start,
                &fats,
                &mut reader,
                mini_fat_len.saturating_mul(size),
            )?;
            (words(&minifat)?, ministream)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Compound {
            reader,
            sectors,
            fats,
            minis: Sectors {
                data: ministream,
                size: 64,
                maxid: (maxid * 8) as u32,
            },
            mini_fats,
            directory,
        })
    }

    /// calamine's `get_stream("Workbook")`, then `get_stream("Book")` when that fails.
    fn workbook(&mut self) -> Result<Vec<u8>, Stop> {
        match self.stream("Workbook") {
            Err(Stop::Calamine) => self.stream("Book"),
            other => other,
        }
    }

    fn stream(&mut self, name: &str) -> Result<Vec<u8>, Stop> {
        let &(_, start, len) = self
            .directory
            .iter()
            .find(|(n, ..)| n.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .ok_or(Stop::Calamine)?;
        if len < 4096 {
            self.minis
                .chain(start, &self.mini_fats, &mut self.reader, len)
        } else {
            self.sectors.chain(start, &self.fats, &mut self.reader, len)
        }
    }
}

/// Little-endian 32-bit words (calamine asserts a whole number of them).
fn words(bytes: &[u8]) -> Result<Vec<u32>, Stop> {
    if !bytes.len().is_multiple_of(4) {
        return Err(Stop::Calamine);
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect())
}

/// One BIFF record as calamine's `RecordIter` reads it, with the CONTINUE records after it.
struct Record<'a> {
    kind: u16,
    body: &'a [u8],
    /// The CONTINUE records (0x003C), headers included.
    more: &'a [u8],
}

impl Record<'_> {
    fn u16_at(&self, i: usize) -> Option<u64> {
        Some(u16::from_le_bytes([*self.body.get(i)?, *self.body.get(i + 1)?]) as u64)
    }

    fn u32_at(&self, i: usize) -> Option<u64> {
        let b = self.body.get(i..i + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
    }
}

/// calamine's `RecordIter`: `Err` where calamine stops with an error (a record that runs
/// past the end of the stream).
struct Records<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<(Record<'a>, usize), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.rest;
        if s.len() < 4 {
            return (!s.is_empty()).then_some(Err(()));
        }
        let kind = u16::from_le_bytes([s[0], s[1]]);
        let len = u16::from_le_bytes([s[2], s[3]]) as usize;
        if s.len() < len + 4 {
            return Some(Err(()));
        }
        let mut end = len + 4;
        let is_continue = |at: usize| s.len() > at + 4 && s[at] == 0x3C && s[at + 1] == 0;
        if is_continue(end) {
            while is_continue(end) {
                let len = u16::from_le_bytes([s[end + 2], s[end + 3]]) as usize;
                if s.len() < end + len + 4 {
                    return Some(Err(()));
                }
                end += len + 4;
            }
        }
        self.rest = &s[end..];
        let record = Record {
            kind,
            body: &s[4..len + 4],
            more: &s[len + 4..end],
        };
        Some(Ok((record, end)))
    }
}

/// The CONTINUE records' bodies.
fn continues(more: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = more;
    while rest.len() >= 4 {
        let len = u16::from_le_bytes([rest[2], rest[3]]) as usize;
        parts.push(&rest[4..4 + len]);
        rest = &rest[4 + len..];
    }
    parts
}

/// A record's data as calamine's `Record` hands it out, CONTINUE after CONTINUE.
struct Reading<'a> {
    data: &'a [u8],
    more: std::vec::IntoIter<&'a [u8]>,
}

impl Reading<'_> {
    fn next_continue(&mut self) -> bool {
        self.more.next().map(|d| self.data = d).is_some()
    }

    fn skip(&mut self, mut len: usize) -> Option<()> {
        while len > 0 {
            if self.data.is_empty() && !self.next_continue() {
                return None;
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        Some(())
    }
}

/// The length in characters of each string of a shared-strings (SST) record, read as
/// calamine's `parse_sst` reads them; `None` where calamine stops with an error or a panic.
fn sst_lengths(record: &Record<'_>) -> Option<Vec<u64>> {
    let mut r = Reading {
        data: record.body.get(8..)?,
        more: continues(record.more).into_iter(),
    };
    let mut lengths = Vec::new();
    while !r.data.is_empty() || r.next_continue() {
        if r.data.is_empty() {
            lengths.push(0);
            continue;
        }
        let [lo, hi, flags, ..] = *r.data else {
            return None;
        };
        let chars = u16::from_le_bytes([lo, hi]) as usize;
        r.data = &r.data[3..];
        let mut wide = flags & 0x1 != 0;
        let mut runs = 0;
        if flags & 0x8 != 0 {
            runs = u16::from_le_bytes([*r.data.first()?, *r.data.get(1)?]) as usize;
            r.data = &r.data[2..];
        }
        let mut extra = 0;
        if flags & 0x4 != 0 {
            let b = r.data.get(..4)?;
            extra = i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
            r.data = &r.data[4..];
        }
        let mut left = chars;
        while left > 0 {
            let (n, bytes) = if wide {
                let n = (r.data.len() / 2).min(left);
                (n, 2 * n)
            } else {
                let n = r.data.len().min(left);
                (n, n)
            };
            r.data = &r.data[bytes..];
            left -= n;
            if left > 0 {
                if !r.next_continue() {
                    return None;
                }
                wide = *r.data.first()? & 0x1 != 0;
                r.data = &r.data[1..];
            }
        }
        r.skip(runs * 4)?;
        r.skip(extra)?;
        lengths.push(chars as u64);
    }
    Some(lengths)
}

/// The rows and columns between the first and the last cell, as `Range::from_sparse` spans them.
#[derive(Default)]
struct Grid {
    span: Option<[u64; 4]>,
}

impl Grid {
    fn add(&mut self, row: u64, first: u64, last: u64) {
        let [r0, r1, c0, c1] = self.span.get_or_insert([row, row, first, last]);
        *r0 = (*r0).min(row);
        *r1 = (*r1).max(row);
        *c0 = (*c0).min(first);
        *c1 = (*c1).max(last);
    }

    fn cells(&self) -> u64 {
        self.span.map_or(0, |[r0, r1, c0, c1]| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        })
    }
}

/// Checks the workbook stream of an `.xls` file before calamine reads it. For each sheet
/// the globals list, calamine reads the records from where the list says the sheet starts
/// and makes a dense grid of its cells and one of its formulas, from the first to the last;
/// it reserves room for the grid a DIMENSIONS record declares before reading any cell; and
/// every cell that names a shared string gets a copy of it. A damaged or hostile file can
/// place a value anywhere, declare any grid, point many sheets at the same records or at one
/// long string (the fuzzer found 56 KB asking for 17.8 GB, then for 343 GB, then for 22 GB).
/// So the sheets are read as calamine reads them, and a workbook whose grids together pass
/// [`MAX_CELLS`], whose copied strings pass [`MAX_TEXT`], or whose sheets overlap so that
/// reading them would take far longer than reading the file, is refused.
pub(super) fn check_grid(stream: &[u8], path: &Path) -> Result<(), InputError> {
    // The globals, up to their EOF: where each sheet starts and its name, and the length of
    // each shared string.
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut strings: Vec<u64> = Vec::new();
    for record in (Records { rest: stream }) {
        let Ok((r, _)) = record else {
            // calamine stops there with an error, before it reads a sheet.
            return Ok(());
        };
        match r.kind {
            // FILEPASS: calamine says the file has a password.
            0x002F if r.u16_at(0) != Some(0) => return Ok(()),
            // BOUNDSHEET: a sheet's start and name (Latin-1, or UTF-16 with the high-byte flag).
            0x0085 => {
                let Some(pos) = r.u32_at(0) else {
                    return Ok(());
                };
                let name = match r.body.get(6..8) {
                    Some(&[n, flags]) => {
                        let text = &r.body[8..];
                        if flags & 1 == 1 {
                            let units: Vec<u16> = text
                                .chunks_exact(2)
                                .take(n as usize)
                                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                                .collect();
                            String::from_utf16_lossy(&units)
                        } else {
                            text.iter().take(n as usize).map(|&b| b as char).collect()
                        }
                    }
                    _ => String::new(),
                };
                sheets.push((pos as usize, name));
            }
            // SST: the shared strings (the last one counts).
            0x00FC => match sst_lengths(&r) {
                Some(lengths) => strings = lengths,
                None => return Ok(()),
            },
            // EOF of the globals.
            0x000A => break,
            _ => {}
        }
    }

    // Each sheet's records, from where the globals say it starts. In a sound file the sheets
    // are apart and their records are read once; beyond twice the stream (and some room for
    // a damaged end) the sheets overlap.
    let most_read = stream.len().saturating_mul(2).saturating_add(16 << 20);
    let (mut read, mut cells, mut formulas, mut text) = (0usize, 0u64, 0u64, 0u64);
    for (number, (pos, name)) in sheets.iter().enumerate() {
        let too_large = |limit: fn(String) -> Limit| {
            let sheet = if name.is_empty() {
                format!("{}", number + 1)
            } else {
                name.clone()
            };
            InputError::TooLarge(path.to_path_buf(), limit(sheet))
        };
        let Some(records) = stream.get(*pos..) else {
            // calamine panics on a sheet that starts past the end.
            return Ok(());
        };
        let (mut grid, mut formula_grid) = (Grid::default(), Grid::default());
        let (mut seen_bof, mut depth, mut formula_at) = (false, 0usize, (0, 0));
        for record in (Records { rest: records }) {
            let Ok((r, size)) = record else {
                // calamine stops there with an error, before it builds this sheet's grid.
                return Ok(());
            };
            read = read.saturating_add(size);
            if read > most_read {
                return Err(InputError::Damaged(
                    path.to_path_buf(),
                    "its sheets overlap: the list of sheets points several at the same records"
                        .into(),
                ));
            }
            // A substream inside the sheet (an embedded chart): calamine skips it.
            if depth > 0 {
                match r.kind {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let at = |i| r.u16_at(i);
            match r.kind {
                // BOF: the sheet's own, then that of a substream.
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                // DIMENSIONS: calamine reserves room for the grid it declares, read as calamine
                // reads it (in 32-bit arithmetic: a range that runs backwards wraps around).
                0x0200 if matches!(r.body.len(), 10 | 14 | 16) => {
                    let (rf, rl, cf, cl) = if r.body.len() == 10 {
                        let f = |i| at(i).unwrap_or(0) as u32;
                        (f(0), f(2), f(4), f(6))
                    } else {
                        let f = |i| at(i).unwrap_or(0) as u32;
                        let g = |i| r.u32_at(i).unwrap_or(0) as u32;
                        (g(0), g(4), f(8), f(10))
                    };
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    if rl >= 1 && cl >= 1 {
                        let span = |first: u32, last: u32| {
                            u64::from((last - 1).wrapping_sub(first).wrapping_add(1))
                        };
                        if span(rf, rl).saturating_mul(span(cf, cl)) > MAX_CELLS {
                            return Err(too_large(|sheet| Limit::Cells { sheet }));
                        }
                    }
                }
                // NUMBER, LABEL, RSTRING, BOOLERR, RK: one value.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E => {
                    if let (Some(row), Some(col)) = (at(0), at(2)) {
                        grid.add(row, col, col);
                    }
                }
                // LABELSST: a copy of a shared string (none for a string that is not there).
                0x00FD => {
                    let length = r.u32_at(6).and_then(|i| strings.get(i as usize));
                    if let (Some(row), Some(col), Some(length)) = (at(0), at(2), length) {
                        grid.add(row, col, col);
                        text = text.saturating_add(*length);
                        if text > MAX_TEXT {
                            return Err(too_large(|sheet| Limit::Text { sheet }));
                        }
                    }
                }
                // STRING: the text value of the formula before it.
                0x0207 => grid.add(formula_at.0, formula_at.1, formula_at.1),
                // MULRK: values from a first to a last column.
                0x00BD if r.body.len() >= 6 => {
                    if let (Some(row), Some(first), Some(last)) =
                        (at(0), at(2), at(r.body.len() - 2))
                    {
                        grid.add(row, first, first.max(last));
                    }
                }
                // FORMULA: a formula, and its value when it has one.
                0x0006 if r.body.len() >= 20 => {
                    if let (Some(row), Some(col)) = (at(0), at(2)) {
                        formula_at = (row, col);
                        grid.add(row, col, col);
                        formula_grid.add(row, col, col);
                    }
                }
                // EOF of the sheet.
                0x000A => break,
                _ => {}
            }
        }
        cells = cells.saturating_add(grid.cells());
        formulas = formulas.saturating_add(formula_grid.cells());
        if cells > MAX_CELLS || formulas > MAX_CELLS {
            return Err(too_large(|sheet| Limit::Cells { sheet }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A BIFF record.
    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend((body.len() as u16).to_le_bytes());
        r.extend(body);
        r
    }

    #[test]
    fn reads_the_lengths_of_shared_strings_across_continue_records() {
        // Two strings: "abc" (one byte a character), then "de" in UTF-16 of which the
        // second character is in a CONTINUE record (with its own high-byte flag).
        let mut sst = vec![0; 8];
        sst.extend([3, 0, 0, b'a', b'b', b'c']);
        sst.extend([2, 0, 1, b'd', 0]);
        let mut stream = record(0x00FC, &sst);
        stream.extend(record(0x003C, &[1, b'e', 0]));
        let (r, size) = (Records { rest: &stream }).next().unwrap().ok().unwrap();
        assert_eq!(size, stream.len());
        assert_eq!(sst_lengths(&r), Some(vec![3, 2]));
        // A string longer than the record and no CONTINUE: calamine stops with an error.
        let r = Record {
            kind: 0x00FC,
            body: &[0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, b'a'],
            more: &[],
        };
        assert_eq!(sst_lengths(&r), None);
    }

    #[test]
    fn many_sheets_on_the_same_records_are_refused() {
        // One sheet holds a 2,000-by-1,000 grid (two cells); the globals list it 3 times.
        let cell = |row: u16, col: u16| {
            let mut b = row.to_le_bytes().to_vec();
            b.extend(col.to_le_bytes());
            b.extend([0; 10]);
            record(0x0203, &b)
        };
        let boundsheet = |pos: u32| {
            let mut b = pos.to_le_bytes().to_vec();
            b.extend([0, 0, 1, 0, b'S']);
            record(0x0085, &b)
        };
        let build = |sheets: u32| {
            let globals_len = (sheets as usize) * 13 + 4;
            let mut stream = Vec::new();
            for _ in 0..sheets {
                stream.extend(boundsheet(globals_len as u32));
            }
            stream.extend(record(0x000A, &[]));
            assert_eq!(stream.len(), globals_len);
            stream.extend(record(0x0809, &[0; 16]));
            stream.extend(cell(0, 0));
            stream.extend(cell(1999, 999));
            stream.extend(record(0x000A, &[]));
            stream
        };
        let path = Path::new("x.xls");
        assert!(check_grid(&build(2), path).is_ok());
        assert!(matches!(
            check_grid(&build(3), path),
            Err(InputError::TooLarge(_, Limit::Cells { .. }))
        ));
    }

    #[test]
    fn a_sector_chain_that_loops_is_refused() {
        // A compound file of a header and one FAT sector whose directory chain points at
        // itself: calamine would read that sector again and again until memory runs out.
        let mut file = vec![0u8; 1024];
        file[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        file[26] = 3;
        file[30] = 9;
        file[32] = 6;
        file[48..52].copy_from_slice(&0u32.to_le_bytes()); // directory at sector 0
        file[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes()); // no DIFAT sectors
        file[76..80].copy_from_slice(&0u32.to_le_bytes()); // the FAT is sector 0
        for id in file[80..512].chunks_exact_mut(4) {
            id.copy_from_slice(&u32::MAX.to_le_bytes());
        }
        // Sector 0 (the FAT) says: sector 0 continues at sector 0.
        file[512..516].copy_from_slice(&0u32.to_le_bytes());
        assert!(matches!(
            workbook_stream(&file, Path::new("x.xls")),
            Err(InputError::Damaged(_, why)) if why.contains("loop")
        ));
    }
}
