import { t } from './messages'

// The areas of the app, in the order of the side navigation. An area with
// `ready: false` is announced but not built yet.
export type AreaId =
  | 'dashboard'
  | 'board'
  | 'items'
  | 'fees'
  | 'evaluations'
  | 'feedback'
  | 'meetings'
  | 'register'
  | 'settings'

export interface Area {
  id: AreaId
  label: string
  ready: boolean
}

export const areas: Area[] = [
  { id: 'dashboard', label: t.nav.dashboard, ready: true },
  { id: 'board', label: t.nav.board, ready: true },
  { id: 'items', label: t.nav.items, ready: true },
  { id: 'fees', label: t.nav.fees, ready: true },
  { id: 'evaluations', label: t.nav.evaluations, ready: true },
  { id: 'feedback', label: t.nav.feedback, ready: true },
  { id: 'meetings', label: t.nav.meetings, ready: true },
  { id: 'register', label: t.nav.register, ready: true },
  { id: 'settings', label: t.nav.settings, ready: true },
]
