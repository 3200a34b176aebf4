//! Screening many rows: checked, assessed and written in input order, in parallel on native
//! targets, streamed to a writer as the rows are done.
//!
//! The rows are cut into chunks; on native targets one worker thread per core screens every
//! n-th chunk into bytes while the calling thread writes the finished chunks in order, so the
//! output is never held whole and memory stays bounded (a few chunks per worker). In
//! WebAssembly everything runs in order on the calling thread.

use crate::read::{Batch, InputRow, Layout, Source};
use crate::write::{write_csv_header, write_csv_row, BOM};
use crate::{check_row, result_row, row_identity, ErrorOut, ResultRow, RowError};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;
use tic_core::policy::Policy;
use tic_core::{Applicant, Detail, Lang};

/// What [`screen_to`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamFormat {
    /// The JSON array of `tic screen`, one element per line: per row the assessment report at
    /// this detail with a `row` field, or `{row, name?, district?, error}`.
    Json(Detail),
    /// The same JSON array with the brief result per row (what the page module's `assess_many`
    /// gives: verdict, each requirement's status and numbers, funding per year) after its
    /// `row`; an invalid row as in [`StreamFormat::Json`].
    Brief,
    /// The CSV export (UTF-8 with a BOM; [`crate::results_csv`]'s columns).
    Csv,
}

/// What [`screen_to`] has screened so far.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Rows screened and written.
    pub rows: usize,
    /// Of those, invalid.
    pub invalid: usize,
    /// The first invalid rows' errors (as many as asked for), in input order.
    pub errors: Vec<RowError>,
    /// Rows with warnings (an amount implausibly large; still assessed).
    pub warned: usize,
    /// The first warnings (row, warning; as many rows as errors are kept), in input order.
    pub warnings: Vec<(usize, crate::RowProblem)>,
}

/// Screens every row of `source` and writes the results to `out` as they are done, in input
/// order (see [`StreamFormat`]); the rows are screened in parallel on native targets. `tally`
/// counts what was written and keeps the first `keep_errors` row errors, also when writing
/// fails (the error is returned and the screening stops).
///
/// Nothing is written before the first row is screened, but a write error can leave partial
/// output: callers that must not leave any open the source first (every reason to refuse the
/// whole file is found by [`Source::open`]).
pub fn screen_to<W: Write + ?Sized>(
    policy: &Policy,
    source: &Source<'_>,
    format: StreamFormat,
    lang: Lang,
    keep_errors: usize,
    out: &mut W,
    tally: &mut Tally,
) -> io::Result<()> {
    stream(
        policy,
        Rows::Source(source),
        format,
        lang,
        keep_errors,
        out,
        tally,
    )
}

/// The output of [`screen_json`].
#[derive(Clone, Debug)]
pub struct ScreenJson {
    /// The JSON array, one element per row on its own line.
    pub json: String,
    /// Rows screened.
    pub rows: usize,
    /// Of those, invalid.
    pub invalid: usize,
}

/// Screens a batch into the JSON array of `tic screen`: per row, in input order, either the
/// assessment report (at `detail`) with a `row` field, or `{row, name?, district?, error}`.
pub fn screen_json(policy: &Policy, batch: &Batch, detail: Detail, lang: Lang) -> ScreenJson {
    let mut json = Vec::new();
    let mut tally = Tally::default();
    // Writing into a Vec cannot fail.
    let written = stream(
        policy,
        Rows::Batch(batch),
        StreamFormat::Json(detail),
        lang,
        0,
        &mut json,
        &mut tally,
    );
    ScreenJson {
        json: if written.is_ok() {
            String::from_utf8(json).unwrap_or_default()
        } else {
            String::new()
        },
        rows: tally.rows,
        invalid: tally.invalid,
    }
}

/// Screens every row of a batch into [`ResultRow`]s, in input order.
pub fn screen_rows(policy: &Policy, batch: &Batch) -> Vec<ResultRow> {
    collect_rows(policy, Rows::Batch(batch))
}

/// Screens every row of a source into [`ResultRow`]s, in input order (what [`screen_rows`]
/// gives for the source's batch, without building the batch first).
pub fn screen_source_rows(policy: &Policy, source: &Source<'_>) -> Vec<ResultRow> {
    collect_rows(policy, Rows::Source(source))
}

fn collect_rows(policy: &Policy, rows: Rows<'_, '_>) -> Vec<ResultRow> {
    let layout = rows.layout();
    let mut out = Vec::with_capacity(rows.len());
    let done: Result<(), ()> = ordered(
        rows.len(),
        |range| {
            range
                .filter_map(|i| rows.get(policy, i))
                .map(|row| result_row(policy, layout, &row))
                .collect::<Vec<_>>()
        },
        |chunk| {
            out.extend(chunk);
            Ok(())
        },
    );
    debug_assert!(done.is_ok());
    out
}

/// The rows to screen: a batch already read, or a source read row by row.
#[derive(Clone, Copy)]
enum Rows<'s, 'a> {
    Batch(&'s Batch),
    Source(&'s Source<'a>),
}

impl<'s> Rows<'s, '_> {
    fn len(self) -> usize {
        match self {
            Rows::Batch(b) => b.rows.len(),
            Rows::Source(s) => s.len(),
        }
    }

    fn layout(self) -> Option<&'s Layout> {
        match self {
            Rows::Batch(b) => b.layout.as_ref(),
            Rows::Source(s) => s.layout(),
        }
    }

    /// Row `i`'s applicant read straight from its JSON text, if the rows are a JSON array's and
    /// that element is a valid applicant (most are): no [`InputRow`] is built for it.
    fn json_applicant(self, policy: &Policy, i: usize) -> Option<Applicant> {
        let Rows::Source(s) = self else {
            return None;
        };
        let json = tic_core::input::read_json(s.json_text(i)?).ok()?;
        tic_core::input::applicant_from_json(policy, &json).ok()
    }

    fn get(self, policy: &Policy, i: usize) -> Option<Cow<'s, InputRow>> {
        match self {
            Rows::Batch(b) => b.rows.get(i).map(Cow::Borrowed),
            Rows::Source(s) => s.row(policy, i).map(Cow::Owned),
        }
    }
}

/// A screened chunk: its output bytes, its number of rows, its count of invalid rows and (up to the number kept)
/// their errors.
struct Chunk {
    bytes: Vec<u8>,
    rows: usize,
    invalid: usize,
    errors: Vec<RowError>,
    warned: usize,
    warnings: Vec<(usize, crate::RowProblem)>,
}

fn stream<W: Write + ?Sized>(
    policy: &Policy,
    rows: Rows<'_, '_>,
    format: StreamFormat,
    lang: Lang,
    keep_errors: usize,
    out: &mut W,
    tally: &mut Tally,
) -> io::Result<()> {
    let years = policy.funding.years;
    let layout = rows.layout();
    match format {
        StreamFormat::Json(_) | StreamFormat::Brief => out.write_all(b"[")?,
        StreamFormat::Csv => {
            let mut w = csv::Writer::from_writer(BOM.as_bytes().to_vec());
            write_csv_header(&mut w, policy, lang)?;
            out.write_all(&w.into_inner().map_err(|e| e.into_error())?)?;
        }
    }
    let work = |range: Range<usize>| -> io::Result<Chunk> {
        let mut chunk = Chunk {
            bytes: Vec::new(),
            rows: 0,
            invalid: 0,
            errors: Vec::new(),
            warned: 0,
            warnings: Vec::new(),
        };
        let warn = |row: &InputRow, chunk: &mut Chunk| {
            if !row.warnings.is_empty() {
                chunk.warned += 1;
                if chunk.warnings.len() < keep_errors {
                    chunk
                        .warnings
                        .extend(row.warnings.iter().map(|w| (row.row, w.clone())));
                }
            }
        };
        let keep = |e: RowError, chunk: &mut Chunk| {
            chunk.invalid += 1;
            if chunk.errors.len() < keep_errors {
                chunk.errors.push(e);
            }
        };
        match format {
            StreamFormat::Json(_) | StreamFormat::Brief => {
                let per_row = if format == StreamFormat::Brief {
                    BRIEF_ROW_BYTES
                } else {
                    JSON_ROW_BYTES
                };
                chunk.bytes.reserve(range.len() * per_row);
                for i in range {
                    let separator: &[u8] = if i == 0 { b"\n" } else { b",\n" };
                    if let Some(applicant) = rows.json_applicant(policy, i) {
                        // A JSON element has no cell warnings.
                        chunk.rows += 1;
                        chunk.bytes.extend_from_slice(separator);
                        write_assessed(&mut chunk.bytes, policy, i + 1, &applicant, format);
                        continue;
                    }
                    let Some(row) = rows.get(policy, i) else {
                        continue;
                    };
                    chunk.rows += 1;
                    warn(&row, &mut chunk);
                    chunk.bytes.extend_from_slice(separator);
                    if let Err(e) =
                        json_element(&mut chunk.bytes, policy, layout, &row, format, lang)
                    {
                        keep(e, &mut chunk);
                    }
                }
            }
            StreamFormat::Csv => {
                let mut w = csv::Writer::from_writer(Vec::with_capacity(range.len() * 160));
                let mut num = String::new();
                for i in range {
                    let Some(row) = rows.get(policy, i) else {
                        continue;
                    };
                    chunk.rows += 1;
                    warn(&row, &mut chunk);
                    let r = result_row(policy, layout, &row);
                    write_csv_row(&mut w, &r, years, lang, &mut num)?;
                    if let Err(e) = r.outcome {
                        keep(e, &mut chunk);
                    }
                }
                chunk.bytes = w.into_inner().map_err(|e| e.into_error())?;
            }
        }
        Ok(chunk)
    };
    ordered(rows.len(), work, |chunk| {
        let chunk = chunk?;
        out.write_all(&chunk.bytes)?;
        tally.invalid += chunk.invalid;
        let room = keep_errors.saturating_sub(tally.errors.len());
        tally.errors.extend(chunk.errors.into_iter().take(room));
        tally.warned += chunk.warned;
        let room = keep_errors.saturating_sub(tally.warnings.len());
        tally.warnings.extend(chunk.warnings.into_iter().take(room));
        tally.rows += chunk.rows;
        Ok::<(), io::Error>(())
    })?;
    if let StreamFormat::Json(_) | StreamFormat::Brief = format {
        out.write_all(b"\n]\n")?;
    }
    Ok(())
}

/// Roughly the size of one Summary element, to reserve a chunk's buffer at once.
const JSON_ROW_BYTES: usize = 4096;

/// Roughly the size of one brief element.
const BRIEF_ROW_BYTES: usize = 1024;

/// Writes one JSON element of `format` (JSON or brief): the report or the brief result with
/// `row` first, or the row's error.
fn json_element(
    out: &mut Vec<u8>,
    policy: &Policy,
    layout: Option<&Layout>,
    row: &InputRow,
    format: StreamFormat,
    lang: Lang,
) -> Result<(), RowError> {
    match check_row(policy, layout, row) {
        Ok(applicant) => {
            write_assessed(out, policy, row.row, &applicant, format);
            write_warnings(out, row, lang);
            Ok(())
        }
        Err(e) => {
            let (name, district) = row_identity(row);
            let start = out.len();
            let written = serde_json::to_writer(
                &mut *out,
                &InvalidOut {
                    row: row.row,
                    name,
                    district,
                    error: e.out(lang),
                },
            );
            // Writing into a Vec cannot fail; a serialisation failure would be a bug in a derive.
            if written.is_err() {
                out.truncate(start);
                out.extend_from_slice(b"null");
            } else {
                write_warnings(out, row, lang);
            }
            Err(e)
        }
    }
}

/// Writes a valid row's element of `format` (JSON or brief): the report or the brief result,
/// with `row` first.
fn write_assessed(
    out: &mut Vec<u8>,
    policy: &Policy,
    row: usize,
    applicant: &Applicant,
    format: StreamFormat,
) {
    let a = tic_core::assess(policy, applicant);
    match format {
        StreamFormat::Json(detail) => {
            write_with_row(out, row, &tic_core::report(&a, applicant, detail))
        }
        _ => with_row(out, row, |out| {
            let mut brief = String::with_capacity(BRIEF_ROW_BYTES);
            tic_core::report::write_brief(&a, &mut brief);
            out.extend_from_slice(brief.as_bytes());
            true
        }),
    }
}

/// Adds `"warnings":[{field, column, cell, message}]` to the object just written, if the row
/// has warnings.
fn write_warnings(out: &mut Vec<u8>, row: &InputRow, lang: Lang) {
    if row.warnings.is_empty() || out.last() != Some(&b'}') {
        return;
    }
    let list: Vec<serde_json::Value> = row
        .warnings
        .iter()
        .map(|w| {
            let mut m = serde_json::Map::new();
            m.insert("field".into(), w.field.clone().into());
            if let Some(c) = &w.column {
                m.insert("column".into(), c.clone().into());
            }
            if let Some(c) = &w.cell {
                m.insert("cell".into(), c.clone().into());
            }
            m.insert("message".into(), w.message.get(lang).into());
            serde_json::Value::Object(m)
        })
        .collect();
    out.pop();
    out.extend_from_slice(b",\"warnings\":");
    let _ = serde_json::to_writer(&mut *out, &list);
    out.push(b'}');
}

/// Writes `{"row":N,` and the fields of `value` (an object): `value` is written as it is and its
/// opening brace becomes the comma. (`#[serde(flatten)]` would do the same through a map
/// serialiser, field by field, at a cost for every row.)
fn write_with_row<T: Serialize>(out: &mut Vec<u8>, row: usize, value: &T) {
    with_row(out, row, |out| serde_json::to_writer(out, value).is_ok());
}

/// Writes `{"row":N,` and the members of the object `write` appends (its opening brace becomes
/// the comma; an empty object gives `{"row":N}`); `null` if `write` fails or writes no object.
fn with_row(out: &mut Vec<u8>, row: usize, write: impl FnOnce(&mut Vec<u8>) -> bool) {
    let start = out.len();
    out.extend_from_slice(b"{\"row\":");
    out.extend_from_slice(row.to_string().as_bytes());
    let body = out.len();
    let written = write(out);
    match (written, out.get(body), out.get(body + 1)) {
        (true, Some(b'{'), Some(b'}')) => {
            // An empty object: `{"row":N}`.
            out.truncate(body);
            out.push(b'}');
        }
        (true, Some(b'{'), Some(_)) => out[body] = b',',
        _ => {
            out.truncate(start);
            out.extend_from_slice(b"null");
        }
    }
}

#[derive(Serialize)]
struct InvalidOut<'a> {
    row: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<String>,
    error: ErrorOut<'a>,
}

/// Rows per chunk: small enough that a few chunks per worker stay a few megabytes, large
/// enough that handing chunks over costs nothing next to screening them.
const CHUNK_ROWS: usize = 256;

/// Runs `work` over `0..n` in chunks and gives each chunk's result to `sink`, in order. On
/// native targets with several cores and enough rows, worker threads (one per core, at most
/// 8) compute the chunks, worker `w` the chunks `w`, `w + threads`, …, each with at most
/// [`DEPTH`] finished chunks waiting, while `sink` runs on the calling thread. The first `sink`
/// error stops the workers and is returned.
fn ordered<T: Send, E>(
    n: usize,
    work: impl Fn(Range<usize>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let chunks = n.div_ceil(CHUNK_ROWS);
    let range = |k: usize| k * CHUNK_ROWS..((k + 1) * CHUNK_ROWS).min(n);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8)
            .min(chunks);
        if threads > 1 {
            return ordered_parallel(chunks, threads, &range, &work, &mut sink);
        }
    }
    for k in 0..chunks {
        sink(work(range(k)))?;
    }
    Ok(())
}

/// Finished chunks that may wait per worker.
#[cfg(not(target_arch = "wasm32"))]
const DEPTH: usize = 2;

#[cfg(not(target_arch = "wasm32"))]
fn ordered_parallel<T: Send, E>(
    chunks: usize,
    threads: usize,
    range: &(impl Fn(usize) -> Range<usize> + Sync),
    work: &(impl Fn(Range<usize>) -> T + Sync),
    sink: &mut impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use std::sync::mpsc::sync_channel;
    std::thread::scope(|s| {
        let mut receivers = Vec::with_capacity(threads);
        let mut handles = Vec::with_capacity(threads);
        for w in 0..threads {
            let (tx, rx) = sync_channel(DEPTH);
            receivers.push(rx);
            handles.push(s.spawn(move || {
                for k in (w..chunks).step_by(threads) {
                    if tx.send(work(range(k))).is_err() {
                        // The writer stopped.
                        break;
                    }
                }
            }));
        }
        let mut result = Ok(());
        for k in 0..chunks {
            let done = match receivers[k % threads].recv() {
                Ok(t) => t,
                // The worker is gone (it panicked): do its chunk here.
                Err(_) => work(range(k)),
            };
            if let Err(e) = sink(done) {
                result = Err(e);
                break;
            }
        }
        drop(receivers);
        for h in handles {
            // A worker's panic was answered above by redoing its chunks; joining here keeps
            // the scope from re-raising it.
            let _ = h.join();
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::columns;

    #[test]
    fn ordered_keeps_the_order_of_many_chunks() {
        for n in [0, 1, CHUNK_ROWS - 1, CHUNK_ROWS, 7 * CHUNK_ROWS + 3] {
            let mut got = Vec::new();
            let done: Result<(), ()> = ordered(
                n,
                |r| r.collect::<Vec<_>>(),
                |chunk| {
                    got.extend(chunk);
                    Ok(())
                },
            );
            assert!(done.is_ok());
            assert_eq!(got, (0..n).collect::<Vec<_>>(), "n = {n}");
        }
    }

    #[test]
    fn ordered_stops_at_the_first_sink_error() {
        let n = 20 * CHUNK_ROWS;
        let mut seen = 0;
        let done = ordered(
            n,
            |r| r.start,
            |start| {
                seen += 1;
                if start == 3 * CHUNK_ROWS {
                    Err(start)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(done, Err(3 * CHUNK_ROWS));
        assert_eq!(seen, 4);
    }

    #[test]
    fn the_row_comes_first_and_the_fields_follow() {
        #[derive(Serialize)]
        struct S {
            a: u8,
            b: &'static str,
        }
        #[derive(Serialize)]
        struct Empty {}
        let mut out = Vec::new();
        write_with_row(&mut out, 12, &S { a: 1, b: "{x}" });
        out.push(b' ');
        write_with_row(&mut out, 3, &Empty {});
        out.push(b' ');
        write_with_row(&mut out, 4, &7);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"row":12,"a":1,"b":"{x}"} {"row":3} null"#
        );
    }

    /// A CSV of `n` rows, every 7th of them invalid (a word for a number).
    fn csv_rows(n: usize) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(columns(tic_core::policy::current()).iter().map(|c| c.key))
            .unwrap();
        for i in 0..n {
            w.write_record(
                columns(tic_core::policy::current())
                    .iter()
                    .map(|c| match c.key {
                        "name" => format!("C{i}"),
                        "investment_wan.year1" if i % 7 == 3 => "many".to_owned(),
                        "investment_wan.year1" => (4000 + i).to_string(),
                        "investment_wan.year2" => "6000".to_owned(),
                        "team.staff_year2" => (90 + i % 20).to_string(),
                        "fields.highlands" => "new_materials".to_owned(),
                        _ => String::new(),
                    }),
            )
            .unwrap();
        }
        w.into_inner().unwrap()
    }

    #[test]
    fn streaming_gives_what_the_whole_batch_gives_in_order() {
        let policy = tic_core::policy::current();
        let n = 5 * CHUNK_ROWS + 17;
        let bytes = csv_rows(n);
        let source = Source::open(tic_core::policy::current(), &bytes, Some("a.csv")).unwrap();
        let batch = crate::read(policy, &bytes, Some("a.csv")).unwrap();
        let invalid = (0..n).filter(|i| i % 7 == 3).count();

        let mut json = Vec::new();
        let mut tally = Tally::default();
        let format = StreamFormat::Json(Detail::Summary);
        screen_to(policy, &source, format, Lang::En, 5, &mut json, &mut tally).unwrap();
        assert_eq!((tally.rows, tally.invalid), (n, invalid));
        let rows: Vec<usize> = tally.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [5, 12, 19, 26, 33]);
        let whole = screen_json(policy, &batch, Detail::Summary, Lang::En);
        assert_eq!(String::from_utf8(json).unwrap(), whole.json);
        let v: Vec<serde_json::Value> = serde_json::from_str(&whole.json).unwrap();
        let order: Vec<u64> = v.iter().filter_map(|e| e["row"].as_u64()).collect();
        assert_eq!(order, (2..n as u64 + 2).collect::<Vec<_>>());
        assert_eq!(v[3]["error"]["field"], "investment_wan[0]");
        assert!(v[4]["verdict"].is_string());

        let mut csv = Vec::new();
        let mut tally = Tally::default();
        screen_to(
            policy,
            &source,
            StreamFormat::Csv,
            Lang::Zh,
            0,
            &mut csv,
            &mut tally,
        )
        .unwrap();
        assert_eq!(
            (tally.rows, tally.invalid, tally.errors.len()),
            (n, invalid, 0)
        );
        let rows = screen_rows(policy, &batch);
        assert_eq!(rows, screen_source_rows(policy, &source));
        assert_eq!(csv, crate::results_csv(policy, &rows, Lang::Zh).unwrap());
    }

    #[test]
    fn a_json_array_read_straight_gives_what_its_rows_give() {
        // The stream reads a valid JSON element straight from its text; the whole batch builds
        // every row first. Both must write the same bytes, valid and invalid rows mixed.
        let policy = tic_core::policy::current();
        let n = 2 * CHUNK_ROWS + 9;
        let from_csv = crate::read(policy, &csv_rows(n), Some("a.csv")).unwrap();
        let mut items: Vec<serde_json::Value> =
            from_csv.rows.iter().map(|r| r.value.clone()).collect();
        items[1] = serde_json::json!({"schema": "tic-applicant/1", "name": "B", "x": 1});
        items[2] = serde_json::json!([1]);
        items[4]["name"] = serde_json::json!("转义\"\n名");
        let bytes = serde_json::to_vec(&items).unwrap();
        let source = Source::open(policy, &bytes, Some("a.json")).unwrap();
        let batch = crate::read(policy, &bytes, Some("a.json")).unwrap();
        for format in [StreamFormat::Json(Detail::Summary), StreamFormat::Brief] {
            let mut streamed = Vec::new();
            let mut tally = Tally::default();
            screen_to(
                policy,
                &source,
                format,
                Lang::Zh,
                3,
                &mut streamed,
                &mut tally,
            )
            .unwrap();
            let mut whole = Vec::new();
            let mut whole_tally = Tally::default();
            stream(
                policy,
                Rows::Batch(&batch),
                format,
                Lang::Zh,
                3,
                &mut whole,
                &mut whole_tally,
            )
            .unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
            assert_eq!(
                (tally.rows, tally.invalid),
                (whole_tally.rows, whole_tally.invalid)
            );
            let invalid = items
                .iter()
                .filter(|v| tic_core::applicant_from_value(policy, v).is_err())
                .count();
            assert_eq!((tally.rows, tally.invalid), (n, invalid));
            let rows: Vec<usize> = tally.errors.iter().map(|e| e.row).collect();
            assert_eq!(rows[..2], [2, 3]);
        }
    }

    #[test]
    fn a_write_error_stops_the_stream_and_the_tally_says_how_far_it_got() {
        struct Fails(usize);
        impl Write for Fails {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 < buf.len() {
                    return Err(io::Error::other("full"));
                }
                self.0 -= buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let policy = tic_core::policy::current();
        let bytes = csv_rows(10 * CHUNK_ROWS);
        let source = Source::open(tic_core::policy::current(), &bytes, None).unwrap();
        let mut tally = Tally::default();
        let format = StreamFormat::Json(Detail::Summary);
        let mut out = Fails(100_000);
        let e = screen_to(policy, &source, format, Lang::En, 0, &mut out, &mut tally);
        assert!(e.is_err());
        assert!(tally.rows < 10 * CHUNK_ROWS, "{}", tally.rows);
    }
}
