import { type Citation, cite } from './citation.js';
import type { Rating } from './rating.js';

export type Reward = 'khen-thuong' | 'thuong-dot-xuat';

export interface RewardDecision {
  readonly outcome: Reward;
  readonly reason: 'excellent-rating' | 'exceptional-achievement';
  readonly citations: readonly Citation[];
}

export const REWARD_CITATIONS = {
  /** Điều 16 khoản 1: an excellent head is proposed for reward consideration. */
  consideration: cite(16, 1),
  /** Điều 16 khoản 2: an ad-hoc reward for an especially outstanding achievement. */
  adHoc: cite(16, 2),
} as const;

/**
 * The reward proposals of Điều 16 for one person: reward consideration for `xuat-sac`
 * (khoản 1), and an ad-hoc reward when the follow-up records an exceptional achievement of the
 * unit (khoản 2), whatever the rating. Both may apply; none is a proposal of nothing.
 */
export function proposeRewards(rating: Rating, exceptionalAchievement: boolean): RewardDecision[] {
  const proposals: RewardDecision[] = [];
  if (rating === 'xuat-sac') {
    proposals.push({ outcome: 'khen-thuong', reason: 'excellent-rating', citations: [REWARD_CITATIONS.consideration, cite(15, 1)] });
  }
  if (exceptionalAchievement) {
    proposals.push({ outcome: 'thuong-dot-xuat', reason: 'exceptional-achievement', citations: [REWARD_CITATIONS.adHoc] });
  }
  return proposals;
}
