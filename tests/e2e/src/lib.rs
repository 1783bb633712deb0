//! Support for the end-to-end tests: start tauri-driver, launch the real
//! `gongshi-desktop` binary on a store file, find elements by `data-test`,
//! save screenshots where the run leaves its artefacts.
//!
//! Run through `cargo xtask e2e`, which builds the app, sets
//! `GONGSHI_DESKTOP_BIN` and `GONGSHI_ARTIFACTS`, and starts Xvfb.

pub mod browser;
pub mod glyphs;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::NewSessionError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// tauri-driver, stopped with SIGTERM on drop so it can stop WebKitWebDriver
/// (SIGKILL would orphan it).
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts the driver; the app it starts inherits `env`.
    fn start(env: &[(&str, &Path)]) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(tauri_driver())
            .envs(env.iter().copied())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("tauri-driver must be installed (cargo xtask setup --test)");
        // tauri-driver proxies to WebKitWebDriver, which it starts itself: a
        // request that comes before both listen has its connection dropped.
        let deadline = Instant::now() + Duration::from_secs(20);
        for listening in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", listening)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "tauri-driver did not start on ports {port}/{native_port}"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    let home_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|p| p.join("bin").join("tauri-driver"));
    match home_bin {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port on loopback")
}

/// The desktop binary under test.
pub fn app_binary() -> PathBuf {
    PathBuf::from(
        std::env::var_os("GONGSHI_DESKTOP_BIN")
            .expect("GONGSHI_DESKTOP_BIN is not set: run the e2e tests with `cargo xtask e2e`"),
    )
}

/// Where screenshots go: `GONGSHI_ARTIFACTS`, else `artifacts/e2e`.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("GONGSHI_ARTIFACTS")
        .map_or_else(|| PathBuf::from("artifacts/e2e"), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("cannot create the artefacts folder");
    dir
}

/// Runs the `gongshi` CLI built beside the desktop binary on `db`, to
/// prepare stores; its standard output.
/// The text of a PDF as `pdftotext` reads it (poppler, as a user's viewer).
pub fn pdf_text(path: impl AsRef<Path>) -> String {
    let out = Command::new("pdftotext")
        .arg(path.as_ref())
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("cannot run pdftotext: {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The 核验码 printed on a PDF's first sheet that carries one.
pub fn printed_code(path: impl AsRef<Path>) -> Option<String> {
    pdf_text(path)
        .lines()
        .find_map(|l| l.strip_prefix("核验码："))
        .map(|c| c.trim().to_owned())
}

pub fn gongshi_cli(db: &Path, args: &[&str]) -> String {
    let cli = app_binary().with_file_name("gongshi");
    let out = Command::new(&cli)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", cli.display()));
    assert!(
        out.status.success(),
        "gongshi {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The running app: one tauri-driver, one window, on `db`.
pub struct App {
    pub client: Client,
    /// When the new session was requested, that is when the app was asked
    /// to start (the driver itself was already listening).
    pub session_requested: Instant,
    driver: Driver,
    /// The dialogs' stand-ins: the save folder and the log of opened files.
    files: Option<PathBuf>,
}

impl App {
    /// Starts the app on `db`. A session whose connection the driver drops
    /// while starting (seen on a loaded CI machine) is tried once more with
    /// a fresh driver; any other failure is the test's.
    pub async fn launch(db: &Path) -> Result<App, Box<dyn std::error::Error>> {
        App::launch_binary(&app_binary(), db).await
    }

    /// Starts the given build of the app (an installed one, a release
    /// build) on `db`, as [`App::launch`] does.
    pub async fn launch_binary(bin: &Path, db: &Path) -> Result<App, Box<dyn std::error::Error>> {
        App::launch_with_env(bin, db, &[]).await
    }

    /// Starts the app on `db` with the file the open dialog will "choose".
    pub async fn launch_choosing(
        db: &Path,
        chosen: &Path,
    ) -> Result<App, Box<dyn std::error::Error>> {
        App::launch_with_env(&app_binary(), db, &[("GONGSHI_TEST_OPEN_FILE", chosen)]).await
    }

    /// Starts the app with extra environment variables. WebDriver cannot
    /// drive the native dialogs, so the app always gets their stand-ins:
    /// saves land in [`App::saved_dir`], and what it would open is logged
    /// (see [`App::opened`]); `GONGSHI_TEST_OPEN_FILE` names the file the
    /// open dialog would return.
    pub async fn launch_with_env(
        bin: &Path,
        db: &Path,
        env: &[(&str, &Path)],
    ) -> Result<App, Box<dyn std::error::Error>> {
        // Kept with the screenshots, so what a test printed can be looked at.
        let files = tempfile::Builder::new()
            .prefix("files-")
            .tempdir_in(artifacts_dir())?
            .keep();
        let saved = files.join("saved");
        std::fs::create_dir_all(&saved)?;
        let log = files.join("opened.log");
        let mut all = vec![
            ("GONGSHI_TEST_SAVE_DIR", saved.as_path()),
            ("GONGSHI_TEST_OPENED_LOG", log.as_path()),
        ];
        all.extend_from_slice(env);
        let mut app = match App::launch_once(bin, db, &all).await {
            Err(NewSessionError::FailedC(first)) => {
                eprintln!("the driver dropped the new session ({first}); starting it again");
                App::launch_once(bin, db, &all).await?
            }
            other => other?,
        };
        app.files = Some(files);
        Ok(app)
    }

    /// Where the app saves what it prints in a test (its "save" dialog).
    pub fn saved_dir(&self) -> PathBuf {
        self.files_dir().join("saved")
    }

    /// The files the app opened (`open PATH`) or showed in their folder
    /// (`reveal PATH`), one a line.
    pub fn opened(&self) -> String {
        std::fs::read_to_string(self.files_dir().join("opened.log")).unwrap_or_default()
    }

    fn files_dir(&self) -> &Path {
        self.files.as_deref().unwrap_or(Path::new("."))
    }

    async fn launch_once(
        bin: &Path,
        db: &Path,
        env: &[(&str, &Path)],
    ) -> Result<App, NewSessionError> {
        let driver = Driver::start(env);
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": bin,
                "args": ["--db", db],
            }),
        );
        caps.insert("browserName".into(), "wry".into());
        let session_requested = Instant::now();
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await?;
        Ok(App {
            client,
            session_requested,
            driver,
            files: None,
        })
    }

    /// The process id of this app's tauri-driver: the app runs below it
    /// (tauri-driver → WebKitWebDriver → the app → WebKit's processes).
    pub fn driver_pid(&self) -> u32 {
        self.driver.child.id()
    }

    /// Answers the "who is working?" dialog with a new name, and waits
    /// until the header shows it and the dialog has gone.
    pub async fn sign_in(&self, name: &str) -> TestResult {
        self.find("operator-dialog").await?;
        self.fill("operator-new", name).await?;
        self.click("operator-confirm").await?;
        let shown = self.wait_text("current-operator", name).await?;
        assert_eq!(shown, name);
        self.wait_dialogs_closed().await
    }

    /// Waits for the element with `data-test="<name>"`. When it never
    /// comes, the window is saved as `failed-<name>.png` to see why.
    pub async fn find(&self, name: &str) -> Result<Element, fantoccini::error::CmdError> {
        let selector = format!("[data-test=\"{name}\"]");
        let mut found;
        let mut tries = 0;
        loop {
            found = self
                .client
                .wait()
                .at_most(Duration::from_secs(20))
                .for_element(Locator::Css(&selector))
                .await;
            // WebKitWebDriver may find a node Vue is just replacing ("stale
            // … when trying to create the node handle"): look again.
            match &found {
                Err(e) if e.is_stale_element_reference() && tries < 5 => tries += 1,
                _ => break,
            }
        }
        if found.is_err() {
            let _ = self.screenshot(&format!("failed-{name}")).await;
        }
        found
    }

    /// The element's `innerText` (WebKitWebDriver's element text leaves out
    /// most of an Element Plus table).
    pub async fn inner_text(&self, name: &str) -> Result<String, fantoccini::error::CmdError> {
        let element = self.find(name).await?;
        let text = self
            .client
            .execute(
                "return arguments[0].innerText",
                vec![serde_json::to_value(&element)?],
            )
            .await?;
        Ok(text.as_str().unwrap_or_default().to_owned())
    }

    /// Waits until no dialog is shown (dialogs fade out, and their overlay
    /// catches clicks meanwhile). An open drawer does not count.
    pub async fn wait_dialogs_closed(&self) -> TestResult {
        self.wait_overlays_gone(".el-dialog").await
    }

    /// Waits until no drawer is shown.
    pub async fn wait_drawers_closed(&self) -> TestResult {
        self.wait_overlays_gone(".el-drawer").await
    }

    async fn wait_overlays_gone(&self, inner: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(20);
        // Laid out (even while fading) means shown; inside a hidden overlay
        // an element has no client rects.
        let script = format!(
            "return [...document.querySelectorAll('{inner}')].some(e => e.getClientRects().length > 0)"
        );
        while self.client.execute(&script, vec![]).await? == serde_json::Value::Bool(true) {
            if Instant::now() > deadline {
                let _ = self.screenshot("failed-overlay").await;
                return Err(format!("a {inner} is still open").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Waits until the element's text is `expected`, and returns it.
    pub async fn wait_text(
        &self,
        name: &str,
        expected: &str,
    ) -> Result<String, Box<dyn std::error::Error>> {
        let text = self.wait_until_text(name, |t| t.trim() == expected).await?;
        Ok(text.trim().to_owned())
    }

    /// Waits until the element's text contains `expected`; returns it.
    pub async fn wait_inner_text(
        &self,
        name: &str,
        expected: &str,
    ) -> Result<String, Box<dyn std::error::Error>> {
        self.wait_until_text(name, |t| t.contains(expected)).await
    }

    /// Polls the element's text (20 s at most) until `done` says so; returns
    /// the last text read either way, for the test's message.
    async fn wait_until_text(
        &self,
        name: &str,
        done: impl Fn(&str) -> bool,
    ) -> Result<String, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // Vue may put a new element in place while this reads it.
            let text = match self.inner_text(name).await {
                Err(e) if e.is_stale_element_reference() => String::new(),
                read => read?,
            };
            if done(&text) || Instant::now() > deadline {
                return Ok(text);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element with `data-test="<name>"`, once nothing on the
    /// page is moving (a drawer sliding in would take the click elsewhere).
    pub async fn click(&self, name: &str) -> Result<(), fantoccini::error::CmdError> {
        self.leave_text_box().await?;
        // As in `fill`: a re-rendered element is looked up again.
        let mut tries = 0;
        loop {
            let element = self.find(name).await?;
            match self.click_element(element).await {
                Err(e) if e.is_stale_element_reference() && tries < 2 => tries += 1,
                done => return done,
            }
        }
    }

    /// A text box left focused further up the screen would be scrolled back
    /// into view by WebKitWebDriver's simulated press, between press and
    /// release, and the click lost: leave it first (what leaving it does,
    /// a check or a change, happens before the element is looked up).
    async fn leave_text_box(&self) -> Result<(), fantoccini::error::CmdError> {
        self.client
            .execute(
                "const a = document.activeElement; \
                 if (a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA')) a.blur()",
                vec![],
            )
            .await?;
        self.settle().await
    }

    /// Scrolls the element to the middle of the screen and waits until it
    /// stays put (an Element Plus table lays itself out again a frame later,
    /// moving what is below it; a click whose press and release land on
    /// different elements is lost), then clicks it.
    async fn click_element(&self, element: Element) -> Result<(), fantoccini::error::CmdError> {
        let arg = vec![serde_json::to_value(&element)?];
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'})",
                arg.clone(),
            )
            .await?;
        self.settle().await?;
        let rect =
            "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height]";
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut last = self.client.execute(rect, arg.clone()).await?;
        while Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let now = self.client.execute(rect, arg.clone()).await?;
            if now == last {
                break;
            }
            last = now;
        }
        element.click().await
    }

    /// Closes the open drawer (an item's panel) as a clerk would, by its
    /// overlay or Escape: its own close button may sit under a message.
    pub async fn close_drawer(&self) -> TestResult {
        self.client
            .execute(
                "document.querySelector('.el-drawer__close-btn, .el-overlay')?.click()",
                vec![],
            )
            .await?;
        self.client
            .execute(
                "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))",
                vec![],
            )
            .await?;
        // Its overlay catches clicks until it has slid away.
        self.wait_dialogs_closed().await?;
        self.wait_drawers_closed().await
    }

    /// Waits (up to 5 s) until no CSS transition or animation is running.
    pub async fn settle(&self) -> Result<(), fantoccini::error::CmdError> {
        let script =
            "return document.getAnimations().filter(a => a.playState === 'running').length";
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.client.execute(script, vec![]).await? != serde_json::json!(0)
            && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }

    /// Picks `label` in the Element Plus select `data-test="<name>"`: opens
    /// it, then clicks the shown option with exactly that text.
    pub async fn choose(&self, name: &str, label: &str) -> TestResult {
        self.click(name).await?;
        let script = "const [label] = arguments; \
            const option = [...document.querySelectorAll('.el-select-dropdown__item')] \
              .find(o => o.getClientRects().length > 0 && o.textContent.trim() === label); \
            if (option) option.click(); return !!option";
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.client.execute(script, vec![label.into()]).await? != serde_json::json!(true) {
            if Instant::now() > deadline {
                let _ = self.screenshot(&format!("failed-{name}")).await;
                return Err(format!("{name} has no option “{label}”").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Clicks the first element matching a CSS selector (an Element Plus tab
    /// header is `#tab-<name>`), once nothing moves.
    pub async fn click_css(&self, selector: &str) -> Result<(), fantoccini::error::CmdError> {
        self.leave_text_box().await?;
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(selector))
            .await?;
        self.click_element(element).await
    }

    /// Waits (20 s at most) until the input `data-test="<name>"` holds
    /// `expected`; an error names what it held instead.
    pub async fn wait_value(&self, name: &str, expected: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // The grid may put new inputs in place while this looks (a saved
            // row is read back): a stale input is looked up again.
            let value = match self.find(name).await?.prop("value").await {
                Ok(value) => value.unwrap_or_default(),
                Err(e) if e.is_stale_element_reference() => String::new(),
                Err(e) => return Err(e.into()),
            };
            if value == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                let _ = self.screenshot(&format!("failed-{name}")).await;
                return Err(format!("{name} holds “{value}”, not “{expected}”").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Replaces the text of the input `data-test="<name>"` (Element Plus puts
    /// the attribute on the `<input>` itself; a wrapper works too).
    pub async fn fill(&self, name: &str, text: &str) -> Result<(), fantoccini::error::CmdError> {
        self.leave_text_box().await?;
        // The check of the box just left may answer while this looks and
        // re-render the row (the grid marks a bad cell): a stale input is
        // looked up again, twice at most.
        let mut tries = 0;
        loop {
            match self.fill_once(name, text).await {
                Err(e) if e.is_stale_element_reference() && tries < 2 => {
                    tries += 1;
                    self.settle().await?;
                }
                done => return done,
            }
        }
    }

    async fn fill_once(&self, name: &str, text: &str) -> Result<(), fantoccini::error::CmdError> {
        let found = self.find(name).await?;
        let tag = found.tag_name().await?;
        let input = if tag == "input" || tag == "textarea" {
            found
        } else {
            found.find(Locator::Css("input")).await?
        };
        // WebKitWebDriver's clear() does not reach Vue's v-model; select the
        // old text so typing replaces it, as a user would.
        self.client
            .execute("arguments[0].select()", vec![serde_json::to_value(&input)?])
            .await?;
        input.send_keys(text).await
    }

    /// The screen boxes of the characters of the element `data-test=<name>`
    /// that match the regular expression `pattern` (e.g. `\\p{Script=Han}`).
    pub async fn char_boxes(
        &self,
        name: &str,
        pattern: &str,
    ) -> Result<Vec<glyphs::CharBox>, Box<dyn std::error::Error>> {
        let element = self.find(name).await?;
        let arg = serde_json::to_value(&element)?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'})",
                vec![arg.clone()],
            )
            .await?;
        self.settle().await?;
        let found = self
            .client
            .execute(glyphs::CHAR_BOXES_JS, vec![arg, pattern.into()])
            .await?;
        Ok(serde_json::from_value(found)?)
    }

    /// The characters of `data-test=<name>` matching `pattern` and a
    /// screenshot (saved as `<shot>.png`) taken while they stayed put: a
    /// drawer still sliding or a layout still settling would put the boxes
    /// somewhere else than the pixels.
    pub async fn glyphs_on_screen(
        &self,
        name: &str,
        pattern: &str,
        shot: &str,
    ) -> Result<(Vec<glyphs::CharBox>, glyphs::Shot), Box<dyn std::error::Error>> {
        for _ in 0..20 {
            let before = self.char_boxes(name, pattern).await?;
            // The screenshot is the last frame painted: let a scroll or a
            // re-layout reach the screen first.
            self.client
                .execute(
                    "return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))",
                    vec![],
                )
                .await?;
            tokio::time::sleep(Duration::from_millis(150)).await;
            let taken = self.shot(shot).await?;
            if self.char_boxes(name, pattern).await? == before {
                return Ok((before, taken));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!("{name} kept moving").into())
    }

    /// The window as it looks now, decoded, and saved as `<name>.png`.
    pub async fn shot(&self, name: &str) -> Result<glyphs::Shot, Box<dyn std::error::Error>> {
        let png = self.client.screenshot().await?;
        std::fs::write(artifacts_dir().join(format!("{name}.png")), &png)?;
        glyphs::Shot::decode(&png)
    }

    /// Saves a PNG of the window as `<artefacts>/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, Box<dyn std::error::Error>> {
        let png = self.client.screenshot().await?;
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    pub async fn close(self) -> TestResult {
        self.client.close().await?;
        Ok(())
    }
}
