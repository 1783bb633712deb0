//! `gongshi`: the jobs of the desktop app, headless, for scripting, batch
//! printing and tests. Each command is a thin call into `gongshi-app`.
//!
//! Exit codes: 0 done; 1 refused (bad input or file; the message says which
//! field or row); 2 usage error or a failure underneath. Every message is
//! Chinese; with `--json` every error is one `{code, message}` document on
//! standard output.

mod args;
mod args_backup;
mod args_district;
mod args_eval;
mod args_fees;
mod args_meetings;
mod args_people;
mod args_record;
mod args_week;
mod commands;
mod help;
mod output;
mod usage;
mod values;

use std::ffi::OsString;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;

use clap::Parser;
use clap::error::ErrorKind;

/// Where a panic happened, kept by the hook for the message.
static PANIC_PLACE: Mutex<String> = Mutex::new(String::new());

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let json = usage::wants_json(&argv);
    let cli = match args::Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            // Asked for: laid out by clap, in Chinese, on standard output.
            output::say(help::chinese(&e.render().to_string()).trim_end());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            output::usage_error(json, &usage::message(&e, &argv));
            return ExitCode::from(2);
        }
    };
    // A bug must not show a user a Rust backtrace: the hook keeps where it
    // happened, and the command ends with a Chinese message (exit code 2).
    panic::set_hook(Box::new(|info| {
        if let Ok(mut place) = PANIC_PLACE.lock() {
            let location = info
                .location()
                .map_or(String::new(), |l| format!("{}:{}", l.file(), l.line()));
            *place = format!("{location} {}", panic_text(info.payload()));
        }
    }));
    match panic::catch_unwind(AssertUnwindSafe(|| commands::run(&cli))) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            output::error(&cli, &e);
            if e.is_refusal() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
        Err(_) => {
            let place = PANIC_PLACE
                .lock()
                .map(|p| p.trim().to_owned())
                .unwrap_or_default();
            output::internal_error(cli.json, &place);
            ExitCode::from(2)
        }
    }
}

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::new()
    }
}
