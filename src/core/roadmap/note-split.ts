// How `note <topic> <text>` divides into a topic and the note. Certain only when one reading is possible; otherwise
// every reading is returned, for the member to choose: a note's first words are never eaten by a guess.
import type { RoadmapView, TopicRow } from '../../store/port.ts';
import { matchTopics, type Tier } from './lookup.ts';
import { normalize } from './match.ts';

const MAX_TOPIC_WORDS = 6; // topic names are short; longer prefixes are the note itself

export interface Reading {
  topics: readonly TopicRow[]; // several when the words name a group ("jwt")
  body: string;
}

export type Split =
  | { kind: 'certain'; topic: TopicRow; body: string }
  | { kind: 'choose'; readings: Reading[] } // shortest topic first: the reading that keeps the most text leads
  | { kind: 'no-text'; topics: readonly TopicRow[] } // the whole text names a topic: what is the note?
  | { kind: 'unknown' };

export function splitNote(roadmap: RoadmapView, rest: string): Split {
  const bar = rest.indexOf('|');
  if (bar >= 0) {
    const named = matchTopics(roadmap, rest.slice(0, bar), ['path', 'name', 'typo']);
    const body = rest.slice(bar + 1).trim();
    if (named) return decide([{ topics: named.topics, body }]);
    // The words before the bar name no topic, so the bar is part of the note: "express use cat a | grep b".
  }
  const words = rest.split(' ').filter(Boolean);
  // Typos only when no name fits: "docker compose up" is one typo from "docker compose", and "up" is the note.
  for (const tiers of [['path', 'name'], ['typo']] as Tier[][]) {
    const readings: Reading[] = [];
    let whole: readonly TopicRow[] | undefined;
    for (let n = 1; n <= Math.min(MAX_TOPIC_WORDS, words.length); n++) {
      if (!normalize(words[n - 1]!)) continue; // "⚡" or "');" adds nothing to a name: it belongs to the note
      const named = matchTopics(roadmap, words.slice(0, n).join(' '), tiers);
      if (!named) continue;
      const body = words.slice(n).join(' ');
      if (body) readings.push({ topics: named.topics, body });
      else whole = named.topics;
    }
    if (whole) return { kind: 'no-text', topics: whole };
    if (readings.length) return decide(readings);
  }
  return { kind: 'unknown' };
}

function decide(readings: Reading[]): Split {
  const only = readings[0]!;
  if (readings.length > 1) return { kind: 'choose', readings };
  if (!only.body) return { kind: 'no-text', topics: only.topics };
  return only.topics.length === 1
    ? { kind: 'certain', topic: only.topics[0]!, body: only.body }
    : { kind: 'choose', readings };
}
