// A `.map` that becomes `(await Promise.all(…))` at the start of a statement, after a line with no
// semicolon: without a leading `;`, `let total = 0` would go on as `0(await …)`, a call of 0.
import { readFile } from 'node:fs/promises'

export async function totalSize(files) {
  let total = 0
  ;(await Promise.all(files.map(async (file) => await readFile(file)))).forEach((buffer) => { total += buffer.length })
  return total
}
