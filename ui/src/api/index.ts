// The only module that calls invoke(): every call to the Rust side is here,
// typed with the DTOs generated from Rust (bindings.ts).
import { invoke } from '@tauri-apps/api/core'
import type {
  ApiError,
  CreateStoreDto,
  DashboardDto,
  OperatorDto,
  PaperDto,
  PrintedDto,
  SchoolDto,
  StartupDto,
} from './bindings'

export type * from './bindings'

/** Turns whatever a failed call threw into `{code, message}`. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message } = e as ApiError
    return { code: String(code), message: String(message) }
  }
  return { code: 'unexpected', message: String(e) }
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
  printSpecimen: (paper: PaperDto) => call<PrintedDto>('print_specimen', { paper }),
}
