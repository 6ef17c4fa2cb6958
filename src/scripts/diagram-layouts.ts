// Lays out every workflow of the registry (current and earlier versions) with ELK and stores the
// layouts beside the diagram component, so pages draw them without starting ELK. Run after a
// machine's states or arrows change: `npm run diagrams`. A machine changed without it still
// draws correctly (ELK lays it out when first shown), only slower.
import { writeFileSync } from 'node:fs';
import { EARLIER_VERSIONS, workflows } from '../../workflows/index';
import { computeLayout, diagramGraph, STORED_LAYOUTS_FILE } from '../../views/components/workflow-layout';

const all = [...Object.values(workflows), ...EARLIER_VERSIONS];
const layouts = all.map((w) => computeLayout(`${w.code}@${w.version}`, diagramGraph(w.machine.root)));
writeFileSync(STORED_LAYOUTS_FILE, `[\n${layouts.map((l) => JSON.stringify(l)).join(',\n')}\n]\n`);
console.log(`${layouts.length} workflow layouts written to ${STORED_LAYOUTS_FILE.pathname}`);
