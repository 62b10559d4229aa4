/** Area under the ROC curve from scores and 0/1 labels (the Mann-Whitney statistic, ties counted half). */

/** AUC in 0..1, or null when the labels hold only one class. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  const order = scores.map((score, index) => ({ score, label: labels[index] })).sort((left, right) => left.score - right.score);
  const positives = order.filter((entry) => entry.label === 1).length;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // Average ranks (1-based) over runs of equal scores, then the rank-sum formula.
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].score === order[start].score) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index++) if (order[index].label === 1) positiveRankSum += averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
