import type { Citation } from './citation.js';
import type { Rating } from './rating.js';
import type { Regulation } from './regulation.js';

/**
 * The rewards of Điều 16: consideration for an excellent rating (khoản 1), the ad-hoc reward the follow-up records
 * (khoản 2). The forms and amounts (khoản 3, 4) are the competent body's. Tests: test/rules/rating.test.ts,
 * test/rules/third-reading.test.ts.
 *
 * > Điều 16. Khen thưởng
 * > 1. Người đứng đầu có thành tích xuất sắc trong công tác ứng dụng công nghệ thông tin thì được xem xét, đề nghị khen
 * > thưởng theo quy định của pháp luật về thi đua, khen thưởng.
 * > 2. Thưởng đột xuất khi cá nhân, đơn vị có thành tích đặc biệt xuất sắc.
 */

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
