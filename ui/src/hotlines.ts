// The hotlines field is one text box in the form and a list in the store.

export function parseHotlines(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

export function formatHotlines(list: string[]): string {
  return list.join('，')
}
