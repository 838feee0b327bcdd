//! The pipeline as a library user meets it: two pipelines with different lexicons in one
//! process, documents in memory against the same documents streamed from files.

use super::{Config, Pipeline};
use crate::corpus::Document;
use crate::graph::ActorKind;

fn doc(stem: &str, text: &str) -> Document {
    Document::new(format!("{stem}.txt"), stem.into(), text.into())
}

fn kind_of(pipeline: &Pipeline, text: &str, label: &str) -> Option<ActorKind> {
    let graph = pipeline.graph_of(&[doc("d", text)]);
    graph.actors().find(|a| a.label == label).map(|a| a.kind)
}

#[test]
fn two_lexicons_live_side_by_side_in_one_process() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk.tsv");
    // Invented names: one desk knows Quellmark as an outlet, the other as an institute.
    std::fs::write(&desk, "Quellmark\toutlet\tQuellmark Daily\n").unwrap();
    let other = dir.path().join("other.tsv");
    std::fs::write(&other, "Quellmark\tinstitute\t\n").unwrap();
    let with = |path: &std::path::Path| {
        Pipeline::new(&Config {
            lexicons: vec![path.to_path_buf()],
            ..Config::default()
        })
        .unwrap()
    };
    let (plain, a, b) = (Pipeline::new(&Config::default()).unwrap(), with(&desk), with(&other));
    let text = "Quellmark reported the vote on Tuesday.";
    assert_eq!(kind_of(&a, text, "Quellmark"), Some(ActorKind::Outlet));
    assert_eq!(kind_of(&b, text, "Quellmark"), Some(ActorKind::Institute));
    assert_ne!(kind_of(&plain, text, "Quellmark"), Some(ActorKind::Outlet));
    // And again after the others were used: nothing leaked between them.
    assert_eq!(
        kind_of(&a, "Quellmark Daily said so.", "Quellmark"),
        Some(ActorKind::Outlet)
    );
    assert!(a.lexicon_problems().is_empty() && b.lexicon_problems().is_empty());
}

#[test]
fn a_bad_lexicon_line_is_a_problem_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let desk = dir.path().join("desk.tsv");
    std::fs::write(&desk, "Quellmark\tbakery\t\nOrlen Vasquith\tleader\t\n").unwrap();
    let p = Pipeline::new(&Config {
        lexicons: vec![desk],
        ..Config::default()
    })
    .unwrap();
    assert_eq!(p.lexicon_problems().len(), 1, "{:?}", p.lexicon_problems());
    assert_eq!(
        kind_of(&p, "Orlen Vasquith arrived.", "Orlen Vasquith"),
        Some(ActorKind::Leader)
    );
}

#[test]
fn files_streamed_give_the_graph_of_the_same_documents_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Prime Minister Ravi Batra met President Ada Morrow in Oslo.",
        "\"We are ready,\" Batra told reporters on Friday.",
    ];
    let mut docs = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let path = dir.path().join(format!("{i}.txt"));
        std::fs::write(&path, t).unwrap();
        docs.push(Document::new(path.display().to_string(), i.to_string(), t.to_string()));
    }
    for threads in [1, 2] {
        let p = Pipeline::new(&Config {
            threads,
            ..Config::default()
        })
        .unwrap();
        let (streamed, problems) = p.graph(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty());
        let in_memory = p.graph_of(&docs);
        assert_eq!(
            streamed.actors().collect::<Vec<_>>(),
            in_memory.actors().collect::<Vec<_>>()
        );
        assert_eq!(streamed.relations().count(), in_memory.relations().count());
    }
}

#[test]
fn a_missing_stop_list_is_an_error_naming_it() {
    let err = Pipeline::new(&Config {
        stoplist: Some("/nonexistent/stop.txt".into()),
        ..Config::default()
    })
    .err()
    .expect("an error");
    assert!(err.to_string().contains("/nonexistent/stop.txt"), "{err}");
}

#[test]
fn documents_folded_while_merging_give_the_graph_the_filter_makes_after() {
    let dir = tempfile::tempdir().unwrap();
    // Invented names and quotes; one speaker quoted in two documents, one twice in one.
    let texts = [
        "\"The talks will go on,\" said Maria Kessler, the foreign minister of Norway. Kessler met Peter Halloran in Oslo.",
        "\"We are not done,\" Halloran told reporters. \"Nor are we,\" Kessler said. \"Never,\" Kessler added.",
        "Tovin Arquette, an analyst at the Brenner Institute, said the deal was weak.",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
    }
    let no_documents = crate::graph::Filter {
        no_documents: true,
        ..Default::default()
    };
    for (threads, cap) in [(1, None), (2, None), (2, Some(1))] {
        let with = |fold_documents| {
            Pipeline::new(&Config {
                threads,
                max_evidence: cap,
                fold_documents,
                ..Config::default()
            })
            .unwrap()
        };
        let (whole, _) = with(false).graph(&[dir.path().to_path_buf()]);
        let (folded, _) = with(true).graph(&[dir.path().to_path_buf()]);
        assert!(whole.actors().any(|a| a.kind == ActorKind::Document));
        assert!(folded.actors().any(|a| !a.quoted_in.is_empty()));
        assert_eq!(folded, no_documents.apply(&whole));
    }
}

#[test]
fn many_batches_merged_by_many_workers_give_the_graph_of_one() {
    // Enough text for several batches, so several workers each absorb some into their own
    // merger and the mergers are joined at the end. Invented names.
    let dir = tempfile::tempdir().unwrap();
    let people = [
        "Ravi Batra",
        "Ada Morrow",
        "Lena Okafor",
        "Tomas Brandt",
        "Ines Halvorsen",
        "Kofi Adler",
    ];
    let mut docs = Vec::new();
    for i in 0..64 {
        let mut text = String::new();
        for j in 0..100 {
            let (a, b) = (
                people[(i + j) % people.len()],
                people[(i * 7 + j * 3 + 1) % people.len()],
            );
            let surname = a.split_whitespace().last().unwrap();
            text.push_str(&format!(
                "Prime Minister {a} met President {b} in Oslo on Monday. \"We agree on trade,\" {surname} said after talks number {j}. "
            ));
        }
        let path = dir.path().join(format!("{i:02}.txt"));
        std::fs::write(&path, &text).unwrap();
        docs.push(Document::new(path.display().to_string(), format!("{i:02}"), text));
    }
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    assert!(total > 3 * 256 * 1024, "{total} bytes: too few for several batches");
    let graph = |threads| {
        let p = Pipeline::new(&Config {
            threads,
            ..Config::default()
        })
        .unwrap();
        let (graph, problems) = p.graph(&[dir.path().to_path_buf()]);
        assert!(problems.is_empty());
        (graph, p)
    };
    let (one, p) = graph(1);
    assert!(
        one.relations().any(|r| r.evidence.len() > 40),
        "the pairs repeat across batches"
    );
    assert_eq!(one, p.graph_of(&docs));
    for threads in [2, 3, 4] {
        assert_eq!(graph(threads).0, one, "{threads} threads");
    }
}
