//! Helpers shared by the integration tests.

// Each test crate uses a part of them; the rest would be dead code there.
#![allow(dead_code)]

pub mod browser;
pub mod dot_check;
pub mod graphs;
pub mod hostile;

use std::path::{Path, PathBuf};

/// Every file under `dir`, in sorted order.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// The standard output of a graphgen run that must succeed.
pub fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Whether python3 can import networkx; tests that read a file back with it pass with a note
/// without it (.ci/run installs it).
pub fn networkx() -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: python3 with networkx not found; skipping the read-back (.ci/run installs it)");
    }
    ok
}

/// Runs graphgen with `args`, its output thrown away; returns whether it succeeded and its
/// own peak resident set in bytes (wait4's rusage; Linux counts in it what the test process
/// held before the exec).
#[cfg(target_os = "linux")]
// The child is reaped by wait4 below, which std's own wait cannot report usage for.
#[allow(clippy::zombie_processes)]
pub fn peak_of(args: &[&std::ffi::OsStr]) -> (bool, u64) {
    use std::process::{Command, Stdio};
    let child = Command::new(env!("CARGO_BIN_EXE_graphgen"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports ru_maxrss in kilobytes.
    (ok, usage.ru_maxrss as u64 * 1024)
}
