//! A desktop app needs a display. Without one (a server, an SSH session)
//! WebKitGTK would fail with an obscure message; say what to do instead.

/// On Linux and the BSDs, checks that an X11 or Wayland display is set.
pub fn check() -> Result<(), String> {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return Ok(());
    }
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") {
        return Ok(());
    }
    Err(NO_DISPLAY.into())
}

const NO_DISPLAY: &str = "\
公示桌面程序需要图形界面，但这里没有显示器（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）。
可以这样做：
  · 在有桌面的电脑上打开公示；
  · 在服务器或远程终端上，用虚拟显示器运行：xvfb-run -a gongshi-desktop；
  · 或者不用窗口，使用命令行：gongshi --help。";
