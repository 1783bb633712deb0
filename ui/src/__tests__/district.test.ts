import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { DistrictDto } from '../api'

const api = vi.hoisted(() => ({
  district: vi.fn(),
  setDistrict: vi.fn(),
  pushDistrict: vi.fn(),
  districtStatus: vi.fn(),
  exportDistrict: vi.fn(),
}))
vi.mock('../api', () => ({ api }))

import DistrictSettings from '../components/DistrictSettings.vue'

const set: DistrictDto = {
  url: 'https://jyj.example.gov.cn',
  school_code: '4401010001',
  token_end: '…8534',
  own_certificate: false,
  pending: 3,
  sent: 40,
  refused: 1,
  refusals: ['第41条：学校4401010001（阳光小学）第41条的内容与其校验值不符'],
  server: null,
  delivered: 0,
  last_sent: null,
  last_error: '连不上教育局服务器',
  warning: null,
}

describe('DistrictSettings', () => {
  it('sends the link as typed, never shows the token back, and shows the Rust message naming the field', async () => {
    api.district.mockResolvedValue({ ...set, url: null, school_code: null, token_end: null, pending: 0, sent: 0, refused: 0, refusals: [], last_error: null })
    api.setDistrict.mockRejectedValueOnce({ code: 'invalid', message: '令牌：应为教育局发给本校的令牌（以 gsd_ 开头）' })
    const wrapper = mount(DistrictSettings, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    await wrapper.get('input[data-test="district-url"]').setValue('https://jyj.example.gov.cn')
    await wrapper.get('input[data-test="district-code"]').setValue('4401010001')
    await wrapper.get('input[data-test="district-token"]').setValue('123')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.setDistrict).toHaveBeenCalledWith({
      url: 'https://jyj.example.gov.cn',
      school_code: '4401010001',
      token: '123',
      ca_pem: null,
    })
    expect(wrapper.get('[data-test="district-error"]').text()).toContain('令牌')

    api.setDistrict.mockResolvedValueOnce(set)
    await wrapper.get('input[data-test="district-token"]').setValue('gsd_secret8534')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    // The token typed is cleared; only its end is shown, as a placeholder.
    const token = wrapper.get<HTMLInputElement>('input[data-test="district-token"]')
    expect(token.element.value).toBe('')
    expect(token.attributes('placeholder')).toContain('…8534')
    expect(wrapper.html()).not.toContain('gsd_secret')
    expect(wrapper.get('[data-test="district-counts"]').text()).toContain('待上报 3 条')
    expect(wrapper.get('[data-test="district-refusals"]').text()).toContain('第41条')
  })
})
