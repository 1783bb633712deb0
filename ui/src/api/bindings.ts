// Generated from src-tauri/src/dto.rs by `cargo xtask bindings`. Do not edit.

export type ApiError = { 
/**
 * Stable, for the UI to branch on: `store.corrupt`, `invalid`, …
 */
code: string, 
/**
 * For the clerk to read.
 */
message: string, };

export type StartupDto = { "kind": "first_run", db_path: string, } | { "kind": "refused", db_path: string, error: ApiError, } | { "kind": "ready", db_path: string, school_name: string | null, is_demo: boolean, operator: string | null, };

export type CreateStoreDto = { demo: boolean, 
/**
 * For an empty school; may be left empty and set in 设置 later.
 */
school_name: string | null, operator: string, };

export type SchoolDto = { name: string, address: string, principal: string, office_phone: string, supervision_phone: string, complaint_phone: string, 
/**
 * As the one text box shows them; the core splits them
 * (`text::split_list`).
 */
hotlines: string, 
/**
 * 学段: 小学… or a list of grades (`SchoolGrades::parse` reads it).
 */
grades: string, 
/**
 * Read-only: a demo school stays a demo.
 */
is_demo: boolean, };

export type DutiesDto = { leading: Array<string>, working: Array<string>, supervision: Array<string>, relaxed: boolean, };

export type OperatorDto = { name: string, 
/**
 * ISO 8601, UTC
 */
last_active_at: string, };

export type CountDto = { label: string, value: number, };

export type DashboardDto = { school: SchoolDto | null, counts: Array<CountDto>, schema_version: number, db_path: string, 
/**
 * A holiday arrangement the calendar lacks, and what to do.
 */
calendar_warning: string | null, 
/**
 * The newest backup: when and where; null when there is none.
 */
backup_last: string | null, 
/**
 * No backup, too old, no second copy.
 */
backup_warnings: Array<string>, };

export type PaperDto = "a4" | "a3";

export type PrintedDto = { path: string, };

export type YearSourceDto = "official" | "notice" | "file" | "confirmed";

export type YearStatusDto = { year: number, 
/**
 * `null` while the year is not complete.
 */
source: YearSourceDto | null, source_label: string | null, days: number, 
/**
 * Statutory holidays not entered yet.
 */
missing: Array<string>, 
/**
 * The core's answer: confirming by hand is offered.
 */
can_confirm: boolean, };

export type ImportProblemDto = { 
/**
 * The sentence or event as read (empty for the file as a whole).
 */
text: string, reason: string, };

export type YearOutcomeDto = { year: number, 
/**
 * Empty: the year becomes complete.
 */
missing: Array<string>, 
/**
 * What the import does to the year, said by the core.
 */
text: string, };

export type CalendarImportDto = { days: Array<CalendarDayDto>, problems: Array<ImportProblemDto>, ignored: Array<string>, years: Array<YearOutcomeDto>, };

export type CalendarSourceDto = { "kind": "notice", text: string, year: number | null, } | { "kind": "file", bytes: Array<number>, file_name: string, };

export type ImportKindDto = "table" | "calendar" | "transfer";

export type ChosenFileDto = { name: string, bytes: Array<number>, };

export type ArchivedSheetDto = { id: number, printed_on: string, sha256: string, size: number, };

export type SheetJobDto = { "sheet": "specimen" } | { "sheet": "fee_board", semester: string, } | { "sheet": "fee_letters", semester: string, grade: number | null, } | { "sheet": "eval_sheet", round: number, } | { "sheet": "qa_sheet" } | { "sheet": "week", date: string, };

export type PictureOptionsDto = { 
/**
 * One tall picture of every page (else one a page).
 */
tall: boolean, 
/**
 * Twice the pixels, for printing.
 */
sharp: boolean, };

export type SmsJobDto = { "about": "item", id: number, } | { "about": "fees", semester: string, grade: number | null, };

export type SmsDto = { text: string, chars: number, segments: number, fits: boolean, 
/**
 * 共63字，1条短信（不超过70字）
 */
summary: string, };

export type VerifiedDto = { code: string, 
/**
 * 公开事项, 收费公示, 反馈答复公示.
 */
kind: string, 
/**
 * Which one of its kind (财务，事项编号15，第2版; 第1次印发).
 */
described: string, revision: number, title: string, period_start: string | null, period_end: string | null, printed_on: string, printed_by: string | null, sheet_id: number, corrected_by: number | null, };

export type MeetingKindDto = "staff_congress" | "teacher_delegates" | "dialogue" | "parents" | "administrative" | "other";

export type MeetingKindOptionDto = { kind: MeetingKindDto, label: string, 
/**
 * 应到/实到 count delegates.
 */
of_delegates: boolean, };

export type MeetingDto = { id: number, kind: MeetingKindDto, kind_label: string, held_on: string, place: string, chair: string, expected: number, present: number, 
/**
 * 应到代表60人，实到45人.
 */
attendance: string, topics: string, minutes: string, };

export type NewMeetingDto = { kind: MeetingKindDto, held_on: string, place: string, chair: string, expected: number, present: number, topics: string, minutes: string, };

export type VoteOutcomeDto = "no_quorum" | "passed" | "failed";

export type VotedDto = { item_id: number, meeting_id: number, yes: number, no: number, abstain: number, outcome: VoteOutcomeDto, outcome_label: string, 
/**
 * The sentence the 正式稿 prints.
 */
said: string, };

export type AnnouncedDto = { item_id: number, title: string, category: string, };

export type MeetingRecordDto = { meeting: MeetingDto, quorate: boolean | null, items: Array<AnnouncedDto>, votes: Array<VotedDto>, feedback: number, };

export type BallotsDto = { yes: number, no: number, abstain: number, };

export type VoteRulesDto = { quorum: string, majority: string, said: string, };

export type AppraisalScaleDto = { grades: Array<string>, satisfied: number, formula: string, };

export type EthicsCaseDto = { id: number, teacher: string, 
/**
 * ISO date
 */
found_on: string, summary: string, recorded_by: string, };

export type NewEthicsCaseDto = { teacher: string, 
/**
 * ISO date
 */
found_on: string, summary: string, };

export type RangeKindDto = "calendar_year" | "school_year" | "first_semester" | "second_semester";

export type RangeKindOptionDto = { kind: RangeKindDto, label: string, };

export type RangeDto = { from: string, to: string, 
/**
 * 2026年度, 2025年9月1日至2026年8月31日 (out only).
 */
label: string, };

export type SectionDto = { heading: string, body: string, };

export type YearReportDto = { year: number, 
/**
 * The text is the clerk's, kept with the year.
 */
edited: boolean, 
/**
 * Why the kept text may be out of date (the figures changed since it
 * was saved), if it may.
 */
stale: string | null, sections: Array<SectionDto>, posted: number, preview: PreviewDto, };

export type DistrictDto = { url: string | null, school_code: string | null, 
/**
 * The token's last characters (…a3f9): the token itself never leaves Rust.
 */
token_end: string | null, own_certificate: boolean, pending: number, sent: number, refused: number, refusals: Array<string>, 
/**
 * The server's view, when asked: 已收 n 条，最大序号 n，缺…
 */
server: string | null, 
/**
 * This push's count, when one was made.
 */
delivered: number, 
/**
 * The sender in the background: when it last delivered, its last failure.
 */
last_sent: string | null, last_error: string | null, 
/**
 * Said when the link was kept but the server could not be asked.
 */
warning: string | null, };

export type DistrictSetDto = { url: string, school_code: string, token: string, 
/**
 * The bureau's own certificate, pasted (PEM), when it gave one.
 */
ca_pem: string | null, };

export type FieldSpecDto = { key: string, label: string, kind: FieldKindDto, 
/**
 * Must be filled before review.
 */
required: boolean, 
/**
 * What a choice may be, in order (empty for any other kind).
 */
choices: Array<string>, };

export type CategoryDto = { code: string, label: string, fields: Array<FieldSpecDto>, has_table: boolean, 
/**
 * The table its sheet cannot go without (拟推荐人选名单…): submitting
 * without it is refused; the editor says so before.
 */
required_table: string | null, 
/**
 * The typed table's schema (财务收支, 采购, 学生资助): the editor's
 * grid; null where the table is free.
 */
schema: TableSchemaDto | null, 
/**
 * The body a new item starts with (师德承诺's pledges), to edit.
 */
default_body: string | null, 
/**
 * Its items print a 签名表 (师德承诺).
 */
has_signing_sheet: boolean, min_days: number, 
/**
 * Its items are voted by the staff congress (讨论稿 → 正式稿).
 */
voted_by_congress: boolean, };

export type ContentDto = { title: string, body: string, fields: { [key in string]: string }, 
/**
 * The table as rows of cells; the first row is the header. Empty: none.
 */
table: Array<Array<string>>, posting_days: number, 
/**
 * ISO date or null
 */
planned_start: string | null, };

export type StampDto = { by: string, on: string, note: string, };

export type RevisionDto = { id: number, item_id: number, category: string, category_label: string, number: number, status: StatusDto, status_label: string, 
/**
 * The steps it can take now, the usual next one first (the domain's
 * workflow decides; the UI shows these buttons and no others).
 */
steps: Array<ActionDto>, content: ContentDto, confidentiality: StampDto | null, signoff: StampDto | null, approved: StampDto | null, returned_reason: string | null, 
/**
 * 公示期：…（N个工作日）
 */
period: string | null, taken_down_on: string | null, closure: string | null, 
/**
 * Draft or returned: the editor may change it.
 */
editable: boolean, };

export type SavedDto = { revision: RevisionDto, warnings: Array<string>, };

export type ItemRowDto = { item_id: number, number: number, category_label: string, status: StatusDto, status_label: string, title: string, planned_start: string | null, posted_on: string | null, period_end: string | null, };

export type ItemFilterDto = { category: string | null, status: StatusDto | null, text: string | null, 
/**
 * ISO dates: items on the board at some day of this range.
 */
from: string | null, to: string | null, };

export type WeekBoardDto = { monday: string, sunday: string, going_up: Array<ItemRowDto>, coming_down: Array<ItemRowDto>, on_board: Array<ItemRowDto>, 
/**
 * Overdue, one line each, in Chinese.
 */
overdue: Array<string>, };

export type FeedbackDto = { id: number, received_on: string, channel: string, item_id: number | null, content: string, is_objection: boolean, answer: string | null, responder: string | null, answered_on: string | null, publish: boolean, 
/**
 * Taken at this meeting.
 */
meeting_id: number | null, };

export type NewFeedbackDto = { received_on: string, channel: string, item_id: number | null, content: string, is_objection: boolean, 
/**
 * Taken at this meeting.
 */
meeting_id: number | null, };

export type AnswerDto = { id: number, text: string, responder: string, answered_on: string, publish: boolean, };

export type CalendarDayDto = { date: string, name: string, off: boolean, };

export type MarkDto = { "kind": "text", x: number, y: number, size: number, text: string, spacing: number, heavy: boolean, gray: boolean, red: boolean, } | { "kind": "line", x1: number, y1: number, x2: number, y2: number, width: number, dashed: boolean, } | { "kind": "shade", x: number, y: number, w: number, h: number, gray: number, } | { "kind": "circle", cx: number, cy: number, r: number, } | { "kind": "watermark", x: number, y: number, angle: number, size: number, text: string, heavy: boolean, gray: number, };

export type PageDto = { width: number, height: number, marks: Array<MarkDto>, };

export type PreviewDto = { pages: Array<PageDto>, 
/**
 * Why this sheet would not print (privacy), if so.
 */
refused: string | null, };

export type StepDto = { "action": "submit" } | { "action": "review", confidentiality: string | null, signoff: string | null, date: string, note: string, } | { "action": "approve", by: string, date: string, note: string, } | { "action": "return", reason: string, } | { "action": "post", date: string, } | { "action": "take_down", date: string, 
/**
 * Needed when the period has not ended; kept in the register.
 */
reason: string, } | { "action": "close", no_objection: boolean, date: string, note: string, } | { "action": "revise" };

export type StatusDto = "draft" | "pending" | "returned" | "approved" | "posted" | "taken_down" | "closed";

export type StatusOptionDto = { code: StatusDto, label: string, };

export type ActionDto = "submit" | "review" | "approve" | "return" | "post" | "take_down" | "close" | "revise";

export type RegularDto = { id: number, category: string, category_label: string, title: string, 
/**
 * 每月, 每学期, 每年
 */
rhythm: string, };

export type ScheduleDto = { semester: string, 
/**
 * 李新义 2026-08-25, or null while it may still change
 */
approved: string | null, 
/**
 * 减免政策, printed on the board sheet and every letter
 */
reduction_policy: string, 
/**
 * A 每月 fee is billed this many months (1–6).
 */
months: number, 
/**
 * 每年 fees are collected in this semester.
 */
yearly_here: boolean, 
/**
 * The units a fee may be written in (每生每学期…), from the domain.
 */
units: Array<string>, 
/**
 * The items as the grid's rows, cells in the schema's order.
 */
rows: Array<Array<string>>, 
/**
 * What the export's 按年级合计 sheet holds.
 */
grade_totals: Array<GradeTotalDto>, };

export type ClassSizeDto = { grade: number, 
/**
 * 一年级, 初一… (shown; ignored when sent)
 */
grade_name?: string, class: string, students: number, };

export type GradeTotalDto = { 
/**
 * 1–12 (初一 is 7)
 */
number: number, 
/**
 * 一年级
 */
grade: string, 
/**
 * 1,280.50
 */
required: string, voluntary: string, all: string, };

export type FieldProblemDto = { 
/**
 * The cell's column, in the schema's order (0 = the first).
 */
column: number | null, 
/**
 * The column's header: 金额(元), 适用年级…
 */
field: string, message: string, };

export type ProgressDto = { done: number, total: number, };

export type ComponentDto = { name: string, 
/**
 * percent
 */
weight: number, };

export type RoundKindDto = "award" | "title" | "other";

export type OutcomeDto = "recommended" | "tied" | "not" | "vetoed";

export type RoundHeadDto = { id: number, name: string, };

export type RoundDto = { name: string, kind: RoundKindDto, quota: number, criteria: string, components: Array<ComponentDto>, tie_break: Array<string>, posting_days: number, objection_office: string, objection_phone: string, 
/**
 * Whether the public result sheet names those not ranked.
 */
name_unranked: boolean, };

export type RankedDto = { 
/**
 * None for a vetoed candidate
 */
rank: number | null, name: string, department: string, scores: Array<string>, 
/**
 * 92.60, exact
 */
total: string, outcome: OutcomeDto, 
/**
 * 拟推荐, 并列（名额线）, 不符合推荐条件 or empty
 */
label: string, 
/**
 * Internal: a veto's reason (shown to the committee, never printed).
 */
note: string, };

export type RoundViewDto = { 
/**
 * What the commands address it by.
 */
id: number, round: RoundDto, formula: string, tie_rule: string, 
/**
 * The scores' table: the grid's columns, the template's header.
 */
schema: TableSchemaDto, candidates: Array<Array<string>>, ranking: Array<RankedDto>, tie_note: string | null, item_id: number | null, 
/**
 * Why it can no longer change, once its result was submitted.
 */
frozen: string | null, };

export type FieldKindDto = "text" | "date" | "number" | "money" | "choice";

export type BackupDto = { path: string, 
/**
 * 2026-12-01 18:20
 */
taken_at: string, size_kb: number, 
/**
 * What it holds (null when it does not pass its check).
 */
holds: string | null, 
/**
 * Why it does not pass its check.
 */
problem: string | null, 
/**
 * Set when it is another school's data: what restoring it would do.
 */
other_school: string | null, };

export type BackupsDto = { 
/**
 * Where backups go beside the store.
 */
home_folder: string, second_folder: string | null, backups: Array<BackupDto>, warnings: Array<string>, };

export type TakenDto = { path: string, second: string | null, second_failed: string | null, };

export type ColumnKindDto = "text" | "money" | "quantity" | "date" | "choice" | "yes_no" | "grades" | "person" | "phone" | "score" | "class" | "count";

export type AlignDto = "start" | "end";

export type ColumnDto = { key: string, header: string, kind: ColumnKindDto, required: boolean, 
/**
 * Never on a public sheet (身份证号…).
 */
internal: boolean, 
/**
 * Masked on a public sheet (姓名 of a subsidy list).
 */
masked: boolean, 
/**
 * Characters of room it wants.
 */
width: number, align: AlignDto, 
/**
 * A choice's values (是/否, 采购方式…); null for typed text.
 */
choices: Array<string> | null, 
/**
 * A new row's value.
 */
blank: string, hint: string, };

export type TableSchemaDto = { 
/**
 * What one row is: 收费项目, 候选人, 采购项目.
 */
row_name: string, columns: Array<ColumnDto>, };

export type ImportPreviewDto = { rows: Array<Array<string>>, errors: Array<string>, };

export type TenderThresholdDto = { 
/**
 * The setting's name, as the domain writes it.
 */
name: string, 
/**
 * 500,000.00
 */
yuan: string, 
/**
 * Not set by the school: the default.
 */
is_default: boolean, };
