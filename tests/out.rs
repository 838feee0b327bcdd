//! `out/` holds the graph of `seeds/` as shipped; this fails when it is stale.
//! Regenerate with `scripts/regen-out`.

use std::process::{Command, Stdio};

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn out_files_are_current() {
    let cases = [
        ("out/seeds.json", "json"),
        ("out/seeds.dot", "dot"),
        ("out/seeds.html", "html"),
        ("out/seeds.gexf", "gexf"),
        ("out/seeds.graphml", "graphml"),
    ];
    for (path, format) in cases {
        let now = run(&["seeds/", "--format", format]);
        assert!(
            std::fs::read(path).unwrap() == now,
            "{path} is stale: run scripts/regen-out"
        );
    }
}

#[test]
fn out_svg_is_the_rendering_of_out_dot() {
    if Command::new("dot").arg("-V").stderr(Stdio::null()).output().is_err() {
        eprintln!("note: graphviz `dot` not installed; .ci/run installs it");
        return;
    }
    let out = Command::new("dot").args(["-Tsvg", "out/seeds.dot"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read("out/seeds.svg").unwrap() == out.stdout,
        "out/seeds.svg is stale: run scripts/regen-out"
    );
}

#[test]
fn out_has_the_screenshot_of_the_page() {
    let png = std::fs::read("out/seeds-html.png").expect("out/seeds-html.png: run scripts/regen-out");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "not a real picture"
    );
}
