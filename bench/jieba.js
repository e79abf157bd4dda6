// The peer for the analyzer benchmark: @node-rs/jieba (Rust jieba behind
// N-API) cutting the same text, line by line, as the Go analyzer does.
//
//   node jieba.js speed FILE     prints MB per CPU second of cut and cutForSearch (no HMM)
//   node jieba.js seg FILE       prints each line cut into space-separated words
'use strict'
const fs = require('fs')
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')

const [mode, file] = process.argv.slice(2)
if (!file || (mode !== 'speed' && mode !== 'seg')) {
  console.error('usage: node jieba.js speed|seg FILE')
  process.exit(2)
}
const jieba = Jieba.withDict(dict)
const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
const lines = text.split(/\r?\n/)

if (mode === 'seg') {
  const out = lines.map((l) => jieba.cut(l, false).filter((w) => w.trim() !== '').join(' '))
  process.stdout.write(out.join('\n'))
  process.exit(0)
}

const bytes = Buffer.byteLength(text, 'utf8')
function rate(fn) {
  for (const l of lines.slice(0, 2000)) fn(l) // warm up
  let best = 0
  for (let round = 0; round < 3; round++) {
    // CPU time, not wall time: the machine is shared (see analyzer/main.go).
    const t0 = process.cpuUsage()
    let n = 0
    for (const l of lines) n += fn(l).length
    const u = process.cpuUsage(t0)
    const s = (u.user + u.system) / 1e6
    best = Math.max(best, bytes / 1e6 / s)
  }
  return best
}
const cut = rate((l) => jieba.cut(l, false))
const search = rate((l) => jieba.cutForSearch(l, false))
console.log(JSON.stringify({ bytes, cut_mbs: +cut.toFixed(2), cut_for_search_mbs: +search.toFixed(2) }))
