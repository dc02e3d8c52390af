//! The one writer of markup (HTML and SVG) built from data: every text and
//! attribute value goes through [`escape`], and tag and attribute names can
//! only be constants of the code (`&'static str`), never data. Renderers write
//! through a [`Markup`]; nothing else builds markup from strings.

use std::fmt::Write;

/// Text made safe for markup, as content or as a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value: text (escaped when written) or a number.
pub enum Value<'a> {
    Text(&'a str),
    Number(f64),
    Int(i64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Value<'a> {
        Value::Text(text)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Value<'a> {
        Value::Text(text)
    }
}

impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Number(n)
    }
}

impl From<u32> for Value<'_> {
    fn from(n: u32) -> Self {
        Value::Int(i64::from(n))
    }
}

impl From<i32> for Value<'_> {
    fn from(n: i32) -> Self {
        Value::Int(i64::from(n))
    }
}

/// Markup under construction.
#[derive(Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, Value)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            let _ = match value {
                Value::Text(t) => write!(self.out, " {name}=\"{}\"", escape(t)),
                // One decimal place at most: enough for a drawing, and stable.
                Value::Number(n) => write!(self.out, " {name}=\"{}\"", (n * 10.0).round() / 10.0),
                Value::Int(n) => write!(self.out, " {name}=\"{n}\""),
            };
        }
    }

    /// `<tag name="value"…>`.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Value)]) -> &mut Markup {
        self.start(tag, attributes);
        self.out.push('>');
        self
    }

    /// The doctype of an HTML document.
    pub fn doctype(&mut self) -> &mut Markup {
        self.out.push_str("<!doctype html>\n");
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        let _ = write!(self.out, "</{tag}>");
        self
    }

    /// `<tag name="value"…/>`, an element with no content.
    pub fn empty(&mut self, tag: &'static str, attributes: &[(&'static str, Value)]) -> &mut Markup {
        self.start(tag, attributes);
        self.out.push_str("/>");
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        self.out.push_str(&escape(text));
        self
    }

    /// An element holding only text.
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, Value)], text: &str) -> &mut Markup {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// Markup written by another writer (so already safe).
    pub fn append(&mut self, other: &Markup) -> &mut Markup {
        self.out.push_str(&other.out);
        self
    }

    /// An SVG document drawn by plotters, whose SVG backend escapes the text
    /// it writes (and whose attributes are numbers and colours of the code).
    pub fn from_plotters(svg: String) -> Markup {
        Markup { out: svg }
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.out
    }

    /// The markup written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(build: impl FnOnce(&mut Markup), expected: &str) {
        let mut m = Markup::new();
        build(&mut m);
        assert_eq!(m.finish(), expected);
    }

    #[test]
    fn text_and_attribute_values_are_escaped_and_names_are_constants() {
        let evil = "<script>alert('x')</script> & \"quotes\" \u{202e}";
        check(
            |m| {
                m.element("text", &[("x", 8.25.into()), ("y", 20u32.into()), ("data-name", evil.into())], evil);
            },
            "<text x=\"8.3\" y=\"20\" data-name=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; \u{202e}\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; \u{202e}</text>",
        );
        check(
            |m| {
                let mut inner = Markup::new();
                inner.empty("rect", &[("width", 10u32.into())]);
                m.open("svg", &[]).append(&inner).close("svg");
            },
            "<svg><rect width=\"10\"/></svg>",
        );
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
