//! Without a display the app explains what to do instead of failing obscurely.

use std::process::Command;

#[test]
fn without_a_display_the_app_says_what_to_do() {
    let out = Command::new(env!("CARGO_BIN_EXE_gongshi-desktop"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the desktop binary runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("没有显示器"), "{stderr}");
    assert!(stderr.contains("xvfb-run"), "{stderr}");
    assert!(stderr.contains("gongshi --help"), "{stderr}");
}

#[test]
fn an_unknown_argument_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_gongshi-desktop"))
        .arg("--oops")
        .output()
        .expect("the desktop binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--oops"));
}
