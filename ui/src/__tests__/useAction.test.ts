import { describe, expect, it } from 'vitest'
import { useAction } from '../composables/useAction'

describe('useAction', () => {
  it('is busy while running and returns the result', async () => {
    const { busy, error, run } = useAction()
    const pending = run(async () => {
      expect(busy.value).toBe(true)
      return 42
    })
    expect(await pending).toBe(42)
    expect(busy.value).toBe(false)
    expect(error.value).toBeNull()
  })

  it('keeps the Chinese message of a refusal and returns undefined', async () => {
    const { busy, error, run } = useAction()
    const result = await run(() => Promise.reject({ code: 'invalid', message: '学校名称：不能为空' }))
    expect(result).toBeUndefined()
    expect(error.value).toBe('学校名称：不能为空')
    expect(busy.value).toBe(false)
  })
})
