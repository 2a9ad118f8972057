// Writes the OpenAPI document to docs/api/openapi.json, from which the front end generates
// its types (`npm run openapi -w backend`). A test fails when the committed copy is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocumentForDocs } from './openapi-document';

const target = path.resolve(__dirname, '../../docs/api/openapi.json');
writeFileSync(target, `${JSON.stringify(openApiDocumentForDocs(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
