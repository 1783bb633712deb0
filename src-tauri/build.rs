fn main() {
    // Listing the app's commands here makes Tauri generate one permission per
    // command; capabilities/default.json then allows exactly those.
    let commands = &[
        "startup",
        "create_store",
        "sign_in",
        "operators",
        "dashboard",
        "school",
        "save_school",
        "print_specimen",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
