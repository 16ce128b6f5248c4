import type { ResolvedConfig } from '../config/types.js';
import { addMonths } from '../content/resolve.js';
import type { Topic } from '../content/types.js';
import { Codes } from '../errors/codes.js';
import type { Diagnostic } from '../errors/diagnostic.js';
import { locateIn } from './position.js';

/** A topic's review dates: `reviewBy` as written, else `reviewed` + the config's `review.months`. */
export interface ReviewDates {
  topic: string;
  file: string;
  reviewed: string | null;
  reviewBy: string | null;
  /** Whole days from the build date to reviewBy (negative: overdue); null without a reviewBy. */
  daysLeft: number | null;
}

type ReviewConfig = Pick<ResolvedConfig, 'review' | 'audiences'>;

export function reviewDates(topic: Topic, config: Pick<ResolvedConfig, 'review'>, today: Date): ReviewDates {
  const reviewed = topic.data.reviewed ?? null;
  const reviewBy =
    topic.data.reviewBy ?? (reviewed && config.review?.months ? addMonths(reviewed, config.review.months) : null);
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const daysLeft = reviewBy === null ? null : Math.round((Date.parse(reviewBy + 'T00:00:00Z') - day) / 86_400_000);
  return { topic: topic.slug, file: topic.path, reviewed, reviewBy, daysLeft };
}

/**
 * DH_REVIEW_DUE: the build date is past the topic's next review date (a warning; an error under
 * `--strict`). DH_REVIEW_MISSING: the config requires reviews and a topic for a patient audience
 * (one with a readingGrade) has no `reviewed` date (an error).
 */
export function reviewProblems(
  topic: Topic,
  audiences: readonly { readingGrade?: number }[],
  config: ReviewConfig,
  today: Date,
  strict = false,
): Diagnostic[] {
  const dates = reviewDates(topic, config, today);
  const out: Diagnostic[] = [];
  const at = (key: 'reviewed' | 'reviewBy') => locateIn(topic.source, [key], 'value', undefined);
  if (dates.daysLeft !== null && dates.daysLeft < 0) {
    const days = -dates.daysLeft;
    out.push({
      severity: strict ? 'error' : 'warning',
      code: Codes.reviewDue,
      message: `the review of "${topic.slug}" was due on ${dates.reviewBy} (${days} day${days === 1 ? '' : 's'} ago)`,
      file: topic.path,
      ...at(topic.data.reviewBy ? 'reviewBy' : 'reviewed'),
      hint:
        'review the whole topic, then set reviewed: to the date of that review (and reviewBy:, unless ' +
        'review.months derives it)',
    });
  }
  if (config.review?.required && !dates.reviewed && audiences.some((a) => a.readingGrade !== undefined)) {
    out.push({
      severity: 'error',
      code: Codes.reviewMissing,
      message: `"${topic.slug}" is for patients and has no review date; the config requires one (review.required)`,
      file: topic.path,
      ...topic.source.locate(['title'], 'key'),
      hint: 'add reviewed: YYYY-MM-DD (the date the content was last reviewed as a whole)',
    });
  }
  return out;
}

/** `deckhand lint --due`: topics by next review date, soonest (most overdue) first; undated ones last. */
export function formatDue(list: readonly ReviewDates[]): string {
  const sorted = [...list].sort(
    (a, b) => (a.reviewBy ?? '9999').localeCompare(b.reviewBy ?? '9999') || a.topic.localeCompare(b.topic),
  );
  const rows = sorted.map((d) => [
    d.reviewBy ?? '–',
    d.topic,
    d.reviewed ?? '–',
    d.daysLeft === null
      ? 'no review date'
      : d.daysLeft < 0
        ? `overdue by ${-d.daysLeft} day${d.daysLeft === -1 ? '' : 's'}`
        : d.daysLeft === 0
          ? 'due today'
          : `due in ${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'}`,
  ]);
  const head = ['next review', 'topic', 'last reviewed', 'status'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
