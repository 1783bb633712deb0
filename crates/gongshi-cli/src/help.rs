//! `--help` in Chinese. clap lays the help out; its few fixed English words
//! (the headings, the help and version flags' lines, the placeholders) are
//! put into Chinese here, in one list.

/// clap's own words in a help text, and what a user reads instead.
const WORDS: [(&str, &str); 13] = [
    ("Usage:", "用法："),
    ("Commands:", "命令："),
    ("Arguments:", "参数："),
    ("Options:", "选项："),
    ("[OPTIONS]", "[选项]"),
    ("<COMMAND>", "<命令>"),
    ("[COMMAND]", "[命令]"),
    (
        "Print this message or the help of the given subcommand(s)",
        "显示某个命令的用法",
    ),
    ("Print help", "显示用法"),
    ("Print version", "显示版本号"),
    ("[default: ", "[默认："),
    ("[env: ", "[环境变量："),
    ("[possible values: ", "[可选："),
];

/// The help (or version) text clap rendered, in Chinese.
pub fn chinese(rendered: &str) -> String {
    WORDS
        .iter()
        .fold(rendered.to_owned(), |text, (en, zh)| text.replace(en, zh))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::args::Cli;

    /// Every command's help, by walking the command tree.
    fn helps(cmd: &mut clap::Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
        out.push((path.join(" "), cmd.render_help().to_string()));
        for sub in cmd.get_subcommands_mut() {
            path.push(sub.get_name().to_owned());
            helps(sub, path, out);
            path.pop();
        }
    }

    #[test]
    fn no_command_help_has_claps_english_left() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut all = Vec::new();
        helps(&mut cmd, &mut vec!["gongshi".into()], &mut all);
        assert!(all.len() > 30, "{}", all.len());
        for (path, help) in all {
            let said = chinese(&help);
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print",
                "default:",
                "OPTIONS",
            ] {
                assert!(!said.contains(english), "{path}: {english} in\n{said}");
            }
            assert!(said.contains("用法："), "{path}:\n{said}");
        }
    }
}
