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

export type SchoolDto = { name: string, address: string, principal: string, office_phone: string, supervision_phone: string, complaint_phone: string, hotlines: Array<string>, 
/**
 * Read-only: a demo school stays a demo.
 */
is_demo: boolean, };

export type OperatorDto = { name: string, 
/**
 * ISO 8601, UTC
 */
last_active_at: string, };

export type CountDto = { label: string, value: number, };

export type DashboardDto = { school: SchoolDto | null, counts: Array<CountDto>, schema_version: number, db_path: string, };

export type PaperDto = "a4" | "a3";

export type PrintedDto = { path: string, };
