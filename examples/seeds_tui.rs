use sitrep::store::{Progress, Store};
use sitrep::tui::{self, Options};
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let load: tui::Loader = Box::new(move |p: &dyn Fn(Progress)| {
        p(Progress::new("reading", 0, 0));
        let rep = if paths.is_empty() { sitrep::corpus::load_seeds() } else { sitrep::corpus::load_paths(&paths) };
        p(Progress::new("extracting", 0, rep.articles.len()));
        let ex = sitrep::extract::run(&rep.articles);
        Ok(Store::build_with_progress(rep.articles, ex, p))
    });
    if let Err(e) = tui::run(load, Options::default()) {
        eprintln!("sitrep: {e}");
        std::process::exit(1);
    }
}
