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
        "categories",
        "list_items",
        "item_history",
        "create_item",
        "edit_item",
        "preview_item",
        "item_step",
        "week_board",
        "print_week",
        "list_feedback",
        "add_feedback",
        "answer_feedback",
        "print_qa_sheet",
        "calendar_days",
        "set_calendar_day",
        "remove_calendar_day",
        "set_min_days",
        "regulars",
        "add_regular",
        "remove_regular",
        "fee_semesters",
        "fee_schedule",
        "preview_fee_import",
        "import_fees",
        "copy_fees",
        "approve_fees",
        "class_sizes",
        "set_class_size",
        "print_fees",
        "check_fee_row",
        "save_fee_items",
        "set_fee_policy",
        "preview_fees",
        "print_fee_letters",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
