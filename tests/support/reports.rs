//! Articles written for the tests of merging: two outlets on one market strike in
//! Druzhkivka (5 killed on the 4th, then 7 killed and 8 injured the next day) and one on a
//! strike on Odesa's port the same day.

/// Write the three articles into `dir` and return it.
pub fn two_reports_of_one_strike(dir: &std::path::Path) -> &std::path::Path {
    let put = |name: &str, head: &str, text: &str| {
        std::fs::write(dir.join(name), format!("{head}\n\n{text}\n")).expect("the test folder takes files")
    };
    put(
        "a.txt",
        "Title: Market hit in Druzhkivka\nDate: 2026-02-04\nSource: Early Wire",
        "Russian shelling hit a market in Druzhkivka on February 4, killing five people, the governor said.",
    );
    put(
        "b.txt",
        "Title: Toll rises in Druzhkivka\nDate: 2026-02-05\nSource: Late Paper",
        "A Russian strike on the market in Druzhkivka on February 4 killed seven people and injured eight.",
    );
    put(
        "c.txt",
        "Title: Drones over Odesa\nDate: 2026-02-05\nSource: Port News",
        "Russian drones hit the port of Odesa on February 4, injuring two workers, officials said.",
    );
    dir
}
