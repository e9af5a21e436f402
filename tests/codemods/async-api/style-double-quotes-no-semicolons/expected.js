import { readFile } from "fs/promises"
import express from "express"

const app = express()
const files = ["a.txt", "b.txt"]

app.get("/size", async (req, res) => {
  const first = files[0]
  ;(await readFile(first)).length
  ;[1, 2].forEach((n) => console.log(n))
  res.send(String((await readFile(first)).length + (await readFile(files[1])).byteLength))
})

export default app
