import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import CalendarMonths from '../components/CalendarMonths.vue'

describe('CalendarMonths', () => {
  it('lays each month with a listed day on its week grid, off days and make-up days marked', () => {
    const wrapper = mount(CalendarMonths, {
      props: {
        days: [
          { date: '2027-02-05', name: '春节', off: true },
          { date: '2027-02-14', name: '春节', off: false },
          { date: '2027-10-01', name: '国庆节', off: true },
        ],
      },
    })
    const months = wrapper.findAll('.month')
    expect(months.map((m) => m.get('h4').text())).toEqual(['2027年2月', '2027年10月'])
    // 2027-02-01 is a Monday: no blank cells before it; 2027-10-01 a Friday: four.
    const lead = (month: number) => months[month].findAll('.grid > span:not(.head)').findIndex((c) => c.find('b').exists() && c.get('b').text() === '1')
    expect(lead(0)).toBe(0)
    expect(lead(1)).toBe(4)
    expect(wrapper.get('[data-test="day-2027-02-05"]').classes()).toContain('off')
    expect(wrapper.get('[data-test="day-2027-02-14"]').text()).toContain('班 春节')
    expect(wrapper.get('[data-test="day-2027-02-14"]').classes()).toContain('work')
  })
})
