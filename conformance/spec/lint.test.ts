/**
 * The spec passes @asyncapi/parser's validation and its Spectral ruleset without errors or
 * warnings. Infos and hints are allowed: `asyncapi-latest-version` (info) is expected because the
 * protocol stays on AsyncAPI 3.0.0 on purpose.
 */
import { Parser, fromFile } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_FILE } from '../lib/spec.js';

interface Finding {
  readonly severity: number;
  readonly code: string;
  readonly line: number;
  readonly text: string;
}

const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

let findings: readonly Finding[] = [];
let parsed = false;

beforeAll(async () => {
  const { document, diagnostics } = await fromFile(new Parser(), SPEC_FILE).parse();
  parsed = document !== undefined;
  findings = diagnostics.map((d) => {
    const line = d.range.start.line + 1;
    const where = d.path.length > 0 ? d.path.join('.') : '(document)';
    return {
      severity: d.severity,
      code: String(d.code),
      line,
      text: `asyncapi.yaml:${line}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity] ?? d.severity} ${String(d.code)} at ${where}: ${d.message}`,
    };
  });
});

describe('asyncapi.yaml under @asyncapi/parser', () => {
  it('parses into a document', () => {
    expect(parsed).toBe(true);
  });

  it('has no errors', () => {
    expect(findings.filter((f) => f.severity === 0).map((f) => f.text)).toEqual([]);
  });

  it('has no warnings', () => {
    expect(findings.filter((f) => f.severity === 1).map((f) => f.text)).toEqual([]);
  });

  it('reports only the expected infos and hints', () => {
    // Stays on 3.0.0 on purpose; anything else the ruleset says deserves a look.
    expect(findings.filter((f) => f.severity >= 2).map((f) => f.code)).toEqual(['asyncapi-latest-version']);
  });
});
