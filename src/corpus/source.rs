//! Finding the inputs: files named on the command line, directories walked recursively, and
//! `-` for stdin. Decides each input's format from its extension.

use super::Problem;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// How an input's bytes are read as articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    /// Stdin: HTML if it starts like an HTML page, plain text otherwise.
    Sniff,
}

impl Format {
    /// The format an extension stands for; `None` for extensions that are not articles.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    File(PathBuf),
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as shown: as the user named it, joined with the path inside a walked directory.
    pub display: String,
    pub origin: Origin,
    pub format: Format,
}

/// Every input named by `args`, sorted by display path, each file once.
pub fn discover(args: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input {
                display: "-".into(),
                origin: Origin::Stdin,
                format: Format::Sniff,
            });
            continue;
        }
        match std::fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => walk(arg, &mut inputs, problems),
            // A file named explicitly is read whatever its extension; FIFOs and devices too
            // (`<(command)` hands the program a pipe). `open` never waits for a FIFO's writer.
            Ok(_) => inputs.push(Input {
                display: display(arg),
                origin: Origin::File(arg.clone()),
                format: Format::from_path(arg).unwrap_or(Format::Text),
            }),
            Err(e) => problems.push(Problem {
                path: display(arg),
                message: describe(&e),
                skipped: true,
            }),
        }
    }
    inputs.sort_by(|a, b| a.display.cmp(&b.display));
    dedup_same_file(inputs)
}

/// Walks `root` in file-name order, following symbolic links but not their loops. Hidden
/// entries (`.git`, editor and AppleDouble `._x.txt` files) are not articles and are skipped.
fn walk(root: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let walker = WalkDir::new(root).follow_links(true).sort_by_file_name().min_depth(1);
    for entry in walker
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(walk_problem(root, &e));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let path = entry.path();
        if !kind.is_file() {
            let message = "not a regular file (a FIFO, socket or device)".to_string();
            problems.push(Problem {
                path: display(path),
                message,
                skipped: true,
            });
            continue;
        }
        if let Some(format) = Format::from_path(path) {
            inputs.push(Input {
                display: display(path),
                origin: Origin::File(path.to_path_buf()),
                format,
            });
        }
    }
}

fn walk_problem(root: &Path, e: &walkdir::Error) -> Problem {
    let path = display(e.path().unwrap_or(root));
    let message = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => {
            format!("symbolic link loop back to {}; not followed", display(ancestor))
        }
        (None, Some(io)) if io.kind() == io::ErrorKind::NotFound => {
            "no such file or directory (a broken symbolic link?)".to_string()
        }
        (None, Some(io)) => describe(io),
        (None, None) => e.to_string(),
    };
    Problem {
        path,
        message,
        skipped: true,
    }
}

/// One file named twice (`a/x.txt` and `./a/x.txt`, or a file and its directory) is read once,
/// under the first of its names in sorted order.
fn dedup_same_file(inputs: Vec<Input>) -> Vec<Input> {
    use rayon::prelude::*;
    // A few system calls a file: on the current pool, which matters with many small files.
    let keys: Vec<PathBuf> = inputs
        .par_iter()
        .map(|input| match &input.origin {
            Origin::Stdin => PathBuf::from("-"),
            Origin::File(path) => std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()),
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    inputs
        .into_iter()
        .zip(keys)
        .filter_map(|(input, key)| seen.insert(key).then_some(input))
        .collect()
}

/// Opens an input for reading. A FIFO is opened without waiting for a writer (a plain open
/// would block until one comes, forever if none does): with no writer it reads as empty;
/// with one, it is then read normally, blocking, until the writer closes it.
pub fn open(path: &Path) -> io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        if std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo()) {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)?;
            set_blocking(&file)?;
            return Ok(file);
        }
    }
    std::fs::File::open(path)
}

/// Clears `O_NONBLOCK`, so that reads wait for a slow writer instead of failing.
#[cfg(unix)]
fn set_blocking(file: &std::fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function borrows from an open `File`; no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// The path as the user wrote it, with `/` separators on every platform.
pub fn display(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

/// A reading error in words, with what to do about it.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".into(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("a.MD", Some(Format::Text)),
            ("dir/a.html", Some(Format::Html)),
            ("a.HTM", Some(Format::Html)),
            ("a.jsonl", Some(Format::Jsonl)),
            ("a.json", None),
            ("a.pdf", None),
            ("README", None),
            (".txt", None),
        ];
        for (path, want) in cases {
            assert_eq!(Format::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn stdin_is_read_once() {
        let mut problems = Vec::new();
        let inputs = discover(&[PathBuf::from("-"), PathBuf::from("-")], &mut problems);
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].origin, Origin::Stdin);
    }
}
