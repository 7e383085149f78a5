//! `sitrep export --parquet DIR` on the real binary: the files read back with the parquet
//! crate's reader hold every event, article and entity of the JSON output, field for field
//! (a date as a DATE, an absent optional field as a null, an absent `copies` empty), each event and article in the
//! partition of its month (`month=undated` without one), zstd-compressed; an earlier export
//! is replaced and a folder that is not one is refused with one line naming it.

#[path = "support/cli.rs"]
mod cli;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Output;

use parquet::basic::Compression;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use serde_json::{Map, Value};

/// A row read back: its columns by name.
type Row = Map<String, Value>;

fn run(args: &[&str]) -> Output {
    cli::command().args(args).output().unwrap()
}

fn ok(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn json(args: &[&str]) -> Vec<Value> {
    json_text(args).0
}

/// The rows of the JSON output, and its first row's field names in their order (a
/// `serde_json::Map` sorts them): the pretty JSON puts each at the start of a line.
fn json_text(args: &[&str]) -> (Vec<Value>, Vec<String>) {
    let text = String::from_utf8(ok(args)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let first = text.lines().skip(2).take_while(|l| !l.starts_with("  }"));
    let keys = first.filter_map(|l| l.strip_prefix("    \"")?.split_once("\":").map(|(k, _)| k.to_string())).collect();
    (v.as_array().unwrap().clone(), keys)
}

/// A Parquet value as the JSON output writes it: a DATE as `YYYY-MM-DD`.
fn value(f: &Field) -> Value {
    match f {
        Field::Null => Value::Null,
        Field::Bool(b) => Value::Bool(*b),
        Field::Long(n) => Value::from(*n),
        Field::Int(n) => Value::from(*n),
        Field::Double(x) => Value::from(*x),
        Field::Str(s) => Value::String(s.clone()),
        Field::Date(days) => {
            let d = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(*days as u64);
            Value::String(d.format("%Y-%m-%d").to_string())
        }
        Field::Group(row) => Value::Object(row.get_column_iter().map(|(k, v)| (k.clone(), value(v))).collect()),
        Field::ListInternal(list) => Value::Array(list.elements().iter().map(value).collect()),
        other => panic!("a type the export does not write: {other:?}"),
    }
}

/// Without the null fields, at any depth: the JSON leaves out some absent fields (`span_in`,
/// `byline`, `extracted_text`) where the Parquet has a null.
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            Value::Object(m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), strip(v))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
        v => v.clone(),
    }
}

/// The rows of one Parquet file, its column names, and a check that every column is zstd.
fn read(path: &Path) -> (Vec<Row>, Vec<String>) {
    let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let meta = reader.metadata();
    for g in meta.row_groups() {
        assert!(g.num_rows() > 0);
        for c in g.columns() {
            assert!(matches!(c.compression(), Compression::ZSTD(_)), "{}: {:?}", path.display(), c.compression());
        }
    }
    let names =
        meta.file_metadata().schema_descr().root_schema().get_fields().iter().map(|f| f.name().to_string()).collect();
    let rows = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| match value(&Field::Group(r.unwrap())) {
            Value::Object(m) => m,
            _ => unreachable!(),
        })
        .collect();
    (rows, names)
}

/// The rows of a partitioned table (`DIR/events`), each with the month of its partition.
fn read_partitioned(table: &Path) -> (Vec<(String, Row)>, Vec<String>) {
    let (mut rows, mut names) = (Vec::new(), Vec::new());
    let mut parts: Vec<PathBuf> = std::fs::read_dir(table).unwrap().map(|e| e.unwrap().path()).collect();
    parts.sort();
    for part in parts {
        let dir = part.file_name().unwrap().to_str().unwrap().to_string();
        let month = dir.strip_prefix("month=").unwrap_or_else(|| panic!("not a partition: {dir}")).to_string();
        let files: Vec<_> = std::fs::read_dir(&part).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(files, ["part-0.parquet"], "{}", part.display());
        let (r, n) = read(&part.join("part-0.parquet"));
        assert!(!r.is_empty(), "an empty partition: {dir}");
        names = n;
        rows.extend(r.into_iter().map(|r| (month.clone(), r)));
    }
    (rows, names)
}

/// The month a row's date puts it in.
fn month_of(date: &Value) -> String {
    date.as_str().map_or_else(|| "undated".to_string(), |d| d[..7].to_string())
}

/// The columns are the JSON's fields, in its order (the JSON may leave out `optional` ones).
fn same_fields(names: &[String], keys: &[String], optional: &[&str]) {
    assert!(!keys.is_empty());
    let cols: Vec<&String> = names.iter().filter(|n| keys.contains(n) || !optional.contains(&n.as_str())).collect();
    assert_eq!(cols, keys.iter().collect::<Vec<_>>(), "the columns are the JSON's fields");
}

/// Export `paths` and compare every table with the JSON output of the same paths.
fn check_export(paths: &[&str]) -> (usize, BTreeMap<String, usize>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("export");
    let d = dir.to_str().unwrap();
    let said = String::from_utf8(ok(&[&["export", "--parquet", d], paths].concat())).unwrap();

    // events: every one, field for field, in the partition of its date's month
    let (events, keys) = json_text(&[&["events", "--format", "json"], paths].concat());
    let (rows, names) = read_partitioned(&dir.join("events"));
    assert_eq!(rows.len(), events.len(), "as many events as the JSON");
    let mut by_id = BTreeMap::new();
    let mut months = BTreeMap::new();
    for (month, row) in rows {
        let id = row["id"].as_u64().unwrap();
        assert_eq!(month, month_of(&row["date"]), "event {id} in the partition of its date");
        *months.entry(month).or_insert(0) += 1;
        assert!(by_id.insert(id, row).is_none(), "event {id} twice");
    }
    for e in &events {
        let row = Value::Object(by_id[&e["id"].as_u64().unwrap()].clone());
        assert_eq!(strip(&row), strip(e), "the Parquet row is the JSON event");
    }
    same_fields(&names, &keys, &["span_in"]);

    // articles: in the partition of their publication's month
    let (articles, keys) = json_text(&[&["articles", "--format", "json"], paths].concat());
    let (rows, names) = read_partitioned(&dir.join("articles"));
    assert_eq!(rows.len(), articles.len());
    let by_id: BTreeMap<String, Value> = rows
        .into_iter()
        .map(|(month, row)| {
            assert_eq!(month, month_of(&row["published"]));
            (row["id"].as_str().unwrap().to_string(), Value::Object(row))
        })
        .collect();
    for a in &articles {
        let mut row = by_id[a["id"].as_str().unwrap()].clone();
        // the JSON leaves out an empty `copies`
        if a.get("copies").is_none() {
            assert_eq!(row.as_object_mut().unwrap().remove("copies"), Some(Value::Array(vec![])));
        }
        assert_eq!(strip(&row), strip(a), "the Parquet row is the JSON article");
    }
    same_fields(&names, &keys, &["byline", "extracted_text", "copies"]);

    // entities: one file
    let (entities, keys) = json_text(&[&["entities", "--format", "json"], paths].concat());
    let (rows, names) = read(&dir.join("entities/part-0.parquet"));
    assert_eq!(rows.len(), entities.len());
    for (row, e) in rows.iter().zip(&entities) {
        assert_eq!(strip(&Value::Object(row.clone())), strip(e), "the Parquet row is the JSON entity");
    }
    same_fields(&names, &keys, &[]);

    assert!(dir.join(".sitrep-export").is_file());
    assert!(!dir.join(".sitrep-export.tmp").exists(), "no staging folder left");
    assert!(said.starts_with(&format!("wrote {} events ({} months)", events.len(), months.len())), "{said}");
    (events.len(), months)
}

#[test]
fn seeds_export_is_the_json_output() {
    let (events, months) = check_export(&[]);
    assert!(events > 0);
    assert!(months.contains_key("undated") && months.len() > 2, "{months:?}");
}

/// A small corpus of its own: articles published in two months and one without a date.
fn write_corpus(dir: &Path) {
    let article = |date: &str, body: &str| match date {
        "" => format!("---\ntitle: Undated report\n---\n{body}\n"),
        d => format!("---\ntitle: Report of {d}\nsource: Example Daily\ndate: {d}\n---\n{body}\n"),
    };
    std::fs::create_dir_all(dir).unwrap();
    let files = [
        (
            "a.md",
            "2026-01-15",
            "Russian missiles struck Kharkiv on January 14, killing two people and injuring 11, the governor said. A drone hit a power plant in Odesa Oblast overnight.",
        ),
        (
            "b.md",
            "2026-02-03",
            "Russian drones struck Druzhkivka in Donetsk Oblast on February 2, injuring three civilians. Ukrainian forces repelled an assault near Pokrovsk on February 2.",
        ),
        (
            "c.md",
            "2026-02-20",
            "Shahed drones hit Zaporizhzhia overnight on February 19, the regional administration said, damaging a school.",
        ),
        ("d.md", "", "A missile struck Sumy, officials said, injuring five people."),
    ];
    for (name, date, body) in files {
        std::fs::write(dir.join(name), article(date, body)).unwrap();
    }
}

#[test]
fn temp_corpus_export_is_the_json_output() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    write_corpus(&corpus);
    let (events, months) = check_export(&[corpus.to_str().unwrap()]);
    assert!(events >= 4, "{events} events");
    assert!(months.contains_key("2026-01") && months.contains_key("2026-02"), "{months:?}");
}

#[test]
fn an_earlier_export_is_replaced_and_another_folder_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    write_corpus(&corpus);
    let dir = tmp.path().join("out");
    let d = dir.to_str().unwrap();

    // the seeds, then the small corpus into the same folder: no partition of the seeds is left
    ok(&["export", "--parquet", d]);
    assert!(dir.join("events/month=2025-05").is_dir());
    ok(&["export", "--parquet", d, corpus.to_str().unwrap()]);
    assert!(!dir.join("events/month=2025-05").exists(), "the earlier export replaced");
    let (rows, _) = read(&dir.join("entities/part-0.parquet"));
    assert_eq!(rows.len(), json(&["entities", "--format", "json", corpus.to_str().unwrap()]).len());

    // a folder with other things in it is left alone
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let out = run(&["export", "--parquet", other.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("sitrep: cannot write the Parquet export to ") && err.contains(other.to_str().unwrap()),
        "{err}"
    );
    assert!(err.contains("not empty"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&other).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["notes.txt"]);

    // a file, and a folder that cannot be made: one line naming it
    let file = other.join("notes.txt");
    for bad in [file.clone(), file.join("sub")] {
        let out = run(&["export", "--parquet", bad.to_str().unwrap()]);
        assert!(!out.status.success());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(bad.to_str().unwrap()), "{err}");
    }
}

/// A large corpus (`SITREP_BIG_CORPUS=DIR`, e.g. the 100,000 generated articles of
/// docs/performance.md) exported and read back: as many event and article rows as
/// `sitrep stats` counts, every file readable. Skipped, saying so, when the variable is unset.
#[test]
fn a_big_corpus_reads_back_whole() {
    let Some(dir) = std::env::var_os("SITREP_BIG_CORPUS") else {
        eprintln!("skipped: set SITREP_BIG_CORPUS to a corpus folder to export and read it back");
        return;
    };
    let dir = dir.to_string_lossy().into_owned();
    let out = tempfile::tempdir().unwrap();
    let export = out.path().join("export");
    ok(&["export", "--parquet", export.to_str().unwrap(), &dir]);
    let stats = String::from_utf8(ok(&["stats", &dir])).unwrap();
    let count = |what: &str| -> u64 {
        stats
            .lines()
            .find_map(|l| l.strip_prefix(what)?.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {what} in {stats}"))
    };
    let rows = |table: &str| -> u64 {
        let mut n = 0;
        for part in std::fs::read_dir(export.join(table)).unwrap().flatten() {
            for f in std::fs::read_dir(part.path()).unwrap().flatten() {
                let reader = SerializedFileReader::new(File::open(f.path()).unwrap()).unwrap();
                // every row group read, not only counted from the footer
                n += reader.get_row_iter(None).unwrap().map(|r| r.map(|_| 1u64).unwrap()).sum::<u64>();
            }
        }
        n
    };
    assert_eq!(rows("events"), count("events"));
    assert_eq!(rows("articles"), count("articles"));
}
