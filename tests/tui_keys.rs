//! Update tests: key presses through the keymap, assertions on the model.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use crossterm::event::MouseEventKind;
use demo::demo;
use harness::Harness;
use sitrep::store::{Progress, Sort, Window};
use sitrep::tui::keymap::{Context, Keymap};
use sitrep::tui::model::{Effect, Focus, Msg};
use sitrep::tui::timeline::Zoom;

fn places(h: &Harness) -> Vec<String> {
    let s = h.model.store().unwrap();
    (0..h.model.results.len()).map(|r| s.place_label(h.model.results.get(r).unwrap().event).to_string()).collect()
}

fn selected_place(h: &Harness) -> String {
    let s = h.model.store().unwrap();
    s.place_label(h.model.selected_hit().unwrap().event).to_string()
}

#[test]
fn list_navigation() {
    let mut h = Harness::new(demo(), 120, 40);
    assert_eq!(h.model.focus, Focus::List);
    assert_eq!(h.model.results.len(), 9);
    assert_eq!(h.model.list.selected, 0);
    h.keys("j j");
    assert_eq!(h.model.list.selected, 2);
    assert_eq!(selected_place(&h), "Kyiv");
    h.keys("k");
    assert_eq!(h.model.list.selected, 1);
    h.keys("G");
    assert_eq!(h.model.list.selected, 8);
    h.keys("j down");
    assert_eq!(h.model.list.selected, 8, "stays on the last row");
    h.keys("g");
    assert_eq!(h.model.list.selected, 0);
    h.keys("ctrl-d");
    assert!(h.model.list.selected > 0);
    h.keys("end");
    assert_eq!(h.model.list.selected, 8);
    h.keys("home up");
    assert_eq!(h.model.list.selected, 0);
}

#[test]
fn the_done_when_path_druzh_enter_enter_esc_q() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    assert!(h.model.input.is_some());
    h.type_text("druzh");
    assert_eq!(places(&h), vec!["Druzhkivka"], "filters on every keystroke");
    h.key("enter");
    assert!(h.model.input.is_none());
    assert_eq!(h.model.focus, Focus::List);
    assert_eq!(h.model.query_text, "druzh");
    h.key("enter");
    assert_eq!(h.model.focus, Focus::Reader);
    let store = h.model.store().unwrap();
    let ev = store.event(h.model.reader.event.unwrap()).unwrap();
    assert_eq!(store.place_label(ev.id), "Druzhkivka");
    assert_eq!(h.model.reader.article, Some(ev.article));
    // the strike's sentence is in view
    let lines = &h.model.reader.lines;
    let line = lines.partition_point(|l| l.start <= ev.body().start) - 1;
    let a = sitrep::tui::layout::areas(&h.model);
    let r = &h.model.reader;
    assert!(line >= r.scroll && line < r.scroll + a.text.height as usize);
    // and Druzhkivka is a mention in that article
    let art = store.article(ev.article).unwrap();
    assert!(store.mentions_in(ev.article).iter().any(|m| &art.body[m.body().start..m.body().end] == "Druzhkivka"));
    h.key("esc");
    assert_eq!(h.model.focus, Focus::List);
    assert!(!h.model.quit);
    h.key("q");
    assert!(h.model.quit);
}

#[test]
fn typing_q_does_not_quit_but_ctrl_c_always_does() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.type_text("q");
    assert!(!h.model.quit);
    assert_eq!(h.model.input.as_ref().unwrap().text, "q");
    h.key("ctrl-c");
    assert!(h.model.quit);
}

#[test]
fn bad_query_shows_an_error_and_keeps_the_results() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.type_text("kind:strike");
    assert_eq!(h.model.results.len(), 4);
    // pasted in one go, so no prefix of it ran as a query of its own
    h.send(Msg::Paste(" killed>x".into()));
    let err = h.model.query_error.clone().expect("an error");
    assert!(err.message.contains("not a whole number"), "{}", err.message);
    assert!(h.model.status.as_ref().unwrap().error);
    assert_eq!(h.model.results.len(), 4, "the last good query stays");
    h.key("enter");
    assert!(h.model.input.is_some(), "a bad query is not accepted");
    for _ in 0..9 {
        h.key("backspace");
    }
    assert!(h.model.query_error.is_none());
    h.type_text(" since:2026-13-01");
    assert!(h.model.query_error.as_ref().unwrap().message.contains("month 13"));
    h.key("ctrl-w");
    assert!(h.model.query_error.is_none());
    h.type_text("foo:bar");
    assert!(h.model.query_error.as_ref().unwrap().message.contains("unknown filter 'foo'"));
    h.key("esc");
    assert!(h.model.input.is_none());
    assert_eq!(h.model.query_text, "");
    assert_eq!(h.model.results.len(), 9, "Esc restores the query before typing");
}

#[test]
fn input_editing_and_history() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.type_text("kind:strike");
    h.key("enter");
    h.key("/");
    h.key("ctrl-u");
    assert_eq!(h.model.results.len(), 9);
    h.type_text("kyvi");
    h.keys("left backspace");
    h.type_text("i");
    h.keys("right");
    h.key("backspace");
    assert_eq!(h.model.input.as_ref().unwrap().text, "kyi");
    h.key("home");
    h.type_text("x");
    assert_eq!(h.model.input.as_ref().unwrap().text, "xkyi");
    h.keys("delete end");
    assert_eq!(h.model.input.as_ref().unwrap().cursor, 3);
    h.key("up");
    assert_eq!(h.model.input.as_ref().unwrap().text, "kind:strike");
    assert_eq!(h.model.results.len(), 4);
    h.key("down");
    assert_eq!(h.model.input.as_ref().unwrap().text, "kind:strike", "back to the text before");
    h.key("esc");
    assert_eq!(h.model.query_text, "kind:strike");
    // paste goes into the query while typing
    h.key("/");
    h.key("ctrl-u");
    h.send(Msg::Paste("druzh\n".into()));
    assert_eq!(places(&h), vec!["Druzhkivka"]);
}

#[test]
fn focus_cycles() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("tab");
    assert_eq!(h.model.focus, Focus::Reader);
    h.key("tab");
    assert_eq!(h.model.focus, Focus::Entities);
    h.key("tab");
    assert_eq!(h.model.focus, Focus::Articles);
    h.key("tab");
    assert_eq!(h.model.focus, Focus::Timeline);
    h.key("shift-tab");
    assert_eq!(h.model.focus, Focus::Articles);
    h.keys("1");
    assert_eq!(h.model.focus, Focus::Timeline);
    h.keys("2");
    assert_eq!(h.model.focus, Focus::List);
    h.keys("3");
    assert_eq!(h.model.focus, Focus::Reader);
    // at 80x24 the panes stack and the entity list is still there
    let mut h = Harness::new(demo(), 80, 24);
    h.keys("tab tab");
    assert_eq!(h.model.focus, Focus::Entities);
}

#[test]
fn reader_mentions_and_filter_to_an_entity() {
    let mut h = Harness::new(demo(), 120, 40);
    // the Feb 1 statement by Lavrov is in the ISW article
    h.key("/");
    h.type_text("kind:statement sort:oldest");
    h.key("enter");
    assert_eq!(h.model.results.len(), 2);
    h.key("enter");
    assert_eq!(h.model.focus, Focus::Reader);
    let store = h.model.store.clone().unwrap();
    let name_at = |h: &Harness| {
        let art = h.model.reader.article.unwrap();
        let m = store.mentions_in(art)[h.model.reader.mention.unwrap()];
        store.entity_at(m.entity).unwrap().name.clone()
    };
    // n walks mentions from the top of the view
    h.key("n");
    let first = h.model.reader.mention.unwrap();
    h.key("n");
    assert_eq!(h.model.reader.mention, Some(first + 1));
    h.key("N");
    assert_eq!(h.model.reader.mention, Some(first));
    // go to Lavrov
    for _ in 0..20 {
        if name_at(&h) == "Sergei Lavrov" {
            break;
        }
        h.key("n");
    }
    assert_eq!(name_at(&h), "Sergei Lavrov");
    assert!(h.model.status.as_ref().unwrap().text.contains("Sergei Lavrov"));
    h.key("enter");
    assert_eq!(h.model.focus, Focus::List);
    assert_eq!(h.model.query_text, "entity=\"Sergei Lavrov\"");
    assert_eq!(h.model.results.len(), 2, "both events naming him");
    // the card lists the articles that name him
    let pos = h.model.card_entity().unwrap();
    assert_eq!(store.entity_at(pos).unwrap().name, "Sergei Lavrov");
    assert_eq!(store.articles_naming(pos).len(), 2);
    let screen = h.screen();
    assert!(screen.contains("Sergei Lavrov · person · 2 events · 4 mentions"), "{screen}");
    assert!(screen.contains("2× ISW"), "{screen}");
    assert!(screen.contains("Asharq Al-Awsat"), "{screen}");
    // u goes back
    h.key("u");
    assert_eq!(h.model.query_text, "kind:statement sort:oldest");
}

#[test]
fn entity_side_list() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("4");
    assert_eq!(h.model.focus, Focus::Entities);
    let store = h.model.store.clone().unwrap();
    let art = h.model.reader.article.unwrap();
    let ents = store.entities_in(art).to_vec();
    h.key("j");
    assert_eq!(h.model.reader.entity_sel, 1);
    // n jumps to that entity's mentions in the text
    h.key("n");
    let m = store.mentions_in(art)[h.model.reader.mention.unwrap()];
    assert_eq!(m.entity, ents[1].0);
    h.key("enter");
    assert_eq!(h.model.focus, Focus::List);
    let name = store.entity_at(ents[1].0).unwrap().name.clone();
    assert_eq!(h.model.query_text, format!("entity=\"{name}\""));
    assert!(!h.model.results.is_empty());
    h.keys("3 e");
    assert_eq!(h.model.focus, Focus::Entities);
    h.key("esc");
    assert_eq!(h.model.focus, Focus::Reader);
}

#[test]
fn timeline_filters_the_list() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("1");
    assert_eq!(h.model.focus, Focus::Timeline);
    assert!(h.model.timeline.window().is_none(), "focus alone does not filter");
    assert_eq!(h.model.results.len(), 9);
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // the cursor starts on the last day (Feb 6); two steps left is Feb 4
    h.keys("h h");
    assert_eq!(h.model.timeline.window(), Some(Window::Days(d("2026-02-04"), d("2026-02-04"))));
    assert_eq!(places(&h), vec!["Druzhkivka"]);
    // a span
    h.keys("space h h h");
    assert_eq!(h.model.timeline.window(), Some(Window::Days(d("2026-02-01"), d("2026-02-04"))));
    assert_eq!(h.model.results.len(), 5);
    // the histogram still counts every matching event (the window does not change it)
    assert_eq!(h.model.results.histogram.day(d("2026-02-06")).total(), 1);
    h.key("esc");
    assert!(h.model.timeline.window().is_none());
    assert_eq!(h.model.results.len(), 9);
    // the slots at the end: imprecise, then undated
    h.keys("G l");
    assert_eq!(h.model.timeline.window(), Some(Window::Imprecise));
    assert_eq!(h.model.results.len(), 2);
    h.key("l");
    assert_eq!(h.model.timeline.window(), Some(Window::Undated));
    assert_eq!(places(&h), vec!["Pokrovsk"]);
    // zoom out, a week, then a month: the view changes, the filter (the first day) does not
    h.key("g");
    let first_day = h.model.timeline.window();
    assert_eq!(first_day, Some(Window::Days(d("2026-02-01"), d("2026-02-01"))));
    let n = h.model.results.len();
    h.key("-");
    assert_eq!(h.model.timeline.zoom, Zoom::Week);
    assert_eq!(h.model.timeline.window(), first_day);
    h.key("z");
    assert_eq!(h.model.timeline.zoom, Zoom::Month);
    assert_eq!(h.model.results.len(), n);
    // a move at month zoom takes the whole month
    h.key("l");
    h.key("h");
    assert_eq!(h.model.results.len(), 6);
    h.key("+");
    assert_eq!(h.model.timeline.zoom, Zoom::Week);
    h.key("enter");
    assert_eq!(h.model.focus, Focus::List);
    // the timeline combines with the query
    h.key("/");
    h.type_text("kind:statement");
    h.key("enter");
    assert!(h.model.results.len() <= 2);
    h.key("X");
    assert!(h.model.timeline.window().is_none());
    assert_eq!(h.model.results.len(), 9);
}

#[test]
fn sort_cycles() {
    let mut h = Harness::new(demo(), 120, 40);
    assert_eq!(h.model.sort, Sort::Relevance);
    // (Without free words best match is newest first: the first `s` goes on to oldest.)
    h.key("s");
    assert_eq!(h.model.sort, Sort::Oldest);
    assert_eq!(places(&h)[0], "Sumy Oblast");
    h.key("s");
    assert_eq!(h.model.sort, Sort::Casualties);
    assert_eq!(places(&h)[0], "Ternivka");
    assert_eq!(places(&h)[1], "Druzhkivka");
    assert!(h.model.status.as_ref().unwrap().text.contains("casualties"));
}

#[test]
fn selection_follows_the_event_across_results() {
    let mut h = Harness::new(demo(), 120, 40);
    h.keys("j");
    assert_eq!(selected_place(&h), "Druzhkivka");
    // the same results again (a resize, a reload): the selection stays
    h.resize(120, 40);
    assert_eq!(selected_place(&h), "Druzhkivka");
    // a new query opens at its first row, not part-way down
    h.key("j");
    assert_eq!(selected_place(&h), "Kyiv");
    h.key("/");
    h.send(Msg::Paste("kind:strike".into()));
    h.key("enter");
    assert_eq!(h.model.results.len(), 4);
    assert_eq!(h.model.list.selected, 0, "a new query starts at the top");
    assert_eq!(h.model.list.offset, 0);
    // stale results are dropped
    let stale = {
        let mut s = sitrep::store::Searcher::new(h.model.store.clone().unwrap());
        let req = sitrep::store::SearchRequest {
            generation: 1,
            query: Default::default(),
            sort: Sort::Relevance,
            window: None,
            ..Default::default()
        };
        s.search(&req, &|| false).unwrap()
    };
    h.send(Msg::Results(stale));
    assert_eq!(h.model.results.len(), 4);
}

#[test]
fn help_overlay() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("?");
    assert_eq!(h.model.help, Some(0));
    h.keys("j j");
    assert_eq!(h.model.help, Some(2));
    h.key("q");
    assert_eq!(h.model.help, None);
    assert!(!h.model.quit, "q closes the help");
    h.key("?");
    let screen = h.screen();
    assert!(screen.contains("Event list"));
    assert!(screen.contains("type a query"));
    h.key("G");
    let screen = h.screen();
    assert!(screen.contains("Query language"), "{screen}");
    let bottom = h.model.help.unwrap();
    h.key("k");
    assert_eq!(h.model.help, Some(bottom - 1), "the bottom is a real position");
    assert!(screen.contains("place:donetsk"));
    h.key("esc");
    assert_eq!(h.model.help, None);
}

#[test]
fn mouse_click_wheel_and_switch_off() {
    let mut h = Harness::new(demo(), 120, 40);
    let a = sitrep::tui::layout::areas(&h.model);
    h.click(a.rows.x + 3, a.rows.y + 2);
    assert_eq!(h.model.list.selected, 2);
    h.mouse(MouseEventKind::ScrollDown, a.rows.x + 3, a.rows.y);
    assert_eq!(h.model.list.selected, 5);
    h.click(a.reader.x + 3, a.reader.y + 3);
    assert_eq!(h.model.focus, Focus::Reader);
    // click a day on the timeline
    let g = sitrep::tui::layout::timeline_geom(a.timeline, h.model.timeline.buckets.len());
    h.click(g.bars.x + g.col_w * 3, g.bars.y + 1);
    assert_eq!(h.model.focus, Focus::Timeline);
    assert_eq!(h.model.timeline.cursor, 3);
    assert_eq!(places(&h), vec!["Druzhkivka"]);
    h.click(g.undated.x + 1, g.undated.y + 1);
    assert_eq!(places(&h), vec!["Pokrovsk"]);
    // off
    h.key("M");
    assert!(!h.model.mouse);
    assert_eq!(h.effects.last(), Some(&Effect::SetMouse(false)));
    h.click(a.rows.x + 3, a.rows.y);
    assert_eq!(h.model.focus, Focus::Timeline, "ignored while off");
}

#[test]
fn resize_to_tiny_and_back() {
    let mut h = Harness::new(demo(), 120, 40);
    h.keys("/");
    h.type_text("druzh");
    h.key("enter");
    h.key("enter");
    h.resize(30, 8);
    let s = h.screen();
    assert!(s.contains("too small"), "{s}");
    h.resize(1, 1);
    let _ = h.screen();
    h.resize(0, 0);
    let _ = h.screen();
    h.resize(120, 40);
    assert_eq!(h.model.focus, Focus::Reader);
    assert!(h.screen().contains("Druzhkivka"));
    h.resize(30, 8);
    h.key("q");
    assert!(h.model.quit, "q works on the too-small screen");
}

#[test]
fn keymap_overrides_apply() {
    let mut k = Keymap::defaults();
    let p = k.apply("[list]\nx = \"down\"\nj = \"none\"\n", "keymap.toml");
    assert!(p.is_empty());
    assert_eq!(k.keys_for(Context::List, sitrep::tui::action::Action::Down).len(), 2);
    let mut h = Harness::new(demo(), 120, 40).with_keymap(k);
    h.key("x");
    assert_eq!(h.model.list.selected, 1);
    assert!(h.screen().contains("x/k move"), "hints follow the keymap");
    h.key("j");
    assert_eq!(h.model.list.selected, 1, "j unbound");
}

#[test]
fn loading_state() {
    let mut h = Harness::loading(120, 40);
    h.send(Msg::Progress(Progress::new("extracting", 2, 5)));
    h.send(Msg::Progress(Progress::note("a.md: not UTF-8")));
    let s = h.screen();
    assert!(s.contains("loading · extracting 2/5"), "{s}");
    h.keys("j / enter");
    assert!(h.model.input.is_none(), "nothing to search yet");
    h.send(Msg::Loaded(Err("seeds/: no such folder".into())));
    assert!(h.screen().contains("could not load: seeds/: no such folder"));
    h.key("q");
    assert!(h.model.quit);
}

#[test]
fn empty_store_does_not_break_anything() {
    let store = sitrep::store::Store::build(Vec::new(), Default::default());
    let mut h = Harness::new(store, 80, 24);
    h.keys("j k G g enter esc tab tab tab tab h l space - + n N enter ? j esc / x");
    h.key("enter");
    let s = h.screen();
    assert!(s.contains("0 of 0 events"), "{s}");
}

#[test]
fn mouse_in_the_reader_picks_a_mention_and_a_second_click_filters() {
    let mut h = Harness::new(demo(), 120, 40);
    // a click on the selected row opens it
    let a = sitrep::tui::layout::areas(&h.model);
    h.click(a.rows.x + 3, a.rows.y);
    assert_eq!(h.model.focus, Focus::Reader);
    // find where "Sergei Lavrov" is drawn
    let buf = h.render();
    let a = sitrep::tui::layout::areas(&h.model);
    let mut hit = None;
    for y in a.text.y..a.text.y + a.text.height {
        let row: Vec<String> = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(x) = row.windows(6).position(|w| w.concat() == "Lavrov") {
            hit = Some((x as u16, y));
            break;
        }
    }
    let (x, y) = hit.expect("Lavrov on screen");
    h.click(x + 1, y);
    let store = h.model.store.clone().unwrap();
    let art = h.model.reader.article.unwrap();
    let m = store.mentions_in(art)[h.model.reader.mention.expect("a mention")];
    assert_eq!(store.entity_at(m.entity).unwrap().name, "Sergei Lavrov");
    h.click(x + 1, y);
    assert_eq!(h.model.query_text, "entity=\"Sergei Lavrov\"");
    assert_eq!(h.model.focus, Focus::List);
}

#[test]
fn load_problems_show_once_loaded() {
    let mut h = Harness::loading(120, 40);
    h.send(Msg::Progress(Progress::note("x/a.md: not valid UTF-8")));
    h.send(Msg::Progress(Progress::note("x/b.pdf: not a supported format")));
    h.send(Msg::Loaded(Ok(std::sync::Arc::new(demo()))));
    let st = h.model.status.clone().unwrap();
    assert!(st.error);
    assert_eq!(st.text, "skipped x/a.md: not valid UTF-8 (and 1 more)");
    assert_eq!(h.model.results.len(), 9);
}

/// 100 KB pasted into the query line: the first 1,000 characters are kept and the status
/// line says so; keys typed past the cap are refused the same way; drawing stays quick.
#[test]
fn a_100k_paste_is_capped_at_1000_characters() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.type_text("ab");
    h.key("home");
    let started = std::time::Instant::now();
    h.send(Msg::Paste("druzh\tkyiv ".repeat(100_000 / 11)));
    let screen = h.screen();
    let took = started.elapsed();
    let inp = h.model.input.as_ref().unwrap();
    assert_eq!(inp.text.chars().count(), 1000);
    assert!(inp.text.starts_with("druzh kyiv druzh"), "controls became spaces");
    assert!(inp.text.ends_with("ab"), "the text after the cursor is kept");
    assert_eq!(inp.cursor, inp.text.len() - 2);
    assert!(screen.contains("1,000 characters"), "{screen}");
    assert!(h.model.status.as_ref().is_some_and(|s| s.error));
    assert!(took < std::time::Duration::from_secs(1), "the paste took {took:?}");
    h.key("end");
    h.type_text("x");
    assert_eq!(h.model.input.as_ref().unwrap().text.chars().count(), 1000);
    assert!(h.screen().contains("1,000 characters"));
    // room again after deleting: typing works
    h.keys("backspace backspace");
    h.type_text("é");
    let inp = h.model.input.as_ref().unwrap();
    assert_eq!(inp.text.chars().count(), 999);
    assert!(inp.text.ends_with("kyé"), "{}", inp.text);
}

/// A key bound to nothing says so (`:`, `y`, `o` did nothing and said nothing).
#[test]
fn unbound_keys_say_so() {
    let mut h = Harness::new(demo::demo(), 120, 40);
    for key in ["Z", "%", "ctrl-y"] {
        h.key(key);
        let st = h.model.status.clone().expect("a message");
        assert!(st.text.contains("does nothing here") && st.text.contains('?'), "{key}: {}", st.text);
    }
}

/// The first `s` changes the order: without free words best match is newest first, so it
/// goes on to oldest first.
#[test]
fn the_first_sort_changes_the_list() {
    let mut h = Harness::new(demo::demo(), 120, 40);
    let before: Vec<u32> = (0..h.model.results.len()).filter_map(|i| h.model.results.get(i).map(|x| x.event)).collect();
    h.key("s");
    let after: Vec<u32> = (0..h.model.results.len()).filter_map(|i| h.model.results.get(i).map(|x| x.event)).collect();
    assert_ne!(before, after);
    assert!(h.model.status.as_ref().unwrap().text.contains("oldest"), "{:?}", h.model.status);
}

/// Zooming the timeline changes the view, not the filter: a marked span of days stays the
/// filter at week and month zoom (it was replaced by whole weeks, or thrown away).
#[test]
fn zoom_keeps_a_marked_span() {
    let mut h = Harness::new(demo(), 120, 40);
    h.keys("1 h h space l");
    let window = h.model.timeline.window();
    assert!(matches!(window, Some(Window::Days(a, b)) if a != b), "{window:?}");
    let n = h.model.results.len();
    for z in ["-", "-", "+", "+"] {
        h.key(z);
        assert_eq!(h.model.timeline.window(), window, "after {z}");
        assert_eq!(h.model.results.len(), n, "after {z}");
    }
    // moving the cursor makes a new selection
    h.key("h");
    assert_ne!(h.model.timeline.window(), window);
}

/// `sort:` in the query shows as a chip like the filters (it showed nothing).
#[test]
fn a_sort_in_the_query_shows_a_chip() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.send(Msg::Paste("kind:strike sort:casualties".into()));
    h.key("enter");
    let top = h.screen().lines().next().unwrap().to_string();
    assert!(top.contains(" kind:strike ") && top.contains(" sort:casualties"), "{top}");
}

/// `-word` leaves out the events that hold the word (it was searched for, with the minus);
/// `text:word` keeps only them.
#[test]
fn a_minus_word_excludes() {
    let s = demo();
    let all = s.query_str("").unwrap().hits.len();
    let without = s.query_str("-druzh").unwrap().hits;
    assert_eq!(without.len(), all - 1);
    assert!(without.iter().all(|h| s.place_label(h.event) != "Druzhkivka"));
    let only = s.query_str("text:druzh").unwrap().hits;
    assert_eq!(only.len(), 1);
    assert_eq!(s.place_label(only[0].event), "Druzhkivka");
    // a lone minus is nothing to exclude
    assert_eq!(s.query_str("kind:strike -").unwrap().hits.len(), s.query_str("kind:strike").unwrap().hits.len());
}

/// Focusing the timeline shows the cursor's day, and says the list is not filtered by it
/// until the cursor moves (it read as if the list held that day's events).
#[test]
fn a_focused_timeline_says_the_list_is_not_filtered_yet() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("1");
    let screen = h.screen();
    assert!(screen.contains("the list shows all"), "{screen}");
    assert_eq!(h.model.results.len(), 9);
    h.key("h");
    assert!(!h.screen().contains("the list shows all"));
    assert!(h.model.results.len() < 9);
}

/// A config problem stays in view (it was cut at the window's width and gone at the next
/// key): the status line keeps saying how many, and the help shows each in full.
#[test]
fn config_problems_stay_and_show_in_full() {
    let mut h = Harness::new(demo::demo(), 80, 24);
    let long = "keymap.toml line 12: unknown action \"frobnicate_the_timeline\" for key x; the actions are listed in the default keymap at the top of the help";
    h.model.config_problems = vec![long.to_string()];
    h.keys("j j");
    let last = h.screen().lines().last().unwrap().to_string();
    assert!(last.contains("config: 1 problem (? shows)"), "{last}");
    h.key("?");
    let screen = h.screen();
    // wrapped, every word on screen
    for word in ["Config problems", "frobnicate_the_timeline", "keymap at the top of", "the help"] {
        assert!(screen.contains(word), "{word} in\n{screen}");
    }
}
