//! The timeline: one bar per day (or week, or month), stacked by event kind in the kind's
//! colour, casualties marked under the bar, and the imprecise and undated events counted in
//! two slots at the right instead of on an invented day.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::extract::EventKind;
use crate::store::search::DayCount;

use super::super::layout::{TimelineGeom, timeline_geom};
use super::super::model::{Focus, Model};
use super::super::theme::Theme;
use super::super::timeline::{Bucket, Slot, Zoom, bucket_of, count};
use super::text::{fit, put, width};
use super::{block, title_style};

fn describe(c: &DayCount) -> String {
    let mut s = format!("{} event{}", c.total(), if c.total() == 1 { "" } else { "s" });
    if c.killed > 0 {
        s += &format!(" · {} killed", c.killed);
    }
    if c.injured > 0 {
        s += &format!(" · {} injured", c.injured);
    }
    s
}

fn bucket_label(b: &Bucket, zoom: Zoom) -> String {
    match zoom {
        Zoom::Day => b.start.format("%a %-d %b %Y").to_string(),
        Zoom::Week => format!("week of {} – {}", b.start.format("%-d %b"), b.end.format("%-d %b %Y")),
        Zoom::Month => b.start.format("%B %Y").to_string(),
    }
}

/// Split `cells` among the kinds: one cell for each kind with events (the biggest kinds
/// first when there are not enough), the rest in proportion (largest remainder).
pub fn allocate(kinds: &[u32; EventKind::COUNT], cells: u16) -> [u16; EventKind::COUNT] {
    let mut out = [0u16; EventKind::COUNT];
    let mut nz: Vec<usize> = (0..EventKind::COUNT).filter(|&i| kinds[i] > 0).collect();
    if nz.is_empty() || cells == 0 {
        return out;
    }
    if cells as usize <= nz.len() {
        nz.sort_by_key(|&i| (std::cmp::Reverse(kinds[i]), i));
        for &i in nz.iter().take(cells as usize) {
            out[i] = 1;
        }
        return out;
    }
    let rest = (cells as usize - nz.len()) as u64;
    let total: u64 = kinds.iter().map(|&k| k as u64).sum();
    let mut used = 0;
    let mut rem = Vec::new();
    for &i in &nz {
        let exact = kinds[i] as u64 * rest;
        out[i] = 1 + (exact / total) as u16;
        used += exact / total;
        rem.push((exact % total, i));
    }
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rem.iter().take((rest - used) as usize) {
        out[*i] += 1;
    }
    out
}

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::Timeline;
    let tl = &m.timeline;
    let hist = &m.results.histogram;
    let show_cursor = focused || tl.active;
    // title: zoom and what the cursor is on
    let mut title = vec![
        Span::styled(" Timeline ", title_style(t, focused)),
        Span::styled(format!("{} ", tl.zoom.as_str()), t.dim),
    ];
    if show_cursor {
        let info = match tl.slot(tl.cursor) {
            Slot::Imprecise => format!("· imprecise dates · {} ", describe(&hist.imprecise)),
            Slot::Undated => format!("· undated · {} ", describe(&hist.undated)),
            Slot::Bucket(_) => match tl.selected_range() {
                Some((a, b)) if a != b => {
                    let mut c = DayCount::default();
                    for bk in &tl.buckets[a..=b] {
                        c.add(&count(hist, bk));
                    }
                    format!(
                        "· {} – {} · {} ",
                        tl.buckets[a].start.format("%-d %b"),
                        tl.buckets[b].end.format("%-d %b %Y"),
                        describe(&c)
                    )
                }
                Some((a, _)) => {
                    format!("· {} · {} ", bucket_label(&tl.buckets[a], tl.zoom), describe(&count(hist, &tl.buckets[a])))
                }
                None => String::new(),
            },
        };
        title.push(Span::styled(info, t.info));
        if !tl.active {
            // The cursor is shown, but the list is not filtered by it yet.
            title.push(Span::styled("· the list shows all: move or mark to filter ", t.dim));
        }
    }
    // legend in the bottom border
    let mut legend = Vec::new();
    for k in EventKind::ALL {
        let n = hist.kind_total(k);
        if n > 0 {
            legend.push(Span::styled((if t.no_color { t.kind_glyph(k) } else { "■" }).to_string(), t.kind(k)));
            legend.push(Span::styled(format!("{} {n} ", k.info().short), t.dim));
        }
    }
    legend.push(Span::styled("× killed + injured ", t.dim));
    block(t, focused).title(Line::from(title)).title_bottom(Line::from(legend)).render(area, buf);

    let g = timeline_geom(area, tl.buckets.len());
    if g.visible == 0 || g.bars.height == 0 {
        return;
    }
    let first = tl.offset;
    let shown: Vec<(usize, DayCount)> =
        (first..tl.buckets.len()).take(g.visible).map(|i| (i, count(hist, &tl.buckets[i]))).collect();
    let max = shown.iter().map(|(_, c)| c.total()).max().unwrap_or(0).max(1);
    let sel = if tl.active { tl.selected_range() } else { None };
    let sel_day = m
        .selected_hit()
        .and_then(|h| m.store().and_then(|s| s.event_day(h.event)))
        .and_then(|d| bucket_of(&tl.buckets, d));
    let bar_w = if g.col_w >= 2 { g.col_w - 1 } else { 1 };
    draw_axis(buf, t, &g, &tl.buckets, &shown, tl.zoom);
    for (col, (i, c)) in shown.iter().enumerate() {
        let x = g.bars.x + col as u16 * g.col_w;
        let bucket = &tl.buckets[*i];
        if sel.is_some_and(|(a, b)| *i >= a && *i <= b) {
            super::text::highlight(buf, Rect::new(x, g.bars.y, g.col_w, g.bars.height + 2), t.selection);
        }
        draw_bar(buf, t, &g, x, bar_w, c, max);
        // casualties
        if c.killed > 0 {
            let s = c.killed.to_string();
            let s = if width(&s) <= bar_w as usize { s } else { "×".into() };
            buf.set_stringn(x, g.marks_y, &s, bar_w as usize, t.killed.add_modifier(Modifier::BOLD));
        } else if c.injured > 0 {
            buf.set_stringn(x, g.marks_y, "+", 1, t.injured);
        }
        let _ = bucket;
        if sel_day == Some(*i) {
            buf.set_style(Rect::new(x, g.axis_y, bar_w, 1), t.info.add_modifier(Modifier::UNDERLINED | Modifier::BOLD));
        }
        if show_cursor && tl.cursor == *i {
            buf.set_style(Rect::new(x, g.axis_y, bar_w.max(1), 1), t.cursor);
        }
    }
    // the two slots
    for (slot, r, c, label) in [
        (tl.buckets.len(), g.imprecise, &hist.imprecise, "~date"),
        (tl.buckets.len() + 1, g.undated, &hist.undated, "?date"),
    ] {
        let sep_x = r.x.saturating_sub(1);
        if slot == tl.buckets.len() {
            for y in g.bars.y..=g.axis_y {
                buf.set_string(sep_x, y, "│", t.border);
            }
        }
        if tl.active && tl.cursor == slot {
            super::text::highlight(buf, r, t.selection);
        }
        let n = c.total().to_string();
        let mid = g.bars.y + g.bars.height.saturating_sub(1) / 2;
        buf.set_stringn(r.x + 1, mid, fit(&n, r.width as usize - 1), r.width as usize - 1, t.header);
        if c.killed > 0 {
            buf.set_stringn(r.x + 1, g.marks_y, c.killed.to_string(), r.width as usize - 1, t.killed);
        }
        buf.set_stringn(r.x, g.axis_y, label, r.width as usize, t.dim);
        if show_cursor && tl.cursor == slot {
            buf.set_style(Rect::new(r.x, g.axis_y, width(label) as u16, 1), t.cursor);
        }
    }
    // days left and right of the view
    if first > 0 {
        put(buf, Rect::new(g.bars.x, g.bars.y, 1, 1), g.bars.y, &Line::styled("‹", t.info));
    }
    if first + g.visible < tl.buckets.len() {
        let x = g.bars.x + g.bars.width - 1;
        put(buf, Rect::new(x, g.bars.y, 1, 1), g.bars.y, &Line::styled("›", t.info));
    }
}

/// Axis labels: the starts of months (of years, at month zoom) first, then as many other
/// buckets as fit, each label a space apart from the next.
fn draw_axis(
    buf: &mut Buffer,
    t: &Theme,
    g: &TimelineGeom,
    buckets: &[Bucket],
    shown: &[(usize, DayCount)],
    zoom: Zoom,
) {
    let w = g.bars.width as usize;
    let mut taken = vec![false; w + 1];
    let major = |b: &Bucket| match zoom {
        Zoom::Day => b.start.day() == 1,
        Zoom::Week => b.start.month() != b.end.month() || b.start.day() == 1,
        Zoom::Month => b.start.month() == 1,
    };
    for pass in 0..2 {
        for (col, (i, _)) in shown.iter().enumerate() {
            let b = &buckets[*i];
            let is_major = major(b) || col == 0;
            if (pass == 0) != is_major {
                continue;
            }
            let label = axis_label(b, zoom, is_major, col == 0);
            let x = col * g.col_w as usize;
            let lw = width(&label);
            if lw == 0 {
                continue;
            }
            // a space after each label, except at the very end
            let end = (x + lw + 1).min(w);
            if x + lw > w || taken[x..end].iter().any(|t| *t) || (x > 0 && taken[x - 1]) {
                continue;
            }
            taken[x..end].iter_mut().for_each(|t| *t = true);
            let style = if is_major { t.dim.add_modifier(Modifier::BOLD) } else { t.dim };
            buf.set_stringn(g.bars.x + x as u16, g.axis_y, &label, lw, style);
        }
    }
}

/// The label under a bucket: month starts (years at month zoom) are major; the first bucket
/// drawn says where the view begins.
/// The first label and each new year's say the year (a 2016-17 corpus was unreadable).
fn axis_label(b: &Bucket, zoom: Zoom, major: bool, first: bool) -> String {
    let new_year = b.start.month() == 1 && b.start.day() <= 7 || b.end.year() != b.start.year();
    match zoom {
        Zoom::Day if first || major && new_year => b.start.format("%b%-d %Y").to_string(),
        Zoom::Day if major => b.start.format("%b%-d").to_string(),
        Zoom::Day => b.start.format("%-d").to_string(),
        Zoom::Week if first => b.start.format("%-d%b %Y").to_string(),
        Zoom::Week if major && new_year => b.end.format("%b %Y").to_string(),
        Zoom::Week if major => b.end.format("%b").to_string(),
        Zoom::Week => String::new(),
        Zoom::Month if first => b.start.format("%b%y").to_string(),
        Zoom::Month if major => b.start.format("%Y").to_string(),
        Zoom::Month => b.start.format("%b").to_string(),
    }
}

fn draw_bar(buf: &mut Buffer, t: &Theme, g: &TimelineGeom, x: u16, bar_w: u16, c: &DayCount, max: u32) {
    let total = c.total();
    if total == 0 {
        return;
    }
    let h = g.bars.height;
    let cells = ((total as u64 * h as u64).div_ceil(max as u64) as u16).clamp(1, h);
    let alloc = allocate(&c.kinds, cells);
    let mut y = g.bars.y + h; // one past the bottom
    for (k, n) in EventKind::ALL.iter().zip(alloc) {
        for _ in 0..n {
            if y == g.bars.y {
                return;
            }
            y -= 1;
            for dx in 0..bar_w {
                buf.set_string(x + dx, y, t.kind_glyph(*k), t.kind(*k));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Per-kind counts: the first kinds' counts given, the rest zero.
    fn counts<T: Copy + Default>(first: &[T]) -> [T; EventKind::COUNT] {
        let mut out = [T::default(); EventKind::COUNT];
        out[..first.len()].copy_from_slice(first);
        out
    }

    #[test]
    fn allocation_is_proportional_and_exact() {
        assert_eq!(allocate(&counts(&[2]), 4), counts(&[4]));
        let a = allocate(&counts(&[10, 1]), 5);
        assert_eq!(a.iter().sum::<u16>(), 5);
        assert!(a[1] >= 1, "a small kind still shows: {a:?}");
        let a = allocate(&[1; EventKind::COUNT], 3);
        assert_eq!(a.iter().sum::<u16>(), 3);
        assert_eq!(allocate(&[0; EventKind::COUNT], 5), [0; EventKind::COUNT]);
    }

    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_axis_says_the_year() {
        let b = |a: NaiveDate, z: NaiveDate| Bucket { start: a, end: z };
        let d = b(day(2016, 12, 30), day(2016, 12, 30));
        assert_eq!(axis_label(&d, Zoom::Day, false, true), "Dec30 2016");
        let jan = b(day(2017, 1, 1), day(2017, 1, 1));
        assert_eq!(axis_label(&jan, Zoom::Day, true, false), "Jan1 2017");
        let feb = b(day(2017, 2, 1), day(2017, 2, 1));
        assert_eq!(axis_label(&feb, Zoom::Day, true, false), "Feb1");
        let week = b(day(2016, 12, 26), day(2017, 1, 1));
        assert_eq!(axis_label(&week, Zoom::Week, true, false), "Jan 2017");
        assert_eq!(axis_label(&week, Zoom::Week, false, true), "26Dec 2016");
    }
}
