//! Helpers shared by the integration tests.

// Each test crate uses a part of them; the rest would be dead code there.
#![allow(dead_code)]

pub mod browser;
pub mod dot_check;
pub mod graphs;
pub mod hostile;
