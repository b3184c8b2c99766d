#!/usr/bin/env node
// eval/lexrank-peer.js — the LexRank peers for eval/multinews.sh: extractive summaries of
// each cluster's sentences, as given (split by `storyfold extract`, so every system of
// the evaluation sees the same sentences), within a word budget.
//
//   node eval/lexrank-peer.js SENTENCES.tsv WORDS NPM_OUTDIR ER_OUTDIR
//
// SENTENCES.tsv lines: CLUSTER<TAB>DOC<TAB>SENTENCE<TAB>TEXT, clusters contiguous. Writes
// one file per cluster into each OUTDIR, one sentence a line, for two LexRank variants:
//  - NPM_OUTDIR: the npm package `lexrank` (version pinned in eval/package.json), its own
//    graph and ranking: Tanimoto similarity of lowercased Treebank tokens (punctuation
//    and stopwords included, no idf), every edge kept (no threshold), rows L2-normalized,
//    10 power iterations without damping. Its summarize() splits raw text with the
//    `sentence-tokenizer` package; that splitter is replaced here (its prototype is
//    patched) so that the package ranks exactly the given sentences.
//  - ER_OUTDIR: LexRank as Erkan & Radev (2004) define it, implemented here: idf-modified
//    cosine of the sentences' term-frequency vectors (terms: lowercased runs of [a-z0-9];
//    idf = log(N / df) over all N documents of the input), edges where it is >= 0.1
//    (threshold LexRank, unweighted, degree-normalized), PageRank with jump probability
//    d = 0.15, power iteration until the L1 change is below 1e-7.
// Selection (both): sentences in rank order, an exact repeat of a chosen sentence skipped
// (case and spacing folded), until WORDS whitespace-separated words are reached; the last
// one may go past the budget (the scorer cuts at WORDS, as ROUGE -l). Files list the
// sentences in rank order. No reranker (MEAD's CSIS is not part of either).
// stderr: "seconds npm S" and "seconds er S": ranking and selection time of each variant,
// reading and writing excluded.
'use strict'
const fs = require('fs')
const path = require('path')

const [, , inFile, wordsArg, npmDir, erDir] = process.argv
const WORDS = parseInt(wordsArg, 10)
if (!inFile || !(WORDS > 0) || !npmDir || !erDir) {
  process.stderr.write('usage: node eval/lexrank-peer.js SENTENCES.tsv WORDS NPM_OUTDIR ER_OUTDIR\n')
  process.exit(2)
}

// clusters: [{id, sents: [{doc, text}]}] in input order
const clusters = []
const byId = new Map()
for (const line of fs.readFileSync(inFile, 'utf8').split('\n')) {
  if (!line) continue
  const f = line.split('\t')
  if (f.length < 4 || !f[3]) continue
  let c = byId.get(f[0])
  if (!c) {
    c = { id: f[0], sents: [] }
    byId.set(f[0], c)
    clusters.push(c)
  }
  c.sents.push({ doc: f[1], text: f.slice(3).join(' ') })
}

const nwords = s => s.split(/\s+/).filter(Boolean).length
const fold = s => s.toLowerCase().replace(/\s+/g, ' ').trim()

// ranked: sentence indices best first -> the chosen texts
function select(sents, ranked) {
  const out = []
  const seen = new Set()
  let used = 0
  for (const i of ranked) {
    if (used >= WORDS) break
    const key = fold(sents[i].text)
    if (seen.has(key)) continue
    seen.add(key)
    out.push(sents[i].text)
    used += nwords(sents[i].text)
  }
  return out
}

// --- the npm package, ranking the given sentences ---
function npmVariant() {
  const lexrankMain = require.resolve('lexrank')
  const tokPath = require.resolve('sentence-tokenizer', { paths: [path.dirname(lexrankMain)] })
  const Tokenizer = require(tokPath)
  let current = []
  Tokenizer.prototype.setEntry = function () {}
  Tokenizer.prototype.getSentences = function () {
    return current.slice()
  }
  const lexrank = require('lexrank')
  const result = new Map()
  const t0 = process.hrtime.bigint()
  for (const c of clusters) {
    current = c.sents.map(s => s.text)
    let ranked = null
    // summarize() is synchronous: it calls back before it returns
    lexrank.summarize(current.join(' '), current.length, (err, top) => {
      if (err) throw err
      // top: the package's sentences sorted back to input order; rank by its weight
      ranked = top
        .slice()
        .sort((a, b) => b.weight - a.weight || a.index - b.index)
        .map(t => t.index)
    })
    if (!ranked) throw new Error('lexrank.summarize did not call back synchronously')
    result.set(c.id, select(c.sents, ranked))
  }
  return { result, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }
}

// --- Erkan & Radev (2004), threshold LexRank ---
const terms = s => s.toLowerCase().match(/[a-z0-9]+/g) || []

function erVariant() {
  const t0 = process.hrtime.bigint()
  // idf over the input's documents
  const df = new Map()
  let ndocs = 0
  for (const c of clusters) {
    const docTerms = new Map()
    for (const s of c.sents) {
      if (!docTerms.has(s.doc)) docTerms.set(s.doc, new Set())
      for (const w of terms(s.text)) docTerms.get(s.doc).add(w)
    }
    for (const set of docTerms.values()) {
      ndocs++
      for (const w of set) df.set(w, (df.get(w) || 0) + 1)
    }
  }
  const idf = w => Math.log(ndocs / (df.get(w) || 1))
  const result = new Map()
  for (const c of clusters) {
    const n = c.sents.length
    const tf = c.sents.map(s => {
      const m = new Map()
      for (const w of terms(s.text)) m.set(w, (m.get(w) || 0) + 1)
      return m
    })
    const norm = tf.map(m => {
      let x = 0
      for (const [w, k] of m) x += (k * idf(w)) ** 2
      return Math.sqrt(x)
    })
    const adj = Array.from({ length: n }, () => [])
    for (let i = 0; i < n; i++) {
      adj[i].push(i) // cosine of a sentence with itself is 1 (0 for one without terms)
      for (let j = i + 1; j < n; j++) {
        if (!norm[i] || !norm[j]) continue
        const [a, b] = tf[i].size <= tf[j].size ? [tf[i], tf[j]] : [tf[j], tf[i]]
        let dot = 0
        for (const [w, k] of a) {
          const k2 = b.get(w)
          if (k2) dot += k * k2 * idf(w) ** 2
        }
        if (dot / (norm[i] * norm[j]) >= 0.1) {
          adj[i].push(j)
          adj[j].push(i)
        }
      }
    }
    const d = 0.15
    let p = new Array(n).fill(1 / n)
    for (let it = 0; it < 1000; it++) {
      const q = new Array(n).fill(d / n)
      for (let v = 0; v < n; v++) {
        const share = ((1 - d) * p[v]) / adj[v].length
        for (const u of adj[v]) q[u] += share
      }
      let delta = 0
      for (let i = 0; i < n; i++) delta += Math.abs(q[i] - p[i])
      p = q
      if (delta < 1e-7) break
    }
    const ranked = p.map((x, i) => i).sort((a, b) => p[b] - p[a] || a - b)
    result.set(c.id, select(c.sents, ranked))
  }
  return { result, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }
}

function write(dir, result) {
  fs.mkdirSync(dir, { recursive: true })
  for (const [id, lines] of result) fs.writeFileSync(path.join(dir, id), lines.map(l => l + '\n').join(''))
}

let status = 0
for (const [name, dir, fn] of [['npm', npmDir, npmVariant], ['er', erDir, erVariant]]) {
  try {
    const { result, seconds } = fn()
    write(dir, result)
    process.stderr.write(`seconds ${name} ${seconds.toFixed(2)}\n`)
  } catch (e) {
    process.stderr.write(`failed ${name}: ${String(e && e.message ? e.message : e).split('\n')[0]}\n`)
    status = 1
  }
}
process.exit(status)
