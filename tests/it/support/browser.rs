//! A headless Chromium driven over the DevTools protocol (a WebSocket carrying JSON), just
//! enough to load a page, run script in it, collect what it logs as errors, and take a
//! screenshot. Tests that need it pass with a note when no Chromium is installed.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tungstenite::{Message, WebSocket};

/// The Chromium binary, if any; `GRAPHGEN_CHROMIUM` names another.
pub fn chromium() -> Option<String> {
    let candidates = std::env::var("GRAPHGEN_CHROMIUM")
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from));
    for name in candidates {
        let ok = Command::new(&name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(name);
        }
    }
    eprintln!("note: Chromium not found; skipping the browser check (.ci/run installs it)");
    None
}

pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    session: String,
    next_id: u64,
    /// Uncaught exceptions, console errors and warnings, and browser log errors, as text.
    pub errors: Vec<String>,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium with a fresh profile and a page of `width` x `height` pixels.
    pub fn start(binary: &str, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                &format!("--window-size={width},{height}"),
                &format!("--user-data-dir={}", profile.path().display()),
                "about:blank",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let url = devtools_url(&mut child);
        let socket = connect(&url);
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            errors: Vec::new(),
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Runtime", "Log", "Page"] {
            browser.call(&format!("{domain}.enable"), json!({}));
        }
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
        browser
    }

    /// Opens a local file.
    pub fn open(&mut self, path: &Path) {
        let url = format!("file://{}", path.canonicalize().unwrap().display());
        let reply = self.call("Page.navigate", json!({"url": url}));
        assert!(reply.get("errorText").is_none(), "cannot open {url}: {reply}");
    }

    /// The value of a JavaScript expression (promises awaited); panics if it throws.
    pub fn eval(&mut self, expression: &str) -> Value {
        let reply = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(e) = reply.get("exceptionDetails") {
            panic!("{expression} threw: {e}");
        }
        reply["result"].get("value").cloned().unwrap_or(Value::Null)
    }

    /// Polls `expression` until it is true; false when `timeout` passes first.
    pub fn wait_for(&mut self, expression: &str, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.eval(&format!("Boolean({expression})")) == Value::Bool(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        false
    }

    pub fn screenshot(&mut self, path: &Path) {
        let reply = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let png = data_encoding::BASE64
            .decode(reply["data"].as_str().unwrap().as_bytes())
            .unwrap();
        std::fs::write(path, png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Sends a command and reads messages until its reply, noting the events on the way.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket.send(Message::text(message.to_string())).unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            assert!(Instant::now() < deadline, "no reply to {method}");
            let text = match self.socket.read() {
                Ok(Message::Text(t)) => t,
                Ok(_) => continue,
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
                {
                    continue;
                }
                Err(e) => panic!("DevTools connection lost during {method}: {e}"),
            };
            let reply: Value = serde_json::from_str(&text).unwrap();
            if reply["id"] == json!(id) {
                if let Some(error) = reply.get("error") {
                    panic!("{method} failed: {error}");
                }
                return reply["result"].clone();
            }
            self.note_event(&reply);
        }
    }

    fn note_event(&mut self, event: &Value) {
        let params = &event["params"];
        match event["method"].as_str() {
            Some("Runtime.exceptionThrown") => {
                let d = &params["exceptionDetails"];
                let what = d["exception"]["description"].as_str().or(d["text"].as_str());
                self.errors.push(format!("uncaught: {}", what.unwrap_or("?")));
            }
            Some("Runtime.consoleAPICalled") => {
                let kind = params["type"].as_str().unwrap_or("");
                if matches!(kind, "error" | "assert" | "warning") {
                    let args: Vec<String> = params["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| a["value"].as_str().map_or_else(|| a.to_string(), String::from))
                        .collect();
                    self.errors.push(format!("console.{kind}: {}", args.join(" ")));
                }
            }
            Some("Log.entryAdded") if params["entry"]["level"] == "error" => {
                self.errors.push(format!("log: {}", params["entry"]["text"]));
            }
            _ => {}
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Our own child, ended by its handle.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads Chromium's stderr until it names its DevTools socket, then keeps draining it in a
/// thread so the browser never blocks on a full pipe.
fn devtools_url(child: &mut Child) -> String {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(at) = line.find("ws://") {
                let _ = tx.send(line[at..].trim().to_string());
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("Chromium did not open its DevTools socket within 60 s")
}

fn connect(url: &str) -> WebSocket<TcpStream> {
    let host = url
        .strip_prefix("ws://")
        .and_then(|rest| rest.split('/').next())
        .unwrap();
    let stream = TcpStream::connect(host).unwrap();
    let (socket, _) = tungstenite::client(url, stream).unwrap();
    // Set after the handshake, which would not survive a timed-out read.
    socket.get_ref().set_read_timeout(Some(Duration::from_secs(1))).unwrap();
    socket
}
