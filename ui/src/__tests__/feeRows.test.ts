import { describe, expect, it } from 'vitest'
import type { FeeItemDto } from '../api'
import { cellsOf, FEE_BLANK } from '../fees/rows'
import { changed, isBlank, problemsByColumn, rowOf, rowsToSave } from '../grid'

const item: FeeItemDto = {
  name: '课后服务费',
  amount: '1,280.50',
  unit: '每生每学期',
  grades: '一至三年级',
  department: '财务室',
  phone: '',
  basis: '豫发改收费〔2023〕781号',
  voluntary: true,
  note: '',
}

describe('editable grid rows', () => {
  it('edit a stored fee item in the template column order', () => {
    expect(cellsOf(item)).toEqual(['课后服务费', '1,280.50', '每生每学期', '一至三年级', '财务室', '', '豫发改收费〔2023〕781号', '是', ''])
  })
  it('leave blank rows out of the save', () => {
    const rows = [rowOf(cellsOf(item)), rowOf(FEE_BLANK)]
    expect(isBlank(rows[1].cells, FEE_BLANK)).toBe(true)
    expect(rowsToSave(rows, FEE_BLANK)).toEqual([cellsOf(item)])
    rows[1].cells[1] = '30'
    expect(rowsToSave(rows, FEE_BLANK)).toHaveLength(2)
  })
  it('do not share cells with the blank row they started from', () => {
    const row = rowOf(FEE_BLANK)
    row.cells[0] = '作业本费'
    expect(FEE_BLANK[0]).toBe('')
  })
  it('know when the grid differs from the store', () => {
    const rows = [rowOf(cellsOf(item))]
    expect(changed(rows, [cellsOf(item)], FEE_BLANK)).toBe(false)
    rows[0].cells[1] = '1,300'
    expect(changed(rows, [cellsOf(item)], FEE_BLANK)).toBe(true)
  })
  it('put each problem under its cell', () => {
    const byColumn = problemsByColumn([
      { column: 1, field: '金额(元)', message: '“-5”不能为负数' },
      { column: 3, field: '适用年级', message: '“幼儿园”不是年级' },
      { column: null, field: '其他', message: '有误' },
    ])
    expect(byColumn).toEqual({ 0: '有误', 1: '“-5”不能为负数', 3: '“幼儿园”不是年级' })
  })
})
