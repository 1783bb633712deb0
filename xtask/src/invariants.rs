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

    /// The faces open the store and hand it to gongshi-app's jobs; they
    /// neither depend on gongshi-store nor call a store method themselves
    /// (a read done in a face is a rule the other face does not share).
    #[test]
    fn the_cli_and_the_shell_call_gongshi_app() {
        assert!(!depends_on("crates/gongshi-cli", "gongshi-store"));
        assert!(!depends_on("src-tauri", "gongshi-store"));
        // Opening is the face's job (and a store it may not have yet is an
        // Option); everything else goes through a job.
        const OPENING: &[&str] = &[
            "open",
            "create",
            "open_in_memory",
            "as_ref",
            "as_mut",
            "is_some",
            "is_none",
        ];
        let mut offenders = Vec::new();
        for face in ["crates/gongshi-cli/src", "src-tauri/src"] {
            visit(&root().join(face), &mut |path, text| {
                if text.contains("gongshi_store") {
                    offenders.push(format!("{} names gongshi_store", rel(path)));
                }
                for call in store_calls(text) {
                    if !OPENING.contains(&call.as_str()) {
                        offenders.push(format!("{} calls the store's {call}()", rel(path)));
                    }
                }
            });
        }
        assert!(offenders.is_empty(), "{offenders:#?}");
    }

    #[test]
    fn a_store_call_is_seen_in_each_form() {
        let text =
            "let p = store.school()?; inner.store()?.min_days(c); restore.x(); Store::open(db)";
        assert_eq!(store_calls(text), ["school", "min_days", "open"]);
    }

    /// The methods called on a store: `store.m(`, `store()?.m(`,
    /// `Store::m(`.
    fn store_calls(text: &str) -> Vec<String> {
        let mut calls = Vec::new();
        for prefix in ["store.", "store()?.", "Store::"] {
            let mut rest = text;
            while let Some(at) = rest.find(prefix) {
                let before = rest[..at].chars().next_back();
                let after = &rest[at + prefix.len()..];
                rest = after;
                // `inner.store` is the field; `self.store` too: a word start only.
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if after[name.len()..].starts_with('(') && !name.is_empty() {
                    calls.push(name);
                }
            }
        }
        calls
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
