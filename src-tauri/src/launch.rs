//! The desktop app's own command line: `gongshi-desktop [--db PATH]`.
//! (`$GONGSHI_DB` does the same; the e2e tests pass `--db`.)

use std::path::PathBuf;

#[derive(Debug, Default, PartialEq)]
pub struct LaunchArgs {
    pub db: Option<PathBuf>,
}

pub fn parse_args(mut args: impl Iterator<Item = String>) -> Result<LaunchArgs, String> {
    let mut parsed = LaunchArgs::default();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            let path = args.next().ok_or("--db 后面要写数据文件的路径")?;
            parsed.db = Some(PathBuf::from(path));
        } else if let Some(path) = arg.strip_prefix("--db=") {
            parsed.db = Some(PathBuf::from(path));
        } else {
            return Err(format!(
                "不认识的参数：{arg}\n用法：gongshi-desktop [--db 数据文件路径]"
            ));
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<LaunchArgs, String> {
        parse_args(args.iter().map(ToString::to_string))
    }

    #[test]
    fn db_path_forms() {
        assert_eq!(parse(&[]).unwrap().db, None);
        assert_eq!(parse(&["--db", "a.db"]).unwrap().db, Some("a.db".into()));
        assert_eq!(parse(&["--db=b.db"]).unwrap().db, Some("b.db".into()));
        assert!(parse(&["--db"]).is_err());
        assert!(parse(&["--oops"]).unwrap_err().contains("--oops"));
    }
}
