import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LossPoint } from '../../shared/fineTuningSchemas';

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 3;

/** The polyline points of the losses, scaled into the chart (first step left, highest loss top). */
export function lossPolyline(losses: readonly LossPoint[]): string {
  if (losses.length === 0) return '';
  const steps = losses.map((point) => point.step);
  const values = losses.map((point) => point.loss);
  const [minStep, maxStep] = [Math.min(...steps), Math.max(...steps)];
  const [minLoss, maxLoss] = [Math.min(...values), Math.max(...values)];
  const x = (step: number) =>
    PAD + (maxStep === minStep ? 0 : ((step - minStep) / (maxStep - minStep)) * (WIDTH - 2 * PAD));
  const y = (loss: number) =>
    PAD +
    (maxLoss === minLoss
      ? (HEIGHT - 2 * PAD) / 2
      : ((maxLoss - loss) / (maxLoss - minLoss)) * (HEIGHT - 2 * PAD));
  return losses.map((point) => `${x(point.step).toFixed(1)},${y(point.loss).toFixed(1)}`).join(' ');
}

/**
 * A small line chart of a job's training loss per step. Plain SVG: one polyline needs no chart
 * library, and the figures are in its accessible name.
 */
export function LossChart({ losses }: { losses: readonly LossPoint[] }): ReactElement | null {
  const { t } = useTranslation();
  if (losses.length === 0) return null;
  const label = t('training:jobs.loss', {
    steps: losses.length,
    first: losses[0].loss.toFixed(3),
    last: losses[losses.length - 1].loss.toFixed(3),
  });
  return (
    <figure className="tr-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        <polyline className="tr-chart-line" points={lossPolyline(losses)} fill="none" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
