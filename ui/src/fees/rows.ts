// The fee item grid's rows: cells in the import template's column order
// (项目, 金额(元), 计费单位, 适用年级, 收费部门, 咨询电话, 收费依据, 是否自愿,
// 备注), which is what the Rust side checks and saves.
import type { FeeItemDto, FieldProblemDto } from '../api'

export const COLUMN_COUNT = 9
export const VOLUNTARY = 7

export interface FeeRow {
  /** Stable across edits, for Vue's list keys. */
  key: number
  cells: string[]
  /** Column → what is wrong with that cell. */
  problems: Record<number, string>
}

let nextKey = 1

export function rowOf(cells: string[]): FeeRow {
  return { key: nextKey++, cells, problems: {} }
}

/** A stored item as the grid edits it: the shown forms parse back. */
export function cellsOf(item: FeeItemDto): string[] {
  return [
    item.name,
    item.amount,
    item.unit,
    item.grades,
    item.department,
    item.phone,
    item.basis,
    item.voluntary ? '是' : '否',
    item.note,
  ]
}

export function blankCells(): string[] {
  const cells = Array<string>(COLUMN_COUNT).fill('')
  cells[VOLUNTARY] = '否'
  return cells
}

/** Nothing typed (是否自愿 keeps its default): not a fee, not saved. */
export function isBlank(cells: string[]): boolean {
  return cells.every((c, i) => (i === VOLUNTARY ? c === '否' || c === '' : c.trim() === ''))
}

/** What the save sends: every row a fee was typed in. */
export function rowsToSave(rows: FeeRow[]): string[][] {
  return rows.filter((r) => !isBlank(r.cells)).map((r) => r.cells)
}

/** Problems by column; one without a column goes to the first cell. */
export function problemsByColumn(problems: FieldProblemDto[]): Record<number, string> {
  const out: Record<number, string> = {}
  for (const p of problems) {
    const column = p.column ?? 0
    out[column] = out[column] ? `${out[column]}；${p.message}` : p.message
  }
  return out
}

/** Whether the grid differs from what is stored. */
export function changed(rows: FeeRow[], stored: FeeItemDto[]): boolean {
  const now = rowsToSave(rows)
  return JSON.stringify(now) !== JSON.stringify(stored.map(cellsOf))
}
