//! `sitrep export --parquet DIR`: the corpus as Parquet files for DuckDB, Polars or Spark.
//!
//! ```text
//! DIR/.sitrep-export                        marks the folder as an export of sitrep
//! DIR/events/month=YYYY-MM/part-0.parquet   by the month of the event's date (month=undated)
//! DIR/articles/month=YYYY-MM/part-0.parquet by the month of publication (month=undated)
//! DIR/entities/part-0.parquet
//! ```
//!
//! The rows are the JSON output's ([`EventRow`], [`ArticleRow`], [`EntityRow`]), column for
//! field, with the same names and values: lists as Parquet LISTs (of strings, or of structs
//! where the JSON has objects), `span` a struct, dates (`date`, `date_end`, `published`) of
//! the DATE type, whole numbers INT64, an absent optional field (`span_in`, `byline`,
//! `extracted_text`) null. `why` (`--explain`) is not exported. Every file is written row
//! group by row group (at most [`ROW_GROUP_ROWS`] rows or about [`ROW_GROUP_BYTES`] of text),
//! partition by partition, so only one row group's rows are built at a time.
//!
//! The export is written into `DIR/.sitrep-export.tmp` and moved into place when every file
//! is written, replacing the `events`, `articles` and `entities` of an earlier export; a
//! failed export leaves the earlier one as it was. A folder that is not empty and holds no
//! `.sitrep-export` is refused.

use crate::merge::Membership;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use parquet::basic::{Compression, ZstdLevel};
use parquet::data_type::{ByteArray, ByteArrayType, DataType, DoubleType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::{WriterProperties, WriterPropertiesPtr};
use parquet::file::writer::{SerializedFileWriter, SerializedRowGroupWriter};
use parquet::schema::parser::parse_message_type;

use super::CliError;
use super::output::{ArticleRow, EntityRow, EventRow};
use crate::corpus::Article;
use crate::extract::Extraction;

/// The most rows in a row group.
pub const ROW_GROUP_ROWS: usize = 65_536;
/// About the most bytes of text in a row group (articles carry their bodies).
pub const ROW_GROUP_BYTES: usize = 64 << 20;
/// The file that marks a folder as an export of sitrep.
pub const MARKER: &str = ".sitrep-export";
/// Where an export is written before it is moved into place.
const STAGING: &str = ".sitrep-export.tmp";
/// The tables, each a folder of the export.
const TABLES: [&str; 3] = ["events", "articles", "entities"];

type Res<T> = Result<T, ParquetError>;

/// What was written: rows and partitions of each table.
#[derive(Debug, Default, PartialEq, Eq)]
struct Written {
    events: usize,
    event_months: usize,
    articles: usize,
    article_months: usize,
    entities: usize,
}

/// Write the corpus to `dir` and print one line saying what was written. `groups` says which
/// report which happening (a store knows); without it the extraction is merged here.
pub fn export(
    articles: &[Article],
    ex: &Extraction,
    groups: Option<&dyn Membership>,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let shown = crate::printable::one_line(&dir.display().to_string()).into_owned();
    let failed = |e: &dyn std::fmt::Display| {
        CliError::Export(format!(
            "cannot write the Parquet export to {shown}: {}",
            crate::printable::one_line(&e.to_string())
        ))
    };
    prepare(dir).map_err(|e| failed(&e))?;
    let staging = dir.join(STAGING);
    let written = write_all(articles, ex, groups, &staging, ROW_GROUP_ROWS).and_then(|w| {
        for t in TABLES {
            let old = dir.join(t);
            if old.exists() {
                fs::remove_dir_all(&old)?;
            }
            fs::rename(staging.join(t), &old)?;
        }
        fs::remove_dir(&staging)?;
        Ok(w)
    });
    let w = written.map_err(|e| {
        let _ = fs::remove_dir_all(&staging);
        failed(&e)
    })?;
    writeln!(
        out,
        "wrote {} events ({} months), {} articles ({} months), {} entities to {shown}",
        w.events, w.event_months, w.articles, w.article_months, w.entities
    )?;
    Ok(())
}

/// Make `dir` ready for an export: made when missing; an empty folder or an earlier export
/// is taken (its marker written, a staging folder left by a failed run removed); anything
/// else is refused.
fn prepare(dir: &Path) -> io::Result<()> {
    match fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir)?,
        Err(e) => return Err(e),
        Ok(m) if !m.is_dir() => return Err(io::Error::other("it is not a folder")),
        Ok(_) => {
            let marked = dir.join(MARKER).is_file();
            if !marked && fs::read_dir(dir)?.next().is_some() {
                return Err(io::Error::other(format!(
                    "the folder is not empty and is no earlier export (it has no {MARKER}); \
                     name a new or empty folder, or an earlier export to replace"
                )));
            }
        }
    }
    let staging = dir.join(STAGING);
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::write(dir.join(MARKER), concat!("sitrep ", env!("CARGO_PKG_VERSION"), " Parquet export\n"))?;
    Ok(())
}

/// Write the three tables under `dir` (made here), `group_rows` rows at most to a row group
/// (a test asks for small ones).
fn write_all(
    articles: &[Article],
    ex: &Extraction,
    groups: Option<&dyn Membership>,
    dir: &Path,
    group_rows: usize,
) -> io::Result<Written> {
    let limit = group_rows.max(1);
    let props: WriterPropertiesPtr = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(io::Error::other)?))
            .set_created_by(concat!("sitrep ", env!("CARGO_PKG_VERSION")).to_string())
            .build(),
    );
    let mut w = Written::default();
    for t in TABLES {
        fs::create_dir_all(dir.join(t))?;
    }

    // events, by the month of their date; the happenings as the JSON has them
    let mut merged = None;
    let groups = crate::merge::or_merged(groups, articles, ex, &mut merged);
    let mut months: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in ex.events.iter().enumerate() {
        months.entry(month(e.date.start)).or_default().push(i);
    }
    for (m, ids) in &months {
        let rows = ids.iter().map(|&i| EventRow::new(&ex.events[i], ex, articles).merged(groups));
        w.events += write_file(&dir.join("events").join(format!("month={m}")), rows, &props, limit)?;
    }
    w.event_months = months.len();
    drop(months);

    // articles, by the month of publication
    let mut months: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        months.entry(month(a.published)).or_default().push(i);
    }
    for (m, ids) in &months {
        let rows = ids.iter().map(|&i| ArticleRow::from(&articles[i]));
        w.articles += write_file(&dir.join("articles").join(format!("month={m}")), rows, &props, limit)?;
    }
    w.article_months = months.len();

    let entities = ex.entities.iter().map(|e| EntityRow::new(e, articles));
    w.entities = write_file(&dir.join("entities"), entities, &props, limit)?;
    Ok(w)
}

/// The partition of a date: `YYYY-MM`, or `undated`.
fn month(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "undated".to_string(), |d| d.format("%Y-%m").to_string())
}

/// Write `rows` to `folder/part-0.parquet` (the folder made here), a row group whenever
/// `limit` rows or [`ROW_GROUP_BYTES`] of text have gathered. Returns how many rows.
fn write_file<T: Table>(
    folder: &Path,
    rows: impl Iterator<Item = T>,
    props: &WriterPropertiesPtr,
    limit: usize,
) -> io::Result<usize> {
    fs::create_dir_all(folder)?;
    let file = File::create(folder.join("part-0.parquet"))?;
    let schema = Arc::new(parse_message_type(T::SCHEMA).map_err(io::Error::other)?);
    let mut writer =
        SerializedFileWriter::new(BufWriter::new(file), schema, props.clone()).map_err(io::Error::other)?;
    let (mut batch, mut bytes, mut total) = (Vec::new(), 0, 0);
    let mut flush = |batch: &mut Vec<T>, writer: &mut SerializedFileWriter<BufWriter<File>>| -> io::Result<()> {
        let mut group = writer.next_row_group().map_err(io::Error::other)?;
        T::columns(batch, &mut Columns { group: &mut group }).map_err(io::Error::other)?;
        group.close().map_err(io::Error::other)?;
        total += batch.len();
        batch.clear();
        Ok(())
    };
    for row in rows {
        bytes += row.weight();
        batch.push(row);
        if batch.len() >= limit || bytes >= ROW_GROUP_BYTES {
            flush(&mut batch, &mut writer)?;
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        flush(&mut batch, &mut writer)?;
    }
    let buffered = writer.into_inner().map_err(io::Error::other)?;
    buffered.into_inner().map_err(|e| e.into_error())?;
    Ok(total)
}

/// A row shape of the JSON output as a Parquet table.
trait Table: Sized {
    /// The Parquet schema: a column for every field of the JSON, in its order.
    const SCHEMA: &'static str;
    /// About how many bytes of text the row holds.
    fn weight(&self) -> usize;
    /// Write the rows' columns, each leaf column of [`Self::SCHEMA`] in its order.
    fn columns(rows: &[Self], c: &mut Columns<'_, '_>) -> Res<()>;
}

/// A list of strings: `required group NAME (LIST) { repeated group list { required binary
/// element (STRING); } }` (the three levels the Parquet spec asks for).
macro_rules! strings {
    ($name:literal) => {
        concat!("required group ", $name, " (LIST) { repeated group list { required binary element (STRING); } }")
    };
}

impl Table for EventRow {
    const SCHEMA: &'static str = concat!(
        "message event {",
        "required int64 id; required binary file (STRING); required binary article (STRING);",
        "optional int32 date (DATE); optional int32 date_end (DATE);",
        "required binary date_precision (STRING); required binary date_resolution (STRING);",
        "required binary kind (STRING); required binary rule (STRING);",
        "optional binary place (STRING); optional binary place_entity (STRING);",
        strings!("place_path"),
        "optional binary place_precision (STRING); optional double lat; optional double lon;",
        strings!("actors"),
        "optional int64 killed; optional int64 injured; optional int64 drones; optional int64 missiles;",
        strings!("weapons"),
        "optional binary claimed_by (STRING); required binary status (STRING); required binary text (STRING);",
        "required group span { required int64 start; required int64 end; }",
        "optional binary span_in (STRING);",
        "required int64 cluster; required int64 reports; optional int64 merged_with; optional binary merge_rule (STRING);",
        "}"
    );

    fn weight(&self) -> usize {
        256 + self.text.len() + self.file.len() + self.article.len()
    }

    fn columns(rows: &[Self], c: &mut Columns<'_, '_>) -> Res<()> {
        c.int(rows, |r| r.id.into())?;
        c.text(rows, |r| &r.file)?;
        c.text(rows, |r| &r.article)?;
        c.date(rows, |r| r.date.as_deref())?;
        c.date(rows, |r| r.date_end.as_deref())?;
        c.text(rows, |r| r.date_precision)?;
        c.text(rows, |r| r.date_resolution.as_str())?;
        c.text(rows, |r| r.kind)?;
        c.text(rows, |r| r.rule)?;
        c.opt_text(rows, |r| r.place.as_deref())?;
        c.opt_text(rows, |r| r.place_entity.as_deref())?;
        c.strings(rows, |r| &r.place_path)?;
        c.opt_text(rows, |r| r.place_precision)?;
        c.opt_float(rows, |r| r.lat)?;
        c.opt_float(rows, |r| r.lon)?;
        c.strings(rows, |r| &r.actors)?;
        c.opt_int(rows, |r| r.killed.map(i64::from))?;
        c.opt_int(rows, |r| r.injured.map(i64::from))?;
        c.opt_int(rows, |r| r.drones.map(i64::from))?;
        c.opt_int(rows, |r| r.missiles.map(i64::from))?;
        c.strings(rows, |r| &r.weapons)?;
        c.opt_text(rows, |r| r.claimed_by.as_deref())?;
        c.text(rows, |r| r.status)?;
        c.text(rows, |r| &r.text)?;
        c.int(rows, |r| r.span.start as i64)?;
        c.int(rows, |r| r.span.end as i64)?;
        c.opt_text(rows, |r| r.span_in)?;
        c.int(rows, |r| r.cluster.into())?;
        c.int(rows, |r| r.reports.into())?;
        c.opt_int(rows, |r| r.merged_with.map(i64::from))?;
        c.opt_text(rows, |r| r.merge_rule)
    }
}

impl Table for ArticleRow {
    const SCHEMA: &'static str = concat!(
        "message article {",
        "required binary id (STRING); required binary file (STRING); required binary title (STRING);",
        "optional int32 published (DATE); required binary published_from (STRING);",
        "optional binary source (STRING); optional binary url (STRING); optional binary byline (STRING);",
        "required binary spans_in (STRING); required binary body (STRING);",
        "required group paragraphs (LIST) { repeated group list { required group element {",
        "  required int64 start; required int64 end; required int64 body_start; required int64 body_end; } } }",
        "required group captions (LIST) { repeated group list { required group element {",
        "  required binary text (STRING); required int64 start; required int64 end; } } }",
        "optional binary extracted_text (STRING);",
        strings!("copies"),
        "}"
    );

    fn weight(&self) -> usize {
        256 + self.body.len() + self.extracted_text.as_ref().map_or(0, String::len) + 32 * self.paragraphs.len()
    }

    fn columns(rows: &[Self], c: &mut Columns<'_, '_>) -> Res<()> {
        c.text(rows, |r| &r.id)?;
        c.text(rows, |r| &r.file)?;
        c.text(rows, |r| &r.title)?;
        c.date(rows, |r| r.published.as_deref())?;
        c.text(rows, |r| r.published_from)?;
        c.opt_text(rows, |r| r.source.as_deref())?;
        c.opt_text(rows, |r| r.url.as_deref())?;
        c.opt_text(rows, |r| r.byline.as_deref())?;
        c.text(rows, |r| r.spans_in)?;
        c.text(rows, |r| &r.body)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.paragraphs, |p| Some(p.start as i64), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.paragraphs, |p| Some(p.end as i64), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.paragraphs, |p| Some(p.body_start as i64), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.paragraphs, |p| Some(p.body_end as i64), false)?;
        c.list::<_, _, ByteArrayType>(rows, |r| &r.captions, |p| Some(p.text.as_str().into()), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.captions, |p| Some(p.start as i64), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.captions, |p| Some(p.end as i64), false)?;
        c.opt_text(rows, |r| r.extracted_text.as_deref())?;
        c.strings(rows, |r| &r.copies)
    }
}

impl Table for EntityRow {
    const SCHEMA: &'static str = concat!(
        "message entity {",
        "required int64 id; required binary name (STRING); required binary kind (STRING);",
        strings!("aliases"),
        "optional binary role (STRING);",
        strings!("place_path"),
        "optional double lat; optional double lon;",
        "required group mentions (LIST) { repeated group list { required group element {",
        "  required binary file (STRING); required binary article (STRING);",
        "  required int64 start; required int64 end; optional binary span_in (STRING); } } }",
        "}"
    );

    fn weight(&self) -> usize {
        256 + self.mentions.iter().map(|m| 64 + m.file.len() + m.article.len()).sum::<usize>()
    }

    fn columns(rows: &[Self], c: &mut Columns<'_, '_>) -> Res<()> {
        c.int(rows, |r| r.id.into())?;
        c.text(rows, |r| &r.name)?;
        c.text(rows, |r| r.kind)?;
        c.strings(rows, |r| &r.aliases)?;
        c.opt_text(rows, |r| r.role.as_deref())?;
        c.strings(rows, |r| &r.place_path)?;
        c.opt_float(rows, |r| r.lat)?;
        c.opt_float(rows, |r| r.lon)?;
        c.list::<_, _, ByteArrayType>(rows, |r| &r.mentions, |m| Some(m.file.as_str().into()), false)?;
        c.list::<_, _, ByteArrayType>(rows, |r| &r.mentions, |m| Some(m.article.as_str().into()), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.mentions, |m| Some(m.start as i64), false)?;
        c.list::<_, _, Int64Type>(rows, |r| &r.mentions, |m| Some(m.end as i64), false)?;
        c.list::<_, _, ByteArrayType>(rows, |r| &r.mentions, |m| m.span_in.map(ByteArray::from), true)
    }
}

/// The leaf columns of a row group, written one after the other in the schema's order.
struct Columns<'g, 'w> {
    group: &'g mut SerializedRowGroupWriter<'w, BufWriter<File>>,
}

impl Columns<'_, '_> {
    /// The next leaf column: its values, and its definition and repetition levels (none for
    /// a required top-level column).
    fn put<T: DataType>(&mut self, values: &[T::T], def: Option<&[i16]>, rep: Option<&[i16]>) -> Res<()> {
        let mut col =
            self.group.next_column()?.ok_or_else(|| ParquetError::General("more columns than the schema".into()))?;
        col.typed::<T>().write_batch(values, def, rep)?;
        col.close()
    }

    fn int<R>(&mut self, rows: &[R], f: impl Fn(&R) -> i64) -> Res<()> {
        let v: Vec<i64> = rows.iter().map(f).collect();
        self.put::<Int64Type>(&v, None, None)
    }

    fn text<R>(&mut self, rows: &[R], f: impl Fn(&R) -> &str) -> Res<()> {
        let v: Vec<ByteArray> = rows.iter().map(|r| ByteArray::from(f(r))).collect();
        self.put::<ByteArrayType>(&v, None, None)
    }

    fn opt_int<R>(&mut self, rows: &[R], f: impl Fn(&R) -> Option<i64>) -> Res<()> {
        let (v, def) = optional(rows, f);
        self.put::<Int64Type>(&v, Some(&def), None)
    }

    fn opt_float<R>(&mut self, rows: &[R], f: impl Fn(&R) -> Option<f64>) -> Res<()> {
        let (v, def) = optional(rows, f);
        self.put::<DoubleType>(&v, Some(&def), None)
    }

    fn opt_text<R>(&mut self, rows: &[R], f: impl Fn(&R) -> Option<&str>) -> Res<()> {
        let (v, def) = optional(rows, |r| f(r).map(ByteArray::from));
        self.put::<ByteArrayType>(&v, Some(&def), None)
    }

    /// A `YYYY-MM-DD` date of the JSON as a DATE: days since 1970-01-01.
    fn date<R>(&mut self, rows: &[R], f: impl Fn(&R) -> Option<&str>) -> Res<()> {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let mut bad = None;
        let (v, def) = optional(rows, |r| {
            let s = f(r)?;
            match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => i32::try_from((d - epoch).num_days()).ok(),
                Err(_) => {
                    bad.get_or_insert_with(|| s.to_string());
                    None
                }
            }
        });
        if let Some(s) = bad {
            return Err(ParquetError::General(format!("not a date: {s}")));
        }
        self.put::<Int32Type>(&v, Some(&def), None)
    }

    fn strings<R>(&mut self, rows: &[R], f: impl Fn(&R) -> &[String]) -> Res<()> {
        self.list::<_, _, ByteArrayType>(rows, f, |s| Some(s.as_str().into()), false)
    }

    /// A leaf of a required list's elements: `leaf` of each element of `items`, null when
    /// `leaf_optional` and it gives none. Levels: an empty list is definition 0; an element
    /// 1, or 2 when its optional leaf has a value; every element after a list's first
    /// repeats at level 1.
    fn list<R, E, T: DataType>(
        &mut self,
        rows: &[R],
        items: impl Fn(&R) -> &[E],
        leaf: impl Fn(&E) -> Option<T::T>,
        leaf_optional: bool,
    ) -> Res<()> {
        let (mut v, mut def, mut rep) = (Vec::new(), Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
        for r in rows {
            let items = items(r);
            if items.is_empty() {
                def.push(0);
                rep.push(0);
            }
            for (j, e) in items.iter().enumerate() {
                rep.push(i16::from(j > 0));
                match leaf(e) {
                    Some(x) => {
                        v.push(x);
                        def.push(1 + i16::from(leaf_optional));
                    }
                    None if leaf_optional => def.push(1),
                    None => return Err(ParquetError::General("a required list element without a value".into())),
                }
            }
        }
        self.put::<T>(&v, Some(&def), Some(&rep))
    }
}

/// The values present and the definition levels (1 present, 0 null) of an optional column.
fn optional<R, V>(rows: &[R], mut f: impl FnMut(&R) -> Option<V>) -> (Vec<V>, Vec<i16>) {
    let (mut v, mut def) = (Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
    for r in rows {
        match f(r) {
            Some(x) => {
                v.push(x);
                def.push(1);
            }
            None => def.push(0),
        }
    }
    (v, def)
}

#[cfg(test)]
mod tests {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    /// Small row groups: a partition is written as several, each within the limit, and the
    /// rows read back in order.
    #[test]
    fn row_groups_are_bounded() {
        let articles = crate::corpus::load_seeds().articles;
        let ex = crate::extract::run(&articles);
        let tmp = tempfile::tempdir().unwrap();
        let w = super::write_all(&articles, &ex, None, tmp.path(), 7).unwrap();
        assert_eq!(w.events, ex.events.len());
        let (mut groups, mut ids) = (0, Vec::new());
        for part in std::fs::read_dir(tmp.path().join("events")).unwrap() {
            let file = std::fs::File::open(part.unwrap().path().join("part-0.parquet")).unwrap();
            let reader = SerializedFileReader::new(file).unwrap();
            for g in reader.metadata().row_groups() {
                assert!((1..=7).contains(&g.num_rows()), "{} rows", g.num_rows());
                groups += 1;
            }
            let mut part_ids: Vec<i64> =
                reader.get_row_iter(None).unwrap().map(|r| r.unwrap().get_long(0).unwrap()).collect();
            assert!(part_ids.is_sorted(), "in the order of the events");
            ids.append(&mut part_ids);
        }
        assert!(groups > w.event_months, "{groups} row groups in {} files", w.event_months);
        ids.sort();
        assert_eq!(ids, (0..ex.events.len() as i64).collect::<Vec<_>>());
    }
}
