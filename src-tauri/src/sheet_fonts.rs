//! The sheet's own faces for the preview. The printer embeds Noto Serif SC
//! (Regular and Black) to set every PDF; the preview draws the same pages
//! in the webview, so it is served the very same bytes under a scheme of
//! the app's own (`gongshi-font://localhost/song.ttf`, on Windows
//! `http://gongshi-font.localhost/song.ttf`) instead of a second copy in
//! the UI bundle. The CSP's `font-src` names this scheme and nothing else
//! outside the app.

use std::borrow::Cow;

use gongshi_app::print::fonts::Face;
use tauri::http::{Request, Response, StatusCode, header};

pub const SCHEME: &str = "gongshi-font";

/// The face a path names: `/song.ttf` (body) or `/song-heavy.ttf` (titles).
fn face(path: &str) -> Option<Face> {
    match path.trim_start_matches('/') {
        "song.ttf" => Some(Face::Body),
        "song-heavy.ttf" => Some(Face::Title),
        _ => None,
    }
}

/// Answers a request of the webview; anything but the two faces is 404.
pub fn respond(request: &Request<Vec<u8>>) -> Response<Cow<'static, [u8]>> {
    let built = match face(request.uri().path()) {
        Some(face) => Response::builder()
            .header(header::CONTENT_TYPE, "font/ttf")
            // A font is fetched in CORS mode; the page's origin is not
            // this scheme's.
            .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(Cow::Borrowed(face.ttf())),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Cow::Borrowed(&[][..])),
    };
    built.unwrap_or_else(|_| Response::new(Cow::Borrowed(&[][..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str) -> Response<Cow<'static, [u8]>> {
        let request = Request::builder()
            .uri(format!("gongshi-font://localhost{path}"))
            .body(Vec::new())
            .unwrap();
        respond(&request)
    }

    #[test]
    fn serves_the_printers_own_faces_and_nothing_else() {
        let body = get("/song.ttf");
        assert_eq!(body.status(), StatusCode::OK);
        assert_eq!(body.body().as_ref(), Face::Body.ttf());
        assert_eq!(get("/song-heavy.ttf").body().as_ref(), Face::Title.ttf());
        assert_eq!(get("/../gongshi.sqlite3").status(), StatusCode::NOT_FOUND);
        assert_eq!(get("/").status(), StatusCode::NOT_FOUND);
    }
}
