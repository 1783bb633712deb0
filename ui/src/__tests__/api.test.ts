import { describe, expect, it } from 'vitest'
import { toApiError } from '../api'

describe('toApiError', () => {
  it('keeps {code, message} from the Rust side', () => {
    expect(toApiError({ code: 'invalid', message: '学校名称：不能为空' })).toEqual({
      code: 'invalid',
      message: '学校名称：不能为空',
    })
  })
  it('wraps anything else', () => {
    const wrapped = toApiError('save_duties not allowed. Command not found')
    expect(wrapped.code).toBe('unexpected')
    expect(wrapped.message).toMatch(/^程序内部出错，操作没有完成/)
    expect(wrapped.message).toContain('save_duties not allowed')
  })
})
