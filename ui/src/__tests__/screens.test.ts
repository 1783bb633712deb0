import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { DashboardDto, SchoolDto } from '../api'

const school: SchoolDto = {
  name: '<img src=x onerror=alert(1)>',
  address: '人民路1号',
  principal: '李新义',
  office_phone: '',
  supervision_phone: '',
  complaint_phone: '',
  hotlines: '12345',
  grades: '小学',
  is_demo: true,
}

const api = vi.hoisted(() => ({
  dashboard: vi.fn(),
  school: vi.fn(),
  saveSchool: vi.fn(),
  gradeStages: vi.fn(),
  duties: vi.fn(),
  saveDuties: vi.fn(),
}))
vi.mock('../api', () => ({ api }))

import DashboardScreen from '../screens/DashboardScreen.vue'
import SettingsScreen from '../screens/SettingsScreen.vue'

beforeEach(() => {
  vi.clearAllMocks()
})

describe('DashboardScreen', () => {
  it('shows a school name with markup as text, never as HTML', async () => {
    const dto: DashboardDto = {
      school,
      counts: [{ label: '操作人', value: 3 }],
      schema_version: 1,
      db_path: '/tmp/g.sqlite3',
      calendar_warning: null,
      backup_last: '2026-12-01 08:00（/tmp/公示备份/公示备份-20261201-080000.sqlite3）',
      backup_warnings: [],
    }
    api.dashboard.mockResolvedValue(dto)
    const wrapper = mount(DashboardScreen, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-test="dashboard-school"]').text()).toBe(school.name)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('[data-test="calendar-warning"]').exists()).toBe(false)
    // A school with no calendar warning is still a school with its name.
    expect(wrapper.find('[data-test="no-school"]').exists()).toBe(false)
  })

  it('says when next year\'s holidays are missing, as the Rust side words it', async () => {
    const warning = '工作日历还没有2027年的节假日安排：跨入2027年的公示期会被拒绝。'
    api.dashboard.mockResolvedValue({ school, counts: [], schema_version: 6, db_path: '/tmp/g.sqlite3', calendar_warning: warning, backup_last: null, backup_warnings: ['还没有任何备份。'] })
    const wrapper = mount(DashboardScreen, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-test="calendar-warning"]').text()).toContain(warning)
    // No backup yet: said, and the last backup reads 还没有.
    expect(wrapper.get('[data-test="backup-warning"]').text()).toContain('还没有任何备份')
    expect(wrapper.get('[data-test="backup-last"]').text()).toContain('还没有')
    expect(wrapper.get('[data-test="dashboard-school"]').text()).toBe(school.name)
    expect(wrapper.find('[data-test="no-school"]').exists()).toBe(false)
  })
})

describe('SettingsScreen', () => {
  it('sends the hotlines as typed (the core splits them) and shows the Rust message naming the field', async () => {
    api.school.mockResolvedValue(school)
    api.gradeStages.mockResolvedValue(['小学', '初中'])
    api.duties.mockResolvedValue({ leading: [], working: [], supervision: [], relaxed: false })
    api.saveSchool.mockRejectedValue({ code: 'invalid', message: '办公室电话：“abc”不是电话号码' })
    const wrapper = mount(SettingsScreen, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    await wrapper.get('input[data-test="school-office_phone"]').setValue('abc')
    await wrapper.get('input[data-test="school-hotlines"]').setValue('12345，12315')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.saveSchool).toHaveBeenCalledWith(
      expect.objectContaining({ office_phone: 'abc', hotlines: '12345，12315', grades: '小学' }),
    )
    expect(wrapper.get('[data-test="settings-error"]').text()).toContain('办公室电话')
  })
})
