// The faces the app shows, shipped with it so the screen reads in Chinese on
// a machine without Chinese system fonts:
// - the interface: Noto Sans SC (variable, woff2 in unicode-range slices, so
//   only the slices a screen uses are loaded), bundled into ui/dist;
// - the sheet previews: the printer's own Noto Serif SC faces, served by the
//   Rust side from the bytes it sets the PDFs with (scheme `gongshi-font`),
//   so the preview is the sheet.
// System fonts come after them only as a fallback.
import '@fontsource-variable/noto-sans-sc'
import { convertFileSrc } from '@tauri-apps/api/core'

export const INTERFACE_FAMILY = 'Noto Sans SC Variable'
export const SHEET_FAMILY = 'Gongshi Sheet'

/** The sheet faces: body (400) and titles (900), as the printer sets them. */
const SHEET_FACES = [
  { file: 'song.ttf', weight: '400' },
  { file: 'song-heavy.ttf', weight: '900' },
]

/** Adds the sheet faces to the document; they load when first used. */
export function registerSheetFaces(fonts: FontFaceSet = document.fonts) {
  for (const { file, weight } of SHEET_FACES) {
    const url = convertFileSrc(file, 'gongshi-font')
    fonts.add(new FontFace(SHEET_FAMILY, `url("${url}") format("truetype")`, { weight, display: 'block' }))
  }
}
