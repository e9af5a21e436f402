import { readFileSync } from "fs"
import express from "express"

const app = express()
const files = ["a.txt", "b.txt"]

app.get("/size", async (req, res) => {
  const first = files[0]
  readFileSync(first).length
  ;[1, 2].forEach((n) => console.log(n))
  res.send(String(readFileSync(first).length + readFileSync(files[1]).byteLength))
})

export default app
