//! A small, strict reader of the DOT subset graphgen writes, used to prove that exported DOT
//! is well formed for any names: quoted strings end where Graphviz's lexer ends them, every
//! statement fits the grammar, and ids and labels decode back to the text they came from.
//!
//! Quoted strings follow Graphviz's lexer (scan.l): `\"` is a quote inside the string, `\\`
//! a pair of backslashes, any other backslash is literal; an unescaped `"` ends the string.

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// The raw text between the quotes, escapes not yet decoded.
    Quoted(String),
    Bare(String),
    Punct(&'static str),
}

#[derive(Debug, Default)]
pub struct DotGraph {
    pub name: String,
    pub attrs: Vec<Statement>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub subgraphs: Vec<String>,
}

/// A `graph`, `node` or `edge` default-attribute statement.
#[derive(Debug)]
pub struct Statement {
    pub keyword: String,
    pub attrs: BTreeMap<String, Value>,
}

#[derive(Debug)]
pub struct Node {
    pub id: Value,
    pub attrs: BTreeMap<String, Value>,
    /// The subgraph the statement is in, if any.
    pub subgraph: Option<String>,
}

#[derive(Debug)]
pub struct Edge {
    pub from: Value,
    pub to: Value,
    pub attrs: BTreeMap<String, Value>,
    pub subgraph: Option<String>,
}

/// An id or attribute value as written: quoted (raw inner text) or bare.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Value {
    Quoted(String),
    Bare(String),
}

const KEYWORDS: [&str; 6] = ["node", "edge", "graph", "digraph", "subgraph", "strict"];

pub fn parse(text: &str) -> Result<DotGraph, String> {
    let tokens = tokenize(text)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        graph: DotGraph::default(),
    };
    p.expect_bare("digraph")?;
    p.graph.name = p.id()?.text().to_string();
    p.expect("{")?;
    p.statements(None)?;
    p.expect("}")?;
    if p.pos != p.tokens.len() {
        return Err(format!("tokens after the closing brace: {:?}", &p.tokens[p.pos..]));
    }
    Ok(p.graph)
}

impl Value {
    pub fn text(&self) -> &str {
        match self {
            Value::Quoted(s) | Value::Bare(s) => s,
        }
    }

    /// Decodes an id: `\\`, `\"` and the `\u{hex}` graphgen writes for control characters.
    pub fn decode_id(&self) -> Result<String, String> {
        decode(self, |rest| {
            let body = rest.strip_prefix("u{")?;
            let close = body.find('}')?;
            let c = char::from_u32(u32::from_str_radix(&body[..close], 16).ok()?)?;
            Some((c.to_string(), 2 + close + 1))
        })
    }

    /// Decodes a label: `\\`, `\"`, `\n` (a line break) and `&amp;`.
    pub fn decode_label(&self) -> Result<String, String> {
        decode(self, |rest| rest.starts_with('n').then(|| ("\n".to_string(), 1))).map(|s| s.replace("&amp;", "&"))
    }
}

/// `extra` decodes an escape other than `\\` and `\"` from the text after the backslash,
/// returning the text and how many bytes it used.
fn decode(value: &Value, extra: impl Fn(&str) -> Option<(String, usize)>) -> Result<String, String> {
    let raw = match value {
        Value::Bare(s) => return Ok(s.clone()),
        Value::Quoted(raw) => raw,
    };
    let mut out = String::new();
    let mut i = 0;
    while let Some(off) = raw[i..].find('\\') {
        out.push_str(&raw[i..i + off]);
        let rest = &raw[i + off + 1..];
        if let Some(c @ ('\\' | '"')) = rest.chars().next() {
            out.push(c);
            i += off + 2;
        } else if let Some((text, used)) = extra(rest) {
            out.push_str(&text);
            i += off + 1 + used;
        } else {
            return Err(format!("unexpected escape at byte {} of {raw:?}", i + off));
        }
    }
    out.push_str(&raw[i..]);
    Ok(out)
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            ' ' | '\n' => {}
            '{' | '}' | '[' | ']' | ';' | ',' | '=' => tokens.push(Token::Punct(
                ["{", "}", "[", "]", ";", ",", "="]["{}[];,=".find(c).unwrap()],
            )),
            '-' if chars.next_if(|&(_, n)| n == '>').is_some() => tokens.push(Token::Punct("->")),
            '"' => tokens.push(Token::Quoted(quoted(&mut chars, at)?)),
            c if c.is_alphanumeric() || c == '_' || c == '.' => {
                let mut word = c.to_string();
                while let Some((_, n)) = chars.next_if(|&(_, n)| n.is_alphanumeric() || n == '_' || n == '.') {
                    word.push(n);
                }
                tokens.push(Token::Bare(word));
            }
            other => return Err(format!("unexpected {other:?} at byte {at}")),
        }
    }
    Ok(tokens)
}

fn quoted(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, start: usize) -> Result<String, String> {
    let mut raw = String::new();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Ok(raw),
            '\\' => {
                raw.push('\\');
                if let Some((_, n)) = chars.next_if(|&(_, n)| n == '"' || n == '\\') {
                    raw.push(n);
                }
            }
            // Graphviz would accept a raw line break, but graphgen promises never to write one.
            c if c.is_control() => return Err(format!("raw control character {c:?} in a string at byte {at}")),
            c => raw.push(c),
        }
    }
    Err(format!("string opened at byte {start} never closes"))
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    graph: DotGraph,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Result<Token, String> {
        let t = self.tokens.get(self.pos).cloned().ok_or("unexpected end of input")?;
        self.pos += 1;
        Ok(t)
    }

    fn expect(&mut self, punct: &str) -> Result<(), String> {
        match self.next()? {
            Token::Punct(p) if p == punct => Ok(()),
            other => Err(format!("expected {punct:?}, found {other:?} at token {}", self.pos - 1)),
        }
    }

    fn expect_bare(&mut self, word: &str) -> Result<(), String> {
        match self.next()? {
            Token::Bare(w) if w == word => Ok(()),
            other => Err(format!("expected {word:?}, found {other:?}")),
        }
    }

    fn eat(&mut self, punct: &str) -> bool {
        let hit = matches!(self.peek(), Some(Token::Punct(p)) if *p == punct);
        self.pos += usize::from(hit);
        hit
    }

    /// An id: a quoted string, or a bare word that is not a keyword.
    fn id(&mut self) -> Result<Value, String> {
        match self.next()? {
            Token::Quoted(raw) => Ok(Value::Quoted(raw)),
            Token::Bare(w) if KEYWORDS.contains(&w.to_ascii_lowercase().as_str()) => {
                Err(format!("keyword {w:?} used as an id"))
            }
            Token::Bare(w) => Ok(Value::Bare(w)),
            other => Err(format!("expected an id, found {other:?}")),
        }
    }

    fn statements(&mut self, subgraph: Option<&str>) -> Result<(), String> {
        while !matches!(self.peek(), Some(Token::Punct("}")) | None) {
            self.statement(subgraph)?;
            self.eat(";");
        }
        Ok(())
    }

    fn statement(&mut self, subgraph: Option<&str>) -> Result<(), String> {
        let keyword = match self.peek() {
            Some(Token::Bare(w)) if KEYWORDS.contains(&w.as_str()) => w.clone(),
            _ => return self.node_or_edge(subgraph),
        };
        self.pos += 1;
        match keyword.as_str() {
            "graph" | "node" | "edge" => {
                let attrs = self.attr_list()?.ok_or(format!("{keyword} without attributes"))?;
                self.graph.attrs.push(Statement { keyword, attrs });
                Ok(())
            }
            "subgraph" => {
                let name = self.id()?.text().to_string();
                self.expect("{")?;
                self.statements(Some(&name))?;
                self.expect("}")?;
                self.graph.subgraphs.push(name);
                Ok(())
            }
            other => Err(format!("keyword {other:?} cannot start a statement")),
        }
    }

    fn node_or_edge(&mut self, subgraph: Option<&str>) -> Result<(), String> {
        let subgraph = subgraph.map(str::to_string);
        let id = self.id()?;
        if self.eat("->") {
            let to = self.id()?;
            let attrs = self.attr_list()?.unwrap_or_default();
            self.graph.edges.push(Edge {
                from: id,
                to,
                attrs,
                subgraph,
            });
        } else {
            let attrs = self.attr_list()?.unwrap_or_default();
            self.graph.nodes.push(Node { id, attrs, subgraph });
        }
        Ok(())
    }

    fn attr_list(&mut self) -> Result<Option<BTreeMap<String, Value>>, String> {
        if !self.eat("[") {
            return Ok(None);
        }
        let mut attrs = BTreeMap::new();
        while !self.eat("]") {
            let key = self.id()?.text().to_string();
            self.expect("=")?;
            let value = self.id()?;
            if attrs.insert(key.clone(), value).is_some() {
                return Err(format!("attribute {key:?} given twice"));
            }
            self.eat(",");
        }
        Ok(Some(attrs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_graphviz_would_reject() {
        let bad = [
            "digraph g { \"a\\\" }",
            "digraph g { \"a\" -> }",
            "digraph g { node -> \"b\"; }",
            "digraph g { \"a\" [label=] }",
            "digraph g { \"a\" }}",
            "digraph g { \"a\nb\" }",
            "graph g { }",
        ];
        for text in bad {
            assert!(parse(text).is_err(), "accepted {text:?}");
        }
        let good =
            parse("digraph g {\n  \"a\\\\\" [label=\"x\\\"y\\n\"];\n  subgraph s { \"a\\\\\" -> \"b\" [k=v]; }\n}\n")
                .unwrap();
        assert_eq!(good.nodes[0].id.decode_id().unwrap(), "a\\");
        assert_eq!(good.nodes[0].attrs["label"].decode_label().unwrap(), "x\"y\n");
        assert_eq!(good.edges[0].subgraph.as_deref(), Some("s"));
    }
}
