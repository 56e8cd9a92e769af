// Roadmap markdown → Roadmap value. Pure: the caller reads the file. Errors name the file and line.
//   # Title          the roadmap
//   ## Section       (<!-- pick-one --> under it, or a title starting "Choose", makes it a pick-one section)
//   ### Group
//   - **Topic**: summary
//     - official: [Title](https://…)      resources: official | article | video (untyped links count as articles)
import type { Heading, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { ContentError, slugify, type Group, type Resource, type ResourceType, type Roadmap, type Section, type Topic } from './roadmap.ts';

const RESOURCE_TYPES: readonly ResourceType[] = ['official', 'article', 'video'];
const PICK_ONE_MARKER = /<!--\s*pick-one\s*-->/i;

export function parseRoadmap(id: string, markdown: string, file = `${id}.md`): Roadmap {
  const roadmap: Roadmap = { id, title: '', sections: [] };
  let section: Section | undefined;
  let group: Group | undefined;
  const seen = new Set<string>();

  for (const node of fromMarkdown(markdown).children) {
    if (node.type === 'heading') {
      const title = headingTitle(node);
      if (!title) fail(node, 'a heading has no text');
      if (node.depth === 1) {
        if (roadmap.title) fail(node, 'a roadmap has one "# Title"; start another file for another roadmap');
        roadmap.title = title;
      } else if (node.depth === 2) {
        section = { slug: uniqueSlug(title, id, node), title, pickOne: /^choose\b/i.test(title), groups: [] };
        roadmap.sections.push(section);
        group = undefined;
      } else if (node.depth === 3) {
        if (!section) fail(node, `group "${title}" comes before any "## Section" heading`);
        group = { slug: uniqueSlug(title, `${id}/${section.slug}`, node), title, topics: [] };
        section.groups.push(group);
      } else {
        fail(node, `headings go three levels deep (# roadmap, ## section, ### group); found ${'#'.repeat(node.depth)}`);
      }
    } else if (node.type === 'html' && PICK_ONE_MARKER.test(node.value)) {
      if (!section) fail(node, '<!-- pick-one --> belongs under a "## Section" heading');
      section.pickOne = true;
    } else if (node.type === 'list') {
      if (!section) fail(node, 'topics come before any "## Section" heading');
      if (!group) {
        group = { slug: null, title: null, topics: [] };
        section.groups.push(group);
      }
      const parent = [id, section.slug, group.slug].filter(Boolean).join('/');
      for (const item of node.children) group.topics.push(parseTopic(item, parent));
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

  function fail(node: { position?: { start: { line: number } } } | undefined, reason: string): never {
    throw new ContentError(file, node?.position?.start.line ?? 1, reason);
  }

  function uniqueSlug(title: string, parent: string, node: RootContent | ListItem): string {
    const slug = slugify(title);
    if (!slug) fail(node, `"${title}" needs at least one letter or digit`);
    const path = `${parent}/${slug}`;
    if (seen.has(path)) fail(node, `"${title}" appears twice at ${parent}; titles must differ within their parent`);
    seen.add(path);
    return slug;
  }

  function parseTopic(item: ListItem, parent: string): Topic {
    const [head, ...rest] = item.children;
    if (head?.type !== 'paragraph') fail(item, 'a topic is a list item starting with its title');
    const { title, summary } = splitTitle(head.children);
    if (!title) fail(item, 'a topic needs a title: "- **Title**: summary"');
    const resources: Resource[] = [];
    for (const child of rest) {
      if (child.type !== 'list') fail(child, `under topic "${title}" only a list of resources may follow`);
      for (const entry of (child as List).children) resources.push(parseResource(entry, title));
    }
    const slug = uniqueSlug(title, parent, item);
    return { path: `${parent}/${slug}`, slug, title, summary, resources, line: item.position?.start.line ?? 1 };
  }

  function parseResource(entry: ListItem, topic: string): Resource {
    const para = entry.children[0];
    const link = para?.type === 'paragraph' ? para.children.find((c) => c.type === 'link') : undefined;
    if (!para || para.type !== 'paragraph' || !link || link.type !== 'link') {
      return fail(entry, `a resource of "${topic}" needs a link: "- official: [Title](https://…)"`);
    }
    if (!/^https?:\/\//i.test(link.url)) fail(entry, `resource link "${link.url}" must start with http:// or https://`);
    const label = toString(para.children.slice(0, para.children.indexOf(link))).trim().replace(/[:\s-]+$/, '').toLowerCase();
    if (label && !RESOURCE_TYPES.includes(label as ResourceType)) {
      fail(entry, `resource type "${label}" is not one of ${RESOURCE_TYPES.join(', ')}`);
    }
    return { type: (label || 'article') as ResourceType, title: toString(link).trim() || link.url, url: link.url };
  }
}

/**
 * "1. **Choose Your Backend Language**" → "Choose Your Backend Language": numbering is not part of a name, nor is a
 * leading decoration with no ASCII letter in it (an emoji, or the mojibake a mis-saved emoji becomes).
 */
function headingTitle(node: Heading): string {
  return clean(toString(node))
    .replace(/^[^\sA-Za-z0-9]+\s+/, '')
    .replace(/^(\d+|[a-z])[.)]\s+/i, '');
}

/** A topic's first paragraph: "**Title**: summary", or plain "Title: summary", or just "Title". */
function splitTitle(children: PhrasingContent[]): { title: string; summary: string } {
  const [first, ...rest] = children;
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    return { title: clean(toString(first)), summary: clean(toString(rest).replace(/^\s*[:—–-]\s*/, '')) };
  }
  const text = clean(toString(children));
  const match = /^(.+?)(?::\s+|\s+[—–-]\s+)(.*)$/.exec(text);
  return match ? { title: match[1]!.trim(), summary: match[2]!.trim() } : { title: text, summary: '' };
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
