// The item table as text the clerk can type or paste from Excel: one row a
// line, cells split by Tab (Excel) or a comma.

export function parseTable(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(line.includes('\t') ? '\t' : /[,，]/).map((c) => c.trim()))
    .filter((row) => row.some((c) => c.length > 0))
}

export function formatTable(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\n')
}
