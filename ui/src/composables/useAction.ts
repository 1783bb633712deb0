import { ref } from 'vue'
import type { ApiError } from '../api'

/**
 * A button's call to the Rust side: `busy` while it runs, `error` holds the
 * Chinese message if it was refused. `run` resolves to the result, or to
 * undefined when it failed.
 */
export function useAction() {
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await action()
    } catch (e) {
      error.value = (e as ApiError).message
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
