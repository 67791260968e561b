//! A static file server for `dist/`, bound to 127.0.0.1 only. Enough HTTP
//! for a browser to load the widget: GET and HEAD, content types, 404.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// The file a request path names under `root`; `None` for paths that try
/// to leave it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn respond(mut stream: TcpStream, root: &Path) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let file = resolve(root, target).filter(|p| p.is_file());
    let (status, body, kind) = match (&file, method) {
        (Some(p), "GET" | "HEAD") => match std::fs::read(p) {
            Ok(bytes) => ("200 OK", bytes, content_type(p)),
            Err(_) => ("500 Internal Server Error", b"cannot read".to_vec(), "text/plain"),
        },
        (_, "GET" | "HEAD") => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        _ => ("405 Method Not Allowed", b"method not allowed".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// Serves `root` on 127.0.0.1 from `port` upwards (the first free one)
/// until interrupted.
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let listener = (port..port.saturating_add(20))
        .find_map(|p| TcpListener::bind(("127.0.0.1", p)).ok())
        .ok_or_else(|| format!("no free port from {port}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("gyokaku is served from {} (Ctrl-C stops it):", root.display());
    println!("  hosted page:     http://{addr}/web/");
    println!("  embed example:   http://{addr}/web/embed-example.html");
    println!("  report (1 file): http://{addr}/gyokaku-report.html");
    println!("  kiosk (1 file):  http://{addr}/gyokaku-kiosk.html");
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || respond(stream, &root));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_served_folder() {
        let root = Path::new("/srv");
        assert_eq!(resolve(root, "/web/gyokaku.js?v=1"), Some(PathBuf::from("/srv/web/gyokaku.js")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/web/../../etc"), None);
    }
}
