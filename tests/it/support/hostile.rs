//! Running graphgen on hostile input: every run has a timeout, so a hang fails its test
//! instead of the suite; the small article and the helpers `hostile.rs` and `bounded.rs` share.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Long enough for a loaded machine, short enough that a hang fails the test instead of the suite.
pub const LIMIT: Duration = Duration::from_secs(120);

pub fn graphgen() -> Command {
    let mut cmd = Command::cargo_bin("graphgen").unwrap();
    cmd.timeout(LIMIT);
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

pub fn run(args: &[&std::ffi::OsStr]) -> Run {
    let out = graphgen().args(args).output().expect("graphgen runs");
    Run {
        code: out.status.code().expect("graphgen ended by itself, not by the timeout"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

pub fn graph_of(paths: &[&Path]) -> (Value, Run) {
    let mut args: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
    args.push("--json".as_ref());
    let r = run(&args);
    let g = serde_json::from_slice(&r.stdout).unwrap_or_else(|e| panic!("stdout is JSON ({e}); stderr: {}", r.stderr));
    (g, r)
}

pub fn mentions_of(path: &Path) -> (Vec<Value>, Run) {
    let r = run(&["mentions".as_ref(), path.as_os_str()]);
    let ms = String::from_utf8(r.stdout.clone())
        .expect("mentions are UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (ms, r)
}

pub fn documents(g: &Value) -> u64 {
    g["graph"]["documents"].as_u64().expect("graph.documents")
}

pub fn labels(g: &Value) -> Vec<String> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A small article every case can add, to show the rest of the corpus is still read.
pub const STORY: &str = "President Maren Oduya of Vantorra met Prime Minister Tobiah Lenk in the capital on Monday. \
                     \"We agreed on the river,\" Mr. Lenk said.\n";

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

pub fn is_root() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions and touches no memory.
        unsafe { libc::geteuid() == 0 }
    }
    #[cfg(not(unix))]
    false
}

pub fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// Every mention's offsets cut `text` on char boundaries and give the mention's text.
pub fn assert_offsets_fit(ms: &[Value], text: &str) {
    for m in ms {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.len(), "{m}");
        assert_eq!(text.get(s..e), m["text"].as_str(), "{m}");
    }
}

/// How long one document may take. Generous: the machine the suite runs on is shared and
/// noisy, and a debug build is an order of magnitude slower; what the bound catches is time
/// quadratic in the input, which on these inputs is hours.
pub fn document_budget() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 400 } else { 60 })
}

/// Runs graphgen on `args`, prints how long it took and asserts it stayed in budget.
pub fn timed_run(case: &str, args: &[&std::ffi::OsStr]) -> Run {
    let started = Instant::now();
    let out = Command::cargo_bin("graphgen")
        .unwrap()
        .timeout(document_budget() * 2)
        .args(args)
        .output()
        .expect("graphgen runs");
    let took = started.elapsed();
    let r = Run {
        code: out
            .status
            .code()
            .unwrap_or_else(|| panic!("{case}: killed after {took:?}")),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    eprintln!("{case}: {:.2} s", took.as_secs_f64());
    assert!(took < document_budget(), "{case} took {took:?}");
    r
}
