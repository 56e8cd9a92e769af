// A topic in the roadmap markdown: a list item "**Title**: summary", and the list of its resources and recall
// questions under it.
import type { Token } from 'markdown-it';
import { recallProblem } from './recall.ts';
import type { Resource, ResourceType, Topic } from './roadmap.ts';
import { childrenOf, splitTitle, textOf } from './tokens.ts';

const RESOURCE_TYPES: readonly ResourceType[] = ['official', 'article', 'video'];
const RECALL_LABEL = /^recall\s*:\s*/i;

/** What topic parsing needs of the roadmap being read: its tokens, how to fail at a line, unique slugs. */
export interface ParseContext {
  tokens: Token[];
  fail(token: Token | undefined, reason: string): never;
  uniqueSlug(title: string, parent: string, token: Token): string;
}

export function parseTopic(ctx: ParseContext, item: number, parent: string): Topic {
  const { tokens } = ctx;
  const [head, ...rest] = childrenOf(tokens, item);
  if (head === undefined || tokens[head]!.type !== 'paragraph_open')
    ctx.fail(tokens[item], 'a topic is a list item starting with its title');
  const { title, summary } = splitTitle(tokens[head + 1]!.children ?? []);
  if (!title) ctx.fail(tokens[item], 'a topic needs a title: "- **Title**: summary"');
  const resources: Resource[] = [];
  const recall: string[] = [];
  for (const child of rest) {
    if (!tokens[child]!.type.endsWith('list_open'))
      ctx.fail(tokens[child], `under topic "${title}" only a list of resources and recall questions may follow`);
    for (const entry of childrenOf(tokens, child)) {
      const question = parseRecall(ctx, entry, title, recall);
      if (question === undefined) resources.push(parseResource(ctx, entry, title));
      else recall.push(question);
    }
  }
  const slug = ctx.uniqueSlug(title, parent, tokens[item]!);
  const line = (tokens[item]!.map?.[0] ?? 0) + 1;
  return { path: `${parent}/${slug}`, slug, title, summary, resources, recall, line };
}

/** "- recall: Why …?" → the question; undefined when the entry is not a recall line (then it is a resource). */
function parseRecall(ctx: ParseContext, entry: number, topic: string, earlier: string[]): string | undefined {
  const { tokens } = ctx;
  const [para, ...more] = childrenOf(tokens, entry);
  const inline = para === undefined ? [] : (tokens[para + 1]!.children ?? []);
  const link = inline.findIndex((t) => t.type === 'link_open');
  // Only the words before any link label the line, so "- [Recall: a talk](https://…)" stays a resource.
  if (!RECALL_LABEL.test(textOf(link < 0 ? inline : inline.slice(0, link)))) return undefined;
  if (link >= 0)
    ctx.fail(tokens[entry], `a recall question of "${topic}" is plain text: move the link to a resource line`);
  if (more.length > 0)
    ctx.fail(tokens[more[0]!], `a recall question of "${topic}" is one paragraph; nothing goes under it`);
  const question = textOf(inline).replace(RECALL_LABEL, '');
  const problem = recallProblem(question, topic, earlier);
  if (problem) ctx.fail(tokens[entry], problem);
  return question;
}

function parseResource(ctx: ParseContext, entry: number, topic: string): Resource {
  const { tokens } = ctx;
  const [para] = childrenOf(tokens, entry);
  const inline = para === undefined ? [] : (tokens[para + 1]!.children ?? []);
  const open = inline.findIndex((t) => t.type === 'link_open');
  if (open < 0)
    ctx.fail(
      tokens[entry],
      `a resource of "${topic}" needs a link: "- official: [Title](https://…)" (or is it "- recall: …?")`,
    );
  const url = String(inline[open]!.attrGet('href') ?? ''); // attributes are typed string | number; an href is a string
  if (!/^https?:\/\//i.test(url)) ctx.fail(tokens[entry], `resource link "${url}" must start with http:// or https://`);
  const close = inline.findIndex((t, k) => k > open && t.type === 'link_close');
  const label = textOf(inline.slice(0, open))
    .replace(/[:\s-]+$/, '')
    .toLowerCase();
  if (label && !RESOURCE_TYPES.includes(label as ResourceType)) {
    ctx.fail(tokens[entry], `resource type "${label}" is not one of ${RESOURCE_TYPES.join(', ')}`);
  }
  return { type: (label || 'article') as ResourceType, title: textOf(inline.slice(open + 1, close)) || url, url };
}
