//! Writes www/samples/applicants.xlsx from www/samples/applicants.csv (the same rows; numbers
//! as number cells), so the two sample files stay consistent. Run from the project root:
//! `cargo run -p tic-cli --example sample_xlsx`. A test checks that both give the same results.

use tic_tabular::columns::{columns, Kind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string("www/samples/applicants.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("applicants")?;
    let cols = columns(tic_core::policy::current());
    let mut kinds = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec?;
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
    book.save("www/samples/applicants.xlsx")?;
    println!("wrote www/samples/applicants.xlsx");
    Ok(())
}
