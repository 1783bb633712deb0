// The only module that calls invoke(): every call to the Rust side is here,
// typed with the DTOs generated from Rust (bindings.ts).
import { Channel, invoke } from '@tauri-apps/api/core'
import type {
  AnswerDto,
  ApiError,
  AppraisalScaleDto,
  EthicsCaseDto,
  NewEthicsCaseDto,
  DistrictDto,
  DistrictSetDto,
  RangeDto,
  RangeKindDto,
  RangeKindOptionDto,
  SectionDto,
  YearReportDto,
  ArchivedSheetDto,
  CalendarDayDto,
  CalendarImportDto,
  CalendarSourceDto,
  ChosenFileDto,
  ImportKindDto,
  CategoryDto,
  ClassSizeDto,
  ImportPreviewDto,
  BackupDto,
  BackupsDto,
  TakenDto,
  TableSchemaDto,
  TenderThresholdDto,
  RoundDto,
  RoundHeadDto,
  RoundViewDto,
  FieldProblemDto,
  ProgressDto,
  ScheduleDto,
  ContentDto,
  CreateStoreDto,
  DashboardDto,
  DutiesDto,
  FeedbackDto,
  ItemFilterDto,
  ItemRowDto,
  NewFeedbackDto,
  OperatorDto,
  PaperDto,
  PictureOptionsDto,
  SheetJobDto,
  SmsDto,
  SmsJobDto,
  VerifiedDto,
  BallotsDto,
  MeetingDto,
  MeetingKindOptionDto,
  MeetingRecordDto,
  NewMeetingDto,
  VoteRulesDto,
  VotedDto,
  PreviewDto,
  PrintedDto,
  RegularDto,
  RevisionDto,
  SavedDto,
  SchoolDto,
  StartupDto,
  StatusOptionDto,
  StepDto,
  WeekBoardDto,
  YearStatusDto,
} from './bindings'

export type * from './bindings'

/** Turns whatever a failed call threw into `{code, message}`. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message } = e as ApiError
    return { code: String(code), message: String(message) }
  }
  // Not the app's own refusal (a command the window may not call, a
  // crashed call): say so in Chinese, keeping the detail for support.
  return { code: 'unexpected', message: `程序内部出错，操作没有完成。请重启公示后再试；仍然出错请联系技术支持（${String(e)}）` }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    throw toApiError(e)
  }
}

export const api = {
  startup: () => call<StartupDto>('startup'),
  createStore: (request: CreateStoreDto) => call<StartupDto>('create_store', { request }),
  signIn: (name: string) => call<string>('sign_in', { name }),
  operators: () => call<OperatorDto[]>('operators'),
  dashboard: () => call<DashboardDto>('dashboard'),
  school: () => call<SchoolDto | null>('school'),
  saveSchool: (profile: SchoolDto) => call<SchoolDto>('save_school', { profile }),
  /** The kinds of school the 学段 box offers. */
  gradeStages: () => call<string[]>('grade_stages'),
  duties: () => call<DutiesDto>('duties'),
  saveDuties: (duties: DutiesDto) => call<DutiesDto>('save_duties', { duties }),
  printSpecimen: (paper: PaperDto) => call<PrintedDto | null>('print_specimen', { paper }),
  /** Opens a saved file in its program, or (`reveal`) shows it in its folder. */
  openFile: (path: string, reveal: boolean) => call<null>('open_file', { path, reveal }),
  archivedSheets: (revisionId: number) => call<ArchivedSheetDto[]>('archived_sheets', { revisionId }),
  openArchived: (sheetId: number) => call<null>('open_archived', { sheetId }),
  savePictures: (job: SheetJobDto, paper: PaperDto, options: PictureOptionsDto) =>
    call<PrintedDto | null>('save_pictures', { job, paper, options }),
  smsText: (job: SmsJobDto, max: number) => call<SmsDto>('sms_text', { job, max }),
  verifyCode: (code: string) => call<VerifiedDto>('verify_code', { code }),
  /** The native open dialog; null when the clerk cancels. */
  chooseFile: (kind: ImportKindDto) => call<ChosenFileDto | null>('choose_file', { kind }),
  categories: () => call<CategoryDto[]>('categories'),
  backups: () => call<BackupsDto>('backups'),
  backupNow: () => call<TakenDto>('backup_now'),
  /** Restores a listed backup; the store before it is kept (its path). */
  restoreBackup: (path: string) => call<string>('restore_backup', { path }),
  /** The system's folder dialog (null when cancelled), or clears it. */
  setBackupFolder: (clear: boolean) => call<string | null>('set_backup_folder', { clear }),
  newestGoodBackup: () => call<BackupDto | null>('newest_good_backup'),
  recoverFromBackup: (operator: string) => call<string>('recover_from_backup', { operator }),
  /** The audit chain and archived sheets checked: what was found. */
  verifyAudit: () => call<string>('verify_audit'),
  district: () => call<DistrictDto>('district'),
  setDistrict: (form: DistrictSetDto) => call<DistrictDto>('set_district', { form }),
  /** Sends what is pending now (the background sender does it too). */
  pushDistrict: () => call<DistrictDto>('push_district'),
  /** The server's view of this school's records. */
  districtStatus: () => call<DistrictDto>('district_status'),
  /** The outbox as a file for the district's upload page; null when cancelled. */
  exportDistrict: () => call<PrintedDto | null>('export_district'),
  /** 导出到其他电脑: the save dialog; null when cancelled. */
  exportTransfer: () => call<PrintedDto | null>('export_transfer'),
  /** 从文件打开: the open dialog; the school opened, null when cancelled. */
  openTransfer: (operator: string) => call<string | null>('open_transfer', { operator }),
  /** The item's whole table, internal columns too, as an Excel marked 内部. */
  exportInternalList: (id: number) => call<PrintedDto | null>('export_internal_list', { id }),
  checkLineRow: (categoryCode: string, cells: string[]) => call<FieldProblemDto[]>('check_line_row', { categoryCode, cells }),
  previewLineImport: (categoryCode: string, bytes: number[], fileName: string) =>
    call<ImportPreviewDto>('preview_line_import', { categoryCode, bytes, fileName }),
  printLineTemplate: (categoryCode: string) => call<PrintedDto | null>('print_line_template', { categoryCode }),
  tenderThreshold: () => call<TenderThresholdDto>('tender_threshold'),
  setTenderThreshold: (yuan: string) => call<TenderThresholdDto>('set_tender_threshold', { yuan }),
  itemStatuses: () => call<StatusOptionDto[]>('item_statuses'),
  listItems: (filter: ItemFilterDto) => call<ItemRowDto[]>('list_items', { filter }),
  itemHistory: (id: number) => call<RevisionDto[]>('item_history', { id }),
  createItem: (categoryCode: string, content: ContentDto) =>
    call<SavedDto>('create_item', { categoryCode, content }),
  editItem: (id: number, content: ContentDto) => call<SavedDto>('edit_item', { id, content }),
  /** An item being edited (item) previews as its current revision would print. */
  previewItem: (categoryCode: string, item: number | null, content: ContentDto) =>
    call<PreviewDto>('preview_item', { categoryCode, item, content }),
  itemStep: (id: number, step: StepDto) => call<SavedDto>('item_step', { id, step }),
  weekBoard: (date: string) => call<WeekBoardDto>('week_board', { date }),
  printWeek: (date: string, paper: PaperDto) => call<PrintedDto | null>('print_week', { date, paper }),
  listFeedback: () => call<FeedbackDto[]>('list_feedback'),
  addFeedback: (entry: NewFeedbackDto) => call<FeedbackDto>('add_feedback', { entry }),
  answerFeedback: (answer: AnswerDto) => call<FeedbackDto>('answer_feedback', { answer }),
  printQaSheet: (paper: PaperDto) => call<PrintedDto | null>('print_qa_sheet', { paper }),
  meetingKinds: () => call<MeetingKindOptionDto[]>('meeting_kinds'),
  listMeetings: () => call<MeetingDto[]>('list_meetings'),
  meetingRecord: (id: number) => call<MeetingRecordDto>('meeting_record', { id }),
  addMeeting: (meeting: NewMeetingDto) => call<MeetingRecordDto>('add_meeting', { meeting }),
  setMeetingMinutes: (id: number, minutes: string) => call<MeetingRecordDto>('set_meeting_minutes', { id, minutes }),
  announceAtMeeting: (id: number, itemId: number) => call<MeetingRecordDto>('announce_at_meeting', { id, itemId }),
  voteDecision: (itemId: number, meetingId: number, ballots: BallotsDto) =>
    call<VotedDto>('vote_decision', { itemId, meetingId, ballots }),
  decisionVotes: (itemId: number) => call<VotedDto[]>('decision_votes', { itemId }),
  voteRules: () => call<VoteRulesDto>('vote_rules'),
  setVoteRules: (quorum: string, majority: string) => call<VoteRulesDto>('set_vote_rules', { quorum, majority }),
  appraisalScale: () => call<AppraisalScaleDto>('appraisal_scale'),
  /** The grades as typed in one box; the Rust side splits and checks them. */
  setAppraisalScale: (grades: string, satisfied: number) =>
    call<AppraisalScaleDto>('set_appraisal_scale', { grades, satisfied }),
  printSigningSheet: (item: number, paper: PaperDto) => call<PrintedDto | null>('print_signing_sheet', { item, paper }),
  ethicsCases: () => call<EthicsCaseDto[]>('ethics_cases'),
  addEthicsCase: (ethicsCase: NewEthicsCaseDto) => call<EthicsCaseDto[]>('add_ethics_case', { case: ethicsCase }),
  rangeKinds: () => call<RangeKindOptionDto[]>('range_kinds'),
  /** The dates a kind of range covers for a year: the Rust side's rule. */
  rangeOf: (kind: RangeKindDto, year: number) => call<RangeDto>('range_of', { kind, year }),
  exportRegister: (range: RangeDto) => call<PrintedDto | null>('export_register', { range }),
  exportFeedbackLog: (range: RangeDto | null) => call<PrintedDto | null>('export_feedback_log', { range }),
  /** The year's report; `sections` (being edited) for the live preview. */
  yearReport: (year: number, sections: SectionDto[] | null) =>
    call<YearReportDto>('year_report', { year, sections }),
  yearReportDraft: (year: number) => call<SectionDto[]>('year_report_draft', { year }),
  setYearReportText: (year: number, sections: SectionDto[]) =>
    call<SectionDto[]>('set_year_report_text', { year, sections }),
  printYearReport: (year: number) => call<PrintedDto | null>('print_year_report', { year }),
  exportYearReport: (year: number) => call<PrintedDto | null>('export_year_report', { year }),
  calendarDays: () => call<CalendarDayDto[]>('calendar_days'),
  setCalendarDay: (day: CalendarDayDto) => call<CalendarDayDto>('set_calendar_day', { day }),
  removeCalendarDay: (date: string) => call<null>('remove_calendar_day', { date }),
  calendarYears: () => call<YearStatusDto[]>('calendar_years'),
  confirmCalendarYear: (year: number) => call<null>('confirm_calendar_year', { year }),
  previewCalendarImport: (source: CalendarSourceDto) => call<CalendarImportDto>('preview_calendar_import', { source }),
  /** Saves all of it or nothing; the years it made complete. */
  importCalendar: (source: CalendarSourceDto) => call<number[]>('import_calendar', { source }),
  setMinDays: (categoryCode: string, days: number) => call<null>('set_min_days', { categoryCode, days }),
  rhythms: () => call<string[]>('rhythms'),
  regulars: () => call<RegularDto[]>('regulars'),
  addRegular: (categoryCode: string, title: string, rhythm: string) =>
    call<null>('add_regular', { categoryCode, title, rhythm }),
  removeRegular: (id: number) => call<null>('remove_regular', { id }),
  feeSemesters: () => call<string[]>('fee_semesters'),
  feeSchedule: (semester: string) => call<ScheduleDto>('fee_schedule', { semester }),
  previewFeeImport: (bytes: number[], fileName: string) =>
    call<ImportPreviewDto>('preview_fee_import', { bytes, fileName }),
  importFees: (semester: string, bytes: number[], fileName: string) =>
    call<ScheduleDto>('import_fees', { semester, bytes, fileName }),
  copyFees: (from: string, to: string) => call<ScheduleDto>('copy_fees', { from, to }),
  approveFees: (semester: string, by: string, date: string) =>
    call<ScheduleDto>('approve_fees', { semester, by, date }),
  classSizes: () => call<ClassSizeDto[]>('class_sizes'),
  setClassSize: (size: ClassSizeDto) => call<null>('set_class_size', { size }),
  removeClass: (grade: number, className: string) => call<null>('remove_class', { grade, class: className }),
  printFees: (what: 'template' | 'board' | 'export', semester: string, paper: PaperDto) =>
    call<PrintedDto | null>('print_fees', { what, semester, paper }),
  feeSchema: () => call<TableSchemaDto>('fee_schema'),
  checkFeeRow: (cells: string[]) => call<FieldProblemDto[]>('check_fee_row', { cells }),
  saveFeeItems: (semester: string, rows: string[][]) => call<ScheduleDto>('save_fee_items', { semester, rows }),
  setFeeTerms: (semester: string, months: number, yearlyHere: boolean) =>
    call<ScheduleDto>('set_fee_terms', { semester, months, yearlyHere }),
  setFeePolicy: (semester: string, policy: string) => call<ScheduleDto>('set_fee_policy', { semester, policy }),
  previewFees: (what: 'board' | 'letter', semester: string, grade: number | null, paper: PaperDto) =>
    call<PreviewDto>('preview_fees', { what, semester, grade, paper }),
  evalRounds: () => call<RoundHeadDto[]>('eval_rounds'),
  evalRound: (id: number) => call<RoundViewDto>('eval_round', { id }),
  newEvalRound: () => call<RoundDto>('new_eval_round'),
  saveEvalRound: (id: number | null, round: RoundDto) => call<RoundViewDto>('save_eval_round', { id, round }),
  checkEvalRow: (round: number, cells: string[]) => call<FieldProblemDto[]>('check_eval_row', { round, cells }),
  saveEvalCandidates: (round: number, rows: string[][]) => call<RoundViewDto>('save_eval_candidates', { round, rows }),
  previewEvalImport: (round: number, bytes: number[], fileName: string) =>
    call<ImportPreviewDto>('preview_eval_import', { round, bytes, fileName }),
  importEval: (round: number, bytes: number[], fileName: string) => call<RoundViewDto>('import_eval', { round, bytes, fileName }),
  previewEvalSheet: (round: number, paper: PaperDto) => call<PreviewDto>('preview_eval_sheet', { round, paper }),
  printEval: (what: 'template' | 'sheet' | 'export', round: number, paper: PaperDto) =>
    call<PrintedDto | null>('print_eval', { what, round, paper }),
  publishEval: (round: number) => call<number>('publish_eval', { round }),
  feeLetterCount: (semester: string, grade: number | null) => call<number>('fee_letter_count', { semester, grade }),
  /** The letters batch; `onProgress` hears how far it is. */
  printFeeLetters: (semester: string, grade: number | null, onProgress: (p: ProgressDto) => void) => {
    const progress = new Channel<ProgressDto>()
    progress.onmessage = onProgress
    return call<PrintedDto | null>('print_fee_letters', { semester, grade, progress })
  },
}
