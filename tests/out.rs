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
fn out_json_and_dot_are_current() {
    let json = run(&["seeds/", "--json"]);
    assert!(
        std::fs::read("out/seeds.json").unwrap() == json,
        "out/seeds.json is stale: run scripts/regen-out"
    );
    let dot = run(&["seeds/", "--dot"]);
    assert!(
        std::fs::read("out/seeds.dot").unwrap() == dot,
        "out/seeds.dot is stale: run scripts/regen-out"
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
