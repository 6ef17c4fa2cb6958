// Finding an expert's cases in the database: the panel lives in the workflow snapshot, at the
// JSON paths each programme with an expert review declares (workflows/*-contract.ts).
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import { workflows } from '../../../workflows/index';

interface PathGroup { members: string; scores: string; programmes: string[] }

function pathGroups(): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  for (const w of Object.values(workflows)) {
    if (!w.panel) continue;
    const key = `${w.panel.membersPath}\n${w.panel.scoresPath}`;
    const g = groups.get(key) ?? { members: `$.context.${w.panel.membersPath}`, scores: `$.context.${w.panel.scoresPath}`, programmes: [] };
    g.programmes.push(w.code);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** One condition per group of programmes sharing paths; the programme test only when paths differ. */
function perGroup(build: (g: PathGroup) => SQL): SQL {
  const groups = pathGroups();
  if (groups.length === 0) return sql`0`;
  if (groups.length === 1) return build(groups[0]!);
  return or(...groups.map((g) => sql`(${inArray(cases.programmeCode, g.programmes)} and ${build(g)})`))!;
}

const named = (g: PathGroup, expertId: number) => sql`exists (select 1 from json_each(${cases.snapshot}, ${g.members}) where value = ${expertId})`;
const scored = (g: PathGroup, expertId: number) => sql`exists (select 1 from json_each(${cases.snapshot}, ${g.scores}) where json_extract(value, '$.expertId') = ${expertId})`;

/** The case's panel names the expert, or the expert has scored it. */
export const onPanelSql = (expertId: number): SQL => perGroup((g) => sql`(${named(g, expertId)} or ${scored(g, expertId)})`);

/** The panel names the expert and the expert has not scored yet. */
export const awaitsScoreSql = (expertId: number): SQL => perGroup((g) => sql`${named(g, expertId)} and not ${scored(g, expertId)}`);
