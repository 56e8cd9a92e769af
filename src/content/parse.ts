// Roadmap markdown → Roadmap value. Pure: the caller reads the file. Errors name the file and line.
//   # Title          the roadmap
//   ## Section       (<!-- pick-one --> under it, or a title starting "Choose", makes it a pick-one section)
//   ### Group
//   - **Topic**: summary
//     - official: [Title](https://…)      resources: official | article | video (untyped links count as articles)
//     - recall: What does … solve?        1–3 recall questions, plain text (rules in recall.ts)
// markdown-it does the CommonMark parsing (and gives each block its line); this file only reads its token stream.
import MarkdownIt, { type Token } from 'markdown-it';
import { type ParseContext, parseTopic } from './parse-topic.ts';
import { ContentError, type Group, type Roadmap, type Section, slugify } from './roadmap.ts';
import { childrenOf, closing, headingTitle } from './tokens.ts';

const PICK_ONE_MARKER = /<!--\s*pick-one\s*-->/i;

const markdown = new MarkdownIt();
markdown.validateLink = () => true; // see every link, so a bad one gets a clear error instead of vanishing

export function parseRoadmap(id: string, source: string, file = `${id}.md`): Roadmap {
  const tokens = markdown.parse(source, {});
  const ctx: ParseContext = createContext(file, tokens);
  const { uniqueSlug } = ctx;
  const roadmap: Roadmap = { id, title: '', sections: [] };
  let section: Section | undefined;
  let group: Group | undefined;

  for (let i = 0; i < tokens.length; i = closing(tokens, i) + 1) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const depth = Number(token.tag.slice(1));
      const title = headingTitle(tokens[i + 1]!);
      if (!title) ctx.fail(token, 'a heading has no text');
      if (depth === 1) {
        if (roadmap.title) ctx.fail(token, 'a roadmap has one "# Title"; start another file for another roadmap');
        roadmap.title = title;
      } else if (depth === 2) {
        section = { slug: uniqueSlug(title, id, token), title, pickOne: /^choose\b/i.test(title), groups: [] };
        roadmap.sections.push(section);
        group = undefined;
      } else if (depth === 3) {
        if (!section) ctx.fail(token, `group "${title}" comes before any "## Section" heading`);
        group = { slug: uniqueSlug(title, `${id}/${section.slug}`, token), title, topics: [] };
        section.groups.push(group);
      } else {
        ctx.fail(token, `headings go three levels deep (# roadmap, ## section, ### group); found ${token.markup}`);
      }
    } else if (token.type === 'html_block' && PICK_ONE_MARKER.test(token.content)) {
      if (!section) ctx.fail(token, '<!-- pick-one --> belongs under a "## Section" heading');
      section.pickOne = true;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (!section) ctx.fail(token, 'topics come before any "## Section" heading');
      if (!group) {
        group = { slug: null, title: null, topics: [] };
        section.groups.push(group);
      }
      const parent = [id, section.slug, group.slug].filter(Boolean).join('/');
      for (const item of childrenOf(tokens, i)) group.topics.push(parseTopic(ctx, item, parent));
    }
    // Paragraphs, rules and other prose describe the roadmap for readers; the bot does not need them.
  }
  return finish(roadmap, ctx);
}

/** Failing at a token's line, and slugs unique within their parent, for one file. */
function createContext(file: string, tokens: Token[]): ParseContext {
  const seen = new Set<string>();
  const fail = (token: Token | undefined, reason: string): never => {
    throw new ContentError(file, (token?.map?.[0] ?? 0) + 1, reason);
  };
  return {
    tokens,
    fail,
    uniqueSlug(title, parent, token) {
      const slug = slugify(title);
      if (!slug) fail(token, `"${title}" needs at least one letter or digit`);
      const path = `${parent}/${slug}`;
      if (seen.has(path)) fail(token, `"${title}" appears twice at ${parent}; titles must differ within their parent`);
      seen.add(path);
      return slug;
    },
  };
}

/** Empty groups and sections go (a closing "Conclusion" has nothing to study); what is left must be studiable. */
function finish(roadmap: Roadmap, ctx: ParseContext): Roadmap {
  roadmap.sections = roadmap.sections
    .map((s) => ({ ...s, groups: s.groups.filter((g) => g.topics.length > 0) }))
    .filter((s) => s.groups.length > 0);
  if (roadmap.sections.length === 0)
    ctx.fail(undefined, 'no topics found: list them as "- **Topic**: summary" under a "## Section"');
  roadmap.title ||= roadmap.id.replace(/[-_]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  for (const s of roadmap.sections) {
    if (s.pickOne && s.groups.some((g) => g.slug === null)) {
      ctx.fail(undefined, `pick-one section "${s.title}" needs its choices as "### Group" headings`);
    }
  }
  return roadmap;
}
