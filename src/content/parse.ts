// Roadmap markdown → Roadmap value. Pure: the caller reads the file. Errors name the file and line.
//   # Title          the roadmap
//   ## Section       (<!-- pick-one --> under it, or a title starting "Choose", makes it a pick-one section)
//   ### Group
//   - **Topic**: summary
//     - official: [Title](https://…)      resources: official | article | video (untyped links count as articles)
//     - recall: What does … solve?        1–3 recall questions, plain text (rules in recall.ts)
// markdown-it does the CommonMark parsing (and gives each block its line); this file only reads its token stream.
import MarkdownIt, { type Token } from 'markdown-it';
import { childrenOf, closing, textOf } from './markdown-tokens.ts';
import { recallProblem } from './recall.ts';
import { ContentError, slugify, type Group, type Resource, type ResourceType, type Roadmap, type Section, type Topic } from './roadmap.ts';

const RESOURCE_TYPES: readonly ResourceType[] = ['official', 'article', 'video'];
const PICK_ONE_MARKER = /<!--\s*pick-one\s*-->/i;
const RECALL_LABEL = /^recall\s*:\s*/i;

const markdown = new MarkdownIt();
markdown.validateLink = () => true; // see every link, so a bad one gets a clear error instead of vanishing

export function parseRoadmap(id: string, source: string, file = `${id}.md`): Roadmap {
  const tokens = markdown.parse(source, {});
  const roadmap: Roadmap = { id, title: '', sections: [] };
  let section: Section | undefined;
  let group: Group | undefined;
  const seen = new Set<string>();

  for (let i = 0; i < tokens.length; i = closing(tokens, i) + 1) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const depth = Number(token.tag.slice(1));
      const title = headingTitle(tokens[i + 1]!);
      if (!title) fail(token, 'a heading has no text');
      if (depth === 1) {
        if (roadmap.title) fail(token, 'a roadmap has one "# Title"; start another file for another roadmap');
        roadmap.title = title;
      } else if (depth === 2) {
        section = { slug: uniqueSlug(title, id, token), title, pickOne: /^choose\b/i.test(title), groups: [] };
        roadmap.sections.push(section);
        group = undefined;
      } else if (depth === 3) {
        if (!section) fail(token, `group "${title}" comes before any "## Section" heading`);
        group = { slug: uniqueSlug(title, `${id}/${section.slug}`, token), title, topics: [] };
        section.groups.push(group);
      } else {
        fail(token, `headings go three levels deep (# roadmap, ## section, ### group); found ${token.markup}`);
      }
    } else if (token.type === 'html_block' && PICK_ONE_MARKER.test(token.content)) {
      if (!section) fail(token, '<!-- pick-one --> belongs under a "## Section" heading');
      section.pickOne = true;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (!section) fail(token, 'topics come before any "## Section" heading');
      if (!group) {
        group = { slug: null, title: null, topics: [] };
        section.groups.push(group);
      }
      const parent = [id, section.slug, group.slug].filter(Boolean).join('/');
      for (const item of childrenOf(tokens, i)) group.topics.push(parseTopic(item, parent));
    }
    // Paragraphs, rules and other prose describe the roadmap for readers; the bot does not need them.
  }

  roadmap.sections = roadmap.sections
    .map((s) => ({ ...s, groups: s.groups.filter((g) => g.topics.length > 0) }))
    .filter((s) => s.groups.length > 0); // a closing "Conclusion" section has nothing to study
  if (roadmap.sections.length === 0) fail(undefined, 'no topics found: list them as "- **Topic**: summary" under a "## Section"');
  roadmap.title ||= id.replace(/[-_]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  for (const s of roadmap.sections) {
    if (s.pickOne && s.groups.some((g) => g.slug === null)) {
      fail(undefined, `pick-one section "${s.title}" needs its choices as "### Group" headings`);
    }
  }
  return roadmap;

  function fail(token: Token | undefined, reason: string): never {
    throw new ContentError(file, (token?.map?.[0] ?? 0) + 1, reason);
  }

  function uniqueSlug(title: string, parent: string, token: Token): string {
    const slug = slugify(title);
    if (!slug) fail(token, `"${title}" needs at least one letter or digit`);
    const path = `${parent}/${slug}`;
    if (seen.has(path)) fail(token, `"${title}" appears twice at ${parent}; titles must differ within their parent`);
    seen.add(path);
    return slug;
  }

  function parseTopic(item: number, parent: string): Topic {
    const [head, ...rest] = childrenOf(tokens, item);
    if (head === undefined || tokens[head]!.type !== 'paragraph_open') fail(tokens[item], 'a topic is a list item starting with its title');
    const { title, summary } = splitTitle(tokens[head + 1]!.children ?? []);
    if (!title) fail(tokens[item], 'a topic needs a title: "- **Title**: summary"');
    const resources: Resource[] = [];
    const recall: string[] = [];
    for (const child of rest) {
      if (!tokens[child]!.type.endsWith('list_open')) {
        fail(tokens[child], `under topic "${title}" only a list of resources and recall questions may follow`);
      }
      for (const entry of childrenOf(tokens, child)) {
        const question = parseRecall(entry, title, recall);
        if (question === undefined) resources.push(parseResource(entry, title));
        else recall.push(question);
      }
    }
    const slug = uniqueSlug(title, parent, tokens[item]!);
    return { path: `${parent}/${slug}`, slug, title, summary, resources, recall, line: (tokens[item]!.map?.[0] ?? 0) + 1 };
  }

  /** "- recall: Why …?" → the question; undefined when the entry is not a recall line (then it is a resource). */
  function parseRecall(entry: number, topic: string, earlier: string[]): string | undefined {
    const [para, ...more] = childrenOf(tokens, entry);
    const inline = para === undefined ? [] : (tokens[para + 1]!.children ?? []);
    const link = inline.findIndex((t) => t.type === 'link_open');
    // Only the words before any link label the line, so "- [Recall: a talk](https://…)" stays a resource.
    if (!RECALL_LABEL.test(textOf(link < 0 ? inline : inline.slice(0, link)))) return undefined;
    if (link >= 0) fail(tokens[entry], `a recall question of "${topic}" is plain text: move the link to a resource line`);
    if (more.length > 0) fail(tokens[more[0]!], `a recall question of "${topic}" is one paragraph; nothing goes under it`);
    const question = textOf(inline).replace(RECALL_LABEL, '');
    const problem = recallProblem(question, topic, earlier);
    if (problem) fail(tokens[entry], problem);
    return question;
  }

  function parseResource(entry: number, topic: string): Resource {
    const [para] = childrenOf(tokens, entry);
    const inline = para === undefined ? [] : (tokens[para + 1]!.children ?? []);
    const open = inline.findIndex((t) => t.type === 'link_open');
    if (open < 0) fail(tokens[entry], `a resource of "${topic}" needs a link: "- official: [Title](https://…)" (or is it "- recall: …?")`);
    const url = String(inline[open]!.attrGet('href') ?? ''); // attributes are typed string | number; an href is a string
    if (!/^https?:\/\//i.test(url)) fail(tokens[entry], `resource link "${url}" must start with http:// or https://`);
    const close = inline.findIndex((t, k) => k > open && t.type === 'link_close');
    const label = textOf(inline.slice(0, open)).replace(/[:\s-]+$/, '').toLowerCase();
    if (label && !RESOURCE_TYPES.includes(label as ResourceType)) {
      fail(tokens[entry], `resource type "${label}" is not one of ${RESOURCE_TYPES.join(', ')}`);
    }
    return { type: (label || 'article') as ResourceType, title: textOf(inline.slice(open + 1, close)) || url, url };
  }
}

/**
 * "1. **Choose Your Backend Language**" → "Choose Your Backend Language": numbering is not part of a name, nor is a
 * leading decoration with no ASCII letter in it (an emoji, or the mojibake a mis-saved emoji becomes).
 */
function headingTitle(inline: Token): string {
  return textOf(inline.children ?? [])
    .replace(/^[^\sA-Za-z0-9]+\s+/, '')
    .replace(/^(\d+|[a-z])[.)]\s+/i, '');
}

/** A topic's first paragraph: "**Title**: summary", or plain "Title: summary", or just "Title". */
function splitTitle(inline: Token[]): { title: string; summary: string } {
  const first = inline[0];
  if (first && (first.type === 'strong_open' || first.type === 'em_open')) {
    const end = inline.findIndex((t) => t.type === first.type.replace('_open', '_close'));
    return { title: textOf(inline.slice(1, end)), summary: textOf(inline.slice(end + 1)).replace(/^[:—–-]\s*/, '') };
  }
  const text = textOf(inline);
  const match = /^(.+?)(?::\s+|\s+[—–-]\s+)(.*)$/.exec(text);
  return match ? { title: match[1]!.trim(), summary: match[2]!.trim() } : { title: text, summary: '' };
}
