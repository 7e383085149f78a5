//! Non-interactive subcommands: articles, events, entities and stats as JSON, CSV or a table.

mod csv_out;
mod geojson;
mod merged;
mod output;
mod parquet;
mod table;
pub use output::{ArticleRow, EntityRow, EventRow, MentionRow, NoteRow, Quote, WhyRow};
pub use parquet::export as export_parquet;

use crate::merge::Membership;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::corpus::{self, Article, LoadReport};
use crate::extract::{self, Extraction};

/// Output formats the subcommands accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Table,
    /// A GeoJSON FeatureCollection (events only): a point per placed event, no geometry
    /// for the others.
    Geojson,
}

impl Format {
    /// The format a file name asks for by its extension (`.csv`, `.json`, `.geojson`).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "geojson" => Some(Format::Geojson),
            _ => None,
        }
    }
}

/// How CSV cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cells {
    /// Safe to print and to open in a spreadsheet: control characters replaced (newline and
    /// tab kept), and text that a spreadsheet would run as a formula behind a single quote.
    #[default]
    Safe,
    /// Exactly as extracted (`--raw-csv`).
    Raw,
}

/// Errors a subcommand reports at `main`.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("nothing could be loaded from {0}")]
    NothingLoaded(String),
    #[error("{0}")]
    Query(String),
    #[error("{0}")]
    Tui(String),
    /// The workspace file could not be opened or read: one line naming it.
    #[error("{0}")]
    Workspace(String),
    /// The browser ended on a signal: exit with this status (128 + the signal), quietly.
    #[error("ended by a signal (status {0})")]
    Ended(u8),
    /// `sitrep export`: one line naming the folder.
    #[error("{0}")]
    Export(String),
    #[error("format {0} is not available for {1}")]
    Unsupported(&'static str, &'static str),
    #[error("writing output: {0}")]
    Io(#[from] io::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// What `main` prints for an error: `sitrep: ` and the message, without the control
/// characters a file name or a query may carry. A message of several lines (the reasons
/// nothing could be loaded) keeps its line breaks.
pub fn error_line(e: &dyn std::fmt::Display) -> String {
    let text = e.to_string();
    let lines: Vec<_> = text.lines().map(crate::printable::one_line).collect();
    format!("sitrep: {}", lines.join("\n"))
}

/// Rows as pretty JSON and a newline.
fn json<T: serde::Serialize>(rows: &T, out: &mut dyn Write) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    writeln!(out)?;
    Ok(())
}

/// Load the given paths (or the embedded seeds when there are none), printing one line
/// per problem to stderr. Fails only when not a single article could be loaded.
pub fn load(paths: &[PathBuf], opts: corpus::LoadOptions) -> Result<Vec<Article>, CliError> {
    let LoadReport { articles, problems } =
        if paths.is_empty() { corpus::load_seeds() } else { corpus::load_paths_with(paths, opts) };
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for p in &problems {
        let _ = writeln!(err, "sitrep: {}", p.shown());
    }
    if articles.is_empty() {
        return Err(CliError::NothingLoaded(corpus::described(paths)));
    }
    Ok(articles)
}

/// Load and extract.
pub fn load_and_extract(paths: &[PathBuf], opts: corpus::LoadOptions) -> Result<(Vec<Article>, Extraction), CliError> {
    let articles = load(paths, opts)?;
    let ex = extract::run(&articles);
    Ok((articles, ex))
}

/// What the subcommands print from: a store (a corpus opened through the snapshot cache
/// comes as one), or the articles and their extraction.
pub enum Loaded {
    Store(Box<crate::store::Store>),
    Plain(Vec<Article>, Extraction),
}

impl Loaded {
    pub fn articles(&self) -> &[Article] {
        match self {
            Loaded::Store(s) => s.articles(),
            Loaded::Plain(a, _) => a,
        }
    }
    pub fn extraction(&self) -> &Extraction {
        match self {
            Loaded::Store(s) => s.extraction(),
            Loaded::Plain(_, ex) => ex,
        }
    }
    /// Which report which happening, when a store knows (it merged when it was built).
    pub fn groups(&self) -> Option<&dyn Membership> {
        match self {
            Loaded::Store(s) => Some(&**s),
            Loaded::Plain(..) => None,
        }
    }
    /// The store, built now when there is none yet.
    pub fn into_store(self) -> crate::store::Store {
        match self {
            Loaded::Store(s) => *s,
            Loaded::Plain(a, ex) => crate::store::Store::build(a, ex),
        }
    }
}

/// Load and extract the given paths (the embedded seeds when there are none): through the
/// snapshot cache when `cache` is given, else read and extracted anew. Problems and what
/// happened to the snapshot go to stderr, a line each; fails only when nothing loaded.
pub fn open(
    paths: &[PathBuf],
    opts: corpus::LoadOptions,
    cache: Option<&crate::snapshot::Cache>,
) -> Result<Loaded, CliError> {
    let Some(cache) = cache.filter(|_| !paths.is_empty()) else {
        return load_and_extract(paths, opts).map(|(a, ex)| Loaded::Plain(a, ex));
    };
    let opened = crate::snapshot::open(paths, opts, Some(cache), &|_| {});
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for p in &opened.problems {
        let _ = writeln!(err, "sitrep: {}", p.shown());
    }
    for n in &opened.notes {
        let _ = writeln!(err, "sitrep: {}", crate::printable::one_line(n));
    }
    if std::env::var_os("SITREP_TIMINGS").is_some() {
        let steps: Vec<String> = opened.steps.iter().map(|(n, t)| format!("{n} {:.3}", t.as_secs_f64())).collect();
        let _ = writeln!(
            err,
            "sitrep: timings (s from the start): {}; {} extracted, {} reused",
            steps.join(", "),
            opened.extracted,
            opened.reused
        );
    }
    if opened.store.articles().is_empty() {
        return Err(CliError::NothingLoaded(corpus::described(paths)));
    }
    Ok(Loaded::Store(Box::new(opened.store)))
}

/// Load and extract, keeping why each event was extracted (`--explain`).
pub fn load_and_explain(paths: &[PathBuf], opts: corpus::LoadOptions) -> Result<(Vec<Article>, Extraction), CliError> {
    let articles = load(paths, opts)?;
    let ex = extract::run_explained(&articles);
    Ok((articles, ex))
}

pub fn print_articles(articles: &[Article], format: Format, cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let rows: Vec<ArticleRow> = articles.iter().map(ArticleRow::from).collect();
    match format {
        Format::Json => json(&rows, out)?,
        Format::Csv => csv_out::articles_csv(&rows, cells, out)?,
        Format::Table => table::articles_table(articles, out)?,
        Format::Geojson => return Err(CliError::Unsupported("geojson", "articles (only events have places)")),
    }
    Ok(())
}

/// Print the events `ids`. `groups` says which report which happening (a store knows);
/// without it the extraction is merged here, for the formats that carry clusters.
pub fn print_events(
    articles: &[Article],
    ex: &Extraction,
    groups: Option<&dyn Membership>,
    ids: &[u32],
    format: Format,
    cells: Cells,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let rows: Vec<EventRow> =
        ids.iter().filter_map(|&i| ex.events.get(i as usize)).map(|e| EventRow::new(e, ex, articles)).collect();
    // the table shows no clusters: merging is for the formats that carry them
    let mut merged = None;
    let rows: Vec<EventRow> = match format {
        Format::Table => rows,
        _ => {
            let groups = crate::merge::or_merged(groups, articles, ex, &mut merged);
            rows.into_iter().map(|r| r.merged(groups)).collect()
        }
    };
    match format {
        Format::Json => json(&rows, out)?,
        Format::Csv => csv_out::events_csv(&rows, cells, out)?,
        Format::Table if !ex.why.is_empty() => table::events_explained(&rows, out)?,
        Format::Table => table::events_table(&rows, out)?,
        Format::Geojson => {
            geojson::events_geojson(&rows, out)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

pub fn print_entities(
    articles: &[Article],
    ex: &Extraction,
    format: Format,
    cells: Cells,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let rows: Vec<EntityRow> = ex.entities.iter().map(|e| EntityRow::new(e, articles)).collect();
    match format {
        Format::Json => json(&rows, out)?,
        Format::Csv => csv_out::entities_csv(&rows, cells, out)?,
        Format::Table => table::entities_table(&rows, out)?,
        Format::Geojson => return Err(CliError::Unsupported("geojson", "entities (events carry the places)")),
    }
    Ok(())
}

/// `sitrep notes`: every note, then every flag, of the workspace in the data folder, each
/// marked orphaned when its event or article is not among the articles of `paths` (it is
/// printed all the same). The workspace is opened first, so that a damaged one is reported
/// before a large corpus is read. A data folder without a workspace file has none; it is not made.
pub fn print_notes(
    env: &dyn Fn(&str) -> Option<String>,
    paths: &[PathBuf],
    opts: corpus::LoadOptions,
    format: Format,
    cells: Cells,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::workspace::{FILE_NAME, Workspace, data_dir, keys_for_store};
    if format == Format::Geojson {
        return Err(CliError::Unsupported("geojson", "notes (events carry the places)"));
    }
    let failed = |e: crate::workspace::WorkspaceError| CliError::Workspace(e.short());
    let ws = match data_dir(env).map(|d| d.join(FILE_NAME)) {
        Some(path) if path.exists() => Some(Workspace::open(&path).map_err(failed)?),
        Some(_) => None,
        None => Some(Workspace::open_in(env).map_err(failed)?),
    };
    let (notes, flags) = match &ws {
        Some(ws) => (ws.notes().map_err(failed)?, ws.flags().map_err(failed)?),
        None => (Vec::new(), Vec::new()),
    };
    let (articles, ex) = load_and_extract(paths, opts)?;
    let store = crate::store::Store::build(articles, ex);
    let keys = keys_for_store(&store);
    let rows: Vec<NoteRow> = notes
        .iter()
        .map(|n| NoteRow::of_note(n, &keys))
        .chain(flags.iter().map(|f| NoteRow::of_flag(f, &keys)))
        .collect();
    match format {
        Format::Json => json(&rows, out)?,
        Format::Csv => csv_out::notes_csv(&rows, cells, out)?,
        Format::Table => table::notes_table(&rows, out)?,
        Format::Geojson => {} // refused above
    }
    Ok(())
}

/// A short human summary of a loaded corpus.
/// `sitrep cache info` (`clear` false) or `sitrep cache clear`.
pub fn cache_command(cache: Option<&crate::snapshot::Cache>, clear: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let Some(cache) = cache else {
        return Err(CliError::Query(if clear {
            "cache: nothing to clear (--no-cache, or no cache folder: set SITREP_CACHE_HOME)".into()
        } else {
            "cache: none (--no-cache, or no cache folder: set SITREP_CACHE_HOME)".into()
        }));
    };
    let dir = cache.dir.display();
    if clear {
        let (files, bytes) = cache.clear().map_err(|e| CliError::Query(format!("cache: {dir}: {e}")))?;
        writeln!(
            out,
            "removed {files} snapshot file{} ({:.1} MB) from {dir}",
            if files == 1 { "" } else { "s" },
            bytes as f64 / 1e6
        )?;
        return Ok(());
    }
    let lines = cache.info();
    writeln!(out, "cache folder {dir}: {} snapshot{}", lines.len(), if lines.len() == 1 { "" } else { "s" })?;
    for l in lines {
        writeln!(out, "{}", crate::printable::one_line(&l))?;
    }
    Ok(())
}

pub fn print_stats(
    articles: &[Article],
    ex: &Extraction,
    groups: Option<&dyn Membership>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use std::collections::BTreeMap;
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    writeln!(out, "articles  {}", articles.len())?;
    writeln!(out, "body text {} bytes", bytes)?;
    writeln!(out, "entities  {}", ex.entities.len())?;
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &ex.entities {
        *by_kind.entry(e.kind.as_str()).or_default() += 1;
    }
    for (k, n) in &by_kind {
        writeln!(out, "  {k:<8} {n}")?;
    }
    writeln!(out, "events    {}", ex.events.len())?;
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &ex.events {
        *by_kind.entry(e.kind.as_str()).or_default() += 1;
    }
    for (k, n) in &by_kind {
        writeln!(out, "  {k:<17} {n}")?;
    }
    // reports of one happening in different articles count once here (a store merged when
    // it was built)
    let mut merged = None;
    let groups = crate::merge::or_merged(groups, articles, ex, &mut merged);
    let (mut total, mut several) = (0, 0);
    for id in (0..ex.events.len() as u32).filter(|&id| groups.cluster_of(id) == id) {
        total += 1;
        several += usize::from(groups.reports_of(id) > 1);
    }
    writeln!(out, "happenings {total} ({several} reported by two or more articles)")?;
    Ok(())
}

/// `sitrep events --merged`: a row per happening among the events `ids` (every report of a
/// happening that one of them reports), with its reports, first report and merged counts.
/// `groups` as for [`print_events`].
pub fn print_merged(
    articles: &[Article],
    ex: &Extraction,
    groups: Option<&dyn Membership>,
    ids: &[u32],
    format: Format,
    cells: Cells,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut merged = None;
    let groups = crate::merge::or_merged(groups, articles, ex, &mut merged);
    let wanted: std::collections::HashSet<u32> =
        ids.iter().filter(|&&i| (i as usize) < ex.events.len()).map(|&i| groups.cluster_of(i)).collect();
    let rows: Vec<EventRow> = ex
        .events
        .iter()
        .filter(|e| wanted.contains(&groups.cluster_of(e.id)))
        .map(|e| EventRow::new(e, ex, articles).merged(groups))
        .collect();
    let article = |r: &EventRow| ex.events.get(r.id as usize).and_then(|e| articles.get(e.article as usize));
    let source = |r: &EventRow| article(r).map(crate::store::source_label).unwrap_or_default().to_string();
    let published = |r: &EventRow| article(r).and_then(|a| a.published).map(|d| d.format("%Y-%m-%d").to_string());
    let merged = merged::group(rows, &source, &published);
    match format {
        Format::Json => json(&merged, out)?,
        Format::Csv => csv_out::merged_csv(&merged, cells, out)?,
        Format::Table => merged::table(&merged, out)?,
        Format::Geojson => return Err(CliError::Unsupported("geojson", "--merged (use it without --merged)")),
    }
    Ok(())
}

/// Write the events `ids` of `store` to the file `path`, in the format its extension names
/// (CSV with the safe cells, JSON or GeoJSON), through a temporary file renamed into place,
/// so a failed export leaves no half-written file. Returns how many events were written.
pub fn export_events(store: &crate::store::Store, ids: &[u32], path: &std::path::Path) -> Result<usize, String> {
    let shown = crate::printable::one_line(&path.display().to_string()).into_owned();
    let format = Format::from_path(path)
        .ok_or_else(|| format!("export {shown}: name the file .csv, .json or .geojson to choose the format"))?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let name = path.file_name().ok_or_else(|| format!("export {shown}: not a file name"))?;
    let tmp = dir.join(format!(".{}.sitrep-tmp", name.to_string_lossy()));
    let write = || -> Result<(), CliError> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = io::BufWriter::new(file);
        print_events(store.articles(), store.extraction(), Some(store), ids, format, Cells::Safe, &mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("export {shown}: {}", crate::printable::one_line(&e.to_string()))
    })?;
    Ok(ids.len())
}
