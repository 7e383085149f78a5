use sitrep::store::{Progress, Store};
use sitrep::tui::{self, Options};
fn main() {
    let big = std::env::args().nth(1).and_then(|a| a.parse::<usize>().ok());
    let load: tui::Loader = Box::new(move |p: &dyn Fn(Progress)| {
        p(Progress::new("reading", 0, 0));
        std::thread::sleep(std::time::Duration::from_millis(500));
        match big {
            Some(n) => Ok(sitrep::store::demo::synthetic(n)),
            None => {
                let (a, ex) = sitrep::store::demo::demo_parts();
                Ok(Store::build_with_progress(a, ex, p))
            }
        }
    });
    if let Err(e) = tui::run(load, Options::default()) {
        eprintln!("sitrep: {e}");
        std::process::exit(1);
    }
}
