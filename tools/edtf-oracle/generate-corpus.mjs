// Writes the corpus of EDTF strings that tests/ClaimLang.Runtime.Tests/Dates/EdtfOracleTests.cs runs through
// both ClaimLang's parser and the edtf library (oracle.mjs). Regenerate with:
//   node tools/edtf-oracle/generate-corpus.mjs > tests/ClaimLang.Runtime.Tests/Dates/edtf-corpus.txt
// Lines starting with '#' are comments and blank lines separate sections; every other line is one input,
// taken exactly as written (no trimming).
const out = []
const section = title => out.push('', `# ${title}`)
const add = (...values) => out.push(...values)
const pad2 = n => String(n).padStart(2, '0')

section('years')
add('2017', '2016', '1900', '2000', '0000', '0001', '0099', '0999', '9999', '-0001', '-0044', '-1985', '-9999')
add('17', '201', '12345', '20170', '-17', '-0000', '-', '2O17', 'x2017')

section('year-month, every month number from 00 to 14, some years')
for (const year of ['2016', '2017', '1900', '2000'])
  for (let month = 0; month <= 14; month++) add(`${year}-${pad2(month)}`)
add('0000-02', '-0001-02', '-0004-02', '-0100-12', '2017-1', '2017-001', '2017-', '2017--01', '2017-1-', '17-01')

section('year-month-day, the last days of every month, some years')
for (const year of ['2016', '2017', '1900', '2000'])
  for (let month = 1; month <= 12; month++)
    for (const day of [1, 28, 29, 30, 31]) add(`${year}-${pad2(month)}-${pad2(day)}`)
add('2017-01-00', '2017-01-32', '2017-13-01', '2017-00-01', '0004-02-29', '-0004-02-29', '-0400-02-29', '-0044-03-15')
add('2017-1-28', '2017-01-1', '2017-01-028', '20170128', '2017/01/28', '2017-01-28-', '28-01-2017')

section('qualifiers')
for (const base of ['2017', '2017-01', '2017-01-28', '-0044', '2016-02-29', '0000'])
  for (const q of ['?', '~', '%']) add(base + q)
add('2017??', '2017?~', '2017~%', '?2017', '~2017', '2017?-01', '2017-01?-28', '2017-?01', '2017-01-28?T07:00')

section('unspecified digits')
add('201X', '20XX', 'XXXX', '2XXX', '2X1X', 'X017', '201x', '-201X', '-20XX', '-XXXX', '000X', '00XX', '-000X')
add('2017-XX', '2017-01-XX', '2017-02-XX', '2016-02-XX', '1900-02-XX', '2000-02-XX', '2017-04-XX', '2017-12-XX')
add('2017-XX-XX', 'XXXX-XX', 'XXXX-XX-XX', '-2017-XX', '-2017-02-XX', '-2017-XX-XX', '0000-XX', '-0000-XX')
add('201X-XX', '201X-01', '20XX-XX', 'XXXX-12', 'XXXX-XX-01', '2017-XX-28', '2017-0X', '2017-1X', '2017-X1')
add('2017-01-2X', '2017-01-X1', '2017-01-3X', '2017-xx', '201X?', '2017-XX~', '2017-01-XX%', '2017-01-XXT07:00')

section('seasons')
for (let season = 19; season <= 26; season++) add(`2017-${season}`)
add('2016-24', '2015-24', '0000-21', '-0001-24', '1900-24', '2017-40', '2017-41', '2017-42')
add('2017-21?', '2017-22~', '2017-23%', '201X-21', 'XXXX-21', '2017-21-01', '2017-21/2017-22', '2017-21/..', '2016/2017-22')

section('date and time: every kind of UTC offset, at times where the UTC day is the day as written')
const zones = ['', 'Z', '+00:00', '+00', '+03:00', '+03', '+0300', '+05:30', '-05:00', '-05', '-0500', '-00:30',
  '+14:30', '+15:00', '-12:30', '-13', '-00:00', '-00', '+03:60', '+3', '+03:0', 'z']
for (const time of ['11:23', '11:23:05', '11:23:05.5', '12:00:00.123456'])
  for (const zone of zones) add(`2017-01-28T${time}${zone}`)
add('2017-01-28T14:30+14:00', '2017-01-28T14:30+1400', '2017-01-28T14:30+14', '2017-01-28T11:00-12:00', '2017-01-28T11:00-12')
add('2017-01-28T13:00+12:45', '2017-01-28T23:00+13:00', '2017-01-28T11:00-11:59')

section('date and time: edge times')
for (const time of ['00:00', '00:00:00', '23:59', '23:59:59', '23:59:59.999', '24:00:01',
  '25:00', '07:60', '07:23:60', '07:23:61', '7:23', '07:3', '07', '07:', '07:23:', '07:23:5', '07:23:05.', '0723'])
  for (const zone of ['', 'Z']) add(`2017-01-28T${time}${zone}`)
add('2017-01-28T', '2017-01-28t07:23', '2017-01-28 07:23', '2017-01T07:23', '2017T07:23', '2017-02-29T07:23',
  '2017-01-28T07:23:00Z?', '2017-01-28T07:23~', '2016-02-29T23:59:59Z', '2017-01-28T24:00', '2017-01-28T24:00:00Z')

section('date and time whose UTC day differs from the day as written')
add('2017-01-28T01:23+03:00', '2017-01-28T23:30-02:00', '2017-12-31T23:30-02:00', '2017-01-28T00:00+14:00')

section('intervals: every pairing of a start in 2016 with an end in 2017')
const starts = ['2016', '2016-05', '2016-05-15', '2016?', '2016-05~', '2016-05-15%', '2016-05-15T10:00Z', '-0044', '..', '']
const ends = ['2017', '2017-02', '2017-02-20', '2017~', '2017-02?', '2017-02-20%', '2017-02-20T08:00+03:00', '..', '']
for (const start of starts)
  for (const end of ends) add(`${start}/${end}`)

section('intervals: the same ends the wrong way round')
const early = ['2016', '2016-05', '2016-05-15', '2016?', '2016-05-15T10:00Z']
const late = ['2017', '2017-02', '2017-02-20~', '2017-02-20T08:00+03:00']
for (const start of late)
  for (const end of early) add(`${start}/${end}`)

section('intervals: edge cases')
add('2017-01-23/2017-01-27', '2017-01-27/2017-01-23', '2017-01/2016', '2017-01-28/2017-01-29', '2004-06~/2004-06-11%',
  '2017-01-29T01:00+03:00/2017-01-28', '2017-01-30T01:00+03:00/2017-01-28', '2017-01-28T10:00/2017-01-28T09:00')
add('2017-01-28T07:00:00Z/2017-01-28T07:00:01Z', '2017-01-28T07:00:01Z/2017-01-28T07:00:00Z',
  '2017-01-28T10:00Z/2017-01-28T12:00+03:00', '2017-01-28T10:00Z/2017-01-28T14:00+03:00')
add('2017-02-30/2018', '2016/2017-13', '2017-01-28T25:00/2018', '2017-XX/2018', '2016/201X', 'Y12345/2017', '2016/Y12345')
add('2017/2018/2019', '2017//2018', '2017/...', '2017/.', '../2017/', '..2017', '2017..', '..')
add('2017/2017', '2017-05/2017', '2017/2017-05', '2017-01-28/2017-01-28', '2017-01-31/2017-01', '2017-01-28T07:00Z/2017-01-28')

section('long years')
add('Y10000', 'Y12345', 'Y170000', 'Y-170000', 'Y-12345', 'Y270000', 'Y99999')
add('Y2017', 'Y1234', 'Y012345', 'Y-012345', 'Y', 'Y-', 'Y12345?', 'Y12345-01', 'Y1234X', 'y12345')

section('other characters')
add('2017_01', '2017-01_28', '2017.01.28', '2017-01-28Z', '+2017', '2017-01-28T07:23:00+03:00/..', 'T07:23')

if (out.some((line, i) => line !== line.trim() || (line === '' && out[i + 1]?.startsWith('#') !== true)))
  throw new Error('corpus lines may not be empty or have surrounding white space')
process.stdout.write(out.slice(1).join('\n') + '\n')
