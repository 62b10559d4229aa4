/** A small, deterministic logistic-regression trainer: standardized features, full-batch gradient descent, L2. */
import { sigmoid } from "./scoring-math.ts";

/** Training options. */
export interface LogisticTrainingOptions {
  learningRate: number;
  iterations: number;
  /** L2 penalty on the (standardized) weights, not on the intercept. */
  l2: number;
  /** Heavy-ball momentum in [0, 1): 0 is plain gradient descent; 0.9 converges in far fewer steps. */
  momentum?: number;
}

/** A trained model: weights on standardized features, and the standardization it learned. */
export interface LogisticModel {
  featureNames: string[];
  means: number[];
  standardDeviations: number[];
  intercept: number;
  /** One weight per standardized feature: the change in log-odds per standard deviation. */
  weights: number[];
}

/** Mean and standard deviation (population) of each column; a constant column gets deviation 1. */
function standardization(rows: readonly number[][], width: number): { means: number[]; standardDeviations: number[] } {
  const means = new Array<number>(width).fill(0);
  const standardDeviations = new Array<number>(width).fill(0);
  for (const row of rows) for (let column = 0; column < width; column++) means[column] += row[column] / rows.length;
  for (const row of rows) for (let column = 0; column < width; column++) standardDeviations[column] += (row[column] - means[column]) ** 2 / rows.length;
  return { means, standardDeviations: standardDeviations.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1)) };
}

/**
 * Trains on rows of feature values and 0/1 labels. Starts from zero weights and walks the full-batch
 * gradient of the mean log-loss (with optional heavy-ball momentum) a fixed number of steps, so the same data
 * always gives the same model.
 */
export function trainLogisticRegression(featureNames: readonly string[], rows: readonly number[][], labels: readonly number[], options: LogisticTrainingOptions): LogisticModel {
  const width = featureNames.length;
  const { means, standardDeviations } = standardization(rows, width);
  const count = rows.length;
  // One flat typed array of standardized values: the inner loop runs count x width x iterations times.
  const standardized = new Float64Array(count * width);
  rows.forEach((row, index) => {
    for (let column = 0; column < width; column++) standardized[index * width + column] = (row[column] - means[column]) / standardDeviations[column];
  });
  const weights = new Array<number>(width).fill(0);
  const positives = labels.reduce((sum, label) => sum + label, 0);
  // Starting the intercept at the base rate's log-odds makes fewer steps enough.
  let intercept = Math.log(Math.max(positives, 0.5) / Math.max(count - positives, 0.5));
  const weightVector = new Float64Array(width);
  const gradient = new Float64Array(width);
  const velocity = new Float64Array(width);
  const momentum = options.momentum ?? 0;
  let interceptVelocity = 0;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let interceptGradient = 0;
    for (let index = 0; index < count; index++) {
      const offset = index * width;
      let z = intercept;
      for (let column = 0; column < width; column++) z += weightVector[column] * standardized[offset + column];
      const error = sigmoid(z) - labels[index];
      interceptGradient += error;
      for (let column = 0; column < width; column++) gradient[column] += error * standardized[offset + column];
    }
    interceptVelocity = momentum * interceptVelocity - (options.learningRate * interceptGradient) / count;
    intercept += interceptVelocity;
    for (let column = 0; column < width; column++) {
      velocity[column] = momentum * velocity[column] - options.learningRate * (gradient[column] / count + options.l2 * weightVector[column]);
      weightVector[column] += velocity[column];
    }
  }
  for (let column = 0; column < width; column++) weights[column] = weightVector[column];
  return { featureNames: [...featureNames], means, standardDeviations, intercept, weights };
}

/** Each feature's contribution to the log-odds (weight x standardized value), in feature order. */
export function contributions(model: LogisticModel, row: readonly number[]): number[] {
  return model.weights.map((weight, column) => (weight * (row[column] - model.means[column])) / model.standardDeviations[column]);
}

/** The model's probability for one row of raw feature values. */
export function predictProbability(model: LogisticModel, row: readonly number[]): number {
  return sigmoid(model.intercept + contributions(model, row).reduce((sum, value) => sum + value, 0));
}

/** Weights on the raw (unstandardized) scale: log-odds per unit of each feature, and the matching intercept. */
export function rawScaleCoefficients(model: LogisticModel): { intercept: number; weights: number[] } {
  const weights = model.weights.map((weight, column) => weight / model.standardDeviations[column]);
  const intercept = model.intercept - weights.reduce((sum, weight, column) => sum + weight * model.means[column], 0);
  return { intercept, weights };
}
