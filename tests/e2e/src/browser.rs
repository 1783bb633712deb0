//! Debian's Chromium, headless, through its ChromeDriver: for pages that
//! are not the app's (the district server's), looked at in a real browser.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::glyphs;

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn launch() -> Result<Browser, Box<dyn std::error::Error>> {
        let port = crate::free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("chromedriver (chromium-driver, cargo xtask setup --test): {e}")
            })?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir()?;
        // As root, without a GPU, on a machine with no network beyond loopback.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
        ]
        .map(String::from)
        .into_iter()
        .chain([format!("--user-data-dir={}", profile.path().display())])
        .collect::<Vec<_>>();
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "chrome".into());
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "binary": "/usr/bin/chromium", "args": args }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        Ok(Browser {
            client,
            driver,
            _profile: profile,
        })
    }

    /// The text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> Result<String, fantoccini::error::CmdError> {
        self.client
            .find(fantoccini::Locator::Css(css))
            .await?
            .text()
            .await
    }

    /// A screenshot saved as `<artefacts>/<name>.png`, and the Chinese
    /// characters of `css` checked to be drawn as glyphs, not boxes.
    pub async fn shot_with_glyphs(&self, name: &str, css: &str) -> crate::TestResult {
        let element = self.client.find(fantoccini::Locator::Css(css)).await?;
        let found = self
            .client
            .execute(
                glyphs::CHAR_BOXES_JS,
                vec![serde_json::to_value(&element)?, r"\p{Script=Han}".into()],
            )
            .await?;
        let boxes: Vec<glyphs::CharBox> = serde_json::from_value(found)?;
        let png = self.client.screenshot().await?;
        std::fs::write(crate::artifacts_dir().join(format!("{name}.png")), &png)?;
        glyphs::check_real_glyphs(&glyphs::Shot::decode(&png)?, &boxes)?;
        Ok(())
    }

    pub async fn close(mut self) -> crate::TestResult {
        self.client.clone().close().await?;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
