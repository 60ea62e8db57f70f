// Parses every YAML file given (all documents); a syntax error fails the run.
import { parseAllDocuments } from 'yaml';
import fs from 'fs';

let failed = false;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'));
  const errors = docs.flatMap(d => d.errors);
  if (errors.length) { console.error(`${file}: ${errors[0].message}`); failed = true; } else { console.log(`parsed ${file}`); }
}
process.exit(failed ? 1 : 0);
