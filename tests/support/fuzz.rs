//! The fuzz harness, shared by `examples/fuzz.rs` (long runs) and `tests/fuzz_smoke.rs` (a few
//! thousand inputs in `cargo test`): real-looking articles (the seeds) mutated in the ways
//! scraped text goes wrong, each loaded, extracted, indexed and queried, and the invariants
//! checked; and random queries over the parser and the incremental search.

use std::sync::Arc;

use sitrep::corpus::{Article, Span, parse_file};
use sitrep::store::{Query, SearchRequest, Searcher, Sort, Store, Window};

#[path = "pieces.rs"]
mod pieces;

/// The seed articles (in the repository), the material mutations start from.
const SEEDS: [&[u8]; 5] = [
    include_bytes!("../../seeds/000_4d22cf2adf4e168a.txt"),
    include_bytes!("../../seeds/001_abb7e713285549bd.txt"),
    include_bytes!("../../seeds/002_051bb3b622d477ed.txt"),
    include_bytes!("../../seeds/003_7a49b44013ccec93.txt"),
    include_bytes!("../../seeds/004_af50b2a087189622.txt"),
];

/// Fragments mutations insert: front matter, headers, markup, absurd dates and numbers,
/// control and format characters, other encodings' bytes.
const FRAGMENTS: &[&str] = &[
    "---\ntitle: \"x\"\ndate: 99999-99-99\n---\n",
    "---\ntitle:\n---",
    "Title: \nDate: 2026-02-30\nSource: http://\n\n",
    "## Metadata\n\n- **URL**: https://example.com/a\n- **timestamp**: 2026-13-45T99:99\n\n## Content\n\n",
    "<html><body><p>",
    "</p></div></body>",
    "<?xml version=\"1.0\"?><rss><channel><item><title>x</title>",
    "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
    " on February 31, 20261 ",
    " on 0/0/0 ",
    " between 9999 BC and March 2099 ",
    " killing 99999999999999999999 people ",
    " killing -5 people and injuring 4294967295 ",
    " 4,294,967,296 drones and 1e9999 missiles ",
    " launched 476 drones and 48 missiles at Kharkiv Oblast ",
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}[2J",
    "\u{202e}",
    "\u{feff}",
    "\u{200b}",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\u{0}",
    "\u{85}",
    "Київ, Донецька область. ",
    "\u{1F4A5}",
    "[1][2][](https://x)",
    "READ MORE: ",
    "Photo: Reuters/Name",
    "(Reuters) - ",
];

/// A small, fast, seeded generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// One mutated article: a file name (its extension decides the reader) and its bytes.
pub fn mutated(rng: &mut Rng) -> (String, Vec<u8>) {
    let mut b = rng.pick(&SEEDS).to_vec();
    // Work on a slice of a seed, often, so that most inputs are small and the run is fast.
    if rng.below(3) > 0 {
        let from = rng.below(b.len());
        let len = 200 + rng.below(3000);
        b = b[from..(from + len).min(b.len())].to_vec();
    }
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(b.len() + 1);
        match rng.below(9) {
            // Byte flips.
            0 => {
                for _ in 0..1 + rng.below(8) {
                    if !b.is_empty() {
                        let i = rng.below(b.len());
                        b[i] ^= 1 << rng.below(8);
                    }
                }
            }
            // A fragment.
            1 | 2 => {
                let f = (*rng.pick(FRAGMENTS)).as_bytes();
                b.splice(at..at, f.iter().copied());
            }
            // A splice of another seed.
            3 => {
                let other = rng.pick(&SEEDS);
                let from = rng.below(other.len());
                let len = rng.below(2000);
                let piece = &other[from..(from + len).min(other.len())];
                b.splice(at..at, piece.iter().copied());
            }
            // Truncation.
            4 => b.truncate(at),
            // A range repeated (an article pasted twice, a stuck scraper).
            5 => {
                let len = rng.below(1500).min(b.len() - at.min(b.len()));
                let piece = b[at..at + len].to_vec();
                for _ in 0..1 + rng.below(3) {
                    b.splice(at..at, piece.iter().copied());
                }
            }
            // Random bytes.
            6 => {
                let junk: Vec<u8> = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
                b.splice(at..at, junk);
            }
            // A huge line, rarely.
            7 if rng.below(50) == 0 => {
                let line =
                    b"Russian drones struck Kharkiv overnight, injuring 3 people. ".repeat(1000 + rng.below(3000));
                b.splice(at..at, line);
            }
            // Lines joined or split.
            _ => {
                for x in b.iter_mut() {
                    if *x == b'\n' && rng.below(4) == 0 {
                        *x = b' ';
                    }
                }
            }
        }
    }
    let ext = *rng.pick(&["txt", "txt", "txt", "md", "html", "rss", "json", "txt.gz"]);
    (format!("fuzz/{}.{ext}", rng.next() % 1000), b)
}

/// What a run found.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub inputs: u64,
    pub loaded: u64,
    pub articles: u64,
    pub events: u64,
    pub queries: u64,
}

/// Load, extract, index and query a batch of inputs, checking every invariant; `Err` names
/// the first broken one.
pub fn run_batch(inputs: &[(String, Vec<u8>)], rng: &mut Rng, tally: &mut Tally) -> Result<(), String> {
    let mut articles: Vec<Article> = Vec::new();
    let mut sources: Vec<usize> = Vec::new();
    for (k, (name, bytes)) in inputs.iter().enumerate() {
        tally.inputs += 1;
        let Ok(arts) = parse_file(name, bytes) else { continue };
        tally.loaded += 1;
        for a in arts {
            a.verify(bytes).map_err(|e| format!("{name}: {e}"))?;
            articles.push(a);
            sources.push(k);
        }
    }
    tally.articles += articles.len() as u64;
    let ex = sitrep::extract::run(&articles);
    for e in &ex.events {
        let a = &articles[e.article as usize];
        let file = a.span_source(&inputs[sources[e.article as usize]].1);
        let b = e.body();
        if b.end > a.body.len() || !a.body.is_char_boundary(b.start) || !a.body.is_char_boundary(b.end) {
            return Err(format!("{}: event body span {b:?} off the body", a.id));
        }
        let f: Span = e.file_span(a);
        let boundary = |o: usize| o == file.len() || (o < file.len() && file[o] & 0xC0 != 0x80);
        if f.end > file.len() || f.start > f.end || !boundary(f.start) || !boundary(f.end) {
            return Err(format!("{}: event file span {f:?} off the file ({} bytes)", a.id, file.len()));
        }
        let (from_body, from_file) = pieces::piece_text(file, a, b, f);
        if from_body != from_file {
            return Err(format!("{}: event text differs from the file at {f:?}", a.id));
        }
    }
    tally.events += ex.events.len() as u64;
    let store = Arc::new(Store::build(articles, ex));
    let mut searcher = Searcher::new(Arc::clone(&store));
    for _ in 0..3 {
        let q = random_query(rng);
        query_once(&store, &mut searcher, &q, rng);
        tally.queries += 1;
    }
    Ok(())
}

/// Words of the query language, and words that are not.
const QUERY_PARTS: &[&str] = &[
    "kind:",
    "kind:strike",
    "kind:strike,aid",
    "-kind:statement",
    "place:",
    "place:donetsk",
    "place=\"Abu Dhabi\"",
    "entity:lavrov",
    "source:isw",
    "claimed:",
    "since:",
    "since:2026-02-01",
    "until:2026-13-99",
    "date:2026-02",
    "date:undated",
    "date:imprecise",
    "killed>",
    "killed>0",
    "injured>=3",
    "casualties>99999999999",
    "drones>-1",
    "missiles>=1",
    "status:disputed",
    "sort:",
    "sort:casualties",
    "druzh",
    "kyiv",
    "\"",
    "\"\"",
    "=",
    ">",
    ">=",
    "-",
    "--",
    ":",
    ",",
    "(",
    ")",
    "*",
    "\\",
    "日本",
    "Київ",
    "\u{1b}[2J",
    "\u{202e}",
    " ",
    "  ",
    "x:y:z",
    "a=b=c",
];

/// A random query: pieces of the language and garbage, joined by spaces or not.
pub fn random_query(rng: &mut Rng) -> String {
    let mut q = String::new();
    for _ in 0..rng.below(7) {
        if rng.below(3) > 0 {
            q.push(' ');
        }
        if rng.below(8) == 0 {
            q.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('?'));
        } else {
            q.push_str(rng.pick::<&str>(QUERY_PARTS));
        }
    }
    q
}

/// Parse and run a query (when it parses) through the store and, with a random timeline
/// window and sort, the incremental search; nothing may panic.
pub fn query_once(store: &Store, searcher: &mut Searcher, q: &str, rng: &mut Rng) {
    let _ = store.query_str(q);
    if let Ok(query) = Query::parse(q) {
        let window = match rng.below(5) {
            0 => Some(Window::Imprecise),
            1 => Some(Window::Undated),
            2 => store.day_range().map(|(a, b)| Window::Days(a, b)),
            3 => store.day_range().map(|(a, _)| Window::Days(a, a)),
            _ => None,
        };
        let sort = *rng.pick(&[Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Casualties]);
        let req = SearchRequest { generation: rng.next(), query, sort, window, ..Default::default() };
        let _ = searcher.search(&req, &|| false);
    }
}
