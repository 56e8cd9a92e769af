// Recall questions: the rules a "- recall: …" line in a roadmap follows, and the prompt for a topic that has none.
import type { Topic } from './roadmap.ts';

export const MAX_RECALL_QUESTIONS = 3;
export const MAX_RECALL_LENGTH = 200;
/** An instruction is a prompt too, when it starts with one of these verbs ("Explain…", "Compare…"). */
export const RECALL_VERBS = ['Explain', 'Describe', 'Compare', 'Name', 'List', 'Sketch', 'Give', 'Outline'] as const;

const STARTS_WITH_VERB = new RegExp(`^(${RECALL_VERBS.join('|')})\\b`, 'i');
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Why `question` cannot be one of `topic`'s recall questions, or undefined when it can. `earlier`: the topic's
 * questions above it. A prompt must read as one: a question ("…?") or an instruction, so a pasted statement such as
 * "JWTs are signed." is caught while the author is still editing.
 */
export function recallProblem(question: string, topic: string, earlier: readonly string[]): string | undefined {
  if (earlier.length >= MAX_RECALL_QUESTIONS) {
    return `topic "${topic}" has more than ${MAX_RECALL_QUESTIONS} recall questions; keep the best ${MAX_RECALL_QUESTIONS}`;
  }
  if (!question) return `a recall question of "${topic}" needs text: "- recall: What problem does … solve?"`;
  if (/https?:\/\/|www\./i.test(question))
    return `a recall question of "${topic}" is plain text: move the link to a resource line`;
  if (question.length > MAX_RECALL_LENGTH) {
    return `a recall question of "${topic}" has ${question.length} characters; keep it to ${MAX_RECALL_LENGTH} or fewer`;
  }
  if (!question.endsWith('?') && !STARTS_WITH_VERB.test(question)) {
    return `recall question "${question}" should end with "?" or start with one of ${RECALL_VERBS.join(', ')}`;
  }
  if (earlier.some((e) => same(e, question))) return `recall question "${question}" appears twice under "${topic}"`;
  return undefined;
}

/** What to ask a member recalling `topic`: its own questions, or one that fits every topic. */
export function recallPrompts(topic: Pick<Topic, 'title' | 'recall'>): string[] {
  return topic.recall.length > 0
    ? [...topic.recall]
    : [`Explain ${topic.title} in two sentences, then check the summary.`];
}
