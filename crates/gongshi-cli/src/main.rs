//! `gongshi`: the jobs of the desktop app, headless, for scripting, batch
//! printing and tests. Each command is a thin call into `gongshi-app`.
//!
//! Exit codes: 0 done; 1 refused (bad input or file; the message says which
//! field or row); 2 usage error (clap) or a failure underneath.

mod args;
mod args_eval;
mod args_fees;
mod args_week;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&cli, &e);
            if e.is_refusal() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}
