//! Hostile input through the command line: broken and special files, directories, endless
//! streams, broken JSONL, noisy HTML, and names built to break every exporter. Each run must end
//! (every command has a timeout), write a valid graph of what could be read, and say what could
//! not. Inputs that cost time and memory are in `bounded.rs`.

use crate::support::hostile::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn empty_file_is_an_empty_document() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = write(tmp.path(), "empty.txt", "");
    let (g, r) = graph_of(&[&empty]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(documents(&g), 1);
    assert!(g["edges"].as_array().unwrap().is_empty());
}

#[test]
fn whitespace_only_file_is_an_empty_document() {
    let tmp = tempfile::tempdir().unwrap();
    let blank = write(tmp.path(), "blank.txt", " \n\t\r\n \u{a0}\u{2003}\n\n");
    let (g, r) = graph_of(&[&blank]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(documents(&g), 1);
    assert!(g["edges"].as_array().unwrap().is_empty());
}

#[test]
fn binary_file_is_skipped_and_the_rest_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(tmp.path(), "story.txt", STORY);
    let (g, r) = graph_of(&[tmp.path()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("image.txt") && r.stderr.contains("binary"),
        "{}",
        r.stderr
    );
    assert_eq!(documents(&g), 1);
    assert!(labels(&g).contains(&"Maren Oduya".to_string()), "{:?}", labels(&g));
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = b"Caf\xe9 \xff\xfe owners gathered. ".to_vec();
    bytes.extend_from_slice(STORY.as_bytes());
    let bad = write(tmp.path(), "latin1.txt", &bytes);
    let (ms, r) = mentions_of(&bad);
    assert_eq!(r.code, 0, "a warning, not a skip: {}", r.stderr);
    assert!(r.stderr.contains("not valid UTF-8"), "{}", r.stderr);
    assert_offsets_fit(&ms, &String::from_utf8_lossy(&bytes));
    assert!(ms.iter().any(|m| m["text"] == "Maren Oduya"), "{ms:?}");
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, bom, unit) in [
        ("le.txt", [0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
        ("be.txt", [0xFE, 0xFF], u16::to_be_bytes),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(STORY.encode_utf16().flat_map(unit));
        let path = write(tmp.path(), name, &bytes);
        let (ms, r) = mentions_of(&path);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert_offsets_fit(&ms, STORY);
        assert!(ms.iter().any(|m| m["text"] == "Tobiah Lenk"), "{name}: {ms:?}");
    }
}

#[test]
fn crlf_and_lone_cr_line_ends_keep_offsets_exact() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Vantorra talks\r\n\r\nPresident Maren Oduya met Prime Minister Tobiah Lenk on Monday.\r\n\
                \r\"We agreed,\" Mr. Lenk said.\rProfessor Ila Sorrel of the Institute for Fjord Studies \
                said the deal was fragile.\r";
    let path = write(tmp.path(), "crlf.txt", text);
    let (ms, r) = mentions_of(&path);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_offsets_fit(&ms, text);
    for name in ["Maren Oduya", "Tobiah Lenk", "Ila Sorrel"] {
        assert!(ms.iter().any(|m| m["text"] == name), "{name}: {ms:?}");
    }
    let (g, _) = graph_of(&[&path]);
    for e in g["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().unwrap() {
            let (s, end) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text.get(s..end), ev["sentence"].as_str(), "{ev}");
        }
    }
}

#[test]
fn deeply_nested_directories_are_walked() {
    let tmp = tempfile::tempdir().unwrap();
    let mut deep = tmp.path().to_path_buf();
    for _ in 0..200 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    write(&deep, "story.txt", STORY);
    let (g, r) = graph_of(&[tmp.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "story.txt", STORY);
    fs::create_dir(tmp.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(tmp.path(), tmp.path().join("sub/back")).unwrap();
    let (g, r) = graph_of(&[tmp.path()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("symbolic link loop"), "{}", r.stderr);
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_directories_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        eprintln!("running as root: permissions do not stop reading; case skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "story.txt", STORY);
    let locked = write(tmp.path(), "locked.txt", STORY);
    let closed = tmp.path().join("closed");
    fs::create_dir(&closed).unwrap();
    write(&closed, "inside.txt", STORY);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    let (g, r) = graph_of(&[tmp.path()]);
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("locked.txt") && r.stderr.contains("closed"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("permission denied"), "{}", r.stderr);
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn fifo_named_without_a_writer_reads_as_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    if !mkfifo(&fifo) {
        eprintln!("mkfifo is missing; case skipped");
        return;
    }
    let (g, r) = graph_of(&[&fifo]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn fifo_named_with_a_writer_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    if !mkfifo(&fifo) {
        eprintln!("mkfifo is missing; case skipped");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, STORY))
    };
    // The writer's open blocks until a reader comes; graphgen may open first and read nothing,
    // so wait until the writer is in place (its open returns once graphgen opens).
    std::thread::sleep(Duration::from_millis(200));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("graphgen"))
        .arg(&fifo)
        .arg("--json")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writer.join().unwrap().unwrap();
    let out = wait_with_limit(&mut child);
    let g: Value = serde_json::from_slice(&out).unwrap();
    assert!(labels(&g).contains(&"Tobiah Lenk".to_string()), "{:?}", labels(&g));
}

fn wait_with_limit(child: &mut std::process::Child) -> Vec<u8> {
    use std::io::Read;
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > LIMIT {
            child.kill().unwrap();
            panic!("graphgen did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    out
}

#[cfg(unix)]
#[test]
fn dev_null_named_is_an_empty_document() {
    let (g, r) = graph_of(&[Path::new("/dev/null")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn fifo_in_a_tree_is_never_opened() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "story.txt", STORY);
    if !mkfifo(&tmp.path().join("pipe.txt")) {
        eprintln!("mkfifo is missing; case skipped");
        return;
    }
    let (g, r) = graph_of(&[tmp.path()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("pipe.txt") && r.stderr.contains("not a regular file"),
        "{}",
        r.stderr
    );
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn dev_zero_named_is_refused_at_once() {
    for extra in [&[][..], &["--max-bytes".as_ref(), "1K".as_ref()][..]] {
        let mut args: Vec<&std::ffi::OsStr> = vec!["/dev/zero".as_ref(), "--json".as_ref()];
        args.extend_from_slice(extra);
        let r = timed_run("/dev/zero", &args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("/dev/zero") && r.stderr.contains("binary"),
            "{}",
            r.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn endless_fifo_named_stops_at_the_size_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("feed.txt");
    if !mkfifo(&fifo) {
        eprintln!("mkfifo is missing; case skipped");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        // Writes until the reader goes away (the write then fails with a broken pipe).
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = fs::OpenOptions::new().write(true).open(fifo).unwrap();
            while f.write_all(STORY.as_bytes()).is_ok() {}
        })
    };
    let r = timed_run(
        "endless FIFO",
        &[
            fifo.as_os_str(),
            "--json".as_ref(),
            "--max-bytes".as_ref(),
            "1M".as_ref(),
        ],
    );
    writer.join().unwrap();
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("larger than 1 MB"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn device_in_a_tree_is_never_opened() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "story.txt", STORY);
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("zero.txt")).unwrap();
    let (g, r) = graph_of(&[tmp.path()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("zero.txt") && r.stderr.contains("not a regular file"),
        "{}",
        r.stderr
    );
    assert_eq!(documents(&g), 1);
}

#[cfg(unix)]
#[test]
fn endless_stdin_stops_at_the_size_cap() {
    let mut yes = std::process::Command::new("yes")
        .arg("President Maren Oduya met Prime Minister Tobiah Lenk.")
        .stdout(Stdio::piped())
        .spawn()
        .expect("yes(1) runs");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("graphgen"))
        .args(["-", "--json", "--max-bytes", "2M"])
        .stdin(Stdio::from(yes.stdout.take().unwrap()))
        .output()
        .unwrap();
    yes.kill().ok();
    yes.wait().ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("larger than 2 MB") && stderr.contains("--max-bytes"),
        "{stderr}"
    );
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(documents(&g), 0, "an input over the cap is skipped whole");
}

#[test]
fn max_bytes_applies_to_files_and_rejects_nonsense() {
    let tmp = tempfile::tempdir().unwrap();
    let story = write(tmp.path(), "story.txt", STORY);
    let r = run(&[story.as_os_str(), "--max-bytes".as_ref(), "100".as_ref()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("larger than 100 bytes"), "{}", r.stderr);
    let r = run(&[story.as_os_str(), "--max-bytes".as_ref(), "1K".as_ref()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&[story.as_os_str(), "--max-bytes".as_ref(), "lots".as_ref()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a size"), "{}", r.stderr);
}

#[test]
fn broken_jsonl_lines_are_reported_by_number() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "one", "text": STORY}).to_string(),
        "{\"id\": \"two\", \"text\": \"cut off".to_string(),
        String::new(),
        "[1, 2, 3]".to_string(),
        serde_json::json!({"id": "three", "title": "no text"}).to_string(),
        serde_json::json!({"id": "four", "text": "Dr. Ila Sorrel spoke."}).to_string(),
    ];
    let path = write(tmp.path(), "feed.jsonl", lines.join("\n"));
    let (g, r) = graph_of(&[&path]);
    assert_eq!(r.code, 2);
    for line in [2, 4, 5] {
        assert!(
            r.stderr.contains(&format!("feed.jsonl:{line}")),
            "line {line}: {}",
            r.stderr
        );
    }
    assert!(
        !r.stderr.contains("feed.jsonl:3"),
        "a blank line is no problem: {}",
        r.stderr
    );
    assert_eq!(documents(&g), 2);
}

#[test]
fn html_scripts_styles_and_comments_are_dropped_and_entities_decoded() {
    let tmp = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>Talks &amp; more</title>\
        <style>p::before { content: \"President Ervo Quill met Dr. Ansa Pell\"; }</style>\
        <script>var s = \"</p>President Ervo Quill met Dr. Ansa Pell\"; if (a < b && c > d) {}</script>\
        </head><body><article><!-- President Ervo Quill met Dr. Ansa Pell -->\
        <p>President Maren Oduya met Prime Minister Tobiah Lenk &amp; his aides in Vantorra&#39;s capital \
        on Monday.</p><p>&ldquo;We agreed,&rdquo; Mr.&nbsp;Lenk said &#x2014; twice.</p></article></body></html>";
    let path = write(tmp.path(), "page.html", page);
    let (g, r) = graph_of(&[&path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all = g.to_string();
    assert!(
        !all.contains("Quill") && !all.contains("Pell"),
        "script, style or comment text leaked: {all}"
    );
    assert!(
        !all.contains("&amp;") && !all.contains("&#39;"),
        "entities left encoded: {all}"
    );
    assert!(labels(&g).contains(&"Tobiah Lenk".to_string()), "{:?}", labels(&g));
}

/// Names that break naive exporters: quotes, backslashes, newlines, markup, DOT keywords,
/// right-to-left and combining characters, control characters.
const NASTY: [&str; 12] = [
    "quote\"d",
    "back\\slash\\",
    "new\nline\r",
    "<b>&amp;</b>",
    "node",
    "edge",
    "strict",
    "graph",
    "\u{202e}evil\u{202c} عربي",
    "e\u{301}\u{302}\u{303}",
    "ctl\u{1}\u{7}\u{1b}[31m\u{7f}",
    "\\\"};\ndigraph x {",
];

fn nasty_corpus(dir: &Path) -> PathBuf {
    let lines: Vec<String> = NASTY
        .iter()
        .map(|n| serde_json::json!({"id": n, "title": n, "url": n, "text": STORY}).to_string())
        .collect();
    write(dir, "nasty.jsonl", lines.join("\n"))
}

fn export(input: &Path, format: &str) -> Vec<u8> {
    let r = run(&[input.as_os_str(), "--format".as_ref(), format.as_ref()]);
    assert_eq!(r.code, 0, "{format}: {}", r.stderr);
    r.stdout
}

#[test]
fn nasty_names_give_json_that_parses_and_keeps_them() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = nasty_corpus(tmp.path());
    let g: Value = serde_json::from_slice(&export(&corpus, "json")).expect("JSON parses");
    let ids: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    for n in NASTY {
        // Ids keep every character but the whitespace around them.
        assert!(ids.contains(&format!("doc:{}", n.trim()).as_str()), "{n:?} in {ids:?}");
    }
    let c: Value = serde_json::from_slice(&export(&corpus, "cytoscape")).expect("Cytoscape JSON parses");
    assert!(c["elements"]["nodes"].as_array().unwrap().len() >= NASTY.len());
}

#[test]
fn nasty_names_give_dot_that_graphviz_renders() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = nasty_corpus(tmp.path());
    let dot = export(&corpus, "dot");
    let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("Graphviz `dot` is missing; case skipped");
        return;
    };
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot refused it: {stderr}");
    assert!(!stderr.contains("syntax error"), "{stderr}");
    let svg = String::from_utf8_lossy(&out.stdout);
    let drawn = svg.matches("class=\"node\"").count();
    let declared = serde_json::from_slice::<Value>(&export(&corpus, "json")).unwrap()["nodes"]
        .as_array()
        .unwrap()
        .len();
    assert!(
        drawn >= declared,
        "{drawn} nodes drawn, {declared} in the graph: no name swallowed others"
    );
}

#[test]
fn nasty_names_give_well_formed_gexf_and_graphml() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = nasty_corpus(tmp.path());
    for format in ["gexf", "graphml"] {
        let path = tmp.path().join(format!("out.{format}"));
        fs::write(&path, export(&corpus, format)).unwrap();
        let check = "import sys, xml.etree.ElementTree as ET\n\
                     root = ET.parse(sys.argv[1]).getroot()\n\
                     print(sum(1 for e in root.iter() if e.tag.endswith('}node')))";
        let Ok(out) = std::process::Command::new("python3")
            .args(["-c", check])
            .arg(&path)
            .output()
        else {
            eprintln!("python3 is missing; case skipped");
            return;
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format} is not well-formed XML: {stderr}");
        let nodes: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert!(nodes >= NASTY.len(), "{format}: {nodes} nodes");
    }
}

#[cfg(unix)]
#[test]
fn nasty_file_names_in_a_tree() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, n) in [
        "q\"uote",
        "back\\slash",
        "new\nline",
        "<&>",
        "node",
        "\u{202e}rtl",
        "e\u{301}",
        "ctl\u{1}",
    ]
    .iter()
    .enumerate()
    {
        write(tmp.path(), &format!("{n}-{i}.txt"), STORY);
    }
    for format in ["json", "dot", "gexf", "graphml", "cytoscape", "html"] {
        export(tmp.path(), format);
    }
    let (g, _) = graph_of(&[tmp.path()]);
    assert_eq!(documents(&g), 8);
}

#[test]
fn exit_statuses() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.txt", STORY);
    let b = write(
        tmp.path(),
        "b.txt",
        "Dr. Ila Sorrel of the Institute for Fjord Studies met Mr. Osk Venn.\n",
    );
    let missing = tmp.path().join("missing.txt");
    assert_eq!(run(&[a.as_os_str()]).code, 0, "done");
    assert_eq!(
        run(&["diff".as_ref(), a.as_os_str(), a.as_os_str()]).code,
        0,
        "diff: same"
    );
    assert_eq!(
        run(&["diff".as_ref(), a.as_os_str(), b.as_os_str()]).code,
        1,
        "diff: differences"
    );
    assert_eq!(run(&[a.as_os_str(), missing.as_os_str()]).code, 2, "a missing input");
    assert_eq!(
        run(&["diff".as_ref(), a.as_os_str(), missing.as_os_str()]).code,
        2,
        "diff: trouble"
    );
    assert_eq!(run(&["--no-such-flag".as_ref()]).code, 2, "a usage error");
    assert_eq!(run(&[]).code, 2, "no input");
}

#[test]
fn inputs_are_never_modified_and_failed_output_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.txt", STORY);
    let before = fs::read(&a).unwrap();
    let out = tmp.path().join("no-such-dir").join("g.json");
    let r = run(&[a.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(r.code, 2);
    assert!(!out.exists());
    assert_eq!(fs::read(&a).unwrap(), before);
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

/// A write that fails half way (the file-size limit is hit) leaves the old output whole and
/// no temporary file behind.
#[cfg(unix)]
#[test]
fn output_is_replaced_whole_or_not_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    for i in 0..50 {
        write(&inputs, &format!("s{i}.txt"), STORY);
    }
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let out = write(&out_dir, "g.json", "OLD");
    // SIGXFSZ ignored, so the write past the limit fails with EFBIG instead of killing.
    let script = "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$1\" -o \"$2\"";
    let status = std::process::Command::new("sh")
        .args(["-c", script])
        .arg(assert_cmd::cargo::cargo_bin("graphgen"))
        .arg(&inputs)
        .arg(&out)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert_eq!(status.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("g.json"), "{stderr}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "OLD", "the old output is untouched");
    assert_eq!(
        fs::read_dir(&out_dir).unwrap().count(),
        1,
        "no temporary file left behind"
    );
    let r = run(&[inputs.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_slice::<Value>(&fs::read(&out).unwrap()).expect("without the limit, a whole graph");
}
