import { describe, expect, it } from 'vitest'
import type { ColumnDto, TableSchemaDto } from '../api'
import { blankOf, changed, isBlank, pixels, problemsByColumn, rowOf, rowsToSave } from '../grid'

function column(key: string, header: string, blank = ''): ColumnDto {
  return { key, header, kind: 'text', required: false, internal: false, masked: false, width: 8, align: 'start', choices: null, blank, hint: '' }
}

const schema: TableSchemaDto = {
  row_name: '收费项目',
  columns: [column('name', '项目'), column('amount', '金额(元)'), column('voluntary', '是否自愿', '否')],
}
const stored = ['课后服务费', '1,280.50', '是']

describe('editable grid rows', () => {
  it('a new row is the schema’s blank values', () => {
    expect(blankOf(schema)).toEqual(['', '', '否'])
    expect(pixels(schema.columns[0])).toBe(8 * 14 + 30)
    expect(pixels({ ...schema.columns[0], choices: ['否', '是'] })).toBe(8 * 14 + 60)
  })

  it('a row left at its blank values is not saved', () => {
    const blank = blankOf(schema)
    const rows = [rowOf(stored), rowOf(blank)]
    expect(isBlank(rows[1].cells, blank)).toBe(true)
    expect(rowsToSave(rows, blank)).toEqual([stored])
    rows[1].cells[0] = '校服费'
    expect(rowsToSave(rows, blank)).toHaveLength(2)
  })

  it('a row keeps its own cells', () => {
    const row = rowOf(blankOf(schema))
    row.cells[0] = 'x'
    expect(blankOf(schema)[0]).toBe('')
  })

  it('changed compares with what is stored', () => {
    const blank = blankOf(schema)
    const rows = [rowOf(stored)]
    expect(changed(rows, [stored], blank)).toBe(false)
    rows[0].cells[1] = '300'
    expect(changed(rows, [stored], blank)).toBe(true)
  })

  it('problems go under their column, joined', () => {
    expect(
      problemsByColumn([
        { column: 1, field: '金额(元)', message: '不能为空' },
        { column: 1, field: '金额(元)', message: '太大了' },
        { column: null, field: '', message: '整行' },
      ]),
    ).toEqual({ 1: '不能为空；太大了', 0: '整行' })
  })
})
