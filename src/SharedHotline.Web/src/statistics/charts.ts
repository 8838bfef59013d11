import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { h } from '../shared/dom';
import { locale } from '../shared/i18n';

// Only what the page draws: bar charts with a category axis, a value axis, a legend and tooltips.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.color = '#1b1e21';
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.locale = locale;

/** The series colours: distinct in lightness too, so they differ in greyscale and for colour-blind readers. */
export const colours = { dark: '#1f5f8b', light: '#9cc3e4', warm: '#b3541e', pale: '#e8b48a' };

export interface BarSeries {
  label: string;
  data: number[];
  colour: string;
}

export interface BarOptions {
  /** What the chart shows in words, for screen readers (the canvas is an image with this name). */
  description: string;
  stacked?: boolean;
  yTitle?: string;
  height?: 'small' | 'normal';
}

/**
 * The page's charts. A chart is drawn once its canvas is on the page (Chart.js sizes it from its box), and every chart
 * is destroyed before the page draws new figures.
 */
export class Charts {
  private drawn: Chart[] = [];
  private pending: (() => Chart)[] = [];

  bar(labels: string[], series: BarSeries[], options: BarOptions): HTMLElement {
    const canvas = h('canvas', { role: 'img', 'aria-label': options.description });
    this.pending.push(
      () =>
        new Chart(canvas, {
          type: 'bar',
          data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.colour, borderColor: s.colour, borderWidth: 0 })) },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { position: 'top', align: 'start' } },
            scales: {
              x: { stacked: options.stacked ?? false, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
              y: { stacked: options.stacked ?? false, beginAtZero: true, ticks: { precision: 0 }, title: { display: !!options.yTitle, text: options.yTitle ?? '' } },
            },
          },
        }),
    );
    return h('div', { class: `chart chart--${options.height ?? 'normal'}` }, canvas);
  }

  /** Draws the charts made since the last call; their canvases must be on the page by now. */
  draw(): void {
    this.drawn.push(...this.pending.map((make) => make()));
    this.pending = [];
  }

  clear(): void {
    for (const chart of this.drawn) {
      chart.destroy();
    }

    this.drawn = [];
    this.pending = [];
  }
}
