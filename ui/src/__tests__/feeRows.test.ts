import { describe, expect, it } from 'vitest'
import type { FeeItemDto } from '../api'
import { blankCells, cellsOf, changed, isBlank, problemsByColumn, rowOf, rowsToSave } from '../fees/rows'

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

describe('fee grid rows', () => {
  it('edit a stored item in the template column order', () => {
    expect(cellsOf(item)).toEqual(['课后服务费', '1,280.50', '每生每学期', '一至三年级', '财务室', '', '豫发改收费〔2023〕781号', '是', ''])
  })
  it('leave blank rows out of the save', () => {
    const rows = [rowOf(cellsOf(item)), rowOf(blankCells())]
    expect(isBlank(rows[1].cells)).toBe(true)
    expect(rowsToSave(rows)).toEqual([cellsOf(item)])
    rows[1].cells[1] = '30'
    expect(rowsToSave(rows)).toHaveLength(2)
  })
  it('know when the grid differs from the store', () => {
    const rows = [rowOf(cellsOf(item))]
    expect(changed(rows, [item])).toBe(false)
    rows[0].cells[1] = '1,300'
    expect(changed(rows, [item])).toBe(true)
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
