//! The TSV dialect of the knowledge tables that are read whole (dictionary, blocs, parties, US
//! states, bodies): `#` comments and blank lines skipped, one header line that must name the
//! columns, then rows of exactly that many TAB-separated columns.

/// The rows of a table as (line number, columns); the first problem refuses the table with
/// `FILE:LINE: what is wrong`.
pub fn rows<'a>(file: &str, tsv: &'a str, columns: &[&str]) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let mut out = Vec::new();
    let mut header = false;
    for (n, line) in tsv.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header {
            if cols != columns {
                return Err(format!(
                    "{file}:{}: expected the header `{}`",
                    n + 1,
                    columns.join("\t")
                ));
            }
            header = true;
            continue;
        }
        if cols.len() != columns.len() {
            return Err(format!(
                "{file}:{}: expected {} columns, found {}",
                n + 1,
                columns.len(),
                cols.len()
            ));
        }
        out.push((n + 1, cols));
    }
    Ok(out)
}
