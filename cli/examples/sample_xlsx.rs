//! Writes www/samples/applicants.xlsx from www/samples/applicants.csv (the same rows; numbers
//! as number cells), so the two sample files stay consistent. Run from the project root:
//! `cargo run -p tic-cli --example sample_xlsx`. A test checks that both give the same results.
//!
//! With `ROWS DIR` (`cargo run --release -p tic-cli --example sample_xlsx -- 100000 target/big`)
//! it writes the files of the spreadsheet benchmark instead (docs/tabular.md): `DIR/big.csv` and
//! `DIR/big.xlsx`, the sample's data rows repeated to ROWS rows (valid and invalid alike, as in
//! the sample), the XLSX written as Excel writes one (shared strings, numbers as number cells).

use tic_tabular::columns::{columns, Kind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = std::fs::read_to_string("www/samples/applicants.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut records = reader.records().collect::<Result<Vec<_>, _>>()?;
    let out = match args.as_slice() {
        [] => None,
        [rows, dir] => Some((rows.parse::<usize>()?, std::path::PathBuf::from(dir))),
        _ => return Err("usage: sample_xlsx [ROWS DIR]".into()),
    };
    if let Some((rows, dir)) = &out {
        let data = records.split_off(1);
        if data.is_empty() {
            return Err("the sample has no data rows".into());
        }
        records.extend(data.iter().cycle().take(*rows).cloned());
        std::fs::create_dir_all(dir)?;
        let mut w = csv::Writer::from_path(dir.join("big.csv"))?;
        for rec in &records {
            w.write_record(rec)?;
        }
        w.flush()?;
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("applicants")?;
    let cols = columns(tic_core::policy::current());
    let mut kinds = Vec::new();
    for (i, rec) in records.iter().enumerate() {
        for (j, cell) in rec.iter().enumerate() {
            let (r, c) = (i as u32, j as u16);
            if i == 0 {
                kinds.push(cols.for_header(cell).map(|k| cols[k].kind));
                sheet.write_string(r, c, cell)?;
                continue;
            }
            if cell.is_empty() {
                continue;
            }
            match (kinds.get(j).copied().flatten(), cell.parse::<f64>()) {
                (Some(Kind::Count | Kind::Money), Ok(n)) => {
                    sheet.write_number(r, c, n)?;
                }
                _ => {
                    sheet.write_string(r, c, cell)?;
                }
            }
        }
    }
    sheet.set_column_width(0, 36)?;
    let path = match &out {
        None => std::path::PathBuf::from("www/samples/applicants.xlsx"),
        Some((_, dir)) => dir.join("big.xlsx"),
    };
    book.save(&path)?;
    println!("wrote {}", path.display());
    Ok(())
}
