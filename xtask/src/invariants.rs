//! ARCHITECTURE.md's invariants, checked against the manifests and sources.

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::cmd::root;

    fn manifest(member: &str) -> String {
        std::fs::read_to_string(root().join(member).join("Cargo.toml")).unwrap()
    }

    fn depends_on(member: &str, dep: &str) -> bool {
        manifest(member).lines().any(|l| {
            l.trim_start().starts_with(&format!("{dep} "))
                || l.trim_start().starts_with(&format!("{dep}."))
        })
    }

    const CORE: &[&str] = &[
        "crates/gongshi-domain",
        "crates/gongshi-store",
        "crates/gongshi-print",
        "crates/gongshi-app",
        "crates/gongshi-cli",
    ];

    #[test]
    fn only_the_desktop_shell_depends_on_tauri() {
        for member in CORE {
            assert!(!depends_on(member, "tauri"), "{member} depends on tauri");
        }
        assert!(depends_on("src-tauri", "tauri"));
    }

    #[test]
    fn store_and_print_do_not_know_each_other() {
        assert!(!depends_on("crates/gongshi-store", "gongshi-print"));
        assert!(!depends_on("crates/gongshi-print", "gongshi-store"));
        assert!(!depends_on("crates/gongshi-print", "rusqlite"));
    }

    #[test]
    fn the_faces_do_not_depend_on_each_other() {
        assert!(!depends_on("crates/gongshi-cli", "gongshi-desktop"));
        assert!(!depends_on("src-tauri", "gongshi-cli"));
        assert!(depends_on("crates/gongshi-cli", "gongshi-app"));
        assert!(depends_on("src-tauri", "gongshi-app"));
    }

    #[test]
    fn the_domain_does_no_io() {
        assert!(!depends_on("crates/gongshi-domain", "rusqlite"));
        let mut offenders = Vec::new();
        visit(
            &root().join("crates/gongshi-domain/src"),
            &mut |path, text| {
                for io in ["std::fs", "std::net", "std::process", "std::env"] {
                    if text.contains(io) {
                        offenders.push(format!("{} uses {io}", rel(path)));
                    }
                }
            },
        );
        assert!(offenders.is_empty(), "{offenders:?}");
    }

    #[test]
    fn the_ui_calls_invoke_only_from_the_api_module() {
        let mut offenders = Vec::new();
        visit(&root().join("ui/src"), &mut |path, text| {
            let in_api = path.components().any(|c| c.as_os_str() == "api");
            let calls_invoke = !in_api && text.contains("invoke(");
            if calls_invoke || text.contains("v-html") || text.contains("innerHTML") {
                offenders.push(rel(path));
            }
        });
        assert!(offenders.is_empty(), "{offenders:?}");
    }

    fn visit(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, f);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                f(&path, &text);
            }
        }
    }

    fn rel(path: &Path) -> String {
        path.strip_prefix(root())
            .unwrap_or(path)
            .display()
            .to_string()
    }
}
