// Slack's Web API OpenAPI spec (vendor/slack-api-specs): which methods exist and which parameters each requires.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface SpecParam {
  name: string;
  in: string;
  required?: boolean;
}
interface Spec {
  paths: Record<string, Record<string, { parameters?: SpecParam[] }>>;
}

// Vendored into the repository (vendor/README.md says where from), so a fresh clone runs its tests on its own.
export const SPEC_PATH = fileURLToPath(
  new URL('../../vendor/slack-api-specs/web-api-openapi-v2.json', import.meta.url),
);

export interface MethodSpec {
  required: string[]; // parameter names, token excluded
  needsToken: boolean;
  known?: string[]; // every parameter the method takes; undefined: not checked
}

/**
 * Methods Slack added after the spec was frozen (2019), with their required arguments as docs.slack.dev lists them:
 * the external upload flow that replaced files.upload. Only used when the spec itself does not know the method.
 */
export const NEWER_THAN_SPEC: Record<string, MethodSpec> = {
  'files.getUploadURLExternal': { required: ['filename', 'length'], needsToken: true },
  'files.completeUploadExternal': { required: ['files'], needsToken: true },
};

/** Parameters Slack added to a method after the spec was frozen, as docs.slack.dev lists them: message metadata
 *  (2022) on the post, and asking for it back in the history. */
export const PARAMS_NEWER_THAN_SPEC: Record<string, string[]> = {
  'chat.postMessage': ['metadata'],
  'conversations.history': ['include_all_metadata'],
};

/** Loads the spec once per fake; a method is known when the spec has its path under any HTTP verb. */
export function loadSlackSpec(path = SPEC_PATH): (method: string) => MethodSpec | undefined {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Spec;
  return (method) => {
    const entry = spec.paths[`/${method}`];
    if (!entry) return NEWER_THAN_SPEC[method];
    const params = Object.values(entry).flatMap((op) => op.parameters ?? []);
    return {
      required: [...new Set(params.filter((p) => p.required && p.name !== 'token').map((p) => p.name))],
      needsToken: params.some((p) => p.name === 'token' && p.required),
      known: [...params.map((p) => p.name), ...(PARAMS_NEWER_THAN_SPEC[method] ?? [])],
    };
  };
}
