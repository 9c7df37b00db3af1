import type { Citation } from './citation.js';
import type { Rating } from './rating.js';
import type { Regulation } from './regulation.js';

export type Reward = 'khen-thuong' | 'thuong-dot-xuat';

export interface RewardDecision {
  readonly outcome: Reward;
  readonly reason: 'excellent-rating' | 'exceptional-achievement';
  readonly citations: readonly Citation[];
}

/**
 * The reward proposals for one person: reward consideration for `xuat-sac`, and an ad-hoc
 * reward when the follow-up records an exceptional achievement of the unit, whatever the
 * rating. Both may apply; none is a proposal of nothing.
 */
export function proposeRewards(
  rating: Rating,
  exceptionalAchievement: boolean,
  regulation: Regulation,
): RewardDecision[] {
  const { citations } = regulation;
  const proposals: RewardDecision[] = [];
  if (rating === 'xuat-sac') {
    proposals.push({
      outcome: 'khen-thuong',
      reason: 'excellent-rating',
      citations: [citations.rewardConsideration, citations.excellent],
    });
  }
  if (exceptionalAchievement) {
    proposals.push({
      outcome: 'thuong-dot-xuat',
      reason: 'exceptional-achievement',
      citations: [citations.adHocReward],
    });
  }
  return proposals;
}
