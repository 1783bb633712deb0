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
    expect(toApiError('boom')).toEqual({ code: 'unexpected', message: 'boom' })
  })
})
