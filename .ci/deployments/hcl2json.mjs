// Parses every .tf file given with HashiCorp's HCL parser (@cdktf/hcl2json, its Go parser compiled to
// WebAssembly) and writes each as JSON under OUT_DIR, keeping the path. A file that does not parse
// fails the run with the parser's message.
import { parse } from '@cdktf/hcl2json';
import fs from 'fs';
import path from 'path';

const [outDir, ...files] = process.argv.slice(2);
for (const file of files) {
  let json;
  try {
    json = await parse(file, fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not valid HCL: ${e.message || e}`);
    process.exit(1);
  }
  const target = path.join(outDir, file + '.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(json, null, 1));
  console.log(`parsed ${file}`);
}
