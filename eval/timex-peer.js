#!/usr/bin/env node
// eval/timex-peer.js — the peer for eval/timex.sh: chrono-node's (eval/package.json pins the
// version) dates and times, as TIMEX3 expressions, on plain-text articles.
//
//   node eval/timex-peer.js DIR > pred.jsonl
//
// Each DIR/*.txt (in name order) is a "date: YYYY-MM-DD" line, a blank line and the body;
// chrono parses the body with that date (noon UTC) as its reference. Prints one JSON object
// a file, as `storyfold extract` does: {"path", "timexes":[{"start","end","type","value",
// "text"}]}, offsets in bytes into the body. chrono gives dates and times only (no
// durations, sets or vague references), so each result maps to a DATE, or a TIME when its
// hour is known; the value keeps the components chrono knows (not the ones it implies):
// a day or weekday known -> YYYY-MM-DD (the day chrono resolved), else a month -> YYYY-MM,
// else a year -> YYYY; a known hour adds THH:MM. A range ("from May to July") is one
// expression valued by its start.
//
// stderr: "docs N seconds S" timing the parsing and mapping only (not loading chrono,
// reading files or printing).
'use strict'
process.env.TZ = 'UTC'
const fs = require('fs')
const path = require('path')
const chrono = require('chrono-node')

const pad = (n, w) => String(n).padStart(w, '0')

function toTimex(r, body) {
  const s = r.start
  const known = k => s.isCertain(k)
  let value = ''
  if (known('day') || known('weekday'))
    value = `${pad(s.get('year'), 4)}-${pad(s.get('month'), 2)}-${pad(s.get('day'), 2)}`
  else if (known('month')) value = `${pad(s.get('year'), 4)}-${pad(s.get('month'), 2)}`
  else if (known('year')) value = pad(s.get('year'), 4)
  let type = 'DATE'
  if (known('hour')) {
    type = 'TIME'
    if (!value)
      value = `${pad(s.get('year'), 4)}-${pad(s.get('month'), 2)}-${pad(s.get('day'), 2)}`
    value += `T${pad(s.get('hour'), 2)}:${pad(s.get('minute') || 0, 2)}`
  }
  const start = Buffer.byteLength(body.slice(0, r.index))
  return { start, end: start + Buffer.byteLength(r.text), type, value, text: r.text }
}

function main() {
  const dir = process.argv[2]
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.txt')).sort()
  const docs = files.map(f => {
    const raw = fs.readFileSync(path.join(dir, f), 'utf8')
    const m = /^date: (\d{4})-(\d\d)-(\d\d)\n\n/.exec(raw)
    const ref = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : new Date()
    return { path: path.join(dir, f), body: m ? raw.slice(m[0].length) : raw, ref }
  })
  const out = []
  const t0 = process.hrtime.bigint()
  for (const d of docs) {
    const res = chrono.parse(d.body, d.ref)
    out.push({ path: d.path, timexes: res.map(r => toTimex(r, d.body)) })
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  for (const o of out) process.stdout.write(JSON.stringify(o) + '\n')
  process.stderr.write(`docs ${docs.length} seconds ${secs.toFixed(3)}\n`)
}

main()
