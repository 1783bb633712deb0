// The fee item grid's cells: the import template's column order (项目,
// 金额(元), 计费单位, 适用年级, 收费部门, 咨询电话, 收费依据, 是否自愿, 备注).
import type { FeeItemDto } from '../api'

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

/** A new row: nothing typed, not voluntary. */
export const FEE_BLANK = ['', '', '', '', '', '', '', '否', '']
