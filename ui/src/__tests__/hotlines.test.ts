import { describe, expect, it } from 'vitest'
import { formatHotlines, parseHotlines } from '../hotlines'

describe('hotlines', () => {
  it('splits on Chinese and ASCII separators and drops blanks', () => {
    expect(parseHotlines('12345，12315、 0371-1234567,,')).toEqual(['12345', '12315', '0371-1234567'])
    expect(parseHotlines('  ')).toEqual([])
  })
  it('formats with a Chinese comma and parses back', () => {
    const list = ['12345', '12315']
    expect(parseHotlines(formatHotlines(list))).toEqual(list)
  })
})
