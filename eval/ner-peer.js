#!/usr/bin/env node
// eval/ner-peer.js — the peer for eval/ner.sh: compromise's (eval/package.json pins the
// version) people, places and organizations as IOB2 tags on a CoNLL-2003 file.
//
//   node eval/ner-peer.js eng.testa > pred.txt
//
// Prints every input line with a predicted tag appended as one more column (B-PER/I-PER
// for people, B-LOC/I-LOC for places, B-ORG/I-ORG for organizations, O otherwise;
// compromise has no MISC), blank lines kept, -DOCSTART- lines tagged O. Each sentence
// (the lines between blank lines) is tagged on its own: its tokens are joined with single
// spaces, compromise reads that text, and each match's character range (from its first
// term's start to its last term's end, so the punctuation compromise keeps beside a word
// stays out) is mapped to the tokens whose ranges overlap it. Where matches overlap, the
// one covering more tokens wins, then the one starting first, then PER over ORG over LOC;
// a match that overlaps a winner is dropped whole. Output is deterministic.
//
// stderr: "tokens N seconds S tokens_per_s R", timing only the tagging (compromise,
// the matches and their mapping to tags), not loading compromise, reading the file, one
// warm-up sentence, or printing.
'use strict'
const fs = require('fs')
const nlp = require('compromise')

const KINDS = [
  ['PER', doc => doc.people()],
  ['ORG', doc => doc.organizations()],
  ['LOC', doc => doc.places()],
]
const PRIORITY = { PER: 0, ORG: 1, LOC: 2 }

// tagSentence(words) -> array of IOB2 tags, one per word
function tagSentence(words) {
  const starts = new Array(words.length)
  let text = ''
  for (let i = 0; i < words.length; i++) {
    if (i > 0) text += ' '
    starts[i] = text.length
    text += words[i]
  }
  const doc = nlp(text)
  const spans = [] // {first, last, type}: token indices, inclusive
  for (const [type, select] of KINDS) {
    for (const m of select(doc).json({ offset: true, terms: true, text: false })) {
      let s = Infinity
      let e = -Infinity
      for (const t of m.terms) {
        if (!t.offset || t.offset.length === 0) continue // implicit terms (contractions)
        s = Math.min(s, t.offset.start)
        e = Math.max(e, t.offset.start + t.offset.length)
      }
      if (!(s < e)) continue
      let first = -1
      let last = -1
      for (let i = 0; i < words.length; i++) {
        const ts = starts[i]
        const te = ts + words[i].length
        if (ts < e && s < te) {
          if (first < 0) first = i
          last = i
        }
      }
      if (first >= 0) spans.push({ first, last, type })
    }
  }
  spans.sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) || a.first - b.first || PRIORITY[a.type] - PRIORITY[b.type]
  )
  const tags = new Array(words.length).fill('O')
  for (const sp of spans) {
    let free = true
    for (let i = sp.first; i <= sp.last; i++) if (tags[i] !== 'O') free = false
    if (!free) continue
    tags[sp.first] = 'B-' + sp.type
    for (let i = sp.first + 1; i <= sp.last; i++) tags[i] = 'I-' + sp.type
  }
  return tags
}

function main() {
  const file = process.argv[2]
  if (!file || process.argv.length > 3) {
    process.stderr.write('usage: node eval/ner-peer.js FILE.conll > predicted\n')
    process.exit(2)
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  if (lines.length && lines[lines.length - 1] === '') lines.pop()

  // sentences: runs of non-blank lines that are not -DOCSTART-
  const sentences = [] // [firstLine, endLine)
  for (let i = 0; i < lines.length; ) {
    if (lines[i].trim() === '' || lines[i].startsWith('-DOCSTART-')) {
      i++
      continue
    }
    let j = i
    while (j < lines.length && lines[j].trim() !== '' && !lines[j].startsWith('-DOCSTART-')) j++
    sentences.push([i, j])
    i = j
  }
  const words = sentences.map(([a, b]) => lines.slice(a, b).map(l => l.trim().split(/\s+/)[0]))

  tagSentence(['Warm', 'up', 'in', 'London', '.'])
  const tags = new Array(sentences.length)
  let ntokens = 0
  const t0 = process.hrtime.bigint()
  for (let k = 0; k < sentences.length; k++) {
    tags[k] = tagSentence(words[k])
    ntokens += words[k].length
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9

  const out = lines.map(l => (l.trim() === '' ? '' : l + ' O'))
  sentences.forEach(([a], k) => {
    tags[k].forEach((tag, i) => {
      out[a + i] = lines[a + i] + ' ' + tag
    })
  })
  fs.writeFileSync(1, out.join('\n') + '\n')
  process.stderr.write(
    `tokens ${ntokens} seconds ${seconds.toFixed(3)} tokens_per_s ${Math.round(ntokens / seconds)}\n`
  )
}

main()
