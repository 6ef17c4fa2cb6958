// The programme's workflow as a picture: states where ELK placed them (workflow-layout.ts), the
// current state filled, the steps this case took drawn bold, loops back dashed. The SVG keeps its
// drawn size so its labels stay readable, and scrolls inside its frame on a narrow screen.
import type { FC } from 'hono/jsx';
import type { Bilingual } from '../../workflows/types';
import type { Locale } from '../i18n';
import { BOX_H, BOX_W, diagramLayout, type Point } from './workflow-layout';

export { diagramGraph, diagramLayout } from './workflow-layout';

/** What the diagram needs of a Workflow (structural, so views stay free of the engine). */
export interface DiagramWorkflow {
  code: string;
  name: Bilingual;
  machine: { root: unknown };
  stateLabels: Record<string, Bilingual>;
  events: readonly { type: string; label: Bilingual }[];
}

/** One step a case took, from one state to another (its history's from and to). */
export interface StepTaken { from: string; to: string }

/** Splits a label into at most two lines that fit a box (CJK counts double). */
function lines(text: string, max = 24): string[] {
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  if (width(text) <= max) return [text];
  const chars = [...text];
  let first = '';
  while (chars.length && width(first + chars[0]) <= max) first += chars.shift();
  // Latin text breaks at the last space, never inside a word.
  const space = first.lastIndexOf(' ');
  if (chars.length && chars[0] !== ' ' && space > 0) { chars.unshift(...first.slice(space + 1)); first = first.slice(0, space); }
  let rest = chars.join('');
  if (width(rest) > max) rest = [...rest].slice(0, Math.floor(max / (width(rest) > rest.length ? 2 : 1)) - 1).join('') + '…';
  return [first, rest.trim()];
}

const pathOf = (points: Point[]) => points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');

export interface WorkflowDiagramProps {
  workflow: DiagramWorkflow;
  /** Dotted state key of the case now ('review.expert'); omit on programme pages. */
  current?: string | null;
  /** The steps the case took, drawn as its path. */
  path?: StepTaken[];
  locale: Locale;
  /** Unique per page when several diagrams are shown. */
  idPrefix?: string;
}

const INK = '#1d2733', GREY = '#8a94a3', TAKEN = '#1f6f43', CURRENT = '#9b1c1c';

export const WorkflowDiagram: FC<WorkflowDiagramProps> = ({ workflow, current, path = [], locale, idPrefix = 'wf' }) => {
  const g = diagramLayout(workflow.machine.root);
  const zh = locale === 'zh';
  const label = (key: string) => workflow.stateLabels[key]?.[locale] ?? (zh ? '其他' : 'Other');
  const eventName = (type: string) => workflow.events.find((e) => e.type === type)?.label[locale];
  const isCurrent = (key: string) => !!current && (key === current || key.startsWith(`${current}.`));
  const taken = new Set(path.map((s) => `${s.from}>${s.to}`));
  const visited = new Set(path.flatMap((s) => [s.from, s.to]));
  const titleId = `${idPrefix}-title`, descId = `${idPrefix}-desc`;
  const title = zh ? `${workflow.name.zh}流程图` : `Workflow of ${workflow.name.en}`;
  const desc = current
    ? (zh ? `当前步骤：${label(current)}` : `Current step: ${label(current)}`)
    : (zh ? `步骤：${g.nodes.map((n) => label(n.key)).join('、')}` : `Steps: ${g.nodes.map((n) => label(n.key)).join(', ')}`);
  // Arrows the case took are drawn last, over the others.
  const edges = [...g.edges].sort((a, b) => Number(taken.has(`${a.from}>${a.to}`)) - Number(taken.has(`${b.from}>${b.to}`)));
  return (
    <figure class="diagram" tabindex={0} aria-labelledby={titleId}>
      <svg class="workflow-diagram" role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${g.width} ${g.height}`}
        width={g.width} height={g.height} xmlns="http://www.w3.org/2000/svg" data-current={current ?? undefined}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{desc}</desc>
        <defs>
          <marker id={`${idPrefix}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={GREY} />
          </marker>
          <marker id={`${idPrefix}-arrow-taken`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={TAKEN} />
          </marker>
        </defs>
        {edges.map((e) => {
          const on = taken.has(`${e.from}>${e.to}`);
          const names = e.events.map(eventName).filter(Boolean).join(zh ? '、' : ', ');
          return (
            <path class={`edge${on ? ' taken' : ''}${e.back ? ' back' : ''}`} d={pathOf(e.points)} fill="none" stroke={on ? TAKEN : GREY}
              stroke-width={on ? 2.6 : 1.2} stroke-dasharray={e.back ? '5 4' : undefined} marker-end={`url(#${idPrefix}-arrow${on ? '-taken' : ''})`}>
              {names ? <title>{names}</title> : null}
            </path>
          );
        })}
        {g.nodes.map((n) => {
          const cur = isCurrent(n.key), done = !cur && visited.has(n.key);
          const text = lines(label(n.key));
          return (
            <g class={`state${cur ? ' current' : ''}${done ? ' visited' : ''}`} data-state={n.key} aria-current={cur ? 'step' : undefined}>
              <rect x={n.x} y={n.y} width={BOX_W} height={BOX_H} rx={n.final ? 22 : 6}
                fill={cur ? CURRENT : done ? '#e8f5ee' : '#ffffff'} stroke={cur ? CURRENT : done ? TAKEN : n.final ? INK : GREY} stroke-width={cur ? 3 : done ? 1.8 : 1.2} />
              {text.map((t, i) => (
                <text x={n.x + BOX_W / 2} y={n.y + BOX_H / 2 + (i - (text.length - 1) / 2) * 15 + 4} text-anchor="middle" font-size="12"
                  fill={cur ? '#ffffff' : INK} font-weight={cur ? 'bold' : undefined}>{t}</text>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption class="muted diagram-legend">
        {current
          ? (zh ? '红色：当前步骤；绿色：已经过的步骤与路径；虚线：退回或重新办理。' : 'Red: the current step; green: the steps and path taken; dashed: a return or a step done again.')
          : (zh ? '箭头为可能的办理顺序；虚线：退回或重新办理。' : 'Arrows show the order steps may follow; dashed: a return or a step done again.')}
      </figcaption>
    </figure>
  );
};
