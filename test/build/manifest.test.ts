// The manifest: valid against SchemaStore's appsscript.json schema, V8, minimal scopes, the web app as the webhook needs.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { FIXTURES_DIR } from '../fixtures/fixtures-dir';

const ROOT = path.join(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'appsscript.schema.json'), 'utf8'));

describe('appsscript.json', () => {
  it('is valid against the appsscript.json schema', () => {
    // Format checks are off: the schema's "uri" format wrongly rejects URL prefixes in urlFetchWhitelist.
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('runs on V8 with exception logging, and reaches only Trello', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.trello.com/']);
  });

  it('asks for exactly the scopes the README justifies', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(manifest.oauthScopes).toHaveLength(4);
    for (const scope of manifest.oauthScopes) expect(readme).toContain(scope);
  });

  it('deploys the web app as the deploying user, callable by anyone (Trello has no Google account)', () => {
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
  });

  it('is what the build copies to dist/', () => {
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/appsscript.json'), 'utf8'))).toEqual(manifest);
  });
});
