//! `out/` holds the graph of `seeds/` as shipped; this fails when it is stale.
//! Regenerate with `scripts/regen-out`.

use std::process::{Command, Stdio};

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
        let now = crate::support::stdout_of(&["seeds/", "--format", format]);
        assert!(
            std::fs::read(path).unwrap() == now,
            "{path} is stale: run scripts/regen-out"
        );
    }
}

/// The arguments of the `--ego` picture, as scripts/regen-out writes them (the script is the
/// one place that names the actor).
fn ego_args() -> Vec<String> {
    let script = std::fs::read_to_string("scripts/regen-out").unwrap();
    let line = script
        .lines()
        .find(|l| l.contains("out/seeds-ego.dot") && l.contains("--ego"))
        .expect("scripts/regen-out writes out/seeds-ego.dot");
    let (_, rest) = line.split_once("\"$bin\" ").unwrap();
    let rest = rest.split(" -o ").next().unwrap();
    // Split on spaces outside double quotes.
    let mut args = Vec::new();
    for (i, part) in rest.split('"').enumerate() {
        if i % 2 == 1 {
            args.push(part.to_string());
        } else {
            args.extend(part.split_whitespace().map(String::from));
        }
    }
    args
}

#[test]
fn out_ego_picture_is_current() {
    let args = ego_args();
    assert!(args.iter().any(|a| a == "--no-documents"), "{args:?}");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let now = crate::support::stdout_of(&args);
    assert!(
        std::fs::read("out/seeds-ego.dot").unwrap() == now,
        "out/seeds-ego.dot is stale: run scripts/regen-out"
    );
    if Command::new("dot").arg("-V").stderr(Stdio::null()).output().is_err() {
        return;
    }
    let svg = Command::new("dot")
        .args(["-Tsvg", "out/seeds-ego.dot"])
        .output()
        .unwrap();
    assert!(
        std::fs::read("out/seeds-ego.svg").unwrap() == svg.stdout,
        "out/seeds-ego.svg is stale: run scripts/regen-out"
    );
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

/// Every README block after a `<!-- sample: ARGS -->` line is what `graphgen ARGS` writes now.
/// Regenerate with `scripts/regen-readme`.
#[test]
fn readme_samples_are_current() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let mut samples = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(args) = line.strip_prefix("<!-- sample: ").and_then(|l| l.strip_suffix(" -->")) else {
            continue;
        };
        samples += 1;
        assert!(
            lines[i + 1].starts_with("```"),
            "README.md:{}: no block after the marker",
            i + 2
        );
        let end = i + 2 + lines[i + 2..].iter().position(|l| *l == "```").expect("a closed block");
        let args: Vec<&str> = args.split_whitespace().collect();
        let now = crate::support::stdout_of(&args);
        let now = String::from_utf8(now).unwrap();
        assert_eq!(
            lines[i + 2..end].join("\n"),
            now.trim_end_matches('\n'),
            "README.md:{}: the sample of `graphgen {}` is stale: run scripts/regen-readme",
            i + 1,
            args.join(" ")
        );
    }
    assert!(samples >= 1, "the README's samples are marked");
}
