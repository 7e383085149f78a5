use sitrep::store::{Query, SearchRequest, Searcher, Sort, Window};
use std::sync::Arc;
use std::time::Instant;
fn main() {
    for n in [100_000usize, 1_000_000] {
        let t = Instant::now();
        let store = Arc::new(sitrep::store::demo::synthetic(n));
        println!("n={n} build {:?}", t.elapsed());
        let mut s = Searcher::new(store.clone());
        let mut g = 0;
        for q in [
            "",
            "d",
            "dr",
            "dru",
            "druz",
            "druzh",
            "druzh m",
            "druzh ma",
            "kind:strike druzh ma",
            "place:donetsk",
            "place:donetsk killed>0",
            "e",
            "en",
            "ene",
            "energy",
        ] {
            g += 1;
            let t = Instant::now();
            let out = s
                .search(
                    &SearchRequest {
                        generation: g,
                        query: Query::parse(q).unwrap(),
                        sort: Sort::Relevance,
                        window: None,
                    },
                    &|| false,
                )
                .unwrap();
            println!("  {q:28} {:>8} hits {:?}", out.len(), t.elapsed());
        }
        let d = store.day_range().unwrap().0;
        let t = Instant::now();
        let out = s
            .search(
                &SearchRequest {
                    generation: 99,
                    query: Query::parse("energy").unwrap(),
                    sort: Sort::Relevance,
                    window: Some(Window::Days(d, d)),
                },
                &|| false,
            )
            .unwrap();
        println!("  window                       {:>8} rows {:?}", out.len(), t.elapsed());
        let t = Instant::now();
        let _ = out.row_of(out.hits.last().unwrap().event);
        println!("  row_of {:?}", t.elapsed());
    }
}
