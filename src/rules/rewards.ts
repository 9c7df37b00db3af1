import type { Citation } from './citation.js';
import type { Rating } from './rating.js';
import type { Regulation } from './regulation.js';

export type Reward = 'khen-thuong' | 'thuong-dot-xuat';

export interface RewardDecision {
  readonly outcome: Reward;
  readonly reason: 'excellent-rating' | 'exceptional-achievement';
  readonly citations: readonly Citation[];
}

/** Reward consideration: for a head or acting head rated excellent; not for deputies (rules.md v2). */
export function rewardConsideration(rating: Rating, holdsHeadPost: boolean, regulation: Regulation): RewardDecision[] {
  if (rating !== 'xuat-sac' || !holdsHeadPost) return [];
  const { citations } = regulation;
  return [
    {
      outcome: 'khen-thuong',
      reason: 'excellent-rating',
      citations: [citations.rewardConsideration, citations.excellent],
    },
  ];
}

/** The ad-hoc reward for an exceptional achievement, to its recipient (the unit or a named person), whatever the rating. */
export function adHocReward(regulation: Regulation): RewardDecision {
  return {
    outcome: 'thuong-dot-xuat',
    reason: 'exceptional-achievement',
    citations: [regulation.citations.adHocReward],
  };
}
