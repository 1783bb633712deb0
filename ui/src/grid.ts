// An editable grid's rows (fee items, evaluation scores, the typed tables
// of items): cells in the schema's column order, which is what the Rust
// side checks and saves. The columns, their kinds and the blank row come
// from the schema (TableSchemaDto): the UI keeps no copy of a column.
import type { ColumnDto, FieldProblemDto, TableSchemaDto } from './api'

export interface GridRow {
  /** Stable across edits, for Vue's list keys. */
  key: number
  cells: string[]
  /** Column → what is wrong with that cell. */
  problems: Record<number, string>
}

let nextKey = 1

export function rowOf(cells: string[]): GridRow {
  return { key: nextKey++, cells: [...cells], problems: {} }
}

/** A new row: each column's blank value (否, 合格…). */
export function blankOf(schema: TableSchemaDto): string[] {
  return schema.columns.map((c) => c.blank)
}

/** Room on screen for a column that wants `width` characters (a choice
 * has its arrow too). */
export function pixels(column: ColumnDto): number {
  return column.width * 14 + (column.choices ? 60 : 30)
}

/** Nothing typed beyond the blank row's defaults. */
export function isBlank(cells: string[], blank: string[]): boolean {
  return cells.every((c, i) => c.trim() === (blank[i] ?? '') || c.trim() === '')
}

/** What the save sends: every row something was typed in. */
export function rowsToSave(rows: GridRow[], blank: string[]): string[][] {
  return rows.filter((r) => !isBlank(r.cells, blank)).map((r) => r.cells)
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
export function changed(rows: GridRow[], stored: string[][], blank: string[]): boolean {
  return JSON.stringify(rowsToSave(rows, blank)) !== JSON.stringify(stored)
}
