//! gongshi-desktop: the Tauri 2 shell. It holds the app state, turns core
//! values into DTOs and back, and delegates every job to `gongshi-app`.
//! No rule of the domain lives here.

mod auto_backup;
mod commands;
mod display;
mod dto;
mod error;
mod files;
mod last_folders;
mod launch;
mod sender;
mod sheet_fonts;
mod state;

use std::process::ExitCode;
use tauri::Manager;

use state::AppState;

pub fn run() -> ExitCode {
    let args = match launch::parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Err(message) = display::check() {
        eprintln!("{message}");
        return ExitCode::from(1);
    }
    let state = AppState::load(gongshi_app::paths::resolve_db_path(args.db));
    auto_backup::at_start(&state.db_path);
    let built = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .register_uri_scheme_protocol(sheet_fonts::SCHEME, |_, request| {
            sheet_fonts::respond(&request)
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup::startup,
            commands::startup::create_store,
            commands::backups::backups,
            commands::backups::backup_now,
            commands::backups::restore_backup,
            commands::backups::set_backup_folder,
            commands::backups::newest_good_backup,
            commands::backups::recover_from_backup,
            commands::backups::verify_audit,
            commands::backups::export_transfer,
            commands::backups::open_transfer,
            commands::operators::sign_in,
            commands::operators::operators,
            commands::school::dashboard,
            commands::school::school,
            commands::school::save_school,
            commands::school::grade_stages,
            commands::school::duties,
            commands::school::save_duties,
            commands::printing::print_specimen,
            commands::printing::open_file,
            commands::printing::choose_file,
            commands::items::categories,
            commands::items::item_statuses,
            commands::items::export_internal_list,
            commands::lines::check_line_row,
            commands::lines::preview_line_import,
            commands::lines::print_line_template,
            commands::lines::tender_threshold,
            commands::lines::set_tender_threshold,
            commands::fees::fee_schema,
            commands::items::list_items,
            commands::items::item_history,
            commands::items::create_item,
            commands::items::edit_item,
            commands::items::preview_item,
            commands::items::item_step,
            commands::items::archived_sheets,
            commands::items::open_archived,
            commands::beyond::save_pictures,
            commands::beyond::sms_text,
            commands::beyond::verify_code,
            commands::board::week_board,
            commands::board::print_week,
            commands::feedback::list_feedback,
            commands::feedback::add_feedback,
            commands::feedback::answer_feedback,
            commands::feedback::print_qa_sheet,
            commands::meetings::meeting_kinds,
            commands::meetings::list_meetings,
            commands::meetings::meeting_record,
            commands::meetings::add_meeting,
            commands::meetings::set_meeting_minutes,
            commands::meetings::announce_at_meeting,
            commands::meetings::vote_decision,
            commands::meetings::decision_votes,
            commands::meetings::vote_rules,
            commands::meetings::set_vote_rules,
            commands::people::appraisal_scale,
            commands::people::set_appraisal_scale,
            commands::people::print_signing_sheet,
            commands::people::ethics_cases,
            commands::people::add_ethics_case,
            commands::record::range_kinds,
            commands::record::range_of,
            commands::record::export_register,
            commands::record::export_feedback_log,
            commands::record::year_report,
            commands::record::year_report_draft,
            commands::record::set_year_report_text,
            commands::record::print_year_report,
            commands::record::export_year_report,
            commands::district::district,
            commands::district::set_district,
            commands::district::push_district,
            commands::district::district_status,
            commands::district::export_district,
            commands::calendar::calendar_days,
            commands::calendar::set_calendar_day,
            commands::calendar::remove_calendar_day,
            commands::calendar_import::calendar_years,
            commands::calendar_import::confirm_calendar_year,
            commands::calendar_import::preview_calendar_import,
            commands::calendar_import::import_calendar,
            commands::settings::set_min_days,
            commands::settings::rhythms,
            commands::settings::regulars,
            commands::settings::add_regular,
            commands::settings::remove_regular,
            commands::fees::fee_semesters,
            commands::fees::fee_schedule,
            commands::fees::preview_fee_import,
            commands::fees::import_fees,
            commands::fees::copy_fees,
            commands::fees::approve_fees,
            commands::fees::class_sizes,
            commands::fees::set_class_size,
            commands::fees::print_fees,
            commands::fees::check_fee_row,
            commands::fees::save_fee_items,
            commands::fees::set_fee_policy,
            commands::fees::set_fee_terms,
            commands::fees::preview_fees,
            commands::fees::print_fee_letters,
            commands::fees::remove_class,
            commands::fees::fee_letter_count,
            commands::eval::eval_rounds,
            commands::eval::eval_round,
            commands::eval::new_eval_round,
            commands::eval::save_eval_round,
            commands::eval::check_eval_row,
            commands::eval::save_eval_candidates,
            commands::eval::preview_eval_import,
            commands::eval::import_eval,
            commands::eval::preview_eval_sheet,
            commands::eval::print_eval,
            commands::eval::publish_eval,
        ])
        .setup(|app| {
            // The district sender, in the background (idle until set up).
            sender::start(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    let result = built.map(|app| {
        app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                let state = app.state::<AppState>();
                auto_backup::at_exit(&state.db_path, state.audit_at_start);
            }
        });
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("公示无法启动：{e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod command_lists {
    //! A command is named three times: in `generate_handler!` above, in
    //! build.rs (which makes its permission) and in the capability that
    //! allows it. A command missing from one is "not allowed" only when
    //! the window calls it; this keeps the three lists the same.

    use std::collections::BTreeSet;
    use std::path::Path;

    fn read(file: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
    }

    /// The names quoted in `text` between `start` and the next `end`.
    fn quoted(text: &str, start: &str, end: &str) -> BTreeSet<String> {
        let from = text.find(start).unwrap() + start.len();
        let to = from + text[from..].find(end).unwrap();
        text[from..to]
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_command_is_registered_permitted_and_allowed() {
        let lib = read("src/lib.rs");
        let from = lib.find("generate_handler![").unwrap();
        let to = from + lib[from..].find("])").unwrap();
        let handled: BTreeSet<String> = lib[from..to]
            .split(',')
            .filter_map(|path| path.trim().rsplit("::").next())
            .filter(|name| !name.is_empty() && !name.contains('['))
            .map(str::to_owned)
            .collect();
        let built = quoted(&read("build.rs"), "let commands = &[", "];");
        let allowed: BTreeSet<String> =
            quoted(&read("capabilities/default.json"), "\"permissions\"", "]")
                .into_iter()
                .filter_map(|p| p.strip_prefix("allow-").map(|c| c.replace('-', "_")))
                .collect();
        assert_eq!(handled, built, "generate_handler! and build.rs differ");
        assert_eq!(
            built, allowed,
            "build.rs and capabilities/default.json differ"
        );
    }
}
