//! Embedding a view in another site: the `<iframe>` snippet a ward panel pastes
//! into its page, and the message an embedded view sends its host page with
//! its height, so that the snippet's script can fit the frame to it.
//!
//! Without the script the frame still works: it has a fixed shape (at least
//! [`FALLBACK_MIN_HEIGHT`] pixels high, 4:3 when wider) and scrolls inside.

/// The `type` of the message an embedded view posts to its host page:
/// `{ type: HEIGHT_MESSAGE, height: <CSS pixels> }`.
pub const HEIGHT_MESSAGE: &str = "met-data-explorer:height";

/// How high a frame is without the host script: enough for the chart, its
/// title and summary at 300 px wide.
pub const FALLBACK_MIN_HEIGHT: u32 = 640;

/// The HTML to paste into a page: the frame showing `src` (an absolute URL),
/// titled `title` for screen readers, and the script that fits frames to the
/// height their view reports, accepting messages from `src`'s origin only.
pub fn snippet(src: &str, title: &str) -> String {
    let origin = origin(src);
    format!(
        r#"<iframe src="{src}" title="{title}" loading="lazy" style="width:100%;min-height:{min}px;aspect-ratio:4/3;border:0"></iframe>
<script>
/* Met Data Explorer: fits embedded views to their content. Needed once per page. */
addEventListener("message", function (e) {{
  if (e.origin !== "{origin}" || !e.data || e.data.type !== "{message}") return;
  document.querySelectorAll("iframe").forEach(function (f) {{
    if (f.contentWindow === e.source) {{ f.style.minHeight = "0"; f.style.aspectRatio = "auto"; f.style.height = e.data.height + "px"; }}
  }});
}});
</script>"#,
        src = escape(src),
        title = escape(title),
        min = FALLBACK_MIN_HEIGHT,
        origin = escape(&origin),
        message = HEIGHT_MESSAGE,
    )
}

/// `https://example.org` of `https://example.org/path?query`.
fn origin(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    url[..end].to_string()
}

/// Text safe inside a double-quoted HTML attribute or a JavaScript string in
/// a `<script>`: the markup writer's escaping, and no backslash left as it is.
fn escape(text: &str) -> String {
    crate::render::markup::escape(text).replace('\\', "&#92;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, title: &str, expected: &[&str]) {
        let html = snippet(src, title);
        for part in expected {
            assert!(html.contains(part), "{part:?} in {html}");
        }
    }

    #[test]
    fn snippets_frame_the_view_and_trust_only_its_origin() {
        check(
            "https://explorer.example/met/?v=2&area=E05013570&embed=chart",
            "Burglary in Kilburn, Camden — Met Data Explorer",
            &[
                r#"<iframe src="https://explorer.example/met/?v=2&amp;area=E05013570&amp;embed=chart""#,
                r#"title="Burglary in Kilburn, Camden — Met Data Explorer""#,
                r#"e.origin !== "https://explorer.example""#,
                r#"e.data.type !== "met-data-explorer:height""#,
                "min-height:640px;aspect-ratio:4/3",
            ],
        );
        check(
            "http://127.0.0.1:8080?embed=map",
            "a \"quoted\" <b>title</b>",
            &[r#"e.origin !== "http://127.0.0.1:8080""#, r#"title="a &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;""#],
        );
        assert_eq!(origin("https://a.example"), "https://a.example");
    }
}
