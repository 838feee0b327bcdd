//! Errors of the library. Each message names the file and says what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory; check the path", .0.display())]
    MissingInput(PathBuf),
    // `cause`, not `source`: the message already carries it, so it is not chained again.
    #[error("{}: cannot read: {cause}", path.display())]
    Read { path: PathBuf, cause: std::io::Error },
    #[error("{}: cannot write: {cause}; check that the directory exists and is writable", path.display())]
    Write { path: PathBuf, cause: std::io::Error },
    #[error("{what}: {message}")]
    Invalid { what: String, message: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
