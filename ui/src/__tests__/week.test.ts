import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { formatTable, parseTable } from '../tableText'
import SheetPreview from '../components/SheetPreview.vue'
import type { PageDto } from '../api'

describe('table text', () => {
  it('reads rows pasted from Excel (tabs) or typed with commas, skipping blank lines', () => {
    expect(parseTable('品名\t数量\n交互式平板\t12\n\n')).toEqual([
      ['品名', '数量'],
      ['交互式平板', '12'],
    ])
    expect(parseTable('项目，金额\n纸张,1,280.00')).toEqual([
      ['项目', '金额'],
      ['纸张', '1', '280.00'],
    ])
  })
  it('round-trips through the editor text', () => {
    const rows = [['排序', '姓名'], ['1', '李老师']]
    expect(parseTable(formatTable(rows))).toEqual(rows)
  })
})

describe('SheetPreview', () => {
  it('draws the layout and shows user text as text', () => {
    const pages: PageDto[] = [
      {
        width: 595,
        height: 842,
        marks: [
          { kind: 'text', x: 10, y: 20, size: 22, text: '<img src=x onerror=alert(1)>', spacing: 0, heavy: true, gray: false, red: false },
          { kind: 'line', x1: 0, y1: 30, x2: 100, y2: 30, width: 0.5, dashed: true },
          { kind: 'circle', cx: 300, cy: 700, r: 57 },
        ],
      },
    ]
    const wrapper = mount(SheetPreview, { props: { pages } })
    expect(wrapper.find('text').text()).toBe('<img src=x onerror=alert(1)>')
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('line').attributes('stroke-dasharray')).toBe('4 3')
    expect(wrapper.findAll('svg')).toHaveLength(1)
  })
})
