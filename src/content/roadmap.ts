// The value a roadmap markdown file parses into: sections → groups → topics, each with a stable slug path.
export type ResourceType = 'official' | 'article' | 'video';

export interface Resource {
  type: ResourceType;
  title: string;
  url: string;
}

export interface Topic {
  path: string; // roadmap/section/[group/]topic
  slug: string;
  title: string;
  summary: string;
  resources: Resource[];
  recall: string[]; // the content's recall questions, in file order; empty: recallPrompts() falls back
  line: number;
}

export interface Group {
  slug: string | null; // null: topics listed straight under the section
  title: string | null;
  topics: Topic[];
}

export interface Section {
  slug: string;
  title: string;
  pickOne: boolean; // members choose one group ("track") and study only that one
  groups: Group[];
}

export interface Roadmap {
  id: string;
  title: string;
  sections: Section[];
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ContentError';
  }
}

/** A URL-safe, readable slug: "APIs (RESTful & GraphQL)" → "apis", "Node.js" → "nodejs", "C++" → "cpp". */
export function slugify(title: string): string {
  return title
    .replace(/\([^)]*\)/g, ' ') // a parenthetical explains the name; it is not part of it
    .replace(/\+/g, 'p')
    .replace(/#/g, 'sharp')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z0-9])\.(?=[a-z0-9])/g, '$1') // Node.js → nodejs
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
