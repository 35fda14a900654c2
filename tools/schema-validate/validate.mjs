#!/usr/bin/env node
// Validates JSON and JSON Lines files against a JSON Schema with ajv.
//
//   node validate.mjs [--ref <schema file or folder>]... [--lines] [--quiet] <schema> <file>...
//
// * The schema's dialect comes from its "$schema": draft 2020-12 (also the default when absent),
//   2019-09, draft-07, draft-06 or draft-04.
// * Other schemas that "$ref" points to are loaded from --ref (a file, or every *.json under a folder) and
//   from the *.json files next to the main schema that use the same dialect. A schema without an id gets
//   its file URL as id, so relative references between files resolve.
// * A file ending in .jsonl or .ndjson (or any file with --lines) is validated line by line; blank lines are
//   skipped. Any other file is one JSON document.
// * Formats (date, date-time, uri, ...) are checked (ajv-formats).
//
// Exit codes: 0 every file is valid; 1 some file is invalid or not JSON; 2 bad usage, unreadable schema or
// unreadable file.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

class UsageError extends Error {}

function usage(message) {
  if (message) console.error(`error: ${message}`);
  console.error('usage: node validate.mjs [--ref <schema file or folder>]... [--lines] [--quiet] <schema> <file>...');
  process.exit(2);
}

function parseArguments(argv) {
  const options = { refs: [], lines: false, quiet: false, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--ref' || argument === '-r') {
      if (i + 1 >= argv.length) usage(`${argument} needs a file or folder`);
      options.refs.push(argv[++i]);
    } else if (argument === '--lines') {
      options.lines = true;
    } else if (argument === '--quiet' || argument === '-q') {
      options.quiet = true;
    } else if (argument === '--help' || argument === '-h') {
      usage();
    } else if (argument.startsWith('-') && argument !== '-') {
      usage(`unknown option ${argument}`);
    } else {
      options.positional.push(argument);
    }
  }
  if (options.positional.length < 2) usage('give a schema and at least one file');
  return options;
}

function dialectOf(schema) {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (uri.includes('draft-04')) return 'draft-04';
  if (uri.includes('draft-06')) return 'draft-06';
  if (uri.includes('draft-07')) return 'draft-07';
  if (uri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

function createAjv(dialect) {
  const options = { allErrors: true, strict: false, validateFormats: true };
  let ajv;
  switch (dialect) {
    case 'draft-04':
      ajv = new AjvDraft04(options);
      break;
    case 'draft-06':
      ajv = new Ajv(options);
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
      break;
    case 'draft-07':
      ajv = new Ajv(options);
      break;
    case '2019-09':
      ajv = new Ajv2019(options);
      break;
    default:
      ajv = new Ajv2020(options);
      break;
  }
  addFormats(ajv);
  return ajv;
}

function readJson(file, what) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error.message}`);
  }
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    throw new UsageError(`${what} ${file} is not JSON: ${error.message}`);
  }
}

function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Gives a schema without an id its file URL as id, so that relative $refs between files resolve. */
function withId(schema, file, dialect) {
  const key = dialect === 'draft-04' ? 'id' : '$id';
  if (typeof schema[key] !== 'string') {
    schema[key] = pathToFileURL(path.resolve(file)).href;
  }
  return schema[key];
}

function schemaFilesIn(target) {
  let stats;
  try {
    stats = statSync(target);
  } catch (error) {
    throw new UsageError(`cannot read ${target}: ${error.message}`);
  }
  if (!stats.isDirectory()) return [target];
  const files = [];
  const pending = [target];
  while (pending.length > 0) {
    const folder = pending.pop();
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
    }
  }
  return files;
}

function loadReferences(ajv, mainFile, mainId, dialect, refs) {
  const seen = new Set([path.resolve(mainFile)]);
  const ids = new Set([mainId]);
  const add = (file, required) => {
    const full = path.resolve(file);
    if (seen.has(full)) return;
    seen.add(full);
    let schema;
    try {
      schema = readJson(file, 'schema');
    } catch (error) {
      if (required) throw error;
      return;
    }
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      if (required) throw new UsageError(`schema ${file} is not a JSON object`);
      return;
    }
    if (dialectOf(schema) !== dialect) {
      if (required) throw new UsageError(`schema ${file} uses ${dialectOf(schema)}, the main schema ${dialect}`);
      return;
    }
    if (!required && schema.$schema === undefined) return;
    const id = withId(schema, file, dialect);
    if (ids.has(id)) return;
    ids.add(id);
    ajv.addSchema(schema);
  };
  for (const target of refs) {
    for (const file of schemaFilesIn(target)) add(file, true);
  }
  const folder = path.dirname(path.resolve(mainFile));
  for (const entry of readdirSync(folder).sort()) {
    if (entry.endsWith('.json')) add(path.join(folder, entry), false);
  }
}

function describe(error) {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  let detail = error.message ?? 'is invalid';
  const params = error.params ?? {};
  if (params.additionalProperty !== undefined) detail += `: '${params.additionalProperty}'`;
  else if (params.unevaluatedProperty !== undefined) detail += `: '${params.unevaluatedProperty}'`;
  else if (Array.isArray(params.allowedValues)) detail += `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (params.allowedValue !== undefined) detail += `: ${JSON.stringify(params.allowedValue)}`;
  return `${where} ${detail} (${error.schemaPath})`;
}

function validateDocument(validate, value, label, problems) {
  if (validate(value)) return true;
  for (const error of validate.errors ?? []) problems.push(`${label}: ${describe(error)}`);
  return false;
}

function validateFile(validate, file, linesMode, problems) {
  let text;
  try {
    text = stripBom(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
  const lines = linesMode || /\.(jsonl|ndjson)$/i.test(file);
  if (!lines) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: not JSON: ${error.message}`);
      return false;
    }
    return validateDocument(validate, value, file, problems);
  }
  let ok = true;
  let count = 0;
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].endsWith('\r') ? rows[i].slice(0, -1) : rows[i];
    if (row.trim() === '') continue;
    count++;
    let value;
    try {
      value = JSON.parse(row);
    } catch (error) {
      problems.push(`${file}:${i + 1}: not JSON: ${error.message}`);
      ok = false;
      continue;
    }
    ok = validateDocument(validate, value, `${file}:${i + 1}`, problems) && ok;
  }
  if (count === 0) {
    problems.push(`${file}: no JSON Lines records`);
    ok = false;
  }
  return ok;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const [schemaFile, ...files] = options.positional;
  const schema = readJson(schemaFile, 'schema');
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new UsageError(`schema ${schemaFile} is not a JSON object`);
  }
  const dialect = dialectOf(schema);
  const ajv = createAjv(dialect);
  const id = withId(schema, schemaFile, dialect);
  loadReferences(ajv, schemaFile, id, dialect, options.refs);
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new UsageError(`cannot compile schema ${schemaFile}: ${error.message}`);
  }

  let failed = 0;
  for (const file of files) {
    const problems = [];
    const ok = validateFile(validate, file, options.lines, problems);
    for (const problem of problems) console.error(problem);
    if (ok) {
      if (!options.quiet) console.log(`ok: ${file}`);
    } else {
      failed++;
    }
  }
  if (failed > 0) {
    console.error(`${failed} of ${files.length} file(s) do not match ${schemaFile}`);
    process.exit(1);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
