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

/// The placeholders clap makes from the options' names (`--semester
/// <SEMESTER>`), as a clerk reads them.
const PLACEHOLDERS: [(&str, &str); 48] = [
    ("SEMESTER", "学期"),
    ("ROUND", "评选名称"),
    ("FILE.pdf", "文件.pdf"),
    ("FILE.xlsx", "文件.xlsx"),
    ("FILE.csv", "文件.csv"),
    ("FILE", "文件"),
    ("FOLDER", "文件夹"),
    ("DATE", "日期"),
    ("PLANNED", "日期"),
    ("FROM", "开始日期"),
    ("TO", "结束日期"),
    ("YEAR", "年份"),
    ("DAYS", "天数"),
    ("MONTHS", "月数"),
    ("CATEGORY", "类别"),
    ("STATUS", "状态"),
    ("KIND", "类型"),
    ("TEXT", "文字"),
    ("TITLE", "标题"),
    ("BODY", "正文"),
    ("CONTENT", "内容"),
    ("NOTE", "意见"),
    ("REASON", "原因"),
    ("CRITERIA", "标准"),
    ("PAPER", "纸张"),
    ("NAME", "名称"),
    ("BY", "姓名"),
    ("SIGNOFF", "姓名"),
    ("CONFIDENTIALITY", "姓名"),
    ("PRINCIPAL", "姓名"),
    ("RESPONDER", "答复人"),
    ("GRADE", "年级"),
    ("GRADES", "学段"),
    ("CLASS", "班级"),
    ("STUDENTS", "人数"),
    ("QUOTA", "名额"),
    ("COMPONENTS", "评分项目"),
    ("TIE_BREAK", "同分排序"),
    ("RHYTHM", "频率"),
    ("ITEM", "编号"),
    ("CHANNEL", "渠道"),
    ("OBJECTION_OFFICE", "部门"),
    ("OBJECTION_PHONE", "电话"),
    ("OFFICE_PHONE", "电话"),
    ("SUPERVISION_PHONE", "电话"),
    ("COMPLAINT_PHONE", "电话"),
    ("HOTLINES", "号码,号码"),
    ("ADDRESS", "地址"),
];

/// The help (or version) text clap rendered, in Chinese.
pub fn chinese(rendered: &str) -> String {
    let text = WORDS
        .iter()
        .fold(rendered.to_owned(), |text, (en, zh)| text.replace(en, zh));
    PLACEHOLDERS.iter().fold(text, |text, (en, zh)| {
        text.replace(&format!("<{en}>"), &format!("<{zh}>"))
    })
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
            let placeholder = said
                .split('<')
                .skip(1)
                .find(|p| p.starts_with(|c: char| c.is_ascii_uppercase()));
            assert!(placeholder.is_none(), "{path}: <{placeholder:?} in\n{said}");
        }
    }
}
