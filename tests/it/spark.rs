//! examples/spark/ in Spark local mode gives the graph of one machine. Runs only where
//! `pyspark` and a JVM are installed (`pip install pyspark`; Debian `openjdk-17-jre-headless`).

use std::process::Command;

#[test]
fn spark_local_mode_builds_the_single_machine_graph() {
    let ready = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success())
        && Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        eprintln!("note: pyspark or java missing; the Spark example is not run");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_graphgen");
    let dir = tempfile::tempdir().unwrap();
    // The single machine reads the same articles as JSON lines, ids from the file stems.
    let mut feed = String::new();
    let mut names: Vec<_> = std::fs::read_dir("seeds").unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_str().unwrap();
        feed.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        feed.push('\n');
    }
    let feed_path = dir.path().join("seeds.jsonl");
    std::fs::write(&feed_path, &feed).unwrap();
    let local = Command::new(bin)
        .args(["-", "--json"])
        .stdin(std::fs::File::open(&feed_path).unwrap())
        .output()
        .unwrap();
    assert!(local.status.success());
    let out = dir.path().join("spark.json");
    let status = Command::new("python3")
        .args([
            "examples/spark/graphgen_spark.py",
            "--graphgen",
            bin,
            "--partitions",
            "4",
            "seeds/",
        ])
        .arg(&out)
        .env("PYSPARK_SUBMIT_ARGS", "--master local[2] pyspark-shell")
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read(&out).unwrap() == local.stdout,
        "Spark graph differs from the local one"
    );
}
