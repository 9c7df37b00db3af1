// What bench/phases.mjs and bench/writer.mjs share: the run information a `sanctions` run gives its documents.
import { gapProblem } from '../dist/report/content/gaps.js';
import { titleBlock } from '../dist/report/content/title.js';

/** The title block a run makes (the regulation's dated names, the attachment frame's defaults), files and warnings. */
export function runInfo(policy, loaded, evaluation) {
  return {
    block: titleBlock(policy, {}, 2024),
    policy: evaluation.policy,
    files: loaded.files,
    warnings: evaluation.gaps.map((gap) => gapProblem(gap, policy)),
    toolVersion: '0',
  };
}
