//! Every input format the loader accepts, on small fixtures written for these tests.

use chrono::NaiveDate;
use sitrep::corpus::{Article, DateSource, parse_file};

/// Parse and check the provenance invariants of every article.
fn parse(name: &str, text: &str) -> Vec<Article> {
    let arts = parse_file(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    for a in &arts {
        a.verify(text.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", a.id));
    }
    arts
}

fn one(name: &str, text: &str) -> Article {
    let mut arts = parse(name, text);
    assert_eq!(arts.len(), 1, "{name}: {:#?}", arts.iter().map(|a| &a.title).collect::<Vec<_>>());
    arts.remove(0)
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus").join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| &a.body[p.body.start..p.body.end]).collect()
}

#[test]
fn plain_text_with_headline_byline_and_dateline() {
    let text = "Russia Strikes Kharkiv Energy Plant\n\nBy Jane Doe | February 27, 2026\n\nKYIV, Feb 27 (Reuters) - Russia struck an energy plant in Kharkiv overnight, officials said.[3] Two workers were hurt.\n\nRepairs began in the morning, the grid operator said.\n";
    let a = one("strike.txt", text);
    assert_eq!(a.id, "strike.txt#0");
    assert_eq!(a.file, "strike.txt");
    assert_eq!(a.title, "Russia Strikes Kharkiv Energy Plant");
    assert_eq!(a.published, date(2026, 2, 27));
    assert_eq!(a.published_from, DateSource::Byline);
    assert_eq!(
        paragraphs(&a),
        [
            "Russia struck an energy plant in Kharkiv overnight, officials said. Two workers were hurt.",
            "Repairs began in the morning, the grid operator said.",
        ]
    );
    // The cut footnote marker splits the first paragraph into two pieces of exact file bytes.
    assert_eq!(a.paragraphs[0].pieces.len(), 2);
    let s = a.file_span(0, 6);
    assert_eq!(&text[s.start..s.end], "Russia");
}

#[test]
fn plain_text_without_any_headline_takes_the_first_sentence() {
    let text = "Ukrainian air defences shot down most of the 120 drones that Russia launched overnight against several regions, the air force said on Friday. Debris damaged homes in three regions.\nOfficials said no one was killed.\n";
    let a = one("nohead.txt", text);
    assert!(a.title.starts_with("Ukrainian air defences shot down most of the 120 drones"), "{}", a.title);
    assert!(a.title.ends_with('…'));
    assert!(a.title.chars().count() <= 101);
    assert!(!a.title.ends_with(" …"));
    assert_eq!(a.published, None);
    assert_eq!(a.published_from, DateSource::Unknown);
    assert_eq!(paragraphs(&a).len(), 2);

    let short = one("short.txt", "Kyiv was quiet overnight, officials said. Markets opened as usual.\n");
    assert_eq!(short.title, "Kyiv was quiet overnight, officials said");
}

#[test]
fn front_matter_with_a_source_name() {
    let text = "---\ntitle: 'Kyiv''s Night Under Fire'\nsource: Kyiv Independent\ndate: \"2026-01-15\"\ndescription: \"Missiles hit the capital...\"\ntags:\n  - kyiv\n---\n\n# Kyiv's Night Under Fire\n\nRussian missiles hit Kyiv overnight, killing two people, the mayor said.[1] See [the report](https://example.org/r_(1)) for details.\n\n## Rescue work continues\n\nRescuers worked through the night to free people from the rubble of a residential building.\n";
    let a = one("fm.md", text);
    assert_eq!(a.title, "Kyiv's Night Under Fire");
    assert_eq!(a.source.as_deref(), Some("Kyiv Independent"));
    assert_eq!(a.url, None);
    assert_eq!(a.published, date(2026, 1, 15));
    assert_eq!(a.published_from, DateSource::FrontMatter);
    assert_eq!(
        paragraphs(&a),
        [
            "Russian missiles hit Kyiv overnight, killing two people, the mayor said. See the report for details.",
            "Rescue work continues",
            "Rescuers worked through the night to free people from the rubble of a residential building.",
        ]
    );
}

#[test]
fn front_matter_with_a_url_source() {
    let text = "---\ntitle: \"Drone debris falls on Odesa | Example Daily\"\nsource: https://www.example-daily.com/news/odesa-debris\ndate: 2026-02-05\n---\nDebris from a downed drone fell on a residential area of Odesa, the governor said.\n";
    let a = one("fm_url.md", text);
    assert_eq!(a.title, "Drone debris falls on Odesa");
    assert_eq!(a.source.as_deref(), Some("Example Daily"));
    assert_eq!(a.url.as_deref(), Some("https://www.example-daily.com/news/odesa-debris"));

    let text = "---\ntitle: Drone debris falls on Odesa\nsource: https://www.example-daily.com/news/odesa-debris\n---\nDebris from a downed drone fell on a residential area of Odesa, the governor said.\n";
    let a = one("fm_url2.md", text);
    assert_eq!(a.title, "Drone debris falls on Odesa");
    assert_eq!(a.source.as_deref(), Some("example-daily.com"), "the domain when the title has no suffix");
}

#[test]
fn broken_front_matter_is_read_as_text() {
    // No closing line: the key: value lines are still read as headers, nothing is lost.
    let text = "---\ntitle: Broken Block Still Loads\ndate: 2026-02-01\n\nThe body paragraph is long enough to read as prose, with many words in it, and it stays.\n";
    let a = one("broken.md", text);
    assert_eq!(a.title, "Broken Block Still Loads");
    assert_eq!(a.published, date(2026, 2, 1));
    assert_eq!(a.published_from, DateSource::Header);
    assert_eq!(
        paragraphs(&a),
        ["The body paragraph is long enough to read as prose, with many words in it, and it stays."]
    );

    // Garbage between the delimiters: not front matter, the text around it is kept.
    let text = "---\n{{{ ::: }}}\n@@@ ### !!!\n---\nThe body paragraph is long enough to read as prose, with many words in it, and it stays.\n";
    let a = one("garbage.md", text);
    assert_eq!(
        paragraphs(&a),
        ["The body paragraph is long enough to read as prose, with many words in it, and it stays."]
    );

    // Only an opening line and junk: loads or reports, never panics.
    for junk in ["---\n", "---\n---\n", "---\ntitle:\n---\n", "---\n: : :\n"] {
        let _ = parse_file("junk.md", junk.as_bytes());
    }
}

#[test]
fn key_value_header_lines() {
    let text = "Title: Ukraine Reports Overnight Drone Attack\nDate: 2026-02-10\nURL: https://www.example.org/news/2026/02/10/drones\nAuthor: Jane Doe\nLocales: UKRAINE\n\nUkraine's air force said it shot down 80 of 95 drones launched overnight.\n\nNote: the figures could not be independently verified.\n";
    let a = one("headers.txt", text);
    assert_eq!(a.title, "Ukraine Reports Overnight Drone Attack");
    assert_eq!(a.published, date(2026, 2, 10));
    assert_eq!(a.published_from, DateSource::Header);
    assert_eq!(a.url.as_deref(), Some("https://www.example.org/news/2026/02/10/drones"));
    assert_eq!(a.source.as_deref(), Some("example.org"));
    assert_eq!(
        paragraphs(&a),
        [
            "Ukraine's air force said it shot down 80 of 95 drones launched overnight.",
            "Note: the figures could not be independently verified.",
        ]
    );

    let text = "Source: Reuters\nTitle: Talks Resume in Geneva\n\nDelegations from both sides met in Geneva on Tuesday for a new round of talks.\n";
    let a = one("headers2.txt", text);
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.title, "Talks Resume in Geneva");
}

#[test]
fn headline_followed_by_header_lines() {
    let text = "Russia Escalates Attacks With Drones\nLocales: UKRAINE, RUSSIAN FEDERATION\n\nKyiv, Ukraine - February 4th, 2026 - Russia launched a large drone attack on Kyiv overnight, officials said.\n";
    let a = one("dateline.txt", text);
    assert_eq!(a.title, "Russia Escalates Attacks With Drones");
    assert_eq!(a.published, date(2026, 2, 4));
    assert_eq!(a.published_from, DateSource::Dateline);
    assert_eq!(paragraphs(&a), ["Russia launched a large drone attack on Kyiv overnight, officials said."]);
}

#[test]
fn bylines_with_dates() {
    for (byline, want) in [
        ("Friday, 29 August 2025, 08:11", date(2025, 8, 29)),
        ("Feb. 23, 2026", date(2026, 2, 23)),
        ("By Jane Doe | February 27, 2026", date(2026, 2, 27)),
        ("27.02.2026 09:20", date(2026, 2, 27)),
    ] {
        let text = format!(
            "Shelling Hits Kherson Market\n{byline}\n\nShelling hit a market in Kherson on Friday, killing one person, the regional governor said.\n"
        );
        let a = one("byline.txt", &text);
        assert_eq!(a.title, "Shelling Hits Kherson Market", "{byline}");
        assert_eq!(a.published, want, "{byline}");
        assert_eq!(a.published_from, DateSource::Byline, "{byline}");
        assert_eq!(paragraphs(&a).len(), 1, "{byline}");
        assert!(!a.body.contains(byline));
    }
}

#[test]
fn dates_in_file_names_are_inferred() {
    let a = one("2026-02-04-kyiv.txt", "Russia launched a large drone attack on Kyiv overnight, officials said.\n");
    assert_eq!(a.published, date(2026, 2, 4));
    assert_eq!(a.published_from, DateSource::Inferred);
}

#[test]
fn photo_captions_are_kept_apart() {
    let captions = [
        "A firefighter works at the site of a drone strike in Kyiv, Ukraine February 27, 2026. REUTERS/Gleb Garanich",
        "US Vice President JD Vance speaks at the State Department in Washington, February 4, 2026. (Reuters)",
        "FILED - 06 February 2009, Munich: Ali Larijani speaks at the Munich Security Conference. Photo: Andreas Gebert/dpa",
        "Vladimir Putin chairs a meeting in Moscow. (Mikhail Metzel/TASS via ZUMA Press/dpa)",
        "Photo: Ukrainian Presidential Press Service",
        "Image: a destroyed bridge near Kupiansk",
        "Credit: Ministry of Defence of Ukraine",
    ];
    let mut text = String::from("Drones Hit Kyiv Overnight\n\n");
    for c in captions {
        text.push_str(c);
        text.push('\n');
    }
    text.push_str("\nRussian drones hit Kyiv overnight, injuring four people, the mayor said on Saturday.\n\nAir defences were active over the capital for several hours.\n");
    let a = one("captions.txt", &text);
    let got: Vec<&str> = a.captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(got, captions);
    for c in &a.captions {
        assert_eq!(&text[c.span.start..c.span.end], c.text);
    }
    assert_eq!(paragraphs(&a).len(), 2);
    for c in captions {
        assert!(!a.body.contains(c));
    }
}

#[test]
fn repeated_lines_are_captions_not_body() {
    let text = "Front Line Report\n\nSoldiers rest in a dugout near Pokrovsk, in a photo released by the brigade\nSoldiers rest in a dugout near Pokrovsk, in a photo released by the brigade\n\nFighting continued near Pokrovsk on Sunday, the general staff said in its morning report.\n";
    let a = one("repeat.txt", text);
    assert_eq!(a.captions.len(), 1, "a doubled caption is kept once");
    assert!(!a.body.contains("dugout"));
}

#[test]
fn plain_text_debris_is_left_out() {
    let text = "\
Strikes Continue Across the Front

* Share        !Email share !url-copy https://example.az/news/strikes Copied
**Russian forces struck targets in four regions overnight, officials said on Tuesday.**
* British Army trains for possible conflict with Russia: Report
* Russia's FSB detains a man before a flight to Azerbaijan
Ukraine said its air defences shot down most of the missiles launched at the capital.
War
Ukraine
Economy
Videos
Loading Audio Player...
Make us preferred on Google
We use cookies to personalise content and ads. By continuing you accept our cookie policy.
Sign up for our newsletter and get the latest news in your inbox.
Read the Full Reuters Article at:
[ https://www.reuters.com/world/europe/strikes-2026-02-03/ ]
The strike involved aerial bombs. According to preliminary reports, two people died and seven were injured in the attack...
The southern port city of Odesa was hit by a large-scale drone attack late on Feb. 8 into early Feb. 9. Local authoriti…
* [](https://example.az/news/<https:/www.facebook.com/sharer/sharer.php?u=x> \"Share news on Facebook\")
Jan Feb Mar Apr May Jun Jul Aug Sep Okt Nov Dec 2017201820192020202120222023202420252026
[](https://example.az/news/<https:/example.az/#>)
";
    let a = one("debris.txt", text);
    assert_eq!(
        paragraphs(&a),
        [
            "Russian forces struck targets in four regions overnight, officials said on Tuesday.",
            "Ukraine said its air defences shot down most of the missiles launched at the capital.",
        ]
    );
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.url.as_deref(), Some("https://www.reuters.com/world/europe/strikes-2026-02-03/"));
    assert_eq!(a.published, date(2026, 2, 3), "the date in the URL");
    assert_eq!(a.published_from, DateSource::Inferred);
}

#[test]
fn bullet_lists_of_sentences_stay() {
    let text = "Key Takeaways\n- Russian drones struck a maternity hospital in Zaporizhzhia, injuring at least six people.\n- The Kremlin continues to press Washington to give in to its demands regarding Ukraine.\n- Ukrainian forces recently advanced near Slovyansk\n";
    let a = one("bullets.txt", text);
    assert_eq!(paragraphs(&a).len(), 3);
    assert!(a.body.starts_with("Russian drones struck"), "list markers are cut: {}", a.body);
}

#[test]
fn several_articles_on_one_page() {
    let text = fixture("two_articles.txt");
    let arts = parse("two_articles.txt", &text);
    let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Drone Strike Hits Odesa Port as Grain Talks Resume",
            "Finland Extends Border Closure With Russia for Another Year",
        ]
    );
    assert_eq!(arts[0].id, "two_articles.txt#0");
    assert_eq!(arts[1].id, "two_articles.txt#1");
    assert_eq!(arts[0].captions.len(), 1);
    assert_eq!(arts[1].captions.len(), 1);
    assert!(arts[0].body.starts_with("A Russian drone struck a grain terminal"));
    assert!(arts[0].body.ends_with("in the Black Sea."));
    assert!(arts[1].body.starts_with("Finland will keep its land border"));
    for a in &arts {
        assert!(!a.body.contains("TT"));
        assert!(!a.body.contains("REUTERS/") && !a.body.contains("Photo:"));
        assert!(!a.body.contains(&a.title));
    }
}

#[test]
fn scraped_page() {
    let text = fixture("scraped_page.md");
    let a = one("scraped_page.md", &text);
    assert_eq!(a.title, "Drones hit Kharkiv power plant overnight");
    assert_eq!(a.url.as_deref(), Some("https://www.example-news.com/world/2026/03/02/drones-hit-kharkiv-power-plant/"));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.published, date(2026, 3, 2));
    // The date the page shows under its headline outranks the scraper's timestamp (see the
    // next test).
    assert_eq!(a.published_from, DateSource::Byline);
    assert_eq!(
        paragraphs(&a),
        [
            "Russian drones struck a thermal power plant in Kharkiv overnight, cutting heat to thousands of homes, the regional governor said on Monday.",
            "Oleh Syniehubov said three workers were injured when at least five drones hit the plant's main building shortly after midnight.",
            "\"The enemy is again targeting our energy system in the middle of winter,\" he wrote on Telegram.",
            "Repairs under way",
            "Engineers began restoring power to the city's northern districts by morning, the state grid operator said in a statement.",
            "Russia's defence ministry said it had struck energy facilities used by the Ukrainian military, a claim Kyiv rejects.",
            "(Reporting by Jane Doe; Editing by John Smith)",
        ]
    );
    let captions: Vec<&str> = a.captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        captions,
        ["Firefighters work at the damaged plant in Kharkiv, Ukraine, March 2, 2026. REUTERS/John Smith"]
    );
}

#[test]
fn scraped_page_dates_prefer_the_page_then_the_timestamp_then_the_url() {
    let text = fixture("scraped_page.md");
    // The page shows March 2 under its headline: a scraper's timestamp days later does not win.
    let later =
        text.replace("- **timestamp**: 2026-03-02T18:30:00.000000", "- **timestamp**: 2026-03-05T10:00:00.000000");
    let a = one("later.md", &later);
    assert_eq!(a.published, date(2026, 3, 2));
    assert_eq!(a.published_from, DateSource::Byline);
    // Without a dateline or byline: the timestamp, then the URL path.
    let bare = text.replace("March 2, 2026 | 18:30\n", "").replace("KHARKIV, March 2 (Reuters) - ", "");
    let a = one("bare.md", &bare.replace("2026-03-02T18:30", "2026-03-04T18:30"));
    assert_eq!(a.published, date(2026, 3, 4));
    assert_eq!(a.published_from, DateSource::Metadata);
    let a = one("bare_no_timestamp.md", &bare.replace("- **timestamp**: 2026-03-02T18:30:00.000000\n", ""));
    assert_eq!(a.published, date(2026, 3, 2));
    assert_eq!(a.published_from, DateSource::Inferred, "from the URL path");
}

#[test]
fn scraped_sentences_broken_at_links_are_joined() {
    let text = fixture("scraped_broken.md");
    let a = one("scraped_broken.md", &text);
    assert_eq!(a.title, "Night of drones over Sumy");
    assert_eq!(
        paragraphs(&a),
        [
            // The standfirst, then the story; the byline after the standfirst dates the page.
            "Fourteen people were hurt when drones hit a school and homes in the northern city.",
            "Russian drones struck the city of Sumy overnight, damaging a school and two apartment blocks, regional officials said on Thursday.",
            // Text, link, text: one paragraph, the line breaks kept, none before the comma.
            "Air defence units shot down most of the drones, but debris fell on\nSumy Oblast, where firefighters worked until dawn.",
            "The attack followed a week of strikes on\nthe border villages of Krasnopillia and Velyka Pysarivka\nreported by the regional administration.",
            // Printed twice, broken then whole: the whole one only.
            "According to the Regional Military Administration, 14 people were hurt, four of them children.",
            // Sentences among the figures of a chart are the story's; the figures are not.
            "Families leaving the region have mostly gone to Kharkiv, Poltava and Kyiv, officials said.",
            "Officials said shelters in the city centre were full by midnight.",
            // A drop cap joins its word; a speaker's line joins the quotation.
            "“We will rebuild every school,” the mayor said in a morning address.",
            "“We need generators more than anything else.”\n– Artem Kobzar",
            // A sentence that stops at a comma (its end went with a link) still reads as one.
            "Rescue teams searched the rubble of the second block for most of the morning and pulled two trapped residents from the stairwell,",
            "Schools closed for a week",
            "Classes will move online until the damaged buildings are inspected, the education department said.",
        ]
    );
    // Menus, the donation box's pitch, the advertisement and the related stories stay out.
    for debris in
        ["Political prisoners", "Civil Society", "We report from", "Your help keeps", "Gadget Pro", "Ditching"]
    {
        assert!(!a.body.contains(debris), "{debris}");
    }
    assert_eq!(a.published, date(2026, 3, 4));
    assert_eq!(a.published_from, DateSource::Byline);
    // The joined pieces map back to the file: the link's words, and a span across the break.
    let at = a.body.find("Sumy Oblast, where").unwrap();
    let s = a.file_span(at, at + "Sumy Oblast".len());
    assert_eq!(&text[s.start..s.end], "Sumy Oblast");
    let s = a.file_span(at - "fell on\n".len(), at + "Sumy Oblast, where".len());
    assert_eq!(&text[s.start..s.end], "fell on\nSumy Oblast\n, where");
    let p = &a.paragraphs[2];
    assert_eq!(p.pieces.len(), 2, "the line break before the comma is cut");
    let rebuild = a.body.find("“We will").unwrap();
    let s = a.file_span(rebuild, rebuild + "“We will".len());
    assert_eq!(&text[s.start..s.end], "“W\ne will");
}

#[test]
fn scraped_lonely_sentences_outside_the_story_stay_out() {
    let page = |extra: &str| {
        format!(
            "# www.example.org\n\n## Metadata\n\n- **URL**: https://www.example.org/a/b\n\n## Page Structure\n\n- # Drones Hit Odesa Port Overnight\n\n## Content\n\nDrones Hit Odesa Port Overnight | Example\nHome\nDrones Hit Odesa Port Overnight\nRussian drones hit the port of Odesa overnight, setting two grain silos on fire, the regional governor said.\nFirefighters put out the blaze by morning and no one was hurt, he added on Telegram.\nShare\nVideos\n{extra}Weather\nContact\n"
        )
    };
    let story = |a: &Article| paragraphs(a).len();
    // After the story, with nothing of it after: a teaser, however complete.
    let teaser = "A second convoy of grain ships left the port of Chornomorsk for Istanbul on Sunday morning.\n";
    let a = one("teaser.md", &page(teaser));
    assert_eq!(story(&a), 2, "{:?}", paragraphs(&a));
    // Between the story's paragraphs, the same sentence is the story's.
    let inside = format!(
        "{teaser}Podcasts\nThe port resumed loading grain at noon, the port authority said in a statement on Monday.\nInsurers said the attack would not change the cost of cover for ships calling at Odesa.\n"
    );
    let a = one("inside.md", &page(&inside));
    assert_eq!(story(&a), 5, "{:?}", paragraphs(&a));
}

#[test]
fn scraped_error_page_is_reported() {
    let text = "# www.example.com\n\n## Metadata\n\n- **URL**: https://www.example.com/x\n- **HTTP Status**: 403\n\n## Page Structure\n\n- # Access Denied\n\n## Content\n\nAccess Denied\nAccess Denied\nReference #18.101fd717.1772246118.1eccbc58\nhttps://errors.edgesuite.net/18.101fd717\n";
    let err = parse_file("denied.md", text.as_bytes()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("no article text") && msg.contains("403"), "{msg}");
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark() {
    let text = "\u{FEFF}Title: Windows Line Ends\r\nDate: 2026-02-11\r\n\r\nThe first paragraph ends with a carriage return and a line feed.\r\n\r\nThe second one as well, and the spans must not include them.\r\n";
    let a = one("crlf.txt", text);
    assert_eq!(a.title, "Windows Line Ends");
    assert_eq!(a.published, date(2026, 2, 11));
    for p in paragraphs(&a) {
        assert!(!p.contains('\r'));
    }
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "Wrapped Text Example Story\n\nRussian forces launched a combined missile and drone attack on the western\nregion of Lviv overnight, damaging an energy facility and several homes, the\nregional governor said on Tuesday morning in a post on his Telegram channel.\n\nNo casualties were reported.\n";
    let a = one("wrapped.txt", text);
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 2);
    assert!(ps[0].starts_with("Russian forces") && ps[0].ends_with("Telegram channel."));
    assert_eq!(a.paragraphs[0].pieces.len(), 1, "the line breaks are file bytes too");
}

#[test]
fn headline_after_a_kicker_and_before_a_byline() {
    let text = "UKRAINE\n\nShelling Hits Kherson Market\nBy Jane Doe\nMon 24 Feb 2026 10.00 GMT\n\nShelling hit a market in Kherson on Monday, killing one person, the regional governor said.\n";
    let a = one("kicker.txt", text);
    assert_eq!(a.title, "Shelling Hits Kherson Market");
    assert_eq!(a.published, date(2026, 2, 24));
    assert_eq!(a.published_from, DateSource::Byline);
    assert_eq!(
        paragraphs(&a),
        ["Shelling hit a market in Kherson on Monday, killing one person, the regional governor said."]
    );
}

#[test]
fn scraped_page_without_outline_or_html_title() {
    let text = "# www.example.org\n\n## Metadata\n\n- **URL**: https://www.example.org/a/b\n\n## Content\n\nMenu\nHome\nNews\nFighting Flares Near Pokrovsk Again\nBy Jane Doe\nFighting flared again near Pokrovsk on Sunday, the general staff said in its evening report, with 40 clashes recorded.\nThe army said it repelled most of the assaults and held its positions around the town.\n";
    let a = one("no_outline.md", text);
    assert_eq!(a.title, "Fighting Flares Near Pokrovsk Again");
    assert_eq!(a.url.as_deref(), Some("https://www.example.org/a/b"));
    assert_eq!(a.source.as_deref(), Some("example.org"));
    assert_eq!(paragraphs(&a).len(), 2);
}

#[test]
fn a_credit_line_makes_the_line_above_a_caption() {
    let text = "Refugees Cross Into Poland\n\nA group of refugees crosses a destroyed bridge as they flee the city of Irpin.\nDimitar Dilkoff/AFP/Getty Images\n\nMore than eight million people have fled Ukraine since the invasion began, the UN said.\n";
    let a = one("credit.txt", text);
    let captions: Vec<&str> = a.captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        captions,
        [
            "A group of refugees crosses a destroyed bridge as they flee the city of Irpin.",
            "Dimitar Dilkoff/AFP/Getty Images"
        ]
    );
    assert_eq!(
        paragraphs(&a),
        ["More than eight million people have fled Ukraine since the invasion began, the UN said."]
    );
}

/// A body that is one long paragraph (as feeds and scraped datasets give it) loses only the
/// sentences that hold debris, never the whole article.
#[test]
fn debris_inside_a_one_paragraph_body_is_cut_at_the_sentence() {
    let story = "Officials in the port city said the ferry service would resume on Monday after a week of storms. \
The harbour master told reporters that two vessels had been inspected and found safe to sail. \
Local traders, who depend on the crossing for supplies, welcomed the decision on Friday.";
    let tail = "The regional council will review the timetable again in the spring, a spokesman said.";
    for (debris, name) in [
        ("- READ MORE: Storm season tests island towns", "read-more.txt"),
        ("Read more from Reality Check", "reality-check.txt"),
        ("Want more updates from Jane Roe? Sign up for her newsletter, Harbour Notes, here.", "newsletter.txt"),
        ("Opinions expressed in this column are those of the author.", "opinions.txt"),
        ("Share this with Media playback is not supported on this device.", "share.txt"),
    ] {
        for at_end in [false, true] {
            let body = if at_end { format!("{story} {tail} {debris}") } else { format!("{story} {debris} {tail}") };
            let text =
                format!("Title: Ferries to resume\nDate: 2017-02-07\nSource: http://example.com/ferries\n\n{body}\n");
            let a = one(name, &text);
            assert_eq!(a.title, "Ferries to resume", "{name}");
            // A teaser's headline has no full stop: in mid-paragraph, the sentence it runs
            // into goes with it.
            let runs_on = !debris.ends_with('.') && !at_end;
            let want = if runs_on { story.to_string() } else { format!("{story} {tail}") };
            assert_eq!(paragraphs(&a), [want], "{name}, debris at the end: {at_end}");
        }
    }
}

/// A paragraph that is debris through and through stays out, however long.
#[test]
fn a_long_paragraph_of_debris_stays_out() {
    let text = "Title: Weekly show\n\nThe council met on Tuesday and approved the budget for the coming year after a long debate.\n\n\
You can find out more about our programmes on our website. Sign up for our newsletter to get the latest episodes \
in your inbox every week. Follow us on Facebook and Instagram for clips from the show and news about our hosts.\n";
    let a = one("promo.txt", text);
    assert_eq!(
        paragraphs(&a),
        ["The council met on Tuesday and approved the budget for the coming year after a long debate."]
    );
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Drones hit Odesa port | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://news.example.com/2026/02/03/odesa-port">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Drones hit Odesa port","datePublished":"2026-02-03T08:10:00+02:00"}</script>
<script>var tracking = "Sign up for our newsletter";</script>
</head><body>
<header><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></header>
<main><article>
<h1>Drones hit Odesa port</h1>
<p>Russian drones struck port infrastructure in Odesa overnight, injuring two workers and
starting a fire at a grain terminal, the regional governor said on Tuesday &amp; Wednesday.</p>
<figure><img src="a.jpg"><figcaption>Firefighters at the terminal on January 30, 2026. Photo: Jane Roe/Example</figcaption></figure>
<p>Air defences shot down 40 of the 52 drones launched at southern and central regions,
the air force said. Firefighters put out the blaze by dawn, officials said.</p>
<p>The port has been targeted repeatedly since the summer, when Russia left the deal that
had let grain ships sail from Ukrainian ports through the Black Sea.</p>
<p>Share this article</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Ten things to do in Kyiv</a></li></ul></aside>
<footer>Sign up for our newsletter. &copy; 2026 Example News</footer>
</body></html>"#;

#[test]
fn saved_web_page() {
    let a = one("odesa.html", PAGE);
    assert_eq!(a.title, "Drones hit Odesa port");
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.url.as_deref(), Some("https://news.example.com/2026/02/03/odesa-port"));
    assert_eq!(a.published, date(2026, 2, 3));
    assert_eq!(a.published_from, DateSource::Metadata);
    let page = a.extra.as_ref().expect("a page's byline and text");
    assert_eq!(page.byline.as_deref(), Some("Jane Roe"));
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[0].starts_with("Russian drones struck") && paras[0].ends_with("Tuesday & Wednesday."), "{paras:#?}");
    assert!(paras[2].ends_with("through the Black Sea."));
    for debris in ["Share this", "newsletter", "Most read", "Ten things", "Sport", "tracking"] {
        assert!(!a.body.contains(debris), "{debris}: {}", a.body);
    }
    // The photo's caption (and its date) is kept apart from the body.
    assert!(a.captions.iter().any(|c| c.text.starts_with("Firefighters at the terminal")), "{:?}", a.captions);
    // Spans index the extracted text, which the article carries (checked by `parse`).
    let p = &a.paragraphs[1];
    assert_eq!(&a.extracted_text().unwrap()[p.span.start..p.span.end], paras[1]);
}

#[test]
fn gzipped_files_are_read_through() {
    use std::io::Write;
    let gz = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    let page = gz(PAGE.as_bytes());
    let a = parse_file("odesa.html.gz", &page).expect("a gzipped page");
    let plain = parse_file("odesa.html", PAGE.as_bytes()).unwrap();
    assert_eq!((&a[0].body, &a[0].paragraphs, &a[0].extra), (&plain[0].body, &plain[0].paragraphs, &plain[0].extra));
    let text =
        "Title: Ferries to resume\n\nOfficials said the ferry service would resume on Monday after a week of storms.\n";
    let a = parse_file("ferries.txt.gz", &gz(text.as_bytes())).expect("a gzipped text");
    assert_eq!(a[0].title, "Ferries to resume");
    // Cut short: one clear line, no panic.
    let e = parse_file("cut.html.gz", &page[..page.len() / 2]).unwrap_err().to_string();
    assert!(e.starts_with("cannot read the gzip file"), "{e}");
}

#[test]
fn bad_web_pages_get_one_line() {
    for (name, html, want) in [
        (
            "script.html",
            "<html><head><script>".to_string() + &"var a = 1;\n".repeat(5000) + "</script></head><body></body></html>",
            "no article text found",
        ),
        ("empty.html", "<html><body>   </body></html>".to_string(), "no article text found"),
        ("blank.html", "   \n".to_string(), "empty file"),
    ] {
        let e = parse_file(name, html.as_bytes()).unwrap_err().to_string();
        assert!(e.starts_with(want) && !e.contains('\n'), "{name}: {e}");
    }
    // A page far larger than any article page: refused at once, in one line.
    let huge = format!("<html><body><p>{}</p></body></html>", "word ".repeat(14 << 20));
    let e = parse_file("huge.html", huge.as_bytes()).unwrap_err().to_string();
    assert!(e.starts_with("file too large"), "{e}");
    // Broken markup still gives its text.
    let broken = "<html><body><div><p>Russian drones struck port infrastructure in Odesa overnight, injuring two \
                  workers, the regional governor said on Tuesday.<p>Air defences shot down 40 of the 52 drones launched \
                  at southern regions, the air force said.</div></span></b>";
    let a = one("broken.html", broken);
    assert!(a.body.contains("Air defences shot down 40"), "{}", a.body);
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example News</title>
  <link>https://news.example.com/</link>
  <description>News from the south</description>
  <item>
    <title>Drones hit Odesa port</title>
    <link>https://news.example.com/2026/02/03/odesa-port</link>
    <guid>https://news.example.com/2026/02/03/odesa-port</guid>
    <pubDate>Tue, 03 Feb 2026 08:10:00 +0200</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <description>Russian drones struck the port of Odesa overnight.</description>
    <content:encoded><![CDATA[<p>Russian drones struck port infrastructure in Odesa overnight, injuring two workers and
      starting a fire at a grain terminal, the regional governor said on Tuesday.</p>
      <p>Air defences shot down 40 of the 52 drones launched at southern and central regions, the air force said.</p>
      <p>The post <a href="https://news.example.com/2026/02/03/odesa-port">Drones hit Odesa port</a> appeared first on Example News.</p>]]></content:encoded>
  </item>
  <item>
    <title>Ferries to resume</title>
    <link>https://news.example.com/2026/02/04/ferries</link>
    <pubDate>Wed, 04 Feb 2026 10:00:00 +0200</pubDate>
    <description>Officials in the port city said the ferry service would resume on Monday after a week of storms.</description>
  </item>
  <item><title>An item with nothing to read</title><link>https://news.example.com/empty</link></item>
</channel>
</rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-02-05T18:30:02Z</updated>
  <entry>
    <title type="html">Kharkiv power restored &amp;amp; schools reopen</title>
    <link rel="alternate" href="https://wire.example.org/kharkiv-power"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2026-02-05T09:00:00Z</published>
    <updated>2026-02-05T18:30:02Z</updated>
    <author><name>John Doe</name></author>
    <content type="html">&lt;p&gt;Power was restored to most of Kharkiv on Thursday after Russian missiles hit two
      substations on Monday, the city's mayor said.&lt;/p&gt;&lt;p&gt;Schools will reopen on Friday.&lt;/p&gt;</content>
  </entry>
</feed>"#;

const JSON_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Example Daily",
  "home_page_url": "https://daily.example.net/",
  "items": [
    {
      "id": "1",
      "url": "https://daily.example.net/talks",
      "title": "Talks resume in Abu Dhabi",
      "content_html": "<p>Delegations from Ukraine and Russia met in Abu Dhabi on Wednesday for a second round of talks, officials said.</p>",
      "date_published": "2026-02-04T12:00:00+04:00",
      "authors": [{"name": "Ann Smith"}]
    },
    {
      "id": "2",
      "url": "https://daily.example.net/aid",
      "title": "Aid convoy reaches Kherson",
      "content_text": "A convoy of 12 trucks carrying food and medicine reached Kherson on Thursday, the UN said.",
      "date_published": "2026-02-05T08:00:00Z"
    }
  ]
}"#;

#[test]
fn rss_items_are_articles() {
    let arts = parse("news.rss", RSS);
    assert_eq!(arts.len(), 2, "the item without text is left out");
    let a = &arts[0];
    assert_eq!((a.id.as_str(), a.title.as_str()), ("news.rss#0", "Drones hit Odesa port"));
    assert_eq!(a.published, date(2026, 2, 3));
    assert_eq!(a.published_from, DateSource::Metadata);
    assert_eq!(a.url.as_deref(), Some("https://news.example.com/2026/02/03/odesa-port"));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.extra.as_ref().and_then(|e| e.byline.as_deref()), Some("Jane Roe"));
    assert_eq!(paragraphs(a).len(), 2, "{:#?}", paragraphs(a));
    assert!(paragraphs(a)[1].starts_with("Air defences shot down 40"));
    assert!(!a.body.contains("appeared first"), "{}", a.body);
    // An item without content is read from its summary.
    assert_eq!((arts[1].id.as_str(), arts[1].title.as_str()), ("news.rss#1", "Ferries to resume"));
    assert!(arts[1].body.starts_with("Officials in the port city"));
}

#[test]
fn atom_entries_are_articles() {
    let a = one("wire.atom", ATOM);
    assert_eq!(a.title, "Kharkiv power restored & schools reopen");
    assert_eq!(a.published, date(2026, 2, 5));
    assert_eq!(a.url.as_deref(), Some("https://wire.example.org/kharkiv-power"));
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.extra.as_ref().and_then(|e| e.byline.as_deref()), Some("John Doe"));
    assert_eq!(paragraphs(&a).len(), 2);
    // By its root, whatever the name.
    assert_eq!(one("wire.xml", ATOM).title, a.title);
}

#[test]
fn json_feed_items_are_articles() {
    let arts = parse("daily.json", JSON_FEED);
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].title, "Talks resume in Abu Dhabi");
    assert_eq!(arts[0].published, date(2026, 2, 4));
    assert_eq!(arts[0].url.as_deref(), Some("https://daily.example.net/talks"));
    assert_eq!(arts[0].extra.as_ref().and_then(|e| e.byline.as_deref()), Some("Ann Smith"));
    assert!(arts[1].body.starts_with("A convoy of 12 trucks"), "{}", arts[1].body);
}

#[test]
fn bad_feeds_get_one_line() {
    for (name, text, want) in [
        ("cut.rss", &RSS[..RSS.len() / 3], "not a feed"),
        ("notes.json", r#"{"events": [1, 2]}"#, "not a feed"),
        ("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>", "not a feed"),
        ("empty.rss", "<rss version=\"2.0\"><channel><title>T</title></channel></rss>", "no article text found"),
    ] {
        let e = parse_file(name, text.as_bytes()).unwrap_err().to_string();
        assert!(e.starts_with(want) && !e.contains('\n'), "{name}: {e}");
    }
}

/// A page, its feed item and a copy of the page are one article that lists the other files;
/// a text saved twice (no URL) is one article too; the feed's other item stays itself.
#[test]
fn copies_of_one_article_load_once() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let page = put("a/odesa.html", PAGE);
    let feed = put("b/news.rss", RSS);
    let copy = put("c/odesa (1).html", &PAGE.replace("<p>Share this article</p>", ""));
    let story = "Officials in the port city said the ferry service to the islands would resume on Monday after a \
                 week of storms that kept boats in harbour. The harbour master told reporters that two vessels had \
                 been inspected and found safe to sail, and that a third would follow once a damaged propeller was \
                 replaced. Local traders, who depend on the crossing for supplies of fuel and fresh food, welcomed \
                 the decision on Friday, though several said the week without deliveries had cost them dearly. The \
                 regional council will review the timetable again in the spring, a spokesman said, when the new \
                 ferry ordered last year is due to arrive from the shipyard.";
    let t1 = put("d/ferries.txt", &format!("Title: Ferries to resume on Monday\n\n{story}\n"));
    let t2 = put(
        "e/ferries-saved.txt",
        &format!("Ferries to resume on Monday\n\n{}\n\nShare this article\n", story.replace(". ", ".\n\n")),
    );
    let r = sitrep::corpus::load_paths(&[dir.path().to_path_buf()]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let titles: Vec<&str> = r.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Drones hit Odesa port", "Ferries to resume", "Ferries to resume on Monday"], "{titles:?}");
    let copies = |a: &Article| a.extra.as_ref().map(|e| e.copies.clone()).unwrap_or_default();
    let odesa = &r.articles[0];
    assert_eq!(odesa.file, page, "the longest body stays");
    assert_eq!(copies(odesa), [feed.clone(), copy]);
    assert!(copies(&r.articles[1]).is_empty(), "the feed's other item");
    assert_eq!((r.articles[2].file.clone(), copies(&r.articles[2])), (t1, vec![t2]));
}
