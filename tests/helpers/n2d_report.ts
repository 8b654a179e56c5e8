/** A small N2D report (2 seeds, epochs 1 and 5) for the tests of its table and chart. */
import {
  N2D_SETTINGS,
  type N2dReport,
  type N2dScore,
} from "../../lib/uses/clustering/n2d_report.ts";

function score(seed: number, epoch: number, accuracy: number): N2dScore {
  return {
    seed,
    epoch,
    accuracy,
    nmi: accuracy + 0.02,
    ari: accuracy - 0.2,
    testLoss: 0.01,
    umapSeconds: 20,
    mixtureSeconds: 1,
    mixtureIterations: 10,
    mixtureConverged: true,
    mixtureLogLikelihood: 5,
  };
}

const scores: N2dScore[] = [
  score(0, 1, 0.6),
  score(1, 1, 0.62),
  score(0, 5, 0.66),
  score(1, 5, 0.7),
];
/** The report: ACC 0.60/0.62 at epoch 1, 0.66/0.70 at epoch 5; NMI +0.02, ARI −0.2. */
export const SAMPLE_N2D_REPORT: N2dReport = {
  date: "2026-12-01T00:00:00.000Z",
  settings: { ...N2D_SETTINGS },
  seeds: [0, 1],
  epochs: 5,
  scoreEpochs: [1, 5],
  indexMeaning: "position in the test split",
  scores,
  final: scores.filter((entry) => entry.epoch === 5),
  summary: {
    accuracy: { mean: 0.68, std: Math.sqrt(0.0008) },
    nmi: { mean: 0.7, std: Math.sqrt(0.0008) },
    ari: { mean: 0.48, std: Math.sqrt(0.0008) },
  },
  complete: true,
  seconds: {},
};
