// Reads EDTF strings, one per line, on standard input and writes one JSON object per line:
//   {"input": "...", "ok": true, "type": "Date", "level": 1, "min": "yyyy-mm-dd" | null, "max": ... }
//   {"input": "...", "ok": false, "error": "..."}
// The parser is restricted to EDTF level 1 (ISO 8601-2 levels 0 and 1), which is what ClaimLang accepts.
// min/max are the UTC calendar days of the library's first and last millisecond, written yyyy-mm-dd
// (a minus sign for years before 0000, a plus sign and more digits after 9999, as ClaimLang writes them);
// an open end ("..") is reported as "-inf"/"+inf", an unknown end (empty) as null, and a value the
// library cannot place in time as "NaN".
import edtf, { parse } from 'edtf'
import { createInterface } from 'node:readline'

const MS_PER_DAY = 86400000

function day(ms) {
  if (ms === null || ms === undefined) return null
  if (ms === Infinity) return '+inf'
  if (ms === -Infinity) return '-inf'
  if (typeof ms !== 'number' || Number.isNaN(ms)) return 'NaN'
  // Days since 1970-01-01 (UTC), then a proleptic Gregorian civil date with astronomical years.
  return civil(Math.floor(ms / MS_PER_DAY))
}

function civil(days) {
  // Howard Hinnant's days-to-civil algorithm, written out for any integer day count.
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const sign = y < 0 ? '-' : y > 9999 ? '+' : ''
  const ay = Math.abs(y)
  return sign + String(ay).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0')
}

function evaluate(input) {
  try {
    const parsed = parse(input, { level: 1 })
    const value = edtf(parsed)
    return { input, ok: true, type: value.type, level: parsed.level, min: day(value.min), max: day(value.max) }
  } catch (error) {
    return { input, ok: false, error: String(error && error.message || error).split("\n")[0] }
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  process.stdout.write(JSON.stringify(evaluate(line)) + '\n')
}
