// A `.map` that becomes `(await Promise.all(…))` at the start of a statement, after a line with no
// semicolon: without a leading `;`, `let total = 0` would go on as `0(await …)`, a call of 0.
import fs from 'node:fs'

export async function totalSize(files) {
  let total = 0
  files.map((file) => fs.readFileSync(file)).forEach((buffer) => { total += buffer.length })
  return total
}
