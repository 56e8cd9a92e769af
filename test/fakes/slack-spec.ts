// Slack's Web API OpenAPI spec (../shared/specs): which methods exist and which parameters each requires.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface SpecParam { name: string; in: string; required?: boolean }
interface Spec { paths: Record<string, Record<string, { parameters?: SpecParam[] }>> }

// The shared specs sit beside the repository: ../shared/specs.
export const SPEC_PATH = fileURLToPath(new URL('../../../shared/specs/slack/web-api-openapi-v2.json', import.meta.url));

export interface MethodSpec {
  required: string[]; // parameter names, token excluded
  needsToken: boolean;
}

/** Loads the spec once per fake; a method is known when the spec has its path under any HTTP verb. */
export function loadSlackSpec(path = SPEC_PATH): (method: string) => MethodSpec | undefined {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Spec;
  return (method) => {
    const entry = spec.paths[`/${method}`];
    if (!entry) return undefined;
    const params = Object.values(entry).flatMap((op) => op.parameters ?? []);
    return {
      required: [...new Set(params.filter((p) => p.required && p.name !== 'token').map((p) => p.name))],
      needsToken: params.some((p) => p.name === 'token' && p.required),
    };
  };
}
