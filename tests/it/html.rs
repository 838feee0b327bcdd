//! The HTML page in a real browser (headless Chromium over the DevTools protocol): it draws
//! every node and edge, the search box finds actors, a click shows the evidence, the filters
//! hide what they say, hostile names stay text, 5,000 nodes load without freezing, and the
//! console stays free of errors and warnings throughout. Passes with a note without Chromium.
//!
//! The seeds test keeps a screenshot: `$GRAPHGEN_SCREENSHOT` if set (scripts/regen-out sets
//! it to out/seeds-html.png), else seeds-html.png in Cargo's test temp directory.

use crate::support::browser::{self, Browser};
use crate::support::graphs::{actor, ev, hostile_graph};
use graphgen::export::{Exporter, Html, read_graph_json};
use graphgen::graph::{ActorKind, Graph, RelationKind};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::time::Duration;

const READY: &str = "window.graphgen && graphgen.ready";
const WIDTH: u32 = 1400;
const HEIGHT: u32 = 900;

fn graph_of(inputs: &str) -> Graph {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([inputs, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    read_graph_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap()
}

fn write_page(g: &Graph, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut out = Vec::new();
    Html.write(g, &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    path
}

/// Opens the page and waits for its layout to finish.
fn load(binary: &str, page: &Path, timeout: Duration) -> Browser {
    let mut b = Browser::start(binary, WIDTH, HEIGHT);
    b.open(page);
    assert!(
        b.wait_for(READY, timeout),
        "the page was not ready within {timeout:?}: {:?}",
        b.errors
    );
    b
}

/// Nodes drawn inside the box the page gives the graph, at distinct places; edges drawn.
fn drawn(b: &mut Browser) -> (u64, u64, u64) {
    next_frame(b);
    let v = b.eval(
        "(() => { const cy = graphgen.cy, box = document.getElementById('cy');
           const w = box.clientWidth, h = box.clientHeight;
           const shown = cy.nodes(':visible').filter((n) => {
             const p = n.renderedPosition();
             return p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h; });
           const places = new Set(shown.map((n) => Math.round(n.position('x')) + ',' + Math.round(n.position('y'))));
           return [shown.length, places.size, cy.edges(':visible').length]; })()",
    );
    (v[0].as_u64().unwrap(), v[1].as_u64().unwrap(), v[2].as_u64().unwrap())
}

fn text_of(b: &mut Browser, selector: &str) -> String {
    let v = b.eval(&format!("document.querySelector({}).textContent", json!(selector)));
    v.as_str().unwrap_or_default().to_string()
}

/// Types `query` into the search box and presses Enter; returns the ids found.
fn search(b: &mut Browser, query: &str) -> Vec<String> {
    b.eval(&format!(
        "(() => {{ const box = document.getElementById('search'); box.value = {};
           box.dispatchEvent(new Event('input'));
           box.dispatchEvent(new KeyboardEvent('keydown', {{key: 'Enter'}})); }})()",
        json!(query)
    ));
    let v = b.eval("graphgen.cy.nodes('.match').map((n) => n.id())");
    serde_json::from_value(v).unwrap()
}

fn tap(b: &mut Browser, id: &str) {
    b.eval(&format!("void graphgen.cy.getElementById({}).emit('tap')", json!(id)));
}

/// Edges the renderer draws. Cytoscape.js settles style changes when it next draws, so
/// this first lets two animation frames pass.
fn visible_edges(b: &mut Browser) -> u64 {
    next_frame(b);
    b.eval("graphgen.cy.edges(':visible').length").as_u64().unwrap()
}

fn visible_nodes(b: &mut Browser) -> u64 {
    next_frame(b);
    b.eval("graphgen.cy.nodes(':visible').length").as_u64().unwrap()
}

fn next_frame(b: &mut Browser) {
    b.eval("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))");
}

fn assert_no_errors(b: &mut Browser) {
    // One more round trip collects the events still in flight.
    b.eval("1");
    assert!(b.errors.is_empty(), "console: {:#?}", b.errors);
}

fn screenshot_path() -> PathBuf {
    std::env::var_os("GRAPHGEN_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("seeds-html.png"))
}

#[test]
fn the_seeds_page_draws_finds_explains_and_filters() {
    let Some(chromium) = browser::chromium() else { return };
    // What `graphgen seeds/ --html` draws: the actors with a relation.
    let g = graphgen::graph::Filter {
        connected_only: true,
        ..Default::default()
    }
    .apply(&graph_of("seeds/"));
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(&g, dir.path(), "seeds.html");
    let mut b = load(&chromium, &page, Duration::from_secs(60));
    let (n, m) = (g.actor_count() as u64, g.relation_count() as u64);
    assert_eq!(
        drawn(&mut b),
        (n, n, m),
        "(nodes in view, distinct places, edges) for {n} nodes, {m} edges"
    );
    assert_eq!(text_of(&mut b, "#stats"), format!("{n} nodes, {m} edges shown"));

    // The search box finds the leader whatever the spelling, and a click tells all about him.
    let found = search(&mut b, "Kim Jong Un");
    assert!(found.contains(&"kim-jong-un".to_string()), "{found:?}");
    assert_eq!(text_of(&mut b, "#search-count"), format!("{} found", found.len()));
    assert!(search(&mut b, "kim jong-un").contains(&"kim-jong-un".to_string()));
    search(&mut b, "");
    tap(&mut b, "kim-jong-un");
    let kim = g.actor("kim-jong-un").unwrap();
    assert_eq!(text_of(&mut b, "#details h3"), kim.label);
    let evidence: usize = g
        .relations()
        .filter(|r| r.source == kim.id || r.target == kim.id)
        .map(|r| r.weight())
        .sum();
    let shown = b.eval("document.querySelectorAll('#details li.evidence').length");
    assert_eq!(shown, json!(evidence), "one list item per piece of evidence");
    // The search zoomed in, with an animation that may still run; the picture shows it all.
    b.eval("void graphgen.cy.stop(true).fit(undefined, 30)");
    std::thread::sleep(Duration::from_millis(500));
    let shot = screenshot_path();
    b.screenshot(&shot);
    eprintln!("screenshot: {}", shot.display());

    // Filters: a relation, a kind, and the minimum weight.
    let quoted = g.relations().filter(|r| r.kind == RelationKind::QuotedIn).count() as u64;
    b.eval("document.querySelector('#relation-filters input[value=\"quoted-in\"]').click()");
    assert_eq!(visible_edges(&mut b), m - quoted);
    b.eval("document.querySelector('#relation-filters input[value=\"quoted-in\"]').click()");
    let documents = g.actors().filter(|a| a.kind == ActorKind::Document).count() as u64;
    b.eval("document.querySelector('#kind-filters input[value=\"document\"]').click()");
    assert_eq!(visible_nodes(&mut b), n - documents);
    assert_eq!(
        text_of(&mut b, "#stats"),
        format!("{} nodes, {} edges shown", n - documents, m - quoted)
    );
    assert_eq!(visible_edges(&mut b), m - quoted, "edges of hidden nodes hide too");
    b.eval("document.querySelector('#kind-filters input[value=\"document\"]').click()");
    let heavy = g.relations().filter(|r| r.weight() >= 2).count() as u64;
    b.eval(
        "(() => { const s = document.getElementById('min-weight'); s.value = 2;
           s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(visible_edges(&mut b), heavy);
    assert_eq!(text_of(&mut b, "#stats"), format!("{n} nodes, {heavy} edges shown"));
    assert_no_errors(&mut b);
}

#[test]
fn hostile_names_are_shown_as_text() {
    let Some(chromium) = browser::chromium() else { return };
    let g = hostile_graph();
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(&g, dir.path(), "hostile.html");
    let mut b = load(&chromium, &page, Duration::from_secs(60));
    let (n, m) = (g.actor_count() as u64, g.relation_count() as u64);
    assert_eq!(drawn(&mut b), (n, n, m));
    assert_eq!(b.eval("document.scripts.length"), json!(3), "no name became a script");
    let markup = "<b>AT&T</b> &amp;";
    assert_eq!(search(&mut b, markup), [markup]);
    let closer = "</script><!-- 'x' ]]>";
    tap(&mut b, closer);
    assert_eq!(text_of(&mut b, "#details h3"), closer);
    assert_eq!(b.eval("document.querySelectorAll('#details b').length"), json!(0));
    assert_no_errors(&mut b);
}

/// The date sliders keep the relations of a period (actors without one in it go too), the
/// details give each piece of evidence its day, and the nodes can be coloured by community.
#[test]
fn dates_filter_and_communities_colour_the_page() {
    let Some(chromium) = browser::chromium() else { return };
    let g = graphgen::graph::Filter {
        connected_only: true,
        ..Default::default()
    }
    .apply(&graph_of("tests/fixtures/dated"));
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(&g, dir.path(), "dated.html");
    let mut b = load(&chromium, &page, Duration::from_secs(60));
    let (n, m) = (g.actor_count() as u64, g.relation_count() as u64);
    assert_eq!(drawn(&mut b), (n, n, m));
    assert_eq!(b.eval("document.getElementById('date-filter').hidden"), json!(false));
    assert_eq!(text_of(&mut b, "#date-from-value"), "2024-05-01");
    assert_eq!(text_of(&mut b, "#date-to-value"), "2024-07-15");
    // From the second day on: June and July. The May-only quote goes, and the undated
    // Oslo meeting; the Kessler-Halloran meeting stays for its June evidence.
    b.eval(
        "(() => { const s = document.getElementById('date-from'); s.value = 1;
           s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(text_of(&mut b, "#date-from-value"), "2024-06-03");
    if let Ok(shot) = std::env::var("GRAPHGEN_DATED_SCREENSHOT") {
        // The README's picture of the timeline: scripts/regen-out sets the path.
        b.eval("void graphgen.cy.fit(undefined, 40)");
        std::thread::sleep(Duration::from_millis(300));
        b.screenshot(Path::new(&shot));
    }
    let in_period = g
        .relations()
        .filter(|r| {
            r.evidence
                .iter()
                .any(|e| e.date.as_deref().is_some_and(|d| d >= "2024-06-03"))
        })
        .count() as u64;
    assert_eq!(visible_edges(&mut b), in_period);
    assert!(in_period < m);
    let visible: Vec<String> =
        serde_json::from_value(b.eval("graphgen.cy.nodes(':visible').map((n) => n.id())")).unwrap();
    assert!(!visible.contains(&"doc:w1".to_string()), "{visible:?}");
    assert!(visible.contains(&"maria-kessler".to_string()), "{visible:?}");
    b.eval(
        "(() => { const s = document.getElementById('date-from'); s.value = 0;
           s.dispatchEvent(new Event('input')); })()",
    );
    assert_eq!(visible_edges(&mut b), m, "the whole period shows everything again");

    tap(&mut b, "maria-kessler");
    let docs = b.eval("[...document.querySelectorAll('#details li.evidence .doc')].map((d) => d.textContent)");
    let docs: Vec<String> = serde_json::from_value(docs).unwrap();
    assert!(docs.iter().any(|d| d.starts_with("2024-05-01, ")), "{docs:?}");

    let colours = "graphgen.cy.nodes().map((n) => n.style('background-color'))";
    let by_kind = b.eval(colours);
    b.eval("(() => { const s = document.getElementById('colour'); s.value = 'community'; s.dispatchEvent(new Event('change')); })()");
    next_frame(&mut b);
    let by_community = b.eval(colours);
    assert_ne!(by_kind, by_community);
    let same = b.eval(
        "(() => { const a = graphgen.cy.getElementById('maria-kessler'), c = graphgen.cy.nodes().filter((n) => n.data('community') === a.data('community'));
           return new Set(c.map((n) => n.style('background-color'))).size; })()",
    );
    assert_eq!(same, json!(1), "one community, one colour");
    b.eval("(() => { const s = document.getElementById('colour'); s.value = 'kind'; s.dispatchEvent(new Event('change')); })()");
    next_frame(&mut b);
    assert_eq!(b.eval(colours), by_kind);
    assert_no_errors(&mut b);
}

/// `n` invented actors in small clusters joined by a few hubs.
fn large_graph(n: usize) -> Graph {
    let mut g = Graph::new();
    let kinds = [
        ActorKind::Person,
        ActorKind::Analyst,
        ActorKind::Institute,
        ActorKind::Country,
    ];
    let ids: Vec<String> = (0..n).map(|i| format!("actor-{i:04}")).collect();
    for (i, id) in ids.iter().enumerate() {
        g.add_actor(actor(
            id,
            &format!("Actor {i}"),
            kinds[i % kinds.len()],
            &[],
            &["big.txt"],
        ));
    }
    let mut seed: u64 = 7;
    let mut next = |bound: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % bound
    };
    for i in 0..ids.len() {
        let near = (i / 10) * 10 + next(10);
        let far = next(50);
        for (t, rel) in [(near, RelationKind::MetWith), (far, RelationKind::AffiliatedTo)] {
            g.add_evidence(&ids[i], rel, &ids[t], ev("big.txt", i, "A sentence.", "met"));
        }
    }
    g
}

#[test]
fn five_thousand_nodes_load_without_freezing() {
    let Some(chromium) = browser::chromium() else { return };
    let g = large_graph(5000);
    assert_eq!(g.actor_count(), 5000);
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(&g, dir.path(), "large.html");
    let mut b = load(&chromium, &page, Duration::from_secs(120));
    let ready_ms = b.eval("performance.now()").as_f64().unwrap();
    let (n, m) = (g.actor_count() as u64, g.relation_count() as u64);
    assert_eq!(drawn(&mut b), (n, n, m), "(nodes in view, distinct places, edges)");
    // A search over all names answers at once once the page is up.
    let took = b.eval(
        "(() => { const t = performance.now(); graphgen.search('Actor 4999'); return performance.now() - t; })()",
    );
    // Times are reported, not asserted: this machine is shared and noisy. "Without freezing"
    // is what `load` checks: the page became ready (before its 120 s guard) with every node drawn.
    eprintln!("5,000 nodes, {m} edges: ready after {ready_ms:.0} ms, search took {took} ms");
    // Loosely: usable means ready in well under a minute even on a slow shared machine
    // (measured about 3 s here; see scripts/bench-html).
    assert!(ready_ms < 45_000.0, "5,000 nodes took {ready_ms:.0} ms to be ready");
    assert!(
        took.as_f64().unwrap() < 2_000.0,
        "a search over 5,000 names took {took} ms"
    );
    assert_eq!(b.eval("graphgen.cy.nodes('.match').length"), json!(1));
    assert_no_errors(&mut b);
}

#[test]
fn the_page_needs_no_network() {
    let page = String::from_utf8(graphgen_html("tests/fixtures/news")).unwrap();
    let policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";
    assert!(page.contains(policy), "the page must forbid every request");
    // Outside the inline scripts, nothing may point elsewhere.
    let mut markup = String::new();
    let mut rest = page.as_str();
    while let Some(open) = rest.find("<script") {
        markup.push_str(&rest[..open]);
        rest = &rest[open + rest[open..].find("</script>").unwrap()..];
    }
    markup.push_str(rest);
    for reference in ["src=", "href=", "@import", "url("] {
        assert!(
            !markup.contains(reference),
            "the page refers to something outside: {reference}"
        );
    }
}

fn graphgen_html(inputs: &str) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args([inputs, "--html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}
